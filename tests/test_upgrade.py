"""Installing a new release over the previous one: the kiosk's data survives, a copy of the
old file is kept, and the program says once what changed."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest
from alembic.config import Config
from alembic.script import ScriptDirectory

import station
from station import paths, upgrade_note
from station.messages import render
from station.migrations import HEAD
from station.store import migrate

REDPOST = str(Path(sys.executable).with_name("redpost"))
NOW = "2026-11-20 02:00:00.000000"


def previous_release() -> str:
    """The schema the release before this one left on kiosks: the revision before the head."""
    config = Config()
    config.set_main_option("script_location", str(Path(station.__file__).parent / "migrations"))
    down = ScriptDirectory.from_config(config).get_revision(HEAD).down_revision
    assert isinstance(down, str)
    return down


def kiosk_of_the_previous_release(folder: Path) -> Path:
    """A data folder as the previous release left it: a station, a volunteer, an inquiry."""
    db = paths.database(folder)
    folder.mkdir(parents=True)
    migrate(db, previous_release())
    with closing(sqlite3.connect(db)) as conn, conn:
        conn.execute(
            "INSERT INTO station (code, name, created_at) VALUES ('YF01', '恩江古城红驿站', ?)",
            (NOW,),
        )
        conn.execute(
            "INSERT INTO volunteers (id, station_code, created_at, updated_at, version, name, "
            "phone, badge_code, is_party_member, home_station, active) VALUES "
            "('v1', 'YF01', ?, ?, 1, '李红梅', '13800001234', 'YF01-0001', 1, 'YF01', 1)",
            (NOW, NOW),
        )
        conn.execute(
            "INSERT INTO inquiries (id, station_code, created_at, updated_at, version, ticket_no, "
            "category, question, answer, handled_by, status) VALUES ('i1', 'YF01', ?, ?, 1, "
            "'YF01-20261120-0001', 'directions', '古戏台怎么走', '沿河向东两百米', 'v1', "
            "'resolved')",
            (NOW, NOW),
        )
    return db


def redpost(folder: Path, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [REDPOST, "--data-dir", str(folder), "--lang", "en", *args],
        capture_output=True,
        text=True,
        input=stdin,
        timeout=120,
        check=False,
    )


def test_the_new_release_keeps_the_data_backs_it_up_and_says_what_changed(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "kiosk"
    db = kiosk_of_the_previous_release(folder)

    first = redpost(folder, "stats", "--json")

    assert first.returncode == 0, first.stderr
    counts = json.loads(first.stdout)  # the note goes to stderr: stdout stays JSON
    assert (counts["volunteers"], counts["inquiries"]) == (1, 1)
    (backup,) = paths.backups(folder).glob(f"*-from-{previous_release()}.db")
    with closing(sqlite3.connect(backup)) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == (
            previous_release(),
        )
        assert conn.execute("SELECT question FROM inquiries").fetchall() == [("古戏台怎么走",)]
    assert f"upgraded (data version {previous_release()} → {HEAD})" in first.stderr
    assert str(backup) in first.stderr
    for revision, code in upgrade_note.NEWS.items():  # what the new migrations bring
        if previous_release() < revision <= HEAD:
            assert render(code, "en") in first.stderr
    with closing(sqlite3.connect(db)) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == (HEAD,)

    listed = redpost(folder, "list", "inquiries", "--json")
    assert listed.returncode == 0, listed.stderr
    assert [row["ticket_no"] for row in json.loads(listed.stdout)] == ["YF01-20261120-0001"]
    assert listed.stderr == ""  # said once
    assert len(list(paths.backups(folder).glob("*-from-*.db"))) == 1  # migrated once


def test_the_window_gets_the_note_once_even_after_the_command_line_printed_it(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "kiosk"
    kiosk_of_the_previous_release(folder)
    assert redpost(folder, "stats").returncode == 0

    note = upgrade_note.take(folder, "gui")

    assert note is not None
    assert (note.from_revision, note.to_revision) == (previous_release(), HEAD)
    assert "升级" in note.message("zh_CN")
    assert upgrade_note.take(folder, "gui") is None
    assert not (folder / upgrade_note.NOTE_FILE).exists()  # both readers had it


def test_a_new_kiosk_has_no_upgrade_note(tmp_path: Path) -> None:
    result = redpost(
        tmp_path,
        "init",
        "--station",
        "YF02",
        "--name",
        "新站",
        "--lead-name",
        "王站长",
        "--pin-stdin",
        stdin="2468\n",
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert upgrade_note.take(tmp_path, "gui") is None


def test_the_note_says_what_each_migration_since_the_old_version_brings() -> None:
    from_before_sign_in = upgrade_note.UpgradeNote("0004", HEAD, "backup.db").message("en")
    assert "New: sign-in." in from_before_sign_in
    since_sign_in = upgrade_note.UpgradeNote("0005", HEAD, "backup.db").message("en")
    assert "sign-in" not in since_sign_in


@pytest.mark.parametrize("content", ["not json", '{"from": "0001"}', "[1, 2]"])
def test_a_damaged_note_is_ignored(tmp_path: Path, content: str) -> None:
    (tmp_path / upgrade_note.NOTE_FILE).write_text(content, encoding="utf-8")
    assert upgrade_note.take(tmp_path, "cli") is None

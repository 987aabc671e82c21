"""The `redpost` command-line contracts, run as a person or a script would run them."""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest

REDPOST = str(Path(sys.executable).with_name("redpost"))
KINDS = ("volunteers", "inquiries", "shifts", "found_items", "lost_reports", "returns")


# The first lead that `init` sets up here, and their PIN.
LEAD = ("--lead-name", "王站长")
PIN = "2468"


def redpost(data_dir: Path, *args: str, pin: str | None = None) -> subprocess.CompletedProcess[str]:
    """Run the command; with `pin`, as a script giving the lead's PIN on stdin."""
    given = ["--pin-stdin"] if pin is not None else []
    return subprocess.run(
        [REDPOST, "--data-dir", str(data_dir), *given, *args],
        capture_output=True,
        text=True,
        input=None if pin is None else f"{pin}\n",
        timeout=300,
        check=False,
    )


def assert_one_line_error(result: subprocess.CompletedProcess[str]) -> None:
    assert result.returncode != 0
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert "Traceback" not in result.stderr


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("demo")
    result = redpost(
        folder,
        "init",
        "--station",
        "YF01",
        "--name",
        "恩江古城红驿站",
        "--post",
        "古戏台广场",
        *LEAD,
        pin=PIN,
    )
    assert result.returncode == 0, result.stderr
    result = redpost(folder, "demo", "--days", "3", "--seed", "7", pin=PIN)
    assert result.returncode == 0, result.stderr
    return folder


def stats(folder: Path) -> dict[str, int]:
    result = redpost(folder, "stats", "--json")
    assert result.returncode == 0, result.stderr
    parsed: dict[str, int] = json.loads(result.stdout)
    return parsed


def test_init_sets_the_station_once(tmp_path: Path) -> None:
    first = redpost(
        tmp_path,
        "init",
        "--station",
        "yf02",
        "--name",
        "永叔公园红驿站",
        "--post",
        "永叔公园",
        *LEAD,
        pin=PIN,
    )
    assert first.returncode == 0, first.stderr
    assert "YF02" in first.stdout
    assert "王站长" in first.stdout
    assert "YF02-LEAD" in first.stdout
    again = redpost(tmp_path, "init", "--station", "YF03", "--name", "别的站", *LEAD, pin=PIN)
    assert_one_line_error(again)
    assert "YF02" in again.stderr
    assert stats(tmp_path)["unsynced"] == 2  # the post and the lead, waiting for the sync


@pytest.mark.parametrize(
    ("args", "field_words"),
    [
        (["--station", "1X", "--name", "站"], "站点编号"),
        (["--station", "YF01", "--name", "  "], "站点名称"),
        (["--station", "YF01", "--name", "站", "--post", "a\x07b"], "点位名称"),
        (["--station", "YF01", "--name", "站" * 61], "站点名称"),
    ],
)
def test_init_rejects_bad_input_and_stores_nothing(
    tmp_path: Path, args: list[str], field_words: str
) -> None:
    result = redpost(tmp_path, "init", *args, *LEAD, pin=PIN)
    assert_one_line_error(result)
    assert field_words in result.stderr
    unset = redpost(tmp_path, "stats", "--json")
    assert_one_line_error(unset)
    assert "init" in unset.stderr


def test_errors_are_in_english_when_asked(tmp_path: Path) -> None:
    result = subprocess.run(
        [
            REDPOST,
            "--data-dir",
            str(tmp_path),
            "--lang",
            "en",
            "init",
            "--station",
            "1X",
            "--name",
            "x",
            *LEAD,
            "--pin-stdin",
        ],
        input=f"{PIN}\n",
        capture_output=True,
        text=True,
        check=False,
    )
    assert_one_line_error(result)
    assert "station code" in result.stderr


def test_demo_fills_a_station_with_every_kind(demo_dir: Path) -> None:
    counts = stats(demo_dir)
    assert set(counts) == {*KINDS, "unsynced"}
    assert counts["volunteers"] == 40
    assert 100 <= counts["inquiries"] <= 200  # about 60 a day; today is not over yet
    assert 20 <= counts["shifts"] <= 60
    assert counts["found_items"] >= 5
    assert counts["lost_reports"] >= 2
    assert counts["returns"] >= 1
    total = sum(counts[k] for k in KINDS)
    assert counts["unsynced"] >= total  # nothing has been synced, posts and FAQs wait too


@pytest.mark.parametrize("kind", KINDS)
def test_list_gives_every_record_of_a_kind(demo_dir: Path, kind: str) -> None:
    result = redpost(demo_dir, "list", kind, "--json")
    assert result.returncode == 0, result.stderr
    records = json.loads(result.stdout)
    assert len(records) == stats(demo_dir)[kind]
    assert len({r["id"] for r in records}) == len(records)
    text = redpost(demo_dir, "list", kind.replace("_", "-"), "--limit", "3")
    assert text.returncode == 0, text.stderr
    assert len(text.stdout.strip().splitlines()) == 1 + min(3, len(records))


def test_list_inquiries_shows_ticket_numbers_and_masks_phones(demo_dir: Path) -> None:
    records = json.loads(redpost(demo_dir, "list", "inquiries", "--json", "--limit", "500").stdout)
    assert all(r["ticket_no"].startswith("YF01-") and len(r["ticket_no"]) == 18 for r in records)
    phones = [r["visitor_phone"] for r in records if r["visitor_phone"]]
    assert phones
    assert all("****" in p for p in phones)
    newest_first = [r["created_at"] for r in records]
    assert newest_first == sorted(newest_first, reverse=True)


def test_list_needs_no_pin_so_it_masks_claimants_names(demo_dir: Path) -> None:
    records = json.loads(redpost(demo_dir, "list", "returns", "--json").stdout)
    names = [r["claimant_name"] for r in records]
    assert names
    assert all(len(n) >= 2 and set(n[1:]) == {"*"} for n in names), names


@pytest.mark.parametrize("query", ["桥", "驼背", "驼背桥", "欧阳修纪念馆"])
def test_list_search_finds_chinese_of_any_length(demo_dir: Path, query: str) -> None:
    result = redpost(demo_dir, "list", "inquiries", "--json", "--search", query)
    assert result.returncode == 0, result.stderr
    found = json.loads(result.stdout)
    assert found
    assert all(query in (r["question"] + r["answer"] + r["referral_unit"]) for r in found)


def test_list_search_by_ticket_number(demo_dir: Path) -> None:
    some = json.loads(redpost(demo_dir, "list", "inquiries", "--json", "--limit", "1").stdout)[0]
    found = json.loads(
        redpost(demo_dir, "list", "inquiries", "--json", "--search", some["ticket_no"]).stdout
    )
    assert [r["id"] for r in found] == [some["id"]]


def test_list_limit(demo_dir: Path) -> None:
    result = redpost(demo_dir, "list", "found_items", "--json", "--limit", "2")
    assert len(json.loads(result.stdout)) == 2


@pytest.mark.parametrize(
    "args",
    [
        ["list", "parcels"],
        ["list", "inquiries", "--limit", "-1"],
        ["demo", "--days", "x"],
        ["frobnicate"],
    ],
)
def test_usage_errors_are_one_line(demo_dir: Path, args: list[str]) -> None:
    result = redpost(demo_dir, *args)
    assert result.returncode == 2
    assert_one_line_error(result)


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["--data-dir", "kiosk-data", "--kiosk", "--lang", "en"],
        ["--data-dir", "stats"],  # a folder named like a command is still a folder
        ["--smoke-test", "--data", "kiosk-data"],  # abbreviated, as argparse allows
        ["--lang", "en", "stats", "--json"],
        ["--pin-stdin", "backup", "--lead", "YF01-0001"],
        ["list", "inquiries", "--s=路", "--limit", "2"],  # --search, not the window's --smoke-test
        ["demo", "--s=5"],
        ["init", "--s=YF01", "--name", "x", "--lead-name", "y"],
    ],
)
def test_the_windows_quick_reading_of_the_command_line_is_the_full_one(argv: list[str]) -> None:
    from station import cli

    assert vars(cli.parse_command_line(argv)) == vars(cli.build_parser().parse_args(argv))


@pytest.mark.parametrize(
    ("argv", "error"),
    [
        (["--lang", "fr"], "argument --lang: invalid choice: 'fr'"),
        (["--frobnicate"], "unrecognized arguments: --frobnicate"),
        (["--l", "en"], "ambiguous option: --l could match --lang, --lead"),
        (["stats", "--lang", "fr"], "unrecognized arguments: --lang fr"),
    ],
)
def test_a_bad_option_is_the_full_parsers_one_line(
    argv: list[str], error: str, tmp_path: Path
) -> None:
    result = redpost(tmp_path, *argv)
    assert result.returncode == 2
    assert_one_line_error(result)
    assert error in result.stderr


@pytest.mark.parametrize("argv", [["--help"], ["-h", "--lang", "fr"], ["--help", "--lead"]])
def test_help_still_lists_the_commands(argv: list[str], tmp_path: Path) -> None:
    result = redpost(tmp_path, *argv)
    assert result.returncode == 0
    assert "stats" in result.stdout
    assert "--kiosk" in result.stdout


def test_check_passes_on_a_sound_store(demo_dir: Path) -> None:
    result = redpost(demo_dir, "check")
    assert result.returncode == 0, result.stderr


def test_check_finds_a_change_missing_from_the_outbox(tmp_path: Path, demo_dir: Path) -> None:
    copy = tmp_path / "copy"
    copy.mkdir()
    with (
        closing(sqlite3.connect(demo_dir / "redpost.db")) as src,
        closing(sqlite3.connect(copy / "redpost.db")) as dst,
    ):
        src.backup(dst)
    with closing(sqlite3.connect(copy / "redpost.db")) as conn, conn:
        conn.execute("UPDATE inquiries SET version = version + 1 WHERE pk = 1")
    result = redpost(copy, "check")
    assert_one_line_error(result)
    assert "outbox" in result.stderr


def test_check_finds_a_damaged_file(tmp_path: Path, demo_dir: Path) -> None:
    copy = tmp_path / "copy"
    copy.mkdir()
    with (
        closing(sqlite3.connect(demo_dir / "redpost.db")) as src,
        closing(sqlite3.connect(copy / "redpost.db")) as dst,
    ):
        src.backup(dst)
    data = bytearray((copy / "redpost.db").read_bytes())
    page = 4096
    for offset in range(page * 3, len(data) - page, page * 7):  # scribble over many pages
        data[offset + 100 : offset + 300] = b"\xff" * 200
    (copy / "redpost.db").write_bytes(bytes(data))
    result = redpost(copy, "check")
    assert_one_line_error(result)


def test_an_unusable_data_folder_is_one_line(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    result = redpost(blocker / "sub", "stats", "--json")
    assert_one_line_error(result)


def test_commands_that_change_data_need_the_lead_pin(demo_dir: Path) -> None:
    copy = demo_dir.parent / "pin-copy"
    shutil.copytree(demo_dir, copy)
    before = stats(copy)
    without = redpost(copy, "retention")
    assert_one_line_error(without)
    assert "--pin-stdin" in without.stderr
    wrong = redpost(copy, "retention", pin="0000")
    assert_one_line_error(wrong)
    assert "还可以再试 4 次" in wrong.stderr
    assert redpost(copy, "retention", "--dry-run", pin=PIN).returncode == 0
    given = subprocess.run(
        [REDPOST, "--data-dir", str(copy), "--pin-stdin", "set-pin", "YF01-0002"],
        input=f"{PIN}\n1357\n",
        capture_output=True,
        text=True,
        check=False,
    )
    assert given.returncode == 0, given.stderr
    before = stats(copy)
    volunteer = redpost(copy, "--lead", "YF01-0002", "backup", pin="1357")
    assert_one_line_error(volunteer)
    assert "只有站长" in volunteer.stderr
    assert stats(copy) == before
    for free in (["stats", "--json"], ["check"], ["audit", "verify"], ["list", "inquiries"]):
        assert redpost(copy, *free).returncode == 0, free


def test_set_pin_needs_no_pin_only_for_a_station_without_any(tmp_path: Path) -> None:
    from station.services import roster
    from station.services import station as station_service
    from station.store import open_store

    with open_store(tmp_path) as store, store.transaction() as session:
        station_service.init(session, code="YF09", name="旧站")
        roster.add(session, name="老站长", badge_code="YF09-0001")
        roster.add(session, name="小李", badge_code="YF09-0002")
    first = redpost(tmp_path, "set-pin", "YF09-0001", pin="4321")
    assert first.returncode == 0, first.stderr
    assert "老站长" in first.stdout
    # Now a lead exists: the next PIN needs theirs first, then the new one.
    refused = redpost(tmp_path, "set-pin", "YF09-0002", pin="1111")
    assert_one_line_error(refused)
    second = subprocess.run(
        [REDPOST, "--data-dir", str(tmp_path), "--pin-stdin", "set-pin", "YF09-0002"],
        input="4321\n5678\n",
        capture_output=True,
        text=True,
        check=False,
    )
    assert second.returncode == 0, second.stderr
    with open_store(tmp_path) as store, store.transaction() as session:
        from station.access import credentials

        assert credentials.sign_in(session, "YF09-0002", "5678").actor is not None

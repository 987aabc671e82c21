"""`redpost connect` and `redpost sync` as the station lead runs them, and their one-line errors."""

from __future__ import annotations

import io
import json
import os
import socket
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy.engine import make_url

from station.central import database
from station.central import migrations as central_migrations
from station.central.schema import SCHEMA_HEAD
from station.sync import sealed
from tests.sync.conftest import Central
from tests.sync.day import work_day

REDPOST = str(Path(sys.executable).with_name("redpost"))
ROOT = Path(__file__).resolve().parents[2]


# The lead's PIN, set by `init` below; every command is given it as its first line of stdin.
PIN = "2468"


def redpost(
    data_dir: Path, *args: str, stdin: str | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [REDPOST, "--data-dir", str(data_dir), "--lang", "en", "--pin-stdin", *args],
        capture_output=True,
        text=True,
        input=f"{PIN}\n{stdin or ''}",
        timeout=120,
        check=False,
        env={**os.environ, **(env or {})},
    )


def one_line_error(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr
    return lines[0]


@pytest.fixture
def station_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "kiosk"
    done = redpost(
        folder,
        "init",
        "--station",
        "YF01",
        "--name",
        "恩江古城红驿站",
        "--post",
        "驼背桥",
        "--lead-name",
        "王站长",
    )
    assert done.returncode == 0, done.stderr
    return folder


NO_KEYRING = {"PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}


def test_connect_then_sync_end_to_end(central: Central, station_dir: Path, tmp_path: Path) -> None:
    url = central.add_station("YF01")
    env = {
        "PYTHON_KEYRING_BACKEND": "tests.sync.memory_keyring.FileKeyring",
        "TEST_KEYRING_FILE": str(tmp_path / "keyring.json"),
        "PYTHONPATH": str(ROOT),
    }
    connected = redpost(station_dir, "connect", "--central", url, env=env)
    assert connected.returncode == 0, connected.stderr
    assert "YF01" in connected.stdout
    if central.kind == "postgresql":
        # The password went to the keyring, not into the settings or a file.
        assert "keyring" in connected.stdout
        saved = json.loads((tmp_path / "keyring.json").read_text())
        assert list(saved.values()) == [make_url(url).password]
        assert not sealed.sealed_file(station_dir).exists()
        assert next(iter(saved.values())) not in (station_dir / "redpost.db").read_bytes().decode(
            "latin-1"
        )
    demo = redpost(station_dir, "demo", "--days", "2", "--seed", "3")
    assert demo.returncode == 0, demo.stderr
    before = json.loads(redpost(station_dir, "stats", "--json").stdout)
    assert before["unsynced"] > 0

    synced = redpost(station_dir, "sync", "--json", env=env)
    assert synced.returncode == 0, synced.stderr
    report = json.loads(synced.stdout)
    assert set(report) == {"pushed", "pulled", "conflicts", "parked", "duration_s"}
    assert report["pushed"] >= before["unsynced"]
    assert report["parked"] == report["conflicts"] == 0
    after = json.loads(redpost(station_dir, "stats", "--json").stdout)
    assert after["unsynced"] == 0
    # Central also holds the audit entry of this sync, pushed after the report's count.
    assert len(central.rows()) == report["pushed"] + 1

    again = redpost(station_dir, "sync", env=env)
    assert again.returncode == 0, again.stderr
    # Nothing new but the audit entry of this run's own sign-in by the lead's PIN.
    assert "1 pushed" in again.stdout


@pytest.mark.parametrize("central", ["postgresql"], indirect=True)
def test_without_a_keyring_the_lead_is_told_and_the_password_is_sealed(
    central: Central, station_dir: Path
) -> None:
    url = make_url(central.add_station("YF01"))
    password = str(url.password)
    connected = redpost(
        station_dir,
        "connect",
        "--central",
        url.set(drivername="postgresql").render_as_string(hide_password=True).replace(":***", ""),
        "--password-stdin",
        stdin=password + "\n",
        env=NO_KEYRING,
    )
    assert connected.returncode == 0, connected.stderr
    assert "No system keyring" in connected.stdout
    assert "encrypted" in connected.stdout
    assert password.encode() not in sealed.sealed_file(station_dir).read_bytes()
    assert stat.S_IMODE(sealed.key_file().stat().st_mode) == 0o600
    assert redpost(station_dir, "sync", env=NO_KEYRING).returncode == 0


def test_sync_before_connect_says_what_to_do(station_dir: Path) -> None:
    line = one_line_error(redpost(station_dir, "sync"))
    assert "redpost connect" in line


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_offline_is_one_clear_line(station_dir: Path) -> None:
    url = f"postgresql://st@127.0.0.1:{_closed_port()}/central"
    line = one_line_error(redpost(station_dir, "connect", "--central", url, env=NO_KEYRING))
    assert "cannot be reached" in line
    missing = station_dir / "nowhere.db"
    line = one_line_error(redpost(station_dir, "connect", "--central", str(missing)))
    assert "cannot be reached" in line


def test_a_wrong_password_is_one_clear_line(station_dir: Path, refusing_server: int) -> None:
    url = f"postgresql://st:wrong@127.0.0.1:{refusing_server}/central"
    line = one_line_error(redpost(station_dir, "connect", "--central", url, env=NO_KEYRING))
    assert "password is wrong" in line
    assert "wrong" not in line.replace("password is wrong", "")


def test_an_unregistered_station_is_told_so(central: Central, station_dir: Path) -> None:
    central.add_station("YF09")
    url = central.station_urls["YF09"]
    line = one_line_error(redpost(station_dir, "connect", "--central", url, env=NO_KEYRING))
    assert ("not registered" in line) or ("belongs to station YF09" in line)


@pytest.mark.parametrize("central", ["sqlite"], indirect=True)
def test_a_central_schema_older_than_the_program_is_named(
    central: Central,
    station_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from station import cli

    central.add_station("YF01")
    lead = ["--data-dir", str(station_dir), "--pin-stdin"]
    monkeypatch.setattr("sys.stdin", io.StringIO(f"{PIN}\n{PIN}\n"))
    assert cli.main([*lead, "connect", "--central", central.admin_url]) == 0
    work_day_store(station_dir)
    capsys.readouterr()
    # This program, a release later: it speaks the next schema, which central has not got yet.
    later = f"c{int(SCHEMA_HEAD.removeprefix('c')) + 1:04d}"
    monkeypatch.setattr(database, "SCHEMA_HEAD", later)
    monkeypatch.setattr(central_migrations, "KNOWN", (*central_migrations.KNOWN, later))
    assert cli.main([*lead, "--lang", "en", "sync"]) == 1
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1
    assert "too old" in err


def work_day_store(folder: Path) -> None:
    from station.store import open_store

    with open_store(folder) as store:
        work_day(store)

"""`redpost-central`: set-up, stations, shared data, status and conflicts, one-line errors."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select

from station.central import database, exchange, migrations
from station.central.cli import main
from station.central.schema import SCHEMA_HEAD, records
from tests.central.rows import batch, found_item

ROSTER = (
    "badge_code,name,phone,team,home_station,is_party_member\n"
    "A-001,张三,13812345678,一队,YF01,是\n"
    "A-002,李四,,二队,YF02,否\n"
)


def run(capsys: pytest.CaptureFixture[str], url: str, *args: str) -> tuple[int, str, str]:
    code = main(["--url", url, "--lang", "en", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_schema_head_is_alembic_head() -> None:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", str(Path(migrations.__file__).parent))
    script = ScriptDirectory.from_config(config)
    assert script.get_current_head() == SCHEMA_HEAD == migrations.KNOWN[-1]
    assert [r.revision for r in reversed(list(script.walk_revisions()))] == list(migrations.KNOWN)


def test_init_is_idempotent_and_keeps_the_epoch(
    capsys: pytest.CaptureFixture[str], central_admin_url: str
) -> None:
    code, first, _ = run(capsys, central_admin_url, "init")
    assert code == 0
    code, second, _ = run(capsys, central_admin_url, "init")
    assert code == 0
    assert first == second
    assert SCHEMA_HEAD in first
    code, renewed, _ = run(capsys, central_admin_url, "new-epoch")
    assert code == 0
    epoch = re.search(r"New epoch (\S+):", renewed)
    assert epoch is not None
    assert epoch.group(1) not in first


def test_shared_data_reaches_every_station(
    capsys: pytest.CaptureFixture[str], central_admin_url: str, tmp_path: Path
) -> None:
    assert run(capsys, central_admin_url, "init")[0] == 0
    logins = {}
    for code in ("YF01", "YF02"):
        status, out, _ = run(capsys, central_admin_url, "add-station", code, "--name", f"{code}站")
        assert status == 0
        logins[code] = out
    roster = tmp_path / "roster.csv"
    roster.write_text(ROSTER, encoding="utf-8-sig")
    assert run(capsys, central_admin_url, "import-volunteers", str(roster))[1].startswith(
        "Volunteers imported: 2 added"
    )
    assert (
        "0 added, 0 changed, 2 unchanged"
        in run(capsys, central_admin_url, "import-volunteers", str(roster))[1]
    )
    roster.write_text(ROSTER.replace("一队", "三队"), encoding="utf-8")
    assert (
        "0 added, 1 changed" in run(capsys, central_admin_url, "import-volunteers", str(roster))[1]
    )
    assert (
        run(capsys, central_admin_url, "add-faq", "--question", "厕所在哪", "--answer", "往前走")[0]
        == 0
    )

    station_url = _station_url(central_admin_url, logins["YF02"])
    engine = database.make_engine(station_url)
    with engine.connect() as conn:
        assert exchange.hello(conn, "YF02").station_code == "YF02"
        pulled = exchange.pull(conn, "YF02", 0, 100)
    engine.dispose()
    by_kind = {(p.row["kind"], p.row["station_code"], p.row["version"]) for p in pulled}
    assert by_kind == {("volunteers", "YF01", 2), ("volunteers", "YF02", 1), ("faqs", "CENTRAL", 1)}
    volunteer = next(
        p.row for p in pulled if p.row["kind"] == "volunteers" and p.row["version"] == 2
    )
    assert volunteer["fields"]["team"] == "三队"
    assert "phone" not in volunteer["fields"]


def _station_url(admin_url: str, printed: str) -> str:
    if not admin_url.startswith("postgresql"):
        return admin_url
    match = re.search(r"--central (\S+)", printed)
    assert match is not None
    assert re.search(r"Role: rp_\w+_yf0\d", printed)
    assert re.search(r"Password: \S{20,}", printed)
    return match.group(1)


def test_a_bad_roster_writes_nothing_and_names_every_bad_line(
    capsys: pytest.CaptureFixture[str], central_admin_url: str, tmp_path: Path
) -> None:
    run(capsys, central_admin_url, "init")
    run(capsys, central_admin_url, "add-station", "YF01", "--name", "一站")
    roster = tmp_path / "roster.csv"
    roster.write_text(
        ROSTER.replace("YF02", "YF09") + "A-001,王五,13812345678,,YF01,maybe\n", encoding="utf-8"
    )
    code, out, err = run(capsys, central_admin_url, "import-volunteers", str(roster))
    assert code == 1
    assert out == ""
    assert err.count("\n") == 1
    assert "Line 3: The home station YF09 is not registered." in err
    assert "Line 4:" in err
    engine = database.make_engine(central_admin_url)
    with engine.connect() as conn:
        assert conn.scalar(select(func.count()).select_from(records)) == 0
    engine.dispose()


def test_status_and_conflicts_report_parked_rows(
    capsys: pytest.CaptureFixture[str], central_admin_url: str
) -> None:
    run(capsys, central_admin_url, "init")
    _, printed, _ = run(capsys, central_admin_url, "add-station", "YF01", "--name", "一站")
    engine = database.make_engine(_station_url(central_admin_url, printed))
    with engine.connect() as conn:
        exchange.push(conn, "YF01", batch(), [found_item("YF01"), found_item("YF02")])
    engine.dispose()
    code, out, _ = run(capsys, central_admin_url, "status", "--json")
    assert code == 0
    (station,) = json.loads(out)
    assert (station["code"], station["records"], station["parked"]) == (
        "YF01",
        {"found_items": 1},
        1,
    )
    _, out, _ = run(capsys, central_admin_url, "conflicts", "--json")
    (problem,) = json.loads(out)
    assert (problem["type"], problem["reason"]) == ("parked", "wrong_station")
    assert problem["reason_text"] == "the record belongs to another station"
    assert "wrong_station" not in run(capsys, central_admin_url, "conflicts")[1]


def test_errors_are_one_line(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(capsys, "postgresql://postgres@127.0.0.1:1/nothing", "status")
    assert code == 1
    assert err.startswith("redpost-central: Central cannot be reached")
    assert err.count("\n") == 1
    code, _, err = run(capsys, str(tmp_path / "empty.db"), "status")
    assert (code, err) == (
        1,
        "redpost-central: Central is not set up yet; run redpost-central init first.\n",
    )
    code, _, err = run(capsys, "mysql://x@y/z", "status")
    assert code == 1
    assert "not understood" in err


def test_usage_errors_exit_2() -> None:
    done = subprocess.run(
        [sys.executable, "-c", "from station.central.cli import run; run()", "status"],
        capture_output=True,
        text=True,
        env={"PATH": "/usr/bin:/bin"},
        check=False,
    )
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1
    assert "REDPOST_CENTRAL_URL" in done.stderr

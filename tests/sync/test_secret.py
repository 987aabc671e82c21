"""Where central's password is kept: the keyring when one works, else sealed in the data
folder with its key in the user's config folder. Never in plain text in the data folder."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from cryptography.fernet import Fernet
from sqlalchemy import Engine, select
from sqlalchemy.engine import make_url

from station import backup
from station.central.errors import CentralError
from station.models import Setting
from station.services import station as station_service
from station.store import Store, open_store
from station.sync import connect, link, sealed, secret
from station.sync.run import sync
from tests.sync.conftest import Central
from tests.sync.day import work_day
from tests.sync.memory_keyring import MemoryKeyring

ACCOUNT = "postgresql+psycopg://st_yf01@127.0.0.1:5432/central"
REDPOST = str(Path(sys.executable).with_name("redpost"))


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    before = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(before)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return tmp_path / "data"


def every_file(folder: Path) -> list[Path]:
    return [path for path in folder.rglob("*") if path.is_file()]


def holding(folder: Path, password: str) -> list[Path]:
    """The files in `folder` (the database, its WAL, backups, logs, …) that hold the password."""
    return [path for path in every_file(folder) if password.encode() in path.read_bytes()]


def test_a_working_keyring_keeps_the_password_and_no_file_is_left(
    folder: Path, memory_keyring: MemoryKeyring
) -> None:
    sealed.seal(folder, "before")
    assert secret.save(folder, ACCOUNT, "s3cret") == secret.KEYRING
    assert memory_keyring.saved == {(secret.SERVICE, ACCOUNT): "s3cret"}
    assert not sealed.sealed_file(folder).exists()
    assert secret.load(folder, ACCOUNT) == "s3cret"


def test_without_a_keyring_the_password_is_sealed_and_its_key_kept_outside(
    folder: Path, tmp_path: Path
) -> None:
    assert not secret.keyring_usable()
    assert secret.save(folder, ACCOUNT, "s3cret-Passw0rd") == secret.FILE
    assert every_file(folder) == [sealed.sealed_file(folder)]
    assert holding(folder, "s3cret-Passw0rd") == []
    key = sealed.key_file()
    assert key == tmp_path / "user-config" / "redpost" / sealed.KEY_FILE
    assert stat.S_IMODE(key.stat().st_mode) == 0o600
    assert secret.load(folder, ACCOUNT) == "s3cret-Passw0rd"
    # A new password replaces the old one under the same key.
    made = key.read_bytes()
    secret.save(folder, ACCOUNT, "n3w")
    assert key.read_bytes() == made
    assert secret.load(folder, ACCOUNT) == "n3w"


def test_a_copy_of_the_data_folder_alone_reveals_nothing(folder: Path, tmp_path: Path) -> None:
    secret.save(folder, ACCOUNT, "s3cret")
    copy = tmp_path / "copy"
    shutil.copytree(folder, copy)
    sealed.key_file().unlink()  # the copy, on another machine, without this user's key
    with pytest.raises(CentralError) as caught:
        secret.load(copy, ACCOUNT)
    assert caught.value.code == "central_key_lost"


def test_a_plain_password_of_an_older_version_is_sealed_on_first_load(folder: Path) -> None:
    folder.mkdir()
    secret.legacy_file(folder).write_text("0ld-plain-pass", encoding="utf-8")
    assert secret.load(folder, ACCOUNT) == "0ld-plain-pass"
    assert not secret.legacy_file(folder).exists()
    assert holding(folder, "0ld-plain-pass") == []
    assert sealed.sealed_file(folder).is_file()
    assert secret.load(folder, ACCOUNT) == "0ld-plain-pass"


def test_a_plain_password_moves_into_a_working_keyring(
    folder: Path, memory_keyring: MemoryKeyring
) -> None:
    folder.mkdir()
    secret.legacy_file(folder).write_text("0ld-plain-pass", encoding="utf-8")
    assert secret.load(folder, ACCOUNT) == "0ld-plain-pass"
    assert memory_keyring.saved == {(secret.SERVICE, ACCOUNT): "0ld-plain-pass"}
    assert every_file(folder) == []


def test_a_key_folder_inside_the_data_folder_is_refused(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(folder / "config"))
    monkeypatch.setenv("APPDATA", str(folder / "config"))
    with pytest.raises(CentralError) as caught:
        secret.save(folder, ACCOUNT, "s3cret")
    assert caught.value.code == "central_key_in_data"
    assert not folder.exists()


def test_the_environment_variable_wins(
    folder: Path, monkeypatch: pytest.MonkeyPatch, memory_keyring: MemoryKeyring
) -> None:
    secret.save(folder, ACCOUNT, "kept")
    monkeypatch.setenv(secret.ENV_PASSWORD, "from-env")
    assert secret.load(folder, ACCOUNT) == "from-env"


@pytest.mark.usefixtures("memory_keyring")
def test_nothing_saved_means_no_password(folder: Path) -> None:
    assert secret.load(folder, ACCOUNT) is None


def _linked_kiosk(
    central: Central, migrated_template: Path, folder: Path
) -> tuple[Store, str, link.CentralLink]:
    """A kiosk with a day of work, connected with a password (given apart from the URL for a
    SQLite central, which has none; in the URL for PostgreSQL, as add-station prints it)."""
    url = central.add_station("YF01")
    shutil.copytree(migrated_template, folder)
    store = open_store(folder)
    with store.transaction() as session:
        station_service.init(session, code="YF01", name="恩江古城红驿站", posts=["古戏台广场"])
    password = make_url(url).password
    if isinstance(password, str):
        connect.connect(folder, url)
    else:
        password = "Sealed-Passw0rd-for-the-demo"  # noqa: S105
        connect.connect(folder, url, password=password)
    work_day(store)
    where, _ = link.parse(url)
    return store, password, where


def test_no_file_of_the_data_folder_holds_the_password_and_the_sync_still_works(
    central: Central,
    migrated_template: Path,
    folder: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    store, password, where = _linked_kiosk(central, migrated_template, folder)
    used: list[str | None] = []
    real_engine = link.engine

    def spy(link_: link.CentralLink, given: str | None) -> Engine:
        used.append(given)
        return real_engine(link_, given)

    monkeypatch.setattr(link, "engine", spy)
    report = sync(store)
    assert report.pushed > 0
    assert used == [password]  # the sealed password, unsealed for the sync
    backup.take(folder)
    # The store is still open: its WAL is there too.
    assert any(path.name.endswith("-wal") for path in every_file(folder))
    assert any(path.parent.name == "backups" for path in every_file(folder))
    assert holding(folder, password) == []
    with store.reading() as session:
        values = session.scalars(select(Setting)).all()
        assert values
        assert all(password not in repr(row.value) for row in values)
    assert secret.load(folder, where.account) == password
    store.close()


def _redpost_sync(folder: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [REDPOST, "--data-dir", str(folder), "--lang", "en", "sync"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env={**os.environ, "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"},
    )


@pytest.mark.parametrize("central", ["sqlite"], indirect=True)
def test_a_missing_or_wrong_key_is_one_clear_line_asking_to_connect_again(
    central: Central, migrated_template: Path, folder: Path
) -> None:
    store, password, where = _linked_kiosk(central, migrated_template, folder)
    store.close()
    sealed.key_file().unlink()
    with pytest.raises(CentralError) as caught:
        secret.load(folder, where.account)
    assert caught.value.code == "central_key_lost"
    done = _redpost_sync(folder)
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert done.stderr.count("\n") == 1
    assert "redpost connect" in done.stderr
    assert str(sealed.key_file()) in done.stderr

    # Another key (say, the user's config folder restored from elsewhere): the same error.
    sealed.key_file().write_bytes(Fernet.generate_key())
    with pytest.raises(CentralError) as caught:
        secret.load(folder, where.account)
    assert caught.value.code == "central_key_lost"

    # Connecting again with the password is the way out.
    connect.connect(folder, central.station_urls["YF01"], password=password)
    assert secret.load(folder, where.account) == password
    assert _redpost_sync(folder).returncode == 0

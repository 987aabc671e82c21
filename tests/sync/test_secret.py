"""Where central's password is kept: the keyring when one works, else a 0600 file."""

from __future__ import annotations

import stat
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backends import fail

from station.sync import secret
from tests.sync.memory_keyring import MemoryKeyring

ACCOUNT = "postgresql+psycopg://st_yf01@127.0.0.1:5432/central"


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    before = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(before)


@pytest.fixture
def no_keyring() -> Iterator[None]:
    before = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())  # type: ignore[no-untyped-call]
    yield
    keyring.set_keyring(before)


@pytest.fixture(autouse=True)
def _no_env_password(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(secret.ENV_PASSWORD, raising=False)


def test_a_working_keyring_keeps_the_password_and_no_file_is_left(
    tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    secret.secret_file(tmp_path).write_text("old")
    assert secret.save(tmp_path, ACCOUNT, "s3cret") == secret.KEYRING
    assert memory_keyring.saved == {(secret.SERVICE, ACCOUNT): "s3cret"}
    assert not secret.secret_file(tmp_path).exists()
    assert secret.load(tmp_path, ACCOUNT) == "s3cret"


@pytest.mark.usefixtures("no_keyring")
def test_without_a_keyring_the_password_goes_to_a_file_only_its_owner_reads(
    tmp_path: Path,
) -> None:
    assert not secret.keyring_usable()
    assert secret.save(tmp_path, ACCOUNT, "s3cret") == secret.FILE
    path = secret.secret_file(tmp_path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert secret.load(tmp_path, ACCOUNT) == "s3cret"
    # An older file with wider rights is narrowed when the password is saved again.
    path.chmod(0o644)
    secret.save(tmp_path, ACCOUNT, "n3w")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert secret.load(tmp_path, ACCOUNT) == "n3w"


@pytest.mark.usefixtures("memory_keyring")
def test_the_environment_variable_wins(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    secret.save(tmp_path, ACCOUNT, "kept")
    monkeypatch.setenv(secret.ENV_PASSWORD, "from-env")
    assert secret.load(tmp_path, ACCOUNT) == "from-env"


@pytest.mark.usefixtures("memory_keyring")
def test_nothing_saved_means_no_password(tmp_path: Path) -> None:
    assert secret.load(tmp_path, ACCOUNT) is None

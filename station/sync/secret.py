"""Where the kiosk keeps central's password.

In order: the REDPOST_CENTRAL_PASSWORD environment variable (for scripts; it wins), the
operating system's keyring, and — when no keyring backend is usable, as on a headless Linux
kiosk — the documented fallback: a file `central.secret` in the data folder, readable by its
owner only (mode 0600). The lead is told which one holds it.
"""

from __future__ import annotations

import contextlib
import logging
import os
from pathlib import Path

import keyring
from keyring.backends import chainer, fail
from keyring.errors import KeyringError

log = logging.getLogger(__name__)

SERVICE = "redpost-central"
SECRET_FILE = "central.secret"  # noqa: S105 (a file name, not a password)
ENV_PASSWORD = "REDPOST_CENTRAL_PASSWORD"  # noqa: S105 (a variable name)
KEYRING = "keyring"
FILE = "file"


def secret_file(folder: Path) -> Path:
    return folder / SECRET_FILE


def keyring_usable() -> bool:
    """False when keyring has no real backend (it would raise NoKeyringError)."""
    backend = keyring.get_keyring()
    if isinstance(backend, fail.Keyring):
        return False
    return not (isinstance(backend, chainer.ChainerBackend) and not backend.backends)


def _write_file(path: Path, password: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
        handle.write(password)
    os.chmod(path, 0o600)  # an older file may have had wider rights


def save(folder: Path, account: str, password: str) -> str:
    """Keep the password; returns KEYRING or FILE, whichever now holds it."""
    if keyring_usable():
        try:
            keyring.set_password(SERVICE, account, password)
        except KeyringError as exc:
            log.warning("keyring refused the password, using %s: %s", SECRET_FILE, exc)
        else:
            secret_file(folder).unlink(missing_ok=True)
            return KEYRING
    _write_file(secret_file(folder), password)
    return FILE


def load(folder: Path, account: str) -> str | None:
    """The password for central, or None when none was saved (trust or SQLite central)."""
    from_env = os.environ.get(ENV_PASSWORD)
    if from_env:
        return from_env
    if keyring_usable():
        try:
            found = keyring.get_password(SERVICE, account)
        except KeyringError as exc:
            log.warning("keyring could not be read: %s", exc)
        else:
            if found is not None:
                return found
    path = secret_file(folder)
    if path.is_file():
        return path.read_text(encoding="utf-8")
    return None


def forget(folder: Path, account: str) -> None:
    """Drop a saved password (connect without one)."""
    if keyring_usable():
        with contextlib.suppress(KeyringError):
            keyring.delete_password(SERVICE, account)
    secret_file(folder).unlink(missing_ok=True)

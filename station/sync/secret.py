"""Where the kiosk keeps central's password.

In order: the REDPOST_CENTRAL_PASSWORD environment variable (for scripts; it wins), the
operating system's keyring, and — when no keyring backend is usable, as on a headless Linux
kiosk — the password sealed in the data folder with a key kept outside it
(station.sync.sealed). It is never stored in plain text in the data folder or the settings.
The lead is told which one holds it.

Older versions kept it in plain text in `central.secret` in the data folder: the first load
moves it into the keyring or the sealed file and deletes the plain file.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from station.sync import sealed

log = logging.getLogger(__name__)

SERVICE = "redpost-central"
LEGACY_FILE = "central.secret"
ENV_PASSWORD = "REDPOST_CENTRAL_PASSWORD"  # noqa: S105 (a variable name)
KEYRING = "keyring"
FILE = "file"


def legacy_file(folder: Path) -> Path:
    """Where older versions kept the password in plain text."""
    return folder / LEGACY_FILE


def keyring_usable() -> bool:
    """False when keyring has no real backend (it would raise NoKeyringError)."""
    # keyring is imported where it is used: importing it takes 0.2 s, which opening the
    # sync desk need not pay.
    import keyring
    from keyring.backends import chainer, fail

    backend = keyring.get_keyring()
    if isinstance(backend, fail.Keyring):
        return False
    return not (isinstance(backend, chainer.ChainerBackend) and not backend.backends)


def save(folder: Path, account: str, password: str) -> str:
    """Keep the password; returns KEYRING or FILE (sealed), whichever now holds it."""
    import keyring
    from keyring.errors import KeyringError

    kept = FILE
    if keyring_usable():
        try:
            keyring.set_password(SERVICE, account, password)
        except KeyringError as exc:
            log.warning("keyring refused the password, sealing it instead: %s", exc)
        else:
            kept = KEYRING
    if kept == FILE:
        sealed.seal(folder, password)
    else:
        sealed.sealed_file(folder).unlink(missing_ok=True)
    legacy_file(folder).unlink(missing_ok=True)
    return kept


def load(folder: Path, account: str) -> str | None:
    """The password for central, or None when none was saved (trust or SQLite central).

    CentralError("central_key_lost") when the sealed password's key is missing or wrong.
    """
    plain = legacy_file(folder)
    if plain.is_file():
        moved = save(folder, account, plain.read_text(encoding="utf-8"))
        log.info("moved central's password from the plain %s (now: %s)", LEGACY_FILE, moved)
    from_env = os.environ.get(ENV_PASSWORD)
    if from_env:
        return from_env
    if keyring_usable():
        import keyring
        from keyring.errors import KeyringError

        try:
            found = keyring.get_password(SERVICE, account)
        except KeyringError as exc:
            log.warning("keyring could not be read: %s", exc)
        else:
            if found is not None:
                return found
    if sealed.sealed_file(folder).is_file():
        return sealed.unseal(folder)
    return None

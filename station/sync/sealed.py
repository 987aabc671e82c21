"""Central's password sealed in the data folder, with its key kept outside it.

Used when no OS keyring works. The data folder holds only `central.sealed` (a Fernet token:
AES-128-CBC with an HMAC-SHA256 tag); the key is `central.key` in the OS user's config folder
(Linux: $XDG_CONFIG_HOME/redpost or ~/.config/redpost; Windows: %APPDATA%\\redpost), made on
first use and readable by that user only. A copy of the data folder or of its backups alone
reveals nothing; whoever can act as the OS user can read both files.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs
from cryptography.fernet import Fernet, InvalidToken

from station.central.errors import CentralError

KEY_FILE = "central.key"
SEALED_FILE = "central.sealed"


def key_file() -> Path:
    folder = platformdirs.user_config_dir("redpost", appauthor=False, roaming=True)
    return Path(folder) / KEY_FILE


def sealed_file(folder: Path) -> Path:
    return folder / SEALED_FILE


def _key_outside(folder: Path) -> Path:
    """The key file; refused when it would sit inside the data folder (a copy would hold it)."""
    key = key_file()
    if key.resolve().is_relative_to(folder.resolve()):
        raise CentralError("central_key_in_data", key=key, folder=folder)
    return key


def _write_private(path: Path, data: bytes) -> None:
    """Write `data` to a file only its owner may read, replacing it whole."""
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".partial")
    partial.unlink(missing_ok=True)
    descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(partial, path)


def _cipher(key: Path) -> Fernet | None:
    """The key's cipher, or None when the file is missing or holds no valid key."""
    try:
        return Fernet(key.read_bytes().strip())
    except (OSError, ValueError):
        return None


def seal(folder: Path, password: str) -> None:
    """Keep the password in the data folder, encrypted; the key is made on first use.

    A missing or damaged key file is replaced: `redpost connect` is how a lead recovers.
    """
    key = _key_outside(folder)
    cipher = _cipher(key)
    if cipher is None:
        fresh = Fernet.generate_key()
        _write_private(key, fresh)
        cipher = Fernet(fresh)
    _write_private(sealed_file(folder), cipher.encrypt(password.encode("utf-8")))


def unseal(folder: Path) -> str:
    """The sealed password; CentralError("central_key_lost") when its key is gone or wrong."""
    key = _key_outside(folder)
    cipher = _cipher(key)
    if cipher is not None:
        try:
            return cipher.decrypt(sealed_file(folder).read_bytes()).decode("utf-8")
        except (InvalidToken, UnicodeDecodeError):
            pass
    raise CentralError("central_key_lost", key=key)

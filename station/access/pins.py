"""PINs: 4 to 6 digits, stored only as a salted scrypt hash, compared in constant time."""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import re

from station.errors import InvalidInput

# scrypt cost: about 50 ms per check on a kiosk PC, so guessing offline is slow too.
_N, _R, _P = 2**14, 8, 1
_SALT_BYTES = 16
_PIN = re.compile(r"[0-9]{4,6}")


def clean(field: str, value: object) -> str:
    """A PIN as typed: 4 to 6 digits, or InvalidInput naming `field`."""
    if not isinstance(value, str) or not _PIN.fullmatch(value.strip()):
        raise InvalidInput("bad_pin", field)
    return value.strip()


def _derive(pin: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(pin.encode(), salt=salt, n=n, r=r, p=p, maxmem=64 * 1024 * 1024)


def hash_pin(pin: str) -> str:
    salt = os.urandom(_SALT_BYTES)
    digest = _derive(pin, salt, _N, _R, _P)
    encode = base64.b64encode
    return f"scrypt${_N}${_R}${_P}${encode(salt).decode()}${encode(digest).decode()}"


def matches(stored: str, pin: str) -> bool:
    """Whether `pin` is the PIN behind `stored` (False for a malformed hash)."""
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
        if scheme != "scrypt":
            return False
        expected = base64.b64decode(digest)
        actual = _derive(pin, base64.b64decode(salt), int(n), int(r), int(p))
    except ValueError:
        return False
    return hmac.compare_digest(expected, actual)

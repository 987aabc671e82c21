"""Photo and signature files: checked before any write, copied under the data folder."""

from __future__ import annotations

import os
import shutil
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import event
from sqlalchemy.orm import Session, SessionTransaction

from station import paths
from station.errors import InvalidInput, StoreError
from station.models import new_id
from station.store import DATA_DIR_KEY

MAX_PHOTO_MB = 10
MAX_PHOTO_BYTES = MAX_PHOTO_MB * 1024 * 1024
MAX_PHOTOS = 10
MAX_SIGNATURE_MB = 2
MAX_SIGNATURE_BYTES = MAX_SIGNATURE_MB * 1024 * 1024

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
_JPEG_MAGIC = b"\xff\xd8\xff"
# Sizes of the DIB header that follows a BMP's 14-byte file header; "BM" alone is too weak
# a sign, since any text starting with those letters would pass.
_BMP_DIB_SIZES = {12, 40, 52, 56, 64, 108, 124}
_HEAD_BYTES = 18
# Paths are shown in messages; a pasted megabyte of text should not be.
_SHOWN_PATH_LENGTH = 80

# Files written in the session's open transaction, removed again if it does not commit.
_NEW_FILES = "lostfound.new_files"


@dataclass(frozen=True)
class CheckedPhoto:
    """A photo file that passed the checks, and the suffix its image type gets."""

    source: Path
    suffix: str


def _shown(value: object) -> str:
    text = os.fspath(value) if isinstance(value, str | os.PathLike) else repr(value)
    return str(text)[:_SHOWN_PATH_LENGTH]


def _image_suffix(head: bytes) -> str | None:
    if head.startswith(_JPEG_MAGIC):
        return ".jpg"
    if head.startswith(PNG_MAGIC):
        return ".png"
    if head.startswith(b"BM") and int.from_bytes(head[14:18], "little") in _BMP_DIB_SIZES:
        return ".bmp"
    return None


def check_photo(field: str, value: object) -> CheckedPhoto:
    """An existing JPEG, PNG or BMP file of at most MAX_PHOTO_MB, judged by its content."""
    shown = _shown(value)
    if not isinstance(value, str | os.PathLike):
        raise InvalidInput("photo_unreadable", field, path=shown)
    try:
        raw = os.fspath(value)
        if not isinstance(raw, str) or not raw.strip():
            raise InvalidInput("photo_unreadable", field, path=shown)
        path = Path(raw)
        if not path.is_file():
            raise InvalidInput("photo_unreadable", field, path=shown)
        size = path.stat().st_size
        with path.open("rb") as handle:
            head = handle.read(_HEAD_BYTES)
    except (OSError, ValueError) as exc:
        # ValueError covers NUL bytes and unencodable characters in the path.
        raise InvalidInput("photo_unreadable", field, path=shown) from exc
    if size > MAX_PHOTO_BYTES:
        raise InvalidInput("photo_too_large", field, path=shown, max_mb=MAX_PHOTO_MB)
    suffix = _image_suffix(head)
    if suffix is None:
        raise InvalidInput("photo_not_image", field, path=shown)
    return CheckedPhoto(path, suffix)


def check_photos(field: str, value: object) -> list[CheckedPhoto]:
    """Photos given as a list of paths (a single path is taken as a list of one; None as none)."""
    if value is None:
        return []
    if isinstance(value, str | os.PathLike):
        value = [value]
    if not isinstance(value, list | tuple):
        raise InvalidInput("photo_unreadable", field, path=_shown(value))
    if len(value) > MAX_PHOTOS:
        raise InvalidInput("too_many", field, max=MAX_PHOTOS)
    return [check_photo(field, item) for item in value]


def check_signature(value: object) -> bytes | None:
    """PNG bytes from the signature pad, at most MAX_SIGNATURE_MB; None when not given."""
    if value is None:
        return None
    if not isinstance(value, bytes | bytearray | memoryview):
        raise InvalidInput("signature_not_png", "signature_png")
    data = bytes(value)
    if len(data) > MAX_SIGNATURE_BYTES:
        raise InvalidInput("signature_too_large", "signature_png", max_mb=MAX_SIGNATURE_MB)
    if not data.startswith(PNG_MAGIC):
        raise InvalidInput("signature_not_png", "signature_png")
    return data


def data_dir(session: Session) -> Path:
    folder = session.info.get(DATA_DIR_KEY)
    if not isinstance(folder, str | os.PathLike):
        raise StoreError("store_unreadable", "data_dir", reason="the session has no data folder")
    return Path(folder)


def photo_path(session: Session, name: str) -> Path:
    """Where a photo named in FoundItem.photos lives."""
    return paths.photos(data_dir(session)) / Path(name).name


def signature_path(session: Session, name: str) -> Path:
    """Where a signature named in ItemReturn.signature_file lives."""
    return paths.signatures(data_dir(session)) / Path(name).name


def _forget(session: Session) -> None:
    files: list[Path] = session.info.get(_NEW_FILES, [])
    files.clear()


def _discard(session: Session, transaction: SessionTransaction) -> None:
    # after_commit has emptied the list when the transaction committed; whatever is left
    # belongs to a transaction that was rolled back or abandoned.
    if transaction.parent is not None:
        return
    files: list[Path] = session.info.get(_NEW_FILES, [])
    for path in files:
        path.unlink(missing_ok=True)
    files.clear()


def _track(session: Session, path: Path) -> None:
    files: list[Path] | None = session.info.get(_NEW_FILES)
    if files is None:
        files = []
        session.info[_NEW_FILES] = files
        event.listen(session, "after_commit", _forget)
        event.listen(session, "after_transaction_end", _discard)
    files.append(path)


def store_photos(session: Session, photos: Sequence[CheckedPhoto]) -> list[str]:
    """Copy checked photos into photos/ under new names; returns the names."""
    if not photos:
        return []
    folder = paths.photos(data_dir(session))
    names: list[str] = []
    for photo in photos:
        name = f"{new_id()}{photo.suffix}"
        target = folder / name
        try:
            folder.mkdir(parents=True, exist_ok=True)
            _track(session, target)
            shutil.copyfile(photo.source, target)
        except OSError as exc:
            for done in [*names, name]:
                (folder / done).unlink(missing_ok=True)
            raise InvalidInput("photo_unreadable", "photos", path=_shown(photo.source)) from exc
        names.append(name)
    return names


def store_signature(session: Session, data: bytes) -> str:
    """Write signature PNG bytes into signatures/ under a new name; returns the name."""
    folder = paths.signatures(data_dir(session))
    name = f"{new_id()}.png"
    target = folder / name
    try:
        folder.mkdir(parents=True, exist_ok=True)
        _track(session, target)
        target.write_bytes(data)
    except OSError as exc:
        target.unlink(missing_ok=True)
        raise StoreError("store_unreadable", "signature_png", reason=str(exc)) from exc
    return name

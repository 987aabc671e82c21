"""Tables written as XLSX (openpyxl) or CSV (UTF-8 with BOM, so Excel reads Chinese right).

Every text cell that a spreadsheet would take for a formula (it begins with = + - @, a tab
or a carriage return) is written with a leading apostrophe, so no formula can be injected
through a visitor's question or an item's description. Files are written whole or not at
all (a temporary file, then renamed).
"""

from __future__ import annotations

import csv
import io
import os
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import IO

from station.errors import InvalidInput
from station.reports.tables import Cell, Table

FORMATS = ("xlsx", "csv")
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# Excel refuses these in a sheet's name, and names longer than 31 characters.
_SHEET_BAD = str.maketrans(dict.fromkeys("[]:*?/\\", "_"))
_WIDTH_MAX = 60


def neutral(value: Cell) -> Cell:
    """The cell as a spreadsheet must read it: text that could start a formula is quoted."""
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return value


def _atomic(path: Path, mode: str, fill: Callable[[IO[bytes]], None]) -> None:
    """Write `path` through a temporary file beside it, renamed over it when complete."""
    folder = path.parent if str(path.parent) else Path()
    try:
        fd, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=folder)
    except OSError as exc:
        raise InvalidInput("cannot_write", "out", path=path, reason=exc.strerror) from exc
    try:
        with os.fdopen(fd, mode) as handle:
            fill(handle)
        os.replace(temporary, path)
    except OSError as exc:
        Path(temporary).unlink(missing_ok=True)
        raise InvalidInput("cannot_write", "out", path=path, reason=exc.strerror) from exc
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def csv_paths(path: Path, tables: Sequence[Table]) -> list[Path]:
    """One CSV file per table: `path` itself for one, else `path` with the table's name."""
    if len(tables) == 1:
        return [path]
    return [path.with_name(f"{path.stem}-{t.key}{path.suffix or '.csv'}") for t in tables]


def write_csv(path: Path, tables: Sequence[Table]) -> list[Path]:
    paths = csv_paths(path, tables)
    for target, table in zip(paths, tables, strict=True):

        def fill(handle: IO[bytes], table: Table = table) -> None:
            text = io.TextIOWrapper(handle, encoding="utf-8-sig", newline="")
            writer = csv.writer(text)
            writer.writerow([neutral(h) for h in table.header])
            writer.writerows([neutral(c) for c in row] for row in table.rows)
            text.flush()
            text.detach()

        _atomic(target, "wb", fill)
    return paths


def write_xlsx(path: Path, tables: Sequence[Table]) -> list[Path]:
    """One sheet per table, header in bold and frozen, columns sized to their content."""
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    book = Workbook()
    book.remove(book.worksheets[0])  # the empty sheet a new workbook starts with
    for table in tables:
        sheet = book.create_sheet(table.name.translate(_SHEET_BAD)[:31])
        sheet.append([neutral(h) for h in table.header])
        for row in table.rows:
            sheet.append([neutral(c) for c in row])
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        sheet.freeze_panes = "A2"
        for index, head in enumerate(table.header, start=1):
            values = [head, *(row[index - 1] for row in table.rows)]
            widest = max(_width(v) for v in values)
            sheet.column_dimensions[get_column_letter(index)].width = min(widest + 2, _WIDTH_MAX)
    _atomic(path, "wb", book.save)
    return [path]


def _width(value: Cell) -> int:
    text = "" if value is None else str(value)
    return sum(2 if ord(ch) > 0x2E7F else 1 for ch in text)


def write(path: Path, tables: Sequence[Table], fmt: str) -> list[Path]:
    """Write the tables in `fmt` (xlsx or csv); the files written."""
    if fmt == "xlsx":
        return write_xlsx(path, tables)
    if fmt == "csv":
        return write_csv(path, tables)
    raise InvalidInput("bad_choice", "format")

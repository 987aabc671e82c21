"""QR codes for the slips: ReportLab's encoder, with its slow steps done faster.

ReportLab lays the matrix out module by module nine times (once for each of the eight mask
patterns it scores, once for the one it keeps), scores the patterns walking the modules, and
works out the error correction bytes with polynomials of Python lists: a quarter of a whole
slip's time (issue 8). Here what depends only on the version (where the data modules are,
the fixed patterns, each mask) is worked out once a version from ReportLab's own layout; a
code's data is placed once, as text, and each mask is one exclusive or a row. The score is
computed from the rows and columns as bits and text, quirks included, and the error
correction bytes the usual way, so every module, and every slip, stays exactly as ReportLab
made it: tests/test_slips_qr.py compares the two.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Container
from dataclasses import dataclass
from itertools import zip_longest
from operator import itemgetter

from reportlab.graphics.barcode import qrencoder
from reportlab.graphics.barcode.qrencoder import QRRSBlock, QRUtil

LEVEL = qrencoder.QRErrorCorrectLevel.M
# ReportLab's rule 3 looks for this, in rows only and never in a row's last module (its
# column check compares a tuple with a list, which is never equal).
_FINDER_LIKE = "10111010000"
# ReportLab's padding bytes, and its tables of the field GF(256) that QR codes use.
_PADS = (0xEC, 0x11)
_EXP = qrencoder.EXP_TABLE
_LOG = qrencoder.LOG_TABLE


def _times(a: int, b: int) -> int:
    """a * b in GF(256)."""
    return 0 if a == 0 or b == 0 else _EXP[(_LOG[a] + _LOG[b]) % 255]


@functools.cache
def _generator_multiples(degree: int) -> tuple[int, ...]:
    """For each byte f, f times the coefficients of (x + 1)(x + a)…(x + a^(degree - 1))
    after the leading 1, highest power first, as one number of `degree` bytes."""
    poly = [1]
    for power in range(degree):
        root = _EXP[power]
        poly = [high ^ _times(low, root) for high, low in zip([*poly, 0], [0, *poly], strict=True)]
    return tuple(
        int.from_bytes(bytes(_times(factor, coefficient) for coefficient in poly[1:]), "big")
        for factor in range(256)
    )


def _error_correction(data: list[int], degree: int) -> list[int]:
    """The remainder of data * x^degree divided by the generator: the block's EC bytes,
    worked out on the remainder as one number, a byte a step."""
    multiples = _generator_multiples(degree)
    top = 8 * (degree - 1)
    keep = (1 << top) - 1
    remainder = 0
    for byte in data:
        remainder = ((remainder & keep) << 8) ^ multiples[byte ^ (remainder >> top)]
    return list(remainder.to_bytes(degree, "big"))


class _Bits:
    """The bits ReportLab's data objects write, as text: what its `QRBitBuffer` holds,
    without a call a bit."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0

    def put(self, num: int, length: int) -> None:
        if length:
            self.parts.append(format(num & ((1 << length) - 1), f"0{length}b"))
            self.length += length


def _codewords(version: int, data_list: list[qrencoder.QR]) -> list[int]:
    """What ReportLab's `QRCode.createData` makes: the data, padded, then the error
    correction bytes, both interleaved block by block."""
    blocks = QRRSBlock.getRSBlocks(version, LEVEL)  # type: ignore[no-untyped-call]
    buffer = _Bits()
    for data in data_list:
        data.write(buffer, version)
    capacity = 8 * sum(block.dataCount for block in blocks)
    if buffer.length > capacity:
        raise ValueError(f"code length overflow. ({buffer.length} > {capacity})")
    if buffer.length + 4 <= capacity:
        buffer.put(0, 4)
    bits = "".join(buffer.parts)
    bits += "0" * (-len(bits) % 8)
    data_bytes = list(int(bits, 2).to_bytes(len(bits) // 8, "big")) if bits else []
    data_bytes += [_PADS[pad % 2] for pad in range(capacity // 8 - len(data_bytes))]
    data_blocks, ec_blocks, offset = [], [], 0
    for block in blocks:
        data_blocks.append(data_bytes[offset : offset + block.dataCount])
        offset += block.dataCount
        ec_blocks.append(_error_correction(data_blocks[-1], block.totalCount - block.dataCount))
    return [
        byte
        for blocks_of_a_kind in (data_blocks, ec_blocks)
        for column in zip_longest(*blocks_of_a_kind)
        for byte in column
        if byte is not None
    ]


# Lines (rows or columns) are packed into one integer, the first line the highest, each
# followed by this many light bits: rule 1's five modules never reach past them into the
# next line, and rule 3's pattern is only looked for where it ends inside a line.
_GAP = 3


class _Lines:
    """The penalty rules on a matrix's lines packed into one integer, a line's last module
    its lowest bit, with the masks that keep each rule inside a line."""

    def __init__(self, width: int) -> None:
        self.width = width
        stride = width + _GAP

        def each_line(bits: int) -> int:
            return sum(bits << (line * stride) for line in range(width))

        # Modules j and j + 1 of a line (j counted from the line's last module).
        self.pairs = each_line((1 << (width - 1)) - 1)
        # The same, below another line (every line but the first).
        self.pairs_below = self.pairs & ((1 << ((width - 1) * stride)) - 1)
        # Where ReportLab's rule 3 pattern may end: inside the line, never on its last module.
        self.finder_ends = each_line(((1 << (width - 11)) - 1) << 1)
        self.stride = stride

    def pack(self, lines: list[str]) -> int:
        return int(("0" * _GAP).join(lines), 2)

    def unpack(self, packed: int) -> list[str]:
        text = format(packed, f"0{self.width * self.stride - _GAP}b")
        return [text[start : start + self.width] for start in range(0, len(text), self.stride)]

    def runs(self, packed: int) -> int:
        """Rule 1: a run of five or more modules of one colour costs its length less two.

        A run of length L holds L - 4 windows of five equal modules, next to each other:
        the cost is the windows plus 2 for each group of them.
        """
        equal = ~(packed ^ (packed >> 1)) & self.pairs
        windows = equal & (equal >> 1) & (equal >> 2) & (equal >> 3)
        return windows.bit_count() + 2 * (windows & ~(windows >> 1)).bit_count()

    def blocks(self, rows: int) -> int:
        """Rule 2: each 2 x 2 block of one colour costs 3 (blocks may overlap)."""
        same_column = ~(rows ^ (rows >> self.stride))
        same_pair = ~(rows ^ (rows >> 1))
        return 3 * (same_column & (same_column >> 1) & same_pair & self.pairs_below).bit_count()

    def finder_like(self, rows: int) -> int:
        """ReportLab's rule 3: the pattern, in rows only and never on a row's last module (its
        column check compares a tuple with a list, which is never equal). It cannot overlap
        itself, so matches found anywhere are matches `str.count` finds."""
        found = self.finder_ends
        for shift, module in enumerate(reversed(_FINDER_LIKE)):
            found &= (rows if module == "1" else ~rows) >> shift
        return found.bit_count()

    def penalty(self, rows: int, columns: int) -> int:
        """ReportLab's `QRUtil.getLostPoint` for the matrix of these rows and columns, the
        same number computed faster."""
        balance = 10 * (abs(100 * rows.bit_count() // self.width**2 - 50) // 5)
        return (
            self.runs(rows)
            + self.runs(columns)
            + self.blocks(rows)
            + 40 * self.finder_like(rows)
            + balance
        )


def _matrix(text: str, lines: _Lines) -> tuple[int, int]:
    """The rows and the columns of a matrix given as one text, row after row, packed."""
    width = lines.width
    return lines.pack([text[start : start + width] for start in range(0, width * width, width)]), (
        lines.pack([text[column::width] for column in range(width)])
    )


@dataclass(frozen=True)
class _Layout:
    """What every code of one version shares, taken from ReportLab's own layout."""

    lines: _Lines
    # Picks the matrix, as text row after row, out of the data bits followed by enough "0"s:
    # a data module takes its bit, every other module the first "0" after the bits.
    place: Callable[[str], tuple[str, ...]]
    # Where the bits end and the "0"s start in what `place` picks from.
    data_modules: int
    # The fixed modules (finders, timing, alignment) with the format and version modules
    # light, as ReportLab scores the masks: rows, then columns.
    scored: tuple[int, int]
    # For each mask pattern: the data modules it darkens (rows, then columns), and the fixed
    # modules with that pattern's format and version information, as printed (rows).
    masks: list[tuple[int, int]]
    printed: list[int]


def _fixed(code: qrencoder.QRCode, test: bool, pattern: int, data: Container[int]) -> str:
    """ReportLab's matrix without data, as text: every data module light."""
    code.makeImpl(test, pattern)
    text = "".join("1" if dark else "0" for row in code.modules for dark in row)
    return "".join("0" if at in data else module for at, module in enumerate(text))


@functools.cache
def _layout(version: int) -> _Layout:
    code = qrencoder.QRCode(version, LEVEL)
    code.dataCache = []  # no data: makeImpl lays out the fixed modules only
    code.makeImpl(True, 0)
    width = code.moduleCount
    lines = _Lines(width)
    positions = code.dataPosIterator()  # type: ignore[no-untyped-call]
    # The bit each data module takes, in ReportLab's order (a later bit wins a module twice).
    bit_of = {row * width + col: index for index, (col, row) in enumerate(positions)}
    masks = []
    for pattern in range(8):
        mask = QRUtil.getMask(pattern)  # type: ignore[no-untyped-call]
        text = "".join(
            "1" if at in bit_of and mask(*divmod(at, width)) else "0" for at in range(width * width)
        )
        masks.append(_matrix(text, lines))
    return _Layout(
        lines=lines,
        place=itemgetter(*(bit_of.get(at, len(positions)) for at in range(width * width))),
        data_modules=len(positions),
        scored=_matrix(_fixed(code, True, 0, bit_of.keys()), lines),
        masks=masks,
        printed=[_matrix(_fixed(code, False, p, bit_of.keys()), lines)[0] for p in range(8)],
    )


def rows(value: str) -> list[str]:
    """`value`'s QR code at error correction level M, one text a row, "1" for a dark module."""
    code = qrencoder.QRCode(None, LEVEL)
    code.addData(value)
    version = code.calculate_version()  # type: ignore[no-untyped-call]
    layout = _layout(version)
    codewords = _codewords(version, code.dataList)
    bits = format(int.from_bytes(bytes(codewords), "big"), f"0{8 * len(codewords)}b")
    bits = bits[: layout.data_modules].ljust(layout.data_modules + 1, "0")
    data_rows, data_columns = _matrix("".join(layout.place(bits)), layout.lines)
    fixed_rows, fixed_columns = layout.scored
    # ReportLab's `getBestMaskPattern`: the first of the lowest scores.
    scores = [
        layout.lines.penalty(
            fixed_rows | data_rows ^ mask_rows, fixed_columns | data_columns ^ mask_columns
        )
        for mask_rows, mask_columns in layout.masks
    ]
    pattern = scores.index(min(scores))
    return layout.lines.unpack(layout.printed[pattern] | data_rows ^ layout.masks[pattern][0])

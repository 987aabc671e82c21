"""QR codes for the slips: ReportLab's encoder, with its two slow steps done faster.

ReportLab tries the eight mask patterns and keeps the one its penalty score rates best, and
works out the error correction bytes with polynomials of Python lists; walked module by
module, the score was three quarters of the time a QR code took and a quarter of a whole
slip's (issue 8). Here the score is computed from the rows and columns as bits and text,
quirks included, and the error correction bytes the usual way, so every module, and every
slip, stays exactly as ReportLab made it: tests/test_slips_qr.py compares the two.
"""

from __future__ import annotations

import functools
from itertools import pairwise, zip_longest

from reportlab.graphics.barcode import qrencoder
from reportlab.graphics.barcode.qrencoder import QRBitBuffer, QRRSBlock, QRUtil

LEVEL = qrencoder.QRErrorCorrectLevel.M
# ReportLab's rule 3 looks for this, in rows only and never in a row's last module (its
# column check compares a tuple with a list, which is never equal).
_FINDER_LIKE = "10111010000"
# ReportLab's padding bytes, and its tables of the field GF(256) that QR codes use.
_PADS = (0xEC, 0x11)
_EXP = qrencoder.EXP_TABLE
_LOG = qrencoder.LOG_TABLE
# version: `_flips` of that version
_FLIPS: dict[int, list[tuple[list[int], list[int]]]] = {}


def _times(a: int, b: int) -> int:
    """a * b in GF(256)."""
    return 0 if a == 0 or b == 0 else _EXP[(_LOG[a] + _LOG[b]) % 255]


@functools.cache
def _generator_logs(degree: int) -> tuple[int, ...]:
    """The logarithms of (x + 1)(x + a)…(x + a^(degree - 1))'s coefficients after the
    leading 1, highest power first (none of them is 0)."""
    poly = [1]
    for power in range(degree):
        root = _EXP[power]
        poly = [high ^ _times(low, root) for high, low in zip([*poly, 0], [0, *poly], strict=True)]
    return tuple(_LOG[coefficient] for coefficient in poly[1:])


def _error_correction(data: list[int], degree: int) -> list[int]:
    """The remainder of data * x^degree divided by the generator: the block's EC bytes."""
    logs = _generator_logs(degree)
    remainder = [0] * degree
    for byte in data:
        factor = byte ^ remainder[0]
        remainder = [*remainder[1:], 0]
        if factor:
            shift = _LOG[factor]
            remainder = [
                left ^ _EXP[(log + shift) % 255] for left, log in zip(remainder, logs, strict=True)
            ]
    return remainder


def _codewords(version: int, data_list: list[qrencoder.QR]) -> list[int]:
    """What ReportLab's `QRCode.createData` makes: the data, padded, then the error
    correction bytes, both interleaved block by block."""
    blocks = QRRSBlock.getRSBlocks(version, LEVEL)  # type: ignore[no-untyped-call]
    buffer = QRBitBuffer()
    for data in data_list:
        data.write(buffer, version)
    capacity = 8 * sum(block.dataCount for block in blocks)
    if buffer.length > capacity:
        raise ValueError(f"code length overflow. ({buffer.length} > {capacity})")
    if buffer.length + 4 <= capacity:
        buffer.put(0, 4)
    while buffer.length % 8:
        buffer.putBit(False)
    pads = 0
    while buffer.length < capacity:
        buffer.put(_PADS[pads % 2], 8)
        pads += 1
    data_blocks, ec_blocks, offset = [], [], 0
    for block in blocks:
        data_blocks.append(buffer.buffer[offset : offset + block.dataCount])
        offset += block.dataCount
        ec_blocks.append(_error_correction(data_blocks[-1], block.totalCount - block.dataCount))
    return [
        byte
        for blocks_of_a_kind in (data_blocks, ec_blocks)
        for column in zip_longest(*blocks_of_a_kind)
        for byte in column
        if byte is not None
    ]


def _runs(lines: list[int], width: int) -> int:
    """Rule 1: a run of five or more modules of one colour costs its length less two.

    A run of length L holds L - 4 windows of five equal modules, next to each other: the
    cost is the windows plus 2 for each group of them.
    """
    pairs = (1 << (width - 1)) - 1  # bit j: modules j and j + 1
    cost = 0
    for line in lines:
        equal = ~(line ^ (line >> 1)) & pairs
        windows = equal & (equal >> 1) & (equal >> 2) & (equal >> 3)
        cost += windows.bit_count() + 2 * (windows & ~(windows >> 1)).bit_count()
    return cost


def _blocks(bits: list[int], width: int) -> int:
    """Rule 2: each 2 x 2 block of one colour costs 3 (blocks may overlap)."""
    pairs = (1 << (width - 1)) - 1  # bit j: modules j and j + 1 of a row
    count = 0
    for above, below in pairwise(bits):
        same_column = ~(above ^ below)
        same_pair = ~(above ^ (above >> 1))
        count += (same_column & (same_column >> 1) & same_pair & pairs).bit_count()
    return 3 * count


def _penalty(rows: list[int], columns: list[int]) -> int:
    """ReportLab's `QRUtil.getLostPoint` for the matrix of these rows and columns (bits, the
    first module the highest), the same number computed faster."""
    width = len(rows)
    # A row's text without its last module, a line each: the pattern spans no two lines.
    finder_like = "\n".join(format(row >> 1, f"0{width - 1}b") for row in rows).count(_FINDER_LIKE)
    dark = sum(row.bit_count() for row in rows)
    balance = 10 * (abs(100 * dark // width**2 - 50) // 5)
    runs = _runs(rows, width) + _runs(columns, width)
    return runs + _blocks(rows, width) + 40 * finder_like + balance


def _lines(modules: list[list[bool]]) -> list[str]:
    return ["".join("1" if dark else "0" for dark in row) for row in modules]


def _bits(lines: list[str]) -> tuple[list[int], list[int]]:
    """The rows and the columns of a matrix, as bits."""
    return [int(line, 2) for line in lines], [
        int("".join(column), 2) for column in zip(*lines, strict=True)
    ]


def _flips(code: _Encoder) -> list[tuple[list[int], list[int]]]:
    """For each pattern, (rows, columns) of the modules where its mask and pattern 0's
    differ: the same for every code of a version, so worked out once a version."""
    known = _FLIPS.get(code.version)
    if known is not None:
        return known
    width = code.moduleCount
    masks = [QRUtil.maskPattern[pattern] for pattern in range(8)]
    flipped = [[["0"] * width for _ in range(width)] for _ in range(8)]
    for col, row in code.dataPosIterator():  # type: ignore[no-untyped-call]
        for pattern in range(1, 8):
            if masks[pattern](row, col) != masks[0](row, col):
                flipped[pattern][row][col] = "1"
    known = _FLIPS[code.version] = [_bits(["".join(row) for row in matrix]) for matrix in flipped]
    return known


class _Encoder(qrencoder.QRCode):
    def getBestMaskPattern(self) -> int:
        # The matrix is laid out once; each pattern only flips the data modules where its
        # mask and pattern 0's differ (the format modules stay light while patterns are tried).
        self.makeImpl(True, 0)
        rows, columns = _bits(_lines(self.modules))
        scores = [
            _penalty(
                [row ^ flip for row, flip in zip(rows, flip_rows, strict=True)],
                [column ^ flip for column, flip in zip(columns, flip_columns, strict=True)],
            )
            for flip_rows, flip_columns in _flips(self)
        ]
        return scores.index(min(scores))  # the first of the best, as ReportLab picks


def rows(value: str) -> list[str]:
    """`value`'s QR code at error correction level M, one text a row, "1" for a dark module."""
    code = _Encoder(None, LEVEL)
    code.addData(value)
    code.version = code.calculate_version()  # type: ignore[no-untyped-call]
    code.dataCache = _codewords(code.version, code.dataList)
    code.make()
    return _lines(code.modules)

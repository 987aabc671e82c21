"""The pieces every slip is made of, sized for its paper: heading, number, facts, text, QR
code, signature, table. Each function returns ReportLab flowables."""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, HRFlowable, Image, Paragraph, Spacer, Table, TableStyle
from reportlab.platypus.paragraph import cleanBlockQuotedText
from reportlab.platypus.paraparser import ParaFrag

from station.slips.paper import Paper
from station.slips.qr import rows as qr_rows

GREY = colors.HexColor("#555555")
RED = colors.HexColor("#B22222")
_DARK_RUN = re.compile("1+")
# What `escape` changes: text holding one of these is parsed as markup.
_ESCAPED = re.compile("[&<>]")


@dataclass(frozen=True)
class Styles:
    """Paragraph styles for one paper, all in the embedded CJK font."""

    paper: Paper
    body: ParagraphStyle
    small: ParagraphStyle
    label: ParagraphStyle
    station: ParagraphStyle
    title: ParagraphStyle
    number: ParagraphStyle


@functools.cache
def styles(paper: Paper, font: str) -> Styles:
    """The styles of `paper`, made once a process: nothing changes a style after it is made."""
    size = paper.font_pt

    def style(
        name: str,
        scale: float,
        *,
        alignment: Literal[0, 1] = 0,
        colour: colors.Color = colors.black,
        space_before: float = 0,
    ) -> ParagraphStyle:
        # CJK wrapping breaks between any two characters, as Chinese text wants.
        return ParagraphStyle(
            name,
            fontName=font,
            fontSize=size * scale,
            leading=size * scale * 1.35,
            wordWrap="CJK",
            alignment=alignment,
            textColor=colour,
            spaceBefore=space_before,
        )

    return Styles(
        paper=paper,
        body=style("body", 1),
        small=style("small", 0.85, colour=GREY),
        label=style("label", 1, colour=GREY),
        station=style("station", 1.25, alignment=1, colour=RED),
        title=style("title", 1.6, alignment=1, space_before=size * 0.3),
        number=style("number", 1.3, alignment=1, space_before=size * 0.2),
    )


class _Text(Paragraph):
    """A paragraph that breaks its lines once per width.

    The roll's height, the frame and a table cell (twice) each wrap it at the same width, and
    breaking the CJK lines again and again gave the same lines each time (issue 8): they
    depend on the width alone, not on the height offered. The size is reused only while the
    lines it came with are still the paragraph's: a split that finds no room drops them.
    """

    _wrapped: tuple[float, tuple[float, float], object] | None = None

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        known = self._wrapped
        lines = getattr(self, "blPara", None)
        if known is None or known[0] != availWidth or known[2] is not lines:
            size = super().wrap(availWidth, availHeight)
            known = self._wrapped = (availWidth, size, getattr(self, "blPara", None))
        return known[1]


@functools.cache
def _fragment_models(style: ParagraphStyle) -> tuple[ParaFrag, ParaFrag]:
    """The fragments ReportLab's parser makes in `style` for words and for a line break."""
    words, line_break = Paragraph("x<br/>", style).frags
    return words, line_break


def text(value: str, style: ParagraphStyle) -> Paragraph:
    """A paragraph of the person's own words: escaped, line breaks kept.

    Words with nothing to escape get the fragments the parser would make, without parsing
    (a slip's paragraphs spent most of their making in ReportLab's markup parser, issue 8):
    the same cleaned text cut at the line breaks, each piece a clone of the parser's own
    fragment for this style. Anything to escape goes through the parser.
    """
    if _ESCAPED.search(value):
        return _Text(escape(value).replace("\n", "<br/>"), style)
    markup = cleanBlockQuotedText(value.replace("\n", "<br/>"))
    words, line_break = _fragment_models(style)
    frags: list[ParaFrag] = []
    for number, piece in enumerate(markup.split("<br/>")):
        if number:
            frags.append(line_break.clone())
        if piece:
            frags.append(words.clone(text=piece))
    return _Text(markup, style, frags=frags)


def heading(s: Styles, station_name: str, title: str, number: str) -> list[Flowable]:
    return [
        text(station_name, s.station),
        text(title, s.title),
        text(number, s.number),
        rule(s),
    ]


def rule(s: Styles) -> Flowable:
    return HRFlowable(
        width="100%",
        thickness=0.6,
        color=GREY,
        dash=(2, 2),
        spaceBefore=s.paper.font_pt * 0.4,
        spaceAfter=s.paper.font_pt * 0.4,
    )


# The facts' cell padding: left, right, top, bottom.
_FACT_PADDING = (0, 2, 1, 1)


def facts(s: Styles, rows: Sequence[tuple[str, str]]) -> Flowable:
    """Label and value, one pair a line; empty values are left out."""
    shown = [(label, value) for label, value in rows if value]
    label_width = s.paper.frame_width * (0.3 if s.paper.is_roll else 0.22)
    cells = [(text(label, s.label), text(value, s.body)) for label, value in shown]
    widths = (label_width, s.paper.frame_width - label_width)
    if s.paper.is_roll:
        return RollFacts(cells, widths)
    return fact_table(cells, widths, s.body.fontName)


def fact_table(
    cells: Sequence[tuple[Paragraph, Paragraph]], widths: tuple[float, float], font: str
) -> Table:
    """The facts as a Table, which can split at a page's foot."""
    left, right, top, bottom = _FACT_PADDING
    table = Table([list(pair) for pair in cells], colWidths=list(widths))
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), font),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), left),
                ("RIGHTPADDING", (0, 0), (-1, -1), right),
                ("TOPPADDING", (0, 0), (-1, -1), top),
                ("BOTTOMPADDING", (0, 0), (-1, -1), bottom),
            ]
        )
    )
    return table


class RollFacts(Flowable):
    """The facts on a roll: the `fact_table` of a sheet, laid out and drawn as that Table
    does it, operator for operator (tests/test_slips.py compares the two), without its
    machinery (a style for every cell, spans, splitting at a page's foot), which a roll cut
    to its content never needs: the table was a tenth of a roll slip's own time (issue 8).
    """

    def __init__(self, cells: list[tuple[Paragraph, Paragraph]], widths: tuple[float, float]):
        super().__init__()
        self.cells = cells
        self.widths = widths
        self.hAlign = "CENTER"  # as a Table's
        # Each row's bottom (above the table's), its height and its two cells' heights.
        self.rows: list[tuple[float, float, tuple[float, float]]] = []

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        left, right, top, bottom = _FACT_PADDING
        sizes = []
        for pair in self.cells:
            used = [
                cell.wrap(width - left - right, availHeight)[1]
                for cell, width in zip(pair, self.widths, strict=True)
            ]
            # Term by term as Table._listCellGeom and Table._calc_height add them up.
            tallest: float = 0
            for cell, height in zip(pair, used, strict=True):
                before, after = cell.getSpaceBefore(), cell.getSpaceAfter()
                tallest = max(
                    tallest, 0 + (height + after + before) - before - after + (bottom + top)
                )
            sizes.append((tallest, (used[0], used[1])))
        # Table._calc_height's compensated sum, from the last row up.
        self.rows = []
        total: float = 0
        lost: float = 0
        for height, used_pair in reversed(sizes):
            self.rows.append((total, height, used_pair))
            step = height - lost
            grown = total + step
            lost = (grown - total) - step
            total = grown
        self.rows.reverse()
        self.width = 0 + self.widths[0] + self.widths[1]
        self.height = total
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        left, _, top, _ = _FACT_PADDING
        columns = (0, 0 + self.widths[0])
        canvas.saveState()
        canvas.setFillColor(colors.black)  # a Table's first cell sets its style's colour
        for pair, (row_bottom, row_height, used) in zip(self.cells, self.rows, strict=True):
            for cell, column, height in zip(pair, columns, used, strict=True):
                before = cell.getSpaceBefore()
                y = row_bottom + row_height - top + before - before - height
                cell.drawOn(canvas, column + left, y)
        canvas.saveState()  # and draws its grid, none here
        canvas.restoreState()
        canvas.restoreState()


def section(s: Styles, label: str, value: str | None) -> list[Flowable]:
    """A heading and a block of text, for what does not fit on one line (question, answer)."""
    if not value:
        return []
    return [Spacer(0, s.paper.font_pt * 0.3), text(label, s.label), text(value, s.body)]


class QrCode(Flowable):
    """A QR code drawn as filled squares, with the four-module quiet zone scanners want.

    Drawn on the canvas directly rather than through a graphics Drawing, which would pull in
    Helvetica, a font the PDF would then name without embedding.
    """

    def __init__(self, value: str, side: float) -> None:
        super().__init__()
        rows = qr_rows(value)
        self.count = len(rows)
        # One square per run of dark modules in a row rather than per module (148 squares
        # instead of 320 for a ticket), in module units under one scale: the squares
        # `canvas.rect` would draw, without formatting every corner in points (issue 8).
        # The rows are read as one text, a light module between two.
        stride = self.count + 1
        top = self.count + 3
        squares = []
        for run in _DARK_RUN.finditer("0".join(rows)):
            row, col = divmod(run.start(), stride)
            squares.append(f"n {4 + col} {top - row} {run.end() - run.start()} 1 re f")
        self.squares = " ".join(squares)
        self.side = side
        self.hAlign = "CENTER"

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.side, self.side

    def draw(self) -> None:
        cell = self.side / (self.count + 8)
        self.canv.setFillColor(colors.black)
        self.canv.scale(cell, cell)
        self.canv.addLiteral(self.squares)


def qr(s: Styles, value: str) -> Flowable:
    """A QR code, centred, big enough for a phone to read off thermal paper."""
    return QrCode(value, min(s.paper.frame_width * 0.55, 36 * mm))


def signature(s: Styles, path: Path | None, label: str) -> list[Flowable]:
    """The claimant's signature as drawn on the pad, or an empty line to sign on paper."""
    if path is None or not path.is_file():
        return signature_line(s, label)
    image = Image(str(path))
    width = min(s.paper.frame_width * 0.7, 60 * mm)
    image.drawHeight = image.imageHeight * width / image.imageWidth
    image.drawWidth = width
    image.hAlign = "LEFT"
    return [Spacer(0, s.paper.font_pt * 0.4), text(label, s.label), image]


def signature_line(s: Styles, label: str) -> list[Flowable]:
    return [
        Spacer(0, s.paper.font_pt * 1.5),
        text(f"{label}：________________", s.body),
    ]


def grid(
    s: Styles, header: Sequence[str], rows: Sequence[Sequence[str]], widths: Sequence[float]
) -> Table:
    """A ruled table; `widths` are shares of the printable width."""
    table = Table(
        [[text(h, s.label) for h in header], *[[text(c, s.small) for c in row] for row in rows]],
        colWidths=[s.paper.frame_width * w for w in widths],
        repeatRows=1,
    )
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), s.body.fontName),
                ("GRID", (0, 0), (-1, -1), 0.4, GREY),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#F2F2F2")),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 2),
                ("RIGHTPADDING", (0, 0), (-1, -1), 2),
            ]
        )
    )
    return table

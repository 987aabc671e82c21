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

from station.slips.paper import Paper
from station.slips.qr import rows as qr_rows

GREY = colors.HexColor("#555555")
RED = colors.HexColor("#B22222")
_DARK_RUN = re.compile("1+")


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


def text(value: str, style: ParagraphStyle) -> Paragraph:
    """A paragraph of the person's own words: escaped, line breaks kept."""
    return _Text(escape(value).replace("\n", "<br/>"), style)


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


def facts(s: Styles, rows: Sequence[tuple[str, str]]) -> Flowable:
    """Label and value, one pair a line; empty values are left out."""
    shown = [(label, value) for label, value in rows if value]
    label_width = s.paper.frame_width * (0.3 if s.paper.is_roll else 0.22)
    table = Table(
        [[text(label, s.label), text(value, s.body)] for label, value in shown],
        colWidths=[label_width, s.paper.frame_width - label_width],
    )
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), s.body.fontName),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 2),
                ("TOPPADDING", (0, 0), (-1, -1), 1),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
            ]
        )
    )
    return table


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
        # Each row's runs of dark modules as (row, first column, length): one square per run
        # rather than per module: 148 squares instead of 320 for a ticket, 3 ms less (issue 8).
        self.runs = [
            (row, run.start(), len(run.group()))
            for row, line in enumerate(rows)
            for run in _DARK_RUN.finditer(line)
        ]
        self.side = side
        self.hAlign = "CENTER"

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.side, self.side

    def draw(self) -> None:
        # The squares `canvas.rect` would draw, in module units under one scale: formatting
        # every corner in points through the canvas was most of the drawing's time (issue 8).
        cell = self.side / (self.count + 8)
        top = self.count + 4
        self.canv.setFillColor(colors.black)
        self.canv.scale(cell, cell)
        self.canv.addLiteral(
            " ".join(
                f"n {4 + col} {top - row - 1} {length} 1 re f" for row, col, length in self.runs
            )
        )


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

"""Lay flowables out on a paper: a roll's page is cut to the content, a sheet gets page numbers."""

from __future__ import annotations

import io
from collections.abc import Sequence

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from station.slips.paper import ROLL_MIN_HEIGHT_MM, Paper

# Rounding in the layout must never push the last line onto a second roll page.
_ROLL_SLACK_MM = 3
CREATOR = "Red Post Station"


def _roll_height_mm(
    paper: Paper, flowables: Sequence[Flowable], sizes: Sequence[tuple[float, float]]
) -> float:
    content = 0.0
    for flowable, (_, height) in zip(flowables, sizes, strict=True):
        content += height + flowable.getSpaceBefore() + flowable.getSpaceAfter()
    return max(ROLL_MIN_HEIGHT_MM, round(content / mm + 2 * paper.margin_mm + _ROLL_SLACK_MM, 1))


def pdf(
    paper: Paper, flowables: list[Flowable], *, title: str, author: str, font: str
) -> tuple[bytes, float]:
    """The PDF bytes and the page height in millimetres."""
    out = io.BytesIO()
    if paper.height_mm is None:
        # Each flowable is sized once, for the page's height and for drawing it.
        sizes = [flowable.wrap(paper.frame_width, 10**6) for flowable in flowables]
        height = _roll_height_mm(paper, flowables, sizes)
        _roll(out, paper, height, flowables, sizes, title=title, author=author, font=font)
    else:
        height = paper.height_mm
        _sheets(out, paper, height, flowables, title=title, author=author, font=font)
    return out.getvalue(), height


def _roll(
    out: io.BytesIO,
    paper: Paper,
    height: float,
    flowables: list[Flowable],
    sizes: Sequence[tuple[float, float]],
    *,
    title: str,
    author: str,
    font: str,
) -> None:
    """One page cut to the content, drawn straight onto the canvas.

    The page was made tall enough for every flowable, so a frame and its document template
    would only add each flowable below the last, wrapping it again: this does what
    `Frame._add` does for them (with ReportLab's default overlapping of the space after one
    flowable with the space before the next) with the sizes already known, and writes the
    same PDF without the template's machinery (issue 8). tests/test_slips.py compares the two.
    """
    # (The stubs type the initial font's name as a number.)
    canvas = Canvas(
        out,
        pagesize=(paper.width_mm * mm, height * mm),
        initialFontName=font,  # type: ignore[arg-type]
    )
    canvas.setAuthor(author)
    canvas.setTitle(title)
    canvas.setSubject(None)  # "(unspecified)", as a document template writes it
    canvas.setCreator(CREATOR)
    margin = paper.margin_mm * mm
    width = paper.frame_width
    # The frame's top, computed as Frame computes it.
    y = margin + (height - 2 * paper.margin_mm) * mm
    at_top = True
    space_after = 0.0  # below the last flowable drawn
    for flowable, (used_width, used_height) in zip(flowables, sizes, strict=True):
        space = 0.0 if at_top else max(flowable.getSpaceBefore() - space_after, 0)
        below = y - (used_height + space)
        # `_sW`, the width left over, places a flowable aligned right or centred.
        flowable.drawOn(canvas, margin, below, _sW=width - used_width)  # type: ignore[call-arg]
        space_after = flowable.getSpaceAfter()
        below -= space_after
        at_top = at_top and below == y
        y = below
    canvas.showPage()
    canvas.save()


def _sheets(
    out: io.BytesIO,
    paper: Paper,
    height: float,
    flowables: list[Flowable],
    *,
    title: str,
    author: str,
    font: str,
) -> None:
    """As many pages as the content needs, each numbered."""
    doc = BaseDocTemplate(
        out,
        pagesize=(paper.width_mm * mm, height * mm),
        title=title,
        author=author,
        creator=CREATOR,
        initialFontName=font,
    )
    margin = paper.margin_mm * mm
    frame = page_frame(paper, height)

    def page_number(canvas: Canvas, document: BaseDocTemplate) -> None:
        canvas.setFont(font, paper.font_pt * 0.8)
        canvas.drawRightString(
            (paper.width_mm - paper.margin_mm) * mm, margin / 2, f"第 {document.page} 页"
        )

    doc.addPageTemplates([PageTemplate("sheet", [frame], onPage=page_number)])
    doc.build(flowables)


def page_frame(paper: Paper, height: float) -> Frame:
    """The frame of a page `height` mm tall: inside the margins, without padding, since the
    printable width is exactly what the blocks were sized for."""
    margin = paper.margin_mm * mm
    return Frame(
        margin,
        margin,
        paper.frame_width,
        (height - 2 * paper.margin_mm) * mm,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )

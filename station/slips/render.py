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


def _content_height(flowables: Sequence[Flowable], width: float) -> float:
    total = 0.0
    for flowable in flowables:
        _, height = flowable.wrap(width, 10**6)
        total += height + flowable.getSpaceBefore() + flowable.getSpaceAfter()
    return total


def page_height_mm(paper: Paper, flowables: Sequence[Flowable]) -> float:
    if paper.height_mm is not None:
        return paper.height_mm
    content = _content_height(flowables, paper.frame_width) / mm
    return max(ROLL_MIN_HEIGHT_MM, round(content + 2 * paper.margin_mm + _ROLL_SLACK_MM, 1))


def pdf(
    paper: Paper, flowables: list[Flowable], *, title: str, author: str, font: str
) -> tuple[bytes, float]:
    """The PDF bytes and the page height in millimetres."""
    height = page_height_mm(paper, flowables)
    out = io.BytesIO()
    doc = BaseDocTemplate(
        out,
        pagesize=(paper.width_mm * mm, height * mm),
        title=title,
        author=author,
        creator="Red Post Station",
        initialFontName=font,
    )
    margin = paper.margin_mm * mm
    # No frame padding: the printable width is exactly what the blocks were sized for.
    frame = Frame(
        margin,
        margin,
        paper.frame_width,
        (height - 2 * paper.margin_mm) * mm,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )

    def page_number(canvas: Canvas, document: BaseDocTemplate) -> None:
        canvas.setFont(font, paper.font_pt * 0.8)
        canvas.drawRightString(
            (paper.width_mm - paper.margin_mm) * mm, margin / 2, f"第 {document.page} 页"
        )

    if paper.is_roll:
        doc.addPageTemplates([PageTemplate("slip", [frame])])
    else:
        doc.addPageTemplates([PageTemplate("sheet", [frame], onPage=page_number)])
    doc.build(flowables)
    return out.getvalue(), height

"""One 80 mm help slip, warm: `station.slips.make_slip` for an inquiry of the demo year, as
the desk's Print does it, against a ReportLab page of the same size with the same font and
the same text drawn line by line (the floor has no layout, table or QR code to make).

Warm: the font is registered and a first slip made before timing; each repetition is one
more slip, in its own read snapshot.
"""

from __future__ import annotations

import io
from collections.abc import Iterator, Sequence
from pathlib import Path

import demo_data
from measure import Entry, Stopwatch, Target, entry
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable
from sqlalchemy import select

from station.models import Inquiry
from station.services import station as station_service
from station.slips import blocks, font, layouts, make_slip
from station.slips.paper import paper
from station.store import open_store

NAME = "one 80 mm help slip, warm"
TARGET = Target(max_ratio=2, max_seconds=0.050)
PAPER = "80mm"


def run(quick: bool, scratch: Path) -> Entry:
    repetitions = 10 if quick else 100
    store = open_store(demo_data.data_dir(scratch, quick))
    chosen = paper(PAPER)
    try:
        with store.reading() as session:
            inquiry = session.scalars(
                select(Inquiry).where(Inquiry.answer.is_not(None)).order_by(Inquiry.pk.desc())
            ).first()
            if inquiry is None:
                raise RuntimeError("the demo data holds no answered inquiry")
            ticket = inquiry.ticket_no
            styles = blocks.styles(chosen, font.register())
            ctx = layouts.Context(station_service.current(session), None)
            lines = list(_texts(layouts.help_slip(styles, ctx, inquiry)))
            make_slip(session, "inquiry", ticket, PAPER)
        operation, floor = Stopwatch(), Stopwatch()
        for _ in range(repetitions):
            with operation.timing(), store.reading() as session:
                make_slip(session, "inquiry", ticket, PAPER)
            with floor.timing():
                _page(lines, chosen.width_mm, chosen.margin_mm, chosen.font_pt)
    finally:
        store.close()
    return entry(NAME, TARGET, operation.samples, floor.samples, {"ticket": ticket})


def _texts(flowables: Sequence[Flowable]) -> Iterator[str]:
    """The text of the slip's paragraphs, table cells included, in order."""
    for flowable in flowables:
        if hasattr(flowable, "getPlainText"):
            yield flowable.getPlainText()
        # A Table's cells, or those of the facts on a roll (blocks.RollFacts).
        for row in getattr(flowable, "_cellvalues", ()) or getattr(flowable, "cells", ()):
            for cell in row:
                yield from _texts(cell if isinstance(cell, list) else [cell])


def _page(lines: list[str], width_mm: float, margin_mm: float, size: float) -> bytes:
    name = font.register()
    width = (width_mm - 2 * margin_mm) * mm
    wrapped = [part for line in lines for part in simpleSplit(line, name, size, width)]
    leading = size * 1.4
    height = 2 * margin_mm * mm + leading * len(wrapped)
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=(width_mm * mm, height))
    canvas.setFont(name, size)
    y = height - margin_mm * mm - size
    for part in wrapped:
        canvas.drawString(margin_mm * mm, y, part)
        y -= leading
    canvas.showPage()
    canvas.save()
    return out.getvalue()

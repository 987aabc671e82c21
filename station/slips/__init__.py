"""Help slips, receipts, item tags and the police hand-over list, drawn with ReportLab.

`make_slip(session, kind, number)` looks the record up by the number printed on it and returns
the PDF; the desks preview and print it, the CLI writes or prints it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from station import access, validation
from station.errors import InvalidInput, NotFound
from station.models import (
    FoundItem,
    ItemReturn,
    LostReport,
    PoliceHandover,
    SyncRecord,
    Volunteer,
)
from station.services import inquiries
from station.services import station as station_service
from station.services.lostfound import files, found, lost
from station.services.records import ref_text
from station.slips.paper import DEFAULT_PAPER, PAPERS, paper
from station.vocab import PRINTED_KINDS

if TYPE_CHECKING:
    from reportlab.platypus import Flowable

    from station.slips.blocks import Styles
    from station.slips.layouts import Context

PAPER_SETTING = "slip.paper"
QR_SETTING = "slip.qr_url"

_Record = TypeVar("_Record", bound=SyncRecord)

# The kinds of paper a desk can hand out, with the title shown on screen.
KINDS: dict[str, str] = {
    code: PRINTED_KINDS[code][0] for code in ("inquiry", "found", "lost", "return", "handover")
}


@dataclass(frozen=True)
class Slip:
    kind: str
    number: str
    paper: str
    width_mm: float
    height_mm: float
    pdf: bytes
    # e.g. "求助单 YF01-20261130-0042": window titles and file names.
    title: str


def default_paper(session: Session) -> str:
    code = station_service.get_setting(session, PAPER_SETTING, DEFAULT_PAPER)
    return code if code in PAPERS else DEFAULT_PAPER


def set_default_paper(session: Session, value: object) -> None:
    access.require_lead(session, "settings")
    station_service.set_setting(session, PAPER_SETTING, paper(value).code)


def set_qr_template(session: Session, value: object) -> None:
    """A URL with {number} (and optionally {station}) for the slips' QR codes; empty clears it."""
    access.require_lead(session, "settings")
    template = validation.text("qr_url", value, required=False, max_len=200)
    if template is not None and (
        not template.startswith(("https://", "http://")) or "{number}" not in template
    ):
        raise InvalidInput("bad_qr_url", "qr_url")
    station_service.set_setting(session, QR_SETTING, template)


def make_slip(session: Session, kind: str, number: object, paper_code: object = None) -> Slip:
    """The slip of one record, found by the number printed on it (or its id)."""
    chosen = paper(default_paper(session) if paper_code is None else paper_code)
    if kind not in KINDS:
        raise InvalidInput("bad_choice", "slip_kind")
    # ReportLab is loaded with the first slip, not when the kiosk starts (issue 8).
    from station.slips import blocks, font, layouts, render

    station, qr_template = station_service.current_and_setting(session, QR_SETTING)
    ctx = layouts.Context(station, qr_template)
    font_name = font.register()
    s = blocks.styles(chosen, font_name)
    shown_number, title, flowables = _content(session, kind, number, s, ctx)
    data, height = render.pdf(
        chosen, flowables, title=f"{title} {shown_number}", author=station.name, font=font_name
    )
    return Slip(
        kind=kind,
        number=shown_number,
        paper=chosen.code,
        width_mm=chosen.width_mm,
        height_mm=height,
        pdf=data,
        title=f"{title} {shown_number}",
    )


def _content(
    session: Session, kind: str, number: object, s: Styles, ctx: Context
) -> tuple[str, str, list[Flowable]]:
    from station.slips import layouts

    if kind == "inquiry":
        inquiry = inquiries.get(session, number, with_notes=False)
        return inquiry.ticket_no, layouts.inquiry_title(inquiry), layouts.help_slip(s, ctx, inquiry)
    if kind == "found":
        item = found.get_found(session, number)
        return item.item_no, KINDS[kind], layouts.found_tag(s, ctx, item)
    if kind == "lost":
        report = lost.get_lost(session, number)
        return report.report_no, KINDS[kind], layouts.lost_receipt(s, ctx, report)
    if kind == "return":
        given = _return_of(session, number)
        linked = _by_id(session, LostReport, given.lost_report_id)
        picture = (
            files.signature_path(session, given.signature_file) if given.signature_file else None
        )
        flowables = layouts.return_receipt(
            s, ctx, given, linked.report_no if linked else None, picture
        )
        return given.found_item.item_no, KINDS[kind], flowables
    handover = _handover_of(session, number)
    items = list(
        session.scalars(
            select(FoundItem)
            .where(FoundItem.handover_id == handover.id)
            .order_by(FoundItem.item_no)
        )
    )
    person = _by_id(session, Volunteer, handover.handed_by)
    handler = person.name if person else ""
    flowables = layouts.handover_list(s, ctx, handover, items, handler)
    return handover.handover_no, KINDS[kind], flowables


def _return_of(session: Session, number: object) -> ItemReturn:
    """The return of a found item, by the item's number or id."""
    item = found.resolve(session, number, "found_item")
    given = session.scalars(
        select(ItemReturn).where(
            ItemReturn.found_item_id == item.id, ItemReturn.deleted_at.is_(None)
        )
    ).first()
    if given is None:
        raise NotFound("not_returned", "found_item", value=item.item_no)
    return given


def _handover_of(session: Session, number: object) -> PoliceHandover:
    raw = ref_text("handover", number)
    handover = session.scalars(
        select(PoliceHandover).where(
            PoliceHandover.deleted_at.is_(None),
            (PoliceHandover.handover_no == raw.upper()) | (PoliceHandover.id == raw.lower()),
        )
    ).first()
    if handover is None:
        raise NotFound("not_found", "handover", value=raw)
    return handover


def _by_id(session: Session, model: type[_Record], record_id: str | None) -> _Record | None:
    if record_id is None:
        return None
    return session.scalars(select(model).where(model.id == record_id)).first()


__all__ = ["KINDS", "PAPERS", "Slip", "default_paper", "make_slip", "set_default_paper"]

"""What the sync screen shows: the state before a sync, and the names (ticket, item number,
badge…) of the records a sync report lists. Read through the worker; no Qt here."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import distinct, func, select
from sqlalchemy.orm import Session

from station.messages import MESSAGES, render
from station.models import OutboxEntry
from station.services.station import get_setting
from station.sync import issues, state
from station.sync.codec import MODELS
from station.sync.run import SyncReport

# The field a person knows each kind of record by; other kinds show the start of their id.
NUMBER_FIELDS = {
    "inquiries": "ticket_no",
    "found_items": "item_no",
    "lost_reports": "report_no",
    "police_handovers": "handover_no",
    "volunteers": "badge_code",
    "posts": "name",
    "faqs": "question",
}
# At most this many rows of each list are named on screen (a first sync may push thousands).
SHOWN = 300


@dataclass(frozen=True)
class Overview:
    """The screen before a sync: is central linked, what waits, when it last worked."""

    central_url: str | None
    pending: dict[str, int]
    last_success: str | None
    open_issues: int


def overview(session: Session) -> Overview:
    url = get_setting(session, state.CENTRAL_URL)
    waiting = session.execute(
        select(OutboxEntry.record_kind, func.count(distinct(OutboxEntry.record_id)))
        .where(OutboxEntry.pushed_at.is_(None))
        .group_by(OutboxEntry.record_kind)
    ).all()
    return Overview(
        central_url=url if isinstance(url, str) else None,
        pending={kind: count for kind, count in waiting},
        last_success=state.last_success(session),
        open_issues=len(issues.current(session)),
    )


def last_success(session: Session) -> str | None:
    return state.last_success(session)


@dataclass(frozen=True)
class Line:
    """One row of the result list."""

    outcome: str  # pushed, pulled, conflict, parked
    kind: str
    number: str
    reason: str  # a reason code ("stale_version") or the engine's plain text


@dataclass(frozen=True)
class Outcome:
    report: SyncReport
    lines: list[Line]
    left_out: int  # rows of long lists not named on screen


def _numbers(session: Session, kind: str, ids: list[str]) -> dict[str, str]:
    """The number a person knows each record by, for records of one kind."""
    model = MODELS.get(kind)
    field = NUMBER_FIELDS.get(kind)
    if model is None or field is None or not ids:
        return {}
    column = getattr(model, field)
    found: dict[str, str] = {}
    for start in range(0, len(ids), 400):
        chunk = ids[start : start + 400]
        for record_id, value in session.execute(
            select(model.id, column).where(model.id.in_(chunk))
        ):
            text = str(value or "")
            found[record_id] = text if len(text) <= 24 else text[:23] + "…"
    return found


def describe(session: Session, report: SyncReport) -> Outcome:
    """The report's lists as lines a lead can read: problems first, then what moved."""
    lists: list[tuple[str, list[tuple[str, str, str]]]] = [
        ("conflict", [(k, i, r) for k, i, _v, r in report.conflict_items]),
        ("parked", [(k, i, r) for k, i, _v, r in report.parked_items]),
        ("pushed", [(k, i, "") for k, i, _v in report.pushed_items]),
        ("pulled", [(k, i, "") for k, i, _v in report.pulled_items]),
    ]
    shown = [(outcome, items[:SHOWN]) for outcome, items in lists]
    left_out = sum(max(0, len(items) - SHOWN) for _outcome, items in lists)
    wanted: dict[str, list[str]] = {}
    for _outcome, items in shown:
        for kind, record_id, _reason in items:
            wanted.setdefault(kind, []).append(record_id)
    numbers = {kind: _numbers(session, kind, ids) for kind, ids in wanted.items()}
    lines = [
        Line(outcome, kind, numbers[kind].get(record_id, record_id[:8]), reason)
        for outcome, items in shown
        for kind, record_id, reason in items
    ]
    return Outcome(report, lines, left_out)


def last_outcome(session: Session) -> Outcome | None:
    """The last successful sync's report as lines, for the screen before the next sync."""
    saved = state.last_report(session)
    if saved is None:
        return None
    try:
        report = SyncReport(**saved)
    except TypeError:  # saved by a program whose report had other fields
        return None
    return describe(session, report)


def reason_text(reason: str, lang: str) -> str:
    """Central's reason codes in the person's language; the engine's own texts as they are."""
    code = f"reason_{reason}"
    return render(code, lang) if code in MESSAGES else reason

"""A station's figures over a period (日报, 月报, the Today and Month screens), from its own
records, each with the records behind it.

Every count carries a `Trace`: the listing kind and the ids of its records, in the order
`redpost list` shows them, so a desk can open the list behind a number (`trace_rows`).
Plain dataclasses, no Qt: a desk calls `figures(session, period)` through its worker.
"""

from __future__ import annotations

import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from station import clock
from station.models import FoundItem, Inquiry, ItemReturn, LostReport, Shift, SyncRecord
from station.privacy import shown_in
from station.reports.period import Period
from station.rows import ROW_MAKERS, Row
from station.services import lostfound
from station.services import station as station_service
from station.vocab import INQUIRY_CATEGORIES, INQUIRY_STATUSES

_Record = TypeVar("_Record", bound=SyncRecord)

# Listing kind (as `redpost list` names it) -> model.
TRACED: dict[str, type[SyncRecord]] = {
    "inquiries": Inquiry,
    "shifts": Shift,
    "found_items": FoundItem,
    "lost_reports": LostReport,
    "returns": ItemReturn,
}
_CHUNK = 500


@dataclass(frozen=True)
class Trace:
    """The records behind a figure: their listing kind and ids, newest first as listed."""

    kind: str
    ids: tuple[str, ...] = ()


@dataclass(frozen=True)
class Count:
    value: int
    trace: Trace


@dataclass(frozen=True)
class Hours:
    value: float
    trace: Trace


@dataclass(frozen=True)
class VolunteerServed:
    volunteer_id: str
    name: str
    badge_code: str
    team: str
    shifts: int
    hours: Hours
    by_post: dict[str, Hours]


@dataclass(frozen=True)
class Figures:
    station_code: str
    station_name: str
    period: Period
    inquiries: Count
    by_category: dict[str, Count]  # every category code, zero included
    by_status: dict[str, Count]  # every status code, zero included
    resolved_on_spot: Count  # closed when logged (resolve_seconds == 0)
    resolved: Count  # closed by now, the base of the median
    median_resolve_minutes: float | None
    open_escalations: Count  # escalated and not settled yet, logged up to the period's end
    inquiries_by_day: dict[date, Count]
    volunteers: list[VolunteerServed]  # by name
    shifts: Count
    hours: Hours
    hours_by_post: dict[str, Hours]
    hours_by_day: dict[date, float]
    found_registered: Count
    found_returned: Count  # of the items registered in the period, those returned since
    returns: Count  # returns this station made in the period
    lost_registered: Count
    due_for_handover: Count  # held items due for the police on the period's last day
    made_at: datetime = field(default_factory=clock.now)

    @property
    def on_spot_share(self) -> float | None:
        """Share of the period's inquiries resolved on the spot; None without inquiries."""
        return _share(self.resolved_on_spot.value, self.inquiries.value)

    @property
    def return_rate(self) -> float | None:
        """Share of the items found in the period that went back to their owner."""
        return _share(self.found_returned.value, self.found_registered.value)


def _share(part: int, whole: int) -> float | None:
    return None if whole == 0 else round(part / whole, 4)


def _count(kind: str, records: Sequence[SyncRecord]) -> Count:
    return Count(len(records), Trace(kind, tuple(r.id for r in records)))


def _newest_first(model: type[SyncRecord], moment: Any) -> Any:
    return (moment.desc(), model.pk.desc())


def shift_seconds(shift: Shift, now: datetime) -> float:
    """A shift's length; one still open counts up to now, at most to the end of its
    check-in day (where the day close would end it)."""
    if shift.check_out_at is not None:
        finish = shift.check_out_at
    else:
        _, day_end = clock.day_bounds(clock.local_date(shift.check_in_at))
        finish = min(now, day_end)
    return max((finish - shift.check_in_at).total_seconds(), 0.0)


def _hours(shifts: Iterable[Shift], now: datetime) -> Hours:
    chosen = list(shifts)
    # Rounded once from the total, so a sum is not a sum of rounded parts.
    total = sum(shift_seconds(s, now) for s in chosen)
    return Hours(round(total / 3600, 2), Trace("shifts", tuple(s.id for s in chosen)))


def _by(records: Sequence[Any], key: Any, keys: Iterable[Any], kind: str) -> dict[Any, Count]:
    grouped: dict[Any, list[SyncRecord]] = {k: [] for k in keys}
    for record in records:
        grouped.setdefault(key(record), []).append(record)
    return {k: _count(kind, v) for k, v in grouped.items()}


def figures(session: Session, period: Period) -> Figures:
    """The station's figures over `period` (local days), from its live records."""
    station = station_service.current(session)
    own = station.code
    start, end = period.bounds()
    now = clock.now()

    def own_live(model: type[SyncRecord]) -> Any:
        return select(model).where(model.station_code == own, model.deleted_at.is_(None))

    def within(model: type[_Record], moment: Any, newest: Any) -> list[_Record]:
        """This station's live `model` records whose `moment` falls in the period."""
        query = own_live(model).where(moment >= start, moment < end)
        return list(session.scalars(query.order_by(*_newest_first(model, newest))))

    inquiries = within(Inquiry, Inquiry.created_at, Inquiry.created_at)
    resolved = [i for i in inquiries if i.resolve_seconds is not None]
    escalated = list(
        session.scalars(
            own_live(Inquiry)
            .where(Inquiry.status == "escalated", Inquiry.created_at < end)
            .order_by(*_newest_first(Inquiry, Inquiry.created_at))
        )
    )
    shifts = within(Shift, Shift.check_in_at, Shift.check_in_at)
    found = within(FoundItem, FoundItem.created_at, FoundItem.found_at)
    lost = within(LostReport, LostReport.created_at, LostReport.lost_at)
    returns = within(ItemReturn, ItemReturn.returned_at, ItemReturn.returned_at)
    due: list[FoundItem] = sorted(
        lostfound.due_for_handover(session, on=period.last),
        key=lambda f: (f.found_at, f.pk),
        reverse=True,
    )
    median = (
        round(statistics.median(i.resolve_seconds or 0 for i in resolved) / 60, 1)
        if resolved
        else None
    )
    return Figures(
        station_code=own,
        station_name=station.name,
        period=period,
        inquiries=_count("inquiries", inquiries),
        by_category=_by(inquiries, lambda i: i.category, INQUIRY_CATEGORIES, "inquiries"),
        by_status=_by(inquiries, lambda i: i.status, INQUIRY_STATUSES, "inquiries"),
        resolved_on_spot=_count("inquiries", [i for i in inquiries if i.resolve_seconds == 0]),
        resolved=_count("inquiries", resolved),
        median_resolve_minutes=median,
        open_escalations=_count("inquiries", escalated),
        inquiries_by_day=_by(
            inquiries, lambda i: clock.local_date(i.created_at), period.days, "inquiries"
        ),
        volunteers=_volunteers(shifts, now),
        shifts=_count("shifts", shifts),
        hours=_hours(shifts, now),
        hours_by_post={
            post: _hours([s for s in shifts if s.post.name == post], now)
            for post in sorted({s.post.name for s in shifts})
        },
        hours_by_day={
            day: _hours([s for s in shifts if clock.local_date(s.check_in_at) == day], now).value
            for day in period.days
        },
        found_registered=_count("found_items", found),
        found_returned=_count("found_items", [f for f in found if f.status == "returned"]),
        returns=_count("returns", returns),
        lost_registered=_count("lost_reports", lost),
        due_for_handover=_count("found_items", due),
        made_at=now,
    )


def _volunteers(shifts: Sequence[Shift], now: datetime) -> list[VolunteerServed]:
    people: dict[str, list[Shift]] = {}
    for shift in shifts:
        people.setdefault(shift.volunteer_id, []).append(shift)
    served = []
    for own_shifts in people.values():
        person = own_shifts[0].volunteer
        served.append(
            VolunteerServed(
                volunteer_id=person.id,
                name=person.name,
                badge_code=person.badge_code,
                team=person.team or "",
                shifts=len(own_shifts),
                hours=_hours(own_shifts, now),
                by_post={
                    post: _hours([s for s in own_shifts if s.post.name == post], now)
                    for post in sorted({s.post.name for s in own_shifts})
                },
            )
        )
    return sorted(served, key=lambda v: (v.name, v.badge_code))


def trace_records(session: Session, trace: Trace) -> list[SyncRecord]:
    """The records behind a figure, in the trace's order (those deleted since are left out)."""
    model = TRACED[trace.kind]
    found: dict[str, SyncRecord] = {}
    for n in range(0, len(trace.ids), _CHUNK):
        chunk = trace.ids[n : n + _CHUNK]
        query = select(model).where(model.id.in_(chunk), model.deleted_at.is_(None))
        found.update((r.id, r) for r in session.scalars(query))
    return [found[i] for i in trace.ids if i in found]


def trace_rows(session: Session, trace: Trace, lang: str) -> list[Row]:
    """The list behind a figure, as `redpost list` shows its rows (phones and claimants'
    names masked); a lead sees the claimant's name whole (a desk shows these rows to
    whoever is signed in)."""
    make = ROW_MAKERS[trace.kind]
    shown = shown_in(session)
    rows = []
    for record in trace_records(session, trace):
        row = make(record, lang)
        if isinstance(record, ItemReturn):
            row["claimant_name"] = shown.name(record.claimant_name)
        rows.append(row)
    return rows

"""Retention of personal data (PIPL: kept for the shortest time): erasing contact and claimant
details once a record has served its purpose.

Only the personal fields are cleared; the record, its number, category, times and status stay,
so every count and statistic is the same after an erasure. An erasure is an ordinary update:
the session hook stamps it, queues it for the sync (so central's private copy is cleared too)
and writes an audit entry with the personal values redacted.

Who may run this is not checked here yet: only a lead may, and the role check that comes with
sign-in is meant to wrap `run`, `set_days` and `personal.erase` (the CLI acts as the lead).
"""

from __future__ import annotations

import contextlib
from dataclasses import asdict, dataclass
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import event, or_, select
from sqlalchemy.orm import Session

from station import access, audit, clock, validation
from station.models import FoundItem, Inquiry, ItemReturn, LostReport, PoliceHandover, Volunteer
from station.privacy import ERASED_NAME
from station.services import station as station_service
from station.services.lostfound import files

# Days after an inquiry or lost report closes (and after a found item went back or to the
# police) before contact details are erased; days after a return before claimant details are.
DEFAULT_CONTACT_DAYS = 30
DEFAULT_RETURN_DAYS = 180
MAX_DAYS = 3650
CONTACT_DAYS_KEY = "privacy.contact_days"
RETURN_DAYS_KEY = "privacy.return_days"


# Signature files to delete once the erasing transaction has committed.
_DOOMED_FILES = "retention.doomed_files"


@dataclass(frozen=True)
class Periods:
    contact_days: int
    return_days: int


@dataclass(frozen=True)
class Counts:
    """Records whose personal details were (or, in a dry run, would be) erased, per kind."""

    inquiries: int = 0
    lost_reports: int = 0
    found_items: int = 0
    item_returns: int = 0
    volunteers: int = 0
    signatures: int = 0

    def as_dict(self) -> dict[str, int]:
        return asdict(self)

    @property
    def total(self) -> int:
        return (
            self.inquiries
            + self.lost_reports
            + self.found_items
            + self.item_returns
            + (self.volunteers)
        )


def _stored_days(session: Session, key: str, default: int) -> int:
    value = station_service.get_setting(session, key)
    if isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= MAX_DAYS:
        return value
    return default


def periods(session: Session) -> Periods:
    """The retention periods in force (the defaults until a lead changes them)."""
    return Periods(
        _stored_days(session, CONTACT_DAYS_KEY, DEFAULT_CONTACT_DAYS),
        _stored_days(session, RETURN_DAYS_KEY, DEFAULT_RETURN_DAYS),
    )


def set_days(
    session: Session, *, contact_days: object = None, return_days: object = None
) -> Periods:
    """Change either period (1..3650 days); both are checked before either is saved."""
    access.require_lead(session, "settings")
    changes: dict[str, int] = {}
    if contact_days is not None:
        changes[CONTACT_DAYS_KEY] = validation.integer(
            "contact_retention_days", contact_days, low=1, high=MAX_DAYS
        )
    if return_days is not None:
        changes[RETURN_DAYS_KEY] = validation.integer(
            "return_retention_days", return_days, low=1, high=MAX_DAYS
        )
    for key, days in changes.items():
        station_service.set_setting(session, key, days)
    return periods(session)


# The erasure rules, one per kind; each returns whether it changed anything, so a second
# erasure of the same record is no change at all (no new version, outbox or audit entry).


def erase_inquiry(record: Inquiry) -> bool:
    if record.visitor_name is None and record.visitor_phone is None:
        return False
    record.visitor_name = None
    record.visitor_phone = None
    return True


def erase_lost_report(record: LostReport) -> bool:
    # NOT NULL columns: emptied, as a tombstone's are.
    if record.contact_name == "" and record.contact_phone == "":
        return False
    record.contact_name = ""
    record.contact_phone = ""
    return True


def erase_found_item(record: FoundItem) -> bool:
    if record.finder_name is None and record.finder_phone is None:
        return False
    record.finder_name = None
    record.finder_phone = None
    return True


def erase_volunteer(record: Volunteer) -> bool:
    """The phone only: the name and badge are the roster itself."""
    if record.phone is None:
        return False
    record.phone = None
    return True


def erase_return(session: Session, record: ItemReturn) -> tuple[bool, bool]:
    """(changed, a signature file is to be deleted). The ID type stays: it is no identifier,
    and the return slip and statistics show it."""
    if record.claimant_name == ERASED_NAME and record.id_last4 == "" and not record.signature_file:
        return False, False
    signature = record.signature_file
    record.claimant_name = ERASED_NAME
    record.id_last4 = ""
    record.signature_file = None
    if signature:
        _delete_after_commit(session, files.signature_path(session, signature))
    return True, bool(signature)


def _delete_after_commit(session: Session, path: Path) -> None:
    """The file goes only when the erasure is stored: a rollback keeps the record's file."""
    doomed: list[Path] | None = session.info.get(_DOOMED_FILES)
    if doomed is None:
        doomed = []
        session.info[_DOOMED_FILES] = doomed
        event.listen(session, "after_commit", _delete_doomed)
        event.listen(session, "after_soft_rollback", _forget_doomed)
    doomed.append(path)


def _delete_doomed(session: Session) -> None:
    doomed: list[Path] = session.info.get(_DOOMED_FILES, [])
    for path in doomed:
        # Left on disk rather than failing a committed erasure: no record names it now.
        with contextlib.suppress(OSError):
            path.unlink(missing_ok=True)
    doomed.clear()


def _forget_doomed(session: Session, previous_transaction: object) -> None:
    doomed: list[Path] = session.info.get(_DOOMED_FILES, [])
    doomed.clear()


def _due_inquiries(session: Session, own: str, cutoff: datetime) -> list[Inquiry]:
    return list(
        session.scalars(
            select(Inquiry).where(
                Inquiry.station_code == own,
                Inquiry.closed_at < cutoff,
                or_(Inquiry.visitor_name.is_not(None), Inquiry.visitor_phone.is_not(None)),
            )
        )
    )


def _due_lost_reports(session: Session, own: str, cutoff: datetime) -> list[LostReport]:
    return list(
        session.scalars(
            select(LostReport).where(
                LostReport.station_code == own,
                LostReport.closed_at < cutoff,
                or_(LostReport.contact_name != "", LostReport.contact_phone != ""),
            )
        )
    )


def _due_found_items(session: Session, own: str, cutoff: datetime) -> list[FoundItem]:
    """Items gone back to their owner or to the police before `cutoff`, finder still known."""
    returned = select(ItemReturn.found_item_id).where(
        ItemReturn.returned_at < cutoff, ItemReturn.deleted_at.is_(None)
    )
    handed = select(PoliceHandover.id).where(PoliceHandover.handed_at < cutoff)
    return list(
        session.scalars(
            select(FoundItem).where(
                FoundItem.station_code == own,
                or_(FoundItem.id.in_(returned), FoundItem.handover_id.in_(handed)),
                or_(FoundItem.finder_name.is_not(None), FoundItem.finder_phone.is_not(None)),
            )
        )
    )


def _due_returns(session: Session, own: str, cutoff: datetime) -> list[ItemReturn]:
    return list(
        session.scalars(
            select(ItemReturn).where(
                ItemReturn.station_code == own,
                ItemReturn.returned_at < cutoff,
                or_(
                    ItemReturn.claimant_name != ERASED_NAME,
                    ItemReturn.id_last4 != "",
                    ItemReturn.signature_file.is_not(None),
                ),
            )
        )
    )


def run(session: Session, now: datetime | None = None, *, dry_run: bool = False) -> Counts:
    """Erase the personal details of this station's records past their retention period.

    Strictly older than the period: a record closed exactly N days ago is kept until the
    next run. Idempotent: records already erased are not selected again. With `dry_run`
    nothing changes and the counts say what would be erased.
    """
    access.require_lead(session, "retention")
    moment = now or clock.now()
    own = station_service.code(session)
    kept = periods(session)
    contact_cutoff = moment - timedelta(days=kept.contact_days)
    return_cutoff = moment - timedelta(days=kept.return_days)
    inquiries = _due_inquiries(session, own, contact_cutoff)
    reports = _due_lost_reports(session, own, contact_cutoff)
    items = _due_found_items(session, own, contact_cutoff)
    returns = _due_returns(session, own, return_cutoff)
    if dry_run:
        return Counts(
            inquiries=len(inquiries),
            lost_reports=len(reports),
            found_items=len(items),
            item_returns=len(returns),
            signatures=sum(1 for r in returns if r.signature_file),
        )
    signatures = 0
    for inquiry in inquiries:
        erase_inquiry(inquiry)
    for report in reports:
        erase_lost_report(report)
    for item in items:
        erase_found_item(item)
    for returned in returns:
        signatures += erase_return(session, returned)[1]
    counts = Counts(
        inquiries=len(inquiries),
        lost_reports=len(reports),
        found_items=len(items),
        item_returns=len(returns),
        signatures=signatures,
    )
    if counts.total:
        # Each erased record has its own (redacted) update entry; this says why they changed.
        audit.record(session, "retention", {**counts.as_dict(), **asdict(kept)})
    session.flush()
    return counts

"""Pull (rule 4): shared records from central, page by page in central's commit order.

Each page and the new watermark are applied in one SQLite transaction, so a sync cut short
either has a page or not, and the next one continues from the watermark. Pulled rows are
applied with the outbox hook off (they are central's, not ours to push back). A row that
cannot be applied (a badge code taken by another local volunteer, a malformed row) is
listed for the lead instead of stopping the pull.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from sqlalchemy import Connection, delete, exists, select
from sqlalchemy.exc import IntegrityError, StatementError
from sqlalchemy.orm import Session

from station.central import exchange
from station.models import DirectoryEntry, FoundItem, OutboxEntry, SyncRecord
from station.store import Store
from station.sync import issues, state
from station.sync.codec import MODELS, foreign_keys, from_wire
from station.sync.outbox import APPLYING_PULL
from station.sync.wire import SHARED_KINDS, WireRow

PAGE_SIZE = 500

Progress = Callable[[str, int, int], None]
Applied = tuple[str, str, int]


@dataclass
class PullOutcome:
    applied: list[Applied] = field(default_factory=list)
    problems: list[issues.Issue] = field(default_factory=list)


def _has_pending(session: Session, kind: str, rid: str) -> bool:
    return bool(
        session.scalar(
            select(
                exists().where(
                    OutboxEntry.record_kind == kind,
                    OutboxEntry.record_id == rid,
                    OutboxEntry.pushed_at.is_(None),
                )
            )
        )
    )


def _holds(session: Session, model: type[SyncRecord], rid: str) -> bool:
    return bool(session.scalar(select(exists().where(model.id == rid))))


def _problem(problem: str, row: WireRow, reason: str) -> issues.Issue:
    return issues.Issue(problem, row["kind"], row["id"], row["version"], reason)


def _stands_in_the_way(
    session: Session, local: SyncRecord | None, row: WireRow
) -> issues.Issue | bool | None:
    """Why the local copy keeps the pulled row out: False when the kiosk holds that version
    already, an issue when it must not be applied, None when nothing stands in the way."""
    if local is None:
        return None
    if local.station_code != row["station_code"]:
        return _problem(issues.CLASH, row, f"the id belongs to {local.station_code} here")
    if local.version >= row["version"]:
        return False
    if _has_pending(session, row["kind"], row["id"]):
        return _problem(
            issues.CONFLICT,
            row,
            f"central holds version {row['version']} of a record changed here "
            f"(version {local.version}) and not yet accepted",
        )
    return None


def _apply_row(session: Session, own: str, row: WireRow) -> issues.Issue | bool:
    """Apply one pulled row: True when applied, False when the kiosk holds it already, an
    issue when it cannot be applied."""
    model = MODELS[row["kind"]]
    local = session.scalars(select(model).where(model.id == row["id"])).unique().first()
    refused = _stands_in_the_way(session, local, row)
    if refused is not None:
        return refused
    try:
        values = from_wire(model, row, local)
    except (KeyError, TypeError, ValueError) as exc:
        return _problem(issues.CLASH, row, f"malformed row: {exc}")
    for column, target, nullable in foreign_keys(model):
        ref = values.get(column)
        if ref is not None and not _holds(session, target, ref):
            if not nullable:
                return _problem(issues.CLASH, row, f"{column} names a record this kiosk lacks")
            values[column] = None
    if model is FoundItem and row["station_code"] != own:
        # Photo files stay at the station that holds the item; the names would lead nowhere.
        values["photos"] = []
    try:
        with session.begin_nested():
            if local is None:
                session.add(model(**values))
            else:
                for name, value in values.items():
                    setattr(local, name, value)
            session.flush()
    except IntegrityError as exc:
        return _problem(issues.CLASH, row, " ".join(str(exc.orig).split()))
    except (StatementError, TypeError, ValueError) as exc:
        # A value of the wrong type (another station's bug, or malice) must not stop the
        # pull for everyone: the row waits on the lead's list, the rest go through.
        return _problem(issues.CLASH, row, f"malformed row: {' '.join(str(exc).split())[:200]}")
    return True


def _apply_page(
    store: Store, own: str, page: list[exchange.Pulled], *, advance: bool = True
) -> PullOutcome:
    outcome = PullOutcome()
    with store.transaction() as session:
        session.info[APPLYING_PULL] = True
        for item in page:
            row = item.row
            if row["kind"] not in SHARED_KINDS or row["kind"] not in MODELS:
                continue
            done = _apply_row(session, own, row)
            if isinstance(done, issues.Issue):
                outcome.problems.append(done)
                issues.note(session, done)
            elif done:
                outcome.applied.append((row["kind"], row["id"], row["version"]))
        issues.settle(
            session, (issues.CLASH, issues.CONFLICT), [(k, i) for k, i, _ in outcome.applied]
        )
        if advance:
            state.set_watermark(session, max(item.seq for item in page))
    return outcome


def _retry_held_back(store: Store, conn: Connection, own: str) -> PullOutcome:
    """Pulled rows an earlier sync held back as a clash (a badge code taken here, a value of
    the wrong type), which the lead may have settled since, are fetched again by id: the
    watermark has passed them. Conflicts concern this station's own records, which the push
    offers again by itself."""
    with store.reading() as session:
        held = [
            issue.record_id
            for issue in issues.current(session)
            if issue.problem == issues.CLASH and issue.kind in SHARED_KINDS
        ]
    if not held:
        return PullOutcome()
    outcome = PullOutcome()
    for start in range(0, len(held), PAGE_SIZE):
        rows = exchange.fetch(conn, own, held[start : start + PAGE_SIZE])
        if rows:
            done = _apply_page(store, own, rows, advance=False)
            outcome.applied.extend(done.applied)
            outcome.problems.extend(done.problems)
    return outcome


def refresh_directory(store: Store, conn: Connection) -> None:
    """Replace the station directory with central's."""
    stations = exchange.directory(conn)
    with store.transaction() as session:
        session.execute(delete(DirectoryEntry))
        session.add_all(
            DirectoryEntry(code=code, name=name, hotline=hotline)
            for code, name, hotline in stations
        )


def pull_all(store: Store, conn: Connection, own: str, progress: Progress) -> PullOutcome:
    """Pull every page after the saved watermark; progress totals are 0 (unknown)."""
    outcome = _retry_held_back(store, conn, own)
    received = 0
    while True:
        with store.reading() as session:
            after = state.watermark(session)
        page = exchange.pull(conn, own, after, PAGE_SIZE)
        if not page:
            break
        done = _apply_page(store, own, page)
        outcome.applied.extend(done.applied)
        outcome.problems.extend(done.problems)
        received += len(page)
        progress("pull", received, 0)
        if len(page) < PAGE_SIZE:
            break
    refresh_directory(store, conn)
    return outcome

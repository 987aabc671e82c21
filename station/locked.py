"""The jobs of the locked window (sign-in screen, header, the lock itself), which it hands to
its worker.

The window is built before the data layer loads (issue 8): importing this module imports
none of it. Each job imports its service when it runs, on the worker's thread, where the
store has opened by then.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from station.glance import HeaderFigures

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from station.access.actor import Signer
    from station.access.credentials import SignIn


def header_figures(session: Session) -> HeaderFigures:
    from station.services import shifts
    from station.services import station as station_service
    from station.sync import state
    from station.sync.outbox import pending_count

    return HeaderFigures(
        station_name=station_service.current(session).name,
        on_duty=len(shifts.on_duty(session)),
        unsynced=pending_count(session),
        last_sync=state.last_success(session),
    )


def signers(session: Session) -> list[Signer]:
    from station.access import credentials

    return credentials.signers(session)


def sign_in(session: Session, who: object, pin: object) -> SignIn:
    from station.access import credentials

    return credentials.sign_in(session, who, pin)


def idle_minutes(session: Session) -> int:
    from station.access import credentials

    return credentials.idle_minutes(session)


def take_drafts(session: Session) -> dict[str, dict[str, Any]]:
    from station.access import drafts

    return drafts.take(session)


def keep_drafts(session: Session, kept: dict[str, dict[str, Any]]) -> None:
    from station.access import drafts

    for desk, fields in kept.items():
        drafts.save(session, desk, fields)

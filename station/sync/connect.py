"""`redpost connect`: check that central answers for this station, then save the link.

Nothing is saved unless the hello succeeds, so a typo never replaces a working link.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.exc import DBAPIError

from station.access import SYSTEM, Actor, require_lead_actor
from station.central import exchange
from station.services import station as station_service
from station.store import open_store
from station.sync import link, sealed, secret


@dataclass(frozen=True)
class Connected:
    url: str
    station: str
    epoch: str
    # secret.KEYRING, secret.FILE (sealed), or None when no password is involved.
    password_in: str | None
    sealed_path: Path


def connect(
    folder: Path,
    url: str,
    sslmode: str | None = None,
    sslrootcert: str | None = None,
    password: str | None = None,
    *,
    actor: Actor | None = SYSTEM,
) -> Connected:
    """Say hello to central as this station; on success save the link and the password.

    Saving the link is a lead's task: `actor` must be a lead (Denied before anything is sent).
    """
    require_lead_actor(actor, "settings")
    where, from_url = link.parse(url, sslmode, sslrootcert)
    given = password if password is not None else from_url
    with open_store(folder, actor=actor) as store:
        with store.reading() as session:
            own = station_service.code(session)
        usable = given if given is not None else secret.load(folder, where.account)
        engine = link.engine(where, usable)
        try:
            with engine.connect() as conn:
                hello = exchange.hello(conn, own)
        except DBAPIError as exc:
            raise link.classify(exc) from exc
        finally:
            engine.dispose()
        with store.transaction() as session:
            link.save(session, where)
    kept = secret.save(folder, where.account, given) if given is not None else None
    return Connected(where.url, own, hello.epoch, kept, sealed.sealed_file(folder))

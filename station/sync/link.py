"""How the kiosk reaches central: the saved URL and TLS options, the engine, and the plain
reason when it cannot (offline, refused credentials, …).

A URL may be given as psql takes it (postgresql://user@host:5432/db), in SQLAlchemy's form
(postgresql+psycopg://…), or as a SQLite file path or URL for a one-machine demo; reading it
and opening the engine are central's own (station.central.database). The saved URL never
holds the password: that lives in the keyring (see station.sync.secret).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from station import access
from station.central.database import central_url, connection_error, make_engine
from station.central.errors import CentralError
from station.errors import InvalidInput
from station.services.station import get_setting, set_setting
from station.sync import state

SSL_MODES = ("disable", "allow", "prefer", "require", "verify-ca", "verify-full")


@dataclass(frozen=True)
class CentralLink:
    """Where central is: SQLAlchemy's URL without the password, and the TLS options."""

    url: str
    sslmode: str | None = None
    sslrootcert: str | None = None

    @property
    def is_sqlite(self) -> bool:
        return make_url(self.url).get_backend_name() == "sqlite"

    @property
    def account(self) -> str:
        """The name the password is kept under: the URL, which names user, host and database."""
        return self.url


def parse(
    text: str, sslmode: str | None = None, sslrootcert: str | None = None
) -> tuple[CentralLink, str | None]:
    """The link for a URL typed by the lead, and the password the URL held (or None)."""
    if not text.strip():
        raise InvalidInput("required", "central_url")
    if sslmode is not None and sslmode not in SSL_MODES:
        raise InvalidInput("bad_choice", "sslmode")
    url = central_url(text)
    password = url.password if isinstance(url.password, str) else None
    # TLS options given in the URL's query move to the settings, where the screen shows them.
    query = dict(url.query)
    sslmode = sslmode or _one(query.pop("sslmode", None))
    sslrootcert = sslrootcert or _one(query.pop("sslrootcert", None))
    if sslrootcert is not None:
        sslrootcert = str(Path(sslrootcert).expanduser().resolve())
    # URL.set() ignores None, so the URL is made anew without the password.
    bare = URL.create(
        url.drivername,
        username=url.username,
        host=url.host,
        port=url.port,
        database=url.database,
        query=query,
    )
    clean = bare.render_as_string(hide_password=False)
    return CentralLink(clean, sslmode, sslrootcert), password


def _one(value: str | tuple[str, ...] | None) -> str | None:
    if isinstance(value, tuple):
        return value[-1] if value else None
    return value


def save(session: Session, link: CentralLink) -> None:
    access.require_lead(session, "settings")
    set_setting(session, state.CENTRAL_URL, link.url)
    set_setting(session, state.CENTRAL_SSLMODE, link.sslmode)
    set_setting(session, state.CENTRAL_SSLROOTCERT, link.sslrootcert)


def load(session: Session) -> CentralLink:
    """The saved link; a CentralError when `connect` never ran."""
    url = get_setting(session, state.CENTRAL_URL)
    if not isinstance(url, str):
        raise CentralError("central_not_connected")
    sslmode = get_setting(session, state.CENTRAL_SSLMODE)
    root = get_setting(session, state.CENTRAL_SSLROOTCERT)
    return CentralLink(
        url,
        sslmode if isinstance(sslmode, str) else None,
        root if isinstance(root, str) else None,
    )


def engine(link: CentralLink, password: str | None) -> Engine:
    """An engine for central. A SQLite central must already exist (its init makes it)."""
    url = make_url(link.url)
    if link.is_sqlite:
        if not url.database or not Path(url.database).is_file():
            raise CentralError("central_offline", reason=f"no such file: {url.database}")
        return make_engine(url)
    if password is not None:
        url = url.set(password=password)
    options = {"sslmode": link.sslmode, "sslrootcert": link.sslrootcert}
    return make_engine(url.update_query_dict({k: v for k, v in options.items() if v}))


def classify(exc: DBAPIError) -> CentralError:
    """The lead's reason for a driver error met while talking to central."""
    text = " ".join(str(exc.orig).split())
    if 'role "' in text and "does not exist" in text:
        # A wrong login name is a credential problem, not a missing database.
        return CentralError("central_auth", reason=text)
    return connection_error(exc)

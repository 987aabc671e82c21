"""The command line acts as a station lead: it asks for a lead's PIN (or reads it from
stdin with --pin-stdin) and signs in with it, lockout and audit entry included.

A restore checks the PIN against the backup being restored, since the live file may be the
damaged one; that check writes nothing.
"""

from __future__ import annotations

import getpass
import sqlite3
import sys
from contextlib import closing
from pathlib import Path

from station.access import credentials, pins
from station.access.actor import LEAD, Actor, require_lead_actor
from station.errors import Denied, InvalidInput
from station.store import Store


def read_pin(from_stdin: bool, prompt: str = "PIN: ") -> str:
    """The PIN from stdin's first line, else typed at a terminal; Denied when neither can be."""
    if from_stdin:
        return sys.stdin.readline().strip()
    if not sys.stdin.isatty():
        raise Denied("lead_pin_needed")
    return getpass.getpass(prompt)


def sign_in(store: Store, who: str | None, pin: str) -> Actor:
    """Sign `who` (or the only lead) in with `pin`; the lead acting, or Denied."""
    with store.transaction() as session:
        outcome = credentials.sign_in(session, who if who else _only_lead(store), pin)
    if outcome.refusal is not None:
        raise outcome.refusal
    return require_lead_actor(outcome.actor, "command")


def _only_lead(store: Store) -> str:
    with store.reading() as session:
        leads = [s for s in credentials.signers(session) if s.role == LEAD]
    if len(leads) != 1:
        raise InvalidInput("name_the_lead", "who", count=len(leads))
    return leads[0].badge_code


def leads_in_file(db_path: Path) -> list[tuple[str, str, str, str]]:
    """(id, name, badge, PIN hash) of the leads in a store file, read-only; [] for a file
    that holds none (older than sign-in, unreadable, or a station without leads)."""
    query = (
        "SELECT v.id, v.name, v.badge_code, c.pin_hash FROM credentials c "
        "JOIN volunteers v ON v.id = c.volunteer_id "
        "WHERE c.role = 'lead' AND v.deleted_at IS NULL"
    )
    try:
        with closing(sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)) as conn:
            return [tuple(map(str, row)) for row in conn.execute(query)]  # type: ignore[misc]
    except sqlite3.DatabaseError:
        return []


def lead_among(leads: list[tuple[str, str, str, str]], who: str | None, pin: str) -> Actor:
    """The lead (named by badge or name, or any) whose PIN is `pin`; Denied if none."""
    clean = pins.clean("pin", pin)
    for volunteer_id, name, badge, stored in leads:
        named = who is None or who.upper() == badge.upper() or who == name
        if named and pins.matches(stored, clean):
            return Actor(LEAD, name, volunteer_id)
    raise Denied("pin_wrong_plain", "pin")

"""What left the kiosk on paper or as a PDF (a slip, a receipt, a report) goes into the audit
trail, whether the desks or the command line printed or saved it."""

from __future__ import annotations

from sqlalchemy.orm import Session

from station import audit


def record_print(session: Session, kind: str, number: str, to: str) -> None:
    """`to` is the printer's name or the file's path."""
    audit.record(session, "print", {"slip": kind, "number": number, "to": to})

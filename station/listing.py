"""Records of one kind for `list`: newest first, optionally filtered by text and limited."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy.orm import Session

from station.services import inquiries, lostfound, volunteers
from station.services.search import terms


def _contains_all(values: Sequence[str], text: str) -> bool:
    haystack = " ".join(values)
    return all(term in haystack for term in terms(text))


def records(
    session: Session, kind: str, *, text: str | None = None, limit: int | None = None
) -> Sequence[Any]:
    text = text or None
    if kind == "volunteers":
        return volunteers.find(session, text=text, include_inactive=True, limit=limit)
    if kind == "inquiries":
        return inquiries.find(session, text=text, limit=limit)
    if kind == "found_items":
        return lostfound.find_found(session, text=text, limit=limit)
    if kind == "lost_reports":
        return lostfound.find_lost(session, text=text, limit=limit)
    if kind == "shifts":
        shifts = volunteers.shifts(session, limit=None if text else limit)
        if text:
            shifts = [
                s
                for s in shifts
                if _contains_all((s.volunteer.name, s.volunteer.badge_code, s.post.name), text)
            ]
        return shifts[:limit] if limit else shifts
    if kind == "returns":
        returns = lostfound.find_returns(session, limit=None if text else limit)
        if text:
            returns = [
                r
                for r in returns
                if _contains_all(
                    (r.found_item.item_no, r.found_item.description, r.claimant_name), text
                )
            ]
        return returns[:limit] if limit else returns
    raise ValueError(f"unknown kind {kind}")

"""Masking of personal data wherever it leaves the store for eyes or paper.

Paper is always masked. On screen, a station lead sees personal data whole and everyone
else sees it masked: `shown_to(actor)` (or `shown_in(session)` for the session's actor)
says which, and gives the values to display.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from station.access.actor import Actor, sees_personal_data


def mask_phone(number: str | None) -> str:
    """138****1234 for mobiles, 0796-***4567 for landlines; '' for none."""
    if not number:
        return ""
    if "-" in number:
        area, rest = number.split("-", 1)
        local = rest.split("-", 1)[0]
        return f"{area}-{'*' * (len(local) - 4)}{local[-4:]}"
    if len(number) <= 4:
        return number
    keep_head = 3 if len(number) >= 11 else 0
    return number[:keep_head] + "*" * (len(number) - keep_head - 4) + number[-4:]


# What a NOT NULL name column holds once retention has erased it: no name, so never masked.
ERASED_NAME = "[已清除]"


def mask_name(name: str | None) -> str:
    """张** for 张三丰: the family name only, as Chinese notices do."""
    if not name:
        return ""
    if name == ERASED_NAME:
        return name
    return name[0] + "*" * (len(name) - 1)


@dataclass(frozen=True)
class Shown:
    """Personal data as one person may see it on screen: whole, or masked."""

    whole: bool

    def phone(self, number: str | None) -> str:
        return (number or "") if self.whole else mask_phone(number)

    def name(self, name: str | None) -> str:
        return (name or "") if self.whole else mask_name(name)

    def contact(self, name: str | None, phone: str | None, sep: str = " ") -> str:
        """Name and phone as one line, leaving out what is missing."""
        return sep.join(part for part in (self.name(name), self.phone(phone)) if part)


MASKED = Shown(whole=False)


def shown_to(actor: Actor | None) -> Shown:
    """A lead (or the program itself) sees personal data whole; a volunteer, or nobody
    signed in, sees it masked."""
    return Shown(whole=actor is not None and actor.is_lead)


def shown_in(session: Session) -> Shown:
    """What the actor of `session` may see."""
    return Shown(whole=sees_personal_data(session))

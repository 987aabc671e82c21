"""Typed errors a person can cause, each naming the field and carrying a readable message."""

from __future__ import annotations


class StationError(Exception):
    """Base of every error the core raises on purpose.

    `code` selects the message in `station.messages`; `field` names the input at fault
    (or is None when the error is about the record as a whole).
    """

    def __init__(self, code: str, field: str | None = None, **params: object) -> None:
        self.code = code
        self.field = field
        self.params = params
        super().__init__(self.message("zh_CN"))

    def message(self, lang: str = "zh_CN") -> str:
        # Imported when an error is first said: the window's start says none (issue 8).
        from station.messages import render

        return render(self.code, lang, self.field, **self.params)


class InvalidInput(StationError):
    """A value a person typed or chose is not acceptable."""


class NotFound(StationError):
    """A record named by id, number or code does not exist."""


class StateError(StationError):
    """The action does not fit the record's state (already returned, not checked in, …)."""


class StoreError(StationError):
    """The local store cannot be opened or is not sound."""


class Denied(StationError):
    """The person signed in may not do this (a lead's task), or nobody is signed in."""

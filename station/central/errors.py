"""Errors of the central database, told apart so a lead knows what to fix."""

from __future__ import annotations

from station.errors import StationError


class CentralError(StationError):
    """Central cannot be reached, refuses us, or does not fit this program.

    Codes: central_offline, central_auth, central_schema_old, central_schema_new,
    central_not_registered, central_not_initialised, central_epoch, central_refused,
    central_key_lost, central_key_in_data (the sealed password's key, station.sync.sealed).
    """

"""Sign-in and roles: who is acting, what only a station lead may do, and PINs."""

from station.access.actor import (
    LEAD,
    SYSTEM,
    VOLUNTEER,
    Actor,
    current,
    require_lead,
    require_lead_actor,
    require_signed_in,
    sees_personal_data,
)

__all__ = [
    "LEAD",
    "SYSTEM",
    "VOLUNTEER",
    "Actor",
    "current",
    "require_lead",
    "require_lead_actor",
    "require_signed_in",
    "sees_personal_data",
]

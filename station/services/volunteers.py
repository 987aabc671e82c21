"""The volunteer desk in one import: the roster (`roster`) and shifts (`shifts`) together."""

from station.services.records import UNSET
from station.services.roster import (
    add,
    count_volunteers,
    find,
    get,
    remove,
    update,
)
from station.services.shifts import (
    VolunteerHours,
    check_in,
    check_in_by_badge,
    check_out,
    close_day,
    correct_shift,
    count_shifts,
    day_hours,
    on_duty,
    shifts,
)

__all__ = [
    "UNSET",
    "VolunteerHours",
    "add",
    "check_in",
    "check_in_by_badge",
    "check_out",
    "close_day",
    "correct_shift",
    "count_shifts",
    "count_volunteers",
    "day_hours",
    "find",
    "get",
    "on_duty",
    "remove",
    "shifts",
    "update",
]

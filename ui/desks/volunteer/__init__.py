"""The volunteer desk (志愿者签到), in parts: board, check-in, hours, new volunteer, scanner."""

from ui.desks.volunteer.desk import VolunteerDesk

__all__ = ["VolunteerDesk"]

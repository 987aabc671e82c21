"""The lost-and-found desk (失物招领)."""

from ui.desks.lostfound.desk import LostFoundDesk

__all__ = ["LostFoundDesk"]

"""The end-of-day sync desk (日终同步)."""

from ui.desks.sync.desk import SyncDesk

__all__ = ["SyncDesk"]

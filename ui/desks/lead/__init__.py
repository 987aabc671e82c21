"""The station lead's desk (站长管理)."""

from ui.desks.lead.desk import LeadDesk

__all__ = ["LeadDesk"]

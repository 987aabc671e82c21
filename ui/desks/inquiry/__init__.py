"""The inquiry desk (游客咨询): log a visitor's question in a few taps, follow up today's list."""

from ui.desks.inquiry.desk import InquiryDesk

__all__ = ["InquiryDesk"]

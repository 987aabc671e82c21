"""Record kinds as people call them, for the sync desk, the audit trail and the privacy tools."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def kind_name(kind: str) -> str:
    """A record kind as the lead calls it."""
    names = {
        "posts": QCoreApplication.translate("SyncKinds", "Post"),
        "volunteers": QCoreApplication.translate("SyncKinds", "Volunteer"),
        "faqs": QCoreApplication.translate("SyncKinds", "Quick answer"),
        "shifts": QCoreApplication.translate("SyncKinds", "Shift"),
        "inquiries": QCoreApplication.translate("SyncKinds", "Inquiry"),
        "inquiry_follow_ups": QCoreApplication.translate("SyncKinds", "Inquiry note"),
        "police_handovers": QCoreApplication.translate("SyncKinds", "Police hand-over"),
        "found_items": QCoreApplication.translate("SyncKinds", "Found item"),
        "lost_reports": QCoreApplication.translate("SyncKinds", "Lost report"),
        "item_returns": QCoreApplication.translate("SyncKinds", "Item return"),
        "audit_entries": QCoreApplication.translate("SyncKinds", "Audit entry"),
    }
    return names.get(kind, kind)

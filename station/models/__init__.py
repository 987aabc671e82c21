"""The local store's tables as SQLAlchemy 2 typed ORM classes."""

from station.models.access import Credential, Draft
from station.models.audit import AuditEntry
from station.models.base import Base, SyncRecord, new_id, seeded_ids
from station.models.faq import Faq
from station.models.inquiry import Inquiry, InquiryFollowUp
from station.models.lostfound import FoundItem, ItemReturn, LostReport, PoliceHandover
from station.models.outbox import NumberCounter, OutboxEntry
from station.models.station import Post, Setting, Station
from station.models.sync import DirectoryEntry, PushBatch, SyncIssue
from station.models.volunteer import Shift, Volunteer

# Every synced kind, parents before children, in the order a push sends them.
SYNCED_KINDS: tuple[type[SyncRecord], ...] = (
    Post,
    Volunteer,
    Faq,
    Shift,
    Inquiry,
    InquiryFollowUp,
    PoliceHandover,
    FoundItem,
    LostReport,
    ItemReturn,
    # Last: the trail of the changes above, pushed after them.
    AuditEntry,
)

__all__ = [
    "SYNCED_KINDS",
    "AuditEntry",
    "Base",
    "Credential",
    "DirectoryEntry",
    "Draft",
    "Faq",
    "FoundItem",
    "Inquiry",
    "InquiryFollowUp",
    "ItemReturn",
    "LostReport",
    "NumberCounter",
    "OutboxEntry",
    "PoliceHandover",
    "Post",
    "PushBatch",
    "Setting",
    "Shift",
    "Station",
    "SyncIssue",
    "SyncRecord",
    "Volunteer",
    "new_id",
    "seeded_ids",
]

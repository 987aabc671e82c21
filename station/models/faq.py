"""Quick answers (常见问题) a volunteer can give with one tap."""

from __future__ import annotations

from sqlalchemy import String, Text
from sqlalchemy.orm import Mapped, mapped_column

from station.models.base import SyncRecord


class Faq(SyncRecord):
    __tablename__ = "faqs"
    kind = "faqs"

    category: Mapped[str] = mapped_column(String(20))
    question: Mapped[str] = mapped_column(String(200))
    answer: Mapped[str] = mapped_column(Text)
    sort_order: Mapped[int] = mapped_column(default=0)

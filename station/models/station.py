"""The kiosk's own station, its posts (点位), and its settings."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from station.models.base import Base, SyncRecord


class Station(Base):
    """The one station this kiosk serves. Set once by `init`."""

    __tablename__ = "station"

    code: Mapped[str] = mapped_column(String(8), primary_key=True)
    name: Mapped[str] = mapped_column(String(60))
    hotline: Mapped[str | None] = mapped_column(String(32))
    created_at: Mapped[datetime]


class Post(SyncRecord):
    __tablename__ = "posts"
    __table_args__ = (UniqueConstraint("station_code", "name"),)
    kind = "posts"

    name: Mapped[str] = mapped_column(String(40))
    active: Mapped[bool] = mapped_column(default=True)


class Setting(Base):
    """Station settings as JSON values under a dotted key (retention.documents, …)."""

    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[object] = mapped_column(JSON)

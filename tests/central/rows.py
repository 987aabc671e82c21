"""Wire rows as a kiosk would push them."""

from __future__ import annotations

import uuid
from typing import Any

from station.sync.wire import WireRow

T0 = "2026-11-30T08:00:00+00:00"


def found_item(station: str, *, version: int = 1, rid: str | None = None, **fields: Any) -> WireRow:
    """A found item with a finder's phone (personal) and a description (public)."""
    return WireRow(
        kind="found_items",
        id=rid or str(uuid.uuid4()),
        station_code=station,
        version=version,
        created_at=T0,
        updated_at=T0,
        deleted_at=None,
        fields={
            "item_no": f"{station}-20261130-0001",
            "description": "黑色雨伞",
            "finder_name": "王五",
            "finder_phone": "13900001111",
            **fields,
        },
    )


def inquiry(station: str, **fields: Any) -> WireRow:
    """An inquiry: never shared with other stations."""
    return WireRow(
        kind="inquiries",
        id=str(uuid.uuid4()),
        station_code=station,
        version=1,
        created_at=T0,
        updated_at=T0,
        deleted_at=None,
        fields={"question": "去古戏台怎么走", "visitor_phone": "13800002222", **fields},
    )


def batch() -> str:
    return str(uuid.uuid4())

"""What crosses between a kiosk and central: records as plain, JSON-able rows.

Both sides agree on this module and nothing else: the kiosk turns its ORM rows into
`WireRow`s to push and applies pulled `WireRow`s; central stores them, splitting off the
personal fields, which never leave central again.
"""

from __future__ import annotations

from typing import Any, TypedDict

# Kinds every station pulls from central (shared data). Other kinds are pushed only.
SHARED_KINDS: tuple[str, ...] = ("volunteers", "faqs", "found_items", "lost_reports")

# Personal data, per kind. Central keeps it apart and never hands it to any station.
PRIVATE_FIELDS: dict[str, frozenset[str]] = {
    "volunteers": frozenset({"phone"}),
    "inquiries": frozenset({"visitor_name", "visitor_phone"}),
    "found_items": frozenset({"finder_name", "finder_phone"}),
    "lost_reports": frozenset({"contact_name", "contact_phone"}),
    "item_returns": frozenset({"claimant_name", "id_type", "id_last4", "signature_file"}),
}

# Code that owns records made at central itself (quick answers added by the county office).
CENTRAL_CODE = "CENTRAL"


class WireRow(TypedDict):
    """One record at one version. Times are ISO 8601 strings in UTC ("…+00:00")."""

    kind: str
    id: str
    station_code: str
    version: int
    created_at: str
    updated_at: str
    deleted_at: str | None
    # Every other column except the local `pk`, as JSON values (datetimes as ISO strings).
    fields: dict[str, Any]


def split_private(row: WireRow) -> tuple[dict[str, Any], dict[str, Any]]:
    """The row's fields as (public, private)."""
    public = dict(row["fields"])
    private = {
        name: public.pop(name)
        for name in PRIVATE_FIELDS.get(row["kind"], frozenset())
        if name in public
    }
    return public, private

"""Paper a slip can go on: thermal rolls (58 mm, 80 mm) whose page grows with the content,
and cut sheets (A5, A4)."""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.units import mm

from station.errors import InvalidInput


@dataclass(frozen=True)
class Paper:
    code: str
    width_mm: float
    # None: a roll, cut after the content.
    height_mm: float | None
    margin_mm: float
    # Body text size in points; titles and numbers scale from it.
    font_pt: float

    @property
    def is_roll(self) -> bool:
        return self.height_mm is None

    @property
    def frame_width(self) -> float:
        """Printable width in points."""
        return (self.width_mm - 2 * self.margin_mm) * mm


PAPERS: dict[str, Paper] = {
    # A 58 mm roll prints about 48 mm wide; 80 mm about 72 mm.
    "58mm": Paper("58mm", 58, None, 4, 8),
    "80mm": Paper("80mm", 80, None, 4, 9),
    "a5": Paper("a5", 148, 210, 12, 10.5),
    "a4": Paper("a4", 210, 297, 18, 11),
}

DEFAULT_PAPER = "80mm"

# A roll slip is never shorter than this, so it can be torn off and held.
ROLL_MIN_HEIGHT_MM = 60


def paper(value: object) -> Paper:
    """The paper named by a code such as "80mm" or "A4"; a clear error for anything else."""
    code = value.strip().lower() if isinstance(value, str) else None
    if code is None or code not in PAPERS:
        raise InvalidInput("bad_paper", "paper", choices=", ".join(PAPERS))
    return PAPERS[code]

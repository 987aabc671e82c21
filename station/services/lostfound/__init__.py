"""Lost and found (失物招领): found items, lost reports, matching, returns, police hand-over."""

from station.services.lostfound.files import photo_path, signature_path
from station.services.lostfound.found import (
    FoundLine,
    count_found,
    delete_found,
    find_found,
    find_found_lines,
    get_found,
    register_found,
    update_found,
)
from station.services.lostfound.handover import due_date, due_for_handover, hand_over
from station.services.lostfound.lost import (
    count_lost,
    delete_lost,
    find_lost,
    get_lost,
    register_lost,
    update_lost,
)
from station.services.lostfound.matching import Match, score_pair, suggest_matches, suggest_reports
from station.services.lostfound.returns import count_returns, find_returns, return_item
from station.services.records import UNSET

__all__ = [
    "UNSET",
    "FoundLine",
    "Match",
    "count_found",
    "count_lost",
    "count_returns",
    "delete_found",
    "delete_lost",
    "due_date",
    "due_for_handover",
    "find_found",
    "find_found_lines",
    "find_lost",
    "find_returns",
    "get_found",
    "get_lost",
    "hand_over",
    "photo_path",
    "register_found",
    "register_lost",
    "return_item",
    "score_pair",
    "signature_path",
    "suggest_matches",
    "suggest_reports",
    "update_found",
    "update_lost",
]

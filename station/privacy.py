"""Masking of personal data wherever it leaves the store for eyes or paper."""

from __future__ import annotations


def mask_phone(number: str | None) -> str:
    """138****1234 for mobiles, 0796-***4567 for landlines; '' for none."""
    if not number:
        return ""
    if "-" in number:
        area, rest = number.split("-", 1)
        local = rest.split("-", 1)[0]
        return f"{area}-{'*' * (len(local) - 4)}{local[-4:]}"
    if len(number) <= 4:
        return number
    keep_head = 3 if len(number) >= 11 else 0
    return number[:keep_head] + "*" * (len(number) - keep_head - 4) + number[-4:]


def mask_name(name: str | None) -> str:
    """张** for 张三丰: the family name only, as Chinese notices do."""
    if not name:
        return ""
    return name[0] + "*" * (len(name) - 1)

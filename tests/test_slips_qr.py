"""The slips' QR codes are module for module the codes ReportLab's own encoder makes: the same
data, error correction bytes and mask pattern (its choice, quirks included)."""

from __future__ import annotations

import string

from hypothesis import given, settings
from hypothesis import strategies as st
from reportlab.graphics.barcode import qrencoder

from station.slips import qr

TICKET = st.from_regex(r"REDPOST:YF\d{2}:YF\d{2}-20\d{6}-\d{4}", fullmatch=True)
URL = st.text(string.ascii_letters + string.digits + "-_./?=&:", min_size=1, max_size=300).map(
    lambda path: f"https://rp.example.gov.cn/t/{path}"
)
DIGITS = st.text(string.digits, min_size=1, max_size=400)
CHINESE = st.text("恩江古城红驿站咨询单求助失物登记回执", min_size=1, max_size=60)
# Any text a slip can carry: validation refuses control characters in a QR template, and
# ReportLab's own encoder fails on a trailing newline (its alphanumeric test is a `$` match).
ANY_TEXT = st.text(st.characters(blacklist_categories=("Cc", "Cs")), min_size=1, max_size=80)


def reportlab_rows(value: str) -> list[str]:
    code = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
    code.addData(value)
    code.make()
    return ["".join("1" if dark else "0" for dark in row) for row in code.modules]


@settings(max_examples=150, deadline=None)
@given(st.one_of(TICKET, URL, DIGITS, CHINESE, ANY_TEXT))
def test_every_module_is_reportlabs(value: str) -> None:
    assert qr.rows(value) == reportlab_rows(value)


def test_codes_of_many_versions_are_reportlabs() -> None:
    # 1 to 900 bytes: versions 1 to 25, single and interleaved error correction blocks.
    for length in (1, 14, 15, 40, 100, 180, 300, 500, 700, 900):
        value = ("红驿站" + string.ascii_letters * 20)[:length]
        assert qr.rows(value) == reportlab_rows(value), length

"""Help slips and receipts: what they say, on which paper, and that no full phone reaches paper."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path
from xml.sax.saxutils import escape

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image
from pypdf import PdfReader
from reportlab import rl_config
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    PageTemplate,
    Paragraph,
    Spacer,
)

from station import clock
from station.errors import InvalidInput, NotFound, StateError
from station.models import Setting, Volunteer
from station.services import inquiries, lostfound
from station.services import station as station_service
from station.slips import (
    QR_SETTING,
    Slip,
    blocks,
    default_paper,
    font,
    make_slip,
    render,
    set_default_paper,
    set_qr_template,
)
from station.slips.paper import Paper
from station.slips.paper import paper as paper_of
from station.store import Store

NOW = datetime(2026, 11, 30, 15, 0, tzinfo=clock.LOCAL_TZ)
PAPER_WIDTHS = {"58mm": 58, "80mm": 80, "a5": 148, "a4": 210}
POINTS_PER_MM = 72 / 25.4


@pytest.fixture(autouse=True)
def frozen() -> Iterator[None]:
    with clock.frozen_at(NOW):
        yield


def signature_png() -> bytes:
    picture = Image.new("RGB", (300, 100), "white")
    for x in range(20, 280):
        picture.putpixel((x, 50 + (x % 20) - 10), (0, 0, 0))
    out = io.BytesIO()
    picture.save(out, "PNG")
    return out.getvalue()


@pytest.fixture
def records(station_store: Store) -> dict[str, str]:
    """One record of every kind that has paper, with personal data to hide."""
    store = station_store
    with store.transaction() as s:
        s.add(Volunteer(station_code="YF01", name="王五", badge_code="YF-007", home_station="YF01"))
    with store.transaction() as s:
        inquiry = inquiries.create(
            s,
            category="help",
            question="孩子在古戏台走散了",
            answer="已广播寻人，请在驿站等候",
            visitor_name="张三丰",
            visitor_phone="13812345678",
            handled_by="YF-007",
            post="古戏台广场",
        )
        inquiries.refer(s, inquiry.ticket_no, unit="恩江派出所", contact="0796-2512345")
        item = lostfound.register_found(
            s,
            category="wallet",
            description="黑色钱包，内有银行卡",
            found_place="驼背桥",
            found_at=NOW - timedelta(hours=3),
            finder_name="李四",
            finder_phone="13900001111",
            storage_place="一号柜",
        )
        report = lostfound.register_lost(
            s,
            category="wallet",
            description="黑色钱包",
            lost_place="驼背桥",
            lost_at=NOW - timedelta(hours=4),
            contact_name="赵六",
            contact_phone="13722223333",
        )
        lostfound.return_item(
            s,
            item=item.item_no,
            claimant_name="赵六",
            id_type="id_card",
            id_last4="123X",
            lost_report=report.report_no,
            signature_png=signature_png(),
            handed_over_by="YF-007",
        )
        old = lostfound.register_found(
            s,
            category="other",
            description="蓝色折叠伞",
            found_place="古戏台广场",
            found_at=NOW - timedelta(days=200),
        )
        handover = lostfound.hand_over(
            s,
            items=[old.item_no],
            police_unit="恩江派出所",
            officer_name="陈警官",
            handed_by="YF-007",
        )
        return {
            "inquiry": inquiry.ticket_no,
            "found": item.item_no,
            "lost": report.report_no,
            "return": item.item_no,
            "handover": handover.handover_no,
            "old": old.item_no,
        }


def slip(store: Store, kind: str, number: str, paper: str | None = None) -> Slip:
    with store.reading() as s:
        return make_slip(s, kind, number, paper)


def pdf_text(data: bytes) -> str:
    done = subprocess.run(
        ["pdftotext", "-layout", "-", "-"], input=data, capture_output=True, check=True
    )
    return done.stdout.decode()


def no_spaces(text: str) -> str:
    return "".join(text.split())


EXPECTED = {
    "inquiry": ["求助单", "恩江古城红驿站", "古戏台广场", "孩子在古戏台走散了", "已广播寻人",
                "恩江派出所", "0796-2512345", "张**", "138****5678", "王五"],
    "found": ["拾获物品标签", "黑色钱包", "驼背桥", "一号柜", "2026-11-30"],
    "lost": ["失物登记回执", "黑色钱包", "驼背桥", "赵*", "137****3333", "已结案"],
    "return": ["物品归还回执", "赵*", "居民身份证", "尾号123X", "王五", "领取人签名"],
    "handover": ["移交清单", "恩江派出所", "陈警官", "王五", "1件"],
}  # fmt: skip


@pytest.mark.parametrize("kind", sorted(EXPECTED))
def test_each_slip_says_what_the_visitor_needs(
    station_store: Store, records: dict[str, str], kind: str
) -> None:
    made = slip(station_store, kind, records[kind], "80mm")
    text = no_spaces(pdf_text(made.pdf))
    assert no_spaces(made.number) in text
    for expected in EXPECTED[kind]:
        assert no_spaces(expected) in text, expected
    assert "0796-2512345" not in text or kind == "inquiry"


def test_the_hand_over_list_names_every_item(station_store: Store, records: dict[str, str]) -> None:
    for paper in ("58mm", "a4"):
        text = no_spaces(pdf_text(slip(station_store, "handover", records["handover"], paper).pdf))
        assert records["old"] in text
        assert "蓝色折叠伞" in text
        assert "接收人签字" in text


@pytest.mark.parametrize("paper", sorted(PAPER_WIDTHS))
@pytest.mark.parametrize("kind", sorted(EXPECTED))
def test_page_size_follows_the_paper(
    station_store: Store, records: dict[str, str], kind: str, paper: str
) -> None:
    made = slip(station_store, kind, records[kind], paper)
    reader = PdfReader(io.BytesIO(made.pdf))
    assert len(reader.pages) == 1  # a roll is cut after the content; a sheet holds it all
    box = reader.pages[0].mediabox
    assert float(box.width) / POINTS_PER_MM == pytest.approx(PAPER_WIDTHS[paper], abs=0.5)
    height = float(box.height) / POINTS_PER_MM
    assert height == pytest.approx(made.height_mm, abs=0.5)
    if paper in ("a5", "a4"):
        assert height == pytest.approx({"a5": 210, "a4": 297}[paper], abs=0.5)
    else:
        assert 60 <= height < 250
    assert made.width_mm == PAPER_WIDTHS[paper]
    assert len(made.pdf) < 100_000


def test_the_chinese_font_is_embedded(
    station_store: Store, records: dict[str, str], tmp_path: Path
) -> None:
    source = tmp_path / "slip.pdf"
    source.write_bytes(slip(station_store, "inquiry", records["inquiry"], "58mm").pdf)
    listing = subprocess.run(
        ["pdffonts", str(source)], capture_output=True, check=True
    ).stdout.decode()
    fonts = [line.split() for line in listing.splitlines()[2:] if line.strip()]
    # Only the CJK subset, embedded: no unembedded base font (Helvetica) or STSong-Light.
    assert len(fonts) == 1, listing
    name, kind, _, embedded, subset, *_ = fonts[0]
    assert "WenQuanYi" in name or "Hei" in name
    assert (kind, embedded, subset) == ("TrueType", "yes", "yes")


@pytest.mark.parametrize("kind", sorted(EXPECTED))
def test_each_layout_renders_to_a_page_that_is_not_blank(
    station_store: Store, records: dict[str, str], kind: str, tmp_path: Path
) -> None:
    source = tmp_path / "slip.pdf"
    source.write_bytes(slip(station_store, kind, records[kind], "58mm").pdf)
    subprocess.run(
        ["pdftoppm", "-r", "60", "-png", "-singlefile", str(source), str(tmp_path / "page")],
        check=True,
    )
    page = Image.open(tmp_path / "page.png").convert("L")
    dark = sum(page.histogram()[:128])
    assert dark > page.width * page.height * 0.01


def test_the_return_receipt_carries_the_signature(
    station_store: Store, records: dict[str, str]
) -> None:
    reader = PdfReader(io.BytesIO(slip(station_store, "return", records["return"]).pdf))
    assert list(reader.pages[0].images)


def test_station_default_paper_and_override(station_store: Store, records: dict[str, str]) -> None:
    assert slip(station_store, "found", records["found"]).paper == "80mm"
    with station_store.transaction() as s:
        set_default_paper(s, "A5")
    with station_store.reading() as s:
        assert default_paper(s) == "a5"
    assert slip(station_store, "found", records["found"]).paper == "a5"
    assert slip(station_store, "found", records["found"], "58mm").paper == "58mm"
    with station_store.transaction() as s, pytest.raises(InvalidInput) as error:
        set_default_paper(s, "B5")
    assert error.value.field == "paper"
    with station_store.reading() as s:
        assert default_paper(s) == "a5"


def scanned_qr(made: Slip, folder: Path) -> str:
    """What a phone reads off the printed slip: the page rendered at printer resolution."""
    if shutil.which("zbarimg") is None:
        if os.environ.get("CI"):
            pytest.fail("zbarimg (zbar-tools) is missing: installer/debian-deps.sh installs it")
        pytest.skip("zbarimg (apt zbar-tools) is not installed")
    source = folder / "slip.pdf"
    source.write_bytes(made.pdf)
    subprocess.run(
        ["pdftoppm", "-r", "203", "-png", "-singlefile", str(source), str(folder / "page")],
        check=True,
    )
    done = subprocess.run(
        ["zbarimg", "--raw", "-q", str(folder / "page.png")],
        capture_output=True,
        check=True,
    )
    return done.stdout.decode().strip()


def test_qr_code_holds_the_number_and_station(
    station_store: Store, records: dict[str, str], tmp_path: Path
) -> None:
    made = slip(station_store, "inquiry", records["inquiry"], "58mm")
    assert scanned_qr(made, tmp_path) == f"REDPOST:YF01:{records['inquiry']}"


def test_qr_code_follows_the_station_url_template(
    station_store: Store, records: dict[str, str], tmp_path: Path
) -> None:
    with station_store.transaction() as s:
        set_qr_template(s, "https://rp.example.gov.cn/t/{station}/{number}")
        with pytest.raises(InvalidInput):
            set_qr_template(s, "ftp://x/{number}")
        with pytest.raises(InvalidInput):
            set_qr_template(s, "https://no-placeholder.example")
    made = slip(station_store, "lost", records["lost"], "80mm")
    assert scanned_qr(made, tmp_path) == f"https://rp.example.gov.cn/t/YF01/{records['lost']}"


def test_unknown_numbers_and_kinds_are_clear_errors(
    station_store: Store, records: dict[str, str]
) -> None:
    with pytest.raises(NotFound):
        slip(station_store, "inquiry", "YF01-20261130-9999")
    with pytest.raises(NotFound) as not_back:
        slip(station_store, "return", records["old"])
    assert records["old"] in not_back.value.message("zh_CN")
    with pytest.raises(InvalidInput):
        slip(station_store, "parcel", records["found"])


mobile = st.from_regex(r"1[3-9][0-9]{9}", fullmatch=True)
name = st.text(alphabet="张王李赵刘陈杨黄周吴徐孙马朱胡郭何林高罗", min_size=2, max_size=4)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    phones=st.tuples(mobile, mobile, mobile),
    person=name,
    last4=st.from_regex(r"[0-9]{3}[0-9X]", fullmatch=True),
)
def test_no_full_phone_or_name_reaches_paper(
    station_store: Store, phones: tuple[str, str, str], person: str, last4: str
) -> None:
    visitor, contact, finder = phones
    with station_store.transaction() as s:
        inquiry = inquiries.create(
            s, category="other", question="问路", visitor_name=person, visitor_phone=visitor
        )
        item = lostfound.register_found(
            s,
            category="phone",
            description="手机",
            found_place="驼背桥",
            found_at=NOW,
            finder_name=person,
            finder_phone=finder,
        )
        report = lostfound.register_lost(
            s,
            category="phone",
            description="手机",
            lost_place="驼背桥",
            lost_at=NOW,
            contact_name=person,
            contact_phone=contact,
        )
    slips = [
        slip(station_store, "inquiry", inquiry.ticket_no, "58mm"),
        slip(station_store, "found", item.item_no, "a4"),
        slip(station_store, "lost", report.report_no, "80mm"),
    ]
    with station_store.transaction() as s:
        lostfound.return_item(
            s, item=item.item_no, claimant_name=person, id_type="id_card", id_last4=last4
        )
    slips.append(slip(station_store, "return", item.item_no, "a5"))
    for made in slips:
        text = no_spaces(pdf_text(made.pdf))
        for number in (visitor, contact, finder):
            assert number not in text
            assert number.encode() not in made.pdf
        assert person not in text


def test_a_paragraph_with_no_room_left_is_drawn_whole_on_the_next_page() -> None:
    """A frame that cannot split a paragraph at a page's foot wraps it again on the next page
    at the same width; it must still have its lines to draw there."""
    from reportlab.pdfgen.canvas import Canvas

    from station.slips import blocks, font
    from station.slips.paper import paper

    body = blocks.styles(paper("a4"), font.register()).body
    words = blocks.text("日期：________________", body)
    width, height = words.wrap(400, 700)
    assert words.split(400, height / 2) == []
    assert words.wrap(400, 700) == (width, height)
    words.drawOn(Canvas(io.BytesIO()), 0, 0)


def template_pdf(paper: Paper, flowables: list[Flowable], height: float, **info: str) -> bytes:
    """What a document template with one frame the size of the page, as rolls were drawn
    before issue 8, makes of the same flowables."""
    out = io.BytesIO()
    doc = BaseDocTemplate(
        out,
        pagesize=(paper.width_mm * mm, height * mm),
        creator=render.CREATOR,
        **info,  # type: ignore[arg-type]
    )
    doc.addPageTemplates([PageTemplate("roll", [render.page_frame(paper, height)])])
    doc.build(flowables)
    return out.getvalue()


@pytest.mark.parametrize("paper", ["58mm", "80mm"])
@pytest.mark.parametrize("kind", sorted(EXPECTED))
def test_a_roll_is_the_pdf_a_document_template_makes(
    station_store: Store,
    records: dict[str, str],
    kind: str,
    paper: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(rl_config, "invariant", 1)  # no dates or random ids in either file
    drawn: list[tuple[Paper, list[Flowable], dict[str, str], tuple[bytes, float]]] = []
    original = render.pdf

    def keep(paper: Paper, flowables: list[Flowable], **info: str) -> tuple[bytes, float]:
        made = original(paper, flowables, **info)
        drawn.append((paper, flowables, info, made))
        return made

    monkeypatch.setattr(render, "pdf", keep)
    slip(station_store, kind, records[kind], paper)
    [(chosen, flowables, info, (data, height))] = drawn
    info["initialFontName"] = info.pop("font")
    assert data == template_pdf(chosen, flowables, height, **info)


@settings(max_examples=300, deadline=None)
@given(
    value=st.text(alphabet="驿站 ab1，。\n\t\u3000\xa0\u200b'\"/", max_size=30)
    | st.text(max_size=30),
    width=st.sampled_from([20.0, 60.0, 200.0]),
)
def test_plain_words_make_the_paragraph_the_markup_parser_makes(value: str, width: float) -> None:
    style = blocks.styles(paper_of("58mm"), font.register()).body
    made = blocks.text(value, style)
    parsed = Paragraph(escape(value).replace("\n", "<br/>"), style)
    assert made.text == parsed.text
    assert [vars(part) for part in made.frags] == [vars(part) for part in parsed.frags]
    assert made.wrap(width, 1000) == parsed.wrap(width, 1000)
    pages = [Canvas(io.BytesIO(), invariant=True) for _ in range(2)]
    made.drawOn(pages[0], 0, 0)
    parsed.drawOn(pages[1], 0, 0)
    assert pages[0].getpdfdata() == pages[1].getpdfdata()  # type: ignore[no-untyped-call]


def test_the_station_and_a_setting_are_read_together(store: Store) -> None:
    with store.reading() as s, pytest.raises(StateError) as error:
        station_service.current_and_setting(s, QR_SETTING)
    assert error.value.code == "not_initialised"
    with store.transaction() as s:
        station_service.init(s, code="YF01", name="恩江古城红驿站", posts=["古戏台广场"])
    for value in ("https://rp.example/{number}", None):
        with store.reading() as s:
            station, template = station_service.current_and_setting(s, QR_SETTING, "none")
            assert (station.code, template) == ("YF01", "none")  # not set: the default
        with store.transaction() as s:
            station_service.set_setting(s, QR_SETTING, value)
        with store.reading() as s:
            station, template = station_service.current_and_setting(s, QR_SETTING, "none")
            assert station is station_service.current(s)
            assert template == value == station_service.get_setting(s, QR_SETTING, "none")
        with store.transaction() as s:
            s.delete(s.get(Setting, QR_SETTING))


def test_a_roll_spaces_its_flowables_as_a_frame_does(monkeypatch: pytest.MonkeyPatch) -> None:
    """Space after one flowable overlaps the space before the next, and a flowable at the top
    of the page (even below one of no height) drops its space before."""
    monkeypatch.setattr(rl_config, "invariant", 1)
    roll = paper_of("58mm")
    s = blocks.styles(roll, font.register())

    def flowables() -> list[Flowable]:
        return [
            Spacer(0, 0),
            blocks.text("咨询单", s.title),
            *blocks.heading(s, "恩江古城红驿站", "求助单", "YF01-20261130-0001"),
            blocks.rule(s),
            blocks.text("答复", s.number),
            Spacer(0, 7),
            blocks.rule(s),
        ]

    data, height = render.pdf(roll, flowables(), title="t", author="a", font=font.FONT_NAME)
    assert data == template_pdf(
        roll, flowables(), height, title="t", author="a", initialFontName=font.FONT_NAME
    )


@settings(max_examples=60, deadline=None)
@given(
    rows=st.lists(
        st.tuples(
            st.text(alphabet="站点时间游客ab", min_size=1, max_size=6),
            st.text(alphabet="恩江古城红驿站（YF01） 0796-2512345\n", min_size=1, max_size=80),
        ),
        min_size=1,
        max_size=9,
    ),
    roll=st.sampled_from(["58mm", "80mm"]),
)
def test_a_rolls_facts_are_drawn_as_their_table_is(rows: list[tuple[str, str]], roll: str) -> None:
    s = blocks.styles(paper_of(roll), font.register())

    def drawn(flowable: Flowable) -> tuple[tuple[float, float], bytes]:
        size = flowable.wrap(s.paper.frame_width, 10**6)
        page = Canvas(io.BytesIO(), invariant=True)
        flowable.drawOn(page, 11.3, 200.7, _sW=s.paper.frame_width - size[0])  # type: ignore[call-arg]
        return size, page.getpdfdata()  # type: ignore[no-untyped-call]

    facts = blocks.facts(s, rows)
    assert isinstance(facts, blocks.RollFacts)
    assert drawn(facts) == drawn(blocks.fact_table(facts.cells, facts.widths, s.body.fontName))

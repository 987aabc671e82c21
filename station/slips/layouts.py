"""What each slip says. Personal data goes through station.privacy: a full phone or ID number
never reaches paper. Unit and station phones (referral unit, hotline) are printed in full:
the visitor needs to call them."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from reportlab.platypus import Flowable

from station import clock, vocab
from station.models import FoundItem, Inquiry, ItemReturn, LostReport, PoliceHandover, Station
from station.privacy import mask_name, mask_phone
from station.services.records import local_text
from station.slips import blocks
from station.slips.blocks import Styles


@dataclass(frozen=True)
class Context:
    """What every slip shows besides its record."""

    station: Station
    qr_template: str | None

    def qr_value(self, number: str) -> str:
        if not self.qr_template:
            return f"REDPOST:{self.station.code}:{number}"
        return self.qr_template.replace("{number}", number).replace("{station}", self.station.code)


def _zh(vocabulary: vocab.Vocabulary, code: str) -> str:
    return vocab.label(vocabulary, code, "zh_CN")


def _footer(s: Styles, ctx: Context, note: str) -> list[Flowable]:
    lines = [blocks.rule(s), blocks.text(note, s.small)]
    if ctx.station.hotline:
        lines.append(blocks.text(f"服务热线：{ctx.station.hotline}", s.body))
    lines.append(blocks.text(f"打印时间：{local_text(clock.now())}", s.small))
    return lines


def _person(name: str | None, phone: str | None) -> str:
    return " ".join(part for part in (mask_name(name), mask_phone(phone)) if part)


def inquiry_title(inquiry: Inquiry) -> str:
    return "求助单" if inquiry.category in ("help", "medical") else "咨询单"


def help_slip(s: Styles, ctx: Context, inquiry: Inquiry) -> list[Flowable]:
    facts = [
        ("站点", f"{ctx.station.name}（{ctx.station.code}）"),
        ("点位", inquiry.post.name if inquiry.post else ""),
        ("时间", local_text(inquiry.created_at)),
        ("类别", _zh(vocab.INQUIRY_CATEGORIES, inquiry.category)),
        ("状态", _zh(vocab.INQUIRY_STATUSES, inquiry.status)),
        ("游客", _person(inquiry.visitor_name, inquiry.visitor_phone)),
        ("经办", inquiry.handler.name if inquiry.handler else ""),
    ]
    if inquiry.referral_unit:
        facts += [("转办单位", inquiry.referral_unit), ("单位电话", inquiry.referral_contact or "")]
    if inquiry.escalation_level:
        level = vocab.ESCALATION_LEVELS.get(inquiry.escalation_level, ("", ""))[0]
        facts.append(("上报", level))
    return [
        *blocks.heading(s, ctx.station.name, inquiry_title(inquiry), inquiry.ticket_no),
        blocks.facts(s, facts),
        *blocks.section(s, "问题", inquiry.question),
        *blocks.section(s, "答复与指引", inquiry.answer),
        blocks.qr(s, ctx.qr_value(inquiry.ticket_no)),
        *_footer(s, ctx, "请保留此单，凭单号查询办理进度。"),
    ]


def lost_receipt(s: Styles, ctx: Context, report: LostReport) -> list[Flowable]:
    facts = [
        ("登记时间", local_text(report.created_at)),
        ("物品类别", _zh(vocab.ITEM_CATEGORIES, report.category)),
        ("颜色", report.colour or ""),
        ("丢失地点", report.lost_place),
        ("丢失时间", local_text(report.lost_at)),
        ("联系人", _person(report.contact_name, report.contact_phone)),
        ("状态", _zh(vocab.LOST_REPORT_STATUSES, report.status)),
    ]
    return [
        *blocks.heading(s, ctx.station.name, "失物登记回执", report.report_no),
        blocks.facts(s, facts),
        *blocks.section(s, "物品描述", report.description),
        blocks.qr(s, ctx.qr_value(report.report_no)),
        *_footer(s, ctx, "找到相符物品时我们会电话联系您，请凭此单号查询。"),
    ]


def found_tag(s: Styles, ctx: Context, item: FoundItem) -> list[Flowable]:
    facts = [
        ("拾获日期", local_text(item.found_at)[:10]),
        ("类别", _zh(vocab.ITEM_CATEGORIES, item.category)),
        ("颜色", item.colour or ""),
        ("拾获地点", item.found_place),
        ("存放位置", item.storage_place or "未填写"),
    ]
    return [
        *blocks.heading(s, ctx.station.name, "拾获物品标签", item.item_no),
        blocks.facts(s, facts),
        *blocks.section(s, "物品描述", item.description),
        blocks.qr(s, ctx.qr_value(item.item_no)),
    ]


def return_receipt(
    s: Styles, ctx: Context, given: ItemReturn, lost_report_no: str | None, signature: Path | None
) -> list[Flowable]:
    item = given.found_item
    facts = [
        ("物品", item.description),
        ("类别", _zh(vocab.ITEM_CATEGORIES, item.category)),
        ("拾获日期", local_text(item.found_at)[:10]),
        ("失物登记", lost_report_no or ""),
        ("归还时间", local_text(given.returned_at)),
        ("领取人", mask_name(given.claimant_name)),
        ("证件", _document(given.id_type, given.id_last4)),
        ("经手人", given.handler.name if given.handler else ""),
    ]
    return [
        *blocks.heading(s, ctx.station.name, "物品归还回执", item.item_no),
        blocks.facts(s, facts),
        *blocks.signature(s, signature, "领取人签名"),
        *_footer(s, ctx, "物品已当面点交，领取人确认无误。"),
    ]


def handover_list(
    s: Styles, ctx: Context, handover: PoliceHandover, items: list[FoundItem], handler: str
) -> list[Flowable]:
    facts = [
        ("移交站点", f"{ctx.station.name}（{ctx.station.code}）"),
        ("移交时间", local_text(handover.handed_at)),
        ("接收单位", handover.police_unit),
        ("接收民警", handover.officer_name),
        ("移交人", handler),
        ("物品件数", f"{len(items)} 件"),
    ]
    if s.paper.is_roll:  # six columns do not fit a roll: one numbered entry per item
        listed: list[Flowable] = [
            blocks.text(f"{n}. {item.item_no}\n{item.description}", s.small)
            for n, item in enumerate(items, start=1)
        ]
    else:
        rows = [
            [
                str(n),
                item.item_no,
                _zh(vocab.ITEM_CATEGORIES, item.category),
                item.description,
                local_text(item.found_at)[:10],
                item.storage_place or "",
            ]
            for n, item in enumerate(items, start=1)
        ]
        header = ["序号", "物品编号", "类别", "物品描述", "拾获日期", "存放位置"]
        widths = (0.07, 0.25, 0.1, 0.32, 0.14, 0.12)
        listed = [blocks.grid(s, header, rows, widths)]
    return [
        *blocks.heading(s, ctx.station.name, "无人认领物品移交清单", handover.handover_no),
        blocks.facts(s, facts),
        blocks.rule(s),
        *listed,
        *blocks.signature_line(s, "移交人签字"),
        *blocks.signature_line(s, "接收人签字"),
        *blocks.signature_line(s, "日期"),
    ]


def _document(id_type: str, last4: str) -> str:
    """The claimant's document, with its last four characters unless retention erased them."""
    kind = _zh(vocab.ID_TYPES, id_type)
    return f"{kind} 尾号{last4}" if last4 else kind

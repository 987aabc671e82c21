"""Fixed lists the desks choose from: stored as stable codes, shown as Chinese or English."""

from __future__ import annotations

from station.errors import InvalidInput

Vocabulary = dict[str, tuple[str, str]]

INQUIRY_CATEGORIES: Vocabulary = {
    "directions": ("问路/景点", "Directions / sights"),
    "transport": ("交通", "Transport"),
    "help": ("求助", "Request for help"),
    "complaint": ("投诉建议", "Complaint / suggestion"),
    "lost_property": ("失物相关", "Lost property"),
    "medical": ("医疗急救", "Medical / first aid"),
    "other": ("其他", "Other"),
}

INQUIRY_STATUSES: Vocabulary = {
    "open": ("待处理", "Open"),
    "resolved": ("已办结", "Resolved"),
    "referred": ("已转办", "Referred"),
    "escalated": ("已上报", "Escalated"),
}

ESCALATION_LEVELS: dict[int, tuple[str, str]] = {
    2: ("三方联动议事会", "Joint meeting (level 2)"),
    3: ("党建联席会议", "Alliance meeting (level 3)"),
}

ITEM_CATEGORIES: Vocabulary = {
    "documents": ("证件", "ID / documents"),
    "wallet": ("钱包/现金", "Wallet / cash"),
    "phone": ("手机/电子产品", "Phone / electronics"),
    "keys": ("钥匙", "Keys"),
    "bag": ("包/行李", "Bag / luggage"),
    "clothing": ("衣物/雨伞", "Clothing / umbrella"),
    "child": ("儿童用品", "Children's items"),
    "jewellery": ("首饰/眼镜", "Jewellery / glasses"),
    "other": ("其他", "Other"),
}

# Days a found item is kept at the station before it is due for hand-over to the police.
# Valuables and documents go sooner; the lead can change these in settings.
DEFAULT_RETENTION_DAYS: dict[str, int] = {
    "documents": 7,
    "wallet": 7,
    "phone": 7,
    "jewellery": 15,
    "keys": 30,
    "bag": 30,
    "clothing": 30,
    "child": 30,
    "other": 30,
}

FOUND_ITEM_STATUSES: Vocabulary = {
    "held": ("保管中", "Held"),
    "returned": ("已归还", "Returned"),
    "handed_over": ("已移交公安", "Handed to police"),
}

LOST_REPORT_STATUSES: Vocabulary = {
    "open": ("寻找中", "Open"),
    "closed": ("已结案", "Closed"),
}

ID_TYPES: Vocabulary = {
    "id_card": ("居民身份证", "Resident ID card"),
    "passport": ("护照", "Passport"),
    "hk_macao_permit": ("港澳居民来往内地通行证", "Home-return permit (HK/Macao)"),
    "taiwan_permit": ("台湾居民来往大陆通行证", "Taiwan compatriot permit"),
    "driving_licence": ("驾驶证", "Driving licence"),
    "other": ("其他证件", "Other"),
}


def code_of(field: str, value: object, vocabulary: Vocabulary) -> str:
    """The code for a value given as code or as its Chinese or English label."""
    if isinstance(value, str):
        key = value.strip()
        if key in vocabulary:
            return key
        for code, labels in vocabulary.items():
            if key in labels:
                return code
    raise InvalidInput("bad_choice", field)


def label(vocabulary: Vocabulary, code: str, lang: str = "zh_CN") -> str:
    labels = vocabulary.get(code)
    if labels is None:
        return code
    return labels[0] if lang.startswith("zh") else labels[1]


# Who acted, when the trail names the program rather than a volunteer (`Actor.label`).
PROGRAM_ACTORS: Vocabulary = {
    "system": ("系统", "the program"),
    "cli": ("命令行", "command line"),
}

# What goes to paper or PDF (the `slip` of a print entry in the audit trail): slips and
# receipts, and the reports.
PRINTED_KINDS: Vocabulary = {
    "inquiry": ("咨询单", "help slip"),
    "found": ("拾获物品标签", "found-item tag"),
    "lost": ("失物登记回执", "lost-report receipt"),
    "return": ("物品归还回执", "return receipt"),
    "handover": ("移交清单", "hand-over list"),
    "daily": ("日报", "daily report"),
    "monthly": ("月报", "monthly report"),
    "hours": ("志愿服务时长证明", "service-hours statement"),
}

# What `redpost export` exports (station.reports.tables makes them).
EXPORT_KINDS = ("inquiries", "shifts", "lost-and-found", "volunteer-hours")
# What an export or erasure in the audit trail was about (its `what`).
EXPORTED: Vocabulary = {
    "personal": ("个人信息", "personal data"),
    "inquiries": ("咨询", "inquiries"),
    "shifts": ("班次", "shifts"),
    "lost-and-found": ("失物招领", "lost and found"),
    "volunteer-hours": ("志愿服务时长", "volunteer hours"),
}

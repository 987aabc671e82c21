"""Messages for people, in Chinese and English, keyed by error code and field name."""

from __future__ import annotations

FIELD_LABELS: dict[str, tuple[str, str]] = {
    "station_code": ("站点编号", "station code"),
    "station_name": ("站点名称", "station name"),
    "post": ("点位", "post"),
    "post_name": ("点位名称", "post name"),
    "category": ("类别", "category"),
    "visitor_name": ("游客姓名", "visitor name"),
    "visitor_phone": ("游客电话", "visitor phone"),
    "question": ("问题摘要", "question"),
    "answer": ("答复", "answer"),
    "handled_by": ("经办志愿者", "volunteer"),
    "inquiry": ("咨询单", "inquiry"),
    "ticket_no": ("单号", "ticket number"),
    "referral_unit": ("转办单位", "referral unit"),
    "referral_contact": ("转办单位联系方式", "referral contact"),
    "escalation_level": ("上报层级", "escalation level"),
    "note": ("跟进记录", "follow-up note"),
    "name": ("姓名", "name"),
    "phone": ("电话", "phone"),
    "team": ("队伍", "team"),
    "badge_code": ("胸卡编号", "badge code"),
    "home_station": ("所属站点", "home station"),
    "volunteer": ("志愿者", "volunteer"),
    "shift": ("班次", "shift"),
    "check_in_at": ("签到时间", "check-in time"),
    "check_out_at": ("签退时间", "check-out time"),
    "description": ("物品描述", "description"),
    "colour": ("颜色", "colour"),
    "found_place": ("拾获地点", "place found"),
    "found_at": ("拾获时间", "time found"),
    "finder_name": ("拾获人", "finder"),
    "finder_phone": ("拾获人电话", "finder phone"),
    "storage_place": ("存放位置", "storage place"),
    "photos": ("照片", "photos"),
    "found_item": ("拾获物品", "found item"),
    "item_no": ("物品编号", "item number"),
    "lost_place": ("遗失地点", "place lost"),
    "lost_at": ("遗失时间", "time lost"),
    "contact_name": ("联系人", "contact name"),
    "contact_phone": ("联系电话", "contact phone"),
    "lost_report": ("失物登记", "lost report"),
    "report_no": ("登记编号", "report number"),
    "claimant_name": ("认领人姓名", "claimant name"),
    "id_type": ("证件类型", "ID type"),
    "id_last4": ("证件号后四位", "last four ID digits"),
    "signature": ("签名图片", "signature image"),
    "handed_over_by": ("经手志愿者", "handed over by"),
    "police_unit": ("接收派出所", "police unit"),
    "officer_name": ("接收民警", "receiving officer"),
    "items": ("物品", "items"),
    "retention_days": ("保管期限", "retention period"),
    "day": ("日期", "date"),
    "query": ("搜索内容", "search text"),
    "data_dir": ("数据目录", "data folder"),
    "kind": ("记录类别", "record kind"),
    "limit": ("条数", "limit"),
    "days": ("天数", "days"),
    "is_party_member": ("党员", "party member"),
    "active": ("在册状态", "active status"),
    "offset": ("起始位置", "offset"),
    "item": ("物品", "item"),
    "status": ("状态", "status"),
    "registered_by": ("登记志愿者", "registering volunteer"),
    "handed_by": ("移交经办人", "handed over by"),
    "on": ("日期", "date"),
    "signature_png": ("签名图片", "signature image"),
    "faq": ("常见问题", "quick answer"),
    "sort_order": ("排序", "sort order"),
    "resolved": ("当场解决", "resolved on the spot"),
}

# Each message is a format string; {field} is the field's label in the same language.
MESSAGES: dict[str, tuple[str, str]] = {
    "required": ("请填写{field}。", "Please fill in the {field}."),
    "too_long": (
        "{field}太长了，最多 {max} 个字。",
        "The {field} is too long: at most {max} characters.",
    ),
    "control_chars": (
        "{field}含有无法识别的字符，请重新输入。",
        "The {field} contains characters that cannot be used; please type it again.",
    ),
    "not_text": ("{field}应为文字。", "The {field} must be text."),
    "not_number": ("{field}应为数字。", "The {field} must be a number."),
    "not_time": ("{field}不是有效的时间。", "The {field} is not a valid time."),
    "out_of_range": (
        "{field}应在 {low} 到 {high} 之间。",
        "The {field} must be between {low} and {high}.",
    ),
    "bad_phone": (
        "{field}不是有效的手机号或座机号，例如 13812345678 或 0796-1234567。",
        "The {field} is not a valid Chinese mobile or landline number, e.g. 13812345678 or 0796-1234567.",
    ),
    "bad_choice": ("请从列表中选择{field}。", "Please choose the {field} from the list."),
    "bad_station_code": (
        "站点编号应为 2 到 8 位大写字母或数字，以字母开头，例如 YF01。",
        "The station code must be 2 to 8 capital letters or digits, starting with a letter, e.g. YF01.",
    ),
    "bad_badge": (
        "胸卡编号只能包含字母、数字和短横线，最多 32 位。",
        "A badge code may contain only letters, digits and hyphens, at most 32 characters.",
    ),
    "bad_id_last4": (
        "请填写证件号的后四位（数字，身份证末位可为 X）。",
        "Enter the last four characters of the ID number (digits; an ID card may end in X).",
    ),
    "in_future": ("{field}不能晚于现在。", "The {field} cannot be in the future."),
    "end_before_start": (
        "{field}不能早于开始时间。",
        "The {field} cannot be before the start time.",
    ),
    "not_found": ("找不到该{field}：{value}。", "No {field} found: {value}."),
    "duplicate": ("{field}“{value}”已被使用。", "The {field} '{value}' is already in use."),
    "already_initialised": (
        "本站已设置为 {station}（{name}），不能再次设置。",
        "This station is already set up as {station} ({name}); it cannot be set up again.",
    ),
    "not_initialised": (
        "本站尚未设置，请先运行 init。",
        "This station is not set up yet; run init first.",
    ),
    "already_checked_in": (
        "{name}已在{post}签到（{since}起），请先签退。",
        "{name} is already checked in at {post} (since {since}); check out first.",
    ),
    "not_checked_in": (
        "{name}尚未签到，无法签退。",
        "{name} is not checked in, so cannot check out.",
    ),
    "volunteer_inactive": ("{name}已不在志愿者名册中。", "{name} is no longer on the roster."),
    "inquiry_closed": (
        "咨询单 {ticket} 已办结，不能再修改。",
        "Inquiry {ticket} is already closed and cannot be changed.",
    ),
    "already_returned": (
        "物品 {item} 已于 {when} 归还失主。",
        "Item {item} was already returned to its owner on {when}.",
    ),
    "already_handed_over": (
        "物品 {item} 已移交公安。",
        "Item {item} has already been handed over to the police.",
    ),
    "not_due_yet": (
        "物品 {item} 尚未到移交期限（{due}）。",
        "Item {item} is not yet due for hand-over (due {due}).",
    ),
    "not_own_record": (
        "该记录属于 {owner} 站，本站不能修改。",
        "This record belongs to station {owner}; this station cannot change it.",
    ),
    "report_closed": ("失物登记 {report} 已结案。", "Lost report {report} is already closed."),
    "photo_unreadable": ("无法读取照片文件：{path}。", "The photo file cannot be read: {path}."),
    "photo_not_image": (
        "照片应为 JPG、PNG 或 BMP 图片：{path}。",
        "A photo must be a JPG, PNG or BMP image: {path}.",
    ),
    "photo_too_large": (
        "照片文件太大（最大 {max_mb} MB）：{path}。",
        "The photo file is too large (at most {max_mb} MB): {path}.",
    ),
    "store_unreadable": ("无法打开数据文件：{reason}", "The data file cannot be opened: {reason}"),
    "store_newer": (
        "数据文件来自更新版本的程序（{revision}），请升级本程序。",
        "The data file was written by a newer version of the program ({revision}); please upgrade.",
    ),
    "integrity": ("数据检查未通过：{reason}", "The data check failed: {reason}"),
    "on_duty": (
        "{name}正在{post}值班，请先签退。",
        "{name} is on duty at {post}; check out first.",
    ),
    "not_date": ("{field}不是有效的日期。", "The {field} is not a valid date."),
    "not_yes_no": ("{field}应为“是”或“否”。", "The {field} must be yes or no."),
    "too_many": ("{field}最多 {max} 个。", "At most {max} {field} are allowed."),
    "signature_not_png": ("签名图片应为 PNG 图片。", "The signature image must be a PNG image."),
    "signature_too_large": (
        "签名图片太大（最大 {max_mb} MB）。",
        "The signature image is too large (at most {max_mb} MB).",
    ),
    "already_escalated": (
        "咨询单 {ticket} 已上报至第 {level} 级，只能再往更高一级上报。",
        "Inquiry {ticket} is already escalated to level {level}; it can only go higher.",
    ),
}


def field_label(field: str | None, lang: str) -> str:
    if field is None:
        return ""
    labels = FIELD_LABELS.get(field)
    if labels is None:
        return field
    return labels[0] if lang.startswith("zh") else labels[1]


def render(code: str, lang: str, field: str | None = None, /, **params: object) -> str:
    """The message for `code` in `lang` (zh_CN or en), with the field's label filled in."""
    zh, en = MESSAGES.get(
        code, ("操作未能完成（{code}）。", "The action could not be completed ({code}).")
    )
    template = zh if lang.startswith("zh") else en
    values = {"code": code, **params, "field": field_label(field, lang)}
    action = ACTION_LABELS.get(str(params.get("action")))
    if action is not None:
        values["action"] = action[0] if lang.startswith("zh") else action[1]
    try:
        return template.format(**values)
    except (KeyError, IndexError):
        return template


# Slips and printing.
FIELD_LABELS.update(
    {
        "paper": ("纸张", "paper"),
        "qr_url": ("二维码网址", "QR code URL"),
        "slip_kind": ("单据种类", "kind of slip"),
        "handover": ("移交清单", "hand-over list"),
    }
)
MESSAGES.update(
    {
        "reserved_station_code": (
            "站点编号 {value} 留给县中心使用，请换一个。",
            "The station code {value} is reserved for the county's central office; choose another.",
        ),
        "bad_paper": (
            "纸张只能选 {choices}。",
            "The paper must be one of {choices}.",
        ),
        "bad_qr_url": (
            "二维码网址须以 http:// 或 https:// 开头，并含有 {{number}}。",
            "The QR code URL must start with http:// or https:// and contain {{number}}.",
        ),
        "no_cjk_font": (
            "找不到可嵌入的中文字体，无法生成单据。请安装文泉驿微米黑（fonts-wqy-microhei），或用环境变量 {env} 指定一个 TrueType 字体文件。",
            "No embeddable Chinese font was found, so no slip can be made. Install WenQuanYi Micro Hei (fonts-wqy-microhei), or name a TrueType font file in the {env} environment variable.",
        ),
        "not_returned": (
            "物品 {value} 尚未归还，没有归还回执。",
            "Item {value} has not been returned, so there is no return receipt.",
        ),
        "slip_saved": ("已保存：{path}", "Saved: {path}"),
        "slip_printed": ("已发送到打印机 {printer}：{title}", "Sent to printer {printer}: {title}"),
        "cannot_write": ("无法写入 {path}：{reason}", "Cannot write {path}: {reason}"),
    }
)


# Messages of the command line (not errors of a field).
MESSAGES.update(
    {
        "interrupted": (
            "已中断，未保存的操作已撤销。",
            "Interrupted; the unfinished action was undone.",
        ),
        "internal": (
            "程序内部出错，操作未完成，数据未受影响。详情已记录在 {log}。",
            "Internal error: the action was not completed and no data was changed. Details are in {log}.",
        ),
        "no_gui": (
            "图形界面无法启动（{reason}），命令行子命令仍可使用（redpost --help）。",
            "The GUI cannot start ({reason}); the command-line subcommands still work (redpost --help).",
        ),
        "screenshots_done": (
            "已保存 {count} 张截图到 {folder}",
            "Saved {count} screenshots in {folder}",
        ),
        "init_done": (
            "已设置站点 {station}（{name}），点位：{posts}。数据目录：{folder}",
            "Station {station} ({name}) is set up, posts: {posts}. Data folder: {folder}",
        ),
        "demo_done": (
            "已生成 {days} 天演示数据：志愿者 {volunteers} 名，咨询 {inquiries} 条，班次 {shifts} 个，拾获 {found_items} 件，失物登记 {lost_reports} 条，归还 {returns} 次。",
            "Made {days} days of demo data: {volunteers} volunteers, {inquiries} inquiries, {shifts} shifts, {found_items} found items, {lost_reports} lost reports, {returns} returns.",
        ),
        "check_ok": ("数据检查通过：{path}", "The store is sound: {path}"),
    }
)

# Printing (ui/printing.py): the record is always saved before anything is printed.
MESSAGES.update(
    {
        "no_printers": (
            "这台电脑上没有可用的打印机。记录已保存，装好打印机后可以重新打印。",
            "No printer is set up on this computer. The record is saved; print it again once a printer is installed.",
        ),
        "no_default_printer": (
            "没有设定默认打印机，请指定一台：{names}。",
            "No default printer is set; please name one: {names}.",
        ),
        "printer_missing": (
            "找不到打印机“{name}”。记录已保存，请检查打印机后重试。",
            "Printer '{name}' cannot be found. The record is saved; check the printer and try again.",
        ),
        "printer_offline": (
            "打印机“{name}”脱机或出错。记录已保存，请检查打印机（电源、纸张、连线）后重试。",
            "Printer '{name}' is offline or in error. The record is saved; check its power, paper and cable, then try again.",
        ),
        "print_failed": (
            "打印没有成功（{name}）。记录已保存，请检查打印机后重试。",
            "Printing did not succeed ({name}). The record is saved; check the printer and try again.",
        ),
    }
)

# End-of-day sync on the kiosk (station/sync): connect, sync, and where the password is kept.
FIELD_LABELS.update(
    {
        "central_url": ("中心数据库地址", "central database URL"),
        "sslmode": ("加密连接方式", "TLS mode"),
    }
)
MESSAGES.update(
    {
        "central_not_connected": (
            "尚未连接中心数据库，请先运行 redpost connect --central 地址。",
            "This kiosk is not linked to central yet; run redpost connect --central URL first.",
        ),
        "connect_done": (
            "已连接中心数据库 {url}（站点 {station}），设置已保存。",
            "Connected to central at {url} as station {station}; the settings are saved.",
        ),
        "password_in_keyring": (
            "密码已保存在系统钥匙串中。",
            "The password is kept in the system keyring.",
        ),
        "password_in_file": (
            "本机没有可用的系统钥匙串，密码已加密保存在 {path} 中；密钥存放在本系统用户的配置目录（数据目录之外），仅本用户可读。",
            "No system keyring is available on this computer, so the password is kept encrypted in {path}; its key is in this OS user's config folder, outside the data folder, readable by this user only.",
        ),
        "sync_done": (
            "同步完成：上传 {pushed} 条，下载 {pulled} 条，冲突 {conflicts} 条，暂缓 {parked} 条，用时 {duration_s} 秒。",
            "Sync done: {pushed} pushed, {pulled} pulled, {conflicts} conflicts, {parked} parked, in {duration_s} s.",
        ),
        "sync_mismatch": (
            "核对不一致：{kind} 本站 {kiosk} 条，中心 {central} 条；下次同步将全部重传。",
            "Check mismatch: {kind}, kiosk {kiosk}, central {central}; the next sync re-sends them all.",
        ),
    }
)

# The central database and `redpost-central` (station.central).
MESSAGES.update(
    {
        "central_offline": (
            "无法连接中心数据库（{reason}），请检查网络后重试。",
            "Central cannot be reached ({reason}); check the network and try again.",
        ),
        "central_auth": (
            "中心数据库拒绝登录：用户名或密码不对。",
            "Central refused the login: the user name or password is wrong.",
        ),
        "central_missing_db": (
            "中心数据库不存在（{reason}）。",
            "The central database does not exist ({reason}).",
        ),
        "central_bad_url": (
            "中心数据库地址无法识别：{url}（例如 postgresql://用户@主机:5432/库名 或 SQLite 文件路径）。",
            "The central address is not understood: {url} (e.g. postgresql://user@host:5432/db or a SQLite file path).",
        ),
        "central_not_initialised": (
            "中心数据库尚未初始化，请先运行 redpost-central init。",
            "Central is not set up yet; run redpost-central init first.",
        ),
        "central_schema_old": (
            "中心数据库版本过旧（{revision}，需要 {expected}），请在中心运行 redpost-central init 升级。",
            "Central's schema is too old ({revision}, need {expected}); run redpost-central init there to upgrade it.",
        ),
        "central_schema_new": (
            "中心数据库版本（{revision}）比本程序新，请升级本程序。",
            "Central's schema ({revision}) is newer than this program; please upgrade the program.",
        ),
        "central_not_registered": (
            "站点 {station} 未在中心登记，请联系县联盟办公室（redpost-central add-station）。",
            "Station {station} is not registered at central; ask the county office (redpost-central add-station).",
        ),
        "central_wrong_station": (
            "该登录账号属于站点 {role_station}，不是 {station}。",
            "This login belongs to station {role_station}, not {station}.",
        ),
        "central_epoch": (
            "中心数据库已从备份恢复，本站将重新上传全部记录。",
            "Central was restored from a backup; this station will push all its records again.",
        ),
        "central_key_lost": (
            "无法读取已保存的中心数据库密码：密钥文件 {key} 缺失或不匹配。请站长重新运行 redpost connect 并输入密码。",
            "The saved central password cannot be read: its key file {key} is missing or does not match. The station lead must run redpost connect again with the password.",
        ),
        "central_key_in_data": (
            "密钥文件 {key} 位于数据目录 {folder} 之内，复制数据目录即会带走密码。请换一个数据目录，或使用系统钥匙串。",
            "The key file {key} would lie inside the data folder {folder}, so a copy of the folder would carry the password. Choose another data folder, or use a system keyring.",
        ),
        "central_refused": (
            "中心数据库拒绝了该操作：{reason}",
            "Central refused the action: {reason}",
        ),
        "central_bad_batch": ("批次编号无效：{batch}。", "The batch id is not valid: {batch}."),
        "central_station_exists": (
            "站点 {station} 已登记。",
            "Station {station} is already registered.",
        ),
        "central_role_exists": (
            "数据库账号 {role} 已存在，请先删除它或换一个站点编号。",
            "The database role {role} already exists; drop it first or use another station code.",
        ),
        "central_unknown_station": (
            "所属站点 {station} 未登记。",
            "The home station {station} is not registered.",
        ),
        "central_csv_line": ("第 {line} 行：{reason}", "Line {line}: {reason}"),
        "central_csv_columns": (
            "CSV 文件缺少列：{columns}（需要 badge_code,name,phone,team,home_station,is_party_member）。",
            "The CSV file lacks columns: {columns} (need badge_code,name,phone,team,home_station,is_party_member).",
        ),
        "central_csv_unreadable": (
            "无法读取 CSV 文件：{reason}",
            "The CSV file cannot be read: {reason}",
        ),
        "central_csv_duplicate": (
            "胸卡编号 {badge} 与第 {first} 行重复。",
            "The badge code {badge} repeats line {first}.",
        ),
        "central_init_done": (
            "中心数据库已就绪（版本 {revision}，纪元 {epoch}）。",
            "Central is ready (schema {revision}, epoch {epoch}).",
        ),
        "central_station_added": (
            "已登记站点 {station}（{name}）。",
            "Station {station} ({name}) is registered.",
        ),
        "central_station_login": (
            "请在该站运行：redpost connect --central {url}\n账号：{role}\n密码：{password}\n（密码只显示这一次，请妥善保管。）",
            "On that kiosk run: redpost connect --central {url}\nRole: {role}\nPassword: {password}\n(The password is shown this once; keep it safe.)",
        ),
        "central_imported": (
            "已导入志愿者：新增 {added} 名，更新 {changed} 名，未变 {same} 名。",
            "Volunteers imported: {added} added, {changed} changed, {same} unchanged.",
        ),
        "central_faq_added": ("已添加常见问题：{question}", "Quick answer added: {question}"),
        "central_new_epoch": (
            "已设置新纪元 {epoch}：各站下次同步时将重新上传全部记录。",
            "New epoch {epoch}: every station pushes all its records again at its next sync.",
        ),
        "central_never_synced": ("从未同步", "never synced"),
        "central_no_conflicts": ("没有暂存或冲突的记录。", "No parked or conflicting records."),
        "reason_wrong_station": ("记录属于其他站点", "the record belongs to another station"),
        "reason_unknown_kind": ("中心不认识的记录类别", "a record kind central does not know"),
        "reason_malformed": ("记录格式不完整或有误", "the record is incomplete or malformed"),
        "reason_id_taken": (
            "记录编号已被其他站点的记录使用",
            "the record id is used by another station's record",
        ),
        "reason_stale_version": ("中心已有更新的版本", "central holds a newer version"),
        "reason_version_differs": ("同一版本内容不同", "the same version has different content"),
    }
)


# Backups, restore and a damaged store.
MESSAGES.update(
    {
        "store_damaged": (
            "数据文件已损坏（{reason}），为保护数据已停止写入。请运行 redpost restore 从备份恢复。",
            "The data file is damaged ({reason}); nothing is written to it. Run `redpost restore` to restore a backup.",
        ),
        "store_missing": ("没有数据文件：{path}", "There is no data file: {path}"),
        "backup_failed": ("无法备份到 {path}：{reason}", "Cannot back up to {path}: {reason}"),
        "no_good_backup": (
            "{folder} 中没有完好的备份，无法恢复。",
            "There is no good backup in {folder} to restore.",
        ),
        "backup_bad": (
            "{path} 不能用于恢复：{reason}",
            "{path} cannot be restored: {reason}",
        ),
        "backup_done": ("已备份到 {path}", "Backed up to {path}"),
        "restore_done": (
            "已从 {source} 恢复（备份时间 {taken}）。原数据文件保存在 {kept}。下次同步将重新核对中心数据。",
            "Restored from {source} (taken {taken}). The previous data file is kept at {kept}. The next sync re-checks central.",
        ),
    }
)

# The audit trail (station.audit, `redpost audit verify`).
MESSAGES.update(
    {
        "audit_ok": (
            "审计记录完整：共 {count} 条，哈希链无误。",
            "The audit trail is intact: {count} entries, hash chain sound.",
        ),
        "audit_edited": (
            "审计记录被篡改：第 {seq} 条的内容已被改动（哈希不符）。",
            "The audit trail was tampered with: entry {seq} was altered (its hash does not match).",
        ),
        "audit_missing": (
            "审计记录被篡改：第 {seq} 条已被删除。",
            "The audit trail was tampered with: entry {seq} was deleted.",
        ),
        "audit_unlinked": (
            "审计记录被篡改：第 {seq} 条与前一条接不上（前一条被改动或替换）。",
            "The audit trail was tampered with: entry {seq} does not follow the one before it"
            " (that one was altered or replaced).",
        ),
        "audit_reordered": (
            "审计记录被篡改：第 {seq} 条的位置被调换。",
            "The audit trail was tampered with: entry {seq} was moved out of its place.",
        ),
    }
)

# Retention of personal data and the phone-number lookup (station.services.retention/personal).
FIELD_LABELS.update(
    {
        "contact_retention_days": ("联系方式保留天数", "contact retention (days)"),
        "return_retention_days": ("认领人信息保留天数", "claimant retention (days)"),
        "out": ("导出文件", "export file"),
    }
)
MESSAGES.update(
    {
        "retention_periods": (
            "保留期限：咨询、失物登记及拾获人联系方式在办结后 {contact_days} 天清除；"
            "认领人信息在归还后 {return_days} 天清除。",
            "Retention: contact details are erased {contact_days} days after an inquiry,"
            " lost report or found item is closed; claimant details {return_days} days after"
            " a return.",
        ),
        "retention_done": (
            "已清除个人信息：咨询 {inquiries} 条，失物登记 {lost_reports} 条，"
            "拾获物品 {found_items} 件，认领记录 {item_returns} 条（签名文件 {signatures} 个）。",
            "Personal details erased: {inquiries} inquiries, {lost_reports} lost reports,"
            " {found_items} found items, {item_returns} returns ({signatures} signature files).",
        ),
        "retention_dry_run": (
            "试运行，未作改动。将清除：咨询 {inquiries} 条，失物登记 {lost_reports} 条，"
            "拾获物品 {found_items} 件，认领记录 {item_returns} 条（签名文件 {signatures} 个）。",
            "Dry run, nothing changed. Would erase: {inquiries} inquiries, {lost_reports} lost"
            " reports, {found_items} found items, {item_returns} returns ({signatures} signature"
            " files).",
        ),
        "personal_none": (
            "本机没有存储与 {phone} 相关的记录。",
            "Nothing is stored on this kiosk about {phone}.",
        ),
        "personal_exported": (
            "已将与该号码相关的 {count} 条记录导出到 {path}（含未遮挡的个人信息，请妥善保管）。",
            "Exported {count} records about the number to {path} (unmasked personal data:"
            " keep it safe).",
        ),
        "personal_confirm": (
            "将清除本站 {count} 条记录中与 {phone} 相关的个人信息，且无法恢复。输入 yes 确认：",
            "This erases the personal details in {count} of this station's records about"
            " {phone}, for good. Type yes to confirm: ",
        ),
        "personal_not_confirmed": (
            "未确认，没有清除任何信息。",
            "Not confirmed; nothing was erased.",
        ),
        "personal_needs_yes": (
            "清除个人信息需要确认：请在终端中运行，或加 --yes。",
            "Erasing personal details needs confirmation: run it in a terminal, or add --yes.",
        ),
        "personal_erased": (
            "已清除个人信息：咨询 {inquiries} 条，失物登记 {lost_reports} 条，"
            "拾获物品 {found_items} 件，认领记录 {item_returns} 条（签名文件 {signatures} 个），"
            "志愿者电话 {volunteers} 个。下次同步时中心库同步清除。",
            "Personal details erased: {inquiries} inquiries, {lost_reports} lost reports,"
            " {found_items} found items, {item_returns} returns ({signatures} signature files),"
            " {volunteers} volunteer phones. Central is cleared at the next sync.",
        ),
    }
)


# Sign-in, roles and PINs.
FIELD_LABELS.update(
    {
        "pin": ("PIN", "PIN"),
        "old_pin": ("原 PIN", "old PIN"),
        "new_pin": ("新 PIN", "new PIN"),
        "who": ("胸卡或姓名", "badge or name"),
        "role": ("角色", "role"),
        "idle_minutes": ("无操作锁屏时间", "idle lock time"),
        "lockout_minutes": ("PIN 锁定时间", "PIN lockout time"),
    }
)
# What only a lead may do, as named in "only a lead may …".
ACTION_LABELS: dict[str, tuple[str, str]] = {
    "sync": ("进行日终同步", "run the end-of-day sync"),
    "correct": ("修改或删除以往的记录", "correct or delete past records"),
    "roster": ("编辑志愿者名册和 PIN", "edit the roster and PINs"),
    "export": ("导出数据", "export data"),
    "personal": ("查看完整的个人信息", "see unmasked personal data"),
    "settings": ("更改设置", "change settings"),
    "retention": ("清除到期的个人信息", "erase expired personal data"),
    "restore": ("恢复备份", "restore a backup"),
    "audit": ("查看操作记录", "browse the audit trail"),
    "change_pin": ("修改 PIN", "change a PIN"),
    "command": ("使用此命令", "use this command"),
    "draft": ("保留未填完的表格", "keep a half-filled form"),
}
MESSAGES.update(
    {
        "bad_pin": ("PIN 应为 4 到 6 位数字。", "A PIN is 4 to 6 digits."),
        "sign_in_first": ("请先登录，再{action}。", "Please sign in first to {action}."),
        "lead_only": (
            "只有站长可以{action}。请站长登录后再操作。",
            "Only a station lead may {action}. Please ask the lead to sign in.",
        ),
        "pin_wrong": (
            "PIN 不正确，还可以再试 {left} 次。",
            "The PIN is not right. {left} tries left.",
        ),
        "pin_wrong_plain": ("{field}不正确。", "The {field} is not right."),
        "locked_out": (
            "PIN 连续输错 5 次，已暂时锁定，请在 {until} 以后再试，或请站长帮助。",
            "Five wrong PINs in a row: locked until {until}. Try again then, or ask the lead.",
        ),
        "no_such_signer": (
            "找不到可以登录的“{value}”。请扫胸卡，或请站长为您设置 PIN。",
            "Nobody called '{value}' can sign in here. Scan your badge, or ask the lead to set your PIN.",
        ),
        "ambiguous_signer": (
            "有多位名叫“{value}”的志愿者，请扫胸卡登录。",
            "More than one volunteer is called '{value}'; please scan your badge.",
        ),
        "no_pin": ("您还没有 PIN，请站长设置。", "You have no PIN yet; ask the lead to set one."),
        "last_lead": (
            "这是本站最后一位站长，不能取消其 PIN。",
            "This is the station's last lead; their PIN cannot be taken away.",
        ),
        "last_lead_role": (
            "这是本站最后一位站长，不能改为志愿者。请先让另一位成为站长。",
            "This is the station's last lead; make someone else a lead first.",
        ),
        "no_pin_yet": (
            "{name} 还没有 PIN，请先为其设置 PIN。",
            "{name} has no PIN yet; set one first.",
        ),
        "already_has_lead": (
            "本站已经有可以登录的人员，请由站长在名册中设置。",
            "This station already has people who can sign in; a lead sets PINs in the roster.",
        ),
        "name_the_lead": (
            "本站有 {count} 位站长，请用 --lead 指明是哪一位（胸卡或姓名）。",
            "This station has {count} leads; name one with --lead (badge or name).",
        ),
        "init_lead": (
            "首位站长：{name}，胸卡 {badge}。登录时扫胸卡或输入姓名，再输入 PIN。",
            "First lead: {name}, badge {badge}. Sign in with the badge or name, then the PIN.",
        ),
        "new_pin_prompt": ("新 PIN（4 到 6 位数字）：", "New PIN (4 to 6 digits): "),
        "new_pin_again": ("再输入一次新 PIN：", "The new PIN again: "),
        "pins_differ": ("两次输入的 PIN 不一样。", "The two PINs differ."),
        "pin_set_done": (
            "已为 {name} 设置 PIN，角色：{role}。",
            "PIN set for {name}; role: {role}.",
        ),
        "lead_pin_needed": (
            "此命令需要站长 PIN：请在终端运行，或用 --pin-stdin 从标准输入读入。",
            "This command needs a lead's PIN: run it at a terminal, or pass it on stdin with --pin-stdin.",
        ),
    }
)


# Reports and exports (issue 7).
FIELD_LABELS.update(
    {
        "date": ("日期", "date"),
        "month": ("月份", "month"),
        "from": ("起始日期", "start date"),
        "to": ("结束日期", "end date"),
        "format": ("文件格式", "file format"),
    }
)
MESSAGES.update(
    {
        "not_month": (
            "月份应写作 年-月，例如 2026-11。",
            "Write the month as year-month, e.g. 2026-11.",
        ),
        "span_too_long": (
            "{field}离起始日期太远：一次最多 {max} 天。",
            "The {field} is too far from the start date: at most {max} days at a time.",
        ),
        "report_saved": ("已保存{title}：{path}", "Saved {title}: {path}"),
        "export_saved": (
            "已导出 {rows} 条记录：{paths}",
            "Exported {rows} records: {paths}",
        ),
        "bad_report_file": (
            "报表文件名应以 .xlsx 或 .pdf 结尾。",
            "The report file must end in .xlsx or .pdf.",
        ),
        "county_saved": (
            "已保存全县{month}月报（{stations} 个站点）：{path}",
            "Saved the county report for {month} ({stations} stations): {path}",
        ),
    }
)

# The note after an upgrade (station/upgrade_note.py): what changed, and where the old data is.
MESSAGES.update(
    {
        "upgraded": (
            "红驿站已升级（数据版本 {old} → {new}），所有记录都已保留。升级前的数据已备份到 {backup}。",
            "Red Post Station was upgraded (data version {old} → {new}); every record was kept. The data as it was before is backed up in {backup}.",
        ),
        "news_sign_in": (
            "新增登录：志愿者用胸卡和 PIN 登录，同步、导出和管理只有站长能做。请先给站长设 PIN：redpost set-pin 胸卡编号 --role lead（升级后的第一次无需旧 PIN）。",
            "New: sign-in. Volunteers sign in with their badge and a PIN; only a station lead can sync, export and manage. First give the lead a PIN: redpost set-pin BADGE --role lead (the first time after the upgrade needs no PIN).",
        ),
    }
)

# Fields the audit trail names that no form asks for.
FIELD_LABELS.update(
    {
        "auto_closed": ("日终自动签退", "closed at day end"),
        "inquiry_id": ("所属咨询单", "inquiry"),
        "handed_at": ("移交时间", "handed over at"),
        "written_by": ("记录人", "written by"),
        "handover_id": ("移交清单", "hand-over list"),
        "closed_at": ("办结时间", "closed at"),
        "returned_at": ("归还时间", "returned at"),
        "found_item_id": ("拾获物品", "found item"),
        "lost_report_id": ("失物登记", "lost report"),
        "volunteer_id": ("志愿者", "volunteer"),
        "post_id": ("点位", "post"),
        "resolve_seconds": ("办结用时（秒）", "seconds to resolve"),
    }
)

# The facts audit entries carry besides changed fields (the lead's trail shows them).
FIELD_LABELS.update(
    {
        "slip": ("单据", "printed"),
        "number": ("编号", "number"),
        "printed_to": ("打印到", "sent to"),
        "what": ("内容", "what"),
        "records": ("记录数", "records"),
        "rows": ("行数", "rows"),
        "whole": ("全部", "whole"),
        "minutes": ("分钟", "minutes"),
        "attempts_left": ("剩余次数", "attempts left"),
        "contact_days": ("联系方式保留天数", "contact details kept (days)"),
        "return_days": ("归还记录保留天数", "return records kept (days)"),
        "inquiries": ("咨询", "inquiries"),
        "lost_reports": ("失物登记", "lost reports"),
        "found_items": ("拾获物品", "found items"),
        "item_returns": ("物品归还", "returns"),
        "volunteers": ("志愿者", "volunteers"),
        "signatures": ("签名", "signatures"),
        "pushed": ("上传", "pushed"),
        "pulled": ("下载", "pulled"),
        "conflicts": ("冲突", "conflicts"),
        "parked": ("暂缓", "parked"),
        "epoch_changed": ("中心已重置", "central was reset"),
        "mismatches": ("核对不符", "mismatches"),
    }
)

"""操作记录: the audit trail, newest first, filtered by day, person, kind and action, and a
check of its hash chain."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from station import audit, clock
from station.audit import trail
from station.messages import field_label, render
from station.vocab import (
    EXPORTED,
    FOUND_ITEM_STATUSES,
    ID_TYPES,
    INQUIRY_CATEGORIES,
    INQUIRY_STATUSES,
    ITEM_CATEGORIES,
    LOST_REPORT_STATUSES,
    PRINTED_KINDS,
    PROGRAM_ACTORS,
    Vocabulary,
    label,
)
from ui import i18n
from ui.banner import Banner
from ui.header import local_time
from ui.i18n import Retranslatable
from ui.record_kinds import kind_name
from ui.tables import Column, LazyTableModel
from ui.widgets import big_button
from ui.worker import Worker

DETAIL_COLUMN = 5
FILTERS = ("day", "actor", "kind", "action")
# Coded values shown by their words: (record kind, field) → vocabulary.
VOCABULARIES: dict[tuple[str | None, str], Vocabulary] = {
    ("inquiries", "category"): INQUIRY_CATEGORIES,
    ("inquiries", "status"): INQUIRY_STATUSES,
    ("found_items", "category"): ITEM_CATEGORIES,
    ("found_items", "status"): FOUND_ITEM_STATUSES,
    ("lost_reports", "category"): ITEM_CATEGORIES,
    ("lost_reports", "status"): LOST_REPORT_STATUSES,
    ("item_returns", "id_type"): ID_TYPES,
    (None, "slip"): PRINTED_KINDS,
    (None, "what"): EXPORTED,
}


def action_name(action: str) -> str:
    """An action as the lead reads it in the trail."""
    names = {
        "create": QCoreApplication.translate("TrailActions", "Created"),
        "update": QCoreApplication.translate("TrailActions", "Changed"),
        "delete": QCoreApplication.translate("TrailActions", "Deleted"),
        "print": QCoreApplication.translate("TrailActions", "Printed"),
        "export": QCoreApplication.translate("TrailActions", "Exported"),
        "erase": QCoreApplication.translate("TrailActions", "Personal data erased"),
        "retention": QCoreApplication.translate("TrailActions", "Retention run"),
        "sync": QCoreApplication.translate("TrailActions", "Synced"),
        "sign_in": QCoreApplication.translate("TrailActions", "Signed in"),
        "sign_in_failed": QCoreApplication.translate("TrailActions", "Wrong PIN"),
        "locked_out": QCoreApplication.translate("TrailActions", "Locked out"),
        "pin_set": QCoreApplication.translate("TrailActions", "PIN set"),
        "pin_changed": QCoreApplication.translate("TrailActions", "Own PIN changed"),
        "pin_revoked": QCoreApplication.translate("TrailActions", "PIN taken away"),
        "role_set": QCoreApplication.translate("TrailActions", "Role changed"),
    }
    return names.get(action, action)


def who(name: str | None) -> str:
    """Who acted: a volunteer's name, or the program in the trail's language."""
    return "" if name is None else label(PROGRAM_ACTORS, name, i18n.current())


def _value(kind: str | None, name: str, value: Any) -> str:
    if value is None:
        return "—"
    if isinstance(value, bool):
        return "✓" if value else "✗"
    text = str(value)
    vocabulary = VOCABULARIES.get((kind, name))
    if vocabulary is not None:
        return label(vocabulary, text, i18n.current())
    if name == "role":
        return {
            "lead": QCoreApplication.translate("TrailActions", "lead"),
            "volunteer": QCoreApplication.translate("TrailActions", "volunteer"),
        }.get(text, text)
    if name.endswith("_at") and len(text) >= 19:
        with contextlib.suppress(ValueError):
            return local_time(text)
    return text if len(text) <= 40 else text[:39] + "…"


def _label(name: str) -> str:
    text = field_label(name, i18n.current())
    return text[:1].upper() + text[1:]


def detail_text(kind: str | None, detail: dict[str, Any]) -> str:
    """The entry's (already redacted) detail on one line: changed fields, else its facts."""
    changes = detail.get("changes")
    if isinstance(changes, dict):
        parts = []
        for name, pair in changes.items():
            before, after = pair if isinstance(pair, list) and len(pair) == 2 else (None, pair)
            shown = _value(kind, name, after)
            if before is not None:
                shown = f"{_value(kind, name, before)} → {shown}"
            parts.append(f"{_label(name)}: {shown}")
        return "; ".join(parts)
    # A print entry's `to` is the printer or the file, not the end of a period.
    names = {"to": "printed_to"} if "slip" in detail else {}
    return "; ".join(f"{_label(names.get(k, k))}: {_value(kind, k, v)}" for k, v in detail.items())


@dataclass(frozen=True)
class Filters:
    """What the filter lists offer: the trail's actors (with names), kinds, actions, days."""

    actors: list[tuple[str, str]]
    kinds: list[str]
    actions: list[str]
    days: list[date]
    newest: int


def filters(session: Session) -> Filters:
    found = audit.choices(session)
    names = trail.actor_names(session, found["actor"])
    actors = sorted(((a, names.get(a, a)) for a in found["actor"]), key=lambda pair: pair[1])
    return Filters(
        actors, found["kind"], found["action"], trail.days(session), trail.newest_seq(session)
    )


class TrailModel(LazyTableModel[audit.TrailEntry]):
    def __init__(self, worker: Worker) -> None:
        super().__init__(
            worker,
            [
                Column(lambda: self.tr("Time"), _moment),
                Column(lambda: self.tr("Who"), lambda e: who(e.actor_name)),
                Column(lambda: self.tr("Action"), lambda e: action_name(e.action)),
                Column(lambda: self.tr("Record kind"), lambda e: kind_name(e.kind or "")),
                Column(lambda: self.tr("Record"), lambda e: (e.record_id or "")[:8]),
                Column(lambda: self.tr("Detail"), lambda e: detail_text(e.kind, e.detail)),
            ],
            fetch=lambda _s, _o, _l: [],
        )


def _moment(entry: audit.TrailEntry) -> str:
    return entry.moment.astimezone(clock.LOCAL_TZ).strftime("%Y-%m-%d %H:%M:%S")


class TrailPage(Retranslatable, QWidget):
    def __init__(self, worker: Worker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.worker = worker
        self.choices: Filters | None = None
        self.model = TrailModel(worker)
        self.model.setParent(self)
        self.combos = {name: QComboBox(self) for name in FILTERS}
        self.captions = {name: QLabel(self) for name in FILTERS}
        for name, combo in self.combos.items():
            combo.setMinimumWidth(180)
            self.captions[name].setBuddy(combo)
            combo.activated.connect(self.reload)
        self.verify_button = big_button(primary=True, parent=self)
        self.verify_button.setObjectName("verifyTrail")
        self.verify_button.clicked.connect(self.verify)
        self.banner = Banner(self)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setWordWrap(False)
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(42)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(DETAIL_COLUMN, QHeaderView.ResizeMode.Stretch)

        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        for column, name in enumerate(FILTERS):
            grid.addWidget(self.captions[name], 0, column)
            grid.addWidget(self.combos[name], 1, column)
        grid.addWidget(self.verify_button, 1, len(FILTERS))
        grid.setColumnStretch(len(FILTERS) - 1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(grid)
        layout.addWidget(self.banner)
        layout.addWidget(self.view, 1)
        self.retranslate()

    def activate(self) -> None:
        self.worker.read(filters, on_done=self._filters_loaded)

    def _filters_loaded(self, found: Filters) -> None:
        self.choices = found
        self._fill_combos()
        self.reload()

    def chosen(self) -> dict[str, Any]:
        """The filters set, as `trail.browse` takes them."""
        return {name: combo.currentData() for name, combo in self.combos.items()}

    def choose(self, name: str, value: object) -> None:
        """Pick a filter value (as a person would from the list) and show the entries."""
        combo = self.combos[name]
        combo.setCurrentIndex(0 if value is None else combo.findData(value))
        self.reload()

    def reload(self) -> None:
        if self.choices is None:
            return
        # Entries written while the lead scrolls stay out until the next reload, so pages
        # fetched by offset below this seq never shift.
        below = self.choices.newest + 1
        wanted = self.chosen()
        self.model.set_fetch(
            lambda s, offset, limit: trail.browse(
                s, **wanted, before_seq=below, offset=offset, limit=limit
            )
        )

    def verify(self) -> None:
        """Walk the hash chain on the worker; say "intact, N entries" or the first bad one."""
        self.banner.clear()
        self.worker.read(lambda s: (audit.verify(s), trail.size(s)), on_done=self._verified)

    def _verified(self, outcome: tuple[audit.BadEntry | None, int]) -> None:
        bad, count = outcome
        if bad is None:
            self.banner.done(lambda: render("audit_ok", i18n.current(), count=count))
        else:
            self.banner.refused(lambda: render(bad.message_code, i18n.current(), seq=bad.seq))

    def _fill_combos(self) -> None:
        found = self.choices
        if found is None:
            return
        options: dict[str, list[tuple[str, object]]] = {
            "day": [(day.strftime("%Y-%m-%d"), day) for day in found.days],
            "actor": [(who(name), actor) for actor, name in found.actors],
            "kind": [(kind_name(kind), kind) for kind in found.kinds],
            "action": [(action_name(action), action) for action in found.actions],
        }
        everything: dict[str, Callable[[], str]] = {
            "day": lambda: self.tr("All days"),
            "actor": lambda: self.tr("Everyone"),
            "kind": lambda: self.tr("All kinds"),
            "action": lambda: self.tr("All actions"),
        }
        for name, combo in self.combos.items():
            kept = combo.currentData()
            combo.clear()
            combo.addItem(everything[name](), None)
            for text, value in options[name]:
                combo.addItem(text, value)
            combo.setCurrentIndex(max(0, combo.findData(kept)))

    def retranslate(self) -> None:
        self.captions["day"].setText(self.tr("Day"))
        self.captions["actor"].setText(self.tr("Person"))
        self.captions["kind"].setText(self.tr("Record kind"))
        self.captions["action"].setText(self.tr("Action"))
        self.verify_button.setText(self.tr("Check the trail"))
        self._fill_combos()
        self.model.retranslate()
        self.banner.retranslate()

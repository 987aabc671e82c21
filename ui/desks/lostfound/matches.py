"""Possible matches side by side: the chosen record on one side, scored candidates on the other."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from station.models import FoundItem, LostReport
from station.services import lostfound
from station.services.lostfound import Match
from ui.desks.lostfound.cards import Record, RecordCard
from ui.i18n import Retranslatable
from ui.preview import SlipPreview, show_slip
from ui.widgets import big_button
from ui.worker import Worker


class CandidateCard(RecordCard):
    """One suggestion: how well it fits, in points and in words, and what can be done."""

    return_requested = Signal(object, object)  # FoundItem, LostReport

    def __init__(self, worker: Worker, match: Match, candidate: Record, own: str | None) -> None:
        super().__init__(worker, compact=True)
        self.match = match
        self.own_station = own
        self.score = QLabel(self)
        self.score.setStyleSheet("font-weight: bold; font-size: 17pt; color: #b71c1c;")
        self.reasons = QLabel(self)
        self.reasons.setWordWrap(True)
        self.reasons.setStyleSheet("font-weight: bold; color: #1b5e20;")
        self.return_button = big_button(primary=True)
        self.return_button.clicked.connect(
            lambda: self.return_requested.emit(match.found_item, match.lost_report)
        )
        self.where = QLabel(self)
        self.where.setProperty("role", "hint")
        self.where.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(self.score)
        top.addWidget(self.reasons, 1)
        self.text_layout.insertLayout(0, top)
        self.action_row.insertWidget(0, self.where, 1)
        self.action_row.addWidget(self.return_button)
        self.show_record(candidate)

    def reason_text(self, code: str) -> str:
        """Why the pair was suggested, in words (the core gives codes)."""
        words = {
            "category": self.tr("Same kind"),
            "colour": self.tr("Same colour"),
            "place": self.tr("Place close by"),
            "time": self.tr("Time fits"),
            "text": self.tr("Similar description"),
        }
        return words.get(code, code)

    def retranslate(self) -> None:
        super().retranslate()
        if not hasattr(self, "match"):
            return
        self.score.setText(self.tr("{score} points").format(score=self.match.score))
        words = [self.reason_text(code) for code in self.match.reasons]
        self.reasons.setText(" · ".join(words))
        item = self.match.found_item
        returnable = item.status == "held" and item.station_code == self.own_station
        self.return_button.setVisible(returnable)
        if isinstance(self.record, FoundItem):
            self.return_button.setText(self.tr("Give this item back…"))
        else:
            self.return_button.setText(self.tr("Return to this visitor…"))
        self.where.setVisible(not returnable)
        if item.status != "held":
            self.where.setText(self.tr("This item is no longer held."))
        else:
            self.where.setText(
                self.tr("The item is kept at station {code}: ask them to call the visitor.").format(
                    code=item.station_code
                )
            )


class MatchesView(Retranslatable, QWidget):
    """Shows a report with candidate items, or an item with candidate reports."""

    return_requested = Signal(object, object)  # FoundItem, LostReport | None
    subject_shown = Signal(bool)  # whether a record is shown at all

    def __init__(self, worker: Worker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.worker = worker
        self.own_station: str | None = None
        self._subject: Record | None = None
        self._generation = 0
        self.matches: list[Match] = []
        self._cards: list[CandidateCard] = []
        self._loading = False

        self.subject_title = QLabel(self)
        self.subject_title.setProperty("role", "hint")
        self.subject = RecordCard(worker, self)
        self.return_button = big_button(primary=True)
        self.return_button.hide()
        self.return_button.clicked.connect(self._return_subject)
        self.subject.action_row.addWidget(self.return_button)
        self.print_button = big_button()
        self.print_button.clicked.connect(self.print_subject)
        self.subject.action_row.insertWidget(1, self.print_button)
        self.preview: SlipPreview | None = None
        left = QVBoxLayout()
        left.addWidget(self.subject_title)
        left.addWidget(self.subject)
        left.addStretch(1)

        self.candidates_title = QLabel(self)
        self.candidates_title.setProperty("role", "hint")
        self.empty = QLabel(self)
        self.empty.setWordWrap(True)
        self.list_holder = QWidget()
        self.list_layout = QVBoxLayout(self.list_holder)
        self.list_layout.setContentsMargins(0, 0, 0, 0)
        self.list_layout.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(self.list_holder)
        right = QVBoxLayout()
        right.addWidget(self.candidates_title)
        right.addWidget(self.empty)
        right.addWidget(scroll, 1)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(16)
        layout.addLayout(left, 1)
        layout.addLayout(right, 1)
        self.show_subject(None)

    def set_own_station(self, code: str | None) -> None:
        self.own_station = code
        self.subject.own_station = code

    def subject_record(self) -> Record | None:
        return self._subject

    def show_subject(self, record: Record | None) -> None:
        """Show `record` and look up what may match it."""
        self._subject = record
        self._generation += 1
        generation = self._generation
        self.subject.show_record(record)
        self.subject.setVisible(record is not None)
        self.subject_shown.emit(record is not None)
        self._set_candidates([], loading=record is not None)
        if isinstance(record, LostReport):
            report_id = record.id
            self.worker.read(
                lambda s: lostfound.suggest_matches(s, report_id),
                on_done=lambda found: self._loaded(generation, found),
            )
        elif isinstance(record, FoundItem):
            item_id = record.id
            self.worker.read(
                lambda s: lostfound.suggest_reports(s, item_id),
                on_done=lambda found: self._loaded(generation, found),
            )
        self.retranslate()

    def refresh(self) -> None:
        """Look the shown record up again (its status may have changed)."""
        record = self._subject
        if record is None:
            return
        generation = self._generation
        if isinstance(record, FoundItem):
            item_id = record.id
            self.worker.read(
                lambda s: lostfound.get_found(s, item_id),
                on_done=lambda fresh: self._fresh(generation, fresh),
                on_error=lambda _error: self._fresh(generation, None),
            )
        else:
            report_id = record.id
            self.worker.read(
                lambda s: lostfound.get_lost(s, report_id),
                on_done=lambda fresh: self._fresh(generation, fresh),
                on_error=lambda _error: self._fresh(generation, None),
            )

    def _fresh(self, generation: int, record: Record | None) -> None:
        if generation == self._generation:
            self.show_subject(record)

    def _loaded(self, generation: int, matches: list[Match]) -> None:
        if generation == self._generation:
            self._set_candidates(matches, loading=False)

    def _set_candidates(self, matches: list[Match], *, loading: bool) -> None:
        self.matches = matches
        self._cards = []
        while self.list_layout.count() > 1:
            taken = self.list_layout.takeAt(0)
            widget = taken.widget() if taken is not None else None
            if widget is not None:
                widget.deleteLater()
        for index, match in enumerate(matches):
            candidate: Record = (
                match.found_item if isinstance(self._subject, LostReport) else match.lost_report
            )
            card = CandidateCard(self.worker, match, candidate, self.own_station)
            card.return_requested.connect(self.return_requested)
            self.list_layout.insertWidget(index, card)
            self._cards.append(card)
        self._loading = loading
        self._show_empty()

    def candidate_cards(self) -> list[CandidateCard]:
        return list(self._cards)

    def _show_empty(self) -> None:
        if self._subject is None:
            self.empty.clear()  # the view is hidden then; the search page says what to do
        elif self._loading:
            self.empty.setText(self.tr("Looking for matches…"))
        else:
            self.empty.setText(self.tr("No likely matches yet."))
        self.empty.setVisible(self._subject is None or not self.matches)

    def printable(self) -> tuple[str, str] | None:
        """The paper that goes with the shown record: a held item's tag, a returned item's
        receipt, a handed-over item's list for the police, a lost report's receipt."""
        record = self._subject
        if record is None or record.station_code != self.own_station:
            return None  # another station prints its own records
        if isinstance(record, LostReport):
            return "lost", record.report_no
        if record.status == "returned":
            return "return", record.item_no
        if record.status == "handed_over" and record.handover_id is not None:
            return "handover", record.handover_id
        return "found", record.item_no

    def print_subject(self) -> None:
        printable = self.printable()
        if printable is not None:
            self.preview = show_slip(self.worker, *printable, self)

    def _return_subject(self) -> None:
        if isinstance(self._subject, FoundItem):
            self.return_requested.emit(self._subject, None)

    def retranslate(self) -> None:
        record = self._subject
        if isinstance(record, LostReport):
            self.subject_title.setText(self.tr("Lost report"))
            self.candidates_title.setText(self.tr("Found items that may be it"))
        elif isinstance(record, FoundItem):
            self.subject_title.setText(self.tr("Found item"))
            self.candidates_title.setText(self.tr("Lost reports it may answer"))
        else:
            self.subject_title.clear()
            self.candidates_title.clear()
        returnable = (
            isinstance(record, FoundItem)
            and record.status == "held"
            and record.station_code == self.own_station
        )
        self.return_button.setVisible(returnable)
        self.return_button.setText(self.tr("Return to the owner…"))
        printable = self.printable()
        self.print_button.setVisible(printable is not None)
        texts = {
            "lost": self.tr("Print receipt"),
            "return": self.tr("Print return receipt"),
            "handover": self.tr("Print hand-over list"),
            "found": self.tr("Print tag"),
        }
        if printable is not None:
            self.print_button.setText(texts[printable[0]])
        self.subject.retranslate()
        self._show_empty()

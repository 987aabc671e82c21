"""The Today screen shows the day's figures from the desks' records (the hand-built day of
the report tests is in test_today_month.py)."""

from __future__ import annotations

from datetime import timedelta

from pytestqt.qtbot import QtBot

from station import clock
from station.services import inquiries, lostfound, roster, shifts
from tests.conftest import DEMO_NOW
from tests.ui.conftest import wait_idle
from ui.desks.today import TodayDesk
from ui.worker import Worker


def test_today_counts_a_hand_built_day(worker: Worker, qtbot: QtBot) -> None:
    # Mid-afternoon, whenever the test runs: two hours ago is still today.
    with clock.frozen_at(DEMO_NOW):
        _count_a_hand_built_day(worker, qtbot)


def _count_a_hand_built_day(worker: Worker, qtbot: QtBot) -> None:
    with worker.store.transaction() as s:
        roster.add(s, name="王秀英", badge_code="YF-0001")
        roster.add(s, name="李建华", badge_code="YF-0002")
        shifts.check_in(s, volunteer="YF-0001", post="驼背桥", at=clock.now() - timedelta(hours=2))
        shifts.check_in(
            s, volunteer="YF-0002", post="古戏台广场", at=clock.now() - timedelta(hours=1)
        )
        shifts.check_out(s, volunteer="YF-0002")
        for _ in range(2):
            inquiries.create(s, category="directions", question="驼背桥怎么走？", resolved=True)
        referred = inquiries.create(s, category="complaint", question="路灯太暗")
        inquiries.refer(s, referred.ticket_no, unit="景区管理处")
        inquiries.create(s, category="help", question="需要轮椅")
        item = lostfound.register_found(
            s, category="wallet", description="黑色钱包", found_place="驼背桥", found_at=clock.now()
        )
        lostfound.register_lost(
            s,
            category="phone",
            description="白色手机",
            lost_place="六一桥",
            lost_at=clock.now() - timedelta(hours=1),
            contact_name="张三",
            contact_phone="13812345678",
        )
        lostfound.return_item(
            s, item=item.item_no, claimant_name="赵四", id_type="id_card", id_last4="123X"
        )
    desk = TodayDesk(worker)
    qtbot.addWidget(desk)
    desk.resize(1100, 700)
    desk.show()
    desk.activate()
    wait_idle(qtbot, worker)
    figure = {key: card.figure.text() for key, card in desk.cards.items()}
    assert figure["inquiries"] == "4"
    assert figure["status_resolved"] == "2"
    assert figure["status_referred"] == "1"
    assert figure["status_open"] == "1"
    assert figure["status_escalated"] == "0"
    assert figure["resolved_on_spot"] == "2"
    assert figure["volunteers"] == "2"
    assert 2.9 <= float(figure["hours"]) <= 3.1  # two hours (still on duty) and one hour
    assert figure["found_registered"] == "1"
    assert figure["lost_registered"] == "1"
    assert figure["returns"] == "1"
    assert figure["due_for_handover"] == "0"
    assert desk.cards["status_resolved"].caption.text() == "已办结"

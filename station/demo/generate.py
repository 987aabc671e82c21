"""Plays a station's past days through the services, one transaction per local day.

Every record is made by the same service call a volunteer's tap makes, with the clock
frozen at the moment it happens, so the demo is as valid as real data: numbered, in the
outbox, searchable. With one seed and one "today", the same data comes out every time.
"""

from __future__ import annotations

import heapq
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from functools import partial

from sqlalchemy.orm import Session

from station import clock
from station.access import LEAD, VOLUNTEER, credentials
from station.demo import content
from station.models import seeded_ids
from station.services import faq, inquiries, lostfound, volunteers
from station.services import station as station_service
from station.store import Store

Progress = Callable[[int, int], None]
Action = Callable[[Session], object]

INQUIRIES_PER_DAY = 60
SHIFTS_PER_DAY = 20
FOUND_PER_DAY = 5
UNMATCHED_LOST_PER_DAY = 1.4
VOLUNTEERS = 40


@dataclass(order=True)
class _Event:
    at: datetime
    order: int
    action: Action = field(compare=False)


@dataclass
class _Plan:
    """Events to play, kept in time order; later steps of a record are planned as it is made."""

    rng: random.Random
    events: list[_Event] = field(default_factory=list)
    counter: int = 0

    def at(self, moment: datetime, action: Action) -> None:
        self.counter += 1
        heapq.heappush(self.events, _Event(moment, self.counter, action))


def _local(day: date, hour: float) -> datetime:
    start = datetime.combine(day, time.min, clock.LOCAL_TZ)
    return start + timedelta(hours=hour)


def _weighted(rng: random.Random, weights: dict[str, int]) -> str:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def _mobile(rng: random.Random) -> str:
    return f"1{rng.choice('3578')}{rng.randrange(10**9):09d}"


def _person(rng: random.Random) -> str:
    return rng.choice(content.SURNAMES) + rng.choice(content.GIVEN)


def _set_up(session: Session, rng: random.Random) -> tuple[list[str], list[str]]:
    """Station, posts, roster and quick answers, as far as they are not there yet."""
    if not station_service.is_initialised(session):
        code, name, hotline = content.STATION
        station_service.init(session, code=code, name=name, posts=content.POSTS, hotline=hotline)
    station = station_service.current(session)
    posts = [p.name for p in station_service.posts(session)]
    if not posts:
        posts = [station_service.add_post(session, name=n).name for n in content.POSTS]
    roster = [v.badge_code for v in volunteers.find(session)]
    start = len(roster)
    for number in range(start + 1, max(VOLUNTEERS, start) + 1):
        volunteer = volunteers.add(
            session,
            name=_person(rng),
            badge_code=f"{station.code}-{number:04d}",
            phone=_mobile(rng),
            team=rng.choice(content.TEAMS),
            is_party_member=rng.random() < 0.45,
        )
        roster.append(volunteer.badge_code)
    if not faq.find(session):
        for order, (category, question, answer) in enumerate(content.FAQS):
            faq.add(session, category=category, question=question, answer=answer, sort_order=order)
    if not credentials.signers(session):
        # The README's demo PINs: the first volunteer leads, the next few are volunteers.
        for index, badge in enumerate(roster[: content.SIGNERS]):
            lead = index == 0
            pin = content.LEAD_PIN if lead else content.VOLUNTEER_PIN
            credentials.set_pin(session, badge, pin, role=LEAD if lead else VOLUNTEER)
    return posts, roster


def _plan_shifts(plan: _Plan, day: date, posts: list[str], roster: list[str]) -> list[str]:
    rng = plan.rng
    on_duty = rng.sample(roster, k=min(SHIFTS_PER_DAY, len(roster)))
    for index, badge in enumerate(on_duty):
        morning = index % 2 == 0
        start = _local(day, (8.0 if morning else 13.5) + rng.uniform(-0.4, 0.5))
        end = start + timedelta(hours=rng.uniform(2.5, 4.2))
        post = posts[index % len(posts)]

        def check_in(s: Session, badge: str = badge, post: str = post) -> None:
            volunteers.check_in_by_badge(s, badge=badge, post=post)

        def check_out(s: Session, badge: str = badge) -> None:
            volunteers.check_out(s, volunteer=badge)

        plan.at(start, check_in)
        # Now and then someone forgets to check out; the day close catches it.
        if rng.random() > 0.03:
            plan.at(end, check_out)
    return on_duty


def _plan_inquiry(plan: _Plan, moment: datetime, posts: list[str], handlers: list[str]) -> None:
    rng = plan.rng
    category = _weighted(rng, content.CATEGORY_WEIGHTS)
    question, answer = rng.choice(content.QUESTIONS[category])
    roll = rng.random()
    resolved_on_spot = roll < 0.80
    ticket: dict[str, str] = {}
    with_contact = (
        category in {"help", "complaint", "lost_property", "medical"} and rng.random() < 0.4
    )
    handler = rng.choice(handlers)
    post = rng.choice(posts)
    visitor = (_person(rng), _mobile(rng)) if with_contact else (None, None)

    def create(s: Session) -> None:
        made = inquiries.create(
            s,
            category=category,
            question=question,
            answer=answer,
            visitor_name=visitor[0],
            visitor_phone=visitor[1],
            handled_by=handler,
            post=post,
            resolved=resolved_on_spot,
        )
        ticket["no"] = made.ticket_no

    plan.at(moment, create)
    if resolved_on_spot:
        return
    later = moment + timedelta(hours=rng.uniform(2, 50))
    if roll < 0.92:
        unit, contact = rng.choice(content.REFERRAL_UNITS)
        plan.at(moment + timedelta(minutes=5), lambda s: _refer(s, ticket, unit, contact, handler))
    elif roll < 0.98:
        level = 2 if roll < 0.965 else 3
        plan.at(
            moment + timedelta(minutes=10),
            lambda s: _escalate(s, ticket, level, handler),
        )
        later = moment + timedelta(days=rng.uniform(1, 6))
    note = rng.choice(content.FOLLOW_UPS[:3])
    plan.at(moment + timedelta(hours=1), lambda s: _follow_up(s, ticket, note, handler))
    # Most referred and escalated matters are settled in the end; some stay open.
    if rng.random() < 0.8:
        plan.at(later, lambda s: _resolve(s, ticket, handler))


def _refer(s: Session, ticket: dict[str, str], unit: str, contact: str, by: str) -> None:
    inquiries.refer(s, ticket["no"], unit=unit, contact=contact, by=by)


def _escalate(s: Session, ticket: dict[str, str], level: int, by: str) -> None:
    inquiries.escalate(s, ticket["no"], level=level, by=by)


def _follow_up(s: Session, ticket: dict[str, str], note: str, by: str) -> None:
    inquiries.add_follow_up(s, ticket["no"], note=note, by=by)


def _resolve(s: Session, ticket: dict[str, str], by: str) -> None:
    inquiries.resolve(s, ticket["no"], answer=content.FOLLOW_UPS[3], by=by)


def _plan_found_item(plan: _Plan, moment: datetime, posts: list[str], handlers: list[str]) -> None:
    rng = plan.rng
    category = _weighted(rng, content.ITEM_WEIGHTS)
    what = rng.choice(content.ITEMS[category])
    colour = rng.choice(content.COLOURS)
    place = rng.choice(posts)
    handler = rng.choice(handlers)
    item: dict[str, str] = {}
    finder = (_person(rng), _mobile(rng)) if rng.random() < 0.5 else (None, None)

    def register(s: Session) -> None:
        made = lostfound.register_found(
            s,
            category=category,
            description=f"{colour}{what}",
            colour=colour,
            found_place=place,
            found_at=moment - timedelta(minutes=rng.randrange(5, 60)),
            finder_name=finder[0],
            finder_phone=finder[1],
            storage_place=rng.choice(content.STORAGE),
            registered_by=handler,
        )
        item["no"] = made.item_no

    plan.at(moment, register)
    if rng.random() >= 0.6:
        return  # unclaimed: it will fall due for the police
    owner, phone = _person(rng), _mobile(rng)
    report: dict[str, str] = {}
    if rng.random() < 0.6:
        # The owner came to report the loss before the item was handed in.
        reported = moment - timedelta(hours=rng.uniform(0.5, 3))

        def report_loss(s: Session) -> None:
            made = lostfound.register_lost(
                s,
                category=category,
                description=f"{colour}{what}",
                colour=colour,
                lost_place=place,
                lost_at=reported - timedelta(hours=1),
                contact_name=owner,
                contact_phone=phone,
                registered_by=handler,
            )
            report["no"] = made.report_no

        plan.at(reported, report_loss)
    returned = moment + timedelta(hours=rng.uniform(1, 72))

    def give_back(s: Session) -> None:
        lostfound.return_item(
            s,
            item=item["no"],
            claimant_name=owner,
            id_type="id_card",
            id_last4=f"{rng.randrange(1000):03d}{rng.choice('0123456789X')}",
            lost_report=report.get("no"),
            handed_over_by=handler,
        )

    plan.at(returned, give_back)


def _plan_unmatched_lost(
    plan: _Plan, moment: datetime, posts: list[str], handlers: list[str]
) -> None:
    """A loss reported at the desk that no found item answers (yet)."""
    rng = plan.rng
    category = _weighted(rng, content.ITEM_WEIGHTS)
    colour = rng.choice(content.COLOURS)
    plan.at(
        moment,
        partial(
            lostfound.register_lost,
            category=category,
            description=colour + rng.choice(content.ITEMS[category]),
            colour=colour,
            lost_place=rng.choice(posts),
            lost_at=moment - timedelta(hours=2),
            contact_name=_person(rng),
            contact_phone=_mobile(rng),
            registered_by=rng.choice(handlers),
        ),
    )


def _plan_unclaimed_documents(
    plan: _Plan, moment: datetime, posts: list[str], roster: list[str]
) -> None:
    """An ID card handed in and never claimed: it falls due for the police."""
    colour = plan.rng.choice(content.COLOURS)
    plan.at(
        moment,
        partial(
            lostfound.register_found,
            category="documents",
            description=f"{colour}居民身份证一张",
            colour=colour,
            found_place=posts[0],
            found_at=moment,
            storage_place=content.STORAGE[3],
            registered_by=plan.rng.choice(roster),
        ),
    )


def _hand_over_due(s: Session, *, rng: random.Random, handler: str) -> None:
    due = lostfound.due_for_handover(s)
    # Leave the newest due items for the lead to see on the hand-over list.
    cutoff = clock.local_today() - timedelta(days=7)
    batch = [
        i.item_no
        for i in due
        if clock.local_date(i.found_at) <= cutoff - timedelta(days=i.retention_days)
    ]
    if batch:
        unit, officer = rng.choice(content.POLICE_UNITS)
        lostfound.hand_over(
            s, items=batch, police_unit=unit, officer_name=officer, handed_by=handler
        )


def fill(store: Store, *, days: int = 7, seed: int = 1, progress: Progress | None = None) -> None:
    """Add `days` days of activity ending now, in the station of `store` (set up if needed)."""
    rng = random.Random(seed)
    now = clock.now()
    today = clock.local_date(now)
    first = today - timedelta(days=days - 1)
    with seeded_ids(random.Random(rng.getrandbits(64))):
        with clock.frozen_at(_local(first, 7.5)), store.transaction() as session:
            posts, roster = _set_up(session, rng)
        plan = _Plan(rng)
        # A few items handed in before the period, never claimed: due for the police.
        for back in (40, 12):
            _plan_unclaimed_documents(
                plan, _local(first - timedelta(days=back), 10.0), posts, roster
            )
        for offset in range(days):
            day = first + timedelta(days=offset)
            on_duty = _plan_shifts(plan, day, posts, roster)
            for _ in range(round(rng.gauss(INQUIRIES_PER_DAY, 8))):
                _plan_inquiry(plan, _local(day, rng.uniform(8.3, 17.8)), posts, on_duty)
            for _ in range(round(rng.gauss(FOUND_PER_DAY, 1.5))):
                _plan_found_item(plan, _local(day, rng.uniform(8.5, 17.5)), posts, on_duty)
            for _ in range(round(rng.gauss(UNMATCHED_LOST_PER_DAY, 0.8))):
                _plan_unmatched_lost(plan, _local(day, rng.uniform(8.5, 17.5)), posts, on_duty)
            if day.weekday() == 0:
                handler = on_duty[0]
                plan.at(_local(day, 17.9), partial(_hand_over_due, rng=rng, handler=handler))
            plan.at(_local(day, 23.5), partial(volunteers.close_day, day=day))
        _play(store, plan, now, days, progress)


def _play(store: Store, plan: _Plan, now: datetime, days: int, progress: Progress | None) -> None:
    """Run the events up to now, committing once per local day."""
    done_days = 0
    while plan.events and plan.events[0].at <= now:
        day = clock.local_date(plan.events[0].at)
        with store.transaction() as session:
            while (
                plan.events
                and plan.events[0].at <= now
                and clock.local_date(plan.events[0].at) == day
            ):
                event = heapq.heappop(plan.events)
                with clock.frozen_at(event.at):
                    event.action(session)
        done_days += 1
        if progress is not None:
            progress(min(done_days, days), days)

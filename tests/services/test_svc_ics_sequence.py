"""The calendar feed's SEQUENCE (RFC 5545 §3.8.7.4) through real writes on a real file: a change
of an event's date, amount or status raises that event's SEQUENCE by one and no other's;
deleted and archived plans' events are published as cancelled with a higher SEQUENCE (deleted
ones as tombstones); undo brings them back higher still; turning overdue raises it by date
alone; the audit agrees; a read-only file exports the same feed.

The reference plan: 3600.00 over 12 periods, 321.60 each, due 2024-01-31, 02-29, 03-31, …
Every write is dated ``D`` (``db.today`` or the service's ``as_of``).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import icalendar
import pytest

from tests.services.conftest import plan_input, reference_terms
from tracker import services as sv
from tracker.domain import Model, PlanTerms
from tracker.reports.ics import event_uid
from tracker.services import transfer
from tracker.services.audit import audit
from tracker.storage.engine import Database, open_database

D = date(2024, 3, 10)  # periods 1 and 2 overdue, 3 due on 03-31
STAMP = datetime(2024, 3, 10, 8, 30, tzinfo=UTC)

Feed = dict[str, icalendar.Event]


def parse(data: bytes) -> Feed:
    """The feed's events by UID, after a strict look at the text: CRLF lines of at most 75
    octets, one VCALENDAR with METHOD:PUBLISH, every VEVENT with the properties RFC 5545 and
    RFC 5546 PUBLISH require, no parse errors."""
    assert data.startswith(b"BEGIN:VCALENDAR\r\n") and data.endswith(b"END:VCALENDAR\r\n")
    lines = data.split(b"\r\n")
    assert b"\n" not in data.replace(b"\r\n", b"") and max(len(x) for x in lines) <= 75
    cal = icalendar.Calendar.from_ical(data)
    assert str(cal["METHOD"]) == "PUBLISH" and str(cal["VERSION"]) == "2.0"
    assert all(not c.errors for c in cal.walk())
    found: Feed = {}
    for e in cal.walk("VEVENT"):
        for prop in ("UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY", "SEQUENCE", "STATUS"):
            assert prop in e, prop
        assert str(e["STATUS"]) in ("CONFIRMED", "CANCELLED")
        assert isinstance(e.decoded("SEQUENCE"), int) and e.decoded("SEQUENCE") >= 0
        assert str(e["UID"]) not in found
        found[str(e["UID"])] = e
    return found


def feed(db: Database, as_of: date = D) -> Feed:
    data, count = transfer.calendar_feed(db, as_of, STAMP)
    events = parse(data)
    assert count == sum(str(e["STATUS"]) == "CONFIRMED" for e in events.values())
    return events


def seq(events: Feed) -> dict[str, int]:
    return {uid: int(e.decoded("SEQUENCE")) for uid, e in events.items()}


def status(events: Feed, plan_id: int, period: int) -> str:
    return str(events[event_uid(plan_id, period)]["STATUS"])


def summary(events: Feed, plan_id: int, period: int) -> str:
    return str(events[event_uid(plan_id, period)]["SUMMARY"])


@pytest.fixture
def dated(db: Database) -> Database:
    db.today = lambda: D
    return db


def assert_audit_ok(db: Database) -> None:
    report = audit(db)
    assert report.ok, report.mismatches


def test_editing_one_amount_raises_that_event_only(
    dated: Database, add: Callable[..., int]
) -> None:
    other = add("Reference")
    terms = PlanTerms(Model.CUSTOM, 100000, 3, date(2024, 4, 20), custom_amounts=(35000,) * 3)
    plan = add("京东白条 - 空调", terms=terms)
    before = seq(feed(dated))
    assert before[event_uid(plan, 3)] == 0
    edited = PlanTerms(
        Model.CUSTOM, 100000, 3, date(2024, 4, 20), custom_amounts=(35000, 35000, 36000)
    )
    sv.edit_plan(dated, plan, plan_input("京东白条 - 空调", edited), D)
    events = feed(dated)
    assert summary(events, plan, 3) == "京东白条 - 空调 · 第3/3期 ¥360.00"
    after = seq(events)
    assert after == {k: v + (k == event_uid(plan, 3)) for k, v in before.items()}
    assert after[event_uid(other, 1)] == before[event_uid(other, 1)] == 1  # overdue on D
    sv.edit_plan(dated, plan, plan_input("空调 renamed", edited), D)  # a rename: no revision
    renamed = feed(dated)
    assert seq(renamed) == after
    assert summary(renamed, plan, 3) == "空调 renamed · 第3/3期 ¥360.00"
    assert_audit_ok(dated)


def test_a_payment_that_settles_a_period_raises_it(
    dated: Database, add: Callable[..., int]
) -> None:
    plan = add()
    on = date(2024, 1, 20)  # before anything is due
    before = seq(feed(dated, on))
    assert set(before.values()) == {0}
    sv.record_payment(dated, plan, 32160, on, on)
    events = feed(dated, on)
    assert status(events, plan, 1) == "CANCELLED"
    assert summary(events, plan, 1) == "Xiaomi 14 · 第1/12期 已还 ¥321.60"
    assert seq(events) == {k: int(k == event_uid(plan, 1)) for k in before}
    sv.record_payment(dated, plan, 10000, on, on)  # part of period 2: its amount due changes
    events = feed(dated, on)
    assert summary(events, plan, 2) == "Xiaomi 14 · 第2/12期 ¥221.60"
    assert seq(events)[event_uid(plan, 2)] == 1 and seq(events)[event_uid(plan, 3)] == 0
    sv.void_payment(dated, sv.history(dated, plan_id=plan)[-1].id, on)
    assert seq(feed(dated, on))[event_uid(plan, 2)] == 2  # back to 321.60: a revision too
    assert_audit_ok(dated)


def test_turning_overdue_raises_the_sequence_by_the_date_alone(
    dated: Database, add: Callable[..., int]
) -> None:
    plain = add("plain")
    grace = add("grace", grace_days=3)
    uid, late = event_uid(plain, 1), event_uid(grace, 1)
    days = [date(2024, 1, 1) + timedelta(days=n) for n in range(41)]  # to 2024-02-10
    shown: list[tuple[int, int]] = []
    for day in days:
        events = feed(dated, day)
        shown.append((int(events[uid].decoded("SEQUENCE")), int(events[late].decoded("SEQUENCE"))))
    by_day = dict(zip(days, shown, strict=True))
    assert by_day[date(2024, 1, 31)] == (0, 0)  # due today
    assert by_day[date(2024, 2, 1)] == (1, 0)  # overdue; the other is in its grace days
    assert by_day[date(2024, 2, 3)] == (1, 0)
    assert by_day[date(2024, 2, 4)] == (1, 1)
    assert shown == sorted(shown) and shown[-1] == (1, 1)  # never lower on a later day
    events = feed(dated, date(2024, 2, 1))
    assert summary(events, plain, 1) == "plain · 第1/12期 逾期 Overdue ¥321.60"
    assert "逾期" not in summary(events, grace, 1)


def test_an_unchanged_export_is_identical(dated: Database, add: Callable[..., int]) -> None:
    plan = add()
    sv.record_payment(dated, plan, 40000, D, D)
    sv.delete_plan(dated, add("gone"), as_of=D)
    first = transfer.calendar_feed(dated, D, STAMP)
    assert transfer.calendar_feed(dated, D, STAMP) == first
    dated.close()
    with open_database(dated.path) as again:
        assert transfer.calendar_feed(again, D, STAMP) == first


def test_deleting_a_plan_publishes_its_events_cancelled_and_higher(
    dated: Database, add: Callable[..., int]
) -> None:
    keep, plan = add("keep"), add("小米14")
    sv.record_payment(dated, plan, 32160, D, D)
    before = feed(dated)
    sv.delete_plan(dated, plan, as_of=D)
    after = feed(dated)
    assert after.keys() == before.keys()
    for period in range(1, 13):
        uid = event_uid(plan, period)
        assert str(after[uid]["STATUS"]) == "CANCELLED" and not list(after[uid].walk("VALARM"))
        assert after[uid].decoded("SEQUENCE") == before[uid].decoded("SEQUENCE") + 1
        assert after[uid].decoded("DTSTART") == before[uid].decoded("DTSTART")
        assert "deleted" in str(after[uid]["DESCRIPTION"])
    assert summary(after, plan, 2) == "小米14 · 第2/12期 已删除 ¥321.60"
    assert summary(after, plan, 12) == "小米14 · 第12/12期 已删除 ¥321.60"
    assert {k: v for k, v in seq(after).items() if f"plan-{keep}-" in k} == {
        k: v for k, v in seq(before).items() if f"plan-{keep}-" in k
    }
    later = feed(dated, date(2024, 9, 1))  # a tombstone does not turn overdue
    assert later[event_uid(plan, 5)].decoded("SEQUENCE") == after[event_uid(plan, 5)].decoded(
        "SEQUENCE"
    )
    assert_audit_ok(dated)


def test_archiving_cancels_the_owed_events_and_restoring_brings_them_back(
    dated: Database, add: Callable[..., int]
) -> None:
    plan = add()
    sv.record_payment(dated, plan, 32160, D, D)
    before = seq(feed(dated))
    sv.set_archived(dated, plan, as_of=D)
    events = feed(dated)
    assert status(events, plan, 1) == "CANCELLED"  # paid: unchanged
    assert seq(events)[event_uid(plan, 1)] == before[event_uid(plan, 1)]
    for period in range(2, 13):
        assert status(events, plan, period) == "CANCELLED"
        assert "已归档" in summary(events, plan, period)
        uid = event_uid(plan, period)
        assert seq(events)[uid] == before[uid] + 1
    sv.set_archived(dated, plan, archived=False, as_of=D)
    events = feed(dated)
    for period in range(2, 13):
        assert status(events, plan, period) == "CONFIRMED"
        uid = event_uid(plan, period)
        assert seq(events)[uid] == before[uid] + 2
    assert_audit_ok(dated)


def test_undo_of_a_delete_restores_events_above_the_tombstone(
    dated: Database, add: Callable[..., int]
) -> None:
    plan = add()
    sv.record_payment(dated, plan, 10000, D, D)
    snap = sv.snapshot_plan(dated, plan)
    live = seq(feed(dated))
    sv.delete_plan(dated, plan, as_of=D)
    tombs = seq(feed(dated))
    sv.restore_plan(dated, snap, as_of=D)
    events = feed(dated)
    for period in range(1, 13):
        uid = event_uid(plan, period)
        assert str(events[uid]["STATUS"]) == "CONFIRMED"
        assert seq(events)[uid] == tombs[uid] + 1 == live[uid] + 2
    assert summary(events, plan, 1) == "Xiaomi 14 · 第1/12期 逾期 Overdue ¥221.60"
    assert_audit_ok(dated)


def test_an_edit_that_drops_periods_cancels_them(dated: Database, add: Callable[..., int]) -> None:
    plan = add()
    before = seq(feed(dated))
    sv.edit_plan(dated, plan, plan_input(terms=reference_terms(periods=6)), D)
    events = feed(dated)
    assert len(events) == 12
    for period in range(7, 13):
        uid = event_uid(plan, period)
        assert status(events, plan, period) == "CANCELLED" and "已删除" in summary(
            events, plan, period
        )
        assert seq(events)[uid] == before[uid] + 1
    assert summary(events, plan, 1) == "Xiaomi 14 · 第1/6期 逾期 Overdue ¥621.60"
    assert seq(events)[event_uid(plan, 1)] == before[event_uid(plan, 1)] + 1
    assert_audit_ok(dated)


def test_tombstones_are_dropped_after_a_year(dated: Database, add: Callable[..., int]) -> None:
    plan = add()
    sv.delete_plan(dated, plan, as_of=D)
    dated.today = lambda: D + timedelta(days=300)
    add("a later plan")
    assert event_uid(plan, 1) in feed(dated)
    dated.today = lambda: D + timedelta(days=400)
    add("a plan a year later")
    assert not any(k.startswith(f"plan-{plan}-") for k in feed(dated))
    assert_audit_ok(dated)


def test_imported_plans_get_their_events_and_the_audit_agrees(
    dated: Database, add: Callable[..., int], tmp_path: Path
) -> None:
    plan = add()
    sv.record_payment(dated, plan, 32160, D, D)
    exported, _ = transfer.export_csv(dated, "plans", D)
    _change, report = transfer.import_files(dated, [transfer.ImportFile("p.csv", exported)], D)
    (new,) = [p.id for p in report.plans]
    events = feed(dated)
    assert status(events, new, 3) == "CONFIRMED" and seq(events)[event_uid(new, 3)] == 0
    assert seq(events)[event_uid(new, 1)] == 1  # overdue on D, added on D
    assert_audit_ok(dated)


def test_tracker_check_passes_after_every_kind_of_write(
    dated: Database, add: Callable[..., int], db_file: Path
) -> None:
    from tracker.cli import main

    a, b, c = add("a"), add("b"), add("c")
    sv.record_payment(dated, a, 50000, D, D)
    sv.pay_off(dated, b, D, D)
    sv.set_archived(dated, c, as_of=D)
    snap = sv.snapshot_plan(dated, a)
    sv.delete_plan(dated, a, as_of=D)
    sv.restore_plan(dated, snap, as_of=D)
    sv.delete_plan(dated, c, as_of=D)
    events = feed(dated)
    assert all(str(events[event_uid(b, n)]["STATUS"]) == "CANCELLED" for n in range(1, 13))
    dated.close()
    assert main(["--db", str(db_file), "check"], today=lambda: D) == 0


def test_a_read_only_file_exports_the_same_feed(
    dated: Database, add: Callable[..., int], db_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.storage.readonly import give_to_nobody, modes_unavailable, run_tracker

    reason = modes_unavailable(db_file.parent)
    if reason:
        pytest.skip(reason)
    add("keep")
    sv.delete_plan(dated, add("gone"), as_of=D)
    expected, _ = transfer.calendar_feed(dated, D, STAMP)
    dated.close()
    give_to_nobody(db_file, mode=0o444)
    give_to_nobody(db_file.parent, mode=0o555)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(STAMP.timestamp())))
    done = run_tracker("--db", str(db_file), "ics", "--as-of", D.isoformat())
    assert done.returncode == 0, done.stderr
    assert done.stdout.replace("\n", "\r\n").encode() == expected
    assert "已删除" in done.stdout and sys.platform == "linux" and os.path.exists(db_file)

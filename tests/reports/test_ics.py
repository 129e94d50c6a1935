"""The calendar feed of the sample ledger: golden file, stable UIDs, alarms, all-day events,
paid installments kept as cancelled events, SEQUENCE.

Regenerate the golden file with ``UPDATE_GOLDEN=1 uv run pytest tests/reports``.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import icalendar
import pytest

from tests.reports.test_csv_common import STAMP, TODAY, build_sample, check_golden
from tests.rows import installment_row
from tracker import services as sv
from tracker.domain.plan import Charge
from tracker.reports.ics import PRODID, calendar_ics, description, event_uid, summary
from tracker.services import transfer
from tracker.storage.engine import Database, open_database


@pytest.fixture
def sample(tmp_path: Path) -> Iterator[Database]:
    db = open_database(tmp_path / "sample.sqlite3")
    build_sample(db)
    yield db
    db.close()


def events(data: bytes) -> list[icalendar.Event]:
    cal = icalendar.Calendar.from_ical(data)
    return list(cal.walk("VEVENT"))


def reminders(data: bytes) -> list[icalendar.Event]:
    return [e for e in events(data) if str(e["STATUS"]) == "CONFIRMED"]


def test_feed_matches_golden_file(sample: Database) -> None:
    data, count = transfer.calendar_feed(sample, TODAY, STAMP)
    check_golden("calendar.ics", data)
    assert count == len(reminders(data))
    lines = data.split(b"\r\n")
    assert lines[-1] == b"" and max(len(line) for line in lines) <= 75  # RFC 5545 folding
    assert b"\n" not in data.replace(b"\r\n", b"")


def test_one_all_day_event_per_installment_and_reminders_for_the_unpaid(
    sample: Database,
) -> None:
    data, _ = transfer.calendar_feed(sample, TODAY, STAMP)
    found = events(data)
    uids = [str(e["UID"]) for e in found]
    assert len(uids) == len(set(uids))
    lines = transfer.installment_lines(sample, TODAY)
    assert sorted(uids) == sorted(event_uid(i.plan_id, i.period) for i in lines)
    unpaid = [
        event_uid(i.plan_id, i.period)
        for i in lines
        if i.remaining > 0 and i.plan_id not in (4, 5)  # 4 archived, 5 paid off
    ]
    assert sorted(str(e["UID"]) for e in reminders(data)) == sorted(unpaid)
    for e in found:
        start, end = e.decoded("DTSTART"), e.decoded("DTEND")
        assert type(start) is date and end == start + timedelta(days=1)
        assert e.decoded("DTSTAMP") == STAMP
        alarms = list(e.walk("VALARM"))
        if str(e["UID"]) in unpaid:
            assert str(e["STATUS"]) == "CONFIRMED" and len(alarms) == 1
            assert alarms[0].decoded("TRIGGER") == timedelta(hours=-15)  # 09:00 the day before
            assert str(alarms[0]["ACTION"]) == "DISPLAY"
        else:
            assert str(e["STATUS"]) == "CANCELLED" and alarms == []


def test_paid_archived_and_paid_off_installments_are_cancelled(sample: Database) -> None:
    data, _ = transfer.calendar_feed(sample, TODAY, STAMP)
    by_uid = {str(e["UID"]): e for e in events(data)}
    paid = by_uid[event_uid(1, 1)]
    assert str(paid["SUMMARY"]) == "小米14 Pro · 第1/12期 已还 ¥321.60"
    archived = by_uid[event_uid(4, 2)]  # 京东白条 - 空调, archived, unpaid
    assert str(archived["SUMMARY"]) == "京东白条 - 空调 · 第2/3期 已归档 ¥340.00"
    assert "archived or closed" in str(archived["DESCRIPTION"])
    payoff = by_uid[event_uid(5, 4)]  # paid off before it was due
    assert str(payoff["STATUS"]) == "CANCELLED" and "已还" in str(payoff["SUMMARY"])


def test_summary_format_and_details(sample: Database) -> None:
    data, _ = transfer.calendar_feed(sample, TODAY, STAMP)
    by_uid = {str(e["UID"]): e for e in events(data)}
    e = by_uid["plan-1-period-3@installment-tracker"]
    assert str(e["SUMMARY"]) == "小米14 Pro · 第3/12期 逾期 Overdue ¥221.60"
    text = str(e["DESCRIPTION"])
    assert "已还 Paid: ¥100.00" in text and "Overdue（40 天 days）" in text
    loan = by_uid["plan-3-period-2@installment-tracker"]
    assert "罚息 Penalty: ¥13.88" in str(loan["DESCRIPTION"])
    assert str(by_uid["plan-7-period-1@installment-tracker"]["SUMMARY"]).endswith("$235.82")
    assert b"PRODID:" + PRODID.encode() in data


def test_output_is_deterministic_and_a_payment_cancels_its_event(sample: Database) -> None:
    """Paying plan 1's third period off: same UIDs, that event cancelled without its alarm
    and one revision up; no other event changes its SEQUENCE."""
    first, count = transfer.calendar_feed(sample, TODAY, STAMP)
    assert transfer.calendar_feed(sample, TODAY, STAMP)[0] == first
    sv.record_payment(sample, 1, 22160, TODAY, TODAY)
    after, count_after = transfer.calendar_feed(sample, TODAY, STAMP)
    assert count_after == count - 1
    old = {str(e["UID"]): e for e in events(first)}
    new = {str(e["UID"]): e for e in events(after)}
    assert new.keys() == old.keys()
    uid = event_uid(1, 3)
    assert str(old[uid]["STATUS"]) == "CONFIRMED" and list(old[uid].walk("VALARM"))
    assert str(new[uid]["STATUS"]) == "CANCELLED" and not list(new[uid].walk("VALARM"))
    for key, e in new.items():
        step = 1 if key == uid else 0
        assert e.decoded("SEQUENCE") == old[key].decoded("SEQUENCE") + step, key


def test_sequence_rises_with_every_payment_and_void(sample: Database) -> None:
    def sequence(period: int) -> int:
        data = transfer.calendar_feed(sample, TODAY, STAMP)[0]
        uid = event_uid(1, period)
        return int(next(e for e in events(data) if str(e["UID"]) == uid)["SEQUENCE"])

    # Period 3 (overdue): created overdue (1), then partly paid (2); period 4 only overdue.
    assert (sequence(3), sequence(4)) == (2, 1)
    sv.record_payment(sample, 1, 1000, TODAY, TODAY)  # to period 3, the oldest unpaid
    assert (sequence(3), sequence(4)) == (3, 1)
    sv.void_payment(sample, sv.history(sample, plan_id=1)[-1].id, TODAY)
    assert (sequence(3), sequence(4)) == (4, 1)  # the event changes back: a revision too


@pytest.mark.parametrize(("days", "trigger"), [(0, "PT9H"), (1, "-PT15H"), (3, "-P2DT15H")])
def test_alarm_days(days: int, trigger: str) -> None:
    item = installment_row(1, "x", "", 1, 1, date(2024, 6, 1), "CNY", 100, 0, 0, "upcoming")
    data = calendar_ics([item], STAMP, days)
    assert f"TRIGGER:{trigger}\r\n".encode() in data


@pytest.mark.parametrize("days", [-1, 366])
def test_alarm_days_out_of_range(days: int) -> None:
    with pytest.raises(ValueError, match="alarm"):
        calendar_ics([], STAMP, days)


def test_stamp_must_be_aware_and_is_written_in_utc() -> None:
    with pytest.raises(ValueError, match="aware"):
        calendar_ics([], datetime(2024, 5, 10))
    china = datetime(2024, 5, 10, 16, 30, tzinfo=UTC).astimezone()
    data = calendar_ics(
        [installment_row(1, "x", "", 1, 1, date(2024, 6, 1), "CNY", 1, 0, 0, "upcoming")],
        china,
    )
    assert b"DTSTAMP:20240510T163000Z" in data


def test_empty_feed_is_a_valid_calendar(tmp_path: Path) -> None:
    with open_database(tmp_path / "e.sqlite3") as db:
        data, count = transfer.calendar_feed(db, TODAY, STAMP)
    assert count == 0
    assert icalendar.Calendar.from_ical(data)["VERSION"] == "2.0"


def test_summary_uses_the_plans_currency() -> None:
    item = installment_row(
        2, "Switch 2", "", 2, 3, date(2024, 5, 1), "JPY", 16660, 0, 0, "overdue", 9
    )
    assert summary(item) == "Switch 2 · 第2/3期 逾期 Overdue ¥16,660"
    soon = installment_row(
        2, "Switch 2", "", 3, 3, date(2024, 6, 1), "JPY", 16660, 0, 0, "upcoming", 0
    )
    assert summary(soon) == "Switch 2 · 第3/3期 ¥16,660"  # only a late one says so


def test_a_loan_event_says_interest() -> None:
    line = (
        1,
        "房贷",
        "",
        1,
        12,
        date(2024, 6, 10),
        "CNY",
        83333,
        10000,
        0,
        "upcoming",
    )
    loan = installment_row(*line, charge=Charge.INTEREST)  # type: ignore[arg-type]
    assert "本金 Principal: ¥833.33 · 利息 Interest: ¥100.00" in description(loan)
    assert "手续费/利息 Fee: ¥100.00" in description(installment_row(*line))  # type: ignore[arg-type]

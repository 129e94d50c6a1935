"""The calendar feed of the sample ledger: golden file, stable UIDs, alarms, all-day events.

Regenerate the golden file with ``UPDATE_GOLDEN=1 uv run pytest tests/reports``.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import icalendar
import pytest

from tests.reports.test_csv_common import STAMP, TODAY, build_sample, check_golden
from tracker import services as sv
from tracker.reports.csv_columns import InstallmentLine
from tracker.reports.ics import PRODID, calendar_ics, event_uid, summary
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


def test_feed_matches_golden_file(sample: Database) -> None:
    data, count = transfer.calendar_feed(sample, TODAY, STAMP)
    check_golden("calendar.ics", data)
    assert count == len(events(data))
    lines = data.split(b"\r\n")
    assert lines[-1] == b"" and max(len(line) for line in lines) <= 75  # RFC 5545 folding
    assert b"\n" not in data.replace(b"\r\n", b"")


def test_one_all_day_event_per_unpaid_installment(sample: Database) -> None:
    data, _ = transfer.calendar_feed(sample, TODAY, STAMP)
    found = events(data)
    uids = [str(e["UID"]) for e in found]
    assert len(uids) == len(set(uids))
    unpaid = [
        (i.plan_id, i.period)
        for i in transfer.installment_lines(sample, TODAY)
        if i.remaining > 0 and i.plan_id not in (4, 5)  # 4 archived, 5 paid off
    ]
    assert sorted(uids) == sorted(event_uid(p, n) for p, n in unpaid)
    for e in found:
        start, end = e.decoded("DTSTART"), e.decoded("DTEND")
        assert type(start) is date and end == start + timedelta(days=1)
        assert e.decoded("DTSTAMP") == STAMP
        alarm = next(iter(e.walk("VALARM")))
        assert alarm.decoded("TRIGGER") == timedelta(hours=-15)  # 09:00 the day before
        assert str(alarm["ACTION"]) == "DISPLAY"


def test_summary_format_and_details(sample: Database) -> None:
    data, _ = transfer.calendar_feed(sample, TODAY, STAMP)
    by_uid = {str(e["UID"]): e for e in events(data)}
    e = by_uid["plan-1-period-3@installment-tracker"]
    assert str(e["SUMMARY"]) == "小米14 Pro · 第3/12期 ¥221.60"
    text = str(e["DESCRIPTION"])
    assert "已还 Paid: ¥100.00" in text and "Overdue（40 天 days）" in text
    loan = by_uid["plan-3-period-2@installment-tracker"]
    assert "罚息 Penalty: ¥13.88" in str(loan["DESCRIPTION"])
    assert str(by_uid["plan-7-period-1@installment-tracker"]["SUMMARY"]).endswith("$235.82")
    assert b"PRODID:" + PRODID.encode() in data


def test_output_is_deterministic_and_uids_survive_a_payment(sample: Database) -> None:
    first, _ = transfer.calendar_feed(sample, TODAY, STAMP)
    assert transfer.calendar_feed(sample, TODAY, STAMP)[0] == first
    sv.record_payment(sample, 1, 22160, TODAY, TODAY)
    after, _ = transfer.calendar_feed(sample, TODAY, STAMP)
    before = {str(e["UID"]) for e in events(first)}
    now = {str(e["UID"]) for e in events(after)}
    assert now == before - {"plan-1-period-3@installment-tracker"}


@pytest.mark.parametrize(("days", "trigger"), [(0, "PT9H"), (1, "-PT15H"), (3, "-P2DT15H")])
def test_alarm_days(days: int, trigger: str) -> None:
    item = InstallmentLine(
        1, "x", "", 1, 1, date(2024, 6, 1), "CNY", 100, 0, 0, 100, 0, "upcoming", 0
    )
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
        [InstallmentLine(1, "x", "", 1, 1, date(2024, 6, 1), "CNY", 1, 0, 0, 1, 0, "upcoming", 0)],
        china,
    )
    assert b"DTSTAMP:20240510T163000Z" in data


def test_empty_feed_is_a_valid_calendar(tmp_path: Path) -> None:
    with open_database(tmp_path / "e.sqlite3") as db:
        data, count = transfer.calendar_feed(db, TODAY, STAMP)
    assert count == 0
    assert icalendar.Calendar.from_ical(data)["VERSION"] == "2.0"


def test_summary_uses_the_plans_currency() -> None:
    item = InstallmentLine(
        2, "Switch 2", "", 2, 3, date(2024, 5, 1), "JPY", 16660, 0, 0, 16660, 0, "overdue", 9
    )
    assert summary(item) == "Switch 2 · 第2/3期 ¥16,660"

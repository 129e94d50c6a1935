"""Working-day calendars from the holidays package: China's 调休, coverage, other countries."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from tracker import services as sv
from tracker.domain.plan import Model, PlanTerms
from tracker.services.workdays import calendar_for, normalize_code
from tracker.storage import Database


def test_china_2026_spring_festival_and_its_make_up_day():
    """Checked against holidays 0.109: 02-15 (Sunday) to 02-23 off, 02-14 (Saturday) works."""
    from tracker.domain.workdays import next_working_day

    cn = calendar_for("CN")
    assert cn is not None and cn.covers(2026)
    assert next_working_day(date(2026, 2, 15), cn) == date(2026, 2, 24)
    assert next_working_day(date(2026, 2, 14), cn) == date(2026, 2, 14)
    assert next_working_day(date(2026, 10, 1), cn) == date(2026, 10, 8)  # National Day


def test_china_covers_only_the_years_with_a_published_calendar():
    cn = calendar_for("cn")
    assert cn is not None
    assert cn.covers(2001) and cn.covers(2026)
    assert not cn.covers(2099)  # lunar holidays are computable, 调休 is not: never guessed


def test_other_countries_and_bad_codes():
    from tracker.domain.workdays import next_working_day

    us = calendar_for(" us ")
    assert us is not None and us.code == "US" and us.covers(2030)
    assert next_working_day(date(2026, 7, 4), us) == date(2026, 7, 6)  # Saturday; 07-03 off
    assert calendar_for(None) is None and calendar_for("") is None
    for bad in ("XX", "China", "C1"):
        with pytest.raises(sv.ServiceError, match="two-letter country code such as CN"):
            normalize_code(bad)


def _cn_plan(db: Database, first_due: date, holidays: str | None = "CN") -> int:
    terms = PlanTerms(Model.FLAT, 360000, 12, first_due, Decimal("0.006"))
    change = sv.add_plan(db, sv.PlanInput("小米", terms, holidays=holidays))
    assert change.created_id is not None
    return change.created_id


def test_a_stored_plan_keeps_moved_dates_and_a_payment_on_them_is_on_time(db: Database):
    pid = _cn_plan(db, date(2026, 2, 15))
    detail = sv.plan_detail(db, pid, date(2026, 2, 24))
    assert detail.input.holidays == "CN"
    assert [s.due_date for s in detail.installments[:3]] == [
        date(2026, 2, 24),
        date(2026, 3, 16),
        date(2026, 4, 15),
    ]
    assert [(m.period, m.original) for m in detail.moved][:2] == [
        (1, date(2026, 2, 15)),
        (2, date(2026, 3, 15)),
    ]
    assert detail.uncovered_years == (2027,)
    assert detail.installments[0].status.value == "due_today"  # not overdue on 02-24
    sv.record_payment(db, pid, 32160, date(2026, 2, 24), date(2026, 2, 24))
    after = sv.plan_detail(db, pid, date(2026, 2, 25))
    assert after.state.penalty_due == 0 and after.installments[0].status.value == "paid"
    assert sv.list_plans(db, date(2026, 2, 25))[0].next_due == date(2026, 3, 16)


def test_editing_the_calendar_regenerates_unpaid_dates_only(db: Database):
    pid = _cn_plan(db, date(2026, 1, 15), holidays=None)
    assert sv.plan_detail(db, pid, date(2026, 1, 1)).installments[1].due_date == date(2026, 2, 15)
    sv.record_payment(db, pid, 32160, date(2026, 1, 15), date(2026, 1, 15))
    data = sv.plan_detail(db, pid, date(2026, 1, 20)).input
    from dataclasses import replace

    sv.edit_plan(db, pid, replace(data, holidays="cn"), date(2026, 1, 20))
    detail = sv.plan_detail(db, pid, date(2026, 1, 20))
    assert detail.input.holidays == "CN"
    dues = [s.due_date for s in detail.installments[:3]]
    assert dues == [date(2026, 1, 15), date(2026, 2, 24), date(2026, 3, 16)]
    assert detail.state.paid_total == 32160


def test_an_unknown_code_is_refused_and_nothing_stored(db: Database):
    terms = PlanTerms(Model.FLAT, 360000, 12, date(2026, 2, 15), Decimal("0.006"))
    with pytest.raises(sv.ServiceError, match="unknown holiday calendar 'ZZ'"):
        sv.add_plan(db, sv.PlanInput("x", terms, holidays="ZZ"))
    assert sv.list_plans(db, date(2026, 2, 1)) == []


def test_the_plans_csv_carries_the_calendar_and_old_files_import_without_it(db: Database, tmp_path):
    from tracker.services import transfer

    pid = _cn_plan(db, date(2026, 2, 15))
    data = transfer.export_csv(db, "plans", date(2026, 2, 1))[0]
    text = data.decode("utf-8-sig")
    assert text.splitlines()[0].endswith(",holidays,schedule")
    assert ',CN,"300.00/21.60@2026-02-24;' in text  # the schedule cell is quoted
    from tracker.storage import open_database

    other = open_database(tmp_path / "other.sqlite3")
    try:
        transfer.import_files(other, [transfer.ImportFile("p.csv", data)], date(2026, 2, 1))
        detail = sv.plan_detail(other, pid, date(2026, 2, 1))
        assert detail.input.holidays == "CN"
        assert detail.installments[0].due_date == date(2026, 2, 24)
        # a hand-made file with the code and no schedule: the import moves the dates itself
        hand = (
            "name,model,principal,periods,rate_pct,first_due,holidays,paid_periods\n"
            "手工,flat,3600,12,0.6,2026-02-15,cn,0\n"
        ).encode()
        transfer.import_files(other, [transfer.ImportFile("h.csv", hand)], date(2026, 2, 1))
        made = sv.plan_detail(other, pid + 1, date(2026, 2, 1))
        assert made.input.holidays == "CN"
        assert made.installments[0].due_date == date(2026, 2, 24)
    finally:
        other.close()

"""Paged payment history, touched rows, totals, plan names and per-plan summaries."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from tracker import services as sv
from tracker.domain.plan import Model, PlanTerms
from tracker.services import payment_list as pl
from tracker.storage import Database, open_database

AS_OF = date(2026, 11, 21)


@pytest.fixture
def db(tmp_path: Path) -> Database:
    d = open_database(tmp_path / "p.sqlite3")
    for k, name in enumerate(("Beta", "alpha", "花呗")):
        terms = PlanTerms(Model.FLAT, 50_000_000, 24, date(2026, 1, 31), Decimal("0"))
        pid = sv.add_plan(d, sv.PlanInput(name=name, terms=terms)).created_id
        assert pid is not None
        for j in range(20):
            day = date(2026, 1, 1) + timedelta(days=(7 * j + k) % 300)
            note = "50%_off" if j == 3 else f"n{j}"
            sv.record_payment(d, pid, 1000 + (j * 37 + k) % 50, day, AS_OF, "卡", note)
    sv.void_payment(d, 5, AS_OF)
    return d


@pytest.mark.parametrize("sort", pl.SORTS)
@pytest.mark.parametrize("descending", [False, True])
def test_pages_cover_every_row_once_in_the_sort_order(db: Database, sort, descending) -> None:
    everything = sv.history(db)
    got, after = [], None
    while True:
        page = pl.payment_page(db, pl.PaymentFilter(), sort, descending, after, 7)
        got += page
        if len(page) < 7:
            break
        after = page[-1]
    expected = sorted(everything, key=lambda r: pl.sort_key(r, sort), reverse=descending)
    assert [r.id for r in got] == [r.id for r in expected]


def test_filters_and_text_search_with_wildcards(db: Database) -> None:
    flt = pl.PaymentFilter(plan_id=2, date_from=date(2026, 2, 1), date_to=date(2026, 3, 31))
    rows = pl.payment_page(db, flt, limit=100)
    assert rows and all(
        r.plan_id == 2 and date(2026, 2, 1) <= r.date <= date(2026, 3, 31) for r in rows
    )
    assert len(pl.payment_page(db, pl.PaymentFilter(text="50%_"), limit=100)) == 3
    assert (
        pl.payment_page(db, pl.PaymentFilter(text="5_%"), limit=100) == []
    )  # literal, no wildcard
    assert len(pl.payment_page(db, pl.PaymentFilter(text="N1"), limit=100)) == 33  # n1, n10-n19


def test_totals_and_touched(db: Database) -> None:
    totals = pl.payment_totals(db, pl.PaymentFilter())
    live = [r for r in sv.history(db) if not r.voided]
    assert totals.live == 59 and totals.voided == 1
    assert totals.sums == {"CNY": sum(r.amount for r in live)}
    touched = pl.payments_touched(db, pl.PaymentFilter(), [1], [3])
    assert {r.id for r in touched} == {1} | {r.id for r in sv.history(db, 3)}
    first_page = pl.payment_page(db, pl.PaymentFilter(), "date", True, None, 10)
    upto = pl.payments_touched(db, pl.PaymentFilter(), [], [1, 2, 3], "date", True, first_page[-1])
    assert {r.id for r in upto} == {r.id for r in first_page}


def test_plan_names_and_summaries(db: Database) -> None:
    sv.set_archived(db, 2, True)
    assert sv.plan_names(db) == [(1, "Beta"), (2, "alpha"), (3, "花呗")]
    assert sv.plan_names(db, include_archived=False) == [(1, "Beta"), (3, "花呗")]
    every = {p.id: p for p in sv.list_plans(db, AS_OF, include_archived=True)}
    assert sv.plan_summaries(db, AS_OF, [3, 2, 99]) == [every[2], every[3]]
    assert sv.plan_summaries(db, AS_OF, []) == []

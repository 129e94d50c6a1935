"""The overview query: exact card totals, the attention list and the plans for the charts.

Seen on 2026-11-21 (every amount in fen):

- A: reference flat 3600.00 / 12 / 0.6% from 2026-10-31 → October 321.60 is overdue (21 days),
  November 30 is within 30 days; owed 12 × 321.60 = 3859.20.
- B: flat 1200.00 / 6 / 0.5% from 2026-11-25 → 206.00 a month, next due in 4 days (due soon).
- C: flat 900.00 / 3 / 0.6% from 2026-11-19, 3 grace days → 305.40 two days late (grace),
  the next on 2026-12-19 (28 days away).
- D: interest-free 1000.00 in one period due 2026-11-11, 0.05%/day penalty → 10 days overdue,
  penalty 1000.00 × 0.0005 × 10 = 5.00.
- a paid-off plan, an archived plan and a USD plan: none of them count in the CNY cards.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import event

from tests.services.conftest import plan_input
from tracker import services as sv
from tracker.domain import Model, PlanTerms
from tracker.domain.ledger import Status
from tracker.reports.series import Memo, balance_series, upcoming_by_month
from tracker.services.dashboard import Dashboard, dashboard, dashboard_first, dashboard_update
from tracker.storage.engine import Database

TODAY = date(2026, 11, 21)


def terms(
    model: Model, principal: int, periods: int, first: date, rate: str = "0", **kw
) -> PlanTerms:
    return PlanTerms(model, principal, periods, first, Decimal(rate), **kw)


def setup_plans(db: Database, add: Callable[..., int]) -> dict[str, int]:
    ids = {
        "A": add("A", terms=terms(Model.FLAT, 360000, 12, date(2026, 10, 31), "0.006")),
        "B": add("B", terms=terms(Model.FLAT, 120000, 6, date(2026, 11, 25), "0.005")),
        "C": add("C", terms=terms(Model.FLAT, 90000, 3, date(2026, 11, 19), "0.006"), grace_days=3),
        "D": add(
            "D",
            terms=terms(Model.INTEREST_FREE, 100000, 1, date(2026, 11, 11)),
            penalty_daily_rate=Decimal("0.0005"),
        ),
        "closed": add("closed", terms=terms(Model.INTEREST_FREE, 50000, 1, date(2026, 11, 1))),
        "archived": add("archived", terms=terms(Model.INTEREST_FREE, 70000, 1, date(2026, 11, 1))),
        "usd": add(
            "usd", terms=terms(Model.INTEREST_FREE, 99900, 3, date(2026, 11, 22), currency="USD")
        ),
    }
    sv.record_payment(db, ids["closed"], 50000, date(2026, 11, 1), TODAY)
    sv.set_archived(db, ids["archived"])
    return ids


def test_first_run_is_empty(db: Database) -> None:
    dash = dashboard(db, TODAY)
    assert dash.empty and dash.plan_count == 0
    assert dash.due == () and dash.plans == ()
    cards = dash.cards
    assert (cards.total_owed, cards.due_soon_amount, cards.overdue_count) == (0, 0, 0)
    assert cards.next_due is None and cards.next_plan_name == ""
    assert cards.currency == "CNY"


def test_cards_exact_totals(db: Database, add: Callable[..., int]) -> None:
    ids = setup_plans(db, add)
    dash = dashboard(db, TODAY)
    assert dash.plan_count == 7 and not dash.empty
    c = dash.cards
    assert c.currency == "CNY"
    assert c.total_owed == 385920 + 6 * 20600 + 3 * 30540 + 100500 == 701640
    assert c.due_soon_count == 3
    assert c.due_soon_amount == 32160 + 20600 + 30540 == 83300
    assert c.overdue_count == 2 and c.overdue_plans == 2
    assert c.overdue_amount == 32160 + 100500
    assert c.overdue_penalty == 500
    assert (c.next_due, c.next_amount, c.next_plan_id, c.next_plan_name) == (
        date(2026, 11, 25),
        20600,
        ids["B"],
        "B",
    )
    assert c.next_more == 0
    assert c.other_currency_plans == 1
    assert [p.plan_id for p in dash.plans] == [ids[k] for k in "ABCD"]


def test_attention_list_matches_services_due(db: Database, add: Callable[..., int]) -> None:
    ids = setup_plans(db, add)
    dash = dashboard(db, TODAY, reminder_days=7)
    got = [
        (i.plan_id, i.period, i.due_date, i.amount_due, i.status, i.days_overdue) for i in dash.due
    ]
    assert got == [
        (ids["A"], 1, date(2026, 10, 31), 32160, Status.OVERDUE, 21),
        (ids["D"], 1, date(2026, 11, 11), 100500, Status.OVERDUE, 10),
        (ids["C"], 1, date(2026, 11, 19), 30540, Status.GRACE, 2),
        (ids["usd"], 1, date(2026, 11, 22), 33300, Status.DUE_SOON, 0),
        (ids["B"], 1, date(2026, 11, 25), 20600, Status.DUE_SOON, 0),
    ]
    assert list(dash.due) == sv.due(db, TODAY, 7)
    assert dash.due[1].penalty == 500
    wider = dashboard(db, TODAY, reminder_days=10)
    assert [i.due_date for i in wider.due][-1] == date(2026, 11, 30)


def test_a_payment_moves_the_cards(db: Database, add: Callable[..., int]) -> None:
    ids = setup_plans(db, add)
    sv.record_payment(db, ids["D"], 100500, TODAY, TODAY)
    c = dashboard(db, TODAY).cards
    assert c.overdue_count == 1 and c.overdue_amount == 32160 and c.overdue_penalty == 0
    assert c.total_owed == 701640 - 100500
    sv.record_payment(db, ids["A"], 32160 + 20000, TODAY, TODAY)
    c = dashboard(db, TODAY).cards
    assert c.overdue_count == 0 and c.overdue_amount == 0
    assert c.due_soon_amount == 83300 - 20000


def test_same_day_installments_are_counted(db: Database, add: Callable[..., int]) -> None:
    add("X", terms=terms(Model.INTEREST_FREE, 30000, 3, date(2026, 12, 1)))
    add("Y", terms=terms(Model.INTEREST_FREE, 60000, 3, date(2026, 12, 1)))
    c = dashboard(db, TODAY).cards
    assert (c.next_due, c.next_amount, c.next_plan_name, c.next_more) == (
        date(2026, 12, 1),
        10000,
        "X",
        1,
    )


def test_totals_use_the_currency_in_use(db: Database, add: Callable[..., int]) -> None:
    add("usd", terms=terms(Model.INTEREST_FREE, 99900, 3, date(2026, 12, 1), currency="USD"))
    dash = dashboard(db, TODAY)
    assert dash.cards.currency == "USD"
    assert dash.cards.total_owed == 99900
    assert dash.cards.other_currency_plans == 0


def test_one_transaction(db: Database, add: Callable[..., int]) -> None:
    setup_plans(db, add)
    begins: list[object] = []

    def count(conn: object) -> None:
        begins.append(conn)

    event.listen(db.engine, "begin", count)
    try:
        dashboard(db, TODAY)
    finally:
        event.remove(db.engine, "begin", count)
    assert len(begins) == 1


def _same(updated: Dashboard, fresh: Dashboard) -> None:
    assert updated == fresh
    assert updated.open_plans == fresh.open_plans


def test_an_update_equals_a_full_read_after_any_change(
    db: Database, add: Callable[..., int]
) -> None:
    """``dashboard_update`` re-reads only the plans a change names; the result is the same as
    a fresh ``dashboard()`` after payments, voids, payoffs, edits, archiving, deletes and adds."""
    ids = setup_plans(db, add)
    dash = dashboard(db, TODAY)
    months_memo: Memo = {}
    balance_memo: Memo = {}
    upcoming_by_month(dash.plans, TODAY, memo=months_memo)
    balance_series(dash.plans, TODAY, memo=balance_memo)

    def step(change: sv.Change) -> None:
        nonlocal dash
        before = {p.plan_id: p for p in dash.plans}
        months_before = upcoming_by_month(dash.plans, TODAY, memo=months_memo)
        dash = dashboard_update(db, dash, change.plan_ids, TODAY)
        full = dashboard(db, TODAY)
        _same(dash, full)
        # the charts' series, re-summed only for the plans the change named, equal fresh ones
        months = upcoming_by_month(dash.plans, TODAY, memo=months_memo)
        assert months == upcoming_by_month(full.plans, TODAY)
        assert balance_series(dash.plans, TODAY, memo=balance_memo) == balance_series(
            full.plans, TODAY
        )
        kept = {p.plan_id for p in dash.plans if before.get(p.plan_id) is p}
        old_rows = {r.plan_id: r for r in months_before.plans}
        for row in months.plans:
            if row.plan_id in kept and row.plan_id in old_rows:
                assert row is old_rows[row.plan_id]  # not computed again
        assert set(months_memo) == {0} | {id(p) for p in dash.plans}

    step(sv.record_payment(db, ids["A"], 32160, TODAY, TODAY))
    paid = sv.record_payment(db, ids["B"], 10000, TODAY, TODAY)
    step(paid)
    assert paid.created_id is not None
    step(sv.void_payment(db, paid.created_id, TODAY))
    step(sv.record_payment(db, ids["D"], 100500, TODAY, TODAY))  # settles D: the plan closes
    step(sv.pay_off(db, ids["C"], TODAY, TODAY)[0])
    step(
        sv.edit_plan(
            db,
            ids["B"],
            plan_input("B renamed", terms(Model.FLAT, 150000, 6, date(2026, 11, 25), "0.005")),
            TODAY,
        )
    )
    step(sv.set_archived(db, ids["A"]))
    step(sv.set_archived(db, ids["A"], False))
    step(sv.delete_plan(db, ids["B"]))
    new = add("E", terms=terms(Model.FLAT, 240000, 12, date(2026, 11, 30), "0.006"))
    step(sv.Change("plan_added", frozenset({new})))
    step(sv.record_payment(db, ids["usd"], 33300, TODAY, TODAY))
    # plans in another currency becoming the majority switch the cards' currency
    for k in range(3):
        more = add(
            f"usd{k}", terms=terms(Model.INTEREST_FREE, 1000, 2, date(2026, 12, 1), currency="USD")
        )
        step(sv.Change("plan_added", frozenset({more})))


def test_an_update_with_other_arguments_is_a_full_read(
    db: Database, add: Callable[..., int]
) -> None:
    setup_plans(db, add)
    dash = dashboard(db, TODAY)
    later = date(2026, 12, 5)
    _same(dashboard_update(db, dash, {1}, later), dashboard(db, later))
    _same(dashboard_update(db, dash, {1}, TODAY, 10), dashboard(db, TODAY, 10))
    _same(dashboard_update(db, dash, {1}, TODAY, 7, "USD"), dashboard(db, TODAY, 7, "USD"))
    _same(dashboard_update(db, dash, set(), TODAY), dashboard(db, TODAY))


def _same_overview(first: Dashboard, full: Dashboard) -> None:
    assert not first.complete and full.complete
    assert first.cards == full.cards
    assert first.due == full.due
    assert first.plan_count == full.plan_count


def test_the_first_read_shows_what_the_full_read_shows(
    db: Database, add: Callable[..., int]
) -> None:
    ids = setup_plans(db, add)
    first = dashboard_first(db, TODAY)
    _same_overview(first, dashboard(db, TODAY))
    assert first.cards.total_owed == 701640  # the 11 rows past 2026-12-21: summed in SQL
    rows = {p.plan_id: p.installments for p in first.plans}
    assert [r.period for r in rows[ids["A"]]] == [1, 2]  # 2026-10-31 and 2026-11-30 only
    sv.record_payment(db, ids["A"], 40000, TODAY, TODAY)  # 321.60 and 78.40 of the next
    for as_of in (TODAY, date(2026, 12, 1), date(2027, 2, 3), date(2026, 10, 1)):
        for days in (0, 7, 45):
            _same_overview(dashboard_first(db, as_of, days), dashboard(db, as_of, days))


def test_the_first_read_is_whole_when_nothing_falls_due_soon(
    db: Database, add: Callable[..., int]
) -> None:
    add("far", terms=terms(Model.FLAT, 120000, 6, date(2027, 3, 1), "0.005"))
    first = dashboard_first(db, TODAY)
    assert first.complete and first == dashboard(db, TODAY)
    assert first.cards.next_due == date(2027, 3, 1)


def test_the_first_read_matches_on_a_generated_ledger(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The benchmark's generator: plans of every model, paid, partly paid, late with and
    without penalty, in CNY and USD."""
    from tests.services.test_svc_import_bulk import _generate
    from tracker.services.transfer import ImportFile, import_files
    from tracker.storage import open_database

    generate = _generate(monkeypatch)
    as_of = generate.DEFAULT_AS_OF
    plans_csv, payments_csv, _ = generate.write_csvs(120, tmp_path / "csv", 5, as_of)
    files = [ImportFile(p.name, p.read_bytes()) for p in (plans_csv, payments_csv)]
    with open_database(tmp_path / "g.sqlite3") as db:
        import_files(db, files, as_of)
        for shift in (-200, -31, 0, 1, 29, 30, 31, 90, 400):
            day = date.fromordinal(as_of.toordinal() + shift)
            first, full = dashboard_first(db, day), dashboard(db, day)
            assert first.cards == full.cards and first.due == full.due
        assert full.cards.total_owed > 0 and full.due

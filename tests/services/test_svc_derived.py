"""Derived state written at write time always equals a full replay of the ledger.

Random sequences of real actions (add, pay, void, pay off, edit, archive, delete, undo) run
through the services on a real SQLite file; after each sequence the audit recomputes every
plan from its raw schedule and payments and finds nothing to report.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tracker import services as sv
from tracker.domain import Model, PlanTerms
from tracker.domain.ledger import Status
from tracker.services.audit import derived_mismatches
from tracker.services.model import ServiceError
from tracker.storage.engine import Database, open_database

TODAY = date(2026, 11, 29)

ACTIONS = st.lists(
    st.tuples(
        st.sampled_from(["add", "pay", "pay", "pay", "void", "payoff", "edit", "archive", "undo"]),
        st.integers(0, 10**6),
    ),
    min_size=1,
    max_size=14,
)


def _terms(seed: int) -> PlanTerms:
    model = [Model.FLAT, Model.TOTAL, Model.ANNUITY, Model.INTEREST_FREE][seed % 4]
    rate = {Model.FLAT: "0.006", Model.TOTAL: "0.045", Model.ANNUITY: "0.12"}.get(model, "0")
    first = date(2026, 1, 1) + timedelta(days=seed % 300)
    return PlanTerms(model, 10000 + seed % 500000, 1 + seed % 12, first, Decimal(rate))


def _run(db: Database, actions: list[tuple[str, int]]) -> None:
    snapshots: list[sv.PlanSnapshot] = []
    for action, seed in actions:
        plans = [p.id for p in sv.list_plans(db, TODAY, include_archived=True)]
        try:
            if action == "add" or not plans:
                sv.add_plan(
                    db,
                    sv.PlanInput(
                        name=f"p{seed}",
                        terms=_terms(seed),
                        penalty_daily_rate=Decimal("0.0005") if seed % 3 == 0 else Decimal(0),
                        grace_days=seed % 4,
                        tolerance=(seed % 2) * 500,
                    ),
                )
                continue
            pid = plans[seed % len(plans)]
            snapshots.append(sv.snapshot_plan(db, pid))
            if action == "pay":
                detail = sv.plan_detail(db, pid, TODAY)
                owed = detail.state.balance
                on = TODAY - timedelta(days=seed % 200)
                sv.record_payment(db, pid, max(1, owed * (1 + seed % 5) // 7), on, TODAY)
            elif action == "void":
                rows = [r for r in sv.history(db, pid) if not r.voided]
                if rows:
                    sv.void_payment(db, rows[seed % len(rows)].id, TODAY)
            elif action == "payoff":
                sv.pay_off(db, pid, TODAY, TODAY)
            elif action == "edit":
                detail = sv.plan_detail(db, pid, TODAY)
                data = detail.input
                sv.edit_plan(
                    db, pid, sv.PlanInput(**{**_fields(data), "terms": _terms(seed)}), TODAY
                )
            elif action == "archive":
                sv.set_archived(db, pid, seed % 2 == 0)
            elif action == "undo" and snapshots:
                sv.restore_plan(db, snapshots.pop())
        except ServiceError:
            pass  # refused actions write nothing; the audit checks that too


def _fields(data: sv.PlanInput) -> dict[str, object]:
    return {f: getattr(data, f) for f in data.__dataclass_fields__}


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(actions=ACTIONS)
def test_stored_derived_state_equals_the_replay(tmp_path: Path, actions) -> None:
    path = tmp_path / f"d{abs(hash(tuple(actions)))}.sqlite3"
    with open_database(path) as db:
        _run(db, actions)
        assert derived_mismatches(db) == []
        for as_of in (TODAY, TODAY + timedelta(days=45), TODAY - timedelta(days=120)):
            assert_reads_match_the_replay(db, as_of)
    path.unlink()


def assert_reads_match_the_replay(db: Database, as_of: date) -> None:
    """The list, ``due`` and the calendar read from stored columns say what a full replay of
    every plan (``plan_detail``) says, on any date."""
    for row in sv.list_plans(db, as_of, include_archived=True):
        d = sv.plan_detail(db, row.id, as_of)
        state = d.state
        nxt = state.next_unpaid
        late = [st for st in state.installments if st.status in (Status.OVERDUE, Status.GRACE)]
        assert (
            row.remaining,
            row.periods_paid,
            row.next_due,
            row.next_amount,
            row.penalty,
            row.overdue_amount,
            row.status,
        ) == (
            state.balance,
            state.periods_paid,
            nxt.due_date if nxt else None,
            nxt.amount_due if nxt else 0,
            state.penalty_due,
            sum(st.amount_due for st in late),
            d.status,
        ), row.id
    expected = []
    for row in sv.list_plans(db, as_of):
        d = sv.plan_detail(db, row.id, as_of)
        if d.closed_on is not None:
            continue
        expected += [
            (row.id, st.period, st.amount_due, st.penalty_due, st.status)
            for st in d.state.installments
            if st.status in (Status.OVERDUE, Status.GRACE, Status.DUE_TODAY, Status.DUE_SOON)
            and st.amount_due > 0
            and st.due_date <= as_of + timedelta(days=7)
        ]
    got = [(i.plan_id, i.period, i.amount_due, i.penalty, i.status) for i in sv.due(db, as_of)]
    assert sorted(got) == sorted(expected)


def test_the_audit_notices_a_stale_column(tmp_path: Path) -> None:
    with open_database(tmp_path / "a.sqlite3") as db:
        sv.add_plan(db, sv.PlanInput(name="小米", terms=_terms(12)))
        sv.record_payment(db, 1, 3000, date(2026, 1, 20), TODAY)
        assert derived_mismatches(db) == []
        with db.engine.begin() as conn:
            conn.exec_driver_sql("UPDATE installments SET paid_fee = paid_fee + 1 WHERE id = 1")
            conn.exec_driver_sql("UPDATE plans SET remaining = remaining - 1")
        problems = derived_mismatches(db)
    assert len(problems) == 2 and problems[0].startswith("plan 1: remaining is")
    assert problems[1].startswith("plan 1 period 1: paid")


@pytest.mark.parametrize("stale_rev", [0])
def test_stale_plans_are_refreshed_on_open(tmp_path: Path, stale_rev: int) -> None:
    path = tmp_path / "s.sqlite3"
    with open_database(path) as db:
        sv.add_plan(db, sv.PlanInput(name="花呗", terms=_terms(5)))
        sv.record_payment(db, 1, 2000, date(2026, 1, 10), TODAY)
        with db.engine.begin() as conn:
            conn.exec_driver_sql(
                f"UPDATE plans SET derived_rev = {stale_rev}, remaining = 0, next_due = NULL"
            )
            conn.exec_driver_sql("UPDATE installments SET paid_principal = 0, paid_fee = 0")
    with open_database(path) as db:
        assert derived_mismatches(db) == []


def test_a_release_0001_file_gets_its_derived_columns_on_open(tmp_path: Path) -> None:
    v1 = Path(__file__).resolve().parents[1] / "storage" / "data" / "v1.sqlite3"
    path = tmp_path / "tracker.sqlite3"
    path.write_bytes(v1.read_bytes())
    with open_database(path) as db:
        assert derived_mismatches(db) == []
        [xiaomi] = [p for p in sv.list_plans(db, date(2024, 5, 1)) if p.id == 1]
    # 3600.00 at 0.6% over 12, three payments of 321.60 live (one voided): 9 periods left.
    assert (xiaomi.periods_paid, xiaomi.remaining, xiaomi.next_due) == (
        3,
        9 * 32160,
        date(2024, 4, 30),
    )

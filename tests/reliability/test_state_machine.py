"""A Hypothesis state machine over the services on a real SQLite file: add plan, pay, void, edit,
pay off, delete, undo and import, in any order. After every step the audit holds (integrity,
foreign keys, every stored total equal to a replay of the ledger) and a simple model of each
plan's payment counts (live, voided, closed) matches the file.
"""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    Bundle,
    RuleBasedStateMachine,
    consumes,
    invariant,
    precondition,
    rule,
)

from tests.reliability.ledgers import new_ledger, payments_csv
from tracker import services as sv
from tracker.domain import Model, PlanTerms
from tracker.services.audit import audit
from tracker.services.transfer import import_file
from tracker.storage.engine import open_database

pytestmark = pytest.mark.slow

AS_OF = date(2024, 6, 1)
PAID_ON = date(2024, 5, 1)
MODELS = [
    (Model.INTEREST_FREE, Decimal(0)),
    (Model.FLAT, Decimal("0.006")),
    (Model.ANNUITY, Decimal("0.12")),
    (Model.EQUAL_PRINCIPAL, Decimal("0.049")),
]


@dataclass(frozen=True)
class Counts:
    live: int = 0  # payments not voided
    voided: int = 0
    closed: bool = False


class LedgerMachine(RuleBasedStateMachine):
    plans = Bundle("plans")

    def __init__(self) -> None:
        super().__init__()
        self.folder = Path(tempfile.mkdtemp(prefix="tracker-sm-"))
        path = self.folder / "sm.sqlite3"
        new_ledger(path, plans=0)
        self.db = open_database(path)
        self.model: dict[int, Counts] = {}
        self.payments: dict[int, list[tuple[int, bool]]] = {}  # plan -> [(payment id, payoff)]
        self.undo: list[tuple[int, sv.PlanSnapshot, Counts, list[tuple[int, bool]]]] = []
        self.n = 0

    def teardown(self) -> None:
        self.db.close()
        shutil.rmtree(self.folder, ignore_errors=True)

    def _remember(self, plan_id: int) -> None:
        """Capture the plan before a change, as the GUI does for undo."""
        snap = sv.snapshot_plan(self.db, plan_id)
        self.undo.append((plan_id, snap, self.model[plan_id], list(self.payments[plan_id])))

    @rule(
        target=plans,
        kind=st.sampled_from(range(len(MODELS))),
        yuan=st.integers(1_000, 50_000),
        periods=st.sampled_from([3, 6, 12]),
    )
    def add_plan(self, kind: int, yuan: int, periods: int) -> int:
        model, rate = MODELS[kind]
        terms = PlanTerms(model, yuan * 100, periods, date(2024, 1, 31), rate)
        change = sv.add_plan(self.db, sv.PlanInput(f"plan {yuan}", terms), AS_OF, 0)
        assert change.created_id is not None
        self.model[change.created_id] = Counts()
        self.payments[change.created_id] = []
        return change.created_id

    @rule(plan=plans, fen=st.integers(1, 50_00))
    def pay(self, plan: int, fen: int) -> None:
        if plan not in self.model:
            return
        self._remember(plan)
        counts = self.model[plan]
        self.n += 1
        try:
            change = sv.record_payment(self.db, plan, fen, PAID_ON, AS_OF, "m", f"p{self.n}")
        except sv.ServiceError as exc:
            self.undo.pop()
            assert counts.closed, exc  # only a closed plan refuses a small payment
            return
        assert not counts.closed
        assert change.created_id is not None
        self.payments[plan].append((change.created_id, False))
        self.model[plan] = replace(counts, live=counts.live + 1)

    @rule(plan=plans, pick=st.integers(0, 50))
    def void(self, plan: int, pick: int) -> None:
        live = self.payments.get(plan, [])
        if not live:
            return
        self._remember(plan)
        payment_id, payoff = live.pop(pick % len(live))
        sv.void_payment(self.db, payment_id, AS_OF)
        counts = self.model[plan]
        closed = counts.closed and not payoff
        self.model[plan] = Counts(counts.live - 1, counts.voided + 1, closed)

    @rule(plan=plans, name=st.text(min_size=1, max_size=30).filter(lambda s: s.strip()))
    def edit(self, plan: int, name: str) -> None:
        if plan not in self.model:
            return
        detail = sv.plan_detail(self.db, plan, AS_OF)
        data = replace(detail.input, name=name)
        self._remember(plan)
        try:
            sv.edit_plan(self.db, plan, data, AS_OF)
        except sv.ServiceError as exc:  # text the app refuses (control characters, …)
            self.undo.pop()
            assert any(ord(c) < 32 or c == "\x7f" or 0xD800 <= ord(c) <= 0xDFFF for c in name), exc
            return
        assert sv.plan_detail(self.db, plan, AS_OF).input.name == name.strip()

    @rule(plan=plans)
    def payoff(self, plan: int) -> None:
        if plan not in self.model or self.model[plan].closed:
            return
        self._remember(plan)
        change, _quote = sv.pay_off(self.db, plan, PAID_ON, AS_OF, "m", "payoff")
        assert change.created_id is not None
        self.payments[plan].append((change.created_id, True))
        counts = self.model[plan]
        self.model[plan] = replace(counts, live=counts.live + 1, closed=True)

    @rule(plan=consumes(plans))
    def delete(self, plan: int) -> None:
        if plan not in self.model:
            return
        self._remember(plan)
        sv.delete_plan(self.db, plan)
        del self.model[plan]
        del self.payments[plan]

    @precondition(lambda self: bool(self.undo))
    @rule()
    def undo_last(self) -> None:
        plan, snap, counts, payments = self.undo.pop()
        sv.restore_plan(self.db, snap)
        self.model[plan] = counts
        self.payments[plan] = payments
        # an undo entry taken after this one for the same plan no longer applies
        self.undo = [u for u in self.undo if u[0] != plan]

    @rule(plan=plans, rows=st.integers(1, 5))
    def import_payments(self, plan: int, rows: int) -> None:
        if plan not in self.model:
            return
        counts = self.model[plan]
        self.n += 1
        notes = [f"i{self.n}-{k}" for k in range(rows)]
        data = payments_csv(plan, notes)
        try:
            _change, report = import_file(self.db, data, AS_OF)
        except sv.ServiceError as exc:
            assert counts.closed, exc
            return
        assert not counts.closed
        self.payments[plan].extend((p.id, False) for p in report.payments)
        self.model[plan] = replace(counts, live=counts.live + rows)
        self.undo = [u for u in self.undo if u[0] != plan]  # an import is not undone here

    @invariant()
    def audit_holds_and_counts_match(self) -> None:
        report = audit(self.db)
        assert report.ok, (report.integrity, report.foreign_keys, report.mismatches)
        assert report.plans == len(self.model)
        with self.db.read_session() as s:
            rows = s.connection().exec_driver_sql(
                "SELECT plan_id, voided, count(*) FROM payments GROUP BY plan_id, voided"
            )
            found: dict[int, list[int]] = {}
            for plan_id, voided, n in rows:
                found.setdefault(plan_id, [0, 0])[1 if voided else 0] = n
            closed = dict(
                s.connection().exec_driver_sql("SELECT id, closed_on IS NOT NULL FROM plans").all()
            )
        want = {p: [c.live, c.voided] for p, c in self.model.items() if c.live or c.voided}
        assert found == want
        assert {p: bool(c) for p, c in closed.items()} == {
            p: c.closed for p, c in self.model.items()
        }


LedgerMachine.TestCase.settings = settings(
    max_examples=15,
    stateful_step_count=15,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
test_ledger_state_machine = LedgerMachine.TestCase

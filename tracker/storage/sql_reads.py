"""Reads in plain SQL over the stdlib ``sqlite3`` connection: what is due, without SQLAlchemy.

The same functions serve both paths: the start-up read path (``storage.quick_open``: ``tracker
due`` on an up-to-date file never imports SQLAlchemy) and the services (``services.payments.due``
passes its read session's own DB-API connection, inside that session's snapshot). So there is
one query and one meaning of ``remaining`` and ``penalty`` for each row.

Rows come back as named tuples whose columns are converted as the ORM types do
(``storage.columns``): ISO dates to ``date``, 0/1 flags to ``bool``, decimal text to ``Decimal``.
Installment states are built as ``services.reads.states`` builds them: from what was settled at
write time, and only a plan whose state depends on the date beyond that (``needs_replay``) is
replayed by the domain ledger.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict, namedtuple
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import lru_cache
from operator import attrgetter
from typing import Any

from tracker.domain.dates import days_after
from tracker.domain.ledger import (
    InstallmentState,
    LedgerRules,
    Payment,
    Settlement,
    Status,
    evaluate,
    needs_replay,
    settled_state,
    state_from_settlements,
)
from tracker.domain.plan import Charge, Installment, Model
from tracker.domain.rows import InstallmentRow, PaymentRow

__all__ = [
    "ALL_PLANS",
    "ATTENTION",
    "NOT_ARCHIVED",
    "OPEN_PLANS",
    "PAYMENT_ORDER",
    "PLAN_NAMES",
    "ROW_PLAN_NAMES",
    "PlanStates",
    "due_rows",
    "installment_rows",
    "needs_attention",
    "payment_filter",
    "payment_row",
    "payment_rows",
    "plan_exists",
    "plan_states",
    "plans_by_id",
    "query",
    "replayed_states",
    "rules_of",
    "rules_of_row",
    "unsettled_rows",
]

PLAN_NAMES = (
    "id",
    "name",
    "platform",
    "notes",
    "currency",
    "model",
    "principal",
    "periods",
    "archived",
    "closed_on",
    "grace_days",
    "tolerance",
    "penalty_daily_rate",
    "remaining",
    "paid_periods",
    "next_due",
    "next_amount",
    "last_paid_on",
    "total_fee",
    "total_cost",
    "per_period",
    "apr",
    "account_id",
    "schedule_periods",
)
"""What lists read of a plan (``services.reads.PLAN_COLUMNS``, the same names)."""


def _plan_sql(names: Sequence[str]) -> str:
    return ", ".join(f"p.{n}" for n in names)


ROW_PLAN_NAMES = (
    "id",
    "name",
    "platform",
    "currency",
    "model",
    "grace_days",
    "tolerance",
    "penalty_daily_rate",
    "last_paid_on",
    "schedule_periods",
)
"""The plan columns that installment rows (``installment_rows``) and the overdue rules
(``rules_of_row``, ``needs_replay``) read: what ``due_rows`` and the overview need of a plan."""
_INST_SQL = (
    "i.plan_id, i.period, i.due_date, i.principal, i.fee, i.principal + i.fee AS total, "
    "i.paid_principal, i.paid_fee, i.paid_penalty, i.settled_on"
)
OPEN_PLANS = "p.archived = 0 AND p.closed_on IS NULL"
NOT_ARCHIVED = "p.archived = 0"
ALL_PLANS = "1 = 1"
UNSETTLED = "i.paid_principal + i.paid_fee < i.principal + i.fee"
"""Installments with principal or fee unpaid (the partial index ``ix_installments_open``)."""
_DUE_SQL = (
    "SELECT i.plan_id, i.period, i.due_date, i.principal, i.fee, i.principal + i.fee AS total, "
    f"i.paid_principal, i.paid_fee, i.paid_penalty, {_plan_sql(ROW_PLAN_NAMES)} "
    "FROM installments i INDEXED BY ix_installments_open_due_date JOIN plans p ON p.id = i.plan_id "
    f"WHERE {OPEN_PLANS} AND {UNSETTLED} AND i.due_date <= ?"
)
"""``due_rows``'s installments (unsettled, of open plans, due by a date) with their plans'
``ROW_PLAN_NAMES``: through the partial index of unsettled due dates, in its order (by date;
``due_rows`` sorts what it keeps)."""

_DATES = frozenset({"closed_on", "next_due", "last_paid_on", "due_date", "settled_on", "date"})
_BOOLS = frozenset({"archived", "voided"})
_DECIMALS = frozenset({"penalty_daily_rate", "apr"})
_CHUNK = 500  # ids per query (well under SQLite's bound-parameter limit)


def _typed(name: str, value: str) -> str:
    """The expression converting column ``value`` (source text) to the ORM type of ``name``."""
    if name in _DATES:
        return f"None if {value} is None else _fromiso({value})"
    if name in _BOOLS:
        return f"None if {value} is None else bool({value})"
    if name in _DECIMALS:
        return f"None if {value} is None else _Decimal({value})"
    return value


_ROW_TYPES: dict[tuple[str, ...], Callable[[Iterable[Any]], Iterator[Any]]] = {}


def _row_reader(names: tuple[str, ...]) -> Callable[[Iterable[Any]], Iterator[Any]]:
    """A generator of the named tuples of a cursor with these columns, typed (``_typed``):
    one compiled expression per row, as ``namedtuple`` compiles its own class (a loop over
    converters per cell cost a third of a 10,000-plan list)."""
    cls = namedtuple("SqlRow", names)  # type: ignore[misc]
    if all(_typed(n, "v") == "v" for n in names):
        make = cls._make
        return lambda cur: map(make, cur)
    cells = ", ".join(_typed(n, f"r[{i}]") for i, n in enumerate(names))
    source = f"def rows(cur):\n    for r in cur:\n        yield _new(_cls, ({cells},))\n"
    scope: dict[str, Any] = {
        "_new": tuple.__new__,
        "_cls": cls,
        "_fromiso": date.fromisoformat,
        "_Decimal": Decimal,
    }
    exec(source, scope)  # built above from column positions and fixed expressions only
    reader: Callable[[Iterable[Any]], Iterator[Any]] = scope["rows"]
    return reader


def query(con: sqlite3.Connection, sql: str, params: Sequence[Any] = ()) -> Iterator[Any]:
    """The rows of ``sql`` as named tuples (attribute per column), columns typed as the ORM's."""
    cur = con.execute(sql, params)
    names = tuple(d[0] for d in cur.description)
    reader = _ROW_TYPES.get(names)
    if reader is None:
        reader = _ROW_TYPES[names] = _row_reader(names)
    return reader(cur)


@dataclass(frozen=True, slots=True)
class PlanStates:
    """One plan's row (``PLAN_NAMES``) and the states of its installments asked for.

    ``complete``: the plan was replayed, so ``installments`` holds every installment (those
    kept by the caller's test), and ledger totals must come from them, not the stored ones.
    """

    plan: Any
    installments: tuple[InstallmentState, ...]
    complete: bool = False


def rules_of_row(row: Any, reminder_days: int = 7) -> LedgerRules:
    """A plan's overdue rules from a row with grace, tolerance and penalty rate."""
    return rules_of(row.grace_days, row.tolerance, row.penalty_daily_rate, reminder_days)


@lru_cache(maxsize=1024)  # plans of one lender share their rules: one object for all of them
def rules_of(grace_days: int, tolerance: int, rate: Any, reminder_days: int = 7) -> LedgerRules:
    """A plan's overdue rules from its stored columns (the rate as ``Decimal`` or its text)."""
    return LedgerRules(
        grace_days=grace_days,
        tolerance=tolerance,
        penalty_daily_rate=Decimal(rate),
        reminder_days=reminder_days,
    )


def _chunks(ids: Sequence[int]) -> Iterable[Sequence[int]]:
    for start in range(0, len(ids), _CHUNK):
        yield ids[start : start + _CHUNK]


def _marks(n: int) -> str:
    return ", ".join("?" * n)


def _replay(
    con: sqlite3.Connection, ids: Sequence[int], rules: dict[int, LedgerRules], as_of: date
) -> dict[int, tuple[InstallmentState, ...]]:
    """Full ledger replays of a few plans: every installment and live payment, as of ``as_of``."""
    out: dict[int, tuple[InstallmentState, ...]] = {}
    for chunk in _chunks(sorted(ids)):
        items: dict[int, list[Installment]] = defaultdict(list)
        for r in query(
            con,
            "SELECT plan_id, period, due_date, principal, fee FROM installments "
            f"WHERE plan_id IN ({_marks(len(chunk))}) ORDER BY plan_id, period",
            chunk,
        ):
            items[r.plan_id].append(Installment(r.period, r.due_date, r.principal, r.fee))
        paid: dict[int, list[Payment]] = defaultdict(list)
        for p in query(
            con,
            "SELECT plan_id, id, date, amount FROM payments "
            f"WHERE plan_id IN ({_marks(len(chunk))}) AND voided = 0 "
            "ORDER BY plan_id, date, id",
            chunk,
        ):
            paid[p.plan_id].append(Payment(p.date, p.amount, p.id))
        for pid in chunk:
            out[pid] = evaluate(items[pid], paid[pid], rules[pid], as_of).installments
    return out


def unsettled_rows(
    con: sqlite3.Connection, plan_where: str, horizon: date | None
) -> dict[int, list[Any]]:
    """The unsettled installments (due by ``horizon``, unless None) of the plans matching
    ``plan_where``, by plan id, in period order (``plan_states``)."""
    found: dict[int, list[Any]] = defaultdict(list)
    by_date = "" if horizon is None else " AND i.due_date <= ?"
    # by a date: through the partial index of unsettled due dates (SQLite would rather walk
    # every installment in plan order for the ORDER BY: 27 vs 10 ms for 10,000 plans)
    index = "" if horizon is None else " INDEXED BY ix_installments_open_due_date"
    for r in query(
        con,
        f"SELECT {_INST_SQL} FROM installments i{index} JOIN plans p ON p.id = i.plan_id "
        f"WHERE {plan_where} AND {UNSETTLED}{by_date} ORDER BY i.plan_id, i.period",
        () if horizon is None else (horizon.isoformat(),),
    ):
        found[r.plan_id].append(r)
    return found


def _plans(
    con: sqlite3.Connection,
    found: dict[int, list[Any]],
    plan_where: str,
    as_of: date,
    every_plan: bool,
    plan_names: Sequence[str],
) -> list[Any]:
    """The rows (``plan_names``) by id of the plans matching ``plan_where``: every one, or
    those with installments in ``found`` or a payment dated after ``as_of``."""
    plan_sql = _plan_sql(plan_names)
    if every_plan:
        return list(query(con, f"SELECT {plan_sql} FROM plans p WHERE {plan_where} ORDER BY p.id"))
    later = con.execute(
        f"SELECT p.id FROM plans p WHERE {plan_where} AND p.last_paid_on > ?",
        (as_of.isoformat(),),
    )
    return plans_by_id(con, sorted(set(found) | {pid for (pid,) in later}), plan_names)


def plans_by_id(
    con: sqlite3.Connection, ids: Sequence[int], plan_names: Sequence[str] = PLAN_NAMES
) -> list[Any]:
    """The rows (``plan_names``) of the plans ``ids`` (ascending), in that order."""
    plan_sql = _plan_sql(plan_names)
    return [
        p
        for chunk in _chunks(ids)
        for p in query(
            con,
            f"SELECT {plan_sql} FROM plans p WHERE p.id IN ({_marks(len(chunk))}) ORDER BY p.id",
            chunk,
        )
    ]


def replayed_states(
    con: sqlite3.Connection, ids: Sequence[int], as_of: date, reminder_days: int
) -> list[PlanStates]:
    """The plans ``ids`` (ascending) replayed whole as of ``as_of`` by the domain ledger: every
    installment's state (``complete``), with the plan's ``PLAN_NAMES`` row."""
    plans = plans_by_id(con, ids)
    rules = _RulesOf({p.id: p for p in plans}, reminder_days)
    replayed = _replay(con, ids, rules, as_of)
    return [PlanStates(p, replayed[p.id], complete=True) for p in plans]


def plan_states(
    con: sqlite3.Connection,
    as_of: date,
    reminder_days: int,
    horizon: date | None,
    plan_where: str = OPEN_PLANS,
    every_plan: bool = False,
    keep: Callable[[InstallmentState], bool] = lambda _st: True,
    plan_names: Sequence[str] = PLAN_NAMES,
) -> list[PlanStates]:
    """The states as of ``as_of`` of the installments unsettled (and due by ``horizon``, unless
    None) of the plans matching ``plan_where`` (SQL over ``p``: ``OPEN_PLANS``,
    ``NOT_ARCHIVED``, ``ALL_PLANS``), plan by plan (by id): only plans with such installments
    unless ``every_plan``. A plan whose payments go past ``as_of`` (or that needs its penalty
    as of the date) is replayed whole, keeping the installments that pass ``keep`` (the same
    test in Python), so what it had not settled is not missed. Each plan's row has the
    columns ``plan_names`` (``PLAN_NAMES``; at least ``ROW_PLAN_NAMES``).
    """
    found = unsettled_rows(con, plan_where, horizon)
    plans = _plans(con, found, plan_where, as_of, every_plan, plan_names)
    rules = _RulesOf({p.id: p for p in plans}, reminder_days)
    return assemble_states(
        plans, found, rules, as_of, lambda ids: _replay(con, ids, rules, as_of), every_plan, keep
    )


class _RulesOf(dict[int, LedgerRules]):
    """Each plan's ``rules_of_row``, made on first use: most plans of a list have no row to
    judge, and ``assemble_states`` asks only for those that do."""

    def __init__(self, plans: dict[int, Any], reminder_days: int) -> None:
        super().__init__()
        self.plans = plans
        self.reminder_days = reminder_days

    def __missing__(self, plan_id: int) -> LedgerRules:
        made = self[plan_id] = rules_of_row(self.plans[plan_id], self.reminder_days)
        return made


def assemble_states(
    plans: Sequence[Any],
    found: dict[int, list[Any]],
    rules: dict[int, LedgerRules],
    as_of: date,
    replay: Callable[[Sequence[int]], dict[int, tuple[InstallmentState, ...]]],
    every_plan: bool = False,
    keep: Callable[[InstallmentState], bool] = lambda _st: True,
) -> list[PlanStates]:
    """Each plan's states from its stored rows (``found``: installment rows with their paid
    columns, by plan id), or, where the stored columns cannot tell (``needs_replay``), from
    ``replay`` of the whole ledger, keeping the replayed installments that pass ``keep``. By
    plan id; plans with nothing to show are left out unless ``every_plan``. The one place the
    stdlib path and the services' Core path (``services.reads.states``) share."""
    out: dict[int, PlanStates] = {}
    slow: list[int] = []
    for plan in plans:
        rows = found.get(plan.id)
        if not rows:  # needs_replay of no rows: only when a payment is dated after as_of
            if plan.last_paid_on is not None and as_of < plan.last_paid_on:
                slow.append(plan.id)
            elif every_plan:
                out[plan.id] = PlanStates(plan, ())
            continue
        items = [Installment(r.period, r.due_date, r.principal, r.fee) for r in rows]
        settled = [
            Settlement(r.period, r.paid_principal, r.paid_fee, r.paid_penalty, r.settled_on)
            for r in rows
        ]
        if needs_replay(items, settled, rules[plan.id], as_of, plan.last_paid_on):
            slow.append(plan.id)
        else:
            got = state_from_settlements(items, settled, rules[plan.id], as_of).installments
            out[plan.id] = PlanStates(plan, got)
    by_id = {p.id: p for p in plans}
    for pid, replayed in replay(slow).items():
        kept = tuple(st for st in replayed if keep(st))
        if kept or every_plan:
            out[pid] = PlanStates(by_id[pid], kept, complete=True)
    return [out[pid] for pid in sorted(out)]


def installment_rows(ps: PlanStates, periods: int | None = None) -> list[InstallmentRow]:
    """The rows of the installments in ``ps`` (``periods``: how many the plan has; by default
    its stored schedule's number, ``schedule_periods``)."""
    p = ps.plan
    charge = Model(p.model).charge
    count = p.schedule_periods if periods is None else periods
    return [
        InstallmentRow.of(st, p.id, p.name, p.currency, count, p.platform, charge)
        for st in ps.installments
    ]


ATTENTION = (Status.OVERDUE, Status.GRACE, Status.DUE_TODAY, Status.DUE_SOON)


def needs_attention(row: InstallmentRow, horizon: date) -> bool:
    """Overdue, in grace, due today or due by ``horizon``, with something still owed: a row of
    ``due`` and of the overview's attention list."""
    return row.status in ATTENTION and row.amount_due > 0 and row.due_date <= horizon


def due_rows(con: sqlite3.Connection, as_of: date, within: int) -> list[InstallmentRow]:
    """Unpaid installments overdue, in grace, or due within ``within`` days (>= 0) of
    ``as_of``, oldest first: ``tracker due`` and ``services.due``. Run it inside one read
    transaction (one snapshot)."""
    horizon = days_after(as_of, within)
    found: dict[int, list[Any]] = defaultdict(list)
    for r in query(con, _DUE_SQL, (horizon.isoformat(),)):
        found[r.plan_id].append(r)  # each row carries its plan's columns: one query
    later = _plans(con, {}, OPEN_PLANS, as_of, False, ROW_PLAN_NAMES)
    by_id = {p.id: p for p in later} | {pid: rows[0] for pid, rows in found.items()}
    rules = _RulesOf(by_id, within)
    items: list[InstallmentRow] = []
    slow = [p.id for p in later if p.id not in found]  # only a payment after as_of: replayed
    charges: dict[str, Charge] = {}
    for pid, rows in found.items():
        plan = rows[0]
        got = rules[pid]
        if needs_replay(rows, rows, got, as_of, plan.last_paid_on):  # rows have both shapes
            slow.append(pid)
            continue
        charge = charges.get(plan.model)
        if charge is None:
            charge = charges[plan.model] = Model(plan.model).charge
        # each row as state_from_settlements and InstallmentRow.of give it, without the
        # per-plan state objects (3,863 rows of 2,761 plans at 10,000 plans)
        for r in rows:
            penalty, status, days = settled_state(
                r.due_date, r.total, r.paid_principal, r.paid_fee, r.paid_penalty, got, as_of
            )
            if status in ATTENTION:  # every row read is unsettled and due by the horizon
                items.append(
                    InstallmentRow(
                        plan.id,
                        plan.name,
                        plan.currency,
                        r.period,
                        plan.schedule_periods,
                        r.due_date,
                        r.principal,
                        r.fee,
                        r.paid_principal + r.paid_fee + r.paid_penalty,
                        r.paid_penalty,
                        penalty - r.paid_penalty,
                        status,
                        days,
                        plan.platform,
                        charge,
                    )
                )
    for pid, states in _replay(con, slow, rules, as_of).items():
        replayed = installment_rows(PlanStates(by_id[pid], states, complete=True))
        items.extend(row for row in replayed if needs_attention(row, horizon))
    items.sort(key=_DUE_ORDER)
    return items


_DUE_ORDER = attrgetter("due_date", "plan_id", "period")

PAYMENT_ROWS_SQL = (
    "SELECT pm.id, pm.plan_id, p.name AS plan_name, p.currency, pm.date, pm.amount, "
    "pm.method, pm.note, pm.voided, pm.kind, pm.bill_payment_id, pm.prepay "
    "FROM payments pm JOIN plans p ON p.id = pm.plan_id"
)
"""Every payment's history columns with its plan's name and currency (``payment_row``)."""


def plan_exists(con: sqlite3.Connection, plan_id: int) -> bool:
    """Whether a plan with this id is stored (an id SQLite cannot hold is not)."""
    if not 1 <= plan_id < 2**63:
        return False
    return con.execute("SELECT 1 FROM plans WHERE id = ?", (plan_id,)).fetchone() is not None


def payment_rows(
    con: sqlite3.Connection,
    plan_id: int | None = None,
    date_from: date | None = None,
    date_to: date | None = None,
) -> Iterator[Any]:
    """Each payment (``PAYMENT_ROWS_SQL``'s columns, in that order) by date then id, of one plan
    or all, within the dates given; streamed from the cursor while it is iterated."""
    where, params = payment_filter(plan_id, date_from, date_to)
    return query(con, f"{PAYMENT_ROWS_SQL}{where} {PAYMENT_ORDER}", params)


PAYMENT_ORDER = "ORDER BY pm.date, pm.id"
"""The history's order (``payment_rows``)."""


def payment_filter(
    plan_id: int | None = None, date_from: date | None = None, date_to: date | None = None
) -> tuple[str, list[Any]]:
    """The WHERE clause (over ``pm``, the payments; "" for all) and its parameters of one
    plan's payments or all, within the dates given."""
    where: list[str] = []
    params: list[Any] = []
    if plan_id is not None:
        where.append("pm.plan_id = ?")
        params.append(plan_id)
    if date_from is not None:
        where.append("pm.date >= ?")
        params.append(date_from.isoformat())
    if date_to is not None:
        where.append("pm.date <= ?")
        params.append(date_to.isoformat())
    return (" WHERE " + " AND ".join(where) if where else ""), params


def payment_row(r: Any) -> PaymentRow:
    """The history row of a ``payment_rows`` row."""
    return PaymentRow(
        id=r.id,
        plan_id=r.plan_id,
        plan_name=r.plan_name,
        currency=r.currency,
        date=r.date,
        amount=r.amount,
        method=r.method,
        note=r.note,
        voided=bool(r.voided),
        kind=r.kind,
        bill_payment_id=r.bill_payment_id,
        prepay=r.prepay or "",
    )

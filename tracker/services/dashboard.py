"""The overview query: everything the home screen shows, read in one transaction.

``dashboard(db, as_of)`` returns the four cards (total still owed, due in the next 30 days,
overdue, next payment), the "needs attention" list (overdue, in grace, due today or soon) and
every open plan's installment states, from which ``tracker.reports.series`` computes the charts.
Open plans are the ones neither archived nor paid off, as in ``services.due``.
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from datetime import date
from typing import Protocol, TypeVar

from tracker.domain.dates import days_after
from tracker.domain.ledger import Status
from tracker.domain.rows import InstallmentRow
from tracker.storage import sql_reads
from tracker.storage.sql_reads import OPEN_PLANS

T = TypeVar("T")


class Source(Protocol):
    """Where the overview reads: a ``Database`` or the start-up path's ``ReadConnection``
    (``storage.quick_open``), so the first fill needs no SQLAlchemy. Each runs ``read`` on a
    stdlib ``sqlite3`` connection inside one read transaction."""

    def run(self, read: Callable[..., T]) -> T: ...  # pragma: no cover - a protocol


__all__ = [
    "DUE_WINDOW_DAYS",
    "Cards",
    "Dashboard",
    "PlanRows",
    "PlanTotals",
    "dashboard",
    "dashboard_first",
    "dashboard_update",
]

DUE_WINDOW_DAYS = 30
"""The "due in the next N days" card's window."""

MAX_UPDATE_PLANS = 200
"""``dashboard_update`` re-reads at most this many plans; more changed ones: a full read."""


@dataclass(frozen=True, slots=True)
class PlanTotals:
    """One plan's part of the cards, summed once when its rows are read (a payment re-reads
    one plan: the cards then add up a few hundred of these, not every installment again).

    Attributes:
        owed / soon / soon_count / late_count / late_amount / late_penalty: as ``Cards``.
        first: its next installment due on or after the date (the lowest period that day).
        first_count: how many of its installments fall due that day.
    """

    owed: int = 0
    soon: int = 0
    soon_count: int = 0
    late_count: int = 0
    late_amount: int = 0
    late_penalty: int = 0
    first: InstallmentRow | None = None
    first_count: int = 0


@dataclass(frozen=True, slots=True)
class PlanRows:
    """One open plan and the row of each of its installments as of the dashboard's date.

    Attributes:
        plan_id: the plan's id.
        name: what the user calls it.
        platform: the lender or platform.
        currency: ISO 4217 code of its amounts.
        installments: the row of every installment still owed on, in period order.
        totals: its part of the cards.
        attention: its rows of the attention list.
    """

    plan_id: int
    name: str
    platform: str
    currency: str
    installments: tuple[InstallmentRow, ...]
    totals: PlanTotals = field(default=PlanTotals(), compare=False, repr=False)
    attention: tuple[InstallmentRow, ...] = field(default=(), compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class Cards:
    """The four summary cards, in minor units of ``currency``.

    Attributes:
        currency: the currency of every amount below (plans in other currencies are left out
            and counted in ``other_currency_plans``).
        total_owed: everything still owed on open plans (unpaid principal, fees, penalty).
        due_soon_amount: owed on installments due from as_of to as_of + 30 days.
        due_soon_count: how many installments that is.
        overdue_count: installments overdue (past due and past their grace days).
        overdue_plans: how many plans they belong to.
        overdue_amount: what those installments still ask for, penalty included.
        overdue_penalty: the accrued penalty in ``overdue_amount``.
        next_due: the next due date on or after as_of, or None.
        next_amount: what that installment asks for.
        next_plan_id / next_plan_name: whose installment it is.
        next_more: how many other installments fall on the same day.
        other_currency_plans: open plans not in ``currency``.
    """

    currency: str
    total_owed: int = 0
    due_soon_amount: int = 0
    due_soon_count: int = 0
    overdue_count: int = 0
    overdue_plans: int = 0
    overdue_amount: int = 0
    overdue_penalty: int = 0
    next_due: date | None = None
    next_amount: int = 0
    next_plan_id: int | None = None
    next_plan_name: str = ""
    next_more: int = 0
    other_currency_plans: int = 0


@dataclass(frozen=True, slots=True)
class Dashboard:
    """What the overview shows, as of a date.

    Attributes:
        as_of: the date everything was evaluated on.
        plan_count: every stored plan, archived and paid-off ones included (0 = first run).
        cards: the summary cards.
        due: installments needing attention, oldest first (as ``services.due``).
        plans: the open plans in ``cards.currency`` with their installment states, by id.
        reminder_days / preferred: the arguments it was read with (for ``dashboard_update``).
        open_plans: every open plan's rows, in any currency, by id (for ``dashboard_update``).
    """

    as_of: date
    plan_count: int
    cards: Cards
    due: tuple[InstallmentRow, ...]
    plans: tuple[PlanRows, ...]
    reminder_days: int = field(default=7, compare=False)
    preferred: str = field(default="CNY", compare=False)
    open_plans: tuple[PlanRows, ...] = field(default=(), compare=False, repr=False)
    complete: bool = field(default=True, compare=False)
    """False for ``dashboard_first``: the cards and ``due`` are exact, but ``plans`` holds only
    the installments due by its horizon (not enough for the charts or an update)."""

    @property
    def empty(self) -> bool:
        """Whether no plan has ever been stored (the first-run screen)."""
        return self.plan_count == 0


def _main_currency(currencies: list[str], preferred: str) -> str:
    if not currencies or preferred in currencies:
        return preferred
    counts = Counter(currencies)
    return max(counts, key=lambda c: (counts[c], c == "CNY"))


def dashboard(db: Source, as_of: date, reminder_days: int = 7, currency: str = "CNY") -> Dashboard:
    """The overview as of ``as_of``; ``currency`` is preferred for the totals when in use."""
    _check_window(reminder_days)

    def read(con: sqlite3.Connection) -> tuple[int, list[PlanRows]]:
        return _plan_count(con), _plan_rows(con, as_of, reminder_days, OPEN_PLANS)

    plan_count, plans = db.run(read)
    return _assemble(as_of, plan_count, plans, reminder_days, currency)


def dashboard_first(
    db: Source, as_of: date, reminder_days: int = 7, currency: str = "CNY"
) -> Dashboard:
    """The cards and the attention list of ``dashboard(db, as_of, reminder_days, currency)``,
    read for the first paint: the states of the installments due within the cards' and the
    list's windows only, and of the later ones, which nothing is late or due on, just their
    sum per plan in SQL (a tenth of the rows of a ledger kept for years). The result is
    ``complete=False``: read the whole ``dashboard`` for the charts. When nothing at all falls
    due within the window (the next payment is further off), it is the whole dashboard."""
    _check_window(reminder_days)
    horizon = days_after(as_of, max(DUE_WINDOW_DAYS, reminder_days))

    def read(con: sqlite3.Connection) -> tuple[int, list[PlanRows], dict[int, int]]:
        found = sql_reads.plan_states(
            con,
            as_of,
            reminder_days,
            horizon,
            OPEN_PLANS,
            every_plan=True,
            keep=lambda st: st.amount_due > 0,
            plan_names=sql_reads.ROW_PLAN_NAMES,
        )
        later = {
            pid: owed
            for pid, owed in con.execute(
                "SELECT i.plan_id, sum(i.principal + i.fee - i.paid_principal - i.paid_fee) "
                f"FROM installments i JOIN plans p ON p.id = i.plan_id WHERE {OPEN_PLANS} "
                f"AND {sql_reads.UNSETTLED} AND i.due_date > ? GROUP BY i.plan_id",
                (horizon.isoformat(),),
            )
        }
        for ps in found:  # a replayed plan's rows are all there already
            if ps.complete:
                later.pop(ps.plan.id, None)
        rows = [_plan_row(ps, as_of, reminder_days) for ps in found]
        return _plan_count(con), rows, later

    plan_count, plans, later = db.run(read)
    first = _assemble(as_of, plan_count, plans, reminder_days, currency, later)
    if first.cards.next_due is None and any(later.values()):
        return dashboard(db, as_of, reminder_days, currency)  # the next payment is far off
    return first


def dashboard_update(
    db: Source,
    previous: Dashboard,
    plan_ids: Collection[int],
    as_of: date,
    reminder_days: int = 7,
    currency: str = "CNY",
) -> Dashboard:
    """``dashboard(db, as_of, reminder_days, currency)`` after a change to ``plan_ids`` only,
    ``previous`` being the dashboard read before it: only those plans' rows are read again and
    spliced into the others'. With other arguments than ``previous`` was read with, no plan
    named, or many, it is a full ``dashboard``."""
    if (
        not plan_ids
        or not previous.complete
        or len(plan_ids) > MAX_UPDATE_PLANS
        or previous.as_of != as_of
        or previous.reminder_days != reminder_days
        or previous.preferred != currency
    ):
        return dashboard(db, as_of, reminder_days, currency)
    _check_window(reminder_days)
    ids = sorted({int(pid) for pid in plan_ids})  # ints: written into the SQL below
    where = f"{OPEN_PLANS} AND p.id IN ({', '.join(map(str, ids))})"

    def read(con: sqlite3.Connection) -> tuple[int, list[PlanRows]]:
        return _plan_count(con), _plan_rows(con, as_of, reminder_days, where)

    plan_count, fresh = db.run(read)
    by_id = {p.plan_id: p for p in previous.open_plans}
    for pid in ids:
        by_id.pop(pid, None)  # closed, archived or deleted plans are not read back
    by_id.update((p.plan_id, p) for p in fresh)
    plans = [by_id[pid] for pid in sorted(by_id)]
    return _assemble(as_of, plan_count, plans, reminder_days, currency)


def _check_window(reminder_days: int) -> None:
    if reminder_days < 0:
        from .model import ServiceError  # not at import: the first paint does not need it

        raise ServiceError("the reminder window must be zero or more days")


def _plan_count(con: sqlite3.Connection) -> int:
    return int(con.execute("SELECT count(*) FROM plans").fetchone()[0])


def _plan_rows(
    con: sqlite3.Connection, as_of: date, reminder_days: int, plan_where: str
) -> list[PlanRows]:
    # Cards, charts and the attention list only count what is still owed: the unsettled
    # installments (the partial index), not the paid ones of open plans.
    found = sql_reads.plan_states(
        con,
        as_of,
        reminder_days,
        None,
        plan_where,
        every_plan=True,
        keep=lambda st: st.amount_due > 0,
        plan_names=sql_reads.ROW_PLAN_NAMES,  # what the rows and rules read of a plan
    )
    return [_plan_row(ps, as_of, reminder_days) for ps in found]


def _plan_row(ps: sql_reads.PlanStates, as_of: date, reminder_days: int) -> PlanRows:
    """A plan's rows, with its part of the cards and of the attention list, in one pass."""
    p = ps.plan
    rows = tuple(sql_reads.installment_rows(ps))
    soon_by = days_after(as_of, DUE_WINDOW_DAYS)
    attend_by = days_after(as_of, reminder_days)
    owed = soon = soon_count = late_count = late_amount = late_penalty = first_count = 0
    first: InstallmentRow | None = None
    attention = []
    overdue, attend = Status.OVERDUE, sql_reads.ATTENTION
    for st in rows:
        amount = st.amount_due
        if amount <= 0:
            continue
        owed += amount
        status, due = st.status, st.due_date
        if status is overdue:
            late_count += 1
            late_amount += amount
            late_penalty += st.penalty
        if status in attend and due <= attend_by:  # sql_reads.needs_attention
            attention.append(st)
        if due >= as_of:
            if due <= soon_by:
                soon += amount
                soon_count += 1
            if first is None or due < first.due_date:
                first, first_count = st, 1
            elif due == first.due_date:
                first_count += 1
                if st.period < first.period:
                    first = st
    totals = PlanTotals(
        owed, soon, soon_count, late_count, late_amount, late_penalty, first, first_count
    )
    return PlanRows(p.id, p.name, p.platform, p.currency, rows, totals, tuple(attention))


def _assemble(
    as_of: date,
    plan_count: int,
    plans: list[PlanRows],
    reminder_days: int,
    currency: str,
    later: dict[int, int] | None = None,
) -> Dashboard:
    """The dashboard of these plans' rows; ``later``: what each plan owes beyond the rows
    given (``dashboard_first``), which makes it ``complete=False``."""
    main = _main_currency([p.currency for p in plans], currency)
    shown = tuple(p for p in plans if p.currency == main)
    return Dashboard(
        as_of=as_of,
        plan_count=plan_count,
        cards=_cards(shown, main, as_of, len(plans) - len(shown), later or {}),
        due=tuple(_due_items(plans)),
        plans=shown,
        reminder_days=reminder_days,
        preferred=currency,
        open_plans=tuple(plans),
        complete=later is None,
    )


def _cards(
    plans: tuple[PlanRows, ...], currency: str, as_of: date, others: int, later: dict[int, int]
) -> Cards:
    owed = sum(later.get(p.plan_id, 0) for p in plans) if later else 0
    soon = soon_count = late_count = late_amount = late_penalty = late_plans = 0
    first: tuple[date, int, int] | None = None  # the next payment: (date, plan id, period)
    first_row: tuple[InstallmentRow, PlanRows] | None = None
    for plan in plans:
        t = plan.totals
        owed += t.owed
        soon += t.soon
        soon_count += t.soon_count
        if t.late_count:
            late_count += t.late_count
            late_amount += t.late_amount
            late_penalty += t.late_penalty
            late_plans += 1
        if t.first is not None:
            key = (t.first.due_date, plan.plan_id, t.first.period)
            if first is None or key < first:
                first, first_row = key, (t.first, plan)
    more = 0
    if first is not None:  # other installments on the same day, of any plan
        day = first[0]
        more = sum(
            p.totals.first_count
            for p in plans
            if p.totals.first is not None and p.totals.first.due_date == day
        )
        more -= 1
    return Cards(
        currency=currency,
        total_owed=owed,
        due_soon_amount=soon,
        due_soon_count=soon_count,
        overdue_count=late_count,
        overdue_plans=late_plans,
        overdue_amount=late_amount,
        overdue_penalty=late_penalty,
        next_due=first[0] if first else None,
        next_amount=first_row[0].amount_due if first_row else 0,
        next_plan_id=first[1] if first else None,
        next_plan_name=first_row[1].name if first_row else "",
        next_more=more,
        other_currency_plans=others,
    )


def _due_items(plans: list[PlanRows]) -> list[InstallmentRow]:
    """The same rows as ``services.due(db, as_of, within)``, from each plan's (``_plan_row``)."""
    items = [row for p in plans for row in p.attention]
    items.sort(key=lambda i: (i.due_date, i.plan_id, i.period))
    return items

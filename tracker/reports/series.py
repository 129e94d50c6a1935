"""Chart series for the overview, computed from installment states (no Qt, no floats).

Two series, both in integer minor units:

- ``upcoming_by_month``: for the next 12 months (the current month first), what each plan still
  asks for in installments falling due that month on or after ``as_of``; installments due
  before ``as_of`` and still unpaid are a separate ``overdue`` amount per plan, so they are
  drawn apart instead of being mixed into the current month; ``grace`` is the part of it not
  (yet) counted as overdue by the plan's rules (within its grace days or its tolerance).
- ``balance_series``: the balance still owed at ``as_of`` and then at each month end, assuming
  every installment still ahead is paid on its due date. What is already past due is owed
  until it is paid, not on some assumed date: it is carried at its amount (``late`` and
  ``grace`` per plan) under the scheduled part at every date, so the chart shows it as a band
  of its own instead of a drop (a "cliff") at the first month end that would pretend it paid.

Every amount is an installment's ``amount_due`` (unpaid principal + fee + charged penalty), so
``overdue + Σ months + later`` equals the total still owed, and the balance series starts at it.
"""

from __future__ import annotations

import calendar
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, Protocol, cast

from tracker.domain.dates import add_months
from tracker.domain.ledger import Status

__all__ = [
    "BalanceSeries",
    "Memo",
    "MonthSeries",
    "PlanBalance",
    "PlanLike",
    "PlanMonths",
    "balance_series",
    "month_breakdown",
    "month_end",
    "top_balances",
    "top_plans",
    "upcoming_by_month",
]


class InstallmentLike(Protocol):
    """What the series need of an installment (``InstallmentRow`` and ``InstallmentState`` fit)."""

    @property
    def due_date(self) -> date: ...

    @property
    def amount_due(self) -> int: ...

    @property
    def status(self) -> Status: ...


class PlanLike(Protocol):
    """What the series need of a plan (``services.dashboard.PlanRows`` fits)."""

    @property
    def plan_id(self) -> int: ...

    @property
    def name(self) -> str: ...

    @property
    def installments(self) -> Sequence[InstallmentLike]: ...


@dataclass(frozen=True, slots=True)
class PlanMonths:
    """One plan's bars: the amount falling due in each month, and its overdue amount.

    ``overdue`` is everything due before as_of and unpaid; ``grace`` is the part of it still
    within the plan's grace days (or tolerance), so ``overdue - grace`` is what is late.
    ``plan_id`` is -1 for the "other plans" group made by ``top_plans``.
    """

    plan_id: int
    name: str
    amounts: tuple[int, ...]
    overdue: int = 0
    grace: int = 0

    @property
    def late(self) -> int:
        """Past due and past the grace days: what the ledger calls overdue."""
        return self.overdue - self.grace

    @property
    def total(self) -> int:
        """Overdue plus every month."""
        return self.overdue + sum(self.amounts)


@dataclass(frozen=True, slots=True)
class MonthSeries:
    """Amounts falling due per month and plan.

    Attributes:
        as_of: the date of the states; ``months[0]`` is its month.
        months: the first day of each month shown.
        plans: one entry per plan with anything overdue or due in the window, in input order.
        later: what falls due after the last month shown.
    """

    as_of: date
    months: tuple[date, ...]
    plans: tuple[PlanMonths, ...]
    later: int = 0

    @property
    def totals(self) -> tuple[int, ...]:
        """Each month's total over every plan."""
        return tuple(sum(p.amounts[i] for p in self.plans) for i in range(len(self.months)))

    @property
    def overdue(self) -> int:
        """Everything due before ``as_of`` and unpaid."""
        return sum(p.overdue for p in self.plans)

    @property
    def grace(self) -> int:
        """The part of ``overdue`` still within grace days or tolerance."""
        return sum(p.grace for p in self.plans)


@dataclass(frozen=True, slots=True)
class PlanBalance:
    """One plan's balance still owed at each date of a ``BalanceSeries``.

    ``values`` is what its installments due on or after as_of leave owed at each date (down
    to zero); ``late`` (past its grace days) and ``grace`` (within them) are what was already
    due before as_of and is unpaid, owed at every date until paid.
    """

    plan_id: int
    name: str
    values: tuple[int, ...]
    late: int = 0
    grace: int = 0

    @property
    def past_due(self) -> int:
        """Everything due before as_of and unpaid."""
        return self.late + self.grace


@dataclass(frozen=True, slots=True)
class BalanceSeries:
    """Balance still owed over time: ``dates[0]`` is as_of, then month ends; the scheduled
    part ends at zero, what is past due stays (``late``, ``grace``) until paid."""

    dates: tuple[date, ...]
    plans: tuple[PlanBalance, ...]

    @property
    def late(self) -> int:
        """Past due and past the grace days, over every plan (owed at every date)."""
        return sum(p.late for p in self.plans)

    @property
    def grace(self) -> int:
        """Past due but within the grace days, over every plan (owed at every date)."""
        return sum(p.grace for p in self.plans)

    @property
    def scheduled(self) -> tuple[int, ...]:
        """What the installments still ahead leave owed at each date, over every plan."""
        return tuple(sum(p.values[i] for p in self.plans) for i in range(len(self.dates)))

    @property
    def totals(self) -> tuple[int, ...]:
        """The balance over every plan at each date: scheduled part plus what is past due."""
        carried = self.late + self.grace
        return tuple(v + carried for v in self.scheduled)


def month_end(day: date) -> date:
    """The last day of ``day``'s month."""
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


def _month_index(first: date, day: date) -> int:
    return (day.year - first.year) * 12 + day.month - first.month


Memo = dict[int, tuple[object, object, object]]
"""Per-plan parts of a series kept between calls (``memo=``): id of the plan's rows → (those
rows, what the part was computed for, the part). A plan whose rows are the same object as last
time (the overview re-reads only the plans a change names) is not computed again; each call
leaves the entries of its plans only."""


def _remembered(memo: Memo | None, plan: object, key: object) -> object | None:
    if memo is None:
        return None
    got = memo.get(id(plan))
    return got[2] if got is not None and got[0] is plan and got[1] is key else None


def _keep(memo: Memo | None, fresh: Memo) -> None:
    if memo is not None:
        memo.clear()
        memo.update(fresh)


def upcoming_by_month(
    plans: Sequence[PlanLike], as_of: date, months: int = 12, memo: Memo | None = None
) -> MonthSeries:
    """What falls due in each of the ``months`` months from as_of's, per plan; overdue apart.
    ``memo``: see ``Memo``."""
    first = as_of.replace(day=1)
    starts = tuple(add_months(first, k) for k in range(months))
    key = (as_of, months)
    if memo is not None:  # one key object per (date, months), so "is" can compare it
        old = memo.get(0)
        key = old[1] if old is not None and old[1] == key else key
    rows: list[PlanMonths] = []
    later = 0
    fresh: Memo = {0: (None, key, None)}
    for plan in plans:
        got = _remembered(memo, plan, key)
        part = cast(
            "tuple[PlanMonths | None, int]",
            got if got is not None else _plan_months(plan, as_of, first, months),
        )
        fresh[id(plan)] = (plan, key, part)
        row, plan_later = part
        later += plan_later
        if row is not None:
            rows.append(row)
    _keep(memo, fresh)
    return MonthSeries(as_of, starts, tuple(rows), later)


def _plan_months(
    plan: PlanLike, as_of: date, first: date, months: int
) -> tuple[PlanMonths | None, int]:
    """One plan's row of ``upcoming_by_month`` (None if it asks nothing in the window) and
    what it asks after the last month."""
    amounts = [0] * months
    overdue = grace = later = 0
    for st in plan.installments:
        due = st.amount_due  # a property: read once
        if due <= 0:
            continue
        if st.due_date < as_of:
            overdue += due
            if st.status is not Status.OVERDUE:
                grace += due
            continue
        index = _month_index(first, st.due_date)
        if index < months:
            amounts[index] += due
        else:
            later += due
    if overdue or any(amounts):
        return PlanMonths(plan.plan_id, plan.name, tuple(amounts), overdue, grace), later
    return None, later


def month_breakdown(series: MonthSeries, index: int | None) -> list[tuple[str, int]]:
    """(plan name, amount) for one month (``index`` into ``months``), or for the overdue bar
    when ``index`` is None; plans owing nothing then are left out."""
    if index is None:
        return [(p.name, p.overdue) for p in series.plans if p.overdue]
    if not 0 <= index < len(series.months):
        return []
    return [(p.name, p.amounts[index]) for p in series.plans if p.amounts[index]]


def top_plans(series: MonthSeries, keep: int, other_name: str) -> MonthSeries:
    """At most ``keep`` entries: the ``keep - 1`` largest plans as they are and the rest summed
    into one ``other_name`` entry (plan_id -1), so a chart's legend stays readable. The kept
    plans keep their order; a series with ``keep`` plans or fewer is returned unchanged."""
    if len(series.plans) <= keep:
        return series
    ranked = sorted(series.plans, key=lambda p: -p.total)
    kept_ids = {id(p) for p in ranked[: max(keep - 1, 0)]}
    kept = [p for p in series.plans if id(p) in kept_ids]
    rest = [p for p in series.plans if id(p) not in kept_ids]
    other = PlanMonths(
        -1,
        other_name,
        tuple(sum(p.amounts[i] for p in rest) for i in range(len(series.months))),
        sum(p.overdue for p in rest),
        sum(p.grace for p in rest),
    )
    return MonthSeries(series.as_of, series.months, (*kept, other), series.later)


def balance_series(
    plans: Sequence[PlanLike], as_of: date, memo: Memo | None = None
) -> BalanceSeries:
    """The balance owed at as_of and at each month end until every installment still ahead
    is paid (what is past due is carried at every date, apart). ``memo``: see ``Memo``."""
    old = memo.get(0) if memo is not None else None
    owed_key: object = as_of if old is None or old[1] != as_of else old[1]
    owed: list[tuple[PlanLike, list[tuple[date, int, Status]], date | None, tuple[Any, Any]]] = []
    for plan in plans:
        got = _remembered(memo, plan, owed_key)
        if isinstance(got, tuple):
            items, plan_last, part, part_span = got
        else:  # (due date, amount due, status) of each installment still owed
            items = [
                (st.due_date, due, st.status)
                for st in plan.installments
                if (due := st.amount_due) > 0
            ]
            plan_last = max((on for on, _due, _status in items), default=None)
            part, part_span = None, None
        owed.append((plan, items, plan_last, (part, part_span)))
    last = max((p_last for _p, _i, p_last, _x in owed if p_last is not None), default=None)
    dates = [as_of]
    if last is not None:
        end = month_end(as_of)
        while True:
            dates.append(end)
            if end >= last:
                break
            end = month_end(add_months(end.replace(day=1), 1))
    span = tuple(dates)
    if old is not None and isinstance(old[2], tuple) and old[2] == span:
        span = old[2]  # the same month ends: parts computed for them still hold
    rows = []
    fresh: Memo = {0: (None, owed_key, span)}
    for plan, items, plan_last, (part, part_span) in owed:
        if items and (part is None or part_span is not span):
            part = _plan_balance(plan, items, as_of, span)
        fresh[id(plan)] = (plan, owed_key, (items, plan_last, part, span))
        if items and part is not None:
            rows.append(part)
    _keep(memo, fresh)
    return BalanceSeries(span, tuple(rows))


def _plan_balance(
    plan: PlanLike, items: list[tuple[date, int, Status]], as_of: date, dates: tuple[date, ...]
) -> PlanBalance:
    """One plan's row of ``balance_series``."""
    past = [(amount, status) for on, amount, status in items if on < as_of]
    late = sum(amount for amount, status in past if status is Status.OVERDUE)
    grace = sum(amount for amount, _status in past) - late
    # Owed after each month end = what falls due later: suffix sums over the due dates.
    ordered = sorted(
        ((on, amount) for on, amount, _status in items if on >= as_of), key=lambda i: i[0]
    )
    due = [on for on, _amount in ordered]
    later = [0] * (len(ordered) + 1)
    for k in range(len(ordered) - 1, -1, -1):
        later[k] = later[k + 1] + ordered[k][1]
    # month ends in order: walk them and the due dates together (bisect_right(due, d)),
    # and once past the plan's last due date the rest is zero
    values = [later[0]]
    k, count = 0, len(due)
    for d in dates[1:]:
        while k < count and due[k] <= d:
            k += 1
        values.append(later[k])
        if k == count:
            break
    values += [0] * (len(dates) - len(values))
    return PlanBalance(plan.plan_id, plan.name, tuple(values), late, grace)


def top_balances(series: BalanceSeries, keep: int, other_name: str) -> BalanceSeries:
    """As ``top_plans`` for a balance series: the ``keep - 1`` plans owing most at the start
    stay, the rest are summed into one ``other_name`` entry (plan_id -1)."""
    if len(series.plans) <= keep:
        return series
    ranked = sorted(series.plans, key=lambda p: -(p.values[0] + p.past_due))
    kept_ids = {id(p) for p in ranked[: max(keep - 1, 0)]}
    rest = [p for p in series.plans if id(p) not in kept_ids]
    sums = tuple(sum(column) for column in zip(*(p.values for p in rest), strict=True))
    other = PlanBalance(
        -1,
        other_name,
        sums or tuple(0 for _ in series.dates),
        sum(p.late for p in rest),
        sum(p.grace for p in rest),
    )
    kept = tuple(p for p in series.plans if id(p) in kept_ids)
    return BalanceSeries(series.dates, (*kept, other))

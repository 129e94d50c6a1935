"""The ledger: how payments settle installments, and each installment's status as of a date.

Rules (domain-rules.md, "Payments" and "Status and overdue"):

- Payments apply in date order to the oldest unpaid installment first; inside an installment
  penalty, then fee, then principal. What is left pays later installments ahead of time.
- A payment larger than everything still owed on its date is refused, naming the balance.
- Voided payments are kept by the caller but ignored here, so allocation is recomputed.
- Penalty (off unless the plan has a daily rate) accrues from the day after the due date on the
  unpaid principal + fee, day by day as partial payments reduce it, and is rounded half-up
  when charged. An installment settled within its grace days is charged no penalty, and an
  unpaid remainder within the plan's tolerance accrues none and is never overdue.

Nothing here reads the clock: ``as_of`` is always passed in.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from enum import StrEnum

from .money import Amount, AmountError, round_half_up
from .plan import Installment

__all__ = [
    "Allocation",
    "InstallmentState",
    "LedgerRules",
    "LedgerState",
    "Payment",
    "PaymentError",
    "Replay",
    "Settlement",
    "Status",
    "check_payment",
    "evaluate",
    "installment_status",
    "needs_replay",
    "settle",
    "settled_state",
    "state_from_settlements",
]


class Status(StrEnum):
    """Where an installment stands on a given date."""

    PAID = "paid"
    PARTIAL = "partial"
    UPCOMING = "upcoming"
    DUE_SOON = "due_soon"
    DUE_TODAY = "due_today"
    GRACE = "grace"
    OVERDUE = "overdue"


class PaymentError(AmountError):
    """A payment that cannot be recorded (e.g. more than the remaining balance)."""


@dataclass(frozen=True, slots=True)
class Payment:
    """A payment the user made.

    Attributes:
        date: the day it was paid.
        amount: minor units, > 0.
        id: the stored id (``None`` for one not yet stored); orders same-day payments.
        method: how it was paid (银行卡, 支付宝, 微信支付, …).
        note: free text.
        voided: a voided payment stays in history but settles nothing.
    """

    date: date
    amount: int
    id: int | None = None
    method: str = ""
    note: str = ""
    voided: bool = False


@dataclass(frozen=True, slots=True)
class LedgerRules:
    """A plan's overdue rules.

    Attributes:
        grace_days: days after the due date that still count as on time (容时).
        tolerance: an unpaid remainder up to this many minor units is not overdue (容差).
        penalty_daily_rate: fraction of the unpaid amount charged per day overdue (0 = off).
        reminder_days: an installment due within this many days is ``due_soon``.
    """

    grace_days: int = 0
    tolerance: int = 0
    penalty_daily_rate: Decimal = Decimal(0)
    reminder_days: int = 7


@dataclass(frozen=True, slots=True)
class Allocation:
    """What one payment settled of one installment."""

    payment_id: int | None
    period: int
    penalty: int
    fee: int
    principal: int

    @property
    def total(self) -> int:
        """The part of the payment that went to this installment."""
        return self.penalty + self.fee + self.principal


@dataclass(frozen=True, slots=True)
class InstallmentState:
    """One installment as of a date: what was paid, what is left, its status and penalty.

    ``penalty`` is the penalty charged so far (accrued and not waived by grace);
    ``remaining`` is the unpaid principal + fee; ``amount_due`` adds the unpaid penalty.
    """

    installment: Installment
    paid_principal: int
    paid_fee: int
    paid_penalty: int
    penalty: int
    status: Status
    days_overdue: int
    settled_on: date | None

    @property
    def period(self) -> int:
        """The period number."""
        return self.installment.period

    @property
    def due_date(self) -> date:
        """The due date."""
        return self.installment.due_date

    @property
    def paid(self) -> int:
        """Everything paid towards this installment, penalty included."""
        return self.paid_principal + self.paid_fee + self.paid_penalty

    @property
    def remaining(self) -> int:
        """Unpaid principal + fee."""
        return self.installment.total - self.paid_principal - self.paid_fee

    @property
    def remaining_principal(self) -> int:
        """Unpaid principal."""
        return self.installment.principal - self.paid_principal

    @property
    def remaining_fee(self) -> int:
        """Unpaid fee."""
        return self.installment.fee - self.paid_fee

    @property
    def penalty_due(self) -> int:
        """Penalty charged and not yet paid."""
        return self.penalty - self.paid_penalty

    @property
    def amount_due(self) -> int:
        """What is still owed on this installment: unpaid principal + fee + penalty."""
        return self.remaining + self.penalty_due


@dataclass(frozen=True, slots=True)
class LedgerState:
    """A plan's installments and allocations as of ``as_of``."""

    as_of: date
    installments: tuple[InstallmentState, ...]
    allocations: tuple[Allocation, ...] = field(default=())

    @property
    def balance(self) -> int:
        """Everything still owed: unpaid principal, fees and charged penalty."""
        return sum(s.amount_due for s in self.installments)

    @property
    def remaining_principal(self) -> int:
        """Unpaid principal over all installments."""
        return sum(s.remaining_principal for s in self.installments)

    @property
    def penalty_due(self) -> int:
        """Charged, unpaid penalty over all installments."""
        return sum(s.penalty_due for s in self.installments)

    @property
    def paid_total(self) -> int:
        """Everything paid (penalty included)."""
        return sum(s.paid for s in self.installments)

    @property
    def settled(self) -> bool:
        """Whether nothing is owed any more."""
        return self.balance == 0

    @property
    def periods_paid(self) -> int:
        """How many installments are fully paid."""
        return sum(1 for s in self.installments if s.status is Status.PAID)

    @property
    def next_unpaid(self) -> InstallmentState | None:
        """The oldest installment that still has something owed."""
        return next((s for s in self.installments if s.amount_due > 0), None)


class _Slot:
    """Mutable working state of one installment while payments are replayed."""

    __slots__ = ("accrued", "inst", "last", "paid_fee", "paid_penalty", "paid_principal", "settled")

    def __init__(self, inst: Installment) -> None:
        self.inst = inst
        self.paid_principal = 0
        self.paid_fee = 0
        self.paid_penalty = 0
        self.accrued = Decimal(0)
        self.last = inst.due_date  # penalty accrued up to and including this day
        self.settled: date | None = None

    @property
    def unpaid(self) -> int:
        return self.inst.total - self.paid_principal - self.paid_fee

    def accrue(self, day: date, rules: LedgerRules) -> None:
        """Accrue penalty on the unpaid amount for the days after ``last`` up to ``day``."""
        if day <= self.last:
            return
        if rules.penalty_daily_rate and self.unpaid > rules.tolerance:
            self.accrued += rules.penalty_daily_rate * self.unpaid * (day - self.last).days
        self.last = day

    def charged(self, day: date, rules: LedgerRules) -> int:
        """Penalty chargeable on ``day``: nothing while in grace or once settled in grace."""
        grace_end = self.inst.due_date + timedelta(days=rules.grace_days)
        if self.settled is not None and self.settled <= grace_end:
            return 0
        if day <= grace_end:
            return 0
        return round_half_up(self.accrued)


class Replay:
    """A ledger replayed payment by payment, for checking many payments of one plan in one
    pass (an import): ``apply`` payments in ledger order (date, then id); each costs one walk
    over the installments instead of a replay of everything before it."""

    def __init__(self, installments: Sequence[Installment], rules: LedgerRules) -> None:
        self.rules = rules
        self.slots = [_Slot(i) for i in sorted(installments, key=lambda i: i.period)]
        self.allocations: list[Allocation] = []
        self.last: tuple[date, int] | None = None  # (date, id) of the last payment applied
        # Slots before ``start`` are done for good: paid in full, penalty included. Money
        # reaches an installment only once every earlier one is fully covered, so they are a
        # prefix; a paid slot accrues nothing more, so it stays done (each payment then
        # costs a walk over the open installments only, not the whole schedule).
        self.start = 0

    def in_order(self, pay: Payment) -> bool:
        """Whether ``pay`` comes after every payment applied so far in ledger order."""
        return self.last is None or (pay.date, pay.id or 0) > self.last

    def owed_on(self, day: date) -> int:
        """Everything owed on ``day`` (unpaid principal, fee and penalty charged by then)."""
        rules = self.rules
        owed = 0
        for slot in self.slots[self.start :]:
            owed += slot.unpaid
            if slot.inst.due_date < day:  # not yet due: no penalty accrued or charged
                slot.accrue(day, rules)
                owed += max(0, slot.charged(day, rules) - slot.paid_penalty)
        return owed

    def apply(self, pay: Payment) -> int:
        """Apply one payment (oldest installment first; penalty, fee, principal); return the
        part of it that nothing was owed for (0 when it fits)."""
        rules = self.rules
        left = pay.amount
        open_slots = self.slots[self.start :]
        for slot in open_slots:
            slot.accrue(pay.date, rules)
        for slot in open_slots:
            if left == 0:
                break
            penalty = min(left, max(0, slot.charged(pay.date, rules) - slot.paid_penalty))
            left -= penalty
            fee = min(left, slot.inst.fee - slot.paid_fee)
            left -= fee
            principal = min(left, slot.inst.principal - slot.paid_principal)
            left -= principal
            if penalty or fee or principal:
                slot.paid_penalty += penalty
                slot.paid_fee += fee
                slot.paid_principal += principal
                self.allocations.append(
                    Allocation(pay.id, slot.inst.period, penalty, fee, principal)
                )
            if (
                slot.settled is None
                and slot.unpaid <= rules.tolerance
                and (slot.unpaid == 0 or pay.date >= slot.inst.due_date)
            ):
                slot.settled = pay.date
        self.last = (pay.date, pay.id or 0)
        slots = self.slots
        while (
            self.start < len(slots)
            and slots[self.start].unpaid == 0
            and slots[self.start].charged(pay.date, rules) <= slots[self.start].paid_penalty
        ):
            self.start += 1
        return left

    def settlements(self) -> tuple[Settlement, ...]:
        """What each installment got so far (see ``settle``)."""
        return tuple(
            Settlement(s.inst.period, s.paid_principal, s.paid_fee, s.paid_penalty, s.settled)
            for s in self.slots
        )


def _replay(
    installments: Sequence[Installment], payments: Iterable[Payment], rules: LedgerRules
) -> tuple[list[_Slot], list[Allocation], list[tuple[Payment, int]]]:
    """Apply payments in order; return the slots, allocations and any unapplied excess."""
    replay = Replay(installments, rules)
    excess: list[tuple[Payment, int]] = []
    live = sorted(
        (p for p in payments if not p.voided), key=lambda p: (p.date, p.id is None, p.id or 0)
    )
    for pay in live:
        left = replay.apply(pay)
        if left:
            excess.append((pay, left))
    return replay.slots, replay.allocations, excess


def _status(slot: _Slot, penalty: int, as_of: date, rules: LedgerRules) -> tuple[Status, int]:
    paid_any = bool(slot.paid_principal or slot.paid_fee)
    return installment_status(
        slot.inst.due_date, slot.unpaid, penalty - slot.paid_penalty, paid_any, as_of, rules
    )


def installment_status(
    due: date, unpaid: int, penalty_due: int, paid_any: bool, as_of: date, rules: LedgerRules
) -> tuple[Status, int]:
    """An installment's status and days overdue as of a date.

    ``unpaid`` is its unpaid principal + fee, ``penalty_due`` the charged, unpaid penalty and
    ``paid_any`` whether any principal or fee has been paid. The one rule every read uses.
    """
    if unpaid + penalty_due == 0:
        return Status.PAID, 0
    if as_of > due:
        if unpaid <= rules.tolerance and penalty_due == 0:
            return Status.PARTIAL, 0
        days = (as_of - due).days
        return (Status.GRACE if days <= rules.grace_days else Status.OVERDUE), days
    if as_of == due:
        return Status.DUE_TODAY, 0
    if (due - as_of).days <= rules.reminder_days:
        return Status.DUE_SOON, 0
    return (Status.PARTIAL if paid_any else Status.UPCOMING), 0


def evaluate(
    installments: Sequence[Installment],
    payments: Iterable[Payment],
    rules: LedgerRules,
    as_of: date,
) -> LedgerState:
    """Replay the payments made up to ``as_of`` and return every installment's state then.

    Payments dated after ``as_of`` have not happened yet as of that date and are ignored.
    """
    slots, allocations, _ = _replay(installments, (p for p in payments if p.date <= as_of), rules)
    states = []
    for slot in slots:
        slot.accrue(as_of, rules)
        penalty = max(slot.charged(as_of, rules), slot.paid_penalty)
        status, days = _status(slot, penalty, as_of, rules)
        states.append(
            InstallmentState(
                installment=slot.inst,
                paid_principal=slot.paid_principal,
                paid_fee=slot.paid_fee,
                paid_penalty=slot.paid_penalty,
                penalty=penalty,
                status=status,
                days_overdue=days,
                settled_on=slot.settled if status is Status.PAID else None,
            )
        )
    return LedgerState(as_of, tuple(states), tuple(allocations))


def check_payment(
    installments: Sequence[Installment],
    payments: Iterable[Payment],
    rules: LedgerRules,
    new: Payment,
    currency: str = "CNY",
) -> None:
    """Raise PaymentError unless ``new`` can be recorded next to the existing payments.

    The amount must be positive and no more than what is owed on its date once every other
    payment is applied; the message names that balance.
    """
    if new.amount <= 0:
        raise PaymentError("a payment must be more than zero")
    existing = list(payments)
    _, _, excess = _replay(installments, [*existing, new], rules)
    if excess:
        before = evaluate(installments, existing, rules, new.date)
        # Payments dated later than the new one may already have settled part of the balance.
        later_paid = sum(p.amount for p in existing if not p.voided and p.date > new.date)
        balance = max(0, before.balance - later_paid)
        raise PaymentError(
            "the payment of {amount} is more than the remaining balance of {balance} on {date}",
            amount=Amount(new.amount, currency),
            balance=Amount(balance, currency),
            date=new.date,
        )


@dataclass(frozen=True, slots=True)
class Settlement:
    """What every payment so far settled of one installment, whatever the as-of date.

    This is the part of the ledger that only changes when a payment or the schedule does, so
    it can be computed once at write time and stored; ``state_from_settlements`` turns it into
    the state as of any date on or after the last payment, without replaying anything.

    Attributes:
        period: the installment's period number.
        paid_principal / paid_fee / paid_penalty: what the payments put towards each part.
        settled_on: the date it was settled (fully, or to within the tolerance once due).
    """

    period: int
    paid_principal: int
    paid_fee: int
    paid_penalty: int
    settled_on: date | None


def settle(
    installments: Sequence[Installment], payments: Iterable[Payment], rules: LedgerRules
) -> tuple[Settlement, ...]:
    """Replay every (non-voided) payment once; what each installment got, in period order."""
    replay = Replay(installments, rules)
    for pay in sorted(
        (p for p in payments if not p.voided), key=lambda p: (p.date, p.id is None, p.id or 0)
    ):
        replay.apply(pay)
    return replay.settlements()


def needs_replay(
    installments: Sequence[Installment],
    settlements: Sequence[Settlement],
    rules: LedgerRules,
    as_of: date,
    last_paid_on: date | None,
) -> bool:
    """Whether the state as of ``as_of`` needs ``evaluate`` rather than the stored settlements.

    It does when some payment is dated after ``as_of`` (it has not happened yet then), or when
    the plan charges a penalty and an installment past its due date is not fully paid while a
    payment came after that due date (the penalty accrued day by day on an amount that the
    payments in between changed). A late installment with no payment since its due date owes
    ``rate × unpaid × days``, which ``state_from_settlements`` computes directly. Otherwise
    ``state_from_settlements`` gives exactly what ``evaluate`` gives (allocations aside).
    """
    if last_paid_on is not None and as_of < last_paid_on:
        return True
    if not rules.penalty_daily_rate or last_paid_on is None:
        return False
    return any(
        i.due_date < as_of
        and i.due_date < last_paid_on
        and st.paid_principal + st.paid_fee < i.total
        for i, st in zip(installments, settlements, strict=True)
    )


def settled_state(
    due: date,
    total: int,
    paid_principal: int,
    paid_fee: int,
    paid_penalty: int,
    rules: LedgerRules,
    as_of: date,
) -> tuple[int, Status, int]:
    """One installment's penalty charged (paid or not), status and days overdue as of
    ``as_of``, from what the payments settled of it: ``state_from_settlements``'s rule for
    each installment, for reads that need no ``InstallmentState`` (``tracker due``)."""
    unpaid = total - paid_principal - paid_fee
    penalty = paid_penalty
    days_late = (as_of - due).days
    if rules.penalty_daily_rate and unpaid > rules.tolerance and days_late > rules.grace_days:
        penalty = max(penalty, round_half_up(rules.penalty_daily_rate * unpaid * days_late))
    status, days = installment_status(
        due, unpaid, penalty - paid_penalty, bool(paid_principal or paid_fee), as_of, rules
    )
    return penalty, status, days


def state_from_settlements(
    installments: Sequence[Installment],
    settlements: Sequence[Settlement],
    rules: LedgerRules,
    as_of: date,
) -> LedgerState:
    """The ledger state as of ``as_of`` from stored settlements (see ``needs_replay``).

    With ``needs_replay`` false, an installment past its due date and not fully paid has had
    no payment since it fell due, so its penalty is one accrual: ``rate × unpaid × days``
    (charged once the grace days are over), and nothing of it is paid yet.
    """
    states = []
    for inst, st in zip(installments, settlements, strict=True):
        penalty, status, days = settled_state(
            inst.due_date, inst.total, st.paid_principal, st.paid_fee, st.paid_penalty, rules, as_of
        )
        states.append(
            InstallmentState(
                installment=inst,
                paid_principal=st.paid_principal,
                paid_fee=st.paid_fee,
                paid_penalty=st.paid_penalty,
                penalty=penalty,
                status=status,
                days_overdue=days,
                settled_on=st.settled_on if status is Status.PAID else None,
            )
        )
    return LedgerState(as_of, tuple(states))

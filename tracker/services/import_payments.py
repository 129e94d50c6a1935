"""The payments of one plan in an import, checked in one pass.

An import used to check each payment row by replaying the plan's whole ledger (twice), which
is quadratic in the plan's payments: a 30-year mortgage's 360 payments took ~22 s. Here a
plan's rows are checked in file order against one ``ledger.Replay`` that each accepted
payment advances, exactly as ``check_payment`` would decide (a hypothesis test holds them
equal); a row dated before one already applied, and a payoff, fall back to the full replay.
The rows are added without a flush or a savepoint each: a batch with any bad row is rolled
back whole anyway.
"""

from __future__ import annotations

from datetime import date
from typing import Protocol

from sqlalchemy.orm import Session

from tracker.domain.errors import UserError
from tracker.domain.ledger import (
    Payment,
    PaymentError,
    Replay,
    Settlement,
    check_payment,
    evaluate,
)
from tracker.domain.money import Amount
from tracker.domain.payoff import apply_payoff
from tracker.domain.rows import PaymentRow
from tracker.storage.models import PaymentRecord, PlanRecord

from .convert import installments_of, payments_of, rules_of
from .import_bulk import NewRow, new_installments
from .model import ServiceError
from .payments import check_open, clean_text, quote_on
from .plans import replace_schedule


class Batch(Protocol):
    """What a plan's payments need of the import batch (``imports._Batch``)."""

    session: Session
    as_of: date
    payment_ids: set[int]
    charges: dict[int, int]
    stamp: str

    def tick(self) -> None: ...
    def problem(self, file: str, line: int, message: str | UserError) -> None: ...
    def free_id(self, model: type[PlanRecord] | type[PaymentRecord], key: int | None) -> int: ...
    def imported(self, name: str, line: int, pay: PaymentRow, payment_id: int) -> None: ...


class PlanPayments:
    """Checks and adds one plan's payment rows of one file (see the module docstring)."""

    def __init__(self, batch: Batch, name: str, rec: PlanRecord | NewRow) -> None:
        self.batch = batch
        self.name = name
        self.rec: PlanRecord = rec  # type: ignore[assignment]  # a NewRow reads the same
        self.new = isinstance(rec, NewRow)  # a plan of this batch (not in the database yet)
        self.rules = rules_of(rec)
        ours = batch.payment_ids
        self.seen = {
            (p.date, p.amount, p.method, p.note, p.kind, bool(p.voided)): p.id
            for p in rec.payments
            if p.id not in ours
        }
        self.closed = rec.closed_on is not None
        self.added_live = False
        self.left = 0
        self._rebuild()

    def _rebuild(self) -> None:
        """A fresh replay of every live payment (after a payoff or an out-of-order row)."""
        self.items = installments_of(self.rec)
        self.replay = Replay(self.items, self.rules)
        for pay in sorted(
            (p for p in payments_of(self.rec) if not p.voided), key=lambda p: (p.date, p.id or 0)
        ):
            self.replay.apply(pay)

    def add(self, rows: list[tuple[int, PaymentRow]]) -> None:
        batch = self.batch
        for line, pay in rows:
            batch.tick()
            try:
                payment_id = self._record(pay)
            except (ServiceError, PaymentError) as exc:
                batch.problem(self.name, line, exc)
                continue
            batch.imported(self.name, line, pay, payment_id)
        if self.added_live:  # as plans.update_closed decides, from the replay at hand
            live = [p.date for p in self.rec.payments if not p.voided]
            last = max(live)
            settled = self.replay.owed_on(max(batch.as_of, last)) == 0
            self.rec.closed_on = last if settled else None

    def outcome(self) -> tuple[tuple[Settlement, ...], int]:
        """What the replay ended with: each installment's settlement and the balance (the
        principal and fee left unpaid), for the audit after the import."""
        settlements = self.replay.settlements()
        owed = sum(i.total for i in self.items)
        return settlements, owed - sum(s.paid_principal + s.paid_fee for s in settlements)

    def _record(self, pay: PaymentRow) -> int:
        """What ``payments.record_payment`` (or ``pay_off``) stores, inside the batch."""
        rec, batch = self.rec, self.batch
        method, note = clean_text(pay.method, "method"), clean_text(pay.note, "note")
        if pay.date > batch.as_of:
            raise ServiceError(
                "the date {date} is in the future; a payment is recorded "
                "on or after the day it is made",
                date=pay.date,
            )
        key = (pay.date, pay.amount, method, note, pay.kind, pay.voided)
        if key in self.seen:
            raise ServiceError(
                "this payment is already recorded (payment {payment} of plan {plan}); "
                "remove the row, or give it a note if it is another payment",
                payment=self.seen[key],
                plan=rec.id,
            )
        payment_id = batch.free_id(PaymentRecord, pay.id)
        stale = False
        if not pay.voided:
            if self.closed:
                raise ServiceError(
                    "plan {id} ({name}) is paid off; nothing is owed", id=rec.id, name=rec.name
                )
            check_open(rec, pay.date, batch.as_of)
            if pay.kind == "payoff":
                self._pay_off(pay)
                stale = True
            else:
                stale = self._check(Payment(pay.date, pay.amount, payment_id, method, note))
        values = dict(
            id=payment_id,
            plan_id=rec.id,
            date=pay.date,
            amount=pay.amount,
            method=method,
            note=note,
            voided=pay.voided,
            kind=pay.kind,
            prepay=pay.prepay,
        )
        if self.new:
            rec.payments.append(NewRow(**values, created_at=batch.stamp))  # type: ignore[arg-type]
        else:
            rec.payments.append(PaymentRecord(**values))
        if not pay.voided:
            self.added_live = True
            if stale:
                self._rebuild()
                self.left = self.replay.owed_on(pay.date)
            self.closed = self.left == 0
        return payment_id

    def _check(self, new: Payment) -> bool:
        """Refuse a payment larger than what is owed on its date (as ``check_payment``);
        True when the replay must be rebuilt once the row is added."""
        rec = self.rec
        if new.amount <= 0:
            raise PaymentError("a payment must be more than zero")
        if not self.replay.in_order(new):  # dated before one already applied: replay all
            check_payment(self.items, payments_of(rec), self.rules, new, rec.currency)
            return True
        owed = self.replay.owed_on(new.date)
        self.left = owed - new.amount  # what is owed once it is applied
        if new.amount > owed:
            raise PaymentError(
                "the payment of {amount} is more than the remaining balance of {balance} on {date}",
                amount=Amount(new.amount, rec.currency),
                balance=Amount(owed, rec.currency),
                date=new.date,
            )
        self.replay.apply(new)
        return False

    def _pay_off(self, pay: PaymentRow) -> None:
        rec, batch = self.rec, self.batch
        quote = quote_on(rec, pay.date)
        if rec.id in batch.charges:  # the schedule came from the file: already paid off?
            owed = evaluate(installments_of(rec), payments_of(rec), rules_of(rec), pay.date)
            if owed.balance == pay.amount:
                rec.payoff_charge = batch.charges[rec.id]
                return
        if quote.amount != pay.amount:
            cur = rec.currency
            raise ServiceError(
                "paying plan {plan} off on {date} costs {quote} under its policy, not {amount}",
                plan=rec.id,
                date=pay.date,
                quote=Amount(quote.amount, cur),
                amount=Amount(pay.amount, cur),
            )
        items = apply_payoff(installments_of(rec), payments_of(rec), rules_of(rec), quote)
        if self.new:
            rec.installments = new_installments(rec.id, items)  # type: ignore[assignment]
        else:
            replace_schedule(batch.session, rec, items)
        rec.payoff_charge = quote.charge

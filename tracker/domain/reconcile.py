"""Reconciling a bill with the lender's statement: the difference, and what explains it.

The user types the amount on the lender's statement; the tracker shows "statement ¥2,345.67,
your plans ¥2,345.66, difference ¥0.01" and, when one does, names the plan whose rounding or
fee option explains it: the same plan with its remainder in the other period, its total fee
rounded the other way, or its flat fee charged all at once, asks for exactly the statement's
amount. A difference equal to one whole installment says the statement carries a period the
tracker does not (or the other way round).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from .bills import BillLine
from .errors import Phrase
from .plan import FeeMode, FeeRounding, PlanTerms, Remainder
from .schedule import build_schedule

__all__ = ["Explanation", "Reconciliation", "alternatives", "reconcile"]


@dataclass(frozen=True, slots=True)
class Explanation:
    """One line of the bill that explains the difference.

    Attributes:
        line: the installment on the bill.
        reason: what would make the tracker's amount the lender's.
        theirs: that line's amount under ``reason``.
    """

    line: BillLine
    reason: Phrase
    theirs: int


@dataclass(frozen=True, slots=True)
class Reconciliation:
    """The statement against the plans: ``difference`` = statement − ours."""

    statement: int
    ours: int
    explanations: tuple[Explanation, ...]

    @property
    def difference(self) -> int:
        """What the lender asks for beyond the tracker's figure (negative: less)."""
        return self.statement - self.ours

    @property
    def matches(self) -> bool:
        """The statement and the plans agree to the fen."""
        return self.difference == 0


def alternatives(terms: PlanTerms, period: int) -> list[tuple[Phrase, int]]:
    """Period ``period``'s amount under each other choice of the plan's rounding and fee
    options that its model takes (only those that change it)."""
    options: list[tuple[Phrase, PlanTerms]] = []
    if terms.model.takes_remainder:
        other = Remainder.LAST if terms.effective_remainder is Remainder.FIRST else Remainder.FIRST
        options.append(
            (
                Phrase(
                    "the remainder in the {where} period",
                    where=Phrase("last") if other is Remainder.LAST else Phrase("first"),
                ),
                replace(terms, remainder=other),
            )
        )
    if terms.model.takes_fee_rounding:
        flip = (
            FeeRounding.HALF_UP
            if terms.fee_rounding is FeeRounding.HALF_EVEN
            else FeeRounding.HALF_EVEN
        )
        options.append(
            (
                Phrase(
                    "the total fee rounded {how}",
                    how=Phrase("half-even") if flip is FeeRounding.HALF_EVEN else Phrase("half-up"),
                ),
                replace(terms, fee_rounding=flip),
            )
        )
    if terms.model.takes_fee_mode:
        mode = FeeMode.FIRST if terms.fee_mode is FeeMode.SPREAD else FeeMode.SPREAD
        reason = (
            Phrase("the whole fee charged in period 1")
            if mode is FeeMode.FIRST
            else Phrase("the fee spread over every period")
        )
        options.append((reason, replace(terms, fee_mode=mode)))
    ours = build_schedule(terms).installments[period - 1].total
    found: list[tuple[Phrase, int]] = []
    for reason, alt in options:
        amount = build_schedule(alt).installments[period - 1].total
        if amount != ours:
            found.append((reason, amount))
    return found


def reconcile(statement: int, lines: Sequence[tuple[BillLine, PlanTerms | None]]) -> Reconciliation:
    """Compare the lender's ``statement`` amount with the bill's installment ``lines`` (each
    with its plan's terms, or None when unknown) and find what explains a difference."""
    ours = sum(line.amount for line, _ in lines)
    difference = statement - ours
    found: list[Explanation] = []
    if difference:
        for line, terms in lines:
            if terms is not None:
                for reason, amount in alternatives(terms, line.period):
                    if amount - line.amount == difference:
                        found.append(Explanation(line, reason, amount))
            if difference == -line.amount:
                found.append(Explanation(line, Phrase("the statement does not carry it"), 0))
            elif difference == line.amount:
                found.append(
                    Explanation(line, Phrase("the statement carries it twice"), 2 * line.amount)
                )
    return Reconciliation(statement, ours, tuple(found))

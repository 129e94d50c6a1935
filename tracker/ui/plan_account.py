"""The plan form's Account field: the card or platform whose monthly bill carries the plan.

Choosing an account while the first due date is still the form's own choice puts it on the
account's first bill after the purchase date (as ``tracker plan add --account`` does without
``--first-due``), and the preview then shows every due date on the account's statements: the
due date of the k-th statement after the purchase, moved off non-working days like the
service does (``services.plans``: a plan whose first due date is the account's).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox

from tracker.domain.accounts import AccountTerms
from tracker.domain.plan import Model, Schedule
from tracker.domain.workdays import shift_dates
from tracker.services.workdays import calendar_for

__all__ = ["AccountField", "account_schedule"]


class AccountField:
    """A combo of "None" and every account, with each account's terms at hand."""

    def __init__(self, db: Any) -> None:
        from tracker.services.accounts import list_accounts

        self.terms: dict[int, AccountTerms] = {}
        self.combo = QComboBox()
        self.combo.addItem(QCoreApplication.translate("PlanDialog", "None"), None)
        for account in list_accounts(db):
            self.combo.addItem(account.name, account.id)
            self.terms[account.id] = account.terms
        self.combo.setToolTip(
            QCoreApplication.translate(
                "PlanDialog",
                "The card or platform whose monthly bill carries this plan: its due dates "
                "follow the account's statements.",
            )
        )

    def account_id(self) -> int | None:
        """The chosen account's id, or None."""
        value = self.combo.currentData()
        return int(value) if value is not None else None

    def set_account(self, account_id: int | None) -> None:
        """Show a stored plan's account."""
        self.combo.setCurrentIndex(max(self.combo.findData(account_id), 0))

    def chosen_terms(self) -> AccountTerms | None:
        """The chosen account's rules, or None."""
        account_id = self.account_id()
        return None if account_id is None else self.terms.get(account_id)

    def first_due(self, purchase: date, model: Model) -> date | None:
        """The account's first due date for a purchase (None: no account, or pay-in-n)."""
        terms = self.chosen_terms()
        if terms is None or model is Model.PAY_IN_N:
            return None
        return terms.plan_due_dates(purchase, 1)[0]


def account_schedule(
    schedule: Schedule, terms: AccountTerms | None, purchase: date | None, holidays: str | None
) -> Schedule:
    """``schedule`` with the account's due dates when its first due date is the account's
    (what the service stores); unchanged otherwise."""
    if terms is None or purchase is None or schedule.terms.model is Model.PAY_IN_N:
        return schedule
    dates = terms.plan_due_dates(purchase, len(schedule.installments))
    if dates[0] != schedule.terms.first_due:
        return schedule
    dates = shift_dates(dates, calendar_for(holidays))
    items = tuple(replace(i, due_date=d) for i, d in zip(schedule.installments, dates, strict=True))
    return replace(schedule, installments=items)

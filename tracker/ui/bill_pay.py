"""Paying an account's bill: the amount and date form (OK confirms, then pays through
``BillDialog.pay``)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
)

from tracker.domain.money import AmountError, format_amount, parse_amount

from . import fmt
from .errors import describe
from .palette import error_style

__all__ = ["PayBillDialog"]


class PayBillDialog(QDialog):
    """Amount and date of a bill payment; OK asks to confirm, then pays."""

    def __init__(self, bill: Any, amount: int) -> None:
        super().__init__(bill)
        self.bill = bill
        cur = bill.view.account.terms.currency
        self.currency = cur
        self.setWindowTitle(self.tr("Pay bill"))
        self.amount = QLineEdit(format_amount(amount, cur))
        self.on = QDateEdit()
        self.on.setCalendarPopup(True)
        self.on.setDisplayFormat("yyyy-MM-dd")
        self.on.setDate(fmt.qdate(bill.ctx.today()))
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet(error_style())
        form = QFormLayout()
        form.addRow(self.tr("Amount"), self.amount)
        form.addRow(self.tr("Paid on"), self.on)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Pay…"))
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.setMinimumWidth(380)

    def submit(self) -> None:
        """Check the amount, then pay (the bill dialog confirms first)."""
        try:
            amount = parse_amount(self.amount.text(), self.currency)
        except AmountError as exc:
            self.message.setText(describe(exc))
            return
        if self.bill.pay(amount, fmt.pydate(self.on.date())):
            self.accept()

"""Record-payment and early-payoff dialogs, shared by every screen that offers those actions.

Both dialogs read plan details and quotes through the services and record through
``ctx.act(..., plan_id=...)`` so the action can be undone with Ctrl+Z. Invalid input is marked
in place and the OK button stays disabled; a refusal from the service (more than the balance,
a plan already paid off) is shown inside the dialog and nothing is stored.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from tracker import services as sv
from tracker.domain.ledger import Status
from tracker.domain.money import AmountError, currency, format_amount, parse_amount
from tracker.domain.payoff import PayoffQuote

from . import fmt, palette, payment_methods
from .charge_words import charges_charged, charges_waived, payoff_policy_name
from .context import AppContext
from .errors import describe

METHODS = payment_methods.METHODS
"""Payment methods offered in the combo, as stored (shown through ``payment_methods.label``)."""


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text


def _error_label() -> QLabel:
    label = QLabel()
    label.setStyleSheet(palette.error_style())
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.hide()
    return label


def _show_error(label: QLabel, text: str) -> None:
    if label.text() == text and label.isHidden() != bool(text):
        return
    label.setText(text)
    label.setVisible(bool(text))
    window = label.window()
    layout = window.layout()
    if window is not label and window.isVisible() and layout is not None:
        layout.activate()  # grow the dialog to fit the wrapped message
        width = window.width()
        height = layout.totalHeightForWidth(width)
        window.resize(width, max(height, window.minimumSizeHint().height()))


def _date_edit(today: date) -> QDateEdit:
    edit = QDateEdit(fmt.qdate(today))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setMinimumDate(QDate(2000, 1, 1))
    edit.setMaximumDate(fmt.qdate(today))
    return edit


class MethodCombo(QComboBox):
    """An editable combo of common payment methods plus "Other" (type your own)."""

    def __init__(self, current: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        for method in METHODS:
            self.addItem(payment_methods.label(method), method)
        self.addItem(self.tr("Other"))
        self._other = self.count() - 1
        edit = self.lineEdit()
        assert edit is not None  # an editable combo has one
        self._edit: QLineEdit = edit
        self._edit.setPlaceholderText(self.tr("How you paid"))
        self.setEditText(payment_methods.label(current))
        self.activated.connect(self._on_activated)

    def _on_activated(self, index: int) -> None:
        if index == self._other:
            self.setEditText("")
            self._edit.setPlaceholderText(self.tr("Type how you paid"))
            self._edit.setFocus()

    def method(self) -> str:
        """The method typed or picked ("" for none)."""
        text = self.currentText().strip()
        return "" if text == self.itemText(self._other) else payment_methods.stored(text)


def _last_method(ctx: AppContext, plan_id: int) -> str:
    live = [p for p in sv.history(ctx.db, plan_id) if not p.voided and p.method]
    return live[-1].method if live else ""


class _PlanDialog(QDialog):
    """What both dialogs share: the plan's details, its name as a title, method and note,
    and recording through ``ctx.act`` with a refusal shown in ``error_label``."""

    def __init__(self, ctx: AppContext, plan_id: int, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.plan_id = plan_id
        self.recorded = False
        self.detail = sv.plan_detail(ctx.db, plan_id, ctx.today(), ctx.reminder_days)
        self.currency = self.detail.input.terms.currency
        self.setMinimumWidth(460)
        self.title_label = QLabel(self.detail.input.name)
        font = QFont(self.title_label.font())
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title_label.setFont(font)
        self.date_edit = _date_edit(ctx.today())
        self.method_combo = MethodCombo(_last_method(ctx, plan_id))
        self.note_edit = QLineEdit()
        self.note_edit.setPlaceholderText(QCoreApplication.translate("PaymentDialog", "Optional"))
        self.error_label = _error_label()

    def _record(self, label: str, done: str, func: Callable[..., Any], *args: Any) -> None:
        """Run the service through ``ctx.act`` (undoable); close on success, or show the
        refusal in place (nothing stored)."""
        result = self.ctx.act(
            self,
            label,
            func,
            self.plan_id,
            *args,
            method=self.method_combo.method(),
            note=self.note_edit.text(),
            plan_id=self.plan_id,
            done=done,
            on_error=lambda message: _show_error(self.error_label, _sentence(message)),
        )
        if result is not None:
            self.recorded = True
            super().accept()


class RecordPaymentDialog(_PlanDialog):
    """Record a payment on one plan: amount (prefilled with what is due), date, method, note."""

    def __init__(
        self,
        ctx: AppContext,
        plan_id: int,
        parent: QWidget | None = None,
        amount: int | None = None,
    ) -> None:
        super().__init__(ctx, plan_id, parent)
        self.setWindowTitle(self.tr("Record payment"))
        self.next_label = QLabel()
        self.next_label.setWordWrap(True)
        self.next_label.setText(self._next_text())
        self.balance_label = QLabel(
            self.tr("Balance owed: %1").replace(
                "%1", fmt.money(self.detail.state.balance, self.currency)
            )
        )

        self.overdue_label = QLabel(self._overdue_text())
        self.overdue_label.setWordWrap(True)
        self.overdue_label.setStyleSheet(palette.error_style())
        self.overdue_label.setVisible(bool(self.overdue_label.text()))
        nxt = self.detail.state.next_unpaid
        if amount is None and nxt is not None:
            amount = nxt.amount_due
        prefill = format_amount(amount, self.currency) if amount is not None else ""
        self.amount_edit = QLineEdit(prefill)
        self.amount_edit.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.amount_edit.setPlaceholderText("0.00")
        self.amount_error = _error_label()
        amount_row = QHBoxLayout()
        amount_row.addWidget(QLabel(currency(self.currency).symbol))
        amount_row.addWidget(self.amount_edit, 1)

        form = QFormLayout()
        amount_box = QVBoxLayout()
        amount_box.setSpacing(2)
        amount_box.addLayout(amount_row)
        amount_box.addWidget(self.amount_error)
        form.addRow(self.tr("Amount:"), amount_box)
        form.addRow(self.tr("Date paid:"), self.date_edit)
        form.addRow(self.tr("Method:"), self.method_combo)
        form.addRow(self.tr("Note:"), self.note_edit)

        self.service_error = self.error_label
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Record payment"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.title_label)
        layout.addWidget(self.next_label)
        layout.addWidget(self.overdue_label)
        layout.addWidget(self.balance_label)
        layout.addSpacing(8)
        layout.addLayout(form)
        layout.addWidget(self.service_error)
        layout.addWidget(self.buttons)

        self.amount_edit.textChanged.connect(self._validate)
        self.date_edit.dateChanged.connect(lambda _d: _show_error(self.service_error, ""))
        self._validate()
        if self.detail.closed_on is not None:
            self.amount_edit.setEnabled(False)
            _show_error(self.amount_error, "")
            _show_error(self.service_error, self.tr("This plan is paid off; nothing is owed."))
        self.amount_edit.selectAll()
        self.amount_edit.setFocus()

    def _next_text(self) -> str:
        nxt = self.detail.state.next_unpaid
        if nxt is None:
            return self.tr("Nothing is owed on this plan.")
        text = (
            self.tr("Next: period %1 of %2, due %3: %4")
            .replace("%1", str(nxt.period))
            .replace("%2", str(len(self.detail.installments)))
            .replace("%3", fmt.day(nxt.due_date))
            .replace("%4", self._with_penalty(nxt.remaining, nxt.penalty_due))
        )
        if nxt.status is Status.OVERDUE:
            text += " · " + self.tr("%n days overdue", "", nxt.days_overdue)
            self.next_label.setStyleSheet(palette.error_style())
        elif nxt.status is not Status.UPCOMING:
            text += " · " + fmt.status_label(nxt.status.value)
        return text

    def _with_penalty(self, amount: int, penalty: int) -> str:
        """ "¥418.00", or "¥418.00 + penalty ¥34.90" (¥418.00 + 罚息 ¥34.90)."""
        text = fmt.money(amount, self.currency)
        if penalty:
            text += " + " + self.tr("penalty %1").replace("%1", fmt.money(penalty, self.currency))
        return text

    def _overdue_text(self) -> str:
        """Several periods overdue: how many and what they ask for, the penalty apart."""
        late = [s for s in self.detail.installments if s.status is Status.OVERDUE]
        if len(late) < 2:
            return ""
        return (
            self.tr("Overdue: %1 periods (%2–%3), %4")
            .replace("%1", str(len(late)))
            .replace("%2", str(late[0].period))
            .replace("%3", str(late[-1].period))
            .replace(
                "%4",
                self._with_penalty(
                    sum(s.remaining for s in late), sum(s.penalty_due for s in late)
                ),
            )
        )

    def amount(self) -> int | None:
        """The amount typed, in minor units, or None when it is not valid."""
        try:
            return parse_amount(self.amount_edit.text(), self.currency)
        except AmountError:
            return None

    def _validate(self) -> None:
        _show_error(self.service_error, "")
        text = self.amount_edit.text()
        reason = ""
        if not text.strip():
            reason = self.tr("Enter the amount paid.")
        else:
            try:
                amount = parse_amount(text, self.currency)
            except AmountError as exc:
                reason = _sentence(describe(exc))
            else:
                balance = self.detail.state.balance
                if amount > balance and self.detail.closed_on is None:
                    reason = self.tr(
                        "More than the balance owed (%1): a payment can pay off at most the "
                        "whole balance."
                    ).replace("%1", fmt.money(balance, self.currency))
        _show_error(self.amount_error, reason)
        self.amount_edit.setStyleSheet(
            f"QLineEdit {{ {palette.invalid_border()} }}" if reason else ""
        )
        self.amount_edit.setToolTip(reason)
        self.ok_button.setEnabled(not reason and self.detail.closed_on is None)

    def accept(self) -> None:
        """Record the payment; on a refusal show why and keep the dialog open."""
        amount = self.amount()
        if amount is None or self.detail.closed_on is not None:
            return
        label = (
            self.tr("Payment of %1 on %2")
            .replace("%1", fmt.money(amount, self.currency))
            .replace("%2", self.detail.input.name)
        )
        done = (
            self.tr("Recorded %1 for %2")
            .replace("%1", fmt.money(amount, self.currency))
            .replace("%2", self.detail.input.name)
        )
        on = fmt.pydate(self.date_edit.date())
        self._record(label, done, sv.record_payment, amount, on, self.ctx.today())


class PayoffDialog(_PlanDialog):
    """Quote paying a plan off early on a date (live) and record it on confirmation."""

    def __init__(self, ctx: AppContext, plan_id: int, parent: QWidget | None = None) -> None:
        super().__init__(ctx, plan_id, parent)
        self.quote: PayoffQuote | None = None
        self.setWindowTitle(self.tr("Pay off early"))
        data = self.detail.input
        name = payoff_policy_name(data.terms.model, data.payoff_policy, data.payoff_penalty_pct)
        self.policy_label = QLabel(self.tr("Payoff policy: %1").replace("%1", name))
        self.policy_label.setWordWrap(True)

        self.principal_value = self._value_label()
        self.fees_value = self._value_label()
        self.penalty_value = self._value_label()
        self.waived_value = self._value_label()
        self.total_value = self._value_label()
        bold = QFont(self.total_value.font())
        bold.setBold(True)
        bold.setPointSizeF(bold.pointSizeF() * 1.15)
        self.total_value.setFont(bold)

        form = QFormLayout()
        form.addRow(self.tr("Payoff date:"), self.date_edit)
        form.addRow(self.tr("Remaining principal:"), self.principal_value)
        form.addRow(charges_charged(data.terms.model), self.fees_value)
        form.addRow(self.tr("Penalty and charges:"), self.penalty_value)
        form.addRow(charges_waived(data.terms.model), self.waived_value)
        total_caption = QLabel(self.tr("Total to pay:"))
        total_caption.setFont(bold)
        form.addRow(total_caption, self.total_value)
        form.addRow(self.tr("Method:"), self.method_combo)
        form.addRow(self.tr("Note:"), self.note_edit)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.confirm_button = QPushButton()
        self.confirm_button.setDefault(True)
        self.buttons.addButton(self.confirm_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.title_label)
        layout.addWidget(self.policy_label)
        layout.addSpacing(8)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)

        self.date_edit.dateChanged.connect(lambda _d: self.update_quote())
        self.update_quote()

    @staticmethod
    def _value_label() -> QLabel:
        label = QLabel()
        label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        label.setMinimumWidth(140)
        return label

    def update_quote(self) -> None:
        """Fetch the quote for the chosen date and show it."""
        on = fmt.pydate(self.date_edit.date())
        try:
            self.quote = sv.payoff_quote(self.ctx.db, self.plan_id, on, self.ctx.today())
        except (sv.ServiceError, AmountError) as exc:
            self.quote = None
            _show_error(self.error_label, _sentence(describe(exc)))
        else:
            _show_error(self.error_label, "")
        q, cur = self.quote, self.currency
        labels = (
            (self.principal_value, q.principal if q else None),
            (self.fees_value, q.fees if q else None),
            (self.penalty_value, q.penalty if q else None),
            (self.waived_value, q.waived if q else None),
            (self.total_value, q.amount if q else None),
        )
        for label, value in labels:
            label.setText(fmt.money(value, cur) if value is not None else "—")
        amount = q.amount if q else 0
        self.confirm_button.setText(
            self.tr("Pay off %1").replace("%1", fmt.money(amount, cur)) if q else self.tr("Pay off")
        )
        self.confirm_button.setEnabled(bool(q and q.amount > 0))

    def accept(self) -> None:
        """Record the payoff at the quoted amount; on a refusal show why."""
        if self.quote is None or self.quote.amount == 0:
            return
        label = self.tr("Payoff of %1").replace("%1", self.detail.input.name)
        done = (
            self.tr("Paid off %1 with %2")
            .replace("%1", self.detail.input.name)
            .replace("%2", fmt.money(self.quote.amount, self.currency))
        )
        self._record(label, done, sv.pay_off, self.quote.date, self.ctx.today())


def _open(
    ctx: AppContext,
    parent: QWidget | None,
    plan_id: int,
    factory: Callable[[AppContext, int, QWidget | None], RecordPaymentDialog | PayoffDialog],
    title: str,
) -> bool:
    try:
        dialog = factory(ctx, plan_id, parent)
    except sv.ServiceError as exc:
        ctx.interaction.error(parent, title, describe(exc))
        return False
    dialog.exec()
    recorded = dialog.recorded
    dialog.deleteLater()
    return recorded


def record_payment_dialog(
    ctx: AppContext, parent: QWidget | None, plan_id: int, amount: int | None = None
) -> bool:
    """Open the record-payment dialog for a plan, the amount prefilled with ``amount`` (by
    default what its next installment asks for); True if a payment was recorded."""
    title = QCoreApplication.translate("RecordPaymentDialog", "Record payment")

    def factory(c: AppContext, pid: int, p: QWidget | None) -> RecordPaymentDialog:
        return RecordPaymentDialog(c, pid, p, amount)

    return _open(ctx, parent, plan_id, factory, title)


def payoff_dialog(ctx: AppContext, parent: QWidget | None, plan_id: int) -> bool:
    """Show the early-payoff quote under the plan's policy and record it if confirmed."""
    title = QCoreApplication.translate("PayoffDialog", "Pay off early")
    return _open(ctx, parent, plan_id, PayoffDialog, title)

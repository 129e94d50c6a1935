"""One account's bill (账单): the installments a statement carries, the spending typed from it,
the total, the minimum, the due date and status; what paying only the minimum costs; the
lender's figure reconciled with the plans; and Pay bill….

What the user types from the statement (spending, the lender's total) is stored when the field
is left (``services.accounts.set_statement``), so the bill, the quote and the reconciliation
are always the services' own figures. Paying goes through ``ctx.act`` after a confirmation and
refreshes every screen like any other payment.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from tracker.domain.errors import UserError
from tracker.domain.money import AmountError, format_amount, parse_amount

from . import fmt
from .errors import describe, phrase_text
from .palette import error_style

__all__ = ["BillDialog", "open_bill_due"]


def _date_edit(value: date, month_only: bool = False) -> QDateEdit:
    edit = QDateEdit()
    edit.setCalendarPopup(not month_only)
    edit.setDisplayFormat("yyyy-MM" if month_only else "yyyy-MM-dd")
    edit.setDate(fmt.qdate(value))
    return edit


class BillDialog(QDialog):
    """The bill of one statement of an account (default: the bill to pay now)."""

    def __init__(
        self,
        ctx: Any,
        account_id: int,
        parent: QWidget | None = None,
        statement: date | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.account_id = account_id
        self.view: Any = None
        self.quote: Any = None
        self._build()
        self.load(statement)
        self.ctx.changed.connect(self._on_changed)

    # -- building ---------------------------------------------------------------------------
    def _build(self) -> None:
        self.statement = _date_edit(self.ctx.today(), month_only=True)
        self.statement.dateChanged.connect(lambda _d: self.load(self.statement_month()))
        self.dates = QLabel()
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Statement of")))
        top.addWidget(self.statement)
        top.addWidget(self.dates, 1)
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Plan"), self.tr("Period"), self.tr("Amount")]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.setMinimumHeight(110)
        self.spending = QLineEdit()
        self.spending.setPlaceholderText(self.tr("from the statement, e.g. 3,000.00"))
        self.spending.editingFinished.connect(self.save_typed)
        self.installments = QLabel()
        self.total = QLabel()
        bold = QFont(self.total.font())
        bold.setBold(True)
        self.total.setFont(bold)
        self.minimum = QLabel()
        self.due = QLabel()
        self.status = QLabel()
        self.status.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Ordinary spending"), self.spending)
        form.addRow(self.tr("Installments"), self.installments)
        form.addRow(self.tr("Total due"), self.total)
        form.addRow(self.tr("Minimum payment"), self.minimum)
        form.addRow(self.tr("Due date"), self.due)
        form.addRow(self.tr("Status"), self.status)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet(error_style())

        quote_box = QGroupBox(self.tr("What if I pay only the minimum?"))
        self.part = QLineEdit()
        self.paid_on = _date_edit(self.ctx.today())
        self.rest_on = _date_edit(self.ctx.today())
        self.quote_text = QLabel()
        self.quote_text.setWordWrap(True)
        qform = QFormLayout(quote_box)
        qform.addRow(self.tr("Pay now"), self.part)
        qform.addRow(self.tr("Paid on"), self.paid_on)
        qform.addRow(self.tr("The rest paid on"), self.rest_on)
        qform.addRow(self.quote_text)
        self.part.textChanged.connect(lambda _t: self.update_quote())
        self.paid_on.dateChanged.connect(lambda _d: self.update_quote())
        self.rest_on.dateChanged.connect(lambda _d: self.update_quote())

        rec_box = QGroupBox(self.tr("Reconcile with the lender's statement"))
        self.lender = QLineEdit()
        self.lender.setPlaceholderText(self.tr("the statement's total, e.g. 2,345.67"))
        self.lender.editingFinished.connect(self.save_typed)
        self.reconcile_text = QLabel()
        self.reconcile_text.setWordWrap(True)
        rform = QFormLayout(rec_box)
        rform.addRow(self.tr("Statement amount"), self.lender)
        rform.addRow(self.reconcile_text)

        self.pay_button = QPushButton(self.tr("&Pay bill…"))
        self.pay_button.clicked.connect(lambda _c=False: self.open_pay())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.pay_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.result = QLabel()
        self.result.setWordWrap(True)

        left = QVBoxLayout()
        left.addLayout(top)
        left.addWidget(self.table, 1)
        left.addLayout(form)
        left.addWidget(self.message)
        right = QVBoxLayout()
        right.addWidget(quote_box)
        right.addWidget(rec_box)
        right.addStretch(1)
        columns = QHBoxLayout()
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(columns, 1)
        layout.addWidget(self.result)
        layout.addWidget(buttons)
        self.resize(940, 520)

    # -- reading ----------------------------------------------------------------------------
    def statement_month(self) -> date:
        """The month chosen in the statement chooser."""
        return fmt.pydate(self.statement.date()).replace(day=1)

    def _money(self, minor: int) -> str:
        return fmt.money(minor, self.view.account.terms.currency if self.view else "CNY")

    def load(self, statement: date | None) -> None:
        """Read the bill of ``statement``'s month (None: the bill to pay now) and show it."""
        from tracker.services.accounts import bill

        try:
            view = bill(self.ctx.db, self.account_id, statement, self.ctx.today())
        except (UserError, ValueError) as exc:
            self.message.setText(describe(exc))
            return
        self.view = view
        b = view.bill
        self.setWindowTitle(self.tr("Bill: %1").replace("%1", view.account.name))
        self.statement.blockSignals(True)
        self.statement.setDate(QDate(b.statement_date.year, b.statement_date.month, 1))
        self.statement.blockSignals(False)
        self.dates.setText(
            self.tr("statement date %1, due %2")
            .replace("%1", fmt.day(b.statement_date))
            .replace("%2", fmt.day(b.due_date))
        )
        self.table.setRowCount(len(b.lines))
        for r, line in enumerate(b.lines):
            period = self.tr("Period %1 of %2").replace("%1", str(line.period))
            cells = [
                line.plan_name,
                period.replace("%2", str(line.periods)),
                self._money(line.amount),
            ]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if c == 2:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(r, c, item)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        cur = view.account.terms.currency
        self.spending.setText(format_amount(b.spending, cur) if b.spending else "")
        lender = view.lender_amount
        self.lender.setText("" if lender is None else format_amount(lender, cur))
        self.installments.setText(self._money(b.installments))
        self.total.setText(self._money(b.total))
        self.minimum.setText(self._money(view.minimum))
        self.due.setText(fmt.day(b.due_date))
        self.status.setText(self.status_text())
        self.message.setText("")
        self.part.setPlaceholderText(
            self.tr("the minimum, %1").replace("%1", self._money(view.minimum))
        )
        for edit, day in (
            (self.paid_on, b.due_date),
            (self.rest_on, b.due_date + timedelta(days=30)),
        ):
            edit.blockSignals(True)
            edit.setDate(fmt.qdate(day))
            edit.blockSignals(False)
        self.pay_button.setEnabled(not self.ctx.read_only)
        for edit in (self.spending, self.lender):  # typed figures are stored: not read-only
            edit.setReadOnly(self.ctx.read_only)
        self.update_quote()
        self._show_reconciliation()

    def status_text(self) -> str:
        """Where the bill stands today."""
        v, today = self.view, self.ctx.today()
        b = v.bill
        if b.statement_date > today:
            return self.tr("Not issued yet (statement on %1)").replace(
                "%1", fmt.day(b.statement_date)
            )
        if not b.lines:
            return self.tr("No installments on this statement")
        if v.remaining == 0:
            return self.tr("Installments paid")
        unpaid = self._money(v.remaining)
        if b.due_date < today:
            return self.tr("Overdue: %1 of installments unpaid").replace("%1", unpaid)
        return self.tr("To pay: %1 of installments unpaid").replace("%1", unpaid)

    # -- typed from the statement -----------------------------------------------------------
    def _typed(self, edit: QLineEdit) -> int | None:
        text = edit.text().strip()
        cur = self.view.account.terms.currency
        return parse_amount(text, cur, allow_zero=True) if text else None

    def save_typed(self) -> bool:
        """Store the spending and the lender's total typed (only what changed); False when a
        value is refused (said in red, nothing stored)."""
        from tracker.services.accounts import set_statement

        if self.view is None or self.ctx.read_only:
            return False
        try:
            spending = self._typed(self.spending) or 0
            lender = self._typed(self.lender)
        except AmountError as exc:
            self.message.setText(describe(exc))
            return False
        if spending == self.view.bill.spending and lender == self.view.lender_amount:
            return True
        changes: dict[str, int] = {"spending": spending}
        if lender is not None:
            changes["lender_amount"] = lender
        done = self.ctx.act(
            self,
            self.tr("Save statement"),
            set_statement,
            self.account_id,
            self.view.bill.statement_date,
            **changes,
        )
        if done is None:
            return False
        self.load(self.view.bill.statement_date)
        return True

    # -- quote ------------------------------------------------------------------------------
    def update_quote(self) -> None:
        """Quote paying the part typed (or the minimum) on "Paid on" and the rest later."""
        from tracker.services.accounts import quote_minimum

        if self.view is None:
            return
        try:
            paid = self._typed(self.part)
            _view, q = quote_minimum(
                self.ctx.db,
                self.account_id,
                self.view.bill.statement_date,
                fmt.pydate(self.paid_on.date()),
                fmt.pydate(self.rest_on.date()),
                self.ctx.today(),
                paid,
            )
        except (UserError, ValueError) as exc:
            self.quote = None
            self.quote_text.setStyleSheet(error_style())
            self.quote_text.setText(describe(exc))
            return
        self.quote = q
        m = self._money
        lines = [
            self.tr("%1 × %2 days from %3").replace("%1", m(x.basis)).replace(
                "%2", str(x.days)).replace("%3", fmt.day(x.start)) + " → " + m(x.interest)
            for x in q.lines
        ]  # fmt: skip
        head = (
            self.tr("Interest %1 + late fee %2 = %3")
            .replace("%1", m(q.interest))
            .replace("%2", m(q.late_fee))
            .replace("%3", m(q.cost))
        )
        if not q.cost:
            head = self.tr("Paid in full by the due date: no interest, no late fee.")
        self.quote_text.setStyleSheet("")
        self.quote_text.setText("\n".join([head, *lines]))

    # -- reconcile --------------------------------------------------------------------------
    def _show_reconciliation(self) -> None:
        v = self.view
        rec = v.reconciliation
        if v.lender_amount is None or rec is None:
            self.reconcile_text.setText(
                self.tr("Type the total on the lender's statement to check it.")
            )
            return
        text = (
            self.tr("Statement %1, your plans %2, difference %3")
            .replace("%1", self._money(v.lender_amount))
            .replace("%2", self._money(v.bill.total))
            .replace("%3", self._money(rec.difference))
        )
        if rec.matches:
            text += "\n" + self.tr("The statement matches your plans.")
        for e in rec.explanations:
            text += "\n" + (
                self.tr("%1, period %2: %3 (%4)")
                .replace("%1", e.line.plan_name)
                .replace("%2", str(e.line.period))
                .replace("%3", phrase_text(e.reason))
                .replace("%4", self._money(e.theirs))
            )
        self.reconcile_text.setText(text)

    # -- paying -----------------------------------------------------------------------------
    def default_amount(self) -> int:
        """What is left of the bill: its unpaid installments plus what was typed."""
        v = self.view
        return v.remaining + v.bill.total - v.bill.installments

    def open_pay(self) -> Any:
        """The Pay bill form (amount: what is left of the total; date: today)."""
        if self.view is None or self.ctx.refuse_if_read_only(self) or not self.save_typed():
            return None
        from .bill_pay import PayBillDialog

        dialog = PayBillDialog(self, self.default_amount())
        dialog.setModal(True)
        dialog.show()
        return dialog

    def pay(self, amount: int, on: date) -> bool:
        """Confirm, then pay ``amount`` on ``on`` towards this bill (one transaction)."""
        from tracker.services.accounts import pay_bill

        v = self.view
        title = self.tr("Pay bill")
        text = (
            self.tr("Pay %1 on %2 towards the bill of %3 due %4?")
            .replace("%1", self._money(amount))
            .replace("%2", fmt.day(on))
            .replace("%3", v.account.name)
            .replace("%4", fmt.day(v.bill.due_date))
        )
        text += "\n" + self.tr(
            "One payment is recorded on each plan the bill carries, oldest due first."
        )
        if not self.ctx.interaction.confirm(self, title, text, self.tr("Pay")):
            return False
        from tracker import services as sv

        stmt = v.bill.statement_date
        db = self.ctx.db
        snap = sv.snapshot_account(db, self.account_id)  # for Ctrl+Z: the whole bill payment
        label = self.tr("Pay bill of %1").replace("%1", v.account.name)
        confirm = (
            self.tr("Paid %1 towards the bill of %2")
            .replace("%1", self._money(amount))
            .replace("%2", v.account.name)
        )
        done = self.ctx.act(
            self,
            label,
            pay_bill,
            self.account_id,
            stmt,
            amount,
            on,
            self.ctx.today(),
            undo=lambda _result: lambda: sv.restore_snapshot(db, snap),
            done=confirm,
        )
        if done is None:
            return False
        _change, left = done
        said = self.tr("Recorded %1.").replace("%1", self._money(amount - left))
        if left:
            said += " " + self.tr(
                "%1 is left for the ordinary spending (the tracker does not track it)."
            ).replace("%1", self._money(left))
        self.result.setText(said)
        self.load(stmt)
        return True

    def _on_changed(self, _change: object) -> None:
        """Another action (a payment elsewhere, an undo): show the bill's figures again,
        unless the user is typing into it."""
        typing = self.spending.hasFocus() or self.lender.hasFocus()
        if self.isVisible() and self.view is not None and not typing:
            self.load(self.view.bill.statement_date)


def open_bill_due(ctx: Any, parent: QWidget | None, account_id: int, due: date) -> Any:
    """Show the bill of an account that falls due on ``due`` (a bill row of the Overview or
    the Calendar)."""
    from tracker.services.accounts import get_account

    terms = get_account(ctx.db, account_id).terms
    statement = terms.statement_for_month(due)
    while terms.due_date(statement) > due:
        statement = terms.previous_statement(statement)
    dialog = BillDialog(ctx, account_id, parent, statement)
    dialog.show()
    return dialog

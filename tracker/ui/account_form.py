"""The account form: every rule of a card or platform (``AccountTerms``), checked as typed.

Each field is parsed with the domain's parsers (``parse_amount``, ``parse_rate``) and the terms
are built with ``AccountTerms`` (its ``UserError`` names what is wrong and what is accepted);
the first problem is shown in red under the form and Save stays disabled until all is valid.
Saving goes through ``ctx.act``: a refusal (a name already used) is shown the app's way, and
the action can be undone. The daily interest rate is also shown as the annual rate it means.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from tracker.domain.accounts import (
    MONTH_END,
    AccountKind,
    AccountTerms,
    DueRule,
    DueRuleKind,
    InterestRule,
    default_terms,
)
from tracker.domain.errors import Phrase, UserError
from tracker.domain.money import AmountError, format_amount, parse_amount, parse_rate

from .account_words import interest_label, kind_choices
from .errors import describe
from .palette import error_style, invalid_border
from .plan_form import field_error, percent_text, set_combo

__all__ = ["AccountDialog"]


class _Bad(Exception):
    """A field's value is refused: which widget, and the message to show."""

    def __init__(self, widget: QWidget | None, message: str) -> None:
        super().__init__(message)
        self.widget = widget
        self.message = message


class AccountDialog(QDialog):
    """Add an account (``account`` None) or edit one (an ``AccountView``)."""

    def __init__(self, ctx: Any, parent: QWidget | None = None, account: Any = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.account = account
        self.saved_id: int | None = None
        self.setWindowTitle(self.tr("Edit account") if account else self.tr("New account"))
        self._filling = True  # no checks until the form is filled
        self._build()
        if account is not None:
            self._fill(account.name, account.terms, account.notes)
        else:
            self._fill("", default_terms(AccountKind.CREDIT_CARD, 5, DueRule.day_of_month(25)), "")
        self._filling = False
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.validate()

    # -- building ---------------------------------------------------------------------------
    def _line(self, placeholder: str = "") -> QLineEdit:
        edit = QLineEdit()
        edit.setPlaceholderText(placeholder)
        edit.textChanged.connect(lambda _t: self.validate())
        return edit

    def _build(self) -> None:
        self.name = self._line(self.tr("e.g. 招商银行信用卡 or 花呗"))
        self.kind = QComboBox()
        for label, value in kind_choices():
            self.kind.addItem(label, value)
        self.statement_day = QComboBox()
        for day in range(1, 29):
            self.statement_day.addItem(str(day), day)
        self.statement_day.addItem(self.tr("Month end"), MONTH_END)
        self.due_kind = QComboBox()
        self.due_kind.addItem(self.tr("On day of the month"), DueRuleKind.DAY_OF_MONTH.value)
        self.due_kind.addItem(self.tr("Days after the statement"), DueRuleKind.DAYS_AFTER.value)
        self.due_value = QSpinBox()
        self.due_value.setRange(1, 60)
        due_row = QHBoxLayout()
        due_row.setContentsMargins(0, 0, 0, 0)
        due_row.addWidget(self.due_kind, 1)
        due_row.addWidget(self.due_value)
        due_box = QWidget()
        due_box.setLayout(due_row)
        self.credit_limit = self._line(self.tr("optional, e.g. 50,000.00"))
        self.grace_days = QSpinBox()
        self.grace_days.setRange(0, 30)
        self.grace_days.setSuffix(self.tr(" days"))
        self.tolerance = self._line(self.tr("optional, e.g. 10.00"))
        self.min_percent = self._line(self.tr("e.g. 10"))
        self.interest_rule = QComboBox()
        for rule in InterestRule:
            self.interest_rule.addItem(interest_label(rule.value), rule.value)
        self.daily_rate = self._line(self.tr("e.g. 0.05"))
        self.annual = QLabel()
        self.annual.setStyleSheet("color: palette(placeholder-text);")
        rate_row = QHBoxLayout()
        rate_row.setContentsMargins(0, 0, 0, 0)
        rate_row.addWidget(self.daily_rate, 1)
        rate_row.addWidget(self.annual, 1)
        rate_box = QWidget()
        rate_box.setLayout(rate_row)
        self.late_percent = self._line(self.tr("e.g. 5 (0 = none)"))
        self.late_min = self._line(self.tr("e.g. 10.00"))
        self.notes = self._line()
        for widget in (self.kind, self.statement_day, self.due_kind, self.interest_rule):
            widget.currentIndexChanged.connect(lambda _i: self.validate())
        for spin in (self.due_value, self.grace_days):
            spin.valueChanged.connect(lambda _v: self.validate())
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.labels: dict[QWidget, str] = {}
        for text, widget, owner in (
            (self.tr("Name *"), self.name, self.name),
            (self.tr("Kind"), self.kind, self.kind),
            (self.tr("Statement day"), self.statement_day, self.statement_day),
            (self.tr("Due"), due_box, self.due_value),
            (self.tr("Credit limit"), self.credit_limit, self.credit_limit),
            (self.tr("Grace period"), self.grace_days, self.grace_days),
            (self.tr("Tolerance"), self.tolerance, self.tolerance),
            (self.tr("Minimum payment (% of spending)"), self.min_percent, self.min_percent),
            (self.tr("Interest on a part payment"), self.interest_rule, self.interest_rule),
            (self.tr("Daily interest rate (%)"), rate_box, self.daily_rate),
            (self.tr("Late fee (% of the unpaid minimum)"), self.late_percent, self.late_percent),
            (self.tr("Late fee at least"), self.late_min, self.late_min),
            (self.tr("Notes"), self.notes, self.notes),
        ):
            form.addRow(text, widget)
            self.labels[owner] = text.removesuffix(" *")
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(620)

    # -- filling ----------------------------------------------------------------------------
    def _fill(self, name: str, t: AccountTerms, notes: str) -> None:
        cur = t.currency
        self.name.setText(name)
        set_combo(self.kind, t.kind.value)
        set_combo(self.statement_day, t.statement_day)  # type: ignore[arg-type]
        set_combo(self.due_kind, t.due_rule.kind.value)
        self.due_value.setValue(t.due_rule.value)
        self.credit_limit.setText(
            "" if t.credit_limit is None else format_amount(t.credit_limit, cur)
        )
        self.grace_days.setValue(t.grace_days)
        self.tolerance.setText(format_amount(t.tolerance, cur) if t.tolerance else "")
        self.min_percent.setText(percent_text(t.min_percent))
        set_combo(self.interest_rule, t.interest_rule.value)
        self.daily_rate.setText(percent_text(t.daily_rate))
        self.late_percent.setText(percent_text(t.late_fee_percent))
        self.late_min.setText(format_amount(t.late_fee_min, cur))
        self.notes.setText(notes)

    def _kind_changed(self) -> None:
        """A new account takes the usual rules of its kind (花呗: the 1st, due the 10th)."""
        if self.account is not None or self._filling:
            return
        kind = AccountKind(self.kind.currentData())
        t = default_terms(kind, 1, DueRule.day_of_month(10))
        self._filling = True
        if kind is AccountKind.HUABEI:
            set_combo(self.statement_day, 1)  # type: ignore[arg-type]
            set_combo(self.due_kind, DueRuleKind.DAY_OF_MONTH.value)
            self.due_value.setValue(10)
        set_combo(self.interest_rule, t.interest_rule.value)
        self.late_percent.setText(percent_text(t.late_fee_percent))
        self.late_min.setText(format_amount(t.late_fee_min, t.currency))
        self._filling = False
        self.validate()

    # -- reading ----------------------------------------------------------------------------
    def _field(self, widget: QWidget, parse: Any) -> Any:
        try:
            return parse()
        except AmountError as exc:
            raise _Bad(widget, field_error(self.labels[widget], exc)) from None

    def _rate(self, edit: QLineEdit, what: Phrase) -> Decimal:
        return self._field(edit, lambda: parse_rate(edit.text(), what=what))

    def _amount(self, edit: QLineEdit, optional: bool) -> int | None:
        if optional and not edit.text().strip():
            return None
        return self._field(
            edit, lambda: parse_amount(edit.text(), self._currency(), allow_zero=True)
        )

    def _currency(self) -> str:
        return self.account.terms.currency if self.account is not None else "CNY"

    def read(self) -> tuple[str, AccountTerms, str]:
        """The name, the terms and the notes; ``_Bad`` names the first field refused."""
        name = self.name.text().strip()
        if not name:
            raise _Bad(None, self.tr("To save, fill in: %1").replace("%1", self.labels[self.name]))
        rule_kind = DueRuleKind(self.due_kind.currentData())
        try:
            rule = DueRule(rule_kind, self.due_value.value())
        except UserError as exc:
            raise _Bad(self.due_value, field_error(self.labels[self.due_value], exc)) from None
        limit = self._amount(self.credit_limit, optional=True)
        tolerance = self._amount(self.tolerance, optional=True) or 0
        min_percent = self._rate(self.min_percent, Phrase("minimum payment share"))
        daily = self._rate(self.daily_rate, Phrase("daily interest rate"))
        late_percent = self._rate(self.late_percent, Phrase("late fee share"))
        late_min = self._amount(self.late_min, optional=True) or 0
        try:
            terms = AccountTerms(
                kind=AccountKind(self.kind.currentData()),
                currency=self._currency(),
                statement_day=int(self.statement_day.currentData()),
                due_rule=rule,
                min_percent=min_percent,
                daily_rate=daily,
                interest_rule=InterestRule(self.interest_rule.currentData()),
                late_fee_percent=late_percent,
                late_fee_min=late_min,
                late_fee_max=None if self.account is None else self.account.terms.late_fee_max,
                credit_limit=limit,
                grace_days=self.grace_days.value(),
                tolerance=tolerance,
            )
        except UserError as exc:
            raise _Bad(None, describe(exc)) from None
        return name, terms, self.notes.text().strip()

    def validate(self) -> bool:
        """Check the form: mark the refused field, say why, enable Save when all is valid."""
        if self._filling:
            return False
        self._show_annual()
        for widget in self.labels:
            widget.setStyleSheet("")
        self.due_value.setMaximum(31 if self.due_kind.currentData() == "day_of_month" else 60)
        try:
            self.read()
        except _Bad as bad:
            if bad.widget is not None:
                name = bad.widget.metaObject().className()
                bad.widget.setStyleSheet(f"{name} {{ {invalid_border()} }}")
            self.message.setStyleSheet(error_style() if bad.widget or self.name.text() else "")
            self.message.setText(bad.message)
            self.save_button.setEnabled(False)
            return False
        self.message.setText("")
        self.save_button.setEnabled(True)
        return True

    def _show_annual(self) -> None:
        try:
            daily = parse_rate(self.daily_rate.text())
        except AmountError:
            self.annual.setText("")
            return
        annual = percent_text(daily * 365)
        self.annual.setText(self.tr("= %1% a year (× 365 days)").replace("%1", annual))

    # -- saving -----------------------------------------------------------------------------
    def save(self) -> None:
        """Store the account (undoable) and close; a refusal keeps the form open."""
        from tracker.services import accounts as acc

        if not self.validate():
            return
        name, terms, notes = self.read()
        ctx, db = self.ctx, self.ctx.db
        if self.account is None:
            change = ctx.act(
                self,
                self.tr("Add account"),
                acc.add_account,
                name,
                terms,
                notes,
                undo=lambda ch: lambda: acc.delete_account(db, ch.created_id),
            )
            self.saved_id = None if change is None else change.created_id
        else:
            old = self.account
            done = ctx.act(
                self,
                self.tr("Edit account"),
                acc.edit_account,
                old.id,
                name,
                terms,
                notes,
                undo=lambda _ch: (
                    lambda: acc.edit_account(db, old.id, old.name, old.terms, old.notes)
                ),
            )
            self.saved_id = None if done is None else old.id
        if self.saved_id is not None:
            self.accept()

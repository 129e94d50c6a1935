"""The plan form's data: filling it (from a plan or a template) and reading it back.

Kept apart from the dialog's layout so the rules are in one short place: every field is
parsed with ``parse_amount`` / ``parse_rate`` / ``parse_periods`` (their ``AmountError``
message says what is wrong and what is accepted), then ``PlanTerms`` checks the fields
together, then the schedule is built for the preview. Nothing touches the database.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from tracker import services as sv
from tracker.domain.checks import check_first_due, plan_warnings
from tracker.domain.errors import UserError
from tracker.domain.money import (
    AmountError,
    format_amount,
    parse_amount,
    parse_periods,
    parse_rate,
)
from tracker.domain.payoff import PayoffPolicy
from tracker.domain.plan import FeeMode, FeeRounding, Model, PlanTerms, Remainder, Schedule
from tracker.domain.schedule import build_schedule
from tracker.domain.templates import PlanTemplate
from tracker.services.workdays import calendar_for, workday_notes

from . import fmt
from .errors import describe, phrase_text
from .plan_account import account_schedule
from .workday_words import calendar_label, coverage_note

PlanDialog = Any
"""The plan dialog whose widgets these helpers read and fill (``plan_dialog.PlanDialog``, which
imports this module: naming the class here would make the two import each other)."""

T = TypeVar("T")
MAX_NAME = 200
_SEPARATORS = re.compile(r"[,，;；\s]+")


def percent_text(fraction: Decimal) -> str:
    """A fraction as the percentage a user would type: 0.006 → "0.6", 0.0435 → "4.35"."""
    value = (fraction * 100).normalize()
    return f"{value:f}"


def template_label(tpl: PlanTemplate) -> str:
    """The template's name in the UI language (Chinese names are data, English translated)."""
    if QLocale().language() == QLocale.Language.Chinese:
        return tpl.name_zh
    labels = {
        "xiaomi": QCoreApplication.translate("PlanTemplate", "Xiaomi installments (小米分期)"),
        "huabei": QCoreApplication.translate("PlanTemplate", "Huabei installments (花呗分期)"),
        "jd_baitiao": QCoreApplication.translate("PlanTemplate", "JD Baitiao (京东白条)"),
        "credit_card": QCoreApplication.translate(
            "PlanTemplate", "Credit-card installments (信用卡分期)"
        ),
        "annuity_loan": QCoreApplication.translate(
            "PlanTemplate", "Loan, equal installments (等额本息)"
        ),
        "equal_principal_loan": QCoreApplication.translate(
            "PlanTemplate", "Loan, equal principal (等额本金)"
        ),
        "interest_free": QCoreApplication.translate("PlanTemplate", "Interest-free (免息)"),
        "pay_in_4": QCoreApplication.translate("PlanTemplate", "Pay in 4 (every 2 weeks)"),
        "custom": QCoreApplication.translate("PlanTemplate", "Custom amounts (自定义)"),
    }
    return labels.get(tpl.key, tpl.name_en)


def set_combo(combo: QComboBox, data: str) -> None:
    """Select the item whose data is ``data`` (the first item if none)."""
    combo.setCurrentIndex(max(combo.findData(data), 0))


def _amount_text(minor: int, cur: str) -> str:
    return format_amount(minor, cur) if minor else ""


def _fill_rules(d: PlanDialog, grace: int, tolerance: int, penalty: Decimal) -> None:
    d.grace_spin.setValue(grace)
    d.tolerance_edit.setText(_amount_text(tolerance, d.currency))
    d.penalty_edit.setText(percent_text(penalty) if penalty else "")


def fill_from_input(d: PlanDialog, data: sv.PlanInput) -> None:
    """Put a stored plan's values into the form."""
    t, cur = data.terms, data.terms.currency
    d.name_edit.setText(data.name)
    d.platform_edit.setText(data.platform)
    d.account.set_account(data.account_id)
    d.set_purchase_date(data.purchase_date, t.first_due)
    d.notes_edit.setPlainText(data.notes)
    set_combo(d.model_combo, t.model.value)
    d.model_changed()
    d.principal_edit.setText(format_amount(t.principal, cur))
    d.periods_spin.setValue(t.periods)
    d.rate_edit.setText(percent_text(t.rate) if t.model.uses_rate else "")
    d.amounts_edit.setText(", ".join(format_amount(a, cur) for a in t.custom_amounts))
    d.first_due_edit.setDate(fmt.qdate(t.first_due))
    set_combo(d.remainder_combo, t.effective_remainder.value)
    set_combo(d.fee_mode_combo, t.fee_mode.value)
    set_combo(d.fee_rounding_combo, t.fee_rounding.value)
    d.down_edit.setText(_amount_text(t.down_payment, cur))
    d.upfront_edit.setText(_amount_text(t.upfront_fee, cur))
    _fill_rules(d, data.grace_days, data.tolerance, data.penalty_daily_rate)
    set_combo(d.policy_combo, data.payoff_policy.value)
    pct = data.payoff_penalty_pct
    d.policy_pct_edit.setText(percent_text(pct) if pct else "")
    if data.holidays and d.holidays_combo.findData(data.holidays) < 0:
        d.holidays_combo.addItem(calendar_label(data.holidays), data.holidays)
    d.holidays_combo.setCurrentIndex(max(d.holidays_combo.findData(data.holidays), 0))


def fill_from_template(d: PlanDialog, tpl: PlanTemplate) -> None:
    """Put a template's model, typical rate, periods and options into the form.

    The platform is filled only if empty or still the previous template's.
    """
    set_combo(d.model_combo, tpl.model.value)
    d.model_changed()
    d.periods_spin.setValue(tpl.periods)
    d.rate_edit.setText(percent_text(tpl.rate_for(tpl.periods)) if tpl.rate else "")
    set_combo(d.fee_mode_combo, tpl.fee_mode.value)
    set_combo(d.fee_rounding_combo, tpl.fee_rounding.value)
    set_combo(d.remainder_combo, tpl.effective_remainder.value)
    _fill_rules(d, tpl.grace_days, tpl.tolerance, tpl.penalty_daily_rate)
    hint = ""
    if not tpl.penalty_known:
        hint = QCoreApplication.translate(
            "PlanForm",
            "%1 does not publish its overdue penalty, so none is filled in: enter the daily "
            "rate in your contract (0 = no penalty tracked).",
        ).replace("%1", template_label(tpl))
    d.penalty_hint.setText(hint)
    d.advanced.setRowVisible(d.penalty_hint, bool(hint))
    set_combo(d.policy_combo, tpl.payoff_policy.value)
    pct = tpl.payoff_penalty_pct
    d.policy_pct_edit.setText(percent_text(pct) if pct else "")
    platform = d.platform_edit.text().strip()
    if not platform or platform == d.template_platform:
        d.platform_edit.setText(tpl.platform)
    d.template_platform = tpl.platform


def field_error(label: str, exc: BaseException) -> str:
    """A field's label and why its value is refused, in the UI language."""
    return (
        QCoreApplication.translate("PlanForm", "%1: %2")
        .replace("%1", label)
        .replace("%2", describe(exc))
    )


def split_amounts(text: str) -> list[str]:
    """The per-period amounts typed in one line, separated by commas, semicolons or spaces."""
    return [part for part in _SEPARATORS.split(text.strip()) if part]


@dataclass
class FormResult:
    """What the form holds now: the plan (None while invalid), its schedule, and the errors.

    ``errors`` maps each invalid widget to its message; ``pending`` holds required fields the
    user has not filled in yet (Save stays disabled, but they are not marked red).
    ``warnings`` are unusual but valid terms (``plan_warnings``), in the UI language.
    """

    data: sv.PlanInput | None = None
    schedule: Schedule | None = None
    errors: dict[QWidget, str] = field(default_factory=dict)
    labels: dict[QWidget, str] = field(default_factory=dict)
    pending: set[QWidget] = field(default_factory=set)
    warnings: tuple[str, ...] = ()
    moved: dict[int, date] = field(default_factory=dict)
    workday_note: str = ""

    def is_pending(self, widget: QWidget) -> bool:
        """Whether ``widget`` is an untouched, empty required field."""
        return widget in self.pending

    def has_shown_errors(self) -> bool:
        """Whether any error is shown in red."""
        return any(w not in self.pending for w in self.errors)

    def message(self) -> str:
        """Every shown error on its own line, then the fields still to fill in."""
        lines = [msg for w, msg in self.errors.items() if w not in self.pending]
        if self.pending:
            # "Name, Principal" / "名称、本金": the list separator is the language's own
            comma = QCoreApplication.translate("PlanForm", ", ", "separator between field names")
            names = comma.join(self.labels[w] for w in self.errors if w in self.pending)
            lines.append(
                QCoreApplication.translate("PlanForm", "To save, fill in: %1").replace("%1", names)
            )
        return "\n".join(lines)


class FormReader:
    """Reads a PlanDialog's widgets into a FormResult."""

    def __init__(self, dialog: PlanDialog) -> None:
        self.d = dialog

    def widgets(self) -> list[QWidget]:
        """Every widget that can be marked invalid."""
        d = self.d
        return [d.name_edit, d.principal_edit, d.periods_spin, d.rate_edit, d.amounts_edit,
                d.first_due_edit, d.down_edit, d.upfront_edit, d.tolerance_edit,
                d.penalty_edit, d.policy_pct_edit]  # fmt: skip

    def read(self) -> FormResult:
        """Parse every field; build the terms, the schedule and the PlanInput if all is valid."""
        d = self.d
        result = FormResult()
        cur = d.currency

        def field_value(widget: QWidget, label: str, parse: Callable[[], T]) -> T | None:
            result.labels[widget] = label
            try:
                return parse()
            except AmountError as exc:
                result.errors[widget] = field_error(label, exc)
                text = widget.text() if isinstance(widget, QLineEdit) else "x"
                if not text.strip() and widget not in d.touched:
                    result.pending.add(widget)
                return None

        def optional_amount(edit: QLineEdit) -> int:
            text = edit.text()
            return parse_amount(text, cur, allow_zero=True) if text.strip() else 0

        def optional_rate(edit: QLineEdit, what: str) -> Decimal:
            return parse_rate(edit.text(), what=what) if edit.text().strip() else Decimal(0)

        name = d.name_edit.text().strip()
        field_value(
            d.name_edit, QCoreApplication.translate("PlanForm", "Name"), lambda: self._name(name)
        )
        model = d.model()
        principal = field_value(
            d.principal_edit,
            QCoreApplication.translate("PlanForm", "Principal"),
            lambda: parse_amount(d.principal_edit.text(), cur),
        )
        periods = field_value(
            d.periods_spin,
            QCoreApplication.translate("PlanForm", "Periods"),
            lambda: parse_periods(d.periods_spin.lineEdit().text()),
        )
        rate: Decimal | None = Decimal(0)
        if model.uses_rate:
            rate = field_value(
                d.rate_edit, d.rate_label.text(), lambda: parse_rate(d.rate_edit.text())
            )
        amounts: tuple[int, ...] | None = ()
        if model is Model.CUSTOM:
            amounts = field_value(
                d.amounts_edit,
                QCoreApplication.translate("PlanForm", "Per-period amounts"),
                lambda: self._amounts(periods),
            )
        down = field_value(
            d.down_edit,
            QCoreApplication.translate("PlanForm", "Down payment"),
            lambda: optional_amount(d.down_edit),
        )
        upfront = field_value(
            d.upfront_edit,
            QCoreApplication.translate("PlanForm", "Upfront fee"),
            lambda: optional_amount(d.upfront_edit),
        )
        tolerance = field_value(
            d.tolerance_edit,
            QCoreApplication.translate("PlanForm", "Tolerance"),
            lambda: optional_amount(d.tolerance_edit),
        )
        penalty = field_value(
            d.penalty_edit,
            QCoreApplication.translate("PlanForm", "Penalty"),
            lambda: optional_rate(d.penalty_edit, "penalty rate"),
        )
        policy = PayoffPolicy(d.policy_combo.currentData())
        pct: Decimal | None = Decimal(0)
        if policy is PayoffPolicy.PENALTY_PCT:
            pct = field_value(
                d.policy_pct_edit,
                QCoreApplication.translate("PlanForm", "Payoff charge"),
                lambda: optional_rate(d.policy_pct_edit, "payoff charge"),
            )
        values = (principal, periods, rate, amounts, down, upfront)
        if any(v is None for v in values):
            return result
        assert principal is not None and periods is not None and rate is not None
        assert amounts is not None and down is not None and upfront is not None
        try:
            terms = PlanTerms(
                model=model,
                principal=principal,
                periods=periods,
                first_due=fmt.pydate(d.first_due_edit.date()),
                rate=rate,
                currency=cur,
                remainder=Remainder(d.remainder_combo.currentData()),
                fee_mode=FeeMode(d.fee_mode_combo.currentData()),
                upfront_fee=upfront,
                down_payment=down,
                custom_amounts=amounts,
                fee_rounding=FeeRounding(d.fee_rounding_combo.currentData()),
            )
            result.schedule = build_schedule(terms)
        except AmountError as exc:
            widget = self._culprit(str(exc), model)
            result.errors[widget] = field_error(result.labels[widget], exc)
            return result
        holidays: str | None = d.holidays_combo.currentData()
        if holidays:
            try:
                result.schedule = build_schedule(terms, calendar_for(holidays))
                found, years = workday_notes(result.schedule, holidays)
            except UserError as exc:
                label = QCoreApplication.translate("PlanForm", "Working days")
                result.labels[d.holidays_combo] = label
                result.errors[d.holidays_combo] = field_error(label, exc)
                return result
            result.moved = {m.period: m.original for m in found}
            result.workday_note = coverage_note(holidays, years)
        account = d.account.chosen_terms()
        result.schedule = account_schedule(result.schedule, account, d.purchase_date(), holidays)
        result.warnings = tuple(phrase_text(w) for w in plan_warnings(terms, d.ctx.today()))
        try:
            check_first_due(terms, d.purchase_date())
        except AmountError as exc:
            label = QCoreApplication.translate("PlanForm", "First due date")
            result.labels[d.first_due_edit] = label
            result.errors[d.first_due_edit] = field_error(label, exc)
            return result
        if result.errors or tolerance is None or penalty is None or pct is None:
            return result
        result.data = sv.PlanInput(
            name=name,
            terms=terms,
            platform=d.platform_edit.text().strip(),
            purchase_date=d.purchase_date(),
            notes=d.notes_edit.toPlainText().strip(),
            grace_days=d.grace_spin.value(),
            tolerance=tolerance,
            penalty_daily_rate=penalty,
            payoff_policy=policy,
            payoff_penalty_pct=pct,
            holidays=holidays,
            account_id=d.account.account_id(),
        )
        return result

    @staticmethod
    def _name(name: str) -> str:
        if not name:
            raise AmountError("a plan needs a name, e.g. 'Xiaomi 14' or '花呗 - 冰箱'")
        if len(name) > MAX_NAME:
            raise AmountError("the name is longer than {most} characters", most=MAX_NAME)
        return name

    def _amounts(self, periods: int | None) -> tuple[int, ...]:
        parts = split_amounts(self.d.amounts_edit.text())
        if not parts:
            raise AmountError(
                "enter each period's total, separated by commas, e.g. 340.34, 340.33, 340.33"
            )
        amounts = []
        for k, part in enumerate(parts, start=1):
            try:
                amounts.append(parse_amount(part, self.d.currency))
            except AmountError as exc:
                raise AmountError("amount {k}: {error}", k=k, error=exc) from None
        if periods is not None and len(amounts) != periods:
            raise AmountError(
                "{count} amounts for {periods} periods; enter one amount per period "
                "(or change the number of periods)",
                count=len(amounts),
                periods=periods,
            )
        return tuple(amounts)

    def _culprit(self, message: str, model: Model) -> QWidget:
        """The field a cross-field error from PlanTerms belongs to (by its English text)."""
        d = self.d
        if "upfront" in message:
            return d.upfront_edit
        if model is Model.CUSTOM and "amount" in message:
            return d.amounts_edit
        return d.principal_edit


def explain_edit(d: PlanDialog) -> None:
    """Editing a plan: lock the terms of a paid-off plan, or say that payments are kept."""
    detail = d.detail
    if detail is not None and detail.closed_on is not None:
        for widget in (d.template_combo, d.model_combo, d.principal_edit, d.periods_spin,
                       d.rate_edit, d.amounts_edit, d.first_due_edit, d.remainder_combo,
                       d.fee_mode_combo, d.fee_rounding_combo, d.down_edit,
                       d.upfront_edit, d.paid_spin, d.holidays_combo):  # fmt: skip
            widget.setEnabled(False)
        text = QCoreApplication.translate(
            "PlanDialog", "This plan is paid off: its terms can no longer change."
        )
    elif detail is not None and detail.state.paid_total:
        text = QCoreApplication.translate(
            "PlanDialog",
            "This plan has payments. They are kept: new terms only regenerate "
            "the periods that are not paid yet.",
        )
    else:
        return
    d.note.setText(text)
    d.note.setVisible(True)

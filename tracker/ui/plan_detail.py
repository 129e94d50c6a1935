"""The plan detail panel: terms, cost, APR and the schedule with each installment's status.

Also home to the schedule table columns shared with the plan form's live preview, and the
labels that say what a plan's rate and payoff policy mean.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal
from typing import TypeVar

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from tracker import services as sv
from tracker.domain.ledger import InstallmentState, LedgerState, Status
from tracker.domain.plan import Installment, Model
from tracker.domain.templates import RateBasis, rate_basis

from . import fmt
from .charge_words import charge_name, policy_label, rate_caption, total_charge
from .palette import secondary_style, status_tone
from .plan_payments import payments_model
from .status_marks import status_icon
from .table_model import Column, RowTableModel, read_only_view
from .workday_words import calendar_label, coverage_note, moved_day

R = TypeVar("R")


def exact_percent(fraction: Decimal) -> str:
    """A rate as a percentage with at least two decimals and no lost digits ("0.60%", "0.035%")."""
    value = (fraction * 100).normalize()
    exponent = value.as_tuple().exponent
    places = max(2, -exponent) if isinstance(exponent, int) else 2
    return f"{value:.{places}f}%"


def rate_text(model: str, rate: Decimal) -> str:
    """The rate with its meaning: "0.60% per period", "4.50% of the principal", "4.35% a year"."""
    basis = rate_basis(model)
    value = exact_percent(rate)
    if basis is RateBasis.PER_PERIOD:
        return QCoreApplication.translate("PlanDetail", "%1 per period").replace("%1", value)
    if basis is RateBasis.TOTAL:
        return QCoreApplication.translate("PlanDetail", "%1 of the principal, in total").replace(
            "%1", value
        )
    if basis is RateBasis.ANNUAL:
        return QCoreApplication.translate("PlanDetail", "%1 a year").replace("%1", value)
    return QCoreApplication.translate("PlanDetail", "none")


def _amount(
    header: Callable[[], str],
    value: Callable[[R], int],
    money: Callable[[int], str],
    tooltip: Callable[[R], str] | None = None,
) -> Column[R]:
    """A right-aligned money column that sorts by the amount."""
    return Column(header, lambda r: money(value(r)), value, True, tooltip)


def _money_of(currency: str) -> Callable[[int], str]:
    return lambda value: fmt.money(value, currency)


def _due(row: Installment | InstallmentState) -> date:
    return row.due_date


def _state_status(
    s: InstallmentState, prior: frozenset[int] = frozenset(), payoff: frozenset[int] = frozenset()
) -> str:
    if s.status is Status.PAID and s.period in prior:
        return QCoreApplication.translate("Schedule", "Paid before tracking")
    if s.status is Status.PAID and s.period in payoff and s.settled_on is not None:
        return QCoreApplication.translate("Schedule", "Paid off %1").replace(
            "%1", fmt.day(s.settled_on)
        )
    label = fmt.status_label(s.status.value)
    if s.status is Status.OVERDUE and s.days_overdue:
        days = QCoreApplication.translate("Schedule", "%1 d").replace("%1", str(s.days_overdue))
        return f"{label} ({days})"
    return label


def _state_highlight(s: InstallmentState) -> str | None:
    return status_tone(s.status)


def schedule_model(
    currency: str,
    charge: Callable[[], str],
    parent: QWidget | None = None,
    prior: list[frozenset[int]] | None = None,
    moved: list[dict[int, date]] | None = None,
    payoff: list[frozenset[int]] | None = None,
) -> RowTableModel[InstallmentState]:
    """A plan's installments as of a date, with what was paid, what is left and the status;
    ``charge`` gives the fee column's header ("Fee", or "Interest" for a loan); the penalty
    charged on a period has its own column, so Total + Penalty − Paid = Remaining on every
    row; the periods in ``prior[0]`` are labelled paid before tracking and those in
    ``payoff[0]`` "Paid off <date>"; a period in ``moved[0]`` shows the date it was moved
    from (off a non-working day)."""
    money = _money_of(currency)
    before = prior if prior is not None else [frozenset()]
    shifted = moved if moved is not None else [{}]
    closed = payoff if payoff is not None else [frozenset()]

    def penalty_tip(s: InstallmentState) -> str:
        if not s.penalty:
            return ""
        return (
            QCoreApplication.translate("Schedule", "Penalty %1: %2 paid, %3 still owed")
            .replace("%1", money(s.penalty))
            .replace("%2", money(s.paid_penalty))
            .replace("%3", money(s.penalty_due))
        )

    def penalty(s: InstallmentState) -> str:
        return money(s.penalty) if s.penalty else ""

    columns: list[Column[InstallmentState]] = [
        Column(
            lambda: QCoreApplication.translate("Schedule", "#"),
            lambda s: str(s.period),
            lambda s: s.period,
            True,
        ),
        Column(
            lambda: QCoreApplication.translate("Schedule", "Due date"),
            lambda s: moved_day(s.due_date, shifted[0].get(s.period)),
            _due,
        ),
        _amount(
            lambda: QCoreApplication.translate("Schedule", "Principal"),
            lambda s: s.installment.principal,
            money,
        ),
        _amount(charge, lambda s: s.installment.fee, money),
        _amount(
            lambda: QCoreApplication.translate("Schedule", "Total"),
            lambda s: s.installment.total,
            money,
        ),
        Column(
            lambda: QCoreApplication.translate("Schedule", "Penalty"),
            penalty,
            lambda s: s.penalty,
            True,
            penalty_tip,
        ),
        _amount(lambda: QCoreApplication.translate("Schedule", "Paid"), lambda s: s.paid, money),
        _amount(
            lambda: QCoreApplication.translate("Schedule", "Remaining"),
            lambda s: s.amount_due,
            money,
            penalty_tip,
        ),
        Column(
            lambda: QCoreApplication.translate("Schedule", "Status"),
            lambda s: _state_status(s, before[0], closed[0]),
            lambda s: s.status.value,
            tooltip=penalty_tip,
            icon=lambda s: status_icon(s.status),
        ),
    ]
    return RowTableModel(columns, _state_highlight, parent)


def setup_table(view: QTableView) -> None:
    """The look every schedule table shares: whole rows, no grid, compact rows."""
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setShowGrid(False)
    view.setWordWrap(False)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
    header.setMinimumSectionSize(view.fontMetrics().horizontalAdvance("00") + 12)


def fit_due_column(view: QTableView) -> None:
    """A schedule's due-date column (the second) shown whole, even when it says where a date
    was moved from: "2026-02-24 (from 02-15)"."""
    view.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)


class PlanDetailPanel(QWidget):
    """Shows one plan (``set_detail``) or a hint when none is selected."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.detail: sv.PlanDetail | None = None
        self._stack = QStackedWidget(self)
        self.hint = QLabel(self.tr("Select a plan to see its terms and schedule."))
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint.setEnabled(False)
        self._stack.addWidget(self.hint)
        self._stack.addWidget(self._build_body())
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self._stack)

    def _build_body(self) -> QWidget:
        body = QWidget()
        row = QHBoxLayout(body)
        row.setContentsMargins(0, 4, 0, 0)
        info = QWidget()
        col = QVBoxLayout(info)
        col.setContentsMargins(4, 0, 8, 0)
        self.title = QLabel()
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setWordWrap(True)
        self.subtitle = QLabel()
        self.subtitle.setWordWrap(True)
        col.addWidget(self.title)
        col.addWidget(self.subtitle)
        self.grid = QGridLayout()
        self.grid.setHorizontalSpacing(12)
        self.grid.setVerticalSpacing(3)
        col.addLayout(self.grid)
        col.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidget(info)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setMinimumWidth(320)
        self.values: dict[str, QLabel] = {}
        self._currency = "CNY"
        self._plan_model = Model.FLAT
        self._prior: list[frozenset[int]] = [frozenset()]
        self._moved: list[dict[int, date]] = [{}]
        self._payoff: list[frozenset[int]] = [frozenset()]
        self._payment_periods: list[tuple[dict[int, tuple[int, ...]], int]] = [({}, 0)]
        self.schedule = schedule_model(
            self._currency, self._charge_header, self, self._prior, self._moved, self._payoff
        )
        self.table = QTableView()
        self.table.setModel(self.schedule)
        self._setup_table()
        self.payments = payments_model(self._payment_periods, self)
        self.payments_table = read_only_view(self.payments)
        self.payments_table.setSortingEnabled(False)
        self.payments_table.setWordWrap(False)
        header = self.payments_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.payments_title = QLabel()
        bold = QFont(self.payments_title.font())
        bold.setBold(True)
        self.payments_title.setFont(bold)
        payments_box = QWidget()
        box = QVBoxLayout(payments_box)
        box.setContentsMargins(0, 4, 0, 0)
        box.addWidget(self.payments_title)
        box.addWidget(self.payments_table)
        self.right = QSplitter(Qt.Orientation.Vertical)
        self.right.addWidget(self.table)
        self.right.addWidget(payments_box)
        self.right.setStretchFactor(0, 3)
        self.right.setStretchFactor(1, 2)
        self.right.setSizes([300, 200])
        self.right.setChildrenCollapsible(False)
        row.addWidget(scroll, 2)
        row.addWidget(self.right, 3)
        return body

    def _fill(self, pairs: list[tuple[str, str, str]]) -> None:
        while self.grid.count():
            item = self.grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()  # deleteLater waits for the event loop; never show stale text
                widget.deleteLater()
        self.values = {}
        for r, (key, label, value) in enumerate(pairs):
            name = QLabel(label)
            name.setStyleSheet(secondary_style())  # ≥ 4.5:1, unlike disabled text (1.6:1)
            shown = QLabel(value)
            shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            shown.setWordWrap(True)
            if key in ("apr", "remaining", "total_cost"):
                font = shown.font()
                font.setBold(True)
                shown.setFont(font)
            self.grid.addWidget(name, r, 0, Qt.AlignmentFlag.AlignTop)
            self.grid.addWidget(shown, r, 1)
            self.values[key] = shown
        self.grid.setColumnStretch(1, 1)

    def clear(self, hint: str | None = None) -> None:
        """Show the hint instead of a plan."""
        self.detail = None
        self.schedule.set_rows([])
        if hint:
            self.hint.setText(hint)
        self._stack.setCurrentIndex(0)

    def set_detail(self, detail: sv.PlanDetail) -> None:
        """Show ``detail``."""
        self.detail = detail
        data, terms, state, cost = detail.input, detail.input.terms, detail.state, detail.cost
        cur = terms.currency

        def money(value: int) -> str:
            return fmt.money(value, cur)

        self.title.setText(data.name)
        parts = [data.platform, fmt.model_label(terms.model.value), fmt.status_label(detail.status)]
        self.subtitle.setText(" · ".join(p for p in parts if p))
        rows = len(detail.installments)  # the stored schedule's (a prepayment changes them)
        periods = self.tr("%1 (%2 paid)").replace("%1", str(rows))
        pairs = [
            ("principal", self.tr("Principal"), money(terms.principal)),
            ("periods", self.tr("Periods"), periods.replace("%2", str(state.periods_paid))),
        ]
        if terms.model.uses_rate:
            pairs.append(
                ("rate", rate_caption(terms.model), rate_text(terms.model.value, terms.rate))
            )
        pairs += [
            ("first_due", self.tr("First due"), fmt.day(terms.first_due)),
            ("purchase", self.tr("Purchase date"), fmt.day(data.purchase_date)),
        ]
        if data.holidays:
            shown = calendar_label(data.holidays)
            note = coverage_note(data.holidays, detail.uncovered_years)
            pairs.append(("holidays", self.tr("Working-day calendar"), note or shown))
        if terms.down_payment:
            pairs.append(("down_payment", self.tr("Down payment"), money(terms.down_payment)))
        if terms.upfront_fee:
            pairs.append(("upfront_fee", self.tr("Upfront fee"), money(terms.upfront_fee)))
        days = self.tr("%n days", "", data.grace_days)
        pct = data.payoff_penalty_pct
        pairs += [
            ("grace", self.tr("Grace period"), days),
            ("tolerance", self.tr("Tolerance"), money(data.tolerance)),
            ("penalty_rate", self.tr("Penalty"), self._penalty_text(data.penalty_daily_rate)),
            ("policy", self.tr("Early payoff"), policy_label(terms.model, data.payoff_policy, pct)),
            ("total_fee", total_charge(terms.model), money(detail.total_fee)),
            ("total_cost", self.tr("Total cost"), money(cost.total_cost)),
            ("apr", self.tr("APR"), fmt.percent(cost.apr)),
            ("effective", self.tr("Effective rate"), fmt.percent(cost.effective_rate)),
            ("paid", self.tr("Paid"), money(state.paid_total)),
            ("remaining", self.tr("Remaining"), self._remaining_text(state, money)),
        ]  # fmt: skip
        if detail.prior_periods:
            before = self.tr("%n periods", "", len(detail.prior_periods))
            pairs.append(("prior", self.tr("Paid before tracking"), before))
        if state.penalty_due:
            pairs.append(("penalty", self.tr("Penalty owed"), money(state.penalty_due)))
        if detail.closed_on:
            pairs.append(("closed", self.tr("Paid off on"), fmt.day(detail.closed_on)))
        if data.notes:
            pairs.append(("notes", self.tr("Notes"), data.notes))
        self._fill(pairs)
        if self._currency != cur:
            self._currency = cur
            self.schedule = schedule_model(
                cur, self._charge_header, self, self._prior, self._moved, self._payoff
            )
            self.table.setModel(self.schedule)
            self._setup_table()
        self._plan_model = terms.model
        self._prior[0] = detail.prior_periods
        self._moved[0] = {m.period: m.original for m in detail.moved}
        self._payoff[0] = detail.payoff_periods
        self.schedule.set_rows(detail.installments)  # a reset: the header follows the model
        self._payment_periods[0] = (detail.payment_periods, rows)
        self.payments.set_rows(list(reversed(detail.payments)))  # the latest first
        live = [p for p in detail.payments if not p.voided]
        self.payments_title.setText(
            self.tr("Payments: %1, total %2")
            .replace("%1", str(len(live)))
            .replace("%2", money(sum(p.amount for p in live)))
            if detail.payments
            else self.tr("No payments recorded yet")
        )
        self._stack.setCurrentIndex(1)

    def _setup_table(self) -> None:
        setup_table(self.table)  # and the status ("Overdue (318 d)") is never cut short
        fit_due_column(self.table)
        fit = QHeaderView.ResizeMode.ResizeToContents
        self.table.horizontalHeader().setSectionResizeMode(self.schedule.columnCount() - 1, fit)

    def _charge_header(self) -> str:
        return charge_name(self._plan_model)

    def _remaining_text(self, state: LedgerState, money: Callable[[int], str]) -> str:
        """What is owed, the penalty never hidden in it: "¥3,859.20 + penalty ¥24.93"."""
        penalty = sum(s.penalty_due for s in state.installments)
        if not penalty:
            return money(state.balance)
        return (
            money(state.balance - penalty)
            + " + "
            + self.tr("penalty %1").replace("%1", money(penalty))
        )

    def _penalty_text(self, rate: Decimal) -> str:
        if not rate:
            return self.tr("none")
        return self.tr("%1 per day overdue").replace("%1", exact_percent(rate))

"""The plan form's live preview: the schedule as generated, its cost and APR, and for a plan
already under way the periods paid before tracking (greyed, labelled) and what is left."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QFormLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from tracker.domain.apr import cost_of_credit
from tracker.domain.plan import Installment, Model, Schedule

from . import fmt
from .charge_words import charge_name, total_charge
from .plan_detail import _amount, _due, _money_of, fit_due_column, setup_table
from .table_model import Column, RowTableModel
from .workday_words import moved_day

__all__ = ["SchedulePreview", "preview_model"]


def paid_before_tracking_label() -> str:
    """The status of a period settled before the plan was tracked."""
    return QCoreApplication.translate("Schedule", "Paid before tracking")


def headline(installments: Sequence[Installment], money: Callable[[int], str]) -> str:
    """What the plan costs each period, first: "¥321.60 × 12 periods" (每期 ¥321.60 × 12 期);
    a few different amounts are listed ("¥340.34 × 1 + ¥340.33 × 2 (3 periods)"), many are
    given as a range."""
    n = len(installments)
    if not n:
        return ""
    runs: list[tuple[int, int]] = []  # (amount, how many periods in a row)
    for item in installments:
        if runs and runs[-1][0] == item.total:
            runs[-1] = (item.total, runs[-1][1] + 1)
        else:
            runs.append((item.total, 1))
    if len(runs) == 1:
        text = QCoreApplication.translate("SchedulePreview", "%1 × %n periods", "", n)
        return text.replace("%1", money(runs[0][0]))
    if len(runs) <= 3:
        parts = " + ".join(f"{money(amount)} × {count}" for amount, count in runs)
        text = QCoreApplication.translate("SchedulePreview", "%1 (%n periods)", "", n)
        return text.replace("%1", parts)
    first, last = installments[0].total, installments[-1].total
    text = QCoreApplication.translate("SchedulePreview", "%1 to %2 a period, %n periods", "", n)
    return text.replace("%1", money(first)).replace("%2", money(last))


def preview_model(
    currency: str,
    charge: Callable[[], str],
    parent: QWidget | None = None,
    paid: list[int] | None = None,
    moved: list[dict[int, date]] | None = None,
    settled: dict[int, date] | None = None,
) -> RowTableModel[Installment]:
    """A table of installments as generated (period, due date, principal, fee, total), the
    first ``paid[0]`` of them marked paid before tracking; ``charge`` gives the fee column's
    header ("Fee", or "Interest" for a loan); a period in ``moved[0]`` shows the date it was
    moved from; a period in ``settled`` (editing a plan) is marked paid, with the date."""
    money = _money_of(currency)
    count = paid if paid is not None else [0]
    shifted = moved if moved is not None else [{}]
    done = settled if settled is not None else {}

    def status(i: Installment) -> str:
        if i.period <= count[0]:
            return paid_before_tracking_label()
        if i.period in done:
            text = QCoreApplication.translate("SchedulePreview", "Paid %1")
            return text.replace("%1", fmt.day(done[i.period]))
        return ""

    columns: list[Column[Installment]] = [
        Column(
            lambda: QCoreApplication.translate("Schedule", "#"),
            lambda i: str(i.period),
            lambda i: i.period,
            True,
        ),
        Column(
            lambda: QCoreApplication.translate("Schedule", "Due date"),
            lambda i: moved_day(i.due_date, shifted[0].get(i.period)),
            _due,
        ),
        _amount(
            lambda: QCoreApplication.translate("Schedule", "Principal"),
            lambda i: i.principal,
            money,
        ),
        _amount(charge, lambda i: i.fee, money),
        _amount(lambda: QCoreApplication.translate("Schedule", "Total"), lambda i: i.total, money),
        Column(lambda: QCoreApplication.translate("Schedule", "Status"), status, status),
    ]
    return RowTableModel(
        columns,
        lambda i: "muted" if i.period <= count[0] or i.period in done else None,
        parent=parent,
    )


class SchedulePreview(QWidget):
    """A schedule as generated, with its total fee, total cost, APR and effective rate."""

    def __init__(self, currency: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.currency = currency
        self._paid = [0]
        self._moved: list[dict[int, date]] = [{}]
        self.settled: dict[int, date] = {}
        """Periods already paid (editing a plan): period → the day it was settled."""
        self.plan_model = Model.FLAT
        self.model = preview_model(
            currency,
            lambda: charge_name(self.plan_model),
            self,
            self._paid,
            self._moved,
            self.settled,
        )
        self.headline = QLabel()
        self.headline.setObjectName("preview_headline")
        big = self.headline.font()
        big.setPointSizeF(big.pointSizeF() * 1.35)
        big.setBold(True)
        self.headline.setFont(big)
        self.headline.setWordWrap(True)
        self.table = QTableView()
        self.table.setModel(self.model)
        setup_table(self.table)
        fit_due_column(self.table)
        last = self.model.columnCount() - 1  # "Paid before tracking" shown whole
        self.table.horizontalHeader().setSectionResizeMode(
            last, QHeaderView.ResizeMode.ResizeToContents
        )
        self.summary = summary = QFormLayout()
        self.fee_value, self.cost_value, self.repay_value = QLabel(), QLabel(), QLabel()
        self.apr_value, self.effective_value = QLabel(), QLabel()
        self.balance_value = QLabel()
        self.fee_caption = QLabel(total_charge(self.plan_model))
        summary.addRow(self.fee_caption, self.fee_value)
        summary.addRow(self.tr("Total cost (incl. upfront fee)"), self.cost_value)
        summary.addRow(self.tr("Repaid in installments"), self.repay_value)
        summary.addRow(self.tr("Still to pay after the periods paid"), self.balance_value)
        summary.addRow(self.tr("APR (年化利率)"), self.apr_value)
        summary.addRow(self.tr("Effective annual rate"), self.effective_value)
        summary.setRowVisible(self.balance_value, False)
        for label in (self.apr_value, self.cost_value):
            font = label.font()
            font.setBold(True)
            label.setFont(font)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(self.tr("Preview")))
        layout.addWidget(self.headline)
        layout.addWidget(self.table, 1)
        self.workday_note = QLabel()  # a calendar that does not know some years: said, not hidden
        self.workday_note.setWordWrap(True)
        self.workday_note.setVisible(False)
        layout.addWidget(self.workday_note)
        layout.addLayout(summary)

    def show_schedule(
        self,
        schedule: Schedule | None,
        paid: int = 0,
        moved: dict[int, date] | None = None,
        note: str = "",
    ) -> None:
        """Show ``schedule`` with its first ``paid`` periods paid before tracking, the due
        dates in ``moved`` with the date they were moved from and ``note`` about the calendar,
        or dashes while the form is invalid."""
        self._paid[0] = paid if schedule else 0
        self._moved[0] = dict(moved or {}) if schedule else {}
        self.workday_note.setText(note if schedule else "")
        self.workday_note.setVisible(bool(note and schedule))
        if schedule is not None:
            self.plan_model = schedule.terms.model
            self.fee_caption.setText(total_charge(self.plan_model))
        self.model.set_rows(schedule.installments if schedule else [])
        money_of = _money_of(self.currency)
        self.headline.setText(headline(schedule.installments, money_of) if schedule else "—")
        labels = (self.fee_value, self.cost_value, self.repay_value, self.apr_value,
                  self.effective_value, self.balance_value)  # fmt: skip
        if schedule is None:
            for label in labels:
                label.setText("—")
            return
        cost = cost_of_credit(schedule)
        money = _money_of(self.currency)
        left = sum(i.total for i in schedule.installments[paid:])
        texts = (money(schedule.total_fee), money(cost.total_cost),
                 money(schedule.total_payable), fmt.percent(cost.apr),
                 fmt.percent(cost.effective_rate), money(left))  # fmt: skip
        for label, text in zip(labels, texts, strict=True):
            label.setText(text)
        self.summary.setRowVisible(self.balance_value, paid > 0)

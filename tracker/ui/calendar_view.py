"""The Calendar screen: a month grid of installments, month navigation, and the chosen day's list.

The grid (``calendar_grid.MonthGrid``) shows six weeks with each day's installments and the
month's totals above it. Clicking a day lists its installments below (plan, period, amount due,
status), where the selected one can be paid through the record-payment dialog.
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QByteArray, QDate, QLocale, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from tracker.domain.rows import InstallmentRow
from tracker.services.calendar import installments_between

from . import fmt
from .calendar_grid import MonthGrid, grid_start
from .context import AppContext
from .freshness import Freshness
from .icons import icon
from .palette import status_tone
from .payment_dialog import record_payment_dialog
from .table_model import ROW_ROLE, Column, RowTableModel, sorted_table

__all__ = ["CalendarScreen", "MonthGrid", "grid_start"]


def _totals(items: list[InstallmentRow], amount: str) -> str:
    sums: dict[str, int] = {}
    for item in items:
        sums[item.currency] = sums.get(item.currency, 0) + getattr(item, amount)
    return " + ".join(fmt.money(v, c) for c, v in sums.items()) or fmt.money(0)


class CalendarScreen(QWidget):
    """Month navigation over ``MonthGrid`` plus the installments of the chosen day."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        today = ctx.today()
        self.year, self.month = today.year, today.month
        self.selected_day: date | None = today

        self.prev_button = QToolButton()
        self.prev_button.setArrowType(Qt.ArrowType.LeftArrow)
        self.prev_button.setToolTip(self.tr("Previous month"))
        self.next_button = QToolButton()
        self.next_button.setArrowType(Qt.ArrowType.RightArrow)
        self.next_button.setToolTip(self.tr("Next month"))
        for button in (self.prev_button, self.next_button):
            button.setMinimumSize(32, 28)
        self.today_button = QPushButton(self.tr("Today"))
        self.month_label = QLabel()
        title_font = QFont(self.month_label.font())
        title_font.setPointSizeF(title_font.pointSizeF() * 1.5)
        title_font.setBold(True)
        self.month_label.setFont(title_font)
        self.month_label.setMinimumWidth(180)
        self.total_label = QLabel()
        self.total_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        nav = QHBoxLayout()
        nav.addWidget(self.prev_button)
        nav.addWidget(self.today_button)
        nav.addWidget(self.next_button)
        nav.addSpacing(12)
        nav.addWidget(self.month_label)
        nav.addStretch(1)
        nav.addWidget(self.total_label)

        self.grid = MonthGrid()
        self.day_label = QLabel()
        bold = QFont(self.day_label.font())
        bold.setBold(True)
        self.day_label.setFont(bold)
        self.model: RowTableModel[InstallmentRow] = RowTableModel(
            self._columns(), highlight=self._highlight, parent=self
        )
        self.proxy, self.table = sorted_table(self.model, self)
        self.table.setSortingEnabled(False)  # the day's installments stay in due order
        self.table.setAlternatingRowColors(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col, width in ((1, 80), (2, 130), (3, 130), (4, 260)):
            self.table.setColumnWidth(col, width)
        self.pay_button = QPushButton(self.tr("Record payment…"))
        self.pay_button.setIcon(icon("record-payment"))
        below = QWidget()
        below_layout = QVBoxLayout(below)
        below_layout.setContentsMargins(0, 4, 0, 0)
        head = QHBoxLayout()
        head.addWidget(self.day_label, 1)
        head.addWidget(self.pay_button)
        below_layout.addLayout(head)
        below_layout.addWidget(self.table)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(self.grid)
        self.splitter.addWidget(below)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([560, 180])

        layout = QVBoxLayout(self)
        layout.addLayout(nav)
        layout.addWidget(self.splitter, 1)

        state = ctx.settings.value("calendar/splitter")
        if isinstance(state, QByteArray) and not state.isEmpty():
            self.splitter.restoreState(state)
        self.prev_button.clicked.connect(lambda: self._step(-1))
        self.next_button.clicked.connect(lambda: self._step(1))
        self.today_button.clicked.connect(self.go_today)
        self.grid.day_clicked.connect(self.select_day)
        self.pay_button.clicked.connect(self.record_payment)
        self.table.doubleClicked.connect(lambda _i: self.record_payment())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_button())
        # shown: a change reloads the month on screen (one query); hidden: reload when shown
        self.freshness = Freshness(self, ctx, self.refresh)
        self.refresh()

    def _columns(self) -> list[Column[InstallmentRow]]:
        return [
            Column(lambda: self.tr("Plan"), lambda i: i.plan_name, lambda i: i.plan_name.lower()),
            Column(lambda: self.tr("Period"), self._period_text, lambda i: i.period),
            Column(
                lambda: self.tr("Amount"),
                lambda i: fmt.money(i.total, i.currency),
                lambda i: i.total,
                numeric=True,
            ),
            Column(
                lambda: self.tr("Amount due"),
                lambda i: fmt.money(i.amount_due, i.currency),
                lambda i: i.amount_due,
                numeric=True,
            ),
            Column(lambda: self.tr("Status"), self._status_text, lambda i: i.status.value),
        ]

    def _period_text(self, item: InstallmentRow) -> str:
        if item.plan_id < 0:  # an account's bill: how many installments it carries
            if item.periods == 1:
                return self.tr("Bill · 1 installment")
            return self.tr("Bill · %1 installments").replace("%1", str(item.periods))
        return f"{item.period}/{item.periods}"

    def _status_text(self, item: InstallmentRow) -> str:
        text = fmt.status_label(item.status.value)
        if item.days_overdue:
            text += " · " + self.tr("%n days", "", item.days_overdue)
        if item.penalty:
            text += " · " + self.tr("penalty %1").replace(
                "%1", fmt.money(item.penalty, item.currency)
            )
        return text

    @staticmethod
    def _highlight(item: InstallmentRow) -> str | None:
        return status_tone(item.status)

    # -- navigation ----------------------------------------------------------------------
    def show_month(self, year: int, month: int) -> None:
        """Show a month (the day list keeps its day only if it is in that month)."""
        self.year, self.month = year, month
        if self.selected_day and (self.selected_day.year, self.selected_day.month) != (
            year,
            month,
        ):
            self.selected_day = None
        self.refresh()

    def _ym(self) -> tuple[int, int]:
        return self.year, self.month

    def current_month(self) -> tuple[int, int]:
        """The (year, month) shown."""
        return self.year, self.month

    def _step(self, delta: int) -> None:
        index = self.year * 12 + self.month - 1 + delta
        self.show_month(index // 12, index % 12 + 1)

    def go_today(self) -> None:
        """Show the current month with today selected."""
        today = self.ctx.today()
        self.selected_day = today
        self.show_month(today.year, today.month)

    def select_day(self, day: date) -> None:
        """List a day's installments (switching month when the day is outside it)."""
        self.selected_day = day
        if (day.year, day.month) != (self.year, self.month):
            self.year, self.month = day.year, day.month
        self.refresh()

    # -- data ----------------------------------------------------------------------------
    def refresh(self) -> None:
        """Reload the month's installments and the chosen day's list."""
        self.freshness.stale = False
        start = grid_start(self.year, self.month)
        end = start + timedelta(days=41)
        today = self.ctx.today()
        items = installments_between(self.ctx.db, start, end, today, self.ctx.reminder_days)
        if self.ctx.settings.bills_for_accounts:  # one item per account bill
            from tracker.services.account_rows import bill_rows, plan_accounts

            items = bill_rows(items, plan_accounts(self.ctx.db))
        self.grid.selected = self.selected_day
        self.grid.set_month(self.year, self.month, items, today)
        fmt_text = self.tr("MMMM yyyy")
        self.month_label.setText(QLocale().toString(QDate(self.year, self.month, 1), fmt_text))
        in_month = [
            i for i in items if (i.due_date.year, i.due_date.month) == (self.year, self.month)
        ]
        owed = [i for i in in_month if i.amount_due > 0]
        penalised = [i for i in owed if i.penalty]
        if penalised:  # why "still due" can exceed "scheduled"
            text = self.tr("This month: %1 scheduled, %2 still due, including %3 penalty").replace(
                "%3", _totals(penalised, "penalty")
            )
        else:
            text = self.tr("This month: %1 scheduled, %2 still due")
        self.total_label.setText(
            text.replace("%1", _totals(in_month, "total")).replace(
                "%2", _totals(owed, "amount_due")
            )
        )
        self._fill_day()

    def _fill_day(self) -> None:
        day = self.selected_day
        selected = self.selected_item()
        rows = self.grid.items_on(day) if day else []
        self.model.set_rows(rows)
        if any(r.plan_id < 0 for r in rows):  # "Bill · 2 installments" is wider than "1/12"
            self.table.setColumnWidth(1, max(80, self.table.sizeHintForColumn(1) + 12))
        if day is None:
            self.day_label.setText(self.tr("Click a day to see its installments."))
        elif rows:
            self.day_label.setText(self.tr("Due on %1").replace("%1", fmt.day(day)))
        else:
            self.day_label.setText(self.tr("Nothing due on %1").replace("%1", fmt.day(day)))
        target = next(
            (
                i
                for i, r in enumerate(rows)
                if selected and (r.plan_id, r.period) == (selected.plan_id, selected.period)
            ),
            next((i for i, r in enumerate(rows) if r.amount_due > 0), 0 if rows else None),
        )
        if target is not None:
            self.table.selectRow(self.proxy.mapFromSource(self.model.index(target, 0)).row())
        self._update_button()

    def selected_item(self) -> InstallmentRow | None:
        """The installment selected in the day list, or None."""
        model = self.table.selectionModel()
        rows = model.selectedRows() if model else []
        return rows[0].data(ROW_ROLE) if rows else None

    def _update_button(self) -> None:
        item = self.selected_item()
        due = item is not None and item.amount_due > 0
        self.pay_button.setEnabled(due and not self.ctx.read_only)

    def record_payment(self) -> None:
        """Record a payment on the selected installment's plan."""
        if self.ctx.refuse_if_read_only(self):
            return
        item = self.selected_item()
        if item is not None and item.amount_due > 0 and item.plan_id < 0:
            from .bill_dialog import open_bill_due

            open_bill_due(self.ctx, self, -item.plan_id, item.due_date)
        elif item is not None and item.amount_due > 0:
            record_payment_dialog(self.ctx, self, item.plan_id)
        else:
            self.ctx.interaction.info(
                self,
                self.tr("Nothing to pay"),
                self.tr("Click a day, then select one of its unpaid installments."),
            )

    def save_state(self) -> None:
        """Store the splitter position."""
        self.ctx.settings.set_value("calendar/splitter", self.splitter.saveState())

"""The Overview's "Needs attention" list: overdue, in-grace and due-soon installments.

Rows are ``InstallmentRow`` records in a ``RowTableModel`` sorted through a proxy by raw
values; each row has a one-click "Record payment" button, double-clicking a row does the same,
and overdue rows are red (grace rows amber). The list asks for payments through
``pay_requested``; it records nothing itself.
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import (
    QByteArray,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from tracker.domain.ledger import Status
from tracker.domain.rows import InstallmentRow

from . import fmt
from .table_model import Column, RowTableModel, sorted_table

ACTION_COLUMN = 6
"""The column holding each row's "Record payment" button."""
ROWS_WITHOUT_LAYOUT = 40
"""Rows given a button before the table has its size (it gets more when laid out)."""


def due_model(
    periods: dict[int, int], parent: QWidget | None = None
) -> RowTableModel[InstallmentRow]:
    """Rows of due items: due date, plan, period (of the plan's ``periods``), amount due,
    status, days late, and an empty column for the button."""

    def period(i: InstallmentRow) -> str:
        total = periods.get(i.plan_id)
        return f"{i.period}/{total}" if total else str(i.period)

    def amount_tip(i: InstallmentRow) -> str:
        if not i.penalty:
            return ""
        return QCoreApplication.translate("Overview", "Includes a penalty of %1").replace(
            "%1", fmt.money(i.penalty, i.currency)
        )

    late = (Status.OVERDUE, Status.GRACE)
    columns = [
        Column(
            lambda: QCoreApplication.translate("Overview", "Due date"),
            lambda i: fmt.day(i.due_date),
            lambda i: i.due_date.toordinal(),
        ),
        Column(
            lambda: QCoreApplication.translate("Overview", "Plan"),
            lambda i: i.plan_name,
            lambda i: i.plan_name.lower(),
        ),
        Column(
            lambda: QCoreApplication.translate("Overview", "Period"),
            period,
            lambda i: i.period,
            numeric=True,
        ),
        Column(
            lambda: QCoreApplication.translate("Overview", "Amount due"),
            lambda i: fmt.money(i.amount_due, i.currency),
            lambda i: i.amount_due,
            numeric=True,
            tooltip=amount_tip,
        ),
        Column(
            lambda: QCoreApplication.translate("Overview", "Status"),
            lambda i: fmt.status_label(i.status.value),
            lambda i: list(Status).index(i.status),
        ),
        Column(
            lambda: QCoreApplication.translate("Overview", "Days late"),
            lambda i: str(i.days_overdue) if i.status in late else "",
            lambda i: i.days_overdue,
            numeric=True,
        ),
        Column(lambda: "", lambda i: "", lambda i: 0),
    ]

    def highlight(i: InstallmentRow) -> str | None:
        return {Status.OVERDUE: "overdue", Status.GRACE: "warning"}.get(i.status)

    return RowTableModel(columns, highlight, parent)


def _key(item: InstallmentRow) -> tuple[int, int]:
    """What identifies a row of the list: its plan and period."""
    return (item.plan_id, item.period)


class DueList(QWidget):
    """Heading, the sortable table with a button per row, or a line saying all is clear."""

    pay_requested = Signal(object)
    """A ``InstallmentRow`` the user wants to record a payment for."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.periods: dict[int, int] = {}
        self.model = due_model(self.periods, self)
        self.proxy, self.table = sorted_table(self.model, self)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.verticalHeader().setDefaultSectionSize(QPushButton("Ag").sizeHint().height() + 6)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(ACTION_COLUMN, QHeaderView.ResizeMode.Fixed)
        self.table.doubleClicked.connect(self._on_double_click)
        self._sized = False
        self.writable = True
        """False on a read-only database: the rows' Record payment buttons are disabled."""
        self.table.verticalScrollBar().valueChanged.connect(lambda _v: self._add_buttons())
        self.proxy.layoutChanged.connect(self._add_buttons)  # sorted: other rows in view
        self.table.viewport().installEventFilter(self)
        self.all_clear = QLabel(self.tr("Nothing needs attention. You are all caught up."))
        self.all_clear.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.all_clear.setStyleSheet("color: palette(placeholder-text); padding: 16px;")
        heading = QLabel(self.tr("Needs attention"))
        bold = QFont(heading.font())
        bold.setBold(True)
        bold.setPointSizeF(bold.pointSizeF() * 1.15)
        heading.setFont(bold)
        self.hint = QLabel()
        self.hint.setStyleSheet("color: palette(placeholder-text);")
        top = QHBoxLayout()
        top.addWidget(heading)
        top.addWidget(self.hint, 1)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addLayout(top)
        box.addWidget(self.table)
        box.addWidget(self.all_clear)

    def set_items(
        self, items: list[InstallmentRow], periods: dict[int, int], reminder_days: int
    ) -> None:
        """Show these items; ``periods`` gives each plan's number of periods. Rows already
        shown are updated in place (a payment changes a row or two: no model reset, so the
        other rows, their buttons, the selection and the scroll position stay)."""
        self.periods.clear()
        self.periods.update(periods)
        shown = {_key(r) for r in self.model.rows()}
        if shown:
            gone = shown - {_key(i) for i in items}
            self.model.update_rows(items, gone, key=_key)
        else:
            self.model.set_rows(items)
        self._add_buttons()
        self.table.setVisible(bool(items))
        self.all_clear.setVisible(not items)
        self.hint.setText(
            self.tr("Overdue, in grace, or due within %1 days").replace("%1", str(reminder_days))
        )

    def _add_buttons(self) -> None:
        """Give the rows in view their "Record payment" button (the others get theirs when
        scrolled to: thousands of overdue rows must not mean thousands of widgets)."""
        count = self.proxy.rowCount()
        if not count:
            return
        first = max(self.table.rowAt(0), 0)
        last = self.table.rowAt(max(self.table.viewport().height() - 1, 0))
        if last < 0 or not self.table.isVisible():
            last = min(count, first + ROWS_WITHOUT_LAYOUT) - 1
        for row in range(first, last + 1):
            index = self.proxy.index(row, ACTION_COLUMN)
            if self.table.indexWidget(index) is not None:
                continue
            item = self.model.row_at(self.proxy.mapToSource(index).row())
            button = QPushButton(self.tr("Record payment"))
            button.setToolTip(self.tr("Record a payment on %1").replace("%1", item.plan_name))
            button.clicked.connect(partial(self._pay_row, _key(item)))
            button.setEnabled(self.writable)
            self.table.setIndexWidget(index, button)
        if not self._sized:
            first_button = self.table.indexWidget(self.proxy.index(first, ACTION_COLUMN))
            self.table.setColumnWidth(ACTION_COLUMN, first_button.sizeHint().width() + 12)
            self._sized = True

    def _pay_row(self, key: tuple[int, int]) -> None:
        """A row's button: ask to pay the item as it is now (its row may have been updated
        since the button was made)."""
        item = next((r for r in self.model.rows() if _key(r) == key), None)
        if item is not None:
            self.pay_requested.emit(item)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table.viewport() and event.type() in (
            QEvent.Type.Resize,
            QEvent.Type.Show,
        ):
            self._add_buttons()
        return False

    def item_at(self, row: int) -> InstallmentRow:
        """The item shown at a view row (in the current sort order)."""
        return self.model.row_at(self.proxy.mapToSource(self.proxy.index(row, 0)).row())

    def selected_item(self) -> InstallmentRow | None:
        """The item of the selected row, or None."""
        rows = self.table.selectionModel().selectedRows()
        return self.item_at(rows[0].row()) if rows else None

    def _on_double_click(self, index: QModelIndex) -> None:
        if index.isValid():
            self.pay_requested.emit(self.item_at(index.row()))

    def header_state(self) -> QByteArray:
        """The column widths and sort order, to persist."""
        return self.table.horizontalHeader().saveState()

    def restore_header(self, state: object) -> None:
        """Restore what ``header_state`` returned (ignores anything else)."""
        if isinstance(state, QByteArray) and not state.isEmpty():
            self.table.horizontalHeader().restoreState(state)

"""The Overview's "Needs attention" list: overdue, in-grace and due-soon installments.

Rows are ``InstallmentRow`` records in a ``RowTableModel`` sorted through a proxy by raw
values. One plan's overdue periods are one row ("3 periods overdue", their total with the
penalty; ``reports.attention``) whose button pays them all; every other row has a one-click
"Record payment" button; double-clicking a row does the same. Rows take their status's colour
and icon (``palette``, ``status_marks``), the penalty has its own column and late rows a
"12 days late" badge. The list asks for payments through ``pay_requested``; it records
nothing itself.
"""

from __future__ import annotations

from collections.abc import Callable
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
from tracker.reports.attention import AttentionRow, attention_rows

from . import fmt
from .palette import status_tone
from .status_marks import BadgeDelegate, status_icon
from .table_model import ROW_ROLE, Column, RowTableModel, sorted_table, viewport_of

ACTION_COLUMN = 8
"""The column holding each row's "Record payment" (or "Pay all overdue") button."""
LATE_COLUMN = 7
"""The late-day badge column."""
ROWS_WITHOUT_LAYOUT = 40
"""Rows given a button before the table has its size (it gets more when laid out)."""
LATE = (Status.OVERDUE, Status.GRACE)
FITTED = (6, LATE_COLUMN)
"""The status and late-day columns: always as wide as their widest text."""
_SIGNATURES: dict[int, Callable[[AttentionRow], object]] = {
    6: lambda r: (r.status, r.grouped and r.count),  # status_text
    LATE_COLUMN: lambda r: r.status in LATE and r.days_overdue,  # the badge's late_text
}
"""What a fitted column's text depends on (its text is made once per distinct value)."""


def late_text(days: int) -> str:
    """The badge: "1 day late", "12 days late" (逾期 12 天)."""
    if days == 1:
        return QCoreApplication.translate("Overview", "1 day late")
    return QCoreApplication.translate("Overview", "%1 days late").replace("%1", str(days))


def period_text(row: AttentionRow) -> str:
    """ "2/12", or "1–3/12" for a plan's overdue periods grouped in one row."""
    if row.plan_id < 0:  # an account's bill (services.account_rows.bill_rows)
        return QCoreApplication.translate("Overview", "Bill")
    first = str(row.period)
    if row.grouped:
        first = f"{row.period}–{row.last_period}"
    return f"{first}/{row.periods}" if row.periods else first


def status_text(row: AttentionRow) -> str:
    """The status word, or "3 periods overdue" for a grouped row."""
    if row.grouped:
        return QCoreApplication.translate("Overview", "%1 periods overdue").replace(
            "%1", str(row.count)
        )
    return fmt.status_label(row.status.value)


def due_model(parent: QWidget | None = None) -> RowTableModel[AttentionRow]:
    """Rows of due items: due date, plan, period(s), what is unpaid of principal and fee, the
    penalty apart, their total, the status (with its icon), a late-day badge and an empty
    column for the button."""

    def money(value: Callable[[AttentionRow], int]) -> Callable[[AttentionRow], str]:
        return lambda r: fmt.money(value(r), r.currency)

    def penalty(r: AttentionRow) -> str:
        return fmt.money(r.penalty, r.currency) if r.penalty else ""

    columns = [
        Column(
            lambda: QCoreApplication.translate("Overview", "Due date"),
            lambda r: fmt.day(r.due_date),
            lambda r: r.due_date.toordinal(),
        ),
        Column(
            lambda: QCoreApplication.translate("Overview", "Plan"),
            lambda r: r.plan_name,
            lambda r: r.plan_name.lower(),
        ),
        Column(
            lambda: QCoreApplication.translate("Overview", "Period"),
            period_text,
            lambda r: r.period,
            numeric=True,
        ),
        Column(
            lambda: QCoreApplication.translate("Overview", "Amount"),
            money(lambda r: r.remaining),
            lambda r: r.remaining,
            numeric=True,
        ),
        Column(
            lambda: QCoreApplication.translate("Overview", "Penalty"),
            penalty,
            lambda r: r.penalty,
            numeric=True,
        ),
        Column(
            lambda: QCoreApplication.translate("Overview", "Total due"),
            money(lambda r: r.amount_due),
            lambda r: r.amount_due,
            numeric=True,
        ),
        Column(
            lambda: QCoreApplication.translate("Overview", "Status"),
            status_text,
            lambda r: list(Status).index(r.status),
            icon=lambda r: status_icon(r.status),
        ),
        Column(
            lambda: QCoreApplication.translate("Overview", "Late"),
            lambda r: late_text(r.days_overdue) if r.status in LATE and r.days_overdue else "",
            lambda r: r.days_overdue,
            numeric=True,
        ),
        Column(lambda: "", lambda r: "", lambda r: 0),
    ]

    def highlight(r: AttentionRow) -> str | None:
        return status_tone(r.status)

    return RowTableModel(columns, highlight, parent)


def _key(item: AttentionRow) -> tuple[int, int, int]:
    """What identifies a row of the list: its plan, first period and how many periods it
    groups (a row that starts or stops grouping is a new row, with its own button)."""
    return (item.plan_id, item.period, item.count)


class DueList(QWidget):
    """Heading, the sortable table with a button per row, or a line saying all is clear."""

    pay_requested = Signal(object)
    """An ``AttentionRow`` the user wants to record a payment for (a grouped row: all its
    overdue periods at once)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = due_model(self)
        self.proxy, self.table = sorted_table(self.model, self)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.verticalHeader().setDefaultSectionSize(QPushButton("Ag").sizeHint().height() + 6)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(ACTION_COLUMN, QHeaderView.ResizeMode.Fixed)
        for column in FITTED:  # sized to their texts by _fit_columns
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
        self.table.setItemDelegateForColumn(
            LATE_COLUMN, BadgeDelegate(lambda index: status_tone(index.data(ROW_ROLE).status), self)
        )
        self.table.doubleClicked.connect(self._on_double_click)
        self._sized = False
        self.writable = True
        """False on a read-only database: the rows' Record payment buttons are disabled."""
        self.table.verticalScrollBar().valueChanged.connect(lambda _v: self._add_buttons())
        self.proxy.layoutChanged.connect(self._add_buttons)  # sorted: other rows in view
        self.table_viewport = viewport_of(self.table)
        self.table_viewport.installEventFilter(self)
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
        """Show these items, each plan's overdue periods grouped in one row (``periods``, each
        plan's number of periods, is kept for callers; the rows carry it). Rows already shown
        are updated in place (a payment changes a row or two: no model reset, so the other
        rows, their buttons, the selection and the scroll position stay)."""
        rows = attention_rows(items)
        shown = {_key(r) for r in self.model.rows()}
        if shown:
            gone = shown - {_key(r) for r in rows}
            self.model.update_rows(rows, gone, key=_key)
        else:
            self.model.set_rows(rows)
        self._add_buttons()
        self._fit_columns()
        self.table.setVisible(bool(items))
        self.all_clear.setVisible(not items)
        self.hint.setText(self.tr("Overdue, in grace, or due within %n days", "", reminder_days))

    def _add_buttons(self) -> None:
        """Give the rows in view their "Record payment" button (the others get theirs when
        scrolled to: thousands of overdue rows must not mean thousands of widgets)."""
        count = self.proxy.rowCount()
        if not count or not self.isVisible():
            return  # when shown, the viewport's Show event adds those of the rows in view
        first = max(self.table.rowAt(0), 0)
        last = self.table.rowAt(max(self.table_viewport.height() - 1, 0))
        if last < 0 or not self.table.isVisible():
            last = min(count, first + ROWS_WITHOUT_LAYOUT) - 1
        for row in range(first, last + 1):
            index = self.proxy.index(row, ACTION_COLUMN)
            if self.table.indexWidget(index) is not None:
                continue
            item = self.model.row_at(self.proxy.mapToSource(index).row())
            if item.grouped:
                button = QPushButton(self.tr("Pay all overdue"))
                button.setToolTip(
                    self.tr("Record one payment of %1 for the overdue periods of %2")
                    .replace("%1", fmt.money(item.amount_due, item.currency))
                    .replace("%2", item.plan_name)
                )
            else:
                button = QPushButton(self.tr("Record payment"))
                tip = (
                    self.tr("Pay the bill of %1")
                    if item.plan_id < 0
                    else self.tr("Record a payment on %1")
                )
                button.setToolTip(tip.replace("%1", item.plan_name))
            button.clicked.connect(partial(self._pay_row, _key(item)))
            button.setEnabled(self.writable)
            self.table.setIndexWidget(index, button)
        if not self._sized:
            widest = max(
                QPushButton(self.tr("Pay all overdue")).sizeHint().width(),
                QPushButton(self.tr("Record payment")).sizeHint().width(),
            )
            self.table.setColumnWidth(ACTION_COLUMN, widest + 12)
            self._sized = True

    def _fit_columns(self) -> None:
        """Statuses and day counts are never cut short: each ``FITTED`` column is as wide as
        its widest text, measured (with its icon or badge) on the row whose text is widest
        (Qt's ResizeToContents would ask every row for its size: 0.3 s for a thousand)."""
        header = self.table.horizontalHeader()
        model = self.model
        metrics = self.table.fontMetrics()
        rows = model.rows()
        for column in FITTED:
            first: dict[object, int] = {}  # one row per distinct text (what decides it)
            signature = _SIGNATURES[column]
            for row, item in enumerate(rows):
                first.setdefault(signature(item), row)
            widest, widest_row = -1, -1
            for row in first.values():
                width = metrics.horizontalAdvance(model.text(row, column))
                if width > widest:
                    widest, widest_row = width, row
            width = header.sectionSizeHint(column)
            if widest_row >= 0:  # as QTableView.sizeHintForColumn: the grid line takes 1 px
                index = self.proxy.mapFromSource(model.index(widest_row, column))
                grid = 1 if self.table.showGrid() else 0
                width = max(width, self.table.sizeHintForIndex(index).width() + grid)
            if header.sectionSize(column) != width:
                header.resizeSection(column, width)

    def _pay_row(self, key: tuple[int, int, int]) -> None:
        """A row's button: ask to pay the item as it is now (its row may have been updated
        since the button was made)."""
        item = next((r for r in self.model.rows() if _key(r) == key), None)
        if item is not None:
            self.pay_requested.emit(item)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table_viewport and event.type() in (
            QEvent.Type.Resize,
            QEvent.Type.Show,
        ):
            self._add_buttons()
        return False

    def item_at(self, row: int) -> AttentionRow:
        """The row shown at a view row (in the current sort order)."""
        return self.model.row_at(self.proxy.mapToSource(self.proxy.index(row, 0)).row())

    def selected_item(self) -> AttentionRow | None:
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
            header = self.table.horizontalHeader()
            header.restoreState(state)
            for column in FITTED:  # a state saved by an older version may say otherwise
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
            self._fit_columns()

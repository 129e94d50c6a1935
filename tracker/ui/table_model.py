"""A table model that holds rows handed to it (vorta's archive_table_model pattern).

Screens describe their columns once (header, display text, raw sort value, alignment) and
call ``set_rows`` with service records; the model never queries anything. Display text and
sort values are separate so money sorts by amount, not by its text.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QFont, QIcon
from PySide6.QtWidgets import QAbstractItemView, QAbstractScrollArea, QTableView, QWidget

from . import palette

R = TypeVar("R")

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
"""Raw value for sorting (int amounts, dates, names)."""
ROW_ROLE = Qt.ItemDataRole.UserRole + 2
"""The whole record of the row."""

Index = QModelIndex | QPersistentModelIndex
TINTED = ("overdue", "grace")
"""Row marks that tint the background as well as the text."""


def _id(row: Any) -> Any:
    return row.id


_BRUSHES: dict[str, QBrush] = {}


def _brush(colour: str | None) -> QBrush | None:
    """One brush per palette colour (a table asks for one per cell and role on every paint)."""
    if not colour:
        return None
    found = _BRUSHES.get(colour)
    if found is None:
        found = _BRUSHES[colour] = QBrush(palette.qcolor(colour))
    return found


@dataclass(frozen=True)
class Column(Generic[R]):
    """One column: a header, how to show a row, and what to sort it by."""

    header: Callable[[], str]
    text: Callable[[R], str]
    sort: Callable[[R], Any] | None = None
    numeric: bool = False
    tooltip: Callable[[R], str] | None = None
    icon: Callable[[R], QIcon | None] | None = None
    """A status icon shown before the text (``status_marks.status_icon``)."""


class RowTableModel(QAbstractTableModel, Generic[R]):
    """Rows of records shown through column descriptions.

    ``highlight(row)`` may return a status tone (``"overdue"``, ``"grace"``, ``"soon"``,
    ``"paid"``; see ``palette.status_tone``), ``"muted"``, ``"struck"`` or ``None`` to colour a
    whole row in that status's colour; overdue and grace rows also get a tint behind them.
    """

    def __init__(
        self,
        columns: Sequence[Column[R]],
        highlight: Callable[[R], str | None] | None = None,
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self._columns = list(columns)
        self._rows: list[R] = []
        self._highlight = highlight
        self._keys: dict[int, list[Any]] = {}  # each sorted column's keys, by row
        self._order: tuple[int, Qt.SortOrder] | None = None  # the rows' order (``sort``)

    def set_rows(self, rows: Sequence[R]) -> None:
        """Replace every row (inside a model reset so views keep their sort and selection)."""
        self.beginResetModel()
        self._rows = list(rows)
        self._keys.clear()
        if self._order is not None:
            self._rows = [self._rows[i] for i in self._permutation()]
            self._keys.clear()
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Keep the rows in this column's order (by ``Column.sort``, else the text; a blank
        last going up, first going down, equal keys in their order: as a sort proxy orders
        them), now and after every change. ``KeyedProxy`` hands its sorting here: one Python
        sort instead of a proxy asking the model for two indexes per comparison."""
        if not 0 <= column < len(self._columns):
            self._order = None
            return
        self._order = (column, order)
        self._resort()

    def _permutation(self) -> list[int]:
        """The current rows' positions in the order asked for (``sort``)."""
        assert self._order is not None
        column, order = self._order
        keys = [self.sort_key(i, column) for i in range(len(self._rows))]
        descending = order == Qt.SortOrder.DescendingOrder

        def key(i: int) -> tuple[int, Any]:
            value = keys[i]
            return (1, 0) if value is None else (0, value)

        try:
            return sorted(range(len(keys)), key=key, reverse=descending)
        except TypeError:  # values that do not compare (mixed types): by their text
            return sorted(
                range(len(keys)),
                key=lambda i: (1, "") if keys[i] is None else (0, str(keys[i])),
                reverse=descending,
            )

    def _resort(self) -> None:
        """Put the rows back in order after a change, moving the views' persistent indexes
        (selection, row buttons) with their rows."""
        if self._order is None or len(self._rows) < 2:
            return
        order = self._permutation()
        if all(i == k for k, i in enumerate(order)):
            return
        self.layoutAboutToBeChanged.emit()
        new_row = {old: new for new, old in enumerate(order)}
        self._rows = [self._rows[i] for i in order]
        self._keys.clear()
        before = self.persistentIndexList()
        self.changePersistentIndexList(
            before, [self.index(new_row[i.row()], i.column()) for i in before]
        )
        self.layoutChanged.emit()

    def sort_key(self, row: int, column: int) -> Any:
        """The raw sort value (``SORT_ROLE``) at a model row and column, from a list made once
        per column and dropped whenever the rows change (``sort`` orders by these)."""
        keys = self._keys.get(column)
        if keys is None:
            col = self._columns[column]
            value = col.sort or col.text
            keys = self._keys[column] = [value(r) for r in self._rows]
        return keys[row]

    def update_rows(
        self, rows: Sequence[R], gone: Iterable[Any] = (), key: Callable[[R], Any] = _id
    ) -> None:
        """Update in place the rows whose ``key`` is among ``rows`` (``dataChanged`` for each
        that differs), append the new ones and remove those keyed in ``gone``: the other rows,
        the views' selection and scroll position are left alone (no model reset)."""
        where = {key(r): i for i, r in enumerate(self._rows)}
        last = len(self._columns) - 1
        new = []
        for row in rows:
            i = where.get(key(row))
            if i is None:
                new.append(row)
            elif self._rows[i] != row:
                self._rows[i] = row
                self._keys.clear()
                self.dataChanged.emit(self.index(i, 0), self.index(i, last))
        if new:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(new) - 1)
            self._rows.extend(new)
            self._keys.clear()
            self.endInsertRows()
        for i in sorted((where[k] for k in set(gone) if k in where), reverse=True):
            self.beginRemoveRows(QModelIndex(), i, i)
            del self._rows[i]
            self._keys.clear()
            self.endRemoveRows()
        self._resort()

    def rows(self) -> list[R]:
        """The rows, in model order."""
        return list(self._rows)

    def row_at(self, row: int) -> R:
        """The record at a model row."""
        return self._rows[row]

    def text(self, row: int, column: int) -> str:
        """The text shown at a model row and column (no Qt round trip)."""
        return self._columns[column].text(self._rows[row])

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self._columns):
            return None
        col = self._columns[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return col.header()
        if role == Qt.ItemDataRole.TextAlignmentRole and col.numeric:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        if not 0 <= index.column() < len(self._columns):
            return None
        row = self._rows[index.row()]
        col = self._columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return col.text(row)
        if role == SORT_ROLE:
            return col.sort(row) if col.sort else col.text(row)
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.TextAlignmentRole:
            horizontal = Qt.AlignmentFlag.AlignRight if col.numeric else Qt.AlignmentFlag.AlignLeft
            return int(horizontal | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and col.tooltip:
            return col.tooltip(row)
        if role == Qt.ItemDataRole.DecorationRole and col.icon:
            return col.icon(row)
        mark = self._highlight(row) if self._highlight else None
        if mark and role == Qt.ItemDataRole.ForegroundRole:
            return _brush(palette.current().tone(mark))
        if mark and role == Qt.ItemDataRole.BackgroundRole:
            return _brush(palette.current().tint(mark) if mark in TINTED else None)
        if mark == "struck" and role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setStrikeOut(True)
            return font
        return None


class KeyedProxy(QSortFilterProxyModel):
    """A filter proxy over a ``RowTableModel`` that leaves sorting to the model
    (``RowTableModel.sort``: one Python sort over its keys; a proxy's own sort asked the model
    for two indexes and two values per comparison, 0.2 s for 3,000 rows). Any other model, or
    a locale-aware or case-blind sort, is sorted by the proxy as usual."""

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        model = self.sourceModel()
        plain = (
            self.sortRole() == SORT_ROLE
            and not self.isSortLocaleAware()
            and self.sortCaseSensitivity() == Qt.CaseSensitivity.CaseSensitive
        )
        if isinstance(model, RowTableModel) and plain:
            model.sort(column, order)  # the proxy keeps the model's order (no column of its own)
            return
        super().sort(column, order)


def sorted_table(
    model: QAbstractTableModel, parent: QObject | None = None
) -> tuple[QSortFilterProxyModel, QTableView]:
    """A read-only, single-row-selection table over ``model`` sorted through ``SORT_ROLE``.

    Returns the proxy (for filtering and mapping rows back) and the view; callers set the
    columns' resize modes and the initial sort.
    """
    proxy = KeyedProxy(parent)
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    return proxy, read_only_view(proxy)


def viewport_of(view: QAbstractScrollArea) -> QWidget:
    """``view.viewport()``, found as the child Qt names "qt_scrollarea_viewport": the same
    widget, without the ~15 ms PySide spends setting types up on the first ``viewport()`` call
    of a process (the Overview's attention list asks before its first paint)."""
    found = view.findChild(QWidget, "qt_scrollarea_viewport")
    return found if found is not None else view.viewport()


def read_only_view(model: QAbstractItemModel) -> QTableView:
    """A sortable, read-only table view over ``model`` that selects one whole row."""
    view = QTableView()
    view.setModel(model)
    view.setSortingEnabled(True)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 10)
    return view

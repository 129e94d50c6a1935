"""A table model that loads its rows a page at a time as the view scrolls (Qt's
``canFetchMore``/``fetchMore``, as QSqlQueryModel does), for histories too long to load whole.

The model still holds rows, not queries: the screen hands it ``fetch(after, limit)``, which
returns the next rows after a given one in the order the screen asked the service for. Sorting
is done by the service too (``sort`` is passed on to ``on_sort``), because sorting only the
loaded rows would put the wrong rows first. ``apply_rows`` folds the rows a change touched into
the loaded part: updated in place, inserted at their place in the order, or removed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from PySide6.QtCore import QIdentityProxyModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QTableView

from .table_model import Column, RowTableModel, read_only_view

R = TypeVar("R")
Index = QModelIndex | QPersistentModelIndex
PAGE = 256
"""Rows fetched at a time."""


class PagedTableModel(RowTableModel[R]):
    """Rows in pages from ``fetch``; sorting and filtering belong to whoever fetches."""

    def __init__(
        self,
        columns: Sequence[Column[R]],
        highlight: Callable[[R], str | None] | None = None,
        parent: Any = None,
        page: int = PAGE,
    ) -> None:
        super().__init__(columns, highlight, parent)
        self.page = page
        self._fetch: Callable[[R | None, int], list[R]] = lambda _after, _limit: []
        self._exhausted = True
        self.on_sort: Callable[[int, Qt.SortOrder], None] | None = None
        """Called when the view asks to sort by a column (header click)."""

    def load(self, fetch: Callable[[R | None, int], list[R]]) -> None:
        """Start over with ``fetch``: the first page, in a model reset."""
        self._fetch = fetch
        first = fetch(None, self.page)
        self._exhausted = len(first) < self.page
        self.set_rows(first)

    @property
    def exhausted(self) -> bool:
        """Whether every row is loaded."""
        return self._exhausted

    def last_loaded(self) -> R | None:
        """The last loaded row, or None."""
        return self._rows[-1] if self._rows else None

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and not self._exhausted

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or self._exhausted:
            return
        more = self._fetch(self.last_loaded(), self.page)
        self._exhausted = len(more) < self.page
        if more:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(more) - 1)
            self._rows.extend(more)
            self.endInsertRows()

    def fetch_all(self) -> None:
        """Load every remaining page."""
        while not self._exhausted:
            self.fetchMore()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if self.on_sort is not None:
            self.on_sort(column, order)

    def apply_rows(
        self,
        touched: Callable[[R], bool],
        fresh: Sequence[R],
        key: Callable[[R], Any],
        descending: bool,
        ident: Callable[[R], Any] = lambda r: r.id,  # type: ignore[attr-defined]
    ) -> None:
        """Fold a change in: loaded rows for which ``touched`` is true are replaced by the row of
        the same id in ``fresh`` (``dataChanged``), moved if their ``key`` changed, or removed
        if absent; rows of ``fresh`` not loaded are inserted at their place by ``key``. The
        caller gives only fresh rows that belong to the loaded part of the order."""
        by_id = {ident(r): r for r in fresh}
        last = len(self._columns) - 1
        for i in range(len(self._rows) - 1, -1, -1):
            row = self._rows[i]
            if not touched(row):
                continue
            new = by_id.get(ident(row))
            if new is not None and key(new) == key(row):
                del by_id[ident(row)]
                if new != row:
                    self._rows[i] = new
                    self.dataChanged.emit(self.index(i, 0), self.index(i, last))
                continue
            self.beginRemoveRows(QModelIndex(), i, i)
            del self._rows[i]
            self.endRemoveRows()
        for row in sorted(by_id.values(), key=key, reverse=descending):
            k = key(row)
            at = next(
                (i for i, r in enumerate(self._rows) if (key(r) < k if descending else key(r) > k)),
                len(self._rows),
            )
            self.beginInsertRows(QModelIndex(), at, at)
            self._rows.insert(at, row)
            self.endInsertRows()


def paged_table(
    model: PagedTableModel[Any], parent: QObject | None = None
) -> tuple[QIdentityProxyModel, QTableView]:
    """A read-only, single-row-selection table over ``model``: header clicks sort through the
    model (in SQL) and scrolling near the end fetches the next page. The identity proxy passes
    ``sort``, ``canFetchMore`` and ``fetchMore`` on to the model."""
    proxy = QIdentityProxyModel(parent)
    proxy.setSourceModel(model)
    return proxy, read_only_view(proxy)

"""The row table model keeps its own order (one Python sort) and the proxy only filters:
the same order a sort proxy gives, blanks last going up, ties in their order, and a row whose
value changes moves with its selection and its row widget."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtWidgets import QPushButton

from tracker.ui.table_model import (
    ROW_ROLE,
    SORT_ROLE,
    Column,
    KeyedProxy,
    RowTableModel,
    sorted_table,
)


@dataclass(frozen=True)
class Item:
    id: int
    name: str
    amount: int | None


def model() -> RowTableModel[Item]:
    return RowTableModel(
        [
            Column(lambda: "Name", lambda r: r.name),  # no sort key: by its text
            Column(lambda: "Amount", lambda r: str(r.amount), lambda r: r.amount, numeric=True),
        ]
    )


ROWS = [Item(1, "b", 30), Item(2, "a", None), Item(3, "c", 10), Item(4, "a", 10)]


def shown(proxy: QSortFilterProxyModel, column: int = 0) -> list[str]:
    return [proxy.index(r, column).data() for r in range(proxy.rowCount())]


def ids(proxy: QSortFilterProxyModel) -> list[int]:
    return [proxy.index(r, 0).data(ROW_ROLE).id for r in range(proxy.rowCount())]


def keys(proxy: QSortFilterProxyModel, column: int) -> list[object]:
    return [proxy.index(r, column).data(SORT_ROLE) for r in range(proxy.rowCount())]


def test_the_order_is_a_sort_proxys(qtbot) -> None:
    rows = model()
    proxy, view = sorted_table(rows)
    qtbot.addWidget(view)
    assert isinstance(proxy, KeyedProxy)
    rows.set_rows(ROWS)
    reference = QSortFilterProxyModel()  # Qt's own sort over the same values
    reference.setSourceModel(rows)
    reference.setSortRole(SORT_ROLE)
    for column in (0, 1):
        for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
            view.sortByColumn(column, order)
            reference.sort(column, order)
            assert keys(proxy, column) == keys(reference, column), (column, order)
    rows.set_rows(ROWS)  # equal values keep the order they were given in
    view.sortByColumn(1, Qt.SortOrder.AscendingOrder)
    assert ids(proxy) == [3, 4, 1, 2]  # 10, 10, 30, then the blank
    assert proxy.sortColumn() == -1  # the model orders; the proxy only filters


def test_rows_set_and_updated_later_keep_the_order(qtbot) -> None:
    rows = model()
    proxy, view = sorted_table(rows)
    qtbot.addWidget(view)
    view.sortByColumn(1, Qt.SortOrder.DescendingOrder)
    rows.set_rows(ROWS)
    assert ids(proxy) == [2, 1, 3, 4]  # the blank first going down
    view.show()
    qtbot.waitExposed(view)
    view.selectRow(3)  # id 4
    button = QPushButton("pay 4")
    view.setIndexWidget(proxy.index(3, 1), button)
    rows.update_rows([Item(4, "a", 99), Item(5, "e", 20)], gone=[1], key=lambda r: r.id)
    assert ids(proxy) == [2, 4, 5, 3]
    selected = view.selectionModel().selectedRows()
    assert [proxy.index(i.row(), 0).data(Qt.ItemDataRole.UserRole + 2).id for i in selected] == [4]
    assert view.indexWidget(proxy.index(1, 1)) is button  # the row's widget moved with it


def test_the_viewport_is_found_by_its_qt_name(qtbot) -> None:  # type: ignore[no-untyped-def]
    """``viewport_of`` finds the view's viewport by the object name Qt gives it (cheaper than
    PySide's first ``viewport()`` call); should Qt rename it, the fallback still answers, and
    this test says the shortcut is gone."""
    from PySide6.QtWidgets import QTableView, QWidget

    from tracker.ui.table_model import viewport_of

    view = QTableView()
    qtbot.addWidget(view)
    assert view.findChild(QWidget, "qt_scrollarea_viewport") is view.viewport()
    assert viewport_of(view) is view.viewport()

"""The plans table: its columns (money sorted by amount, not text) and the filter proxy.

``plans_model`` holds ``PlanSummary`` rows from ``services.list_plans``; ``PlanFilter`` applies
the Plans screen's search (name, platform, notes; case-insensitive, Chinese included,
also by pinyin: ``pinyin.matches``), status
filter and archived visibility, and sorts by each column's raw ``SORT_ROLE`` value.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
)
from PySide6.QtWidgets import QWidget

from tracker.services import PlanStatus, PlanSummary

from . import fmt, pinyin
from .table_model import SORT_ROLE, Column, RowTableModel

Index = QModelIndex | QPersistentModelIndex
STATUS_FILTERS = ("all", "active", "overdue", "closed")
_LATE = (PlanStatus.OVERDUE, PlanStatus.GRACE)
_STATUS_ORDER = [PlanStatus(s) for s in PlanStatus]


def _plan_highlight(row: PlanSummary) -> str | None:
    if row.status is PlanStatus.OVERDUE:
        return "overdue"
    if row.status in (PlanStatus.GRACE, PlanStatus.DUE_TODAY):
        return "warning"
    if row.status in (PlanStatus.CLOSED, PlanStatus.ARCHIVED) or row.archived:
        return "muted"
    return None


def _status_tip(row: PlanSummary) -> str:
    if not row.overdue_amount:
        return ""
    tip = QCoreApplication.translate("PlansScreen", "Overdue: %1").replace(
        "%1", fmt.money(row.overdue_amount, row.currency)
    )
    if row.penalty:
        tip += "\n" + QCoreApplication.translate("PlansScreen", "Penalty: %1").replace(
            "%1", fmt.money(row.penalty, row.currency)
        )
    return tip


def _periods_key(row: PlanSummary) -> tuple[float, int]:
    return row.periods_paid / row.periods, row.periods


def _next_tip(row: PlanSummary) -> str:
    return fmt.money(row.next_amount, row.currency) if row.next_due else ""


def _amount(header: Callable[[], str], value: Callable[[PlanSummary], int]) -> Column[PlanSummary]:
    return Column(header, lambda r: fmt.money(value(r), r.currency), value, True)


def plans_model(parent: QWidget | None = None) -> RowTableModel[PlanSummary]:
    """The plans table: one row per PlanSummary, money sorted by amount."""
    columns: list[Column[PlanSummary]] = [
        Column(
            lambda: QCoreApplication.translate("PlansScreen", "Name"),
            lambda r: r.name,
            lambda r: pinyin.name_key(r.name),
        ),
        Column(
            lambda: QCoreApplication.translate("PlansScreen", "Platform"),
            lambda r: r.platform,
            lambda r: r.platform.casefold(),
        ),
        _amount(
            lambda: QCoreApplication.translate("PlansScreen", "Principal"), lambda r: r.principal
        ),
        Column(
            lambda: QCoreApplication.translate("PlansScreen", "Paid / periods"),
            lambda r: f"{r.periods_paid}/{r.periods}",
            _periods_key,
            True,
        ),
        _amount(
            lambda: QCoreApplication.translate("PlansScreen", "Per period"), lambda r: r.per_period
        ),
        Column(
            lambda: QCoreApplication.translate("PlansScreen", "Next due"),
            lambda r: fmt.day(r.next_due),
            lambda r: r.next_due,
            tooltip=_next_tip,
        ),
        _amount(
            lambda: QCoreApplication.translate("PlansScreen", "Remaining"), lambda r: r.remaining
        ),
        Column(
            lambda: QCoreApplication.translate("PlansScreen", "APR"),
            lambda r: fmt.percent(r.apr),
            lambda r: r.apr,
            True,
        ),
        Column(
            lambda: QCoreApplication.translate("PlansScreen", "Status"),
            lambda r: fmt.status_label(r.status),
            lambda r: _STATUS_ORDER.index(r.status),
            tooltip=_status_tip,
        ),
    ]
    return RowTableModel(columns, _plan_highlight, parent)


class PlanFilter(QSortFilterProxyModel):
    """Search text, status filter and archived visibility; sorts by ``SORT_ROLE`` values."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.search = ""
        self.status = "all"
        self.show_archived = False
        self.setSortRole(SORT_ROLE)

    def set_filters(self, search: str, status: str, show_archived: bool) -> None:
        """Apply new filter values."""
        modern = hasattr(self, "beginFilterChange")  # Qt ≥ 6.10; invalidateFilter before
        if modern:
            self.beginFilterChange()
        self.search = search.strip().casefold()
        self.status = status if status in STATUS_FILTERS else "all"
        self.show_archived = show_archived
        if modern:
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:  # pragma: no cover - older Qt
            self.invalidateFilter()

    def accepts(self, row: PlanSummary) -> bool:
        """Whether a plan passes the filters."""
        if row.archived and not self.show_archived:
            return False
        if self.status == "active" and row.status is PlanStatus.CLOSED:
            return False
        if self.status == "overdue" and row.status not in _LATE:
            return False
        if self.status == "closed" and row.status is not PlanStatus.CLOSED:
            return False
        if self.search:
            fields = (row.name, row.platform, row.notes)
            return all(any(pinyin.matches(w, f) for f in fields) for w in self.search.split())
        return True

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        if not isinstance(model, RowTableModel):
            return True
        return self.accepts(model.row_at(source_row))

    def lessThan(self, left: Index, right: Index) -> bool:
        model = self.sourceModel()
        a, b = model.data(left, SORT_ROLE), model.data(right, SORT_ROLE)
        if a is None or b is None:  # blanks (no next due date) sort last
            return a is not None and b is None
        try:
            return bool(a < b)
        except TypeError:
            return str(a) < str(b)

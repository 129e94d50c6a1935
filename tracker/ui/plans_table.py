"""The plans table: its columns (money sorted by amount, not text) and the filter proxy.

``plans_model`` holds ``PlanSummary`` rows from ``services.list_plans`` (and, grouped by account,
one ``AccountGroup`` heading per account); ``PlanFilter`` applies the Plans screen's search
(name, platform, notes; case-insensitive, Chinese included, also by pinyin: ``pinyin.matches``),
status filter, account filter and archived visibility, and sorts by each column's raw
``SORT_ROLE`` value, headings first within their group whatever the column and order.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QFont, QGuiApplication, QPalette
from PySide6.QtWidgets import QWidget

from tracker.services import PlanStatus, PlanSummary

from . import fmt, pinyin
from .palette import status_tone
from .table_model import ROW_ROLE, SORT_ROLE, Column, RowTableModel

Index = QModelIndex | QPersistentModelIndex
STATUS_FILTERS = ("all", "active", "overdue", "closed")
NO_ACCOUNT = "none"
"""The account filter's value for plans on no account ("all" shows every plan)."""
REMAINING_COLUMN = 6
_LATE = (PlanStatus.OVERDUE, PlanStatus.GRACE)
_STATUS_ORDER = [PlanStatus(s) for s in PlanStatus]


def _plan_highlight(row: PlanSummary) -> str | None:
    if row.archived:
        return "paid"
    return status_tone(row.status.value)


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


@dataclass(frozen=True, slots=True)
class AccountGroup:
    """A heading of the plans grouped by account: ``id`` is ``-account_id`` (0: no account), so
    it never clashes with a plan's id in the model."""

    id: int
    account_id: int | None
    name: str
    plans: int
    remaining: int
    currency: str | None


def account_groups(
    rows: Iterable[PlanSummary], names: Mapping[int, str], shown: Callable[[PlanSummary], bool]
) -> list[AccountGroup]:
    """One heading per account with plans (by name), then "No account"; each counts the plans
    ``shown`` keeps and sums what they still owe (when they share one currency)."""
    members: dict[int | None, list[PlanSummary]] = {}
    for row in rows:
        key = row.account_id if row.account_id in names else None
        members.setdefault(key, [])
        if shown(row):
            members[key].append(row)
    groups = []
    for key, plans in members.items():
        currencies = {p.currency for p in plans}
        name = names[key] if key is not None else no_account_label()
        groups.append(
            AccountGroup(
                -key if key is not None else 0,
                key,
                name,
                len(plans),
                sum(p.remaining for p in plans),
                currencies.pop() if len(currencies) == 1 else None,
            )
        )
    return groups


def no_account_label() -> str:
    """The group and filter entry of plans on no account."""
    return QCoreApplication.translate("PlansScreen", "No account")


class PlansModel(RowTableModel[Any]):
    """Plan rows, and account headings (bold, shaded, name and what their plans still owe)."""

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < self.rowCount():
            return None
        row = self.row_at(index.row())
        if not isinstance(row, AccountGroup):
            return super().data(index, role)
        column = index.column()
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                if row.plans == 1:
                    text = QCoreApplication.translate("PlansScreen", "%1 · 1 plan")
                else:
                    text = QCoreApplication.translate("PlansScreen", "%1 · %2 plans")
                return text.replace("%2", str(row.plans)).replace("%1", row.name)
            if column == REMAINING_COLUMN and row.currency:
                return fmt.money(row.remaining, row.currency)
            return ""
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.BackgroundRole:
            return QGuiApplication.palette().brush(QPalette.ColorRole.AlternateBase)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return super().data(index, role)
        return None


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
    return PlansModel(columns, _plan_highlight, parent)


class PlanFilter(QSortFilterProxyModel):
    """Search text, status filter and archived visibility; sorts by ``SORT_ROLE`` values."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.search = ""
        self.status = "all"
        self.show_archived = False
        self.account: int | str = "all"
        self.names: dict[int, str] = {}
        self.grouped = False
        self.setSortRole(SORT_ROLE)

    def set_filters(
        self, search: str, status: str, show_archived: bool, account: int | str | None = None
    ) -> None:
        """Apply new filter values (``account``: "all", ``NO_ACCOUNT`` or an account id;
        None keeps the current one)."""
        modern = hasattr(self, "beginFilterChange")  # Qt ≥ 6.10; invalidateFilter before
        if modern:
            self.beginFilterChange()
        self.search = search.strip().casefold()
        self.status = status if status in STATUS_FILTERS else "all"
        self.show_archived = show_archived
        if account is not None:
            self.account = account
        if modern:
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:  # pragma: no cover - older Qt
            self.invalidateFilter()

    def refilter(self) -> None:
        """Filter every row again (a heading follows its plans)."""
        self.set_filters(self.search, self.status, self.show_archived)

    def group_of(self, row: Any) -> int | None:
        """The account a row belongs to (None: no account, or one not known)."""
        key = row.account_id
        return key if key in self.names else None

    def _account_shows(self, key: int | None) -> bool:
        if self.account == "all":
            return True
        if self.account == NO_ACCOUNT:
            return key is None
        return key == self.account

    def accepts(self, row: PlanSummary) -> bool:
        """Whether a plan passes the filters (a heading: whether any of its plans does)."""
        if isinstance(row, AccountGroup):
            model = self.sourceModel()
            rows = model.rows() if isinstance(model, RowTableModel) else []
            return any(
                not isinstance(r, AccountGroup)
                and self.group_of(r) == row.account_id
                and self.accepts(r)
                for r in rows
            )
        if not self._account_shows(self.group_of(row)):
            return False
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

    def _group_key(self, row: Any) -> tuple[int, str, int]:
        key = self.group_of(row)
        if key is None:
            return (1, "", 0)
        return (0, self.names[key].casefold(), key)

    def lessThan(self, left: Index, right: Index) -> bool:
        model = self.sourceModel()
        ra, rb = model.data(left, ROW_ROLE), model.data(right, ROW_ROLE)
        if self.grouped and ra is not None and rb is not None:
            ascending = self.sortOrder() == Qt.SortOrder.AscendingOrder
            ga, gb = self._group_key(ra), self._group_key(rb)
            if ga != gb:  # groups by name, "No account" last, in either order
                return (ga < gb) == ascending
            ha, hb = isinstance(ra, AccountGroup), isinstance(rb, AccountGroup)
            if ha or hb:  # the heading first
                return ha and not hb if ascending else hb and not ha
        a, b = model.data(left, SORT_ROLE), model.data(right, SORT_ROLE)
        if a is None or b is None:  # blanks (no next due date) sort last
            return a is not None and b is None
        try:
            return bool(a < b)
        except TypeError:
            return str(a) < str(b)

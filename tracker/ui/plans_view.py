"""The Plans screen: a searchable, sortable table of plans over the selected plan's detail.

Rows come from ``services.list_plans``; a proxy filters them (search over name, platform and
notes, a status filter, archived plans hidden unless asked) and sorts by raw values. Actions
go through ``ctx.act`` so they can be undone. After a change the shown table updates only the
rows of the plans it names (``services.plan_summaries``: ``dataChanged``, inserted or removed
rows, never a reset); a hidden one reloads when shown again (``freshness``).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QByteArray, QItemSelectionModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from tracker import services as sv
from tracker.services import PlanStatus, PlanSummary

from . import fmt
from . import plans_keys as keys
from .column_widths import per_language
from .context import AppContext
from .freshness import Freshness
from .icons import icon
from .plan_detail import PlanDetailPanel, setup_table
from .plans_accounts import AccountControls
from .plans_table import STATUS_FILTERS, AccountGroup, PlanFilter, account_groups, plans_model
from .table_model import ROW_ROLE


class PlansScreen(QWidget):
    """Plans table, filters, toolbar actions and the detail panel."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.model = plans_model(self)
        self.proxy = PlanFilter(self)
        self.proxy.setSourceModel(self.model)
        self._build()
        self._restore_state()
        self.freshness = Freshness(self, ctx, self.refresh, self.apply_change)
        self.refresh()

    # -- layout ---------------------------------------------------------------------------
    def _button(self, text: str, slot: Any, tip: str = "") -> QPushButton:
        button = QPushButton(text)
        button.setToolTip(tip)
        button.clicked.connect(lambda _checked=False: slot())
        return button

    def _build(self) -> None:
        self.new_button = self._button(self.tr("New plan…"), self.new_plan, self.tr("Ctrl+N"))
        self.pay_button = self._button(
            self.tr("Record payment…"), self.record_payment, self.tr("Ctrl+P")
        )
        self.payoff_button = self._button(self.tr("Pay off early…"), self.pay_off)
        self.edit_button = self._button(self.tr("Edit…"), self.edit_selected)
        self.archive_button = self._button(self.tr("Archive"), self.toggle_archived)
        self.delete_button = self._button(self.tr("Delete…"), self.delete_selected)
        icons = {self.new_button: "new-plan", self.pay_button: "record-payment",
                 self.payoff_button: "payoff", self.edit_button: "edit",
                 self.archive_button: "archive", self.delete_button: "delete"}  # fmt: skip
        for button, name in icons.items():
            button.setIcon(icon(name))
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search name, platform, notes (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(220)
        self.status_combo = QComboBox()
        for key, label in zip(
            STATUS_FILTERS,
            (self.tr("All"), self.tr("Active"), self.tr("Overdue"), self.tr("Paid off")),
            strict=True,
        ):
            self.status_combo.addItem(label, key)
        self.archived_check = QCheckBox(self.tr("Show archived"))
        bar = QHBoxLayout()
        for button in (self.new_button, self.pay_button, self.payoff_button, self.edit_button):
            bar.addWidget(button)
        bar.addWidget(self.archive_button)
        bar.addWidget(self.delete_button)
        bar.addStretch(1)
        # The finding controls get a line of their own: with the account filter and grouping
        # beside the six buttons, one line needed ~1,100 px and the window must fit 1,024.
        filters = QHBoxLayout()
        filters.addWidget(self.search, 2)
        filters.addWidget(self.status_combo)
        filters.addWidget(self.archived_check)

        self.table = QTableView()
        self.table.setModel(self.proxy)
        setup_table(self.table)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setSortingEnabled(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)  # the name takes the room
        header.setSortIndicator(5, Qt.SortOrder.AscendingOrder)
        self.table.doubleClicked.connect(lambda _index: self.edit_selected())
        keys.install(self)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.accounts = AccountControls(self)
        filters.insertWidget(filters.indexOf(self.status_combo), self.accounts.combo)
        filters.insertWidget(filters.indexOf(self.status_combo), self.accounts.group_check)
        self.detail = PlanDetailPanel()
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.detail)
        self.splitter.setSizes([280, 420])
        self.no_match = QLabel(self.tr("No matching plans. Esc clears the search."))
        self.no_match.setObjectName("no_match")
        self.no_match.setAlignment(Qt.AlignmentFlag.AlignCenter)
        bold = self.no_match.font()
        bold.setBold(True)
        self.no_match.setFont(bold)
        self.no_match.setContentsMargins(0, 6, 0, 6)
        self.no_match.hide()
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addLayout(filters)
        layout.addWidget(self.no_match)
        layout.addWidget(self.splitter, 1)

        self.search.textChanged.connect(self._filters_changed)
        self.status_combo.currentIndexChanged.connect(self._filters_changed)
        self.archived_check.toggled.connect(self._filters_changed)
        self.accounts.combo.currentIndexChanged.connect(self._filters_changed)
        self.accounts.group_check.toggled.connect(self._grouping_changed)

    # -- state ----------------------------------------------------------------------------
    def _restore_state(self) -> None:
        s = self.ctx.settings
        splitter = s.value("plans/splitter")
        if isinstance(splitter, QByteArray) and not splitter.isEmpty():
            self.splitter.restoreState(splitter)
        header_state = s.value(per_language("plans/header"))
        header = self.table.horizontalHeader()
        if isinstance(header_state, QByteArray) and not header_state.isEmpty():
            header.restoreState(header_state)
        else:
            metrics = header.fontMetrics()
            for column, width in enumerate((180, 110, 100, 90, 100, 100, 110, 70, 0)):
                title = str(self.proxy.headerData(column, Qt.Orientation.Horizontal) or "")
                # never narrower than the header's own text (plus room for the sort arrow)
                header.resizeSection(column, max(width, metrics.horizontalAdvance(title) + 28))
            cells = self.table.fontMetrics()  # statuses are never elided: the widest fits
            widest = max(cells.horizontalAdvance(fmt.status_label(s.value)) for s in PlanStatus)
            header.resizeSection(8, max(header.sectionSize(8), widest + 16))
        self.table.sortByColumn(header.sortIndicatorSection(), header.sortIndicatorOrder())
        index = self.status_combo.findData(s.value("plans/status", "all"))
        self.status_combo.setCurrentIndex(max(index, 0))
        self.archived_check.setChecked(str(s.value("plans/show_archived", "false")) == "true")
        self.search.setText(str(s.value("plans/search", "") or ""))
        self.accounts.restore(s)

    def save_state(self) -> None:
        """Store the splitter, column widths, sort column and filters."""
        s = self.ctx.settings
        s.set_value("plans/splitter", self.splitter.saveState())
        s.set_value(per_language("plans/header"), self.table.horizontalHeader().saveState())
        s.set_value("plans/status", self.status_combo.currentData())
        s.set_value("plans/show_archived", "true" if self.archived_check.isChecked() else "false")
        s.set_value("plans/search", self.search.text())
        self.accounts.save(s)

    def _filters_changed(self) -> None:
        keep = self.selected_id()
        self.proxy.set_filters(
            self.search.text(),
            self.status_combo.currentData(),
            self.archived_check.isChecked(),
            self.accounts.current(),
        )
        self._regroup()
        self._select(keep)

    def _show_no_match(self) -> bool:
        """Say "No matching plans" when the search leaves no row; True when it is shown."""
        shown = bool(self.search.text().strip() and self.model.rowCount())
        shown = shown and not self.proxy.rowCount()
        self.no_match.setVisible(shown)
        return shown

    # -- rows and selection ---------------------------------------------------------------
    def refresh(self, _change: object = None) -> None:
        """Reload every plan as of today, keeping the selected plan selected."""
        self.freshness.stale = False
        keep = self.selected_id()
        self.proxy.names = self.accounts.load()
        self.proxy.grouped = self.accounts.grouped() and bool(self.proxy.names)
        self.proxy.set_filters(
            self.search.text(),
            self.status_combo.currentData(),
            self.archived_check.isChecked(),
            self.accounts.current(),
        )
        rows = sv.list_plans(
            self.ctx.db,
            self.ctx.today(),
            include_archived=True,
            reminder_days=self.ctx.reminder_days,
        )
        self.model.set_rows(self.accounts.with_groups(rows))
        self._select(keep)

    def _grouping_changed(self) -> None:
        if hasattr(self, "freshness"):  # not while the stored state is restored
            self.refresh()

    def _regroup(self) -> None:
        """Bring the account headings in line with the plans (counts, totals, new groups)."""
        if not self.proxy.grouped:
            return
        rows = self.model.rows()
        plans = [r for r in rows if isinstance(r, PlanSummary)]
        groups = account_groups(plans, self.proxy.names, self.proxy.accepts)
        old = {r.id for r in rows if isinstance(r, AccountGroup)}
        self.model.update_rows(groups, gone=old - {g.id for g in groups})
        self.proxy.refilter()

    def apply_change(self, change: sv.Change) -> None:
        """Update the rows of the plans ``change`` names: changed rows in place, new plans
        added, deleted ones removed; the selection stays where it was."""
        if change.action.startswith("account"):  # names, groups and the filter change
            self.refresh()
            return
        if not change.plan_ids:
            return
        keep = self.selected_id()
        rows = sv.plan_summaries(
            self.ctx.db, self.ctx.today(), change.plan_ids, self.ctx.reminder_days
        )
        self.model.update_rows(rows, gone=change.plan_ids - {r.id for r in rows})
        self._regroup()
        if keep is None or keep in change.plan_ids:
            self._select(keep)  # its detail (schedule, totals) changed too

    def selected_id(self) -> int | None:
        """The selected plan's id, or None."""
        row = self.selected_row()
        return row.id if row else None

    def selected_row(self) -> PlanSummary | None:
        """The selected plan's row, or None."""
        indexes = self.table.selectionModel().selectedRows()
        if not indexes:
            return None
        row = indexes[0].data(ROW_ROLE)
        return row if isinstance(row, PlanSummary) else None

    def _proxy_row_of(self, plan_id: int) -> int | None:
        for r in range(self.proxy.rowCount()):
            row = self.proxy.index(r, 0).data(ROW_ROLE)
            if isinstance(row, PlanSummary) and row.id == plan_id:
                return r
        return None

    def _select(self, plan_id: int | None) -> None:
        r = self._proxy_row_of(plan_id) if plan_id is not None else None
        selection = self.table.selectionModel()
        if r is None:
            selection.clearSelection()
        else:
            index = self.proxy.index(r, 0)
            flags = (
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows
            )
            selection.setCurrentIndex(index, flags)
            self.table.scrollTo(index)
        self._selection_changed()

    def show_plan(self, plan_id: int) -> None:
        """Select ``plan_id``, relaxing filters that hide it."""
        if self.freshness.stale or self._proxy_row_of(plan_id) is None:
            self.refresh()
        row = next(
            (r for r in self.model.rows() if isinstance(r, PlanSummary) and r.id == plan_id), None
        )
        if row is None:
            return
        if not self.proxy.accepts(row):
            self.accounts.combo.setCurrentIndex(0)
            self.search.clear()
            self.status_combo.setCurrentIndex(0)
            if row.archived:
                self.archived_check.setChecked(True)
        self._select(plan_id)
        self.table.setFocus()

    def _selection_changed(self, *_args: object) -> None:
        no_match = self._show_no_match()
        row = self.selected_row()
        has = row is not None
        open_plan = row is not None and row.status is not PlanStatus.CLOSED
        writable = not self.ctx.read_only  # a read-only file: nothing that writes
        self.new_button.setEnabled(writable)
        self.pay_button.setEnabled(open_plan and writable)
        self.payoff_button.setEnabled(open_plan and writable)
        self.edit_button.setEnabled(has and writable)
        self.delete_button.setEnabled(has and writable)
        self.archive_button.setEnabled(has and writable)
        archived = row is not None and row.archived
        self.archive_button.setText(self.tr("Restore") if archived else self.tr("Archive"))
        if row is None:
            if not self.model.rowCount():
                self.detail.clear(self.tr("No plans yet. Click “New plan…” to add one."))
            elif no_match:
                self.detail.clear()
                self.detail.hint.setText("")  # said once, above the table
            elif not self.proxy.rowCount():
                self.detail.clear(self.tr("No plan matches the search and filters."))
            else:
                self.detail.clear(self.tr("Select a plan to see its terms and schedule."))
            return
        try:
            detail = sv.plan_detail(self.ctx.db, row.id, self.ctx.today(), self.ctx.reminder_days)
        except sv.ServiceError:
            self.detail.clear()
            return
        self.detail.set_detail(detail)

    # -- actions --------------------------------------------------------------------------
    def focus_search(self) -> None:
        """Ctrl+F: put the cursor in the search box."""
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def new_plan(self) -> int | None:
        """Ctrl+N: the new-plan form; the saved plan is selected and its id returned."""
        if self.ctx.refuse_if_read_only(self):
            return None
        from .plan_dialog import open_plan_dialog

        plan_id = open_plan_dialog(self.ctx, self)
        if plan_id is not None:
            self.show_plan(plan_id)
        return plan_id

    def edit_selected(self) -> None:
        """Edit the selected plan (also on double-click)."""
        if self.ctx.refuse_if_read_only(self):
            return
        plan_id = self.selected_id()
        if plan_id is None:
            return
        from .plan_dialog import open_plan_dialog

        if open_plan_dialog(self.ctx, self, plan_id) is not None:
            self.show_plan(plan_id)

    def _need_selection(self) -> int | None:
        plan_id = self.selected_id()
        if plan_id is None:
            self.ctx.interaction.info(
                self, self.tr("No plan selected"), self.tr("Select a plan in the table first.")
            )
        return plan_id

    def record_payment(self) -> None:
        """Ctrl+P: record a payment on the selected plan."""
        if self.ctx.refuse_if_read_only(self):
            return
        plan_id = self._need_selection()
        if plan_id is None:
            return
        from .payment_dialog import record_payment_dialog

        record_payment_dialog(self.ctx, self, plan_id)

    def pay_off(self) -> None:
        """Pay the selected plan off early (the dialog shows the quote first)."""
        if self.ctx.refuse_if_read_only(self):
            return
        plan_id = self._need_selection()
        if plan_id is None:
            return
        from .payment_dialog import payoff_dialog

        payoff_dialog(self.ctx, self, plan_id)

    def toggle_archived(self) -> None:
        """Archive the selected plan, or restore it if it is archived."""
        if self.ctx.refuse_if_read_only(self):
            return
        row = self.selected_row()
        if row is None:
            return
        label = self.tr("Restore plan") if row.archived else self.tr("Archive plan")
        done = self.tr("Restored “%1”") if row.archived else self.tr("Archived “%1”")
        done = done.replace("%1", row.name)
        self.ctx.act(
            self, label, sv.set_archived, row.id, not row.archived, plan_id=row.id, done=done
        )

    def delete_selected(self) -> None:
        """Delete: delete the selected plan after asking (undo restores it with its payments)."""
        if self.ctx.refuse_if_read_only(self):
            return
        row = self.selected_row()
        if row is None:
            return
        count = len(sv.history(self.ctx.db, row.id))
        if count == 0:
            text = self.tr("Delete “%1”? It has no payments.")
        else:
            text = self.tr("Delete “%1” and its %n payments?", "", count)
        text = text.replace("%1", row.name) + "\n" + self.tr("Edit ▸ Undo (Ctrl+Z) brings it back.")
        if not self.ctx.interaction.confirm(self, self.tr("Delete plan"), text, self.tr("Delete")):
            return
        done = self.tr("Deleted “%1”").replace("%1", row.name)
        self.ctx.act(
            self, self.tr("Delete plan"), sv.delete_plan, row.id, plan_id=row.id, done=done
        )

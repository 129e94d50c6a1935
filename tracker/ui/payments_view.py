"""The Payments screen: every payment with date-range, plan and text filters, totals, and void.

Rows come a page at a time from ``services.payment_list`` (``paged_model``): filters, the
text search and sorting by any column run in SQL, and the totals are summed there over every
matching payment, not only the loaded ones. After a change the shown table re-reads only the
rows the change touched; a hidden one reloads when shown (``freshness``). The plan filter
reads plan names only. Voided payments stay listed, struck out and grey; periods paid before
the plan was tracked (kind ``prior``) are greyed and labelled "Paid before tracking". Each row
says which periods the payment settled ("Period 1/12", "Periods 1–3/12": ``settled_periods``,
one query per page over the stored paid columns). Filters and column widths persist.
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QByteArray, QItemSelectionModel, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from tracker import services as sv
from tracker.services import payment_list as pl

from . import fmt, payment_methods
from .column_widths import per_language
from .context import AppContext
from .freshness import Freshness
from .icons import icon
from .paged_model import PagedTableModel, paged_table
from .payment_dialog import record_payment_dialog
from .plan_payments import periods_text
from .table_model import ROW_ROLE, Column

KEY = "payments/"
SORT_BY_COLUMN = ("date", "plan", "amount", "settled", "method", "kind", "note")
"""What a click on each column's header sorts by ("settled": by date, the periods' order)."""


def _bool(value: object, default: bool) -> bool:
    if value is None:
        return default
    if isinstance(value, str):
        return value.lower() in ("true", "1")
    return bool(value)


def _date(value: object) -> date | None:
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        return None


def _date_key(row: sv.PaymentRow) -> str:
    """Sort by date, then by entry order (a string, so Qt can compare it)."""
    return f"{row.date.isoformat()}#{row.id:012d}"


def _highlight(row: sv.PaymentRow) -> str | None:
    """Voided payments struck out; payments made before the plan was tracked greyed."""
    if row.voided:
        return "struck"
    return "muted" if row.kind == "prior" else None


class PaymentsScreen(QWidget):
    """Payment history with filters, totals of what is shown, and voiding."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._pending_plan: int | None = None  # the saved plan filter, until the combo is filled
        today = ctx.today()

        self.all_dates = QCheckBox(self.tr("All dates"))
        self.all_dates.setChecked(True)
        self.date_from = self._date_edit(date(today.year, today.month, 1) - timedelta(days=90))
        self.date_to = self._date_edit(today)
        self.plan_combo = QComboBox()
        self.plan_combo.setMinimumContentsLength(14)
        self.plan_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.plan_combo.addItem(self.tr("All plans"), None)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search note or method"))
        self.search.setClearButtonEnabled(True)

        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("From")))
        filters.addWidget(self.date_from)
        filters.addWidget(QLabel(self.tr("to")))
        filters.addWidget(self.date_to)
        filters.addWidget(self.all_dates)
        filters.addSpacing(16)
        filters.addWidget(QLabel(self.tr("Plan")))
        filters.addWidget(self.plan_combo)
        filters.addSpacing(16)
        filters.addWidget(self.search, 1)

        self._spans: dict[int, pl.PeriodSpan] = {}
        self.model: PagedTableModel[sv.PaymentRow] = PagedTableModel(
            self._columns(), highlight=_highlight, parent=self
        )
        self._sort, self._descending, self._ready = "date", True, False
        self.model.on_sort = self._sort_by
        self.proxy, self.table = paged_table(self.model, self)
        self.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for col, width in enumerate((110, 240, 120, 130, 110, 150)):
            self.table.setColumnWidth(col, width)

        self.totals = QLabel()
        self.record_button = QPushButton(self.tr("Record payment…"))
        self.void_button = QPushButton(self.tr("Void payment"))
        self.record_button.setIcon(icon("record-payment"))
        self.void_button.setIcon(icon("void"))
        self.void_button.setToolTip(self.tr("Mark the selected payment void (Delete)"))
        actions = QHBoxLayout()
        actions.addWidget(self.totals, 1)
        actions.addWidget(self.record_button)
        actions.addWidget(self.void_button)

        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)

        self._restore_state()
        self._reload_plans()
        self._update_dates_enabled()
        self.all_dates.toggled.connect(self._on_dates_toggled)
        self.date_from.dateChanged.connect(lambda _d: self.refresh())
        self.date_to.dateChanged.connect(lambda _d: self.refresh())
        self.plan_combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.search.textChanged.connect(lambda _t: self.refresh())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.record_button.clicked.connect(self.record_payment)
        self.void_button.clicked.connect(self.delete_selected)
        self.freshness = Freshness(self, ctx, self._reload_all, self.apply_change)
        self._totals = pl.PaymentTotals()
        self._ready = True
        self.refresh()

    # -- construction helpers ------------------------------------------------------------
    @staticmethod
    def _date_edit(value: date) -> QDateEdit:
        edit = QDateEdit(fmt.qdate(value))
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        return edit

    def _columns(self) -> list[Column[sv.PaymentRow]]:
        return [
            Column(lambda: self.tr("Date"), lambda r: fmt.day(r.date), _date_key),
            Column(lambda: self.tr("Plan"), lambda r: r.plan_name, lambda r: r.plan_name.lower()),
            Column(
                lambda: self.tr("Amount"),
                lambda r: fmt.money(r.amount, r.currency),
                lambda r: r.amount,
                numeric=True,
            ),
            Column(lambda: self.tr("Settled"), self._periods_text),
            Column(lambda: self.tr("Method"), lambda r: payment_methods.label(r.method)),
            Column(lambda: self.tr("Kind"), self._kind_text, tooltip=self._kind_text),
            Column(lambda: self.tr("Note"), self._note_text, tooltip=self._note_text),
        ]

    def _note_text(self, row: sv.PaymentRow) -> str:
        """The note; a bill payment's part shows the note ``pay_bill`` wrote in the UI's
        language ("Bill 2026-03 · 招行信用卡", "2026-03 账单 · 招行信用卡")."""
        from tracker.services.bill_payments import bill_note_parts

        parts = bill_note_parts(row.note) if row.bill_payment_id is not None else None
        if parts is None:
            return row.note
        return self.tr("Bill %1 · %2").replace("%1", parts[0]).replace("%2", parts[1])

    def _periods_text(self, row: sv.PaymentRow) -> str:
        span = self._spans.get(row.id) if row.id is not None else None
        return periods_text(span.first, span.last, span.periods) if span else ""

    def _with_spans(self, rows: list[sv.PaymentRow]) -> list[sv.PaymentRow]:
        """Note which periods each of these rows went to (one query per page)."""
        self._spans.update(pl.settled_periods(self.ctx.db, rows))
        return rows

    def _kind_text(self, row: sv.PaymentRow) -> str:
        kinds = {
            "payoff": self.tr("Early payoff"),
            "prior": self.tr("Paid before tracking"),
            "prepayment": self.tr("Prepayment"),
        }
        kind = kinds.get(row.kind) or self.tr("Payment")
        if row.bill_payment_id is not None:
            kind = self.tr("Bill payment %1").replace("%1", str(row.bill_payment_id))
        return self.tr("%1 (voided)").replace("%1", kind) if row.voided else kind

    # -- data ----------------------------------------------------------------------------
    def _reload_all(self) -> None:
        self._reload_plans()
        self.refresh()

    def _reload_plans(self) -> None:
        """Fill the plan filter with every plan's name (archived included), keeping the choice;
        left alone when the names did not change."""
        wanted = self.plan_combo.currentData()
        if wanted is None:
            wanted = self._pending_plan
        plans = sv.plan_names(self.ctx.db, include_archived=True)
        shown = [
            (self.plan_combo.itemData(i), self.plan_combo.itemText(i))
            for i in range(1, self.plan_combo.count())
        ]
        if plans == shown and self._pending_plan is None:
            return
        self.plan_combo.blockSignals(True)
        self.plan_combo.clear()
        self.plan_combo.addItem(self.tr("All plans"), None)
        for plan_id, name in plans:
            self.plan_combo.addItem(name, plan_id)
        index = self.plan_combo.findData(wanted) if wanted is not None else 0
        self.plan_combo.setCurrentIndex(max(index, 0))
        self.plan_combo.blockSignals(False)
        self._pending_plan = None

    def _filter(self) -> pl.PaymentFilter:
        date_from = date_to = None
        if not self.all_dates.isChecked():
            date_from = fmt.pydate(self.date_from.date())
            date_to = fmt.pydate(self.date_to.date())
        return pl.PaymentFilter(
            self.plan_combo.currentData(), date_from, date_to, self.search.text().strip()
        )

    def _sort_by(self, column: int, order: Qt.SortOrder) -> None:
        """A header click: sort every matching payment in SQL, from the first page again."""
        name = SORT_BY_COLUMN[column] if 0 <= column < len(SORT_BY_COLUMN) else "date"
        self._sort = "date" if name == "settled" else name
        self._descending = order == Qt.SortOrder.DescendingOrder
        if self._ready:
            self.refresh()

    def refresh(self) -> None:
        """Load the first page of the payments the filters select, in the chosen order."""
        self.freshness.stale = False
        selected = self.selected_payment()
        flt, sort, desc, db = self._filter(), self._sort, self._descending, self.ctx.db
        self._spans = {}
        self.model.load(
            lambda after, limit: self._with_spans(
                pl.payment_page(db, flt, sort, desc, after, limit)
            )
        )
        if selected is not None:
            self.select_payment(selected.id)
        self._totals = pl.payment_totals(db, flt)
        self._update_totals()
        self._update_buttons()

    def apply_change(self, change: sv.Change) -> None:
        """Re-read only the loaded rows the change touched (its payments, and the payments of
        its plans: a rename shows in every row), insert its new payments where they belong in
        the order, and update the totals; new or renamed plans reach the filter's names."""
        before = self.plan_combo.currentData()
        self._reload_plans()
        if self.plan_combo.currentData() != before:  # the filtered plan is gone
            self.refresh()
            return
        if not change.payment_ids and not change.plan_ids:
            return
        flt, db = self._filter(), self.ctx.db
        upto = None if self.model.exhausted else self.model.last_loaded()
        before = dict(self._spans)
        fresh = self._with_spans(
            pl.payments_touched(
                db, flt, change.payment_ids, change.plan_ids, self._sort, self._descending, upto
            )
        )
        self.model.apply_rows(
            lambda r: r.id in change.payment_ids or r.plan_id in change.plan_ids,
            fresh,
            lambda r: pl.sort_key(r, self._sort),
            self._descending,
        )
        for row in fresh:
            if row.voided and row.id is not None:
                self._spans.pop(row.id, None)  # voided now: it settles nothing
        column = SORT_BY_COLUMN.index("settled")
        for i, row in enumerate(self.model.rows()):  # a void moves later payments down
            if row.id not in change.payment_ids and before.get(row.id) != self._spans.get(row.id):
                index = self.model.index(i, column)
                self.model.dataChanged.emit(index, index)
        self._totals = pl.payment_totals(db, flt)
        self._update_totals()
        self._update_buttons()

    def _update_totals(self) -> None:
        totals = self._totals
        amounts = " + ".join(fmt.money(v, c) for c, v in totals.sums.items()) or fmt.money(0)
        text = self.tr("%n payments shown, total %2", "", totals.live).replace("%2", amounts)
        voided = totals.voided
        if voided:
            text += " · " + self.tr("%1 voided (not counted)").replace("%1", str(voided))
        self.totals.setText(text)

    def shown_rows(self) -> list[sv.PaymentRow]:
        """The loaded rows in view order (more load as the table scrolls)."""
        return [self.proxy.index(i, 0).data(ROW_ROLE) for i in range(self.proxy.rowCount())]

    def total_shown(self) -> dict[str, int]:
        """Sum per currency of every non-voided payment the filters select (loaded or not)."""
        return dict(self._totals.sums)

    # -- selection and actions -----------------------------------------------------------
    def selected_payment(self) -> sv.PaymentRow | None:
        """The payment of the selected row, or None."""
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return rows[0].data(ROW_ROLE) if rows else None

    def select_payment(self, payment_id: int) -> bool:
        """Select the row of a payment; False when it is not shown."""
        for i in range(self.proxy.rowCount()):
            index = self.proxy.index(i, 0)
            if index.data(ROW_ROLE).id == payment_id:
                flags = (
                    QItemSelectionModel.SelectionFlag.ClearAndSelect
                    | QItemSelectionModel.SelectionFlag.Rows
                )
                self.table.selectionModel().select(index, flags)
                self.table.setCurrentIndex(index)
                self.table.scrollTo(index)
                return True
        return False

    def _update_buttons(self) -> None:
        row = self.selected_payment()
        writable = not self.ctx.read_only  # a read-only file: nothing that writes
        self.void_button.setEnabled(row is not None and not row.voided and writable)
        self.record_button.setEnabled(
            writable and (row is not None or self.plan_combo.currentData() is not None)
        )

    def delete_selected(self) -> None:
        """Void the selected payment after asking (Delete key and the Void button)."""
        if self.ctx.refuse_if_read_only(self):
            return
        row = self.selected_payment()
        if row is None or row.voided:
            return
        amount = fmt.money(row.amount, row.currency)
        text = (
            self.tr("Void the payment of %1 on %2 for %3? It stays in the history, struck out.")
            .replace("%1", amount)
            .replace("%2", fmt.day(row.date))
            .replace("%3", row.plan_name)
        )
        if row.bill_payment_id is not None:
            text = self.tr(
                "This payment is part of bill payment %1: voiding it voids the whole bill "
                "payment, every plan's part. It stays in the history, struck out."
            ).replace("%1", str(row.bill_payment_id))
        if not self.ctx.interaction.confirm(
            self, self.tr("Void payment"), text, self.tr("Void payment")
        ):
            return
        label = self.tr("Void payment of %1").replace("%1", amount)
        done = (
            self.tr("Voided the payment of %1 for %2")
            .replace("%1", amount)
            .replace("%2", row.plan_name)
        )
        if row.bill_payment_id is None:
            self.ctx.act(
                self,
                label,
                sv.void_payment,
                row.id,
                self.ctx.today(),
                plan_id=row.plan_id,
                done=done,
            )
            return
        db = self.ctx.db
        snap = sv.snapshot_payment(db, row.id)  # every plan of the bill payment, for Ctrl+Z
        self.ctx.act(
            self,
            label,
            sv.void_payment,
            row.id,
            self.ctx.today(),
            undo=lambda _change: lambda: sv.restore_snapshot(db, snap),
            done=done,
        )

    def record_payment(self) -> None:
        """Record a payment on the selected payment's plan (or the filtered plan)."""
        if self.ctx.refuse_if_read_only(self):
            return
        row = self.selected_payment()
        plan_id = row.plan_id if row is not None else self.plan_combo.currentData()
        if plan_id is not None:
            record_payment_dialog(self.ctx, self, plan_id)
        else:
            self.ctx.interaction.info(
                self,
                self.tr("No plan selected"),
                self.tr("Select a payment, or choose a plan in the filter, first."),
            )

    def focus_search(self) -> None:
        """Ctrl+F: put the cursor in the search box."""
        self.search.setFocus()
        self.search.selectAll()

    # -- filters enabled state -----------------------------------------------------------
    def _on_dates_toggled(self, _checked: bool) -> None:
        self._update_dates_enabled()
        self.refresh()

    def _update_dates_enabled(self) -> None:
        on = not self.all_dates.isChecked()
        self.date_from.setEnabled(on)
        self.date_to.setEnabled(on)

    # -- persisted state -----------------------------------------------------------------
    def _restore_state(self) -> None:
        s = self.ctx.settings
        self.all_dates.setChecked(_bool(s.value(KEY + "all_dates"), True))
        for edit, key in ((self.date_from, "from"), (self.date_to, "to")):
            value = _date(s.value(KEY + key))
            if value is not None:
                edit.setDate(fmt.qdate(value))
        self.search.setText(str(s.value(KEY + "search", "") or ""))
        plan = s.value(KEY + "plan")
        try:
            self._pending_plan = int(plan) if plan not in (None, "") else None
        except (TypeError, ValueError):
            self._pending_plan = None
        header = s.value(per_language(KEY + "header"))
        if isinstance(header, QByteArray) and not header.isEmpty():
            self.table.horizontalHeader().restoreState(header)

    def save_state(self) -> None:
        """Store the filters and the column widths and sort."""
        s = self.ctx.settings
        s.set_value(KEY + "all_dates", self.all_dates.isChecked())
        s.set_value(KEY + "from", fmt.pydate(self.date_from.date()).isoformat())
        s.set_value(KEY + "to", fmt.pydate(self.date_to.date()).isoformat())
        s.set_value(KEY + "search", self.search.text())
        plan = self.plan_combo.currentData()
        s.set_value(KEY + "plan", "" if plan is None else int(plan))
        s.set_value(per_language(KEY + "header"), self.table.horizontalHeader().saveState())

"""The Overview (home) screen: four cards, two charts and the "Needs attention" list.

Everything shown comes from one query, ``services.dashboard.dashboard``; the charts' series are
computed by ``tracker.reports.series`` and drawn by ``charts``. With no plans at all the screen
shows a first-run page instead ("Add your first plan", "Load sample data") and switches to the
dashboard as soon as a plan arrives. After a change it re-reads the dashboard (a fixed number of
queries) if shown, else when shown again (``freshness``); the charts and the attention list are
only redrawn when what they show changed.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from tracker.reports.attention import AttentionRow
from tracker.services.dashboard import (
    DUE_WINDOW_DAYS,
    Cards,
    Dashboard,
    dashboard,
    dashboard_first,
    dashboard_update,
)

from . import fmt, palette
from .charts import PLAN_COLOURS, BalanceChart, UpcomingChart
from .column_widths import per_language
from .context import AppContext
from .due_list import DueList
from .freshness import Freshness
from .icons import icon
from .paint_wait import after_paint

if TYPE_CHECKING:
    from tracker.reports.series import Memo
    from tracker.services import Change

MAX_CHART_PLANS = 8


def alert_colour(widget: QWidget) -> str:
    """The overdue red that reads well on the widget's background (light or dark theme)."""
    return palette.for_widget(widget).overdue


class Card(QFrame):
    """A summary card: a caption, a big value and a line of detail."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(
            "QFrame#card { border: 1px solid palette(mid); border-radius: 6px;"
            " background: palette(base); }"
        )
        self.alert = False
        self.title = QLabel(title)
        self.value = QLabel()
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        font = QFont(self.value.font())
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.value.setFont(font)
        for label in (self.title, self.detail):
            label.setStyleSheet("color: palette(placeholder-text);")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 10)
        layout.addWidget(self.title)
        layout.addWidget(self.value)
        layout.addWidget(self.detail)
        layout.addStretch(1)

    def show_values(self, value: str, detail: str, alert: bool = False) -> None:
        """Set the value and detail; ``alert`` paints both red."""
        self.value.setText(value)
        self.detail.setText(detail)
        self.alert = alert
        red = alert_colour(self)
        self.value.setStyleSheet(f"color: {red};" if alert else "")
        self.detail.setStyleSheet(
            f"color: {red};" if alert else "color: palette(placeholder-text);"
        )


class OverviewScreen(QWidget):
    """Cards, charts and the attention list; a welcome page when there are no plans."""

    new_plan_requested = Signal()
    """The user asked to add a plan (from the first-run page)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.data: Dashboard | None = None
        self.stack = QStackedWidget()
        self.empty_page = self._build_empty()
        self.dashboard_page = self._build_dashboard()
        self.stack.addWidget(self.empty_page)
        self.stack.addWidget(self.dashboard_page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        self._restore_state()
        self._shown: dict[str, object] = {}  # what the due list and the charts show
        self._charts_pending = False
        self._series_memo: dict[str, Memo] = {"upcoming": {}, "balance": {}}
        self.freshness = Freshness(self, ctx, self.refresh, self.update_for)
        self.refresh()

    # -- building -------------------------------------------------------------------------
    def _build_empty(self) -> QWidget:
        page = QWidget()
        title = QLabel(self.tr("Welcome to Installment Tracker"))
        font = QFont(title.font())
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setBold(True)
        title.setFont(font)
        text = QLabel(
            self.tr(
                "Keep every installment plan in one place — 花呗, 京东白条, credit-card "
                "installments, loans.\nSee what is due and when, what each plan really costs "
                "(APR), and never miss a payment."
            )
        )
        text.setWordWrap(True)
        text.setFixedWidth(640)
        larger = QFont(text.font())
        larger.setPointSizeF(larger.pointSizeF() * 1.15)
        text.setFont(larger)
        for label in (title, text):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.add_first_button = QPushButton(self.tr("Add your first plan"))
        self.add_first_button.setIcon(icon("new-plan"))
        self.sample_button = QPushButton(self.tr("Load sample data"))
        for button in (self.add_first_button, self.sample_button):
            button.setMinimumSize(220, 48)
            big = QFont(button.font())
            big.setPointSizeF(big.pointSizeF() * 1.2)
            button.setFont(big)
        self.add_first_button.setDefault(True)
        self.add_first_button.clicked.connect(self.new_plan_requested.emit)
        self.sample_button.clicked.connect(self.load_sample_data)
        for button in (self.add_first_button, self.sample_button):
            button.setEnabled(not self.ctx.read_only)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.add_first_button)
        buttons.addSpacing(16)
        buttons.addWidget(self.sample_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(page)
        layout.addStretch(2)
        layout.addWidget(title)
        layout.addSpacing(12)
        layout.addWidget(text, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addSpacing(24)
        layout.addLayout(buttons)
        layout.addStretch(3)
        return page

    def _build_dashboard(self) -> QWidget:
        page = QWidget()
        self.owed_card = Card(self.tr("Total still owed"))
        self.soon_card = Card(
            self.tr("Due in the next %1 days").replace("%1", str(DUE_WINDOW_DAYS))
        )
        self.overdue_card = Card(self.tr("Overdue"))
        self.next_card = Card(self.tr("Next payment"))
        cards = QHBoxLayout()
        for card in (self.owed_card, self.soon_card, self.overdue_card, self.next_card):
            cards.addWidget(card, 1)

        self.upcoming_chart = UpcomingChart()
        self.balance_chart = BalanceChart()
        self.chart_splitter = QSplitter(Qt.Orientation.Horizontal)
        self.chart_splitter.addWidget(self._titled(self.tr("Next 12 months"), self.upcoming_chart))
        self.chart_splitter.addWidget(self._titled(self.tr("Balance owed"), self.balance_chart))
        self.chart_splitter.setSizes([600, 400])

        self.due_list = DueList()
        self.due_list.writable = not self.ctx.read_only
        self.due_list.pay_requested.connect(self._pay)

        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(self.chart_splitter)
        self.splitter.addWidget(self.due_list)
        # what needs attention gets the larger share, the charts the smaller (as HomeBank)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([220, 330])  # proportions until the user moves it
        layout = QVBoxLayout(page)
        layout.addLayout(cards)
        layout.addWidget(self.splitter, 1)
        return page

    @staticmethod
    def _titled(title: str, widget: QWidget) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 4, 0, 0)
        label = QLabel(title)
        font = QFont(label.font())
        font.setBold(True)
        label.setFont(font)
        layout.addWidget(label)
        layout.addWidget(widget, 1)
        return box

    def data_widget(self) -> QWidget:
        """The widget that shows the data first: the "still owed" amount, or the first-run
        page."""
        return self.empty_page if self.data is None or self.data.empty else self.owed_card.value

    # -- data -----------------------------------------------------------------------------
    def _query(self, first: bool = False) -> Dashboard:
        """The whole dashboard, or with ``first`` only what the cards and the list show
        (``dashboard_first``: the charts read the rest once they are drawn)."""
        ctx = self.ctx
        read = dashboard_first if first else dashboard
        return read(ctx.reader, ctx.today(), ctx.reminder_days, ctx.settings.currency)

    def _differs(self, key: str, value: object) -> bool:
        """Whether ``value`` differs from what ``key`` shows (and remember it)."""
        if self._shown.get(key, self) == value:
            return False
        self._shown[key] = value
        return True

    def refresh(self) -> None:
        """Reload everything from the services; show the first-run page if there are no plans.
        The attention list and each chart are redrawn only if their data changed."""
        self.freshness.stale = False
        first = self.data is None and not self.ctx.settings.bills_for_accounts
        self._show(self._query(first))

    def update_for(self, change: Change) -> None:
        """A change while shown: re-read only the plans it names (``dashboard_update``)."""
        if self.data is None:
            self.refresh()
            return
        ctx = self.ctx
        self._show(
            dashboard_update(
                ctx.db,
                self.data,
                change.plan_ids,
                ctx.today(),
                ctx.reminder_days,
                ctx.settings.currency,
            )
        )

    def _show(self, data: Dashboard) -> None:
        first = self.data is None
        self.data = data
        days = self.ctx.reminder_days
        if data.empty:
            self.stack.setCurrentWidget(self.empty_page)
            if self._differs("due", ([], {}, days)):
                self.due_list.set_items([], {}, days)
            return
        self.stack.setCurrentWidget(self.dashboard_page)
        self._show_cards(data.cards, len(data.plans))
        if self.ctx.settings.bills_for_accounts:
            self._show_next_bill(data)
        periods = {row.plan_id: row.periods for row in data.due}  # each plan's whole count
        due = list(data.due)
        if self.ctx.settings.bills_for_accounts:  # one row per account bill
            from tracker.services.account_rows import bill_rows, plan_accounts

            due = bill_rows(due, plan_accounts(self.ctx.db))
        if self._differs("due", (due, periods, days)):
            self.due_list.set_items(due, periods, days)
        if first:  # the first fill (start-up): the cards and the list paint first
            self._charts_pending = True
            after_paint(self.owed_card.value, self._show_charts)
        elif not self._charts_pending:
            self._show_charts()

    def _show_charts(self) -> None:
        """The charts' series from the data shown (only what changed is redrawn)."""
        self._charts_pending = False
        data = self.data
        if data is None or data.empty:
            return
        if not data.complete:  # the first read: the charts need every installment
            self._show(self._query())
            return
        colours = {p.plan_id: PLAN_COLOURS[i % len(PLAN_COLOURS)] for i, p in enumerate(data.plans)}
        # the charts' sums load with the charts, after the cards and the list have painted
        from tracker.reports.series import (
            balance_series,
            top_balances,
            top_plans,
            upcoming_by_month,
        )

        other = self.upcoming_chart.text.other
        memo = self._series_memo  # plans the change did not touch are not summed again
        upcoming = upcoming_by_month(data.plans, data.as_of, memo=memo["upcoming"])
        months = top_plans(upcoming, MAX_CHART_PLANS, other)
        balance = balance_series(data.plans, data.as_of, memo=memo["balance"])
        balance = top_balances(balance, MAX_CHART_PLANS, other)
        currency = data.cards.currency
        if self._differs("upcoming", (months, currency, colours)):
            self.upcoming_chart.set_series(months, currency, colours)
        if self._differs("balance", (balance, currency, colours)):
            self.balance_chart.set_series(balance, currency, colours)

    def _show_cards(self, c: Cards, open_plans: int) -> None:
        cur = c.currency
        owed_detail = self.tr("Open plans: %1").replace("%1", str(open_plans))
        if c.other_currency_plans:
            owed_detail += " · " + self.tr("%1 in other currencies not included").replace(
                "%1", str(c.other_currency_plans)
            )
        self.owed_card.show_values(fmt.money(c.total_owed, cur), owed_detail)
        self.soon_card.show_values(
            fmt.money(c.due_soon_amount, cur),
            self.tr("Installments: %1").replace("%1", str(c.due_soon_count)),
        )
        if c.overdue_count:
            detail = (
                self.tr("Installments: %1 · penalty %2")
                .replace("%1", str(c.overdue_count))
                .replace("%2", fmt.money(c.overdue_penalty, cur))
            )
        else:
            detail = self.tr("Nothing overdue")
        self.overdue_card.show_values(
            fmt.money(c.overdue_amount, cur), detail, alert=c.overdue_count > 0
        )
        if c.next_due is None:
            self.next_card.show_values("—", self.tr("Nothing scheduled"))
            return
        days = (c.next_due - self.ctx.today()).days
        when = self.tr("today") if days == 0 else self.tr("in %n days", "", days)
        detail = f"{fmt.day(c.next_due)} ({when}) · {c.next_plan_name}"
        if c.next_more:
            detail += " " + self.tr("and %1 more").replace("%1", str(c.next_more))
        self.next_card.show_values(fmt.money(c.next_amount, cur), detail)

    def _show_next_bill(self, data: Dashboard) -> None:
        """ "Next payment" with bills instead of installments: an account's bill (its name,
        due date and total) in place of one installment of a plan on it."""
        from tracker.services.account_rows import next_payment, plan_accounts

        items = [row for plan in data.plans for row in plan.installments]
        found = next_payment(items, plan_accounts(self.ctx.db), data.as_of)
        if found is None:
            return  # "Nothing scheduled" already
        row, more = found
        days = (row.due_date - self.ctx.today()).days
        when = self.tr("today") if days == 0 else self.tr("in %n days", "", days)
        detail = f"{fmt.day(row.due_date)} ({when}) · {row.plan_name}"
        if row.plan_id < 0:  # a bill
            detail += " · " + self.tr("bill of %n installments", "", row.periods)
        if more:
            detail += " " + self.tr("and %1 more").replace("%1", str(more))
        self.next_card.show_values(fmt.money(row.amount_due, data.cards.currency), detail)

    # -- actions --------------------------------------------------------------------------
    def record_payment(self) -> None:
        """Ctrl+P: record a payment for the selected due item (the most urgent if none)."""
        item = self.due_list.selected_item()
        if item is None and self.due_list.proxy.rowCount():
            item = self.due_list.item_at(0)
        if item is None:
            self.ctx.interaction.info(
                self,
                self.tr("Record payment"),
                self.tr(
                    "Nothing needs attention right now. Record other payments from the Plans tab."
                ),
            )
            return
        self._pay(item)

    def _pay(self, item: AttentionRow) -> None:
        """Record a payment on the row's plan; a row of several overdue periods ("Pay all
        overdue") prefills their total, penalty included."""
        if self.ctx.refuse_if_read_only(self):
            return
        if item.plan_id < 0:  # an account's bill
            from .bill_dialog import open_bill_due

            open_bill_due(self.ctx, self, -item.plan_id, item.due_date)
            return
        from .payment_dialog import record_payment_dialog

        amount = item.amount_due if item.grouped else None
        record_payment_dialog(self.ctx, self, item.plan_id, amount)

    def load_sample_data(self) -> None:
        """Add the five sample plans (asking first if there are plans already); undoable."""
        if self.ctx.refuse_if_read_only(self):
            return
        title = self.tr("Load sample data")
        if not self._query().empty and not self.ctx.interaction.confirm(
            self,
            title,
            self.tr(
                "You already have plans. Add five sample plans next to them? "
                "Undo (Ctrl+Z) removes them again."
            ),
            self.tr("Add sample plans"),
        ):
            return
        from tracker.services.sample import load_sample_data, remove_plans

        db = self.ctx.db
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.ctx.act(
                self,
                self.tr("Load sample data"),
                load_sample_data,
                self.ctx.today(),
                undo=lambda change: partial(remove_plans, db, change.plan_ids),
                done=self.tr("Added five sample plans"),
            )
        finally:
            QApplication.restoreOverrideCursor()

    # -- persisted state ------------------------------------------------------------------
    def _restore_state(self) -> None:
        s = self.ctx.settings
        for key, splitter in (
            ("overview/splitter", self.splitter),
            ("overview/charts", self.chart_splitter),
        ):
            state = s.value(key)
            if isinstance(state, QByteArray) and not state.isEmpty():
                splitter.restoreState(state)
        self.due_list.restore_header(s.value(per_language("overview/due_header")))

    def save_state(self) -> None:
        """Store the splitter positions and the attention list's column widths."""
        s = self.ctx.settings
        s.set_value("overview/splitter", self.splitter.saveState())
        s.set_value("overview/charts", self.chart_splitter.saveState())
        s.set_value(per_language("overview/due_header"), self.due_list.header_state())

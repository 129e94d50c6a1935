"""Two dialogs of the debt tools (quotes; the prepayment one can then record the choice):

- :class:`PlannerDialog` ("Plan to be debt-free…"): a monthly budget on top of the
  installments, avalanche or snowball; the order, when each plan is repaid with and without
  the budget, the debt-free date, what it saves, the balance by month as a chart (with and
  without), and the month table as CSV.
- :class:`PrepayDialog` ("Prepay part of a loan…"): the two choices of a loan's partial
  prepayment side by side (keep the term / keep the payment) with the interest each leaves;
  "Record prepayment…" then records the chosen one, after a confirmation, through
  ``ctx.act`` (undone with Ctrl+Z like any write).

Both recompute as the user types, show a refusal in place (red, translated), and read through
``db.read_session`` only (the record button is the one write).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from tracker.domain.errors import UserError
from tracker.domain.money import format_amount, parse_amount
from tracker.domain.planner import PlannerResult
from tracker.domain.prepay import PrepayQuote
from tracker.reports.csv_columns import Column
from tracker.reports.csv_export import write_csv

from . import fmt, palette
from .errors import describe, phrase_text
from .fonts import setup_matplotlib

__all__ = ["PlannerDialog", "PrepayDialog", "planner_csv"]

PLANNER_COLUMNS = (
    Column("month", "月份"),
    Column("scheduled", "按期还款"),
    Column("extra", "额外还款"),
    Column("balance", "剩余本金"),
    Column("repaid", "还清", text=True),
)


def planner_csv(result: PlannerResult, currency: str) -> bytes:
    """The plan month by month: what the installments take, the extra money, the principal
    left, and the plans repaid that month."""
    repaid: dict[str, list[str]] = {}
    for step in result.steps:
        if step.closes_on is not None:
            repaid.setdefault(step.closes_on.isoformat()[:7], []).append(step.debt.name)
    rows = [
        [
            row.month.isoformat()[:7],
            format_amount(row.scheduled, currency),
            format_amount(row.extra, currency),
            format_amount(row.balance, currency),
            "; ".join(repaid.get(row.month.isoformat()[:7], [])),
        ]
        for row in result.months
    ]
    return write_csv(PLANNER_COLUMNS, rows)


class _Chart(QWidget):
    """The principal left at each month end, with and without the extra budget."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self.canvas: Any = None
        self.figure: Any = None
        self.setMinimumHeight(200)

    def show_result(self, result: PlannerResult | None, currency: str) -> None:
        if self.canvas is None:
            setup_matplotlib()
            from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
            from matplotlib.figure import Figure

            self.figure = Figure(figsize=(5, 2.4), dpi=100, layout="constrained")
            self.canvas = FigureCanvasQTAgg(self.figure)
            self._layout.addWidget(self.canvas)
        from .chart_style import colours_for, money_axis

        c = colours_for(self)
        self.figure.clear()
        self.figure.set_facecolor(c.background)
        ax = self.figure.add_subplot()
        ax.set_facecolor(c.background)
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)
        ax.tick_params(colors=c.text, labelsize=8)
        if result is not None and result.months:
            base = result.baseline_months
            ax.plot(
                [r.month for r in base],
                [r.balance for r in base],
                linestyle="--",
                color=c.muted,
                label=QCoreApplication.translate("DebtTools", "Installments only"),
            )
            ax.plot(
                [r.month for r in result.months],
                [r.balance for r in result.months],
                color=c.accent,
                linewidth=2,
                label=QCoreApplication.translate("DebtTools", "With the extra budget"),
            )
            ax.yaxis.set_major_formatter(lambda v, _pos: money_axis(v / 100, currency))
            ax.legend(fontsize=8, frameon=False, labelcolor=c.text)
            ax.set_ylim(bottom=0)
            ax.grid(axis="y", color=c.grid, linewidth=0.5)
        self.canvas.draw_idle()


class PlannerDialog(QDialog):
    """Where a monthly budget for extra repayment should go (a quote: records nothing)."""

    def __init__(self, ctx: Any, parent: QWidget | None = None, currency: str = "CNY") -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.currency = currency
        self.result: PlannerResult | None = None
        self.setWindowTitle(QCoreApplication.translate("DebtTools", "Plan to be debt-free"))
        self.budget = QLineEdit()
        self.budget.setPlaceholderText("1000.00")
        self.strategy = QComboBox()
        self.strategy.addItem(
            QCoreApplication.translate("DebtTools", "Highest APR first (avalanche: cheapest)"),
            "avalanche",
        )
        self.strategy.addItem(
            QCoreApplication.translate(
                "DebtTools", "Smallest balance first (snowball: quickest wins)"
            ),
            "snowball",
        )
        form = QFormLayout()
        form.addRow(QCoreApplication.translate("DebtTools", "Extra each &month:"), self.budget)
        form.addRow(QCoreApplication.translate("DebtTools", "&Order:"), self.strategy)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.table = QTableWidget(0, 6)
        self.table.setHorizontalHeaderLabels(
            [
                QCoreApplication.translate("DebtTools", "Plan"),
                QCoreApplication.translate("DebtTools", "APR"),
                QCoreApplication.translate("DebtTools", "Balance"),
                QCoreApplication.translate("DebtTools", "Repaid on"),
                QCoreApplication.translate("DebtTools", "Without extra"),
                QCoreApplication.translate("DebtTools", "Note"),
            ]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        self.chart = _Chart()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.export_button = QPushButton(QCoreApplication.translate("DebtTools", "&Export CSV…"))
        buttons.addButton(self.export_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.export_button.clicked.connect(self.export_csv)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 2)
        layout.addWidget(self.chart, 2)
        layout.addWidget(buttons)
        self.resize(820, 640)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(250)
        self._timer.timeout.connect(self.recompute)
        self.budget.textChanged.connect(lambda _t: self._timer.start())
        self.strategy.currentIndexChanged.connect(lambda _i: self.recompute())
        self.budget.setFocus()
        self.recompute()

    def _say(self, text: str, error: bool = False) -> None:
        self.message.setStyleSheet(palette.error_style() if error else "")
        self.message.setText(text)

    def recompute(self) -> None:
        """Plan with what is typed; a refusal is shown in place and the last plan stays."""
        from tracker.services.debt_plan import payoff_plan

        text = self.budget.text().strip() or "0"
        try:
            budget = parse_amount(text, self.currency, allow_zero=True)
            result = payoff_plan(
                self.ctx.db, budget, self.strategy.currentData(), self.ctx.today(), self.currency
            )
        except (UserError, ValueError) as exc:
            self._say(describe(exc), error=True)
            self.export_button.setEnabled(self.result is not None)
            return
        self._say(
            QCoreApplication.translate(
                "DebtTools", "Type what you can pay each month on top of your installments."
            )
            if budget == 0
            else ""
        )
        self.result = result
        self._fill(result)

    def _fill(self, r: PlannerResult) -> None:
        m = lambda v: fmt.money(v, self.currency)  # noqa: E731
        if not r.steps:
            self.summary.setText(
                QCoreApplication.translate("DebtTools", "No open plans: nothing to plan.")
            )
        elif r.debt_free is None:
            self.summary.setText(
                QCoreApplication.translate(
                    "DebtTools", "Not debt-free within 40 years at this budget."
                )
            )
        else:
            self.summary.setText(
                QCoreApplication.translate(
                    "DebtTools", "Debt-free on {date}, {months} months sooner; saves {saved}."
                ).format(date=fmt.day(r.debt_free), months=r.months_sooner, saved=m(r.saved))
            )
        self.table.setRowCount(len(r.steps))
        for k, st in enumerate(r.steps):
            cells = [
                st.debt.name,
                fmt.percent(st.debt.apr),
                m(st.debt.balance),
                fmt.day(st.closes_on),
                fmt.day(st.baseline_closes_on),
                phrase_text(st.reason) if st.reason else "",
            ]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if col in (1, 2):
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(k, col, item)
        for col in range(5):
            self.table.resizeColumnToContents(col)
        self.table.horizontalHeader().setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        self.table.resizeRowsToContents()
        self.export_button.setEnabled(bool(r.months))
        self.chart.show_result(r, self.currency)

    def export_csv(self) -> None:
        """Save the month table as CSV (whole or not at all, owner-only)."""
        from tracker.services.export import save_bytes

        from .export_actions import ask_save_path

        if self.result is None:
            return
        path = ask_save_path(
            self,
            QCoreApplication.translate("DebtTools", "Export the plan"),
            "debt-free-plan.csv",
            QCoreApplication.translate("DebtTools", "CSV files (*.csv)"),
        )
        if not path:
            return
        try:
            save_bytes(path, planner_csv(self.result, self.currency))
        except (OSError, UserError) as exc:
            QMessageBox.warning(
                self, QCoreApplication.translate("DebtTools", "Export the plan"), describe(exc)
            )
            return
        self._say(QCoreApplication.translate("DebtTools", "Saved {path}").format(path=path))


class PrepayDialog(QDialog):
    """A loan's partial prepayment, both choices side by side; "Record prepayment…" records
    the chosen one (after a confirmation)."""

    def __init__(
        self, ctx: Any, plan_id: int, currency: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.plan_id = plan_id
        self.currency = currency
        self.quotes: tuple[PrepayQuote, PrepayQuote] | None = None
        self.setWindowTitle(QCoreApplication.translate("DebtTools", "Prepay part of a loan"))
        self.amount = QLineEdit()
        self.amount.setPlaceholderText("20000.00")
        self.on = QDateEdit()
        self.on.setCalendarPopup(True)
        self.on.setDisplayFormat("yyyy-MM-dd")
        self.on.setDate(fmt.qdate(ctx.today()))
        form = QFormLayout()
        form.addRow(QCoreApplication.translate("DebtTools", "&Amount to prepay:"), self.amount)
        form.addRow(QCoreApplication.translate("DebtTools", "&Date:"), self.on)
        self.message = QLabel()
        self.message.setWordWrap(True)
        grid = QGridLayout()
        heads = [
            "",
            QCoreApplication.translate("DebtTools", "Keep the term, lower the payment (减少月供)"),
            QCoreApplication.translate(
                "DebtTools", "Keep the payment, shorten the term (缩短期限)"
            ),
        ]
        rows = [
            QCoreApplication.translate("DebtTools", "Payment"),
            QCoreApplication.translate("DebtTools", "Periods left"),
            QCoreApplication.translate("DebtTools", "Last payment"),
            QCoreApplication.translate("DebtTools", "Interest left"),
            QCoreApplication.translate("DebtTools", "Interest saved"),
        ]
        for col, text in enumerate(heads):
            label = QLabel(f"<b>{text}</b>" if text else "")
            label.setWordWrap(True)
            label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom)
            grid.addWidget(label, 0, col)
        self.cells: list[list[QLabel]] = []
        for r, text in enumerate(rows, start=1):
            grid.addWidget(QLabel(text), r, 0)
            pair = []
            for col in (1, 2):
                cell = QLabel("—")
                cell.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                grid.addWidget(cell, r, col)
                pair.append(cell)
            self.cells.append(pair)
        self.before = QLabel()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        note = QLabel(
            QCoreApplication.translate(
                "DebtTools", "Nothing is recorded until you choose Record prepayment."
            )
        )
        self.keep = QComboBox()
        self.keep.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.keep.addItem(heads[1], "term")
        self.keep.addItem(heads[2], "payment")
        self.record_button = QPushButton(
            QCoreApplication.translate("DebtTools", "&Record prepayment…")
        )
        self.record_button.clicked.connect(self.record)
        record_row = QHBoxLayout()
        record_row.addWidget(
            QLabel(QCoreApplication.translate("DebtTools", "The lender's choice:"))
        )
        record_row.addWidget(self.keep, 1)
        record_row.addWidget(self.record_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addLayout(grid)
        layout.addWidget(self.before)
        layout.addLayout(record_row)
        bottom = QHBoxLayout()
        bottom.addWidget(note, 1)
        bottom.addWidget(buttons)
        layout.addLayout(bottom)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 1)
        grid.setHorizontalSpacing(18)
        self.setMinimumWidth(600)
        self.amount.textChanged.connect(lambda _t: self.recompute())
        self.on.dateChanged.connect(lambda _d: self.recompute())
        self.amount.setFocus()
        self.recompute()

    def recompute(self) -> None:
        """Quote both choices for what is typed; a refusal is shown in red in place."""
        from tracker.services.debt_plan import prepay_quote

        text = self.amount.text().strip()
        if not text:
            self.message.setStyleSheet("")
            self.message.setText(
                QCoreApplication.translate("DebtTools", "Type the amount you want to prepay.")
            )
            self._clear()
            return
        try:
            amount = parse_amount(text, self.currency)
            quotes = prepay_quote(self.ctx.db, self.plan_id, amount, fmt.pydate(self.on.date()))
        except (UserError, ValueError) as exc:
            self.message.setStyleSheet(palette.error_style())
            self.message.setText(describe(exc))
            self._clear()
            return
        self.message.setStyleSheet("")
        self.message.setText(
            QCoreApplication.translate("DebtTools", "Balance {before} → {after}").format(
                before=fmt.money(quotes[0].balance_before, self.currency),
                after=fmt.money(quotes[0].balance_after, self.currency),
            )
        )
        self.quotes = quotes
        m = lambda v: fmt.money(v, self.currency)  # noqa: E731
        for col, q in enumerate(quotes):
            values = [m(q.payment), str(q.periods), fmt.day(q.last_due),
                      m(q.remaining_interest), m(q.saved)]  # fmt: skip
            for row, value in enumerate(values):
                self.cells[row][col].setText(value)
        self.before.setText(
            QCoreApplication.translate(
                "DebtTools", "Without prepaying, the interest left is {interest}."
            ).format(interest=m(quotes[0].interest_before))
        )
        self._update_record()

    def _clear(self) -> None:
        self.quotes = None
        for pair in self.cells:
            for cell in pair:
                cell.setText("—")
        self.before.setText("")
        self._update_record()

    def _update_record(self) -> None:
        self.record_button.setEnabled(self.quotes is not None and not self.ctx.read_only)

    def record(self) -> bool:
        """Record the prepayment by the chosen option after a confirmation; True once
        recorded (the dialog then closes). A refusal is shown in place."""
        from tracker.services.prepayments import record_prepayment

        if self.quotes is None or self.ctx.refuse_if_read_only(self):
            return False
        keep = self.keep.currentData()
        quote = self.quotes[0 if keep == "term" else 1]
        m = lambda v: fmt.money(v, self.currency)  # noqa: E731
        text = QCoreApplication.translate(
            "DebtTools",
            "Record a prepayment of {amount} on {date}? {choice}: {periods} × {payment} "
            "until {last}, interest left {interest}. The schedule from that date is "
            "regenerated; paid periods stay as they are.",
        ).format(
            amount=m(quote.amount),
            date=fmt.day(quote.on),
            choice=self.keep.currentText(),
            periods=quote.periods,
            payment=m(quote.payment),
            last=fmt.day(quote.last_due),
            interest=m(quote.remaining_interest),
        )
        title = QCoreApplication.translate("DebtTools", "Record prepayment")
        if not self.ctx.interaction.confirm(self, title, text, title):
            return False
        label = QCoreApplication.translate("DebtTools", "Prepayment of {amount}").format(
            amount=m(quote.amount)
        )
        result = self.ctx.act(
            self,
            label,
            record_prepayment,
            self.plan_id,
            quote.amount,
            quote.on,
            keep,
            self.ctx.today(),
            plan_id=self.plan_id,
            on_error=self._refused,
        )
        if result is None:
            return False
        self.accept()
        return True

    def _refused(self, text: str) -> None:
        self.message.setStyleSheet(palette.error_style())
        self.message.setText(text)

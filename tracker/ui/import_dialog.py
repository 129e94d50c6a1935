"""The import preview: what a batch of CSV files will add, and every problem that stops it.

Built from the report of a dry run (``services.transfer.import_files(..., dry_run=True)``): a
tab of plans to add, a tab of payments to add and, when any row is bad, a tab of problems (file,
line, reason) shown first, then, when there are any, a tab of warnings that do not stop the
import (a plan that looks like one already in the database, an id that is taken). Import is
enabled only when there are no problems and something to add; the dialog itself writes nothing
(the caller runs the import when it is accepted).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from tracker.services.transfer import ImportedPayment, ImportedPlan, ImportProblem, ImportReport

from . import fmt, palette
from .errors import describe
from .table_model import Column, RowTableModel

__all__ = ["ImportDialog"]


def _where(file: str, line: int, several: bool) -> str:
    return f"{file}:{line}" if several else str(line)


def problem_text(problem: ImportProblem) -> str:
    """Why the line is refused (or the warning about it), in the UI's language: the refusal of
    the CSV reader or the services it came from; the English message when it has none."""
    return describe(problem.error) if problem.error is not None else problem.message


class ImportDialog(QDialog):
    """Preview of an import batch with Import and Cancel."""

    def __init__(self, report: ImportReport, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.report = report
        several = len(report.files) > 1
        self.setWindowTitle(self.tr("Import from CSV"))
        self.setMinimumSize(760, 420)

        self.summary = QLabel()
        self.summary.setWordWrap(True)
        font = QFont(self.summary.font())
        font.setBold(True)
        self.summary.setFont(font)

        self.tabs = QTabWidget()
        self.plans_model: RowTableModel[ImportedPlan] = RowTableModel(self._plan_columns(several))
        self.plans_model.set_rows(report.plans)
        self.payments_model: RowTableModel[ImportedPayment] = RowTableModel(
            self._payment_columns(several), highlight=_payment_mark
        )
        self.payments_model.set_rows(report.payments)
        self.problems_model: RowTableModel[ImportProblem] = RowTableModel(
            self._problem_columns(several), highlight=lambda _p: "overdue"
        )
        self.problems_model.set_rows(report.problems)
        self.plans_table = self._table(self.plans_model)
        self.payments_table = self._table(self.payments_model)
        self.problems_table = self._table(self.problems_model)
        self.problems_table.setWordWrap(True)
        self.problems_table.verticalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        self.warnings_model: RowTableModel[ImportProblem] = RowTableModel(
            self._warning_columns(several)
        )
        self.warnings_model.set_rows(report.warnings)
        self.warnings_table = self._table(self.warnings_model)
        self.warnings_table.setWordWrap(True)
        self.warnings_table.verticalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )

        if report.problems:
            self.tabs.addTab(
                self.problems_table,
                self.tr("Problems (%1)").replace("%1", str(len(report.problems))),
            )
        if report.warnings:
            self.tabs.addTab(
                self.warnings_table,
                self.tr("Warnings (%1)").replace("%1", str(len(report.warnings))),
            )
        self.tabs.addTab(
            self.plans_table, self.tr("Plans to add (%1)").replace("%1", str(len(report.plans)))
        )
        self.tabs.addTab(
            self.payments_table,
            self.tr("Payments to add (%1)").replace("%1", str(len(report.payments))),
        )

        self.buttons = QDialogButtonBox()
        self.import_button: QPushButton = self.buttons.addButton(
            self.tr("&Import"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.buttons)
        self._set_summary()

    @property
    def can_import(self) -> bool:
        """No problems and something to add."""
        r = self.report
        return not r.problems and bool(r.plans or r.payments)

    def _set_summary(self) -> None:
        r = self.report
        files = ", ".join(r.files)
        if r.problems:
            text = self.tr(
                "Nothing can be imported: %1 problem(s) in %2. Fix the file(s) and import again."
            )
            text = text.replace("%1", str(len(r.problems))).replace("%2", files)
            self.summary.setStyleSheet(palette.error_style())
        elif not (r.plans or r.payments):
            text = self.tr("%1 holds nothing to import.").replace("%1", files)
        else:
            plans = self.tr("%n plans", "", len(r.plans))
            payments = self.tr("%n payments", "", len(r.payments))
            text = self.tr("Ready to import %1 and %2 from %3.")
            text = text.replace("%1", plans).replace("%2", payments).replace("%3", files)
            if r.warnings:
                text += " " + self.tr(
                    "Check the %n warnings before you import.", "", len(r.warnings)
                )
        self.summary.setText(text)
        self.import_button.setEnabled(self.can_import)
        self.import_button.setDefault(self.can_import)

    @staticmethod
    def _table(model: RowTableModel[Any]) -> QTableView:
        table = QTableView()
        table.setModel(model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().hide()
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        return table

    def _plan_columns(self, several: bool) -> Sequence[Column[ImportedPlan]]:
        return [
            Column(lambda: self.tr("Line"), lambda p: _where(p.file, p.line, several)),
            Column(lambda: self.tr("Name"), lambda p: p.name),
            Column(lambda: self.tr("Platform"), lambda p: p.platform),
            Column(lambda: self.tr("Model"), lambda p: fmt.model_label(p.model)),
            Column(
                lambda: self.tr("Principal"),
                lambda p: fmt.money(p.principal, p.currency),
                numeric=True,
            ),
            Column(lambda: self.tr("Periods"), lambda p: str(p.periods), numeric=True),
            Column(lambda: self.tr("First due"), lambda p: fmt.day(p.first_due)),
            Column(lambda: self.tr("Archived"), lambda p: self.tr("Yes") if p.archived else ""),
        ]

    def _payment_columns(self, several: bool) -> Sequence[Column[ImportedPayment]]:
        return [
            Column(lambda: self.tr("Line"), lambda p: _where(p.file, p.line, several)),
            Column(lambda: self.tr("Plan"), lambda p: p.plan_name),
            Column(lambda: self.tr("Date"), lambda p: fmt.day(p.date)),
            Column(
                lambda: self.tr("Amount"), lambda p: fmt.money(p.amount, p.currency), numeric=True
            ),
            Column(lambda: self.tr("Method"), lambda p: p.method),
            Column(lambda: self.tr("Note"), lambda p: p.note),
            Column(lambda: self.tr("Kind"), self._kind),
        ]

    def _kind(self, p: ImportedPayment) -> str:
        if p.voided:
            return self.tr("Voided")
        return self.tr("Early payoff") if p.kind == "payoff" else self.tr("Payment")

    def _warning_columns(self, several: bool) -> Sequence[Column[ImportProblem]]:
        return [
            Column(lambda: self.tr("Line"), lambda p: _where(p.file, p.line, several)),
            Column(lambda: self.tr("Warning"), problem_text, tooltip=problem_text),
        ]

    def _problem_columns(self, several: bool) -> Sequence[Column[ImportProblem]]:
        return [
            Column(lambda: self.tr("Line"), lambda p: _where(p.file, p.line, several)),
            Column(lambda: self.tr("Problem"), problem_text, tooltip=problem_text),
        ]


def _payment_mark(p: ImportedPayment) -> str | None:
    return "struck" if p.voided else None

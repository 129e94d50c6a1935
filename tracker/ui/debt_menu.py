"""The Tools menu: the debt-free planner, a loan's prepayment quote, and the accounts.

Light on purpose (it is built with the window, before the first paint): the dialogs and the
services load when an entry is chosen.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

__all__ = ["install", "open_accounts", "open_planner", "open_prepay"]


def install(window: Any, bar: Any) -> None:
    """The Tools menu of the main window: the planner and the prepayment quote."""
    tools = bar.addMenu(QCoreApplication.translate("DebtTools", "&Tools"))
    planner = tools.addAction(QCoreApplication.translate("DebtTools", "Plan to be &debt-free…"))
    planner.triggered.connect(lambda: open_planner(window))
    prepay = tools.addAction(QCoreApplication.translate("DebtTools", "&Prepay part of a loan…"))
    prepay.triggered.connect(lambda: open_prepay(window))
    tools.addSeparator()
    accounts = tools.addAction(QCoreApplication.translate("DebtTools", "&Accounts and bills…"))
    accounts.triggered.connect(lambda: open_accounts(window))


def open_accounts(window: Any) -> Any:
    """Show the accounts (cards and platforms) with their bills."""
    if not window.ctx.has_database:
        return None
    from .accounts_dialog import AccountsDialog

    dialog = AccountsDialog(window.ctx, window)
    dialog.show()
    return dialog


def open_planner(window: Any) -> Any:
    """Show the planner (once the database is open)."""
    if not window.ctx.has_database:
        return None
    from .debt_dialogs import PlannerDialog

    dialog = PlannerDialog(window.ctx, window)
    dialog.show()
    return dialog


def open_prepay(window: Any) -> Any:
    """Quote a prepayment of the loan selected on the Plans tab; say what to do otherwise."""
    from tracker import services as sv

    if not window.ctx.has_database:
        return None
    plan_id = window.plans.selected_id()
    terms = None
    if plan_id is not None:
        terms = sv.plan_detail(window.ctx.db, plan_id, window.ctx.today()).input.terms
    if terms is None or terms.model.value not in ("annuity", "equal_principal"):
        window.tabs.setCurrentWidget(window.plans)
        window.statusBar().showMessage(
            QCoreApplication.translate(
                "DebtTools",
                "Select a loan (equal installments or equal principal) on the Plans tab first.",
            ),
            6000,
        )
        return None
    from .debt_dialogs import PrepayDialog

    dialog = PrepayDialog(window.ctx, plan_id, terms.currency, window)  # type: ignore[arg-type]
    dialog.show()
    return dialog

"""Accounts on the Plans screen: the account filter, the grouping by account (one heading per
account, then "No account") and the table's context menu (an account's bill, its rules).

``AccountControls`` owns the two widgets and the menu; the screen asks it for the rows to show
(``with_groups``) and lets it persist its state with the other view settings.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QPoint, Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QMenu

from tracker.services import PlanSummary

from .plans_table import NO_ACCOUNT, AccountGroup, account_groups, no_account_label
from .table_model import ROW_ROLE

__all__ = ["AccountControls"]


class AccountControls:
    """The account filter combo, the "Group by account" box and the context menu."""

    def __init__(self, screen: Any) -> None:
        self.screen = screen
        self.names: dict[int, str] = {}
        self.combo = QComboBox()
        self.combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.combo.setMinimumContentsLength(6)  # long account names elide, the bar fits
        self.combo.setToolTip(
            QCoreApplication.translate("PlansScreen", "Show the plans of one account")
        )
        self.combo.addItem(QCoreApplication.translate("PlansScreen", "All accounts"), "all")
        self.group_check = QCheckBox(QCoreApplication.translate("PlansScreen", "Group by account"))
        table = screen.table
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        table.customContextMenuRequested.connect(self.show_menu)

    # -- state ------------------------------------------------------------------------------
    def current(self) -> int | str:
        """The account filter: "all", ``NO_ACCOUNT`` or an account id."""
        value = self.combo.currentData()
        return value if value is not None else "all"

    def restore(self, settings: Any) -> None:
        """Take the stored filter and grouping (the combo is filled by ``load``)."""
        self.group_check.setChecked(
            str(settings.value("plans/group_by_account", "false")) == "true"
        )
        self._wanted = str(settings.value("plans/account", "all") or "all")

    def save(self, settings: Any) -> None:
        """Store the filter and grouping."""
        settings.set_value("plans/account", str(self.current()))
        settings.set_value("plans/group_by_account", "true" if self.grouped() else "false")

    def grouped(self) -> bool:
        """Whether plans are shown under their account."""
        return self.group_check.isChecked()

    def load(self) -> dict[int, str]:
        """Read the accounts and refill the filter, keeping its choice (an account that is
        gone falls back to every account)."""
        from tracker.services.accounts import list_accounts

        wanted = getattr(self, "_wanted", None) or str(self.current())
        self._wanted = None
        self.names = {a.id: a.name for a in list_accounts(self.screen.ctx.db)}
        self.combo.blockSignals(True)
        self.combo.clear()
        self.combo.addItem(QCoreApplication.translate("PlansScreen", "All accounts"), "all")
        for account_id, name in sorted(self.names.items(), key=lambda kv: kv[1].casefold()):
            self.combo.addItem(name, account_id)
        self.combo.addItem(no_account_label(), NO_ACCOUNT)
        found = next(
            (i for i in range(self.combo.count()) if str(self.combo.itemData(i)) == wanted), 0
        )
        self.combo.setCurrentIndex(found)
        self.combo.blockSignals(False)
        self.combo.setVisible(bool(self.names))
        self.group_check.setVisible(bool(self.names))
        return self.names

    def with_groups(self, rows: list[Any]) -> list[Any]:
        """``rows`` (plans only) with a heading per account when grouped."""
        plans = [r for r in rows if isinstance(r, PlanSummary)]
        if not self.grouped() or not self.names:
            return plans
        return plans + account_groups(plans, self.names, self.screen.proxy.accepts)

    # -- menu -------------------------------------------------------------------------------
    def account_at(self, pos: QPoint) -> int | None:
        """The account of the row at ``pos`` (a heading or a plan on an account)."""
        index = self.screen.table.indexAt(pos)
        row = index.data(ROW_ROLE) if index.isValid() else None
        if isinstance(row, AccountGroup):
            return row.account_id
        if isinstance(row, PlanSummary) and row.account_id in self.names:
            return row.account_id
        return None

    def show_menu(self, pos: QPoint) -> QMenu | None:
        """The context menu of an account's heading or plan: its bill and its rules."""
        account_id = self.account_at(pos)
        if account_id is None:
            return None
        menu = QMenu(self.screen)
        name = self.names[account_id]
        bill = menu.addAction(
            QCoreApplication.translate("PlansScreen", "Bill of “%1”…").replace("%1", name)
        )
        bill.triggered.connect(lambda: self.open_bill(account_id))
        edit = menu.addAction(
            QCoreApplication.translate("PlansScreen", "Edit account “%1”…").replace("%1", name)
        )
        edit.setEnabled(not self.screen.ctx.read_only)
        edit.triggered.connect(lambda: self.edit_account(account_id))
        menu.popup(self.screen.table.viewport().mapToGlobal(pos))
        self.menu = menu
        return menu

    def open_bill(self, account_id: int) -> Any:
        """The account's bill to pay now."""
        from .bill_dialog import BillDialog

        dialog = BillDialog(self.screen.ctx, account_id, self.screen)
        dialog.show()
        return dialog

    def edit_account(self, account_id: int) -> Any:
        """The account's form."""
        if self.screen.ctx.refuse_if_read_only(self.screen):
            return None
        from tracker.services.accounts import get_account

        from .account_form import AccountDialog

        form = AccountDialog(
            self.screen.ctx, self.screen, get_account(self.screen.ctx.db, account_id)
        )
        form.show()
        return form

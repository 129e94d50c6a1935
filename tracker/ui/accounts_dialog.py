"""Tools ▸ Accounts…: the cards and platforms, with Add, Edit, Delete (confirmed) and Bill.

Reads through ``services.accounts.list_accounts``; every change goes through ``ctx.act`` (a
refusal, such as deleting an account that plans still belong to, is shown the app's way, and
Edit ▸ Undo takes the change back). The list reloads after each change.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from . import fmt
from .account_words import due_rule_text, kind_label, statement_text

__all__ = ["AccountsDialog"]


class AccountsDialog(QDialog):
    """Every account: its kind, statement day, due rule, limit and plans."""

    def __init__(self, ctx: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.accounts: list[Any] = []
        self.setWindowTitle(self.tr("Accounts"))
        intro = QLabel(
            self.tr(
                "A card or platform (信用卡, 花呗, 白条) gathers its plans into one monthly bill."
            )
        )
        intro.setWordWrap(True)
        self.table = QTableWidget(0, 6)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Name"),
                self.tr("Kind"),
                self.tr("Statement"),
                self.tr("Due"),
                self.tr("Credit limit"),
                self.tr("Plans"),
            ]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(lambda _i: self.edit_selected())
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.add_button = QPushButton(self.tr("&Add…"))
        self.edit_button = QPushButton(self.tr("&Edit…"))
        self.delete_button = QPushButton(self.tr("&Delete…"))
        self.bill_button = QPushButton(self.tr("&Bill…"))
        self.add_button.clicked.connect(lambda _c=False: self.add())
        self.edit_button.clicked.connect(lambda _c=False: self.edit_selected())
        self.delete_button.clicked.connect(lambda _c=False: self.delete_selected())
        self.bill_button.clicked.connect(lambda _c=False: self.open_bill())
        side = QVBoxLayout()
        for button in (self.add_button, self.edit_button, self.delete_button, self.bill_button):
            side.addWidget(button)
        side.addStretch(1)
        middle = QHBoxLayout()
        middle.addWidget(self.table, 1)
        middle.addLayout(side)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(middle, 1)
        layout.addWidget(buttons)
        self.resize(820, 380)
        self.reload()

    def reload(self, select: int | None = None) -> None:
        """Read the accounts again, keeping ``select`` (or the selected one) selected."""
        from tracker.services.accounts import list_accounts

        keep = select if select is not None else self.selected_id()
        self.accounts = list_accounts(self.ctx.db)
        self.table.setRowCount(len(self.accounts))
        for r, a in enumerate(self.accounts):
            t = a.terms
            limit = "" if t.credit_limit is None else fmt.money(t.credit_limit, t.currency)
            cells = [a.name, kind_label(t.kind.value), statement_text(t.statement_day),
                     due_rule_text(t.due_rule), limit, str(a.plans)]  # fmt: skip
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if c in (4, 5):
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(r, c, item)
            if a.id == keep:
                self.table.selectRow(r)
        for c in range(1, 6):
            self.table.resizeColumnToContents(c)
        self._update_buttons()

    def selected_id(self) -> int | None:
        """The selected account's id, or None."""
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return self.accounts[rows[0].row()].id if rows else None

    def _selected(self) -> Any:
        found = self.selected_id()
        return next((a for a in self.accounts if a.id == found), None)

    def _update_buttons(self) -> None:
        has = self.selected_id() is not None
        writable = not self.ctx.read_only
        self.add_button.setEnabled(writable)
        self.edit_button.setEnabled(has and writable)
        self.delete_button.setEnabled(has and writable)
        self.bill_button.setEnabled(has)

    # -- actions ----------------------------------------------------------------------------
    def add(self) -> Any:
        """Open the form for a new account (returns it, shown)."""
        return self._form(None)

    def edit_selected(self) -> Any:
        """Open the form for the selected account."""
        account = self._selected()
        return None if account is None else self._form(account)

    def _form(self, account: Any) -> Any:
        if self.ctx.refuse_if_read_only(self):
            return None
        from .account_form import AccountDialog

        form = AccountDialog(self.ctx, self, account)
        form.accepted.connect(lambda: self.reload(form.saved_id))
        form.setModal(True)
        form.show()
        return form

    def delete_selected(self) -> bool:
        """Delete the selected account after asking; False when kept or refused."""
        from tracker.services import accounts as acc

        account = self._selected()
        if account is None or self.ctx.refuse_if_read_only(self):
            return False
        text = self.tr("Delete the account “%1”?").replace("%1", account.name)
        text += "\n" + self.tr("Edit ▸ Undo (Ctrl+Z) brings it back.")
        title = self.tr("Delete account")
        if not self.ctx.interaction.confirm(self, title, text, self.tr("Delete")):
            return False
        db, old = self.ctx.db, account
        done = self.ctx.act(
            self,
            title,
            acc.delete_account,
            account.id,
            undo=lambda _ch: lambda: acc.add_account(db, old.name, old.terms, old.notes),
        )
        self.reload()
        return done is not None

    def open_bill(self) -> Any:
        """The selected account's bill."""
        account_id = self.selected_id()
        if account_id is None:
            return None
        from .bill_dialog import BillDialog

        dialog = BillDialog(self.ctx, account_id, self)
        dialog.show()
        return dialog

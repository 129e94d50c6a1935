"""File ▸ Back up now and File ▸ Restore from backup…

"Back up now" writes a verified backup into the ``backups/`` folder beside the database and
shows its path in the status bar (an error message if it failed). "Restore from backup…"
lists the backups (newest first: date in local time, what made it, plans, payments) with
"Choose a file…" for one elsewhere, asks before replacing the data (the current data is kept
as a backup), restores through ``services.backups.restore`` and reopens the database, so
every screen reloads. Storage loads only when one of them is used.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from .settings_dialog import ask_open_path

if TYPE_CHECKING:
    from datetime import datetime

    from tracker.storage.backups import BackupInfo


def label_text(label: str) -> str:
    """Why a backup was made, in words."""
    words = {
        "daily": QCoreApplication.translate("Backups", "Daily"),
        "manual": QCoreApplication.translate("Backups", "Made by you"),
        "import": QCoreApplication.translate("Backups", "Before an import"),
        "pre-restore": QCoreApplication.translate("Backups", "Before a restore"),
    }
    if label in words:
        return words[label]
    if label.isdigit():
        return QCoreApplication.translate("Backups", "Before an upgrade (schema %1)").replace(
            "%1", label
        )
    return label


def local_time(moment: datetime | None) -> str:
    """A UTC time as local date and time, e.g. 2026-11-20 16:00."""
    return moment.astimezone().strftime("%Y-%m-%d %H:%M") if moment else "?"


class RestoreDialog(QDialog):
    """The backups of a database, newest first; ``chosen`` is the file to restore."""

    def __init__(self, backups: Sequence[BackupInfo], folder: Path, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(QCoreApplication.translate("Backups", "Restore from backup"))
        self.setMinimumWidth(640)
        self.chosen: Path | None = None
        self._backups = list(backups)
        self._folder = folder
        intro = QLabel(
            QCoreApplication.translate(
                "Backups",
                "Choose a backup to restore. It replaces your current data; "
                "the current data is kept as a backup first.",
            )
        )
        intro.setWordWrap(True)
        self.table = QTableWidget(len(self._backups), 4)
        self.table.setHorizontalHeaderLabels(
            [
                QCoreApplication.translate("Backups", "Date"),
                QCoreApplication.translate("Backups", "Kind"),
                QCoreApplication.translate("Backups", "Plans"),
                QCoreApplication.translate("Backups", "Payments"),
            ]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for row, b in enumerate(self._backups):
            cells = [
                local_time(b.taken_at),
                label_text(b.label),
                str(b.plans) if b.ok else QCoreApplication.translate("Backups", "damaged"),
                str(b.payments) if b.ok else "",
            ]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if col >= 2:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                if not b.ok:
                    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled)
                    item.setToolTip(b.problem or "")
                self.table.setItem(row, col, item)
        self.empty = QLabel(
            QCoreApplication.translate(
                "Backups", "No backups yet. Use “Choose a file…” for a backup elsewhere."
            )
        )
        self.empty.setVisible(not self._backups)
        self.choose_button = QPushButton(QCoreApplication.translate("Backups", "Choose a &file…"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.restore_button = self.buttons.addButton(
            QCoreApplication.translate("Backups", "&Restore"),
            QDialogButtonBox.ButtonRole.AcceptRole,
        )
        self.buttons.addButton(self.choose_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.accepted.connect(self._restore_selected)
        self.buttons.rejected.connect(self.reject)
        self.choose_button.clicked.connect(lambda: self._choose_file())
        self.table.itemSelectionChanged.connect(self._update)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table)
        layout.addWidget(self.empty)
        layout.addWidget(self.buttons)
        good = [row for row, b in enumerate(self._backups) if b.ok]
        if good:
            self.table.selectRow(good[0])
        self._update()

    def _update(self) -> None:
        self.restore_button.setEnabled(self._selected() is not None)

    def _selected(self) -> BackupInfo | None:
        rows = {i.row() for i in self.table.selectedItems()}
        if len(rows) != 1:
            return None
        found = self._backups[rows.pop()]
        return found if found.ok else None

    def _restore_selected(self) -> None:
        found = self._selected()
        if found is not None:
            self.chosen = found.path
            self.accept()

    def _choose_file(self) -> None:
        path = ask_open_path(
            self,
            QCoreApplication.translate("Backups", "Choose a backup"),
            str(self._folder),
            QCoreApplication.translate("Backups", "Backups (*.sqlite3 *.db);;All files (*)"),
        )
        if path:
            self.chosen = Path(path)
            self.accept()


def choose_backup(backups: Sequence[BackupInfo], folder: Path, parent: QWidget) -> Path | None:
    """Show the restore dialog; the file picked, or None (a seam: tests replace it)."""
    dialog = RestoreDialog(backups, folder, parent)
    return dialog.chosen if dialog.exec() else None


def back_up_now(window: Any) -> Path | None:
    """Write a verified backup now; the status bar shows where (an error box if it failed)."""
    from tracker.storage import StorageError

    title = QCoreApplication.translate("Backups", "Back up now")
    try:
        made: Path = window.ctx.db.backup()
    except StorageError as exc:
        headline = QCoreApplication.translate(
            "Backups", "The backup was not made; the database was left unchanged."
        )
        window.ctx.interaction.error(window, title, f"{headline}\n\n{exc}")
        return None
    window.statusBar().showMessage(
        QCoreApplication.translate("Backups", "Backup written to %1").replace("%1", str(made)),
        10000,
    )
    return made


def restore_text(outcome: Any) -> str:
    """What a restore did, in the UI's language."""
    done = outcome.restored
    plans, payments = done.plans, done.payments
    lines = [
        QCoreApplication.translate("Backups", "Restored the backup of %1: %2, %3.")
        .replace("%1", local_time(done.taken_at) if done.taken_at else str(done.source))
        .replace("%2", QCoreApplication.translate("Backups", "%n plans", "", plans))
        .replace("%3", QCoreApplication.translate("Backups", "%n payments", "", payments))
    ]
    if done.previous is not None:
        lines.append(
            QCoreApplication.translate("Backups", "Your previous data was kept as %1").replace(
                "%1", str(done.previous)
            )
        )
    if done.set_aside is not None:
        lines.append(
            QCoreApplication.translate(
                "Backups", "The unusable file was kept aside, unchanged, as %1"
            ).replace("%1", str(done.set_aside))
        )
    if not outcome.check.ok:
        lines.append(
            QCoreApplication.translate(
                "Backups", "The check after the restore found problems; run “tracker check”."
            )
        )
    return "\n\n".join(lines)


def restore_from_backup(window: Any) -> Any:
    """Pick a backup, confirm, restore it, reopen the database; the outcome, or None."""
    from tracker.services.backups import restore
    from tracker.storage import StorageError, open_database
    from tracker.storage.backups import backups_dir, list_backups

    from .errors import describe

    ctx = window.ctx
    path = Path(ctx.db.path)
    title = QCoreApplication.translate("Backups", "Restore from backup")
    folder = backups_dir(path)
    chosen = choose_backup(list_backups(path), folder if folder.is_dir() else path.parent, window)
    if chosen is None:
        return None
    question = QCoreApplication.translate(
        "Backups",
        "Restore %1?\n\nThis replaces your current data; the current data is kept as a backup.",
    ).replace("%1", str(chosen))
    if not ctx.interaction.confirm(
        window, title, question, QCoreApplication.translate("Backups", "Restore")
    ):
        return None
    try:
        outcome = restore(path, chosen)
        db = open_database(path)
    except StorageError as exc:
        ctx.interaction.error(window, title, describe(exc))
        return None
    ctx.replace_database(db)
    ctx.interaction.info(window, title, restore_text(outcome))
    return outcome

"""The Help menu's dialogs (About, Keyboard shortcuts), loaded when first opened."""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

__all__ = ["ShortcutsDialog", "about_box", "shortcut_rows"]


def shortcut_rows(window: Any) -> list[tuple[str, str]]:
    """(action, key) for every action of ``window`` with a shortcut, in menu order."""
    window.apply_shortcuts()
    rows: list[tuple[str, str]] = []
    for action in window.actions():
        keys = action.shortcuts()
        if not keys:
            continue
        text = re.sub(r"\(&\w\)", "", action.text())  # 新建分期(&N)… → 新建分期…
        text = text.replace("&&", "\0").replace("&", "").replace("\0", "&")
        text = text.removesuffix("…").removesuffix("...").strip()
        native = ", ".join(k.toString(QKeySequence.SequenceFormat.NativeText) for k in keys)
        rows.append((text, native))
    return rows


def about_box(window: Any, text: str) -> QMessageBox:
    """The About box with ``text`` (not shown yet)."""
    box = QMessageBox(window)
    box.setWindowTitle(QCoreApplication.translate("Help", "About Installment Tracker"))
    box.setTextFormat(Qt.TextFormat.RichText)
    box.setText(text)
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    box.setIconPixmap(window.windowIcon().pixmap(64, 64))
    return box


class ShortcutsDialog(QDialog):
    """A table of the app's keyboard shortcuts."""

    def __init__(self, window: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent or window)
        self.setWindowTitle(QCoreApplication.translate("Help", "Keyboard shortcuts"))
        rows = shortcut_rows(window)
        self.table = QTableWidget(len(rows), 2)
        self.table.setHorizontalHeaderLabels(
            [
                QCoreApplication.translate("Help", "Action"),
                QCoreApplication.translate("Help", "Keys"),
            ]
        )
        for r, (text, keys) in enumerate(rows):
            self.table.setItem(r, 0, QTableWidgetItem(text))
            self.table.setItem(r, 1, QTableWidgetItem(keys))
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        note = QLabel(
            QCoreApplication.translate(
                "Help", "In the attention list, double-click a row to record its payment."
            )
        )
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self.resize(460, 420)

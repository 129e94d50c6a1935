"""The Help menu: About, Keyboard shortcuts and Open data folder.

About names the version, the database file in use and the app's data folder; Keyboard
shortcuts lists every menu action that has one, read from the window itself (so the list is
never out of date); Open data folder shows the folder in the file manager
(``QDesktopServices.openUrl``).
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMenu,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)


def version() -> str:
    """The installed version of the app (the package metadata), else the source's."""
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as dist_version

    from tracker import __version__

    try:
        return dist_version("installment-tracker")
    except PackageNotFoundError:
        return __version__


def data_folder() -> Path:
    """The app's data folder (where the default database lives)."""
    from tracker.storage.engine import default_db_path

    return default_db_path().parent


def open_folder(path: Path) -> bool:
    """Show ``path`` in the file manager (a seam: tests replace it)."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def install(window: Any, menu: QMenu) -> None:
    """Fill the Help menu of ``window``."""
    for name, text, run, key in (
        (
            "about",
            QCoreApplication.translate("Help", "&About Installment Tracker"),
            lambda: about(window),
            None,
        ),
        (
            "shortcuts",
            QCoreApplication.translate("Help", "&Keyboard shortcuts"),
            lambda: shortcuts(window),
            "F1",
        ),
        (
            "open_data_folder",
            QCoreApplication.translate("Help", "Open &data folder"),
            lambda: open_data_folder(window),
            None,
        ),
    ):
        action = QAction(text, window)
        action.setObjectName(name)
        action.triggered.connect(lambda _checked=False, r=run: r())
        if key is not None:
            window._pending_shortcuts.append((action, key))
        window.addAction(action)
        menu.addAction(action)


def about_text(window: Any) -> str:
    """The About box's text: version, database file, data folder."""
    db = window.ctx.db if window.ctx.has_database else None
    rows = (
        (QCoreApplication.translate("Help", "Version"), version()),
        (
            QCoreApplication.translate("Help", "Database file"),
            str(db.path) if db is not None else "—",
        ),
        (QCoreApplication.translate("Help", "Data folder"), str(data_folder())),
    )
    body = "".join(
        f"<tr><td style='padding-right:12px'><b>{k}</b></td><td>{_escape(v)}</td></tr>"
        for k, v in rows
    )
    blurb = QCoreApplication.translate(
        "Help", "Every installment plan, due date and true cost, to the fen."
    )
    name = QCoreApplication.translate("Help", "Installment Tracker")
    if name != "分期账本":
        name += " (分期账本)"
    return f"<h3>{name}</h3><p>{blurb}</p><table>{body}</table>"


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def about_box(window: Any) -> QMessageBox:
    """The About box (not shown yet)."""
    box = QMessageBox(window)
    box.setWindowTitle(QCoreApplication.translate("Help", "About Installment Tracker"))
    box.setTextFormat(Qt.TextFormat.RichText)
    box.setText(about_text(window))
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    box.setIconPixmap(window.windowIcon().pixmap(64, 64))
    return box


def about(window: Any) -> None:
    about_box(window).exec()


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


def shortcuts(window: Any) -> None:
    ShortcutsDialog(window).exec()


def open_data_folder(window: Any) -> bool:
    """Open the data folder (created private, 0700, if it does not exist yet)."""
    folder = data_folder()
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError as exc:
        window.ctx.interaction.error(
            window, QCoreApplication.translate("Help", "Open data folder"), f"{folder}\n\n{exc}"
        )
        return False
    if not open_folder(folder):
        window.ctx.interaction.info(
            window,
            QCoreApplication.translate("Help", "Open data folder"),
            QCoreApplication.translate(
                "Help", "No file manager could be started. The data folder is %1"
            ).replace("%1", os.fspath(folder)),
        )
        return False
    return True

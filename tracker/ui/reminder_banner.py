"""The in-app reminder: a banner across the top of the main window.

Used where there is neither a system tray nor a desktop notification service (bare X,
offscreen, some Wayland sessions): it says the same one-line summary, with a button that opens
the attention list and a close button. It sits in a fixed, non-movable tool bar so the main
window's own layout is untouched.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QToolBar,
    QToolButton,
    QWidget,
)

from . import palette


class ReminderBanner(QFrame):
    """A summary line, "Show the list" and a close button; hidden until ``show_text``."""

    open_requested = Signal()
    """The user asked for the attention list."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reminderBanner")
        self.setStyleSheet(palette.banner_style("reminderBanner"))
        self.text = QLabel()
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.open_button = QPushButton(self.tr("&Show the list"))
        self.open_button.clicked.connect(self._open)
        self.close_button = QToolButton()
        self.close_button.setText("✕")
        self.close_button.setAutoRaise(True)
        self.close_button.setToolTip(self.tr("Dismiss"))
        self.close_button.clicked.connect(self.dismiss)
        row = QHBoxLayout(self)
        row.setContentsMargins(10, 6, 6, 6)
        row.addWidget(self.text, 1)
        row.addWidget(self.open_button)
        row.addWidget(self.close_button)
        self.bar: QToolBar | None = None

    def show_text(self, text: str) -> None:
        """Show the banner with ``text``."""
        self.text.setText(text)
        if self.bar is not None:
            self.bar.show()
        self.show()

    def dismiss(self) -> None:
        """Hide the banner (until the next reminder)."""
        if self.bar is not None:
            self.bar.hide()
        self.hide()

    def _open(self) -> None:
        self.dismiss()
        self.open_requested.emit()


def attach_banner(window: QMainWindow) -> ReminderBanner:
    """The window's banner, put in a fixed tool bar at the top on first use."""
    found = window.findChild(ReminderBanner, "reminderBanner")
    if isinstance(found, ReminderBanner):
        return found
    bar = QToolBar(window)
    bar.setObjectName("reminderBar")
    bar.setMovable(False)
    bar.setFloatable(False)
    bar.toggleViewAction().setVisible(False)  # not a user-toggled tool bar
    bar.setStyleSheet("QToolBar#reminderBar { border: none; padding: 4px; }")
    banner = ReminderBanner(bar)
    banner.bar = bar
    bar.addWidget(banner)
    window.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)
    bar.hide()
    return banner

"""The Settings dialog's "Reminders and start-up" box: keep running in the tray, start at login.

"Keep running in the tray" is only offered where a system tray exists (it says so otherwise);
"Start at login" writes or removes the platform's autostart entry (``autostart``) when the
dialog's OK is pressed.
"""

from __future__ import annotations

from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QCheckBox, QGroupBox, QLabel, QVBoxLayout, QWidget

from . import autostart
from .context import AppContext
from .reminders import KEEP_IN_TRAY, keep_in_tray, tray_available


class ReminderSettingsBox(QGroupBox):
    """Two check boxes and what they do; ``apply`` stores them."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Reminders and start-up"))
        self.ctx = ctx
        self.tray = QCheckBox(self.tr("&Keep running in the tray when the window is closed"))
        has_tray = tray_available()
        self.tray.setEnabled(has_tray)
        self.tray.setChecked(has_tray and keep_in_tray(ctx))
        self.login = QCheckBox(self.tr("Start at lo&gin"))
        self.login.setChecked(autostart.is_enabled())
        if has_tray:
            about = self.tr(
                "The app checks what needs attention when it starts and every hour, and shows "
                "one summary in the notification area."
            )
        else:
            about = self.tr(
                "This desktop has no system tray, so the app cannot keep running there; "
                "reminders show as a desktop notification or a banner in the window."
            )
        self.note = QLabel(about)
        self.note.setWordWrap(True)
        self.note.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tray)
        layout.addWidget(self.login)
        layout.addWidget(self.note)

    def apply(self) -> str | None:
        """Store the choices; return an error message if start-at-login could not be set."""
        if self.tray.isEnabled():
            self.ctx.settings.set_value(KEEP_IN_TRAY, self.tray.isChecked())
        wanted = self.login.isChecked()
        if wanted == autostart.is_enabled():
            return None
        try:
            autostart.set_enabled(wanted)
        except OSError as exc:
            return self.tr("Start at login could not be changed: %1").replace("%1", str(exc))
        return None

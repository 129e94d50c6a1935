"""Reminders in the app: one summary notification on start and every hour, and the tray icon.

``Reminders`` outlives the main window (a language change rebuilds the window): ``adopt``
gives it the current window. ``check`` asks the services what needs attention
(``services.reminders``) and, unless the same items were shown today already (the once-a-day
rule, remembered in the settings), shows ONE summary:

1. a tray balloon (``QSystemTrayIcon.showMessage``) where a system tray exists;
2. else a freedesktop notification over D-Bus, where a session bus and a notification
   service answer;
3. else (bare X, offscreen) a banner at the top of the main window.

Clicking the balloon or the banner's button brings the window forward on the Overview with
the attention list in view. With a tray, the window can keep running there when closed
("Keep running in the tray" in Settings); the tray menu opens it, records a payment or quits.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QEvent, QObject, QProcess, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QIcon
from PySide6.QtWidgets import QApplication, QMenu, QSystemTrayIcon

from .context import AppContext
from .i18n import effective_language
from .single_instance import bring_forward

HOUR_MS = 60 * 60 * 1000
KEEP_IN_TRAY = "reminders/keep_in_tray"
LAST_DATE = "reminders/last_shown_on"
LAST_PRINT = "reminders/last_fingerprint"


def tray_available() -> bool:
    """Whether the desktop has a system tray (never offscreen or under bare Xvfb)."""
    return QSystemTrayIcon.isSystemTrayAvailable()


def keep_in_tray(ctx: AppContext) -> bool:
    """The "keep running in the tray when the window is closed" setting."""
    return str(ctx.settings.value(KEEP_IN_TRAY, "false")).lower() in ("true", "1")


def app_icon() -> QIcon:
    """The window icon, or a standard one when none is set."""
    app = QApplication.instance()
    icon = app.windowIcon() if isinstance(app, QApplication) else QIcon()
    if icon.isNull():
        from PySide6.QtWidgets import QStyle  # not at import: it costs the first paint 7 ms

        icon = QApplication.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxInformation)
    return icon


class Reminders(QObject):
    """Checks on start and hourly; shows one summary by tray, D-Bus or banner."""

    def __init__(
        self,
        ctx: AppContext,
        notify: Callable[[str, str], None] | None = None,
        use_tray: bool | None = None,
    ) -> None:
        super().__init__()
        self.ctx = ctx
        self.window: Any = None
        self._notify = notify
        self.shown: list[tuple[str, str]] = []  # (how, text) of every summary shown
        self.timer = QTimer(self)
        self.timer.setInterval(HOUR_MS)
        self.timer.timeout.connect(self.check)
        self.tray: QSystemTrayIcon | None = None
        self._monitor: QProcess | None = None  # `gdbus monitor` for a notification's click
        self._early: Any = None  # the reminder urgent_now computed, for the first check
        ctx.changed.connect(self._forget_early)
        ctx.database_replaced.connect(self._forget_early)
        if use_tray if use_tray is not None else tray_available():
            self.tray = QSystemTrayIcon(app_icon(), self)
            self.tray.setToolTip(self.tr("Installment Tracker"))
            self.tray.messageClicked.connect(self.open_attention)
            self.tray.activated.connect(self._tray_activated)
            self.tray.show()

    # -- the window -----------------------------------------------------------------------
    def adopt(self, window: Any) -> None:
        """Follow ``window`` (a new main window after a rebuild)."""
        self.window = window
        window.installEventFilter(self)
        if self.tray is not None:
            self.tray.setContextMenu(self._tray_menu(window))

    def _tray_menu(self, window: Any) -> QMenu:
        menu = QMenu(window)
        for text, slot in (
            (self.tr("&Open"), self.bring_forward),
            (self.tr("Record &payment…"), self._record_payment),
        ):
            action = QAction(text, menu)
            action.triggered.connect(lambda _c=False, s=slot: s())
            menu.addAction(action)
        menu.addSeparator()
        quit_action = QAction(self.tr("&Quit"), menu)
        quit_action.triggered.connect(lambda _c=False: self.quit())
        menu.addAction(quit_action)
        return menu

    def _tray_activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason == QSystemTrayIcon.ActivationReason.Trigger:
            self.bring_forward()

    def bring_forward(self) -> None:
        """Show, raise and activate the window."""
        bring_forward(self.window)

    def _record_payment(self) -> None:
        self.open_attention()
        self.window.overview.record_payment()

    def quit(self) -> None:
        """Quit from the tray: close the window for real, then the app."""
        self._quitting = True
        if self.window is not None:
            self.window.close()
        QApplication.quit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.window
            and event.type() == QEvent.Type.Close
            and self.tray is not None
            and keep_in_tray(self.ctx)
            and not getattr(self, "_quitting", False)
        ):
            assert isinstance(event, QCloseEvent)
            event.ignore()
            self.window.save_state()
            self.window.hide()
            return True
        return False

    def open_attention(self) -> None:
        """The window forward, on the Overview with the attention list in view."""
        self.bring_forward()
        if self.window is not None:
            self.window.show_attention()

    # -- checking -------------------------------------------------------------------------
    def start(self) -> None:
        """Check once now (the overview has filled) and then every hour."""
        self.check()
        self.timer.start()

    def urgent_now(self, overview: Any = None) -> bool:
        """Whether anything is overdue or due today (the window then opens on the Overview).
        ``overview``: the Overview's dashboard if it is read already; its attention list is
        the same rows, so no query is needed when it was read for today's date and window."""
        from tracker.services.reminders import reminder, reminder_of

        as_of, within = self.ctx.today(), self.ctx.reminder_days
        if overview is not None and (overview.as_of, overview.reminder_days) == (as_of, within):
            r = reminder_of(overview.due, as_of, within)
        else:
            r = reminder(self.ctx.db, as_of, within)
        self._early = r  # the first check reuses it: one query at start-up, not two
        return bool(r.overdue or r.due_today)

    def check(self, today: date | None = None) -> bool:
        """Show the summary unless nothing needs attention or it was shown today for the same
        items; return whether it was shown."""
        from tracker.services.reminders import reminder, should_show, summary_text

        from . import fmt

        if not self.ctx.has_database:
            return False
        as_of = today or self.ctx.today()
        early, self._early = self._early, None
        if early is not None and (early.as_of, early.within) == (as_of, self.ctx.reminder_days):
            r = early
        else:
            r = reminder(self.ctx.db, as_of, self.ctx.reminder_days)
        if not r.count and self.window is not None:  # all paid: an old banner goes
            from .reminder_banner import ReminderBanner  # after the first paint

            banner = self.window.findChild(ReminderBanner, "reminderBanner")
            if banner is not None:
                banner.dismiss()
        if not should_show(r, self._last()):
            return False
        language = effective_language(self.ctx.settings.language)
        text = summary_text(r, language, fmt.money)
        self._show(text)
        s = self.ctx.settings
        s.set_value(LAST_DATE, r.as_of.isoformat())
        s.set_value(LAST_PRINT, r.fingerprint)
        return True

    def _forget_early(self, *_args: object) -> None:
        self._early = None

    def _last(self) -> tuple[date, str] | None:
        s = self.ctx.settings
        try:
            return date.fromisoformat(str(s.value(LAST_DATE, ""))), str(s.value(LAST_PRINT, ""))
        except ValueError:
            return None

    def _show(self, text: str) -> None:
        title = self.tr("Installment Tracker")
        if self.tray is not None:
            self.tray.showMessage(title, text, QSystemTrayIcon.MessageIcon.Information, 15000)
            self.shown.append(("tray", text))
            return
        if self._send(title, text):
            self.shown.append(("dbus", text))
            return
        if self.window is not None:
            from .reminder_banner import attach_banner

            banner = attach_banner(self.window)
            if not getattr(banner, "_wired", False):
                banner.open_requested.connect(self.open_attention)
                banner._wired = True  # type: ignore[attr-defined]
            banner.show_text(text)
            self.shown.append(("banner", text))

    def _send(self, title: str, text: str) -> bool:
        from tracker.services.reminders import NotifyError, send_desktop_notification

        actions = ("default", self.tr("Show the list"))
        try:
            if self._notify is not None:
                self._notify(title, text)
                return True
            nid = send_desktop_notification(title, text, actions=actions)
        except NotifyError:
            return False
        self.watch_clicks(nid)
        return True

    def watch_clicks(self, nid: int) -> None:
        """Open the attention list when notification ``nid`` is clicked: follow the
        notification service's signals with ``gdbus monitor`` until it is closed."""
        gdbus = shutil.which("gdbus")
        if gdbus is None or nid <= 0:
            return
        if self._monitor is not None:
            self._monitor.kill()
        proc = QProcess(self)
        proc.setProcessChannelMode(QProcess.ProcessChannelMode.MergedChannels)
        proc.readyReadStandardOutput.connect(lambda: self._on_signal(proc, nid))
        self._monitor = proc
        proc.start(
            gdbus,
            [
                "monitor", "--session", "--dest", "org.freedesktop.Notifications",
                "--object-path", "/org/freedesktop/Notifications",
            ],
        )  # fmt: skip

    def _on_signal(self, proc: QProcess, nid: int) -> None:
        for raw in bytes(proc.readAllStandardOutput().data()).decode(errors="replace").split("\n"):
            if f"(uint32 {nid}," not in raw:
                continue
            if ".ActionInvoked" in raw:
                self.open_attention()
            if ".ActionInvoked" in raw or ".NotificationClosed" in raw:
                proc.kill()
                if self._monitor is proc:
                    self._monitor = None

"""Reminders in the app: one summary, once a day per set of items; the banner where there is
no tray and no notification service (offscreen); the Overview opens on the attention list."""

from __future__ import annotations

import os
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSystemTrayIcon

from tests.ui.conftest import TODAY, add_flat_plan
from tracker import services as sv
from tracker.services.reminders import NotifyError
from tracker.ui.context import AppContext
from tracker.ui.main_window import MainWindow
from tracker.ui.reminder_banner import ReminderBanner
from tracker.ui.reminders import Reminders

ONE_OVERDUE = "1 payment needs attention: ¥321.60; 1 overdue"


def _no_bus(_title: str, _text: str) -> None:
    raise NotifyError("no desktop session bus")


def _window(qtbot, ctx: AppContext) -> MainWindow:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    window.database_ready()
    return window


def test_banner_offscreen_once_a_day_and_opens_the_list(qtbot, ctx: AppContext) -> None:
    assert not QSystemTrayIcon.isSystemTrayAvailable()  # offscreen: no tray
    add_flat_plan(ctx)  # 321.60 due 2026-10-31: overdue on 11-21
    window = _window(qtbot, ctx)
    window.tabs.setCurrentIndex(2)
    reminders = Reminders(ctx, notify=_no_bus)
    reminders.adopt(window)
    assert reminders.tray is None
    assert reminders.check() is True
    banner = window.findChild(ReminderBanner, "reminderBanner")
    assert banner is not None and banner.isVisible()
    assert banner.text.text() == ONE_OVERDUE
    assert reminders.shown == [("banner", ONE_OVERDUE)]
    # the same items the same day: not again, even after dismissing it
    qtbot.mouseClick(banner.close_button, Qt.MouseButton.LeftButton)
    assert not banner.isVisible()
    assert reminders.check() is False
    # the next day: shown again
    assert reminders.check(date(2026, 11, 22)) is True
    assert banner.isVisible() and banner.text.text() == ONE_OVERDUE
    qtbot.mouseClick(banner.open_button, Qt.MouseButton.LeftButton)
    assert not banner.isVisible()
    assert window.tabs.currentWidget() is window.overview
    due = window.overview.due_list
    assert due.table.isVisible()
    assert [i.row() for i in due.table.selectionModel().selectedRows()] == [0]
    # everything paid: the next check takes a banner still up away and shows nothing
    assert reminders.check(date(2026, 11, 23)) is True and banner.isVisible()
    sv.record_payment(ctx.db, 1, 64320, date(2026, 11, 23), date(2026, 11, 23))  # + 11-30
    assert reminders.check(date(2026, 11, 23)) is False
    assert not banner.isVisible()


def test_a_change_shows_it_again_the_same_day(qtbot, ctx: AppContext) -> None:
    pid = add_flat_plan(ctx)
    add_flat_plan(ctx, "Card", first_due=date(2026, 11, 25), principal=120000, periods=3)
    window = _window(qtbot, ctx)
    reminders = Reminders(ctx, notify=_no_bus)
    reminders.adopt(window)
    assert reminders.check()
    assert reminders.shown[-1][1] == (
        "2 payments need attention: ¥728.80; 1 overdue, 1 due within 7 days"
    )
    sv.record_payment(ctx.db, pid, 32160, TODAY, TODAY)
    assert reminders.check()
    assert reminders.shown[-1][1] == "1 payment needs attention: ¥407.20; 1 due within 7 days"
    assert not reminders.check()


def test_chinese_summary_and_desktop_notification_first(qtbot, ctx: AppContext) -> None:
    ctx.settings.language = "zh_CN"
    add_flat_plan(ctx)
    window = _window(qtbot, ctx)
    sent: list[tuple[str, str]] = []
    reminders = Reminders(ctx, notify=lambda title, text: sent.append((title, text)))
    reminders.adopt(window)
    assert reminders.check()
    assert sent[0][1] == "1 笔还款需要处理：共 ¥321.60；逾期 1 笔"
    assert reminders.shown == [("dbus", sent[0][1])]
    assert window.findChild(ReminderBanner, "reminderBanner") is None  # no banner as well


def test_nothing_due_shows_nothing(qtbot, ctx: AppContext) -> None:
    add_flat_plan(ctx, first_due=date(2027, 1, 31))
    window = _window(qtbot, ctx)
    reminders = Reminders(ctx, notify=_no_bus)
    reminders.adopt(window)
    assert reminders.check() is False
    assert not reminders.urgent_now()
    assert reminders.shown == []


def test_opens_on_the_overview_when_something_is_overdue(qtbot, ctx: AppContext) -> None:
    add_flat_plan(ctx)
    ctx.settings.set_value("window/tab", 3)  # last used: Payments
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    assert window.tabs.currentIndex() == 3
    reminders = Reminders(ctx, notify=_no_bus)
    reminders.adopt(window)
    assert reminders.urgent_now()
    window.show_attention()
    window.show()
    window.database_ready()
    window.show_attention()
    assert window.tabs.currentWidget() is window.overview
    assert window.overview.due_list.proxy.rowCount() == 1


def test_clicking_the_desktop_notification_opens_the_list(
    qtbot, ctx: AppContext, tmp_path, monkeypatch
) -> None:
    """``gdbus`` replaced by a script: ``call`` answers an id, ``monitor`` reports a click on
    that notification (ActionInvoked), as the notification service would."""
    add_flat_plan(ctx)
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    log = tmp_path / "call"
    fake = bin_dir / "gdbus"
    fake.write_text(
        "#!/bin/sh\n"
        'if [ "$1" = call ]; then printf "%s\\n" "$@" > ' + str(log) + '; echo "(uint32 42,)";\n'
        'else echo "/org/freedesktop/Notifications: org.freedesktop.Notifications.ActionInvoked'
        " (uint32 42, 'default')\"; sleep 30; fi\n"
    )
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", f"{bin_dir}:{os.environ['PATH']}")
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent")
    window = _window(qtbot, ctx)
    window.tabs.setCurrentIndex(1)
    reminders = Reminders(ctx)
    reminders.adopt(window)
    assert reminders.check()
    assert reminders.shown == [("dbus", ONE_OVERDUE)]
    assert "@as ['default', 'Show the list']" in log.read_text().splitlines()
    qtbot.waitUntil(lambda: window.tabs.currentIndex() == 0, timeout=20000)
    assert window.tabs.currentWidget() is window.overview
    qtbot.waitUntil(lambda: reminders._monitor is None, timeout=5000)

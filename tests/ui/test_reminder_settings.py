"""Settings: start at login (an XDG autostart entry, in a temporary XDG_CONFIG_HOME) and keep
running in the tray (only where a tray exists: never offscreen)."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from tracker.ui import autostart
from tracker.ui.context import AppContext
from tracker.ui.reminders import KEEP_IN_TRAY
from tracker.ui.settings_dialog import SettingsDialog

ID = "io.github.installment_tracker.InstallmentTracker"


def test_start_at_login_writes_and_removes_the_xdg_entry(
    qtbot, ctx: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = tmp_path / "cfg"
    monkeypatch.setenv("XDG_CONFIG_HOME", str(config))
    entry = config / "autostart" / f"{ID}.desktop"
    dialog = SettingsDialog(ctx)
    qtbot.addWidget(dialog)
    box = dialog.reminder_box
    assert not box.login.isChecked()
    box.login.setChecked(True)
    dialog.accept()
    text = entry.read_text()
    assert stat.S_IMODE(entry.stat().st_mode) == 0o600
    assert "[Desktop Entry]\nType=Application\nName=Installment Tracker\n" in text
    assert "Name[zh_CN]=分期账本\n" in text
    exec_line = next(line for line in text.splitlines() if line.startswith("Exec="))
    assert exec_line.endswith(" -m tracker")

    again = SettingsDialog(ctx)
    qtbot.addWidget(again)
    assert again.reminder_box.login.isChecked()
    again.reminder_box.login.setChecked(False)
    again.accept()
    assert not entry.exists()


def test_exec_quoting_and_home_fallback(tmp_path: Path) -> None:
    env = {"HOME": str(tmp_path)}
    assert autostart.xdg_entry_path(env) == tmp_path / ".config" / "autostart" / f"{ID}.desktop"
    path = autostart.set_enabled(True, env, "linux", ["/opt/my apps/tracker", "--x=100%"])
    assert path is not None
    assert 'Exec="/opt/my apps/tracker" "--x=100%%"\n' in path.read_text()
    mac = autostart.set_enabled(True, env, "darwin", ["/Applications/T.app/Contents/MacOS/T"])
    assert mac == tmp_path / "Library" / "LaunchAgents" / f"{ID}.plist"
    assert "<key>RunAtLoad</key>" in mac.read_text()
    assert autostart.is_enabled(env, "darwin")
    autostart.set_enabled(False, env, "darwin")
    assert not autostart.is_enabled(env, "darwin")


def test_keep_in_tray_is_disabled_and_explained_without_a_tray(qtbot, ctx: AppContext) -> None:
    dialog = SettingsDialog(ctx)
    qtbot.addWidget(dialog)
    box = dialog.reminder_box
    assert not box.tray.isEnabled() and not box.tray.isChecked()
    assert "no system tray" in box.note.text()
    dialog.accept()
    assert ctx.settings.value(KEEP_IN_TRAY) is None  # nothing stored for a choice not offered

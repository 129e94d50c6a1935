"""Start at login: an XDG autostart entry on Linux, a Run key value on Windows, a LaunchAgent
on macOS. Each writes the command that starts the app as it runs now (the frozen executable,
or this Python with ``-m tracker``), and removing it turns start-at-login off.

- Linux (and other XDG desktops): ``$XDG_CONFIG_HOME/autostart/<APP_ID>.desktop``
  (``~/.config/autostart`` by default), written 0600.
- Windows: the value ``InstallmentTracker`` under
  ``HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Run``.
- macOS: ``~/Library/LaunchAgents/<APP_ID>.plist`` with ``RunAtLoad``.
"""

from __future__ import annotations

import contextlib
import os
import plistlib
import sys
from collections.abc import Mapping
from pathlib import Path

APP_ID = "io.github.installment_tracker.InstallmentTracker"
RUN_KEY = r"Software\Microsoft\Windows\CurrentVersion\Run"
RUN_VALUE = "InstallmentTracker"


def launch_command() -> list[str]:
    """The command that starts the app the way it was started now."""
    if getattr(sys, "frozen", False):
        return [sys.executable]
    return [sys.executable, "-m", "tracker"]


def _env(env: Mapping[str, str] | None) -> Mapping[str, str]:
    return os.environ if env is None else env


def xdg_entry_path(env: Mapping[str, str] | None = None) -> Path:
    """Where the Linux autostart entry lives (honours ``XDG_CONFIG_HOME``)."""
    e = _env(env)
    base = e.get("XDG_CONFIG_HOME") or os.path.join(e.get("HOME") or str(Path.home()), ".config")
    return Path(base) / "autostart" / f"{APP_ID}.desktop"


def launch_agent_path(env: Mapping[str, str] | None = None) -> Path:
    """Where the macOS LaunchAgent lives."""
    home = _env(env).get("HOME") or str(Path.home())
    return Path(home) / "Library" / "LaunchAgents" / f"{APP_ID}.plist"


def _exec_quote(arg: str) -> str:
    """One argument of a Desktop Entry ``Exec`` line, quoted as the specification asks."""
    if arg and not any(c in arg for c in " \t\n\"'\\><~|&;$*?#()`%"):
        return arg
    escaped = arg.replace("\\", "\\\\").replace('"', '\\"').replace("`", "\\`")
    escaped = escaped.replace("$", "\\$").replace("%", "%%")
    return f'"{escaped}"'


def desktop_entry(command: list[str]) -> str:
    """The autostart ``.desktop`` file's text."""
    return (
        "[Desktop Entry]\n"
        "Type=Application\n"
        "Name=Installment Tracker\n"
        "Name[zh_CN]=分期账本\n"
        "Comment=Reminds you of installment payments that need attention\n"
        "Comment[zh_CN]=提醒需要处理的分期还款\n"
        f"Exec={' '.join(_exec_quote(a) for a in command)}\n"
        f"Icon={APP_ID}\n"
        "Terminal=false\n"
        "X-GNOME-Autostart-enabled=true\n"
    )


def _windows_command(command: list[str]) -> str:
    return " ".join(f'"{a}"' if " " in a else a for a in command)


def is_enabled(env: Mapping[str, str] | None = None, platform: str = sys.platform) -> bool:
    """Whether the app is set to start at login."""
    if platform == "win32":  # pragma: no cover - Windows only
        import winreg

        try:
            with winreg.OpenKey(winreg.HKEY_CURRENT_USER, RUN_KEY) as key:
                winreg.QueryValueEx(key, RUN_VALUE)
            return True
        except OSError:
            return False
    if platform == "darwin":
        return launch_agent_path(env).is_file()
    return xdg_entry_path(env).is_file()


def set_enabled(
    on: bool,
    env: Mapping[str, str] | None = None,
    platform: str = sys.platform,
    command: list[str] | None = None,
) -> Path | None:
    """Turn start-at-login on or off; return the file written or removed (None on Windows).

    Raises OSError when the entry cannot be written."""
    cmd = command or launch_command()
    if platform == "win32":  # pragma: no cover - Windows only
        import winreg

        with winreg.CreateKey(winreg.HKEY_CURRENT_USER, RUN_KEY) as key:
            if on:
                winreg.SetValueEx(key, RUN_VALUE, 0, winreg.REG_SZ, _windows_command(cmd))
            else:
                with contextlib.suppress(FileNotFoundError):
                    winreg.DeleteValue(key, RUN_VALUE)
        return None
    if platform == "darwin":
        path = launch_agent_path(env)
        text = plistlib.dumps(
            {
                "Label": APP_ID,
                "ProgramArguments": cmd,
                "RunAtLoad": True,
                "ProcessType": "Interactive",
            }
        ).decode()
    else:
        path = xdg_entry_path(env)
        text = desktop_entry(cmd)
    if not on:
        path.unlink(missing_ok=True)
        return path
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write(text)
    os.replace(tmp, path)
    return path

"""A start-up check for packaged builds: ``TRACKER_SMOKE_SCREENSHOT=PATH`` makes the app save
its main window to PATH (PNG) once the window is painted and the database open, print
``window shown WxH`` and quit with status 0. ``packaging/build_app.py`` runs the built app so,
offscreen, with a new database, to prove the build starts. Unset, nothing happens."""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget

__all__ = ["SMOKE_ENV", "quit_after_first_paint_if_asked"]

SMOKE_ENV = "TRACKER_SMOKE_SCREENSHOT"
SETTLE_MS = 300  # let the first data paint


def quit_after_first_paint_if_asked(window: QWidget) -> None:
    """With ``TRACKER_SMOKE_SCREENSHOT`` set: grab ``window``, say so and quit the app."""
    path = os.environ.get(SMOKE_ENV)
    if not path:
        return

    def grab_and_quit() -> None:
        shown = window.isVisible() and window.grab().save(path, "PNG")
        size = window.size()
        sys.stdout.write(
            f"window shown {size.width()}x{size.height()}\n" if shown else "window NOT shown\n"
        )
        sys.stdout.flush()
        QApplication.exit(0 if shown else 1)

    QTimer.singleShot(SETTLE_MS, grab_and_quit)

"""Screenshots of every screen with the sample data, in English and 简体中文.

    QT_QPA_PLATFORM=offscreen uv run python packaging/screenshots.py OUT_DIR [en|zh_CN ...]

Used to look at the app as a user would (README images, release notes, reviews).
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from tracker.services.sample import load_sample_data
from tracker.storage import open_database
from tracker.ui.context import AppContext
from tracker.ui.fonts import apply_app_font
from tracker.ui.i18n import install_translators
from tracker.ui.interaction import ScriptedInteraction
from tracker.ui.main_window import MainWindow
from tracker.ui.settings_store import Settings
from tracker.ui.theme import apply_theme

TODAY = date(2026, 11, 21)


def shoot(out: Path, language: str, theme: str = "light") -> None:
    """Save one PNG per tab for ``language``."""
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    install_translators(app, language)
    apply_app_font(app)
    apply_theme(app, theme)
    tmp = Path(tempfile.mkdtemp())
    settings = Settings(QSettings(str(tmp / "s.ini"), QSettings.Format.IniFormat))
    db = open_database(tmp / "shots.sqlite3")
    load_sample_data(db, TODAY)
    ctx = AppContext(db, settings, ScriptedInteraction(), today=lambda: TODAY)
    window = MainWindow(ctx)
    window.resize(1280, 820)
    window.show()
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        if index == 1 and window.plans.table.model().rowCount():  # type: ignore[attr-defined]
            window.plans.table.selectRow(0)  # type: ignore[attr-defined]
        for _ in range(20):
            app.processEvents()
        window.grab().save(str(out / f"{language}-{theme}-{index}.png"))
    window.close()
    db.close()


if __name__ == "__main__":
    target = Path(sys.argv[1])
    target.mkdir(parents=True, exist_ok=True)
    for lang in sys.argv[2:] or ["en", "zh_CN"]:
        shoot(target, lang)

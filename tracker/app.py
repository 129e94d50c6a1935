"""Wiring: settings → translations, fonts, theme → database → context → main window.

The only place that constructs the GUI's long-lived objects.
"""

from __future__ import annotations

import os
import sys

from tracker.storage import StorageError, open_database, resolve_target


def run_gui(db_arg: str | None = None) -> int:
    """Open the desktop app; return its exit status."""
    from PySide6.QtWidgets import QApplication, QMessageBox

    from tracker.ui.context import AppContext
    from tracker.ui.fonts import apply_app_font
    from tracker.ui.i18n import install_translators
    from tracker.ui.main_window import MainWindow
    from tracker.ui.settings_store import Settings
    from tracker.ui.theme import apply_theme

    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName("Installment Tracker")
    app.setOrganizationName("InstallmentTracker")
    settings = Settings()
    install_translators(app, settings.language)
    apply_app_font(app)
    apply_theme(app, settings.theme)
    env = dict(os.environ)
    if not db_arg and not env.get("TRACKER_DB") and settings.database:
        db_arg = settings.database
    try:
        db = open_database(resolve_target(db_arg, env))
    except StorageError as exc:
        QMessageBox.critical(None, app.translate("App", "Cannot open the database"), str(exc))
        return 1
    ctx = AppContext(db, settings)
    holder: dict[str, MainWindow] = {}

    def rebuild() -> None:
        """Language or theme changed: re-translate by rebuilding the window (data stays)."""
        install_translators(app, settings.language)
        apply_theme(app, settings.theme)
        old = holder.get("window")
        if old is not None:
            old.save_state()
            old.hide()
            old.deleteLater()
        window = MainWindow(ctx, rebuild)
        holder["window"] = window
        window.show()

    rebuild()
    return int(app.exec())

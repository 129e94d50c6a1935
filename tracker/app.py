"""Wiring: settings → translations, fonts, theme → context → main window → database.

The only place that constructs the GUI's long-lived objects.
"""

from __future__ import annotations

import os
import sys
from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tracker.storage import Database

FIRST_PAINT_WAIT_MS = 1000
"""How long start-up waits for the window's first paint before opening the database."""


def run_gui(db_arg: str | None = None) -> int:
    """Open the desktop app; return its exit status.

    Window first: the main window is shown and painted before the database (SQLAlchemy) is
    opened; then the context gets the database and the current tab fills. A file that cannot
    be opened closes the window again with a message.
    """
    from PySide6.QtCore import QEventLoop, QTimer
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
    ctx = AppContext(None, settings)
    holder: dict[str, MainWindow] = {}

    def rebuild() -> None:
        """Language or theme changed: re-translate by rebuilding the window (data stays)."""
        install_translators(app, settings.language)
        apply_theme(app, settings.theme)
        old = holder.get("window")
        view: dict[str, object] = {}
        if old is not None:  # at start-up fmt loads after the first paint (it imports the domain)
            set_currency_display(settings.currency_display)
            old.save_state()
            view = old.view_state()
            old.hide()
            old.deleteLater()
        window = MainWindow(ctx, rebuild)
        window.restore_view(view)
        holder["window"] = window
        window.show()

    rebuild()
    first = holder["window"]
    wait = QEventLoop()
    first.first_painted.connect(wait.quit)
    QTimer.singleShot(FIRST_PAINT_WAIT_MS, wait.quit)
    if not first.painted:
        wait.exec()

    from tracker.storage import StorageError, open_database, resolve_target
    from tracker.ui.fmt import set_currency_display

    set_currency_display(settings.currency_display)

    try:
        db = open_database(resolve_target(db_arg, env))
    except StorageError as exc:
        from tracker.ui.errors import describe

        first.close()
        QMessageBox.critical(None, app.translate("App", "Cannot open the database"), describe(exc))
        return 1
    ctx.attach_database(db)
    holder["window"].database_ready()
    from tracker.ui.notices import show_upgrade_notes

    show_upgrade_notes(holder["window"], db.upgrade_notes)
    return int(app.exec())


# -- PDF printing for the CLI (`tracker calendar`, `tracker schedule`) --------------------------


def _print_setup(language: str | None) -> int:
    """Start Qt for drawing PDFs and choose the labels' language; return the reminder days.

    Qt runs offscreen when there is no display (a server, ssh, cron). ``language`` is
    "system", "zh_CN" or "en"; None means the GUI's saved setting. The CJK font is registered
    so Chinese prints with an embedded font.
    """
    if os.name == "posix" and sys.platform != "darwin":
        if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from tracker.ui.fmt import set_currency_display
    from tracker.ui.fonts import cjk_family
    from tracker.ui.i18n import install_translators
    from tracker.ui.settings_store import Settings

    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "tracker"])
    settings = Settings()
    install_translators(app, language or settings.language)
    set_currency_display(settings.currency_display)
    cjk_family()
    return settings.reminder_days


def write_calendar_pdf(
    db: Database,
    first: date,
    last: date,
    path: str | os.PathLike[str],
    *,
    as_of: date,
    paper: str = "a4",
    language: str | None = None,
) -> int:
    """Write the month-grid calendar from ``first``'s month to ``last``'s (one landscape page a
    month, paid-off plans included, archived ones not) to a PDF; return the page count.

    Raises ValueError for a bad month range, OSError when the file cannot be written.
    """
    from tracker.reports.print_data import calendar_pages, month_span
    from tracker.services.export import calendar_print_items

    start, end = month_span(first, last)
    reminder_days = _print_setup(language)
    items = calendar_print_items(db, start, end, as_of, reminder_days)
    pages = calendar_pages(items, start, end, as_of)
    from tracker.ui.printing import write_calendar_pdf as write

    return write(path, pages, paper)


def write_schedule_pdf(
    db: Database,
    plan_id: int,
    path: str | os.PathLike[str],
    *,
    as_of: date,
    paper: str = "a4",
    language: str | None = None,
) -> int:
    """Write a plan's schedule sheet (portrait) to a PDF; return the page count.

    Raises ServiceError for an unknown plan, OSError when the file cannot be written.
    """
    from tracker.reports.print_data import schedule_sheet
    from tracker.services.plans import plan_detail

    plan_detail(db, plan_id, as_of)  # an unknown plan fails before Qt starts
    reminder_days = _print_setup(language)
    sheet = schedule_sheet(plan_detail(db, plan_id, as_of, reminder_days))
    from tracker.ui.printing_schedule import write_schedule_pdf as write

    return write(path, sheet, paper)

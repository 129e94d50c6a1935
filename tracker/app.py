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
    from tracker.storage.quick_open import ReadConnection

FIRST_PAINT_WAIT_MS = 1000
"""How long start-up waits for the window's first paint before opening the database."""


def run_gui(db_arg: str | None = None) -> int:
    """Open the desktop app; return its exit status.

    Window first: the main window is shown and painted before the database (SQLAlchemy) is
    opened; then the context gets the database, the current tab fills, and today's backup is
    taken if there is none yet. A file that cannot be opened brings up the choices of
    ``ui.start_problem`` (restore the newest good backup, open another file, quit).
    """
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from tracker.ui.context import AppContext
    from tracker.ui.fonts import apply_app_font
    from tracker.ui.i18n import install_translators
    from tracker.ui.main_window import MainWindow
    from tracker.ui.reminders import Reminders
    from tracker.ui.settings_store import Settings
    from tracker.ui.single_instance import (
        SingleInstance,
        bring_forward,
        database_path,
        instance_key,
    )
    from tracker.ui.theme import apply_theme

    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName("Installment Tracker")
    app.setOrganizationName("InstallmentTracker")
    from tracker.ui.app_icon import app_icon

    app.setWindowIcon(app_icon())
    settings = Settings()
    install_translators(app, settings.language)
    apply_app_font(app)
    apply_theme(app, settings.theme)
    env = dict(os.environ)
    if not db_arg and not env.get("TRACKER_DB") and settings.database:
        db_arg = settings.database
    guard = SingleInstance(instance_key(database_path(db_arg, env)), app)
    if not guard.claim(listen=False):  # another window has this file: it came forward
        sys.stderr.write(
            "Installment Tracker is already running with this database; "
            "its window was brought forward.\n"
        )
        return 0
    ctx = AppContext(None, settings)
    holder: dict[str, MainWindow] = {}
    reminders: list[Reminders] = []

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
        if reminders:
            reminders[0].adopt(window)
        window.show()

    rebuild()
    guard.activated.connect(lambda: bring_forward(holder["window"]))
    first = holder["window"]
    wait = QEventLoop()
    first.first_painted.connect(wait.quit)
    QTimer.singleShot(FIRST_PAINT_WAIT_MS, wait.quit)
    if not first.painted:
        wait.exec()

    from tracker.ui.fmt import set_currency_display

    set_currency_display(settings.currency_display)

    def remember(path: object) -> None:
        settings.database = str(path)

    def open_full() -> Database | None:
        from tracker.ui.start_problem import open_at_start

        return open_at_start(db_arg, env, holder["window"], remember=remember)

    reader = quick_reader(db_arg, env)
    if reader is not None:  # up to date and sound: the Overview fills before SQLAlchemy loads
        ctx.attach_reader(reader, open_full)
    else:
        db = open_full()
        if db is None:  # the file could not be opened and the user chose Quit
            first.close()
            guard.release()
            return 1
        ctx.attach_database(db)
    reminders.append(Reminders(ctx))
    reminders[0].adopt(holder["window"])
    from tracker.ui.main_window import NAMES

    window = holder["window"]
    if NAMES[max(window.tabs.currentIndex(), 0)] == "overview":
        window.database_ready()  # the Overview fills first; its attention list is the reminder's
        urgent = reminders[0].urgent_now(window.overview.data)
    else:
        urgent = reminders[0].urgent_now()
        if urgent:  # overdue or due today: open on the attention list, whatever the last tab
            window.show_attention()
        window.database_ready()
    if urgent:
        holder["window"].show_attention()

    def after_fill() -> None:
        """The database proper (SQLAlchemy), once the Overview is on screen; then the hourly
        reminders, the upgrade notes, today's backup and the health check."""
        guard.listen()  # later launches of this file bring this window forward from now on
        try:
            opened = ctx.open_now()
        except StorageError:  # the file could not be opened after all: the user chose Quit
            opened = False
        if not opened:
            holder["window"].close()
            app.exit(1)
            return
        reminders[0].start()
        from tracker.ui.notices import show_upgrade_notes

        show_upgrade_notes(holder["window"], ctx.db.upgrade_notes)
        QTimer.singleShot(0, lambda: daily_backup(holder["window"]))
        from tracker.ui.health import check_later

        check_later(holder["window"], ctx.db)  # the fast audit, off the GUI thread

    from tracker.storage.errors import StorageError
    from tracker.ui.paint_wait import after_paint

    after_paint(window.data_widget(), after_fill, keep=True)
    from tracker.ui.smoke import quit_after_first_paint_if_asked

    quit_after_first_paint_if_asked(holder["window"])  # packaged-build check; off unless asked
    try:
        return int(app.exec())
    finally:
        guard.release()


def quick_reader(db_arg: str | None, env: dict[str, str]) -> ReadConnection | None:
    """The start-up read path (``storage.quick_open``) for the file the app opens, or None
    when the full open must run first (a new, older or damaged file: it creates, upgrades or
    explains)."""
    from tracker.storage.errors import StorageError
    from tracker.storage.quick_open import open_for_reading, target_path
    from tracker.ui.single_instance import database_path

    raw = db_arg if db_arg else env.get("TRACKER_DB", "")
    path = target_path(db_arg, env) if raw.strip() else database_path(None, {})
    if path is None:
        return None
    try:
        return open_for_reading(path)
    except StorageError:  # the full open says what is wrong and offers the way out
        return None


def daily_backup(window: object) -> object:
    """Today's automatic backup, after the window is up (once a day; see storage.backups).
    A failure is shown in the status bar; it never stops the app."""
    from tracker.storage import StorageError
    from tracker.storage.backups import daily_backup_if_due

    ctx = getattr(window, "ctx", None)
    if ctx is None or not ctx.has_database:
        return None
    try:
        return daily_backup_if_due(ctx.db.path)
    except StorageError as exc:
        from PySide6.QtCore import QCoreApplication

        text = QCoreApplication.translate("App", "Today's backup was not made: %1")
        window.statusBar().showMessage(text.replace("%1", str(exc)), 15000)  # type: ignore[attr-defined]
        return None


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

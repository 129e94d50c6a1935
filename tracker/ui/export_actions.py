"""File menu actions: Export (payments, installments, plans as CSV), Export calendar (.ics) and
Import from CSV (with a preview).

File dialogs are reached through the module-level seams ``ask_save_path``, ``ask_open_paths``,
``ask_import`` and ``ask_alarm_days`` so tests replace them. Export calendar first asks how many
days before a due date its reminder goes off (0–30; the last choice, else the app's reminder
window), then where to save. Exports run a service that returns the file's bytes and
write them whole (``transfer.save_bytes``); an import is checked with a dry run, previewed in
``ImportDialog`` and, when accepted, run through ``ctx.act`` so every screen refreshes.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QInputDialog,
    QMenu,
    QProgressDialog,
    QWidget,
)

from tracker import services as sv
from tracker.domain.money import AmountError
from tracker.services import transfer
from tracker.storage import StorageError

from .errors import describe
from .file_actions import HEADERS_KEY, csv_headers
from .import_dialog import ImportDialog


class _Cancelled(Exception):
    """The user cancelled a long import; the batch is rolled back."""


T = TypeVar("T")

DIR_KEY = "transfer/dir"
ALARM_KEY = "transfer/alarm_days"


MAX_ALARM_DAYS = 30


def ask_save_path(parent: QWidget | None, title: str, suggested: str, file_filter: str) -> str:
    """The file to save to, or "" when the user cancels."""
    path, _ = QFileDialog.getSaveFileName(parent, title, suggested, file_filter)
    return path


def ask_open_paths(parent: QWidget | None, title: str, folder: str, file_filter: str) -> list[str]:
    """The files to open (several may be chosen), or [] when the user cancels."""
    paths, _ = QFileDialog.getOpenFileNames(parent, title, folder, file_filter)
    return list(paths)


def ask_import(report: transfer.ImportReport, parent: QWidget | None) -> bool:
    """Show the import preview; True when the user chose Import."""
    dialog = ImportDialog(report, parent)
    return dialog.exec() == QDialog.DialogCode.Accepted


def ask_alarm_days(parent: QWidget | None, default: int) -> int | None:
    """How many days before each due date the calendar's reminders go off (a spin box from
    0 to 30 starting at ``default``), or None when the user cancels."""
    days, ok = QInputDialog.getInt(
        parent,
        QCoreApplication.translate("TransferActions", "Export calendar"),
        QCoreApplication.translate(
            "TransferActions", "Remind me this many days before each due date (0 = on the day):"
        ),
        default,
        0,
        MAX_ALARM_DAYS,
        1,
    )
    return days if ok else None


def _now() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


class TransferActions(QObject):
    """The Export submenu, Export calendar and Import actions of a main window."""

    def __init__(self, window: Any, menu: QMenu | None) -> None:
        """With ``menu`` None the actions are made but put in no menu (the main window's File
        menu has its own entries, ``file_actions``, that call these handlers)."""
        super().__init__(window)
        self.window = window
        self.ctx = window.ctx
        self.export_menu = menu.addMenu(self.tr("&Export")) if menu is not None else None
        self.export_payments_action = self._add(
            self.export_menu, self.tr("&Payments (CSV)…"), lambda: self.export_csv("payments")
        )
        self.export_installments_action = self._add(
            self.export_menu,
            self.tr("&Installments with status (CSV)…"),
            lambda: self.export_csv("installments"),
        )
        self.export_plans_action = self._add(
            self.export_menu, self.tr("P&lans (CSV)…"), lambda: self.export_csv("plans")
        )
        self.chinese_headers_action = QAction(
            self.tr("CSV with &Chinese headers and status words (for WPS/Excel)"), self.window
        )
        self.chinese_headers_action.setCheckable(True)
        self.chinese_headers_action.setChecked(csv_headers(self.ctx.settings) == "zh")
        self.chinese_headers_action.toggled.connect(
            lambda on: self.ctx.settings.set_value(HEADERS_KEY, "zh" if on else "en")
        )
        if self.export_menu is not None:
            self.export_menu.addSeparator()
            self.export_menu.addAction(self.chinese_headers_action)
        self.export_calendar_action = self._add(
            menu, self.tr("Export &calendar (.ics)…"), self.export_calendar
        )
        self.import_action = self._add(menu, self.tr("&Import from CSV…"), self.import_csv)

    def _add(self, menu: QMenu | None, text: str, slot: Callable[[], object]) -> QAction:
        action = QAction(text, self.window)
        action.triggered.connect(lambda _checked=False: slot())
        if menu is not None:
            menu.addAction(action)
        return action

    # -- helpers --------------------------------------------------------------------------
    def _folder(self) -> Path:
        saved = self.ctx.settings.value(DIR_KEY)
        folder = Path(saved) if isinstance(saved, str) and saved else Path.home()
        return folder if folder.is_dir() else Path.home()

    def _remember(self, path: Path) -> None:
        self.ctx.settings.set_value(DIR_KEY, str(path.parent))

    def _service(self, title: str, func: Callable[[], T]) -> T | None:
        """Run a read-only service call; show its refusal and return None."""
        try:
            return func()
        except (sv.ServiceError, AmountError, StorageError) as exc:
            self.ctx.interaction.error(self.window, title, describe(exc))
            return None

    def _status(self, text: str) -> None:
        bar = getattr(self.window, "statusBar", None)
        if callable(bar):
            bar().showMessage(text, 8000)

    def _save(self, title: str, suggested: str, file_filter: str, suffix: str) -> Path | None:
        chosen = ask_save_path(self.window, title, str(self._folder() / suggested), file_filter)
        if not chosen:
            return None
        path = Path(chosen)
        return path if path.suffix else path.with_suffix(suffix)

    def _write(self, title: str, path: Path, data: bytes) -> bool:
        try:
            transfer.save_bytes(path, data)
        except OSError as exc:
            message = self.tr("Could not write %1: %2").replace("%1", str(path))
            self.ctx.interaction.error(self.window, title, message.replace("%2", str(exc)))
            return False
        self._remember(path)
        return True

    # -- actions --------------------------------------------------------------------------
    def export_csv(self, kind: str) -> Path | None:
        """Ask where, then write the CSV of ``kind``; the path written, or None. The headers
        (and status words) are Chinese when ``chinese_headers_action`` is checked (remembered
        in the settings), else the stable English schema; the importer reads both."""
        titles = {
            "payments": self.tr("Export payments"),
            "installments": self.tr("Export installments"),
            "plans": self.tr("Export plans"),
        }
        title = titles[kind]
        today = self.ctx.today()
        path = self._save(
            title, f"{kind}-{today.isoformat()}.csv", self.tr("CSV files (*.csv)"), ".csv"
        )
        if path is None:
            return None
        result = self._service(
            title,
            lambda: transfer.export_csv(
                self.ctx.db,
                kind,
                today,
                reminder_days=self.ctx.reminder_days,
                headers=csv_headers(self.ctx.settings),
            ),
        )
        if result is None or not self._write(title, path, result[0]):
            return None
        text = self.tr("Exported %n rows to %2", "", result[1])
        self._status(text.replace("%2", str(path)))
        return path

    def _alarm_days(self) -> int:
        """The reminder offset to offer: the last one chosen, else the app's reminder window."""
        for value in (self.ctx.settings.value(ALARM_KEY), self.ctx.reminder_days):
            try:
                days = int(value)
            except (TypeError, ValueError):
                continue
            return min(max(days, 0), MAX_ALARM_DAYS)
        return 1

    def export_calendar(self) -> Path | None:
        """Ask how many days ahead to remind and where, then write the calendar feed."""
        title = self.tr("Export calendar")
        days = ask_alarm_days(self.window, self._alarm_days())
        if days is None:
            return None
        path = self._save(title, "installments.ics", self.tr("iCalendar files (*.ics)"), ".ics")
        if path is None:
            return None
        result = self._service(
            title,
            lambda: transfer.calendar_feed(
                self.ctx.db, self.ctx.today(), _now(), days, reminder_days=self.ctx.reminder_days
            ),
        )
        if result is None or not self._write(title, path, result[0]):
            return None
        self.ctx.settings.set_value(ALARM_KEY, days)
        text = self.tr("Exported %n due dates to %2", "", result[1])
        self._status(text.replace("%2", str(path)))
        return path

    def import_csv(self) -> sv.Change | None:
        """Pick files, preview the batch (a dry run), and import it when the user agrees."""
        if self.ctx.refuse_if_read_only(self.window):
            return None
        title = self.tr("Import from CSV")
        paths = ask_open_paths(
            self.window,
            title,
            str(self._folder()),
            self.tr("CSV files (*.csv);;All files (*)"),
        )
        if not paths:
            return None
        files = []
        for name in paths:
            try:
                files.append(transfer.ImportFile(Path(name).name, Path(name).read_bytes()))
            except OSError as exc:
                message = self.tr("Could not read %1: %2").replace("%1", name)
                self.ctx.interaction.error(self.window, title, message.replace("%2", str(exc)))
                return None
        self._remember(Path(paths[0]))
        report = self._preview(title, files)
        if report is None or not ask_import(report, self.window):
            return None
        try:  # every import is preceded by a verified backup (backups/ beside the database)
            self.ctx.db.backup(label="import")
        except StorageError as exc:
            headline = self.tr("Nothing was imported: the backup before the import failed.")
            self.ctx.interaction.error(self.window, title, f"{headline}\n\n{exc}")
            return None
        try:
            with self._progress(self.tr("Importing…")) as progress:
                result = self.ctx.act(
                    self.window,
                    title,
                    transfer.import_files,
                    files,
                    self.ctx.today(),
                    progress=progress,
                )
        except _Cancelled:
            self._status(self.tr("Import cancelled; nothing was imported."))
            return None
        if result is None:
            return None
        change, done = result
        assert isinstance(change, sv.Change)
        plans = self.tr("%n plans", "", len(done.plans))
        payments = self.tr("%n payments", "", len(done.payments))
        self._status(self.tr("Imported %1 and %2").replace("%1", plans).replace("%2", payments))
        return change

    @contextlib.contextmanager
    def _progress(self, label: str) -> Iterator[Callable[[int, int], None]]:
        """A cancellable progress dialog fed by ``progress(done, total)`` calls; it appears only
        when the work takes a moment, and cancelling raises _Cancelled out of the callback."""
        dialog = QProgressDialog(label, self.tr("Cancel"), 0, 0, self.window)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(400)
        dialog.setAutoClose(False)

        def report(done: int, total: int) -> None:
            if dialog.maximum() != total:
                dialog.setMaximum(total)
            dialog.setValue(done)
            QCoreApplication.processEvents()
            if dialog.wasCanceled():
                raise _Cancelled

        try:
            yield report
        finally:
            dialog.close()
            dialog.deleteLater()

    def _preview(
        self, title: str, files: list[transfer.ImportFile]
    ) -> transfer.ImportReport | None:
        try:
            with self._progress(self.tr("Checking the files…")) as progress:
                return transfer.import_files(
                    self.ctx.db, files, self.ctx.today(), dry_run=True, progress=progress
                )[1]
        except _Cancelled:
            self._status(self.tr("Import cancelled; nothing was imported."))
            return None
        except transfer.ImportRefused as exc:
            return exc.report
        except (sv.ServiceError, AmountError, StorageError) as exc:
            self.ctx.interaction.error(self.window, title, describe(exc))
            return None


def install(window: Any, menu: QMenu) -> None:
    """Add Export/Import/Export calendar actions to the File menu of ``window``; the actions
    are kept as ``window.transfer_actions``."""
    window.transfer_actions = TransferActions(window, menu)

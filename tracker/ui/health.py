"""The start-up health check: the fast audit, run after the window has filled, off the GUI
thread, and a clear warning with the way out when it finds anything.

``services.audit.quick_audit`` (``quick_check``, ``foreign_key_check`` and the SQL checks of
the stored derived columns) reads in its own read-only connection, so it neither delays the
first paint nor blocks a click; its result comes back to the GUI thread through a queued
signal. Nothing is shown when the file is sound.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

if TYPE_CHECKING:
    from tracker.services.audit import AuditReport
    from tracker.storage import Database

__all__ = ["HealthCheck", "check_later", "problem_lines", "warning_text"]

SHOWN_LINES = 5


def problem_lines(report: AuditReport) -> list[str]:
    """What the fast audit found, as lines (empty when nothing is wrong)."""
    lines = [] if report.integrity == ("ok",) else list(report.integrity)
    return lines + list(report.foreign_keys) + list(report.mismatches)


def warning_text(path: object, lines: list[str]) -> str:
    """The warning for a database the fast audit found problems in, translated."""
    head = QCoreApplication.translate(
        "Health", "The check at start-up found problems in %1 (%2 in all):"
    )
    head = head.replace("%1", str(path)).replace("%2", str(len(lines)))
    shown = "\n".join(f"• {line}" for line in lines[:SHOWN_LINES])
    if len(lines) > SHOWN_LINES:
        more = QCoreApplication.translate("Health", "… and %1 more.")
        shown += "\n" + more.replace("%1", str(len(lines) - SHOWN_LINES))
    way_out = QCoreApplication.translate(
        "Health",
        "Totals shown may be wrong. Restore a backup with File ▸ Restore from backup…, and "
        "avoid recording payments in this file until then.",
    )
    return f"{head}\n\n{shown}\n\n{way_out}"


class HealthCheck(QObject):
    """Runs the fast audit in a worker thread and warns on the GUI thread."""

    finished = Signal(object)
    """Emitted (queued to the GUI thread) with the list of problem lines."""

    def __init__(self, parent: QWidget, db: Database) -> None:
        super().__init__(parent)
        self.window = parent
        self.db = db
        self.lines: list[str] | None = None
        self.finished.connect(self._show)

    def start(self) -> None:
        threading.Thread(target=self._run, name="health-check", daemon=True).start()

    def _run(self) -> None:
        from tracker.services.audit import quick_audit
        from tracker.storage import StorageError

        try:
            lines = problem_lines(quick_audit(self.db))
        except StorageError as exc:
            lines = [str(exc)]
        except Exception as exc:
            lines = [f"{type(exc).__name__}: {exc}"]
        self.finished.emit(lines)

    def _show(self, lines: Any) -> None:
        self.lines = list(lines)
        if not self.lines:
            return
        title = QCoreApplication.translate("Health", "Your database needs attention")
        box = QMessageBox(QMessageBox.Icon.Warning, title, warning_text(self.db.path, self.lines))
        box.setParent(self.window, box.windowFlags())
        box.setObjectName("health_warning")
        box.open()


def check_later(window: QWidget, db: Database, delay_ms: int = 0) -> HealthCheck:
    """Start the fast audit once the event loop runs (after the window filled)."""
    check = HealthCheck(window, db)
    QTimer.singleShot(delay_ms, check, check.start)
    return check

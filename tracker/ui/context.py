"""The application context: one object, built in app.py, handed to every screen.

It owns the database, the settings, the prompt seam and the clock, runs every user action
through ``act`` (one service call, errors shown as messages in the UI's language, an undo
entry, then a ``changed`` notice so each screen refreshes what it shows).

Importing it costs no SQLAlchemy: the services, the storage and the error texts are imported
when first used, and the database may be attached after the window has painted
(``attach_database``), so the window opens before the ORM is loaded.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any, TypeVar, cast

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QWidget

from .interaction import Interaction
from .settings_store import Settings

if TYPE_CHECKING:
    from tracker import services as sv
    from tracker.storage import Database

T = TypeVar("T")


@dataclass(frozen=True)
class UndoEntry:
    """A label for the Edit menu and how to undo the action."""

    label: str
    undo: Callable[[], sv.Change]


def _refusals() -> tuple[type[Exception], ...]:
    """The errors an action may be refused with (imported on first use)."""
    from tracker.domain.money import AmountError
    from tracker.services import ServiceError
    from tracker.storage import StorageError

    return ServiceError, AmountError, StorageError


class AppContext(QObject):
    """Database, settings, prompts and clock for the whole GUI."""

    changed = Signal(object)
    """Emitted with a ``services.Change`` after every action (and after an undo)."""
    database_replaced = Signal()
    """Emitted when another database file was opened: every screen reloads."""
    undo_changed = Signal()
    """Emitted when the undo stack changed."""

    def __init__(
        self,
        db: Database | None,
        settings: Settings,
        interaction: Interaction | None = None,
        today: Callable[[], date] = date.today,
    ) -> None:
        super().__init__()
        self.db = cast("Database", db)  # None only until attach_database, before any screen
        self.settings = settings
        self.interaction = interaction or Interaction()
        self._today = today
        self._undo: list[UndoEntry] = []
        self._date_writes(db)

    def attach_database(self, db: Database) -> None:
        """Give the context its database when it was built without one (at start-up)."""
        self.db = db
        self._date_writes(db)

    def _date_writes(self, db: Database | None) -> None:
        """Date the writes whose service takes no ``as_of`` (archive, delete, undo) by this
        context's today too: the calendar feed's revisions count from it."""
        if db is not None:
            db.today = self._today

    @property
    def read_only(self) -> bool:
        """Whether the database was opened read-only: every action that writes is disabled."""
        return self.db is not None and bool(getattr(self.db, "read_only", False))

    def refuse_if_read_only(self, parent: QWidget | None) -> bool:
        """On a read-only database, say why nothing can be changed and return True (the
        caller stops); False otherwise. Guards every way into an action that writes (a
        double-click, a shortcut), besides the disabled buttons and menu entries."""
        if not self.read_only:
            return False
        from tracker.storage import ReadOnlyDatabaseError

        from .errors import describe

        title = QCoreApplication.translate("AppContext", "Read-only database")
        self.interaction.error(parent, title, describe(ReadOnlyDatabaseError(str(self.db.path))))
        return True

    @property
    def has_database(self) -> bool:
        """Whether a database is attached yet."""
        return self.db is not None

    def today(self) -> date:
        """Today's date (injected so tests control it)."""
        return self._today()

    @property
    def reminder_days(self) -> int:
        """The reminder window from the settings."""
        return self.settings.reminder_days

    def act(
        self,
        parent: QWidget | None,
        label: str,
        func: Callable[..., T],
        *args: Any,
        plan_id: int | None = None,
        undo: Callable[[T], Callable[[], sv.Change]] | None = None,
        on_error: Callable[[str], None] | None = None,
        **kwargs: Any,
    ) -> T | None:
        """Run one user action; show its error and return None if it is refused.

        With ``plan_id`` the plan is captured first so the action can be undone by restoring
        it; ``undo`` gives another way (e.g. deleting a plan just added). ``on_error`` receives
        the refusal's message (``errors.describe``: translated) instead of a message box, for
        dialogs that show it in place.
        """
        from tracker import services as sv

        from .errors import describe

        try:
            snapshot = sv.snapshot_plan(self.db, plan_id) if plan_id is not None else None
            result = func(self.db, *args, **kwargs)
        except _refusals() as exc:
            if on_error is not None:
                on_error(describe(exc))  # a dialog shows the refusal in place
            else:
                self.interaction.error(parent, label, describe(exc))
            return None
        change = result[0] if isinstance(result, tuple) else result
        if undo is not None:
            self._push(UndoEntry(label, undo(result)))
        elif snapshot is not None:
            self._push(UndoEntry(label, lambda: sv.restore_plan(self.db, snapshot)))
        if isinstance(change, sv.Change):
            self.changed.emit(change)
        return result

    def _push(self, entry: UndoEntry) -> None:
        self._undo.append(entry)
        del self._undo[:-50]
        self.undo_changed.emit()

    def undo_label(self) -> str | None:
        """What Ctrl+Z would undo, or None."""
        return self._undo[-1].label if self._undo else None

    def undo(self, parent: QWidget | None = None) -> bool:
        """Undo the last action; False when there is nothing to undo or it failed."""
        if not self._undo:
            return False
        from tracker.services import ServiceError
        from tracker.storage import StorageError

        from .errors import describe

        entry = self._undo.pop()
        self.undo_changed.emit()
        try:
            change = entry.undo()
        except (ServiceError, StorageError) as exc:
            self.interaction.error(parent, entry.label, describe(exc))
            return False
        self.changed.emit(change)
        return True

    def replace_database(self, db: Database) -> None:
        """Switch to another database file; undo history belongs to the old one."""
        old, self.db = self.db, db
        self._date_writes(db)
        self._undo.clear()
        self.undo_changed.emit()
        old.close()
        self.database_replaced.emit()

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
from datetime import date
from functools import partial
from typing import TYPE_CHECKING, Any, TypeVar, cast

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QWidget

from .interaction import Interaction
from .settings_store import Settings

if TYPE_CHECKING:
    from tracker import services as sv
    from tracker.storage import Database
    from tracker.storage.quick_open import ReadConnection

T = TypeVar("T")


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
    status = Signal(str)
    """A one-line confirmation for the status bar ("Recorded ¥321.60 for 小米手机")."""

    def __init__(
        self,
        db: Database | None,
        settings: Settings,
        interaction: Interaction | None = None,
        today: Callable[[], date] = date.today,
    ) -> None:
        super().__init__()
        self._db = db  # None only until attach_database, before any screen
        self._reader: ReadConnection | None = None
        self._opener: Callable[[], Database | None] | None = None
        self.settings = settings
        self.interaction = interaction or Interaction()
        self._today = today
        self.undo_stack = QUndoStack(self)
        self.undo_stack.setUndoLimit(50)
        self.undo_stack.indexChanged.connect(self.undo_changed)
        self.undo_parent: QWidget | None = None
        """The widget an undo or redo refusal is shown over."""
        self.step_ok = True
        """Whether the last undo or redo went through (an ``ActionCommand`` sets it)."""
        self._date_writes(db)

    @property
    def db(self) -> Database:
        """The database. At start-up, while only the quick reader is attached
        (``attach_reader``), the first use opens it at once (``open_now``)."""
        if self._db is None and self._opener is not None:
            self.open_now()
        return cast("Database", self._db)

    @db.setter
    def db(self, db: Database) -> None:
        self._db = db

    @property
    def reader(self) -> Database | ReadConnection:
        """Where plain-SQL reads (``dashboard``) run: the database, or before it is open the
        start-up path's read-only connection (``storage.quick_open``: no SQLAlchemy)."""
        if self._db is None and self._reader is not None:
            return self._reader
        return self.db

    def attach_reader(self, reader: ReadConnection, opener: Callable[[], Database | None]) -> None:
        """At start-up, before the database is opened: read through ``reader`` meanwhile, and
        open the database with ``opener`` (None: it could not be, and the user was told) when
        it is first needed or ``open_now`` is called."""
        self._reader, self._opener = reader, opener

    def open_now(self) -> bool:
        """Open the database now if only the reader is attached; whether one is open."""
        opener, self._opener = self._opener, None
        if self._db is None and opener is not None:
            db = opener()
            if db is None:
                from tracker.storage import StorageError

                raise StorageError("The database could not be opened.")
            self.attach_database(db)
        return self._db is not None

    def attach_database(self, db: Database) -> None:
        """Give the context its database when it was built without one (at start-up)."""
        self._db = db
        self._date_writes(db)
        reader, self._reader = self._reader, None
        if reader is not None:
            reader.close()

    def _date_writes(self, db: Database | None) -> None:
        """Date the writes whose service takes no ``as_of`` (archive, delete, undo) by this
        context's today too: the calendar feed's revisions count from it."""
        if db is not None:
            db.today = self._today

    @property
    def read_only(self) -> bool:
        """Whether the database was opened read-only: every action that writes is disabled."""
        if self._db is None and self._reader is not None:
            return self._reader.read_only
        return self._db is not None and bool(getattr(self._db, "read_only", False))

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
        """Whether a database is attached yet (or its start-up reader, ``attach_reader``)."""
        return self._db is not None or self._reader is not None

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
        done: str | None = None,
        **kwargs: Any,
    ) -> T | None:
        """Run one user action; show its error and return None if it is refused.

        With ``plan_id`` the plan is captured first so the action can be undone by restoring
        it; ``undo`` gives another way (e.g. deleting a plan just added). ``on_error`` receives
        the refusal's message (``errors.describe``: translated) instead of a message box, for
        dialogs that show it in place. On success ``done`` (else ``label``) is announced on
        ``status`` for the status bar.
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
        touched = change.plan_ids if isinstance(change, sv.Change) else frozenset()
        step: Callable[[], sv.Change] | None = None
        if undo is not None:
            step = undo(result)
        elif snapshot is not None:
            step = partial(sv.restore_plan, self.db, snapshot)
            touched = touched | {snapshot.plan_id}
        if step is not None:
            from .undo_stack import ActionCommand

            self.undo_stack.push(ActionCommand(self, label, frozenset(touched), step))
        if isinstance(change, sv.Change):
            self.changed.emit(change)
        self.notify(done or label)
        return result

    def notify(self, text: str) -> None:
        """Confirm something in the status bar."""
        self.status.emit(text)

    def undo_label(self) -> str | None:
        """What Ctrl+Z would undo, or None."""
        return self.undo_stack.undoText() if self.undo_stack.canUndo() else None

    def redo_label(self) -> str | None:
        """What Ctrl+Shift+Z / Ctrl+Y would redo, or None."""
        return self.undo_stack.redoText() if self.undo_stack.canRedo() else None

    def undo(self, parent: QWidget | None = None) -> bool:
        """Undo the last action; False when there is nothing to undo or it failed."""
        return self._step(parent, redo=False)

    def redo(self, parent: QWidget | None = None) -> bool:
        """Redo the last undone action exactly; False when there is none or it failed."""
        return self._step(parent, redo=True)

    def _step(self, parent: QWidget | None, redo: bool) -> bool:
        stack = self.undo_stack
        if not (stack.canRedo() if redo else stack.canUndo()):
            return False
        self.undo_parent, self.step_ok = parent, True
        try:
            stack.redo() if redo else stack.undo()
        finally:
            self.undo_parent = None
        return self.step_ok

    def replace_database(self, db: Database) -> None:
        """Switch to another database file; undo history belongs to the old one."""
        old, self.db = self.db, db
        self._date_writes(db)
        self.undo_stack.clear()
        self.undo_changed.emit()
        old.close()
        self.database_replaced.emit()

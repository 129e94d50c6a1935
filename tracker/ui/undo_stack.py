"""Undo and redo through Qt's ``QUndoStack``: every undoable action is one command.

An action has already run when its command is pushed (the first ``redo`` does nothing).
Undo puts the plans back as they were before the action; before it does, the plans as they are
now are captured, and redo puts exactly those rows back (same ids, amounts to the fen,
payments and their allocation) in one transaction. A command whose undo or redo is refused
(the file became read-only, the plan was changed elsewhere) says why and leaves the stack.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

if TYPE_CHECKING:
    from tracker import services as sv


class ActionCommand(QUndoCommand):
    """One recorded action: ``undo`` restores the plans before it, ``redo`` the plans after."""

    def __init__(
        self,
        ctx: Any,  # the AppContext (not imported: it imports this module)
        label: str,
        plan_ids: frozenset[int],
        undo: Callable[[], sv.Change],
    ) -> None:
        super().__init__(label)
        self._ctx = ctx
        self._plan_ids = plan_ids
        self._undo = undo
        self._after: sv.PlansState | None = None
        self._pushed = False

    def redo(self) -> None:
        if not self._pushed:  # QUndoStack.push calls redo: the action itself already ran
            self._pushed = True
            return
        after = self._after
        if after is None:
            self._fail(QCoreApplication.translate("AppContext", "Nothing to redo."))
            return
        from tracker import services as sv

        self._run(lambda: sv.restore_plans(self._ctx.db, after), redo=True)

    def undo(self) -> None:
        from tracker import services as sv

        def run() -> sv.Change:
            self._after = sv.snapshot_plans(self._ctx.db, self._plan_ids)
            return self._undo()

        self._run(run, redo=False)

    def _run(self, step: Callable[[], sv.Change], redo: bool) -> None:
        from tracker.services import ServiceError
        from tracker.storage import StorageError

        from .errors import describe

        try:
            change = step()
        except (ServiceError, StorageError) as exc:
            self._fail(describe(exc))
            return
        self._ctx.changed.emit(change)
        if redo:
            text = QCoreApplication.translate("AppContext", "Redone: %1")
        else:
            text = QCoreApplication.translate("AppContext", "Undone: %1")
        self._ctx.notify(text.replace("%1", self.text()))

    def _fail(self, message: str) -> None:
        self._ctx.step_ok = False
        self.setObsolete(True)  # the stack drops a command that cannot be undone or redone
        self._ctx.interaction.error(self._ctx.undo_parent, self.text(), message)

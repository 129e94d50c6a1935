"""Keys of the Plans screen: Esc clears the search, Enter opens the selected plan, and Enter
or Down in the search box moves to the first matching plan."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QItemSelectionModel, QObject, Qt
from PySide6.QtGui import QKeyEvent

_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class PlansKeys(QObject):
    """An event filter on the search box and the table of a ``PlansScreen``."""

    def __init__(self, screen: Any) -> None:
        super().__init__(screen)
        self.screen = screen
        screen.search.installEventFilter(self)
        screen.table.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        key, plain = (
            event.key(),
            event.modifiers()
            in (
                Qt.KeyboardModifier.NoModifier,
                Qt.KeyboardModifier.KeypadModifier,
            ),
        )
        screen = self.screen
        if not plain:
            return False
        if key == Qt.Key.Key_Escape and screen.search.text():
            screen.search.clear()  # Esc clears the search, wherever the focus is on the screen
            return True
        if watched is screen.search and (key in _ENTER or key == Qt.Key.Key_Down):
            self.to_first_match()
            return True
        if watched is screen.table and key in _ENTER and screen.selected_id() is not None:
            screen.edit_selected()
            return True
        return False

    def to_first_match(self) -> None:
        """Move from the search box to the table, the first match selected (if none is)."""
        screen = self.screen
        if not screen.proxy.rowCount():
            return
        if screen.selected_id() is None:
            flags = (
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows
            )
            screen.table.selectionModel().setCurrentIndex(screen.proxy.index(0, 0), flags)
        screen.table.setFocus(Qt.FocusReason.ShortcutFocusReason)


def install(screen: Any) -> PlansKeys:
    """Give ``screen`` its keys (kept as ``screen.keys``)."""
    keys = PlansKeys(screen)
    screen.keys = keys
    return keys

"""Screens redraw only if shown (Anki's ``refresh_if_needed``): what a change means to a screen.

A ``Freshness`` sits on a screen and listens to the context. When a ``services.Change`` arrives
and the screen is on screen (its tab is current), the screen's ``update(change)`` updates the
rows the change names; when it is not, the screen only becomes stale and reloads once it is
shown again (a Show event, or ``refresh_if_needed`` from the tab switch). Another database file
makes every screen reload, the shown one at once.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from tracker.services import Change

    from .context import AppContext


def on_screen(widget: QWidget) -> bool:
    """Whether ``widget`` shows in its window: no ancestor up to the window is hidden (as a
    QTabWidget hides the pages of the other tabs). A screen that is a window of its own, or
    sits on the current tab of a window not shown yet, counts as on screen."""
    w: QWidget | None = widget
    while w is not None and not w.isWindow():
        if w.isHidden():
            return False
        w = w.parentWidget()
    return True


class Freshness(QObject):
    """Routes the context's notices to a screen: update when shown, else mark stale."""

    def __init__(
        self,
        screen: QWidget,
        ctx: AppContext,
        refresh: Callable[[], None],
        update: Callable[[Change], None] | None = None,
    ) -> None:
        super().__init__(screen)  # a child: its connections go with the screen
        self._screen = screen
        self._refresh = refresh
        self._update = update
        self.stale = False
        ctx.changed.connect(self._on_changed)
        ctx.database_replaced.connect(self._on_replaced)
        screen.installEventFilter(self)

    def _on_changed(self, change: Change) -> None:
        if self.stale:
            return  # a full reload is due anyway
        if not on_screen(self._screen):
            self.stale = True
        elif self._update is not None:
            self._update(change)
        else:
            self._refresh()

    def _on_replaced(self) -> None:
        self.stale = True
        if on_screen(self._screen):
            self.refresh_if_needed()

    def refresh_if_needed(self) -> None:
        """Reload now if a change arrived while the screen was hidden."""
        if self.stale:
            self.stale = False
            self._refresh()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # While Python tears this object down, Qt may still deliver events to the filter after
        # its attributes are gone: then there is nothing to refresh.
        screen = getattr(self, "_screen", None)
        if screen is not None and watched is screen and event.type() == QEvent.Type.Show:
            self.refresh_if_needed()
        return False

"""Run something once a widget has painted: start-up's slow steps wait until the Overview's
data is on screen (a zero timer can run before the paint it should follow)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

__all__ = ["after_paint"]


class _PaintWatch(QObject):
    def __init__(self, widget: QWidget, then: Callable[[], None], drop: bool) -> None:
        super().__init__(QCoreApplication.instance())
        self.widget: QWidget | None = widget
        self.then: Callable[[], None] | None = then
        self.drop = drop
        widget.installEventFilter(self)
        widget.destroyed.connect(self._forget)

    def _forget(self) -> None:
        self.widget = None
        if self.drop:
            self.then = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and watched is self.widget:
            QTimer.singleShot(0, self.fire)  # after the paint has reached the screen
        return False

    def fire(self) -> None:
        then, self.then = self.then, None
        if then is None:
            return
        if self.widget is not None:
            self.widget.removeEventFilter(self)
        self.deleteLater()
        then()


def after_paint(
    widget: QWidget, then: Callable[[], None], timeout_ms: int = 1000, keep: bool = False
) -> None:
    """Call ``then`` once, right after ``widget`` next paints, or after ``timeout_ms`` if it does
    not (hidden, or covered). If ``widget`` is deleted first, ``then`` is dropped (it belonged
    to it), unless ``keep``: then it runs at the timeout."""
    watch = _PaintWatch(widget, then, drop=not keep)
    QTimer.singleShot(timeout_ms, watch.fire)

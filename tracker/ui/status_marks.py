"""Status icons and the late-day badge, drawn in the palette's status colours.

HomeBank marks late scheduled items with an icon and a count of days; here every status has a
small icon of its own shape as well as its colour (a triangle with "!" for overdue, a circle
with "!" for grace, a clock for due soon, a check for paid), so colour is never the only sign,
and ``BadgeDelegate`` draws a column's text as a rounded badge in the row's status colour
("12 days late" / "逾期 12 天").
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QFont, QIcon, QPainter, QPainterPath, QPen, QPixmap
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from tracker.domain.ledger import Status

from . import palette

__all__ = ["BadgeDelegate", "status_icon"]

SIZE = 16
_icons: dict[tuple[str, bool], QIcon] = {}


def status_icon(status: Status | str | None) -> QIcon | None:
    """The icon of a status in the current theme (None for statuses drawn plainly)."""
    tone = palette.status_tone(status)
    if tone is None:
        return None
    pal = palette.current()
    key = (tone, pal.dark)
    icon = _icons.get(key)
    if icon is None:
        icon = _icons[key] = QIcon(_draw(tone, pal))
    return icon


def _draw(tone: str, pal: palette.Palette) -> QPixmap:
    pix = QPixmap(SIZE * 2, SIZE * 2)  # drawn at 2x: crisp on high-DPI screens
    pix.fill(palette.qcolor(palette.TRANSPARENT))
    pix.setDevicePixelRatio(2.0)
    p = QPainter(pix)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    colour = palette.qcolor(getattr(pal, tone))
    mark = palette.qcolor(pal.badge_text)
    s = float(SIZE)
    if tone == "overdue":
        path = QPainterPath(QPointF(s / 2, 1.5))
        path.lineTo(s - 1, s - 2)
        path.lineTo(1, s - 2)
        path.closeSubpath()
        p.fillPath(path, colour)
        _exclamation(p, mark, s, top=6.0)
    elif tone == "grace":
        p.setBrush(colour)
        p.setPen(Qt.PenStyle.NoPen)
        p.drawEllipse(QRectF(1.5, 1.5, s - 3, s - 3))
        _exclamation(p, mark, s, top=4.5)
    elif tone == "soon":
        p.setPen(QPen(colour, 1.8))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawEllipse(QRectF(2, 2, s - 4, s - 4))
        p.drawLine(QPointF(s / 2, s / 2), QPointF(s / 2, 4.8))
        p.drawLine(QPointF(s / 2, s / 2), QPointF(s - 5, s / 2))
    else:  # paid
        p.setPen(QPen(colour, 2.2, c=Qt.PenCapStyle.RoundCap))
        p.drawPolyline([QPointF(3, s / 2 + 0.5), QPointF(6.5, s - 4), QPointF(s - 3, 4)])
    p.end()
    return pix


def _exclamation(p: QPainter, colour: Any, s: float, top: float) -> None:
    p.setPen(QPen(colour, 2.0, c=Qt.PenCapStyle.RoundCap))
    p.drawLine(QPointF(s / 2, top), QPointF(s / 2, s - 6.5))
    p.drawPoint(QPointF(s / 2, s - 4.0))


class BadgeDelegate(QStyledItemDelegate):
    """Draws a column's text as a rounded badge filled with the colour of ``tone(index)``
    (a status tone name, or None: plain text)."""

    def __init__(
        self,
        tone: Callable[[QModelIndex | QPersistentModelIndex], str | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._tone = tone

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        text = index.data()
        tone = self._tone(index)
        if not text or tone is None:
            super().paint(painter, option, index)
            return
        pal = palette.current()
        style = option.widget.style() if option.widget else None
        if style is not None:  # the row's selection and tint stay behind the badge
            plain = QStyleOptionViewItem(option)
            self.initStyleOption(plain, index)
            plain.text = ""
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, plain, painter, option.widget)
        font = QFont(option.font)
        font.setBold(True)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setFont(font)
        fm = painter.fontMetrics()
        width = fm.horizontalAdvance(text) + 14
        height = fm.height() + 4
        rect = QRectF(option.rect)
        box = QRectF(
            rect.right() - width - 6, rect.center().y() - height / 2, width, height
        )  # right-aligned like the numbers
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(palette.qcolor(getattr(pal, tone)))
        painter.drawRoundedRect(box, height / 2, height / 2)
        painter.setPen(palette.qcolor(pal.badge_text))
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)
        painter.restore()

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        size = super().sizeHint(option, index)
        return QSize(size.width() + 26, size.height())

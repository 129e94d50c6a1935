"""Every colour the app draws, in one place: one colour per installment status on every screen.

Overdue is red, in grace amber, due soon (and due today) teal, paid grey, on the calendar, in
every table, on the overview's cards and charts and on printed pages. Each colour has a light
and a dark variant (``LIGHT``, ``DARK``); screens ask ``current()`` (the application palette's
lightness decides) or ``for_widget(widget)`` and never spell a colour themselves — a test scans
``tracker/ui`` and fails on any colour literal outside this module.

The foreground colours are chosen to read at ≥ 4.5:1 (WCAG AA) on the theme's base and window
colours (``contrast`` computes it; the tests check it), so status words and secondary labels
stay legible in both themes.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:  # not at run time: the window paints before the domain loads
    from tracker.domain.ledger import Status


__all__ = [
    "DARK",
    "LIGHT",
    "PLAN_COLOURS",
    "PRINT",
    "TRANSPARENT",
    "Palette",
    "PrintColours",
    "contrast",
    "current",
    "for_widget",
    "qcolor",
    "status_tone",
]


@dataclass(frozen=True)
class Palette:
    """The colours of one theme, as ``#rrggbb`` text (usable in stylesheets and matplotlib).

    Status tones: ``overdue`` (red), ``grace`` (amber), ``soon`` (due soon and due today,
    teal), ``paid`` (grey); each ``*_bg`` is a tint behind a late row or calendar cell.
    ``grace_fill`` is a brighter amber for chart areas (not text).
    ``secondary`` is the colour of captions and hints; ``error`` of messages that refuse input.
    The theme's own colours (``window``, ``base``, ``text``) are what Fusion draws with.
    """

    dark: bool
    window: str
    base: str
    text: str
    overdue: str
    overdue_bg: str
    grace: str
    grace_fill: str
    grace_bg: str
    soon: str
    soon_bg: str
    paid: str
    secondary: str
    error: str
    today: str
    selected: str
    outside: str
    grid: str
    chart_grid: str
    chart_band: str
    accent: str
    badge_text: str
    banner_bg: str
    banner_border: str
    banner_text: str
    highlight: str
    placeholder: str
    disabled: str

    def tone(self, status: Status | str | None) -> str | None:
        """The foreground colour of a status (None: the normal text colour)."""
        name = status_tone(status)
        return getattr(self, name) if name else None

    def tint(self, status: Status | str | None) -> str | None:
        """The background tint of a status (None: no tint)."""
        name = status_tone(status)
        return getattr(self, name + "_bg") if name in ("overdue", "grace", "soon") else None


def status_tone(status: Status | str | None) -> str | None:
    """Which tone a status is drawn in: "overdue", "grace", "soon", "paid" or None."""
    value = getattr(status, "value", status)  # a Status (a StrEnum) or its text
    return {
        "overdue": "overdue",
        "grace": "grace",
        "due_soon": "soon",
        "due_today": "soon",
        "soon": "soon",
        "paid": "paid",
        "closed": "paid",
        "archived": "paid",
        "muted": "paid",
        "struck": "paid",
    }.get(value or "")


LIGHT = Palette(
    dark=False,
    window="#efefef",
    base="#ffffff",
    text="#000000",
    overdue="#c62828",
    overdue_bg="#fdecea",
    grace="#935b00",
    grace_fill="#e39a2d",
    grace_bg="#fff3dc",
    soon="#00695c",
    soon_bg="#e0f2ef",
    paid="#6b6b6b",
    secondary="#595959",
    error="#c62828",
    today="#1565c0",
    selected="#e3f0fc",
    outside="#f4f4f4",
    grid="#d0d0d0",
    chart_grid="#dddddd",
    chart_band="#eef3f9",
    accent="#1a5fb4",
    badge_text="#ffffff",
    banner_bg="#fff4d6",
    banner_border="#e0b84c",
    banner_text="#5a4300",
    highlight="#2a82da",
    placeholder="#666666",
    disabled="#787878",
)

DARK = Palette(
    dark=True,
    window="#2d2d30",
    base="#1e1e20",
    text="#e6e6e6",
    overdue="#ff7b72",
    overdue_bg="#4a2323",
    grace="#f0b45a",
    grace_fill="#d9962f",
    grace_bg="#3d3020",
    soon="#4dd0c0",
    soon_bg="#193935",
    paid="#a8a8a8",
    secondary="#b4b4b4",
    error="#ff7b72",
    today="#64b5f6",
    selected="#1f3a56",
    outside="#2b2b2e",
    grid="#555555",
    chart_grid="#4a4a4a",
    chart_band="#34363b",
    accent="#8ab4f8",
    badge_text="#1e1e20",
    banner_bg="#3d3320",
    banner_border="#8a6d2b",
    banner_text="#f3e3b5",
    highlight="#2a82da",
    placeholder="#a0a0a0",
    disabled="#787878",
)


PLAN_COLOURS = (
    "#1f77b4",
    "#ff7f0e",
    "#2ca02c",
    "#9467bd",
    "#8c564b",
    "#e377c2",
    "#17becf",
    "#bcbd22",
    "#7f7f7f",
)
"""Plan colours in charts (matplotlib's tab10 without its red, which means overdue)."""
TRANSPARENT = "#00000000"
"""Nothing (the background of drawn icons)."""
OTHER_PLANS = "#b0b0b0"
"""The "other plans" group in charts."""


@dataclass(frozen=True)
class PrintColours:
    """Printed pages are always light: ink on white paper, late items red, soon ones teal."""

    ink: str = "#202020"
    muted: str = "#6b6b6b"
    late: str = LIGHT.overdue
    late_bg: str = LIGHT.overdue_bg
    grace: str = LIGHT.grace
    soon: str = LIGHT.soon
    outside_bg: str = "#f3f3f3"
    rule: str = "#9e9e9e"
    today: str = LIGHT.today
    head_bg: str = "#e8e8e8"


PRINT = PrintColours()


def qcolor(value: str) -> QColor:
    """A palette colour as a ``QColor``."""
    return QColor(value)


def _is_dark(pal: QPalette) -> bool:
    return pal.color(QPalette.ColorRole.Base).lightness() < 128


def current() -> Palette:
    """The palette of the application's theme (light unless its base colour is dark)."""
    return DARK if _is_dark(QGuiApplication.palette()) else LIGHT


def for_widget(widget: QWidget) -> Palette:
    """The palette matching a widget's own colours (dark when its window colour is dark)."""
    return DARK if widget.palette().color(QPalette.ColorRole.Window).lightness() < 128 else LIGHT


def _luminance(colour: str) -> float:
    c = QColor(colour)
    channels = []
    for v in (c.redF(), c.greenF(), c.blueF()):
        channels.append(v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4)
    r, g, b = channels
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(foreground: str, background: str) -> float:
    """The WCAG 2 contrast ratio of two colours (1.0 … 21.0)."""
    a, b = sorted((_luminance(foreground), _luminance(background)), reverse=True)
    return (a + 0.05) / (b + 0.05)


def error_style() -> str:
    """The stylesheet of a message that refuses input (red in the current theme)."""
    return f"color: {current().error};"


def warning_style() -> str:
    """The stylesheet of a caution that never blocks (amber, the grace tone)."""
    return f"color: {current().grace};"


def invalid_border() -> str:
    """The stylesheet body that marks an input field holding something invalid."""
    return f"border: 1px solid {current().error}; border-radius: 2px; padding: 1px;"


def secondary_style() -> str:
    """The stylesheet of captions and secondary labels (≥ 4.5:1 on the theme's background)."""
    return f"color: {current().secondary};"


def banner_style(name: str) -> str:
    """The stylesheet of a notice banner frame named ``name`` and its labels."""
    p = current()
    return (
        f"QFrame#{name} {{ background: {p.banner_bg}; border: 1px solid {p.banner_border};"
        f" border-radius: 4px; }} QFrame#{name} QLabel {{ color: {p.banner_text}; }}"
    )

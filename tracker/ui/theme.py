"""Light and dark themes: Fusion with an explicit palette (works without a desktop)."""

from __future__ import annotations

from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from .palette import DARK, qcolor


def apply_theme(app: QApplication, theme: str) -> None:
    """Apply "light" or "dark"."""
    app.setStyle("Fusion")
    if theme != "dark":
        app.setPalette(app.style().standardPalette())
        return
    p = QPalette()
    dark, base, text = qcolor(DARK.window), qcolor(DARK.base), qcolor(DARK.text)
    roles = {
        QPalette.ColorRole.Window: dark,
        QPalette.ColorRole.WindowText: text,
        QPalette.ColorRole.Base: base,
        QPalette.ColorRole.AlternateBase: dark,
        QPalette.ColorRole.ToolTipBase: dark,
        QPalette.ColorRole.ToolTipText: text,
        QPalette.ColorRole.Text: text,
        QPalette.ColorRole.Button: dark,
        QPalette.ColorRole.ButtonText: text,
        QPalette.ColorRole.BrightText: qcolor(DARK.overdue),
        QPalette.ColorRole.Highlight: qcolor(DARK.highlight),
        QPalette.ColorRole.HighlightedText: qcolor(DARK.badge_text),
        QPalette.ColorRole.PlaceholderText: qcolor(DARK.placeholder),
    }
    for role, colour in roles.items():
        p.setColor(role, colour)
    muted = qcolor(DARK.disabled)
    for role in (
        QPalette.ColorRole.Text,
        QPalette.ColorRole.ButtonText,
        QPalette.ColorRole.WindowText,
    ):
        p.setColor(QPalette.ColorGroup.Disabled, role, muted)
    app.setPalette(p)

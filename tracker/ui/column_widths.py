"""Column widths are kept per UI language: Chinese headers and texts need other widths than
English ones, so switching the language never shows columns sized for the other one."""

from __future__ import annotations

from PySide6.QtCore import QLocale


def per_language(key: str) -> str:
    """The settings key for ``key`` in the current UI language ("plans/header/zh_CN")."""
    return f"{key}/{QLocale().name()}"

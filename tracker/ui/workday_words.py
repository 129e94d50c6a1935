"""What the screens say about moving due dates off non-working days.

One place for the plan form's choice of calendar, the way a moved date is shown with its
original (``2026-02-24 (from 02-15)``, ``2026-02-24（原 02-15）``) and the note for the years a
calendar does not know (only weekends were skipped there), so the form, its preview, the plan
detail and the printed schedule say the same thing.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication

__all__ = ["calendar_choices", "calendar_label", "coverage_note", "moved_day"]


def calendar_choices() -> list[tuple[str, str | None]]:
    """The plan form's choices: no move, China with its make-up working days, then others."""
    return [
        (QCoreApplication.translate("Workdays", "(none)"), None),
        (QCoreApplication.translate("Workdays", "China (with 调休)"), "CN"),
        (QCoreApplication.translate("Workdays", "Hong Kong, China"), "HK"),
        (QCoreApplication.translate("Workdays", "Singapore"), "SG"),
        (QCoreApplication.translate("Workdays", "Japan"), "JP"),
        (QCoreApplication.translate("Workdays", "United States"), "US"),
        (QCoreApplication.translate("Workdays", "United Kingdom"), "GB"),
        (QCoreApplication.translate("Workdays", "Germany"), "DE"),
    ]


def calendar_label(code: str | None) -> str:
    """The calendar's name as the form lists it (the code itself for a country not listed)."""
    for label, value in calendar_choices():
        if value == code:
            return label
    return QCoreApplication.translate("Workdays", "Country code %1").replace("%1", str(code))


def moved_day(due: date, original: date | None) -> str:
    """A due date, with the date it was moved from when it was moved off a non-working day."""
    if original is None:
        return due.isoformat()
    short = original.strftime("%m-%d") if original.year == due.year else original.isoformat()
    return (
        QCoreApplication.translate("Workdays", "%1 (from %2)")
        .replace("%1", due.isoformat())
        .replace("%2", short)
    )


def coverage_note(code: str | None, years: tuple[int, ...]) -> str:
    """What to say when a plan's calendar does not know some of its years; empty otherwise."""
    if code is None or not years:
        return ""
    return (
        QCoreApplication.translate(
            "Workdays",
            "%1: no calendar for %2 yet; due dates there only skip weekends.",
        )
        .replace("%1", calendar_label(code))
        .replace("%2", ", ".join(str(y) for y in years))
    )

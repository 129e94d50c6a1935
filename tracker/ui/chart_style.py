"""What the overview charts look like: their translated texts and theme-aware colours.

Kept apart from the drawing code (``charts``) so the texts are translated in one place with
literal ``QCoreApplication.translate`` calls that lupdate finds, and the colours follow the
widget's palette (light or dark) without importing matplotlib.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QWidget

from tracker.domain.money import currency as currency_of

from . import palette
from .palette import OTHER_PLANS, PLAN_COLOURS

__all__ = [
    "OTHER_COLOUR",
    "PLAN_COLOURS",
    "ChartText",
    "Colours",
    "chart_text",
    "colours_for",
    "money_axis",
]

OTHER_COLOUR = OTHER_PLANS


@dataclass(frozen=True)
class ChartText:
    """Every piece of text the charts draw, already translated."""

    overdue: str
    grace: str
    past_due: str
    this_month: str
    total: str
    months: tuple[str, ...]
    month_year: str
    amount_axis: str
    balance_axis: str
    nothing: str
    other: str


def chart_text() -> ChartText:
    """The chart texts in the current UI language."""
    months = (
        QCoreApplication.translate("Charts", "Jan"),
        QCoreApplication.translate("Charts", "Feb"),
        QCoreApplication.translate("Charts", "Mar"),
        QCoreApplication.translate("Charts", "Apr"),
        QCoreApplication.translate("Charts", "May"),
        QCoreApplication.translate("Charts", "Jun"),
        QCoreApplication.translate("Charts", "Jul"),
        QCoreApplication.translate("Charts", "Aug"),
        QCoreApplication.translate("Charts", "Sep"),
        QCoreApplication.translate("Charts", "Oct"),
        QCoreApplication.translate("Charts", "Nov"),
        QCoreApplication.translate("Charts", "Dec"),
    )
    return ChartText(
        overdue=QCoreApplication.translate("Charts", "Overdue"),
        grace=QCoreApplication.translate("Charts", "In grace period"),
        past_due=QCoreApplication.translate("Charts", "Past due"),
        this_month=QCoreApplication.translate("Charts", "This month"),
        total=QCoreApplication.translate("Charts", "Total"),
        months=months,
        month_year=QCoreApplication.translate("Charts", "%1 %2", "%1 = month name, %2 = year"),
        amount_axis=QCoreApplication.translate("Charts", "Due per month"),
        balance_axis=QCoreApplication.translate("Charts", "Balance owed"),
        nothing=QCoreApplication.translate("Charts", "Nothing left to pay"),
        other=QCoreApplication.translate("Charts", "Other plans"),
    )


@dataclass(frozen=True)
class Colours:
    """Figure colours for the current theme."""

    background: str
    text: str
    muted: str
    grid: str
    overdue: str
    grace: str
    grace_text: str
    soon: str
    highlight: str
    accent: str
    dark: bool = False
    plans: dict[int, str] = field(default_factory=dict)

    def plan(self, plan_id: int, index: int) -> str:
        """A plan's colour: the one assigned by the overview, else by position."""
        if plan_id == -1:
            return OTHER_COLOUR
        return self.plans.get(plan_id, PLAN_COLOURS[index % len(PLAN_COLOURS)])


def colours_for(widget: QWidget, plans: dict[int, str] | None = None) -> Colours:
    """Colours matching the widget's palette (dark when its window colour is dark)."""
    pal = widget.palette()
    window = pal.color(QPalette.ColorRole.Window)
    dark = window.lightness() < 128
    tones = palette.DARK if dark else palette.LIGHT
    return Colours(
        background=window.name(),
        text=pal.color(QPalette.ColorRole.WindowText).name(),
        muted=tones.secondary,
        grid=tones.chart_grid,
        overdue=tones.overdue,
        grace=tones.grace_fill,
        grace_text=tones.grace,
        soon=tones.soon,
        highlight=tones.chart_band,
        accent=tones.accent,
        dark=dark,
        plans=dict(plans or {}),
    )


def money_axis(minor: float, code: str) -> str:
    """An axis tick: whole major units with the currency symbol ("¥1,200")."""
    return f"{currency_of(code).symbol}{minor:,.0f}"

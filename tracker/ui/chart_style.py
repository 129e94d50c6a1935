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
"""Plan colours (matplotlib's tab10 without its red, which means overdue)."""
OTHER_COLOUR = "#b0b0b0"


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
    return Colours(
        background=window.name(),
        text=pal.color(QPalette.ColorRole.WindowText).name(),
        muted="#a0a0a0" if dark else "#606060",
        grid="#505050" if dark else "#dddddd",
        overdue="#ff5252" if dark else "#c62828",
        grace="#e0a040" if dark else "#b26a00",
        highlight="#3a4a5e" if dark else "#e3eefa",
        accent="#8ab4f8" if dark else "#1a5fb4",
        dark=dark,
        plans=dict(plans or {}),
    )


def money_axis(minor: float, code: str) -> str:
    """An axis tick: whole major units with the currency symbol ("¥1,200")."""
    return f"{currency_of(code).symbol}{minor:,.0f}"

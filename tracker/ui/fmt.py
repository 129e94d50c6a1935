"""Display text for the GUI: money with the currency symbol, dates, percentages, statuses.

One formatter for every screen; sorting uses raw values through ``SORT_ROLE``, never this text.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from PySide6.QtCore import QCoreApplication, QDate

from tracker.domain.money import format_money, format_percent

CURRENCY_DISPLAYS = ("symbol", "code")
_display = {"style": "symbol"}


def set_currency_display(style: str) -> None:
    """Show amounts with the currency's symbol ("¥3,600.00") or its code ("CNY 3,600.00")."""
    _display["style"] = style if style in CURRENCY_DISPLAYS else "symbol"


def money(minor: int, currency: str = "CNY") -> str:
    """ "¥3,600.00", or "CNY 3,600.00" with the code display; grouped the same way in both
    UI languages."""
    if _display["style"] == "code":
        sign = "-" if minor < 0 else ""
        return f"{sign}{currency} {format_money(abs(minor), currency, symbol=False)}"
    return format_money(minor, currency)


def percent(fraction: Decimal) -> str:
    """ "13.03%"."""
    return f"{format_percent(fraction)}%"


def day(value: date | None) -> str:
    """ISO date (unambiguous in both languages), or an em dash."""
    return value.isoformat() if value else "—"


def qdate(value: date) -> QDate:
    """A Python date as a QDate."""
    return QDate(value.year, value.month, value.day)


def pydate(value: QDate) -> date:
    """A QDate as a Python date."""
    return date(value.year(), value.month(), value.day())


def status_label(status: str) -> str:
    """The translated label of an installment or plan status."""
    labels = {
        "paid": QCoreApplication.translate("Status", "Paid"),
        "partial": QCoreApplication.translate("Status", "Partly paid"),
        "upcoming": QCoreApplication.translate("Status", "Upcoming"),
        "due_soon": QCoreApplication.translate("Status", "Due soon"),
        "due_today": QCoreApplication.translate("Status", "Due today"),
        "grace": QCoreApplication.translate("Status", "In grace period"),
        "overdue": QCoreApplication.translate("Status", "Overdue"),
        "active": QCoreApplication.translate("Status", "Active"),
        "closed": QCoreApplication.translate("Status", "Paid off"),
        "archived": QCoreApplication.translate("Status", "Archived"),
    }
    return labels.get(status, status)


def model_label(model: str) -> str:
    """The translated name of a schedule model."""
    labels = {
        "flat": QCoreApplication.translate("Model", "Flat fee per period"),
        "total": QCoreApplication.translate("Model", "Total fee rate"),
        "annuity": QCoreApplication.translate("Model", "Equal installments (annuity)"),
        "equal_principal": QCoreApplication.translate("Model", "Equal principal"),
        "interest_free": QCoreApplication.translate("Model", "Interest-free"),
        "pay_in_n": QCoreApplication.translate("Model", "Pay in N (every 2 weeks)"),
        "custom": QCoreApplication.translate("Model", "Custom amounts"),
    }
    return labels.get(model, model)


# Marks a translatable string for lupdate without translating it at import time.
def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Return ``text`` unchanged; lupdate picks it up for ``context``."""
    return text

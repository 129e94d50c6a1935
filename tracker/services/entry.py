"""Checks every recorded payment's input shares (a payment, a payoff, a prepayment, a bill
payment): the plan is still open, the date is not in the future, and the method and note are
text a person can read, within ``MAX_TEXT`` characters."""

from __future__ import annotations

from datetime import date

from tracker.domain.errors import Phrase
from tracker.storage.models import PlanRecord

from .model import ServiceError
from .plans import check_text

__all__ = ["MAX_TEXT", "TEXT_NAMES", "check_open", "clean_text"]

MAX_TEXT = 1000
TEXT_NAMES = {"method": Phrase("method"), "note": Phrase("note")}


def check_open(rec: PlanRecord, on: date, as_of: date) -> None:
    """Refuse a payment on a plan paid off, or dated after ``as_of`` (today)."""
    if rec.closed_on is not None:
        raise ServiceError(
            "plan {id} ({name}) is paid off; nothing is owed", id=rec.id, name=rec.name
        )
    if on > as_of:
        raise ServiceError(
            "the date {date} is in the future; a payment is recorded "
            "on or after the day it is made",
            date=on,
        )


def clean_text(value: str, what: str) -> str:
    """``value`` trimmed, or ServiceError if it is not readable text or too long."""
    check_text(value, TEXT_NAMES[what], multiline=what == "note")
    value = value.strip()
    if len(value) > MAX_TEXT:
        raise ServiceError(
            "the {what} is longer than {most} characters",
            what=TEXT_NAMES.get(what, what),
            most=MAX_TEXT,
        )
    return value

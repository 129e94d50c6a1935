"""Column types for STRICT SQLite tables: what a Python value becomes on disk, exactly.

STRICT tables accept only INTEGER, REAL, TEXT, BLOB and ANY, so every richer type here is a
``TypeDecorator`` over INTEGER or TEXT that refuses a value it cannot store exactly:

- :class:`IsoDate` — ``datetime.date`` as ``YYYY-MM-DD`` TEXT (sorts and compares as text).
- :class:`DecimalText` — ``Decimal`` as its exact plain decimal string (``'0.006'``), never a
  float; NaN and Infinity are refused.
- :class:`StrictBool` — ``bool`` as INTEGER 0/1 (the table adds ``CHECK (col IN (0, 1))``).

The ``check_*`` helpers build the matching named CHECK constraints, so the database itself
refuses what the Python side would (a raw ``INSERT`` from another tool included).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from sqlalchemy import CheckConstraint, Dialect, Integer, Text
from sqlalchemy.types import TypeDecorator

__all__ = [
    "DecimalText",
    "IsoDate",
    "StrictBool",
    "check_bool",
    "check_decimal_text",
    "check_iso_date",
    "check_one_of",
    "utc_timestamp",
]


def utc_timestamp() -> str:
    """The current UTC time as ``YYYY-MM-DDTHH:MM:SSZ`` (for created_at/updated_at columns)."""
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


class IsoDate(TypeDecorator[date]):
    """A calendar date stored as ISO ``YYYY-MM-DD`` TEXT."""

    impl = Text
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> str | None:
        if value is None:
            return None
        if isinstance(value, datetime) or not isinstance(value, date):
            raise TypeError(f"expected a datetime.date, got {type(value).__name__}: {value!r}")
        return value.isoformat()

    def process_result_value(self, value: Any, dialect: Dialect) -> date | None:
        return None if value is None else date.fromisoformat(value)


class DecimalText(TypeDecorator[Decimal]):
    """An exact decimal stored as its plain digits string (``Decimal('0.006')`` → ``'0.006'``).

    Accepts ``Decimal``, ``int`` or a decimal string; refuses ``float`` (already inexact),
    ``bool``, NaN and Infinity.
    """

    impl = Text
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> str | None:
        if value is None:
            return None
        if isinstance(value, bool | float) or not isinstance(value, Decimal | int | str):
            raise TypeError(f"expected a Decimal, got {type(value).__name__}: {value!r}")
        try:
            number = Decimal(value)
        except InvalidOperation:
            raise ValueError(f"not a decimal number: {value!r}") from None
        if not number.is_finite():
            raise ValueError(f"not a finite decimal number: {value!r}")
        return format(number, "f")

    def process_result_value(self, value: Any, dialect: Dialect) -> Decimal | None:
        return None if value is None else Decimal(value)


class StrictBool(TypeDecorator[bool]):
    """A boolean stored as INTEGER 0 or 1."""

    impl = Integer
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> int | None:
        if value is None:
            return None
        if not isinstance(value, bool | int) or value not in (0, 1):
            raise TypeError(f"expected a bool, got {type(value).__name__}: {value!r}")
        return int(value)

    def process_result_value(self, value: Any, dialect: Dialect) -> bool | None:
        return None if value is None else bool(value)


def check_iso_date(column: str, *, nullable: bool = False) -> CheckConstraint:
    """``column`` holds a real calendar date as ``YYYY-MM-DD`` (2024-02-30 is refused)."""
    rule = f"date({column}, '+0 days') IS {column}"
    if nullable:
        rule = f"{column} IS NULL OR {rule}"
    return CheckConstraint(rule, name=f"{column}_iso_date")


def check_decimal_text(column: str) -> CheckConstraint:
    """``column`` holds a non-negative plain decimal string such as ``'0.006'``."""
    return CheckConstraint(
        f"length({column}) BETWEEN 1 AND 40 AND {column} GLOB '*[0-9]*' "
        f"AND {column} NOT GLOB '*[^0-9.]*' AND {column} NOT GLOB '*.*.*'",
        name=f"{column}_decimal",
    )


def check_bool(column: str) -> CheckConstraint:
    """``column`` is 0 or 1."""
    return CheckConstraint(f"{column} IN (0, 1)", name=f"{column}_bool")


def check_one_of(column: str, values: Iterable[str]) -> CheckConstraint:
    """``column`` is one of ``values``."""
    listed = ", ".join(f"'{v}'" for v in values)
    return CheckConstraint(f"{column} IN ({listed})", name=f"{column}_valid")

"""The payment history as pages, for a table that loads rows as the user scrolls.

``payment_page`` returns at most ``limit`` rows in a deterministic order (the sort column, then
the payment id) that come after a given row: keyset paging, so a payment recorded while the user
scrolls neither repeats nor skips a row the way ``OFFSET`` would. Every filter and sort runs in
SQL, so sorting a 100,000-row history sorts all of it, not only the loaded rows.
``payments_touched`` re-reads the rows a ``Change`` named and ``payment_totals`` sums what the
filters select; each is one statement whatever the size of the ledger.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Select, func, or_, select, tuple_

from tracker.storage.engine import Database
from tracker.storage.models import PaymentRecord, PlanRecord

from .model import PaymentRow
from .payments import payment_row, payment_rows_select

P = PaymentRecord
SORTS = ("date", "plan", "amount", "method", "kind", "note")
"""The sortable columns, in the Payments table's column order."""
PAGE = 256


@dataclass(frozen=True)
class PaymentFilter:
    """What the Payments screen shows: one plan or all, a date range, a text in note or method
    (case-insensitive for Latin letters; ``%`` and ``_`` match themselves)."""

    plan_id: int | None = None
    date_from: date | None = None
    date_to: date | None = None
    text: str = ""


@dataclass(frozen=True)
class PaymentTotals:
    """Sums of the payments a filter selects: per currency of the live ones, and counts."""

    sums: dict[str, int] = field(default_factory=dict)
    live: int = 0
    voided: int = 0


def _sort_columns(sort: str) -> list[Any]:
    columns: dict[str, list[Any]] = {
        "date": [P.date],
        "plan": [PlanRecord.name],
        "amount": [P.amount],
        "method": [P.method],
        "kind": [P.kind, P.voided],
        "note": [P.note],
    }
    return [*columns[sort], P.id]


def sort_key(row: PaymentRow, sort: str) -> tuple[Any, ...]:
    """The row's position in ``sort`` order, as Python compares it the way SQLite does (dates
    as ISO text, strings by code point, False before True)."""
    head: tuple[Any, ...] = {
        "date": (row.date,),
        "plan": (row.plan_name,),
        "amount": (row.amount,),
        "method": (row.method,),
        "kind": (row.kind, row.voided),
        "note": (row.note,),
    }[sort]
    return (*head, row.id)


def _where(flt: PaymentFilter) -> list[ColumnElement[bool]]:
    where: list[ColumnElement[bool]] = []
    if flt.plan_id is not None:
        where.append(P.plan_id == flt.plan_id)
    if flt.date_from is not None:
        where.append(P.date >= flt.date_from)
    if flt.date_to is not None:
        where.append(P.date <= flt.date_to)
    text = flt.text.strip()
    if text:
        escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        pattern = f"%{escaped}%"
        where.append(or_(P.note.like(pattern, escape="\\"), P.method.like(pattern, escape="\\")))
    return where


def _rows_query(flt: PaymentFilter) -> Select[*tuple[Any, ...]]:
    q: Select[*tuple[Any, ...]] = payment_rows_select().where(*_where(flt))
    return q


def _beyond(sort: str, descending: bool, row: PaymentRow, inclusive: bool) -> ColumnElement[bool]:
    """Rows after ``row`` in the order (``inclusive``: ``row`` itself too, reversed: up to it)."""
    cols = tuple_(*_sort_columns(sort))
    key = tuple_(*sort_key(row, sort))
    if inclusive:  # rows up to and including ``row``
        return cols >= key if descending else cols <= key
    return cols < key if descending else cols > key


def _rows(db: Database, q: Select[*tuple[Any, ...]]) -> list[PaymentRow]:
    with db.read_session() as s:
        found = s.execute(q).all()
    return [payment_row(r) for r in found]


def payment_page(
    db: Database,
    flt: PaymentFilter,
    sort: str = "date",
    descending: bool = False,
    after: PaymentRow | None = None,
    limit: int = PAGE,
) -> list[PaymentRow]:
    """Up to ``limit`` payments matching ``flt`` in ``sort`` order (then by id), starting after
    ``after`` (the last row of the previous page) or at the top."""
    q = _rows_query(flt)
    if after is not None:
        q = q.where(_beyond(sort, descending, after, inclusive=False))
    cols = _sort_columns(sort)
    order = [c.desc() for c in cols] if descending else cols
    return _rows(db, q.order_by(*order).limit(max(limit, 0)))


def payments_touched(
    db: Database,
    flt: PaymentFilter,
    payment_ids: Iterable[int],
    plan_ids: Iterable[int],
    sort: str = "date",
    descending: bool = False,
    upto: PaymentRow | None = None,
) -> list[PaymentRow]:
    """The payments named by a change, or of the plans it named, that match ``flt`` (and come
    no later than ``upto`` in the order, when only a first part of the list is loaded)."""
    ids, plans = sorted(set(payment_ids)), sorted(set(plan_ids))
    if not ids and not plans:
        return []
    q = _rows_query(flt).where(or_(P.id.in_(ids), P.plan_id.in_(plans)))
    if upto is not None:
        q = q.where(_beyond(sort, descending, upto, inclusive=True))
    return _rows(db, q)


def payment_totals(db: Database, flt: PaymentFilter) -> PaymentTotals:
    """Totals of every payment ``flt`` selects (not only the loaded page)."""
    q = (
        select(PlanRecord.currency, P.voided, func.count(), func.coalesce(func.sum(P.amount), 0))
        .join(PlanRecord, PlanRecord.id == P.plan_id)
        .where(*_where(flt))
        .group_by(PlanRecord.currency, P.voided)
        .order_by(PlanRecord.currency)
    )
    sums: dict[str, int] = {}
    live = voided = 0
    with db.read_session() as s:
        for currency, is_void, count, amount in s.execute(q):
            if is_void:
                voided += count
            else:
                live += count
                sums[currency] = sums.get(currency, 0) + int(amount)
    return PaymentTotals(sums, live, voided)

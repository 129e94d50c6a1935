"""The payment history as pages, for a table that loads rows as the user scrolls.

``payment_page`` returns at most ``limit`` rows in a deterministic order (the sort column, then
the payment id) that come after a given row: keyset paging, so a payment recorded while the user
scrolls neither repeats nor skips a row the way ``OFFSET`` would. Every filter and sort runs in
SQL, so sorting a 100,000-row history sorts all of it, not only the loaded rows.
``payments_touched`` re-reads the rows a ``Change`` named and ``payment_totals`` sums what the
filters select; each is one statement whatever the size of the ledger. ``settled_periods``
says which periods each payment of a page went to, from the stored per-installment paid
columns (no replay).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, func, or_, select, tuple_

from tracker.storage.engine import Database
from tracker.storage.models import InstallmentRecord, PaymentRecord, PlanRecord

from .model import PaymentRow
from .payments import payment_row, payment_rows_select
from .reads import SCHEDULE_PERIODS

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


@dataclass(frozen=True, slots=True)
class PeriodSpan:
    """The periods a payment went to: ``first``..``last`` of the plan's ``periods``."""

    first: int
    last: int
    periods: int


def settled_periods(db: Database, rows: Iterable[PaymentRow]) -> dict[int, PeriodSpan]:
    """Which periods each live payment of ``rows`` went to, by payment id (voided ones and
    payments that went to nothing are left out).

    Payments are applied oldest installment first, whole (penalty, fee, principal) before the
    next, so a plan's live payments in ledger order (date, id) fill its installments in period
    order: the money a payment carries is a stretch of that stream, and the stored paid
    columns of the installments (``storage.derived``) say where each installment's stretch
    lies. One statement with running sums over the plans of these rows; nothing replayed."""
    wanted = {r.id for r in rows if r.id is not None and not r.voided}
    plans = {r.plan_id for r in rows if r.id in wanted}
    if not wanted:
        return {}
    paid = InstallmentRecord.paid_principal + InstallmentRecord.paid_fee
    paid = paid + InstallmentRecord.paid_penalty
    pays = (
        select(
            P.id,
            P.plan_id,
            P.amount,
            func.sum(P.amount).over(partition_by=P.plan_id, order_by=(P.date, P.id)).label("upto"),
        )
        .where(P.plan_id.in_(plans), P.voided.is_(False))
        .subquery()
    )
    items = (
        select(
            InstallmentRecord.plan_id,
            InstallmentRecord.period,
            paid.label("paid"),
            func.sum(paid)
            .over(partition_by=InstallmentRecord.plan_id, order_by=InstallmentRecord.period)
            .label("upto"),
        )
        .where(InstallmentRecord.plan_id.in_(plans))
        .subquery()
    )
    q = (
        select(
            pays.c.id,
            func.min(items.c.period),
            func.max(items.c.period),
            SCHEDULE_PERIODS,  # the stored schedule's rows (a prepayment changes them)
        )
        .join(
            items,
            and_(
                items.c.plan_id == pays.c.plan_id,
                items.c.paid > 0,
                items.c.upto - items.c.paid < pays.c.upto,
                items.c.upto > pays.c.upto - pays.c.amount,
            ),
        )
        .join(PlanRecord, PlanRecord.id == pays.c.plan_id)
        .where(pays.c.id.in_(wanted))
        .group_by(pays.c.id, PlanRecord.id)
    )
    with db.read_session() as s:
        return {pid: PeriodSpan(a, b, n) for pid, a, b, n in s.execute(q)}

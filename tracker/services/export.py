"""Export use cases: CSV of payments, installments and plans, and the calendar feed.

Each export reads in one transaction and returns the file's bytes (``reports`` writes them);
``save_bytes`` puts them on disk whole or not at all.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Row, select
from sqlalchemy.orm import Session

from tracker.domain.ledger import Status
from tracker.domain.rows import InstallmentRow, PaymentRow
from tracker.reports import csv_export, ics
from tracker.reports.csv_columns import PlanLine
from tracker.storage.engine import Database
from tracker.storage.ics_events import shown_sequence
from tracker.storage.models import (
    AccountRecord,
    IcsEventRecord,
    InstallmentRecord,
    PaymentRecord,
    PlanRecord,
)
from tracker.storage.targets import check_output_path

from . import reads
from .convert import (
    DEFAULT_REMINDER_DAYS,
    input_of,
    installments_of,
)
from .model import ServiceError
from .payments import payment_records, payment_row
from .plans import get_record

__all__ = [
    "KINDS",
    "calendar_feed",
    "calendar_print_items",
    "export_csv",
    "export_rows",
    "installment_lines",
    "payment_lines",
    "plan_lines",
    "save_bytes",
]

KINDS = ("payments", "installments", "plans")


# -- export -------------------------------------------------------------------------------------


def _check_range(date_from: date | None, date_to: date | None) -> None:
    if date_from and date_to and date_to < date_from:
        raise ServiceError(
            "the range ends ({end}) before it starts ({start})", end=date_to, start=date_from
        )


def _plans(s: Session, plan_id: int | None) -> list[PlanRecord]:
    if plan_id is not None:
        return [get_record(s, plan_id)]
    return list(s.scalars(select(PlanRecord).order_by(PlanRecord.id)))


def plan_lines(db: Database, plan_id: int | None = None) -> list[PlanLine]:
    """Every plan (archived ones included), or one, with all its terms and its stored
    schedule, by id."""
    with db.read_session() as s:
        accounts = {r.id: r.name for r in s.execute(select(AccountRecord.id, AccountRecord.name))}
        lines = []
        for rec in _plans(s, plan_id):
            data = input_of(rec)
            lines.append(
                PlanLine(
                    id=rec.id,
                    name=data.name,
                    platform=data.platform,
                    purchase_date=data.purchase_date,
                    notes=data.notes,
                    terms=data.terms,
                    grace_days=data.grace_days,
                    tolerance=data.tolerance,
                    penalty_daily_rate=data.penalty_daily_rate,
                    payoff_policy=data.payoff_policy.value,
                    payoff_penalty_pct=data.payoff_penalty_pct,
                    archived=bool(rec.archived),
                    payoff_charge=rec.payoff_charge,
                    schedule=installments_of(rec),
                    holidays=data.holidays,
                    account=accounts.get(rec.account_id) if rec.account_id else None,
                )
            )
        return lines


def payment_lines(
    db: Database,
    plan_id: int | None = None,
    date_from: date | None = None,
    date_to: date | None = None,
) -> list[PaymentRow]:
    """Payments (voided ones included) by date then id, of one plan or all, within dates."""
    _check_range(date_from, date_to)
    with db.read_session() as s:
        return [payment_row(p) for p in payment_records(s, plan_id, date_from, date_to)]


def _lines(
    s: Session,
    as_of: date,
    reminder_days: int,
    plan_id: int | None,
    start: date | None,
    end: date | None,
) -> list[tuple[Row[Any], InstallmentRow]]:
    """Each plan's installments (archived and paid-off plans included) with their status as
    of ``as_of``, by plan then period, due from ``start`` to ``end``; with each plan's row."""
    plan_where = [] if plan_id is None else [PlanRecord.id == get_record(s, plan_id).id]
    where = []
    if start is not None:
        where.append(InstallmentRecord.due_date >= start)
    if end is not None:
        where.append(InstallmentRecord.due_date <= end)
    found = reads.states(
        s,
        as_of,
        reminder_days,
        plan_where,
        where,
        lambda st: (start is None or st.due_date >= start) and (end is None or st.due_date <= end),
    )
    counts = reads.period_counts(s, [ps.plan.id for ps in found])
    return [
        (ps.plan, row) for ps in found for row in reads.installment_rows(ps, counts[ps.plan.id])
    ]


def installment_lines(
    db: Database,
    as_of: date,
    plan_id: int | None = None,
    date_from: date | None = None,
    date_to: date | None = None,
    reminder_days: int = DEFAULT_REMINDER_DAYS,
) -> list[InstallmentRow]:
    """Every plan's schedule (archived and paid-off plans included) with each installment's
    status as of ``as_of``, by plan then period; ``date_from``/``date_to`` bound due dates."""
    _check_range(date_from, date_to)
    with db.read_session() as s:
        return [line for _, line in _lines(s, as_of, reminder_days, plan_id, date_from, date_to)]


def export_rows(
    db: Database,
    kind: str,
    as_of: date,
    plan_id: int | None = None,
    date_from: date | None = None,
    date_to: date | None = None,
    reminder_days: int = DEFAULT_REMINDER_DAYS,
) -> list[PlanLine] | list[PaymentRow] | list[InstallmentRow]:
    """The records an export of ``kind`` (payments, installments or plans) holds."""
    if kind == "payments":
        return payment_lines(db, plan_id, date_from, date_to)
    if kind == "installments":
        return installment_lines(db, as_of, plan_id, date_from, date_to, reminder_days)
    if kind == "plans":
        if date_from or date_to:
            raise ServiceError(
                "a date range selects payments (by date) and installments (by due date), "
                "not plans; export all plans or one with --plan"
            )
        return plan_lines(db, plan_id)
    raise ServiceError(
        "unknown export {kind!r}; choose {choices}", kind=kind, choices=", ".join(KINDS)
    )


def export_csv(
    db: Database,
    kind: str,
    as_of: date,
    plan_id: int | None = None,
    date_from: date | None = None,
    date_to: date | None = None,
    reminder_days: int = DEFAULT_REMINDER_DAYS,
    headers: str = "en",
) -> tuple[bytes, int]:
    """The CSV file of ``kind`` (UTF-8 with BOM) and how many rows it has. Payments stream
    from the query into the file (a history can be long); the other kinds are short lists.
    ``headers="zh"`` writes Chinese headers (and status words), which the importer reads too."""
    if kind == "payments":
        _check_range(date_from, date_to)
        count = 0
        with db.read_session() as s:
            prepaid = select(PaymentRecord.id).where(PaymentRecord.kind == "prepayment")
            if plan_id is not None:
                prepaid = prepaid.where(PaymentRecord.plan_id == plan_id)
            with_detail = s.scalar(prepaid.limit(1)) is not None  # else the column is left out

            def rows() -> Iterator[PaymentRow]:
                nonlocal count
                for r in payment_records(s, plan_id, date_from, date_to):
                    count += 1
                    yield payment_row(r)

            data = csv_export.payments_csv(rows(), headers=headers, prepay=with_detail)
        return data, count
    rows = export_rows(db, kind, as_of, plan_id, date_from, date_to, reminder_days)
    writer = {
        "payments": csv_export.payments_csv,
        "installments": csv_export.installments_csv,
        "plans": csv_export.plans_csv,
    }[kind]
    return writer(rows, headers=headers), len(rows)  # type: ignore[operator]


def _tombstone(row: Any) -> InstallmentRow:
    """The last known state of a deleted plan's (or period's) event, for its cancellation."""
    return InstallmentRow(
        plan_id=row.plan_id,
        plan_name=row.plan_name,
        currency=row.currency,
        period=row.period,
        periods=row.periods,
        due_date=row.due_date,
        principal=row.amount,
        fee=0,
        paid=row.amount - row.remaining,
        penalty_paid=0,
        penalty=0,
        status=Status.PAID if row.remaining == 0 else Status.UPCOMING,
        days_overdue=0,
    )


def calendar_feed(
    db: Database,
    as_of: date,
    stamp: datetime,
    alarm_days: int = 1,
    reminder_days: int = DEFAULT_REMINDER_DAYS,
) -> tuple[bytes, int]:
    """The iCalendar feed of every installment of every plan, and how many of its events are
    reminders: the unpaid installments of the open, unarchived plans. The others (paid, or of
    an archived or closed plan) are cancelled events, so a calendar that imported them before
    drops their reminders; so are the events of deleted plans and periods (tombstones, kept a
    year). An event's SEQUENCE is the revision the writes stored (``storage.ics_events``):
    one up for every change of its date, amount or status, and one more once it is overdue on
    ``as_of``. A pure read: it works on a read-only file."""
    with db.read_session() as s:
        lines = _lines(s, as_of, reminder_days, None, None, None)
        revisions = {
            (r.plan_id, r.period): r
            for r in s.execute(
                select(
                    IcsEventRecord.plan_id,
                    IcsEventRecord.period,
                    IcsEventRecord.plan_name,
                    IcsEventRecord.periods,
                    IcsEventRecord.currency,
                    IcsEventRecord.due_date,
                    IcsEventRecord.amount,
                    IcsEventRecord.remaining,
                    IcsEventRecord.state,
                    IcsEventRecord.sequence,
                    IcsEventRecord.overdue_from,
                )
            )
        }
    items = []
    for plan, line in lines:
        rev = revisions.pop((line.plan_id, line.period), None)
        sequence = 0 if rev is None else shown_sequence(rev.sequence, rev.overdue_from, as_of)
        items.append(
            ics.FeedEvent(line, sequence, bool(plan.archived) or plan.closed_on is not None)
        )
    items += [
        ics.FeedEvent(_tombstone(rev), rev.sequence, archived=True, deleted=True)
        for rev in revisions.values()
        if rev.state == "deleted"
    ]
    try:
        return ics.calendar_ics(items, stamp, alarm_days), sum(e.active for e in items)
    except ValueError as exc:
        raise ServiceError("{reason}", reason=str(exc)) from None


def save_bytes(path: str | Path, data: bytes) -> None:
    """Write ``data`` to ``path`` whole or not at all (temporary file, fsync, rename), readable
    by its owner only (exports hold private finances). OSError says what failed."""
    path = Path(path)
    check_output_path(path)  # never over a database or its -wal/-shm
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def calendar_print_items(
    db: Database, start: date, end: date, as_of: date, reminder_days: int = DEFAULT_REMINDER_DAYS
) -> list[InstallmentRow]:
    """What the printed calendar from ``start`` to ``end`` needs: every installment due in the
    range (paid-off plans included, archived ones not), then the overdue ones due before
    ``start``, which each month page carries (``print_data.calendar_pages``)."""
    from datetime import timedelta

    from .calendar import installments_between

    items = installments_between(db, start, end, as_of, reminder_days, include_closed=True)
    if start > date.min:
        earlier = installments_between(
            db, date.min, start - timedelta(days=1), as_of, reminder_days
        )
        items = [e for e in earlier if e.overdue] + items
    return items

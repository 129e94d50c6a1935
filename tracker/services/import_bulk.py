"""The rows an import adds, kept in memory and inserted in bulk; and the audit of the result.

A batch used to build ORM records for every new plan, installment and payment and let the
session's unit of work flush them (one INSERT per row, identity map and relationship
bookkeeping for each): for 1,000 plans that cost more than checking them. Here a plan the
batch creates is a :class:`NewRow` with the attributes a ``PlanRecord`` has (``write_input``,
``installments_of``, ``payments_of``, ``rules_of`` and the payment checks read it the same
way), its installments and payments plain rows too; :func:`insert_new` writes them with one
``executemany`` per table once the whole batch is checked, inside the same transaction, and
names them to the derived-state refresh that runs before the commit
(``storage.engine._refresh_touched_plans``: one replay per plan). Plans already in the
database that a payments file adds to stay ORM records, as before.

:func:`audit_problems` is the check after an import, before anything reaches the file: no
row points at a missing one, the SQL consistency checks of the derived columns
(``storage.derived.consistency_problems``) pass, and the derived columns stored for each plan
agree with what the import's own replay of its payments (``import_payments.PlanPayments``,
which checked every row) found: paid parts, settled dates and the balance. No ORM re-read,
no second replay.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import Connection, insert
from sqlalchemy.orm import Session

from tracker.domain.ledger import Payment, Settlement
from tracker.domain.plan import Installment
from tracker.domain.underway import prior_payments
from tracker.storage.derived import consistency_problems
from tracker.storage.models import InstallmentRecord, PaymentRecord, PlanRecord

from .convert import installments_of, payments_of, rules_of
from .underway import check_prior

__all__ = ["NewRow", "add_prior", "audit_problems", "insert_new", "new_installments"]

_CHUNK = 500

_PLAN_COLUMNS = (
    "id",
    "name",
    "platform",
    "purchase_date",
    "notes",
    "currency",
    "model",
    "principal",
    "periods",
    "rate",
    "fee_mode",
    "fee_rounding",
    "remainder",
    "first_due",
    "down_payment",
    "upfront_fee",
    "custom_amounts",
    "holidays",
    "account_id",
    "grace_days",
    "tolerance",
    "penalty_daily_rate",
    "payoff_policy",
    "payoff_penalty_pct",
    "archived",
    "closed_on",
    "payoff_charge",
    "created_at",
    "updated_at",
)
_INSTALLMENT_COLUMNS = ("plan_id", "period", "due_date", "principal", "fee")
_PAYMENT_COLUMNS = (
    "id",
    "plan_id",
    "date",
    "amount",
    "method",
    "note",
    "voided",
    "kind",
    "prepay",
    "created_at",
)


class NewRow:
    """A row the batch adds, not yet in the database: plain attributes named like the
    record's columns (a plan also has ``installments`` and ``payments`` lists of rows)."""

    def __init__(self, **values: Any) -> None:
        self.__dict__.update(values)

    def __repr__(self) -> str:
        return f"NewRow({self.__dict__.get('id')!r})"


def now_text() -> str:
    """The timestamp stored in ``created_at``/``updated_at`` (as ``columns.utc_timestamp``)."""
    return datetime.now(UTC).isoformat(timespec="seconds")


def new_plan(plan_id: int, archived: bool, stamp: str) -> NewRow:
    """An empty new plan row (``write_input`` fills in what the user entered)."""
    return NewRow(
        id=plan_id,
        archived=archived,
        closed_on=None,
        payoff_charge=0,
        account_id=None,
        created_at=stamp,
        updated_at=stamp,
        installments=[],
        payments=[],
    )


def new_installments(plan_id: int, items: Iterable[Installment]) -> list[NewRow]:
    """The rows of a schedule."""
    return [
        NewRow(
            plan_id=plan_id, period=i.period, due_date=i.due_date, principal=i.principal, fee=i.fee
        )
        for i in items
    ]


def add_prior(rec: NewRow, paid: int, payment_id: Any, stamp: str) -> None:
    """Settle the first ``paid`` periods of a new plan before tracking, one ``prior`` payment
    each (what ``underway.sync_prior`` stores for a plan that has none yet); ``payment_id()``
    gives each its id."""
    installments = installments_of(rec)  # type: ignore[arg-type]
    existing = payments_of(rec)  # type: ignore[arg-type]
    rules = rules_of(rec)  # type: ignore[arg-type]
    for prior in prior_payments(installments, paid):
        new = Payment(prior.date, prior.amount)
        check_prior(installments, existing, rules, new, rec.currency, paid)
        rec.payments.append(
            NewRow(
                id=payment_id(),
                plan_id=rec.id,
                date=prior.date,
                amount=prior.amount,
                method="",
                note="",
                voided=False,
                kind="prior",
                created_at=stamp,
            )
        )


def _values(row: NewRow, columns: tuple[str, ...]) -> dict[str, Any]:
    return {c: getattr(row, c, "") if c == "prepay" else getattr(row, c) for c in columns}


def insert_new(session: Session, plans: Iterable[NewRow]) -> set[int]:
    """Insert the new plans with their installments and payments (one ``executemany`` per
    table and chunk) in the session's transaction; return their ids, which are also noted for
    the derived-state refresh before the commit."""
    plans = list(plans)
    conn = session.connection()
    tables = (
        (PlanRecord, [_values(p, _PLAN_COLUMNS) for p in plans]),
        (
            InstallmentRecord,
            [_values(i, _INSTALLMENT_COLUMNS) for p in plans for i in p.installments],
        ),
        (PaymentRecord, [_values(y, _PAYMENT_COLUMNS) for p in plans for y in p.payments]),
    )
    for model, rows in tables:
        for start in range(0, len(rows), _CHUNK * 10):
            conn.execute(insert(model.__table__), rows[start : start + _CHUNK * 10])
    ids = {p.id for p in plans}
    session.info.setdefault("touched_plans", set()).update(ids)
    return ids


def audit_problems(
    conn: Connection,
    replays: Mapping[int, tuple[tuple[Settlement, ...], int]],
) -> list[str]:
    """The audit after an import (see the module docstring), in ``conn``'s transaction:
    readable lines, empty when all is well. ``replays`` holds, per plan whose payments the
    import checked, the settlements and the balance its replay ended with."""
    problems = [
        f"{table} row {rowid} points at a missing {parent}"
        for table, rowid, parent, _ in conn.exec_driver_sql("PRAGMA foreign_key_check")
    ]
    problems += consistency_problems(conn)
    ids = sorted(replays)
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        marks = ",".join("?" * len(chunk))
        stored: dict[int, list[tuple[Any, ...]]] = {}
        for row in conn.exec_driver_sql(
            "SELECT plan_id, period, paid_principal, paid_fee, paid_penalty, settled_on "
            f"FROM installments WHERE plan_id IN ({marks}) ORDER BY plan_id, period",
            tuple(chunk),
        ):
            stored.setdefault(row[0], []).append(tuple(row[1:]))
        balances = dict(
            conn.exec_driver_sql(
                f"SELECT id, remaining FROM plans WHERE id IN ({marks})", tuple(chunk)
            ).fetchall()
        )
        for plan_id in chunk:
            settlements, balance = replays[plan_id]
            want = [
                (
                    s.period,
                    s.paid_principal,
                    s.paid_fee,
                    s.paid_penalty,
                    _iso(s.settled_on),
                )
                for s in settlements
            ]
            if stored.get(plan_id, []) != want:
                problems.append(f"plan {plan_id}: the stored paid parts differ from its replay")
            if balances.get(plan_id) != balance:
                problems.append(
                    f"plan {plan_id}: the stored balance is {balances.get(plan_id)}, "
                    f"its replay leaves {balance}"
                )
    return problems


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None

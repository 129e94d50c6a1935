"""Calendar-feed revisions kept at write time, so exporting the feed stays a pure read.

RFC 5545 §3.8.7.4: an event's SEQUENCE rises with every significant revision, and calendars
ignore an update whose SEQUENCE is not higher than the one they hold. Every write (add, edit,
pay, void, payoff, archive, delete, undo, import) calls :func:`sync` for the plans it touched, in
its own transaction, right after the derived columns (``tracker.storage.engine``). Per
installment event (``ics_events``, key plan id + period, the event's UID) it compares the
event's fingerprint before and after the write:

- due date, amount (principal + fee), remaining (unpaid principal + fee: a payment, a void, an
  edit of the amount);
- state: ``owed``, ``paid`` (nothing left), ``archived`` (owed on an archived or closed plan),
  ``deleted`` (the plan or the period is gone: a tombstone, published as cancelled).

Overdue is the one change that happens with no write: an owed installment turns overdue on the
day after its due date and grace days, when more than the tolerance is unpaid. That day is
stored (``overdue_from``, computable from the dates alone) and the feed shows
``sequence + (1 if overdue_from <= as_of else 0)`` (:func:`shown_sequence`): the same for every
export on the same day, never lower on a later one, and the domain never reads the clock.

A write on day W (its ``as_of``: :data:`WRITE_DATE` in the session's info) that changes the
fingerprint, or whether the event is overdue on W, makes the SEQUENCE shown on W one higher
than before it: ``sequence = shown_before(W) + 1 - (1 if overdue_from_new <= W else 0)`` (never
below 0). Nothing else (a rename, notes) changes the SEQUENCE; the DTSTAMP tells those.

Tombstones older than :data:`TOMBSTONE_DAYS` are dropped: by then every calendar that follows
the feed has fetched it many times.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import Connection, bindparam, delete, insert, select, update

from .models import IcsEventRecord, InstallmentRecord, PlanRecord

__all__ = [
    "TOMBSTONE_DAYS",
    "WRITE_DATE",
    "Fingerprint",
    "fingerprints",
    "present",
    "problems",
    "shown_sequence",
    "sync",
    "sync_pending",
]

WRITE_DATE = "ics_as_of"
"""Key of ``Session.info`` holding the date of a write (its ``as_of``); the clock's date when
a service does not set it."""

TOMBSTONE_DAYS = 366
"""Rows of deleted plans or periods are kept this many days after the deletion."""

_CHUNK = 500

E = IcsEventRecord
I = InstallmentRecord  # noqa: E741 - short alias


@dataclass(frozen=True, slots=True)
class Fingerprint:
    """What an installment's event says that a calendar must be told about, and when it turns
    overdue. ``plan_name``, ``periods`` and ``currency`` are kept for a tombstone's text."""

    due_date: date
    amount: int
    remaining: int
    state: str
    overdue_from: date | None
    plan_name: str
    periods: int
    currency: str

    @property
    def key(self) -> tuple[date, int, int, str]:
        """The part whose change is a new revision."""
        return (self.due_date, self.amount, self.remaining, self.state)


def shown_sequence(sequence: int, overdue_from: date | None, as_of: date) -> int:
    """The SEQUENCE a feed made on ``as_of`` shows: the stored one, plus one once overdue."""
    return sequence + (1 if overdue_from is not None and overdue_from <= as_of else 0)


def _overdue_from(due: date, grace_days: int, remaining: int, tolerance: int) -> date | None:
    """The first day the installment is overdue if nothing more is paid (the ledger's rule:
    after the due date and the grace days, more than the tolerance unpaid)."""
    if remaining <= tolerance:
        return None
    try:
        return due + timedelta(days=grace_days + 1)
    except OverflowError:
        return None


def present(conn: Connection) -> bool:
    """Whether the file has the table (a migration to an older revision does not)."""
    row = conn.exec_driver_sql(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'ics_events'"
    ).first()
    return row is not None


def fingerprints(conn: Connection, ids: Sequence[int]) -> dict[tuple[int, int], Fingerprint]:
    """The current fingerprint of every installment of these plans, by (plan id, period)."""
    plans = {
        p.id: p
        for p in conn.execute(
            select(
                PlanRecord.id,
                PlanRecord.name,
                PlanRecord.currency,
                PlanRecord.archived,
                PlanRecord.closed_on,
                PlanRecord.grace_days,
                PlanRecord.tolerance,
            ).where(PlanRecord.id.in_(ids))
        )
    }
    rows = conn.execute(
        select(I.plan_id, I.period, I.due_date, I.principal, I.fee, I.paid_principal, I.paid_fee)
        .where(I.plan_id.in_(ids))
        .order_by(I.plan_id, I.period)
    ).all()
    counts: dict[int, int] = {}
    for r in rows:
        counts[r.plan_id] = counts.get(r.plan_id, 0) + 1
    out: dict[tuple[int, int], Fingerprint] = {}
    for r in rows:
        plan = plans[r.plan_id]
        amount = r.principal + r.fee
        remaining = max(0, amount - r.paid_principal - r.paid_fee)
        if remaining == 0:
            state = "paid"
        elif plan.archived or plan.closed_on is not None:
            state = "archived"
        else:
            state = "owed"
        overdue = (
            _overdue_from(r.due_date, plan.grace_days, remaining, plan.tolerance)
            if state == "owed"
            else None
        )
        out[(r.plan_id, r.period)] = Fingerprint(
            r.due_date,
            amount,
            remaining,
            state,
            overdue,
            plan.name,
            counts[r.plan_id],
            plan.currency,
        )
    return out


def _values(fp: Fingerprint) -> dict[str, Any]:
    return {
        "due_date": fp.due_date,
        "amount": fp.amount,
        "remaining": fp.remaining,
        "state": fp.state,
        "overdue_from": fp.overdue_from,
        "plan_name": fp.plan_name,
        "periods": fp.periods,
        "currency": fp.currency,
        "deleted_on": None,
    }


def _sync_chunk(conn: Connection, ids: Sequence[int], when: date) -> None:
    now = fingerprints(conn, ids)
    stored = {(r.plan_id, r.period): r for r in conn.execute(select(E).where(E.plan_id.in_(ids)))}
    inserts: list[dict[str, Any]] = []
    updates: list[dict[str, Any]] = []
    for key, fp in now.items():
        old = stored.pop(key, None)
        values = {"b_plan_id": key[0], "b_period": key[1], **_values(fp)}
        new_overdue = shown_sequence(0, fp.overdue_from, when)
        if old is None:
            inserts.append({"plan_id": key[0], "period": key[1], **_values(fp), "sequence": 0})
            continue
        if old.state == "pending":  # filled by the upgrade: adopt as it is, no new revision
            sequence = old.sequence
        else:
            old_overdue = shown_sequence(0, old.overdue_from, when)
            shown = old.sequence + old_overdue
            key_before = (old.due_date, old.amount, old.remaining, old.state)
            changed = key_before != fp.key or old_overdue != new_overdue
            sequence = max(0, shown + int(changed) - new_overdue)
        values["sequence"] = sequence
        if any(getattr(old, k) != v for k, v in values.items() if not k.startswith("b_")):
            updates.append(values)
    for old in stored.values():  # the plan or the period is gone: a tombstone
        if old.state == "deleted":
            continue
        shown = shown_sequence(old.sequence, old.overdue_from, when)
        updates.append(
            {
                "b_plan_id": old.plan_id,
                "b_period": old.period,
                "due_date": old.due_date,
                "amount": old.amount,
                "remaining": old.remaining,
                "state": "deleted",
                "overdue_from": None,
                "plan_name": old.plan_name,
                "periods": old.periods,
                "currency": old.currency,
                "deleted_on": when,
                "sequence": shown + 1,
            }
        )
    if inserts:
        conn.execute(insert(E), inserts)
    if updates:
        columns = [k for k in updates[0] if not k.startswith("b_")]
        conn.execute(
            update(E)
            .where(E.plan_id == bindparam("b_plan_id"), E.period == bindparam("b_period"))
            .values({k: bindparam(f"v_{k}", type_=E.__table__.c[k].type) for k in columns}),
            [{k if k.startswith("b_") else f"v_{k}": v for k, v in u.items()} for u in updates],
        )


def sync(conn: Connection, plan_ids: Iterable[int], when: date) -> None:
    """Bring the feed rows of these plans (existing or deleted) in line with the stored
    schedule, as of a write on ``when``; drop tombstones older than :data:`TOMBSTONE_DAYS`."""
    ids = sorted(set(plan_ids))
    for start in range(0, len(ids), _CHUNK):
        _sync_chunk(conn, ids[start : start + _CHUNK], when)
    try:
        cutoff = when - timedelta(days=TOMBSTONE_DAYS)
    except OverflowError:
        return
    conn.execute(delete(E).where(E.deleted_on.is_not(None), E.deleted_on < cutoff))


def sync_pending(conn: Connection, when: date) -> int:
    """Settle the rows an upgrade filled (``pending``), keeping their SEQUENCE; rows of plans
    that no longer exist become tombstones. Returns how many plans were settled."""
    ids = list(conn.scalars(select(E.plan_id).where(E.state == "pending").distinct()))
    sync(conn, ids, when)
    return len(ids)


_LIMIT = 20


def problems(
    conn: Connection, limit: int = _LIMIT, skip: Collection[int] = frozenset()
) -> list[str]:
    """Every feed row that disagrees with the stored schedule (a live installment without a
    row or with another fingerprint, a row of a missing plan or period not cancelled, a row
    still pending), as readable lines; reads only. The SEQUENCE itself is history and is not
    checked. Plans in ``skip`` (whose derived columns are already reported wrong) are left
    out."""
    out: list[str] = []
    ids = list(conn.scalars(select(PlanRecord.id).order_by(PlanRecord.id)))
    live: set[tuple[int, int]] = set()
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        now = fingerprints(conn, chunk)
        live |= now.keys()
        now = {k: v for k, v in now.items() if k[0] not in skip}
        stored = {
            (r.plan_id, r.period): r for r in conn.execute(select(E).where(E.plan_id.in_(chunk)))
        }
        for key, fp in now.items():
            row = stored.get(key)
            if row is None:
                out.append(f"plan {key[0]} period {key[1]}: no calendar-feed row")
                continue
            got = (row.due_date, row.amount, row.remaining, row.state, row.overdue_from)
            want = (*fp.key, fp.overdue_from)
            if got != want:
                out.append(
                    f"plan {key[0]} period {key[1]}: calendar-feed row {got}, the schedule "
                    f"says {want}"
                )
    for r in conn.execute(select(E.plan_id, E.period, E.state).where(E.state != "deleted")):
        if (r.plan_id, r.period) not in live:
            out.append(
                f"plan {r.plan_id} period {r.period}: calendar-feed row {r.state!r} for an "
                "installment that no longer exists"
            )
    if len(out) > limit:
        return [*out[:limit], f"… and {len(out) - limit} more like it"]
    return out

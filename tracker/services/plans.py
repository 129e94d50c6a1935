"""Plan use cases: add, edit, archive, delete, and the overview and detail queries.

Each function is one user action in one transaction (``db.session()``) and returns a
``Change`` naming what it touched, or plain records for queries.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import UTC, date, datetime
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from tracker.domain.checks import check_first_due
from tracker.domain.dates import days_after
from tracker.domain.errors import Phrase, UserError
from tracker.domain.ledger import Status, evaluate
from tracker.domain.money import Amount, AmountError
from tracker.domain.plan import Installment, PlanTerms
from tracker.domain.schedule import build_schedule, reschedule_unpaid
from tracker.storage.engine import Database
from tracker.storage.ics_events import WRITE_DATE
from tracker.storage.models import AccountRecord, InstallmentRecord, PlanRecord

from . import reads
from .convert import (
    account_terms,
    detail_of,
    installment_records,
    installments_of,
    payments_of,
    rules_of,
    terms_of,
    write_input,
)
from .model import Change, PlanDetail, PlanInput, PlanSummary, ServiceError
from .summary import list_plan_summaries, plan_summary
from .underway import live_prior, resolve, sync_prior
from .workdays import calendar_for, normalize_code

MAX_NAME = 200
MAX_NOTES = 10_000


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


_CONTROL = {chr(c) for c in (*range(0x20), 0x7F)}
_LINE_BREAKS = {"\n", "\r", "\t"}


def check_text(value: str, what: Phrase, *, multiline: bool = False) -> None:
    """Refuse text a person cannot see or that is not text: a control character (NUL, …; tabs
    and line breaks only where ``multiline``), or a lone surrogate (bytes that were not UTF-8,
    e.g. GBK from a terminal, decoded with ``surrogateescape``)."""
    bad = _CONTROL - _LINE_BREAKS if multiline else _CONTROL
    if any(ch in bad for ch in value):
        raise ServiceError(
            "the {what} contains a control character (such as NUL); remove it", what=what
        )
    if any("\ud800" <= ch <= "\udfff" for ch in value):
        raise ServiceError(
            "the {what} is not valid text (bytes that are not UTF-8, e.g. GBK); "
            "enter it again as UTF-8",
            what=what,
        )


def validate_input(data: PlanInput) -> PlanInput:
    """Return ``data`` with trimmed text, or raise ServiceError saying what is wrong."""
    check_text(data.name, Phrase("name"))
    check_text(data.platform, Phrase("platform"))
    check_text(data.notes, Phrase("notes"), multiline=True)
    name = data.name.strip()
    if not name:
        raise ServiceError("a plan needs a name, e.g. 'Xiaomi 14' or '花呗 - 冰箱'")
    if len(name) > MAX_NAME:
        raise ServiceError("the name is longer than {most} characters", most=MAX_NAME)
    if len(data.notes) > MAX_NOTES:
        raise ServiceError("the notes are longer than {most} characters", most=MAX_NOTES)
    if not 0 <= data.grace_days <= 365:
        raise ServiceError("grace days must be a whole number from 0 to 365")
    if data.tolerance < 0:
        raise ServiceError("the tolerance cannot be negative")
    for label, rate in (
        (Phrase("penalty rate"), data.penalty_daily_rate),
        (Phrase("payoff penalty"), data.payoff_penalty_pct),
    ):
        if not isinstance(rate, Decimal) or not rate.is_finite() or not 0 <= rate <= 1:
            raise ServiceError("the {what} must be from 0% to 100%", what=label)
    try:
        check_first_due(data.terms, data.purchase_date)
    except AmountError as exc:
        raise ServiceError.from_error(exc) from None
    holidays = normalize_code(data.holidays) if data.holidays and data.holidays.strip() else None
    return PlanInput(
        name=name,
        terms=data.terms,
        platform=data.platform.strip(),
        purchase_date=data.purchase_date,
        notes=data.notes.strip(),
        grace_days=data.grace_days,
        tolerance=data.tolerance,
        penalty_daily_rate=data.penalty_daily_rate,
        payoff_policy=data.payoff_policy,
        payoff_penalty_pct=data.payoff_penalty_pct,
        holidays=holidays,
        account_id=data.account_id,
    )


def schedule_of(data: PlanInput) -> tuple[Installment, ...]:
    """The schedule a validated plan input generates, due dates moved by its calendar."""
    try:
        return build_schedule(data.terms, calendar_for(data.holidays)).installments
    except UserError as exc:
        raise ServiceError.from_error(exc) from None


MAX_ID = 2**63 - 1  # SQLite's largest integer; a larger id cannot exist


def on_account(
    session: Session, data: PlanInput, items: tuple[Installment, ...]
) -> tuple[Installment, ...]:
    """A plan on an account whose first due date is the account's (the due date of the first
    statement after the purchase) falls due on every later statement's due date too."""
    if data.account_id is None:
        return items
    from tracker.domain.workdays import shift_dates

    account = (
        session.get(AccountRecord, data.account_id) if 1 <= data.account_id <= MAX_ID else None
    )
    if account is None:
        raise ServiceError("there is no account with id {id}", id=data.account_id)
    terms = account_terms(account)
    if terms.currency != data.terms.currency:
        raise ServiceError(
            "account {name} bills in {currency}; the plan is in {plan_currency}",
            name=account.name,
            currency=terms.currency,
            plan_currency=data.terms.currency,
        )
    if data.purchase_date is None or data.terms.model.value == "pay_in_n":
        return items
    dates = terms.plan_due_dates(data.purchase_date, len(items))
    if dates[0] != data.terms.first_due:
        return items
    dates = shift_dates(dates, calendar_for(data.holidays))
    return tuple(replace(i, due_date=d) for i, d in zip(items, dates, strict=True))


def get_record(session: Session, plan_id: int) -> PlanRecord:
    """The plan with this id, or ServiceError naming the id."""
    rec = session.get(PlanRecord, plan_id) if 1 <= plan_id <= MAX_ID else None
    if rec is None:
        raise ServiceError("there is no plan with id {id}", id=plan_id)
    return rec


def insert_plan(
    session: Session,
    data: PlanInput,
    archived: bool = False,
    paid_periods: int | None = None,
    as_of: date | None = None,
) -> PlanRecord:
    """Validate ``data`` and add the plan with its generated schedule inside ``session``.

    A plan already under way gets its first ``paid_periods`` periods settled before tracking
    (one ``prior`` payment each, on its due date, in full); ``None`` means the default, every
    period due before ``as_of`` (none without ``as_of``). Only periods due on or before
    ``as_of`` can be settled so (ServiceError otherwise, naming what is accepted).
    """
    data = validate_input(data)
    items = on_account(session, data, schedule_of(data))
    rec = PlanRecord(
        archived=archived, closed_on=None, payoff_charge=0, created_at=_now(), updated_at=_now()
    )
    write_input(rec, data)
    session.add(rec)
    session.flush()
    rec.installments.extend(installment_records(rec.id, items))
    session.flush()
    paid = resolve(rec, paid_periods, as_of)
    if paid:
        assert as_of is not None  # resolve() refuses periods without a date
        sync_prior(session, rec, paid, as_of)
        update_closed(rec, as_of)
    return rec


def add_plan(
    db: Database, data: PlanInput, as_of: date | None = None, paid_periods: int | None = None
) -> Change:
    """Store a new plan and its generated schedule, with the periods already paid before it
    was tracked (``paid_periods``; by default every period due before ``as_of``, the day it
    is added) as prior payments, all in one transaction."""
    validate_input(data)  # refuse before a transaction is opened
    with db.session() as s:
        if as_of is not None:
            s.info[WRITE_DATE] = as_of
        rec = insert_plan(s, data, paid_periods=paid_periods, as_of=as_of)
        paid = frozenset(p.id for p in rec.payments)
        return Change("plan_added", frozenset({rec.id}), paid, created_id=rec.id)


def regenerate_unpaid(
    rec: PlanRecord, terms: PlanTerms, as_of: date, holidays: str | None = None
) -> tuple[Installment, ...]:
    """The schedule of ``terms`` keeping the plan's fully paid leading installments as stored.

    The payments stay as they are and are re-allocated over the result. Refuses (ServiceError)
    when the new terms cannot hold what was already paid.
    """
    payments = payments_of(rec)
    last_paid = max((p.date for p in payments if not p.voided), default=as_of)
    state = evaluate(installments_of(rec), payments, rules_of(rec), max(as_of, last_paid))
    kept: list[Installment] = []
    for st in state.installments:
        if st.status is not Status.PAID:
            break
        kept.append(st.installment)
    try:
        result = reschedule_unpaid(terms, kept, calendar_for(holidays))
    except UserError as exc:
        raise ServiceError.from_error(exc) from None
    paid = sum(p.amount for p in payments if not p.voided)
    total = sum(i.total for i in result) + state.penalty_due
    if paid > total:
        cur = rec.currency
        raise ServiceError(
            "the payments so far ({paid}) are more than the edited plan's total ({total})",
            paid=Amount(paid, cur),
            total=Amount(total, cur),
        )
    return result


def update_closed(rec: PlanRecord, as_of: date) -> None:
    """Close a plan whose balance is zero (on its last payment's date); reopen one that owes."""
    live = [p for p in payments_of(rec) if not p.voided]
    last = max((p.date for p in live), default=None)
    when = max(as_of, last) if last else as_of
    settled = evaluate(installments_of(rec), live, rules_of(rec), when).settled
    rec.closed_on = (last or as_of) if settled else None


def same_terms(a: PlanTerms, b: PlanTerms) -> bool:
    """Whether two sets of terms give the same schedule (default remainder made explicit)."""
    return replace(a, remainder=a.effective_remainder) == replace(
        b, remainder=b.effective_remainder
    )


def replace_schedule(session: Session, rec: PlanRecord, items: tuple[Installment, ...]) -> None:
    """Rewrite the stored installments of a plan (only rows that differ are touched)."""
    old = {i.period: i for i in rec.installments}
    for item in items:
        row = old.pop(item.period, None)
        if row is None:
            row = InstallmentRecord(plan_id=rec.id, period=item.period)
            session.add(row)
            rec.installments.append(row)
        row.due_date, row.principal, row.fee = item.due_date, item.principal, item.fee
    for row in old.values():
        rec.installments.remove(row)
        session.delete(row)
    session.flush()


def edit_plan(
    db: Database, plan_id: int, data: PlanInput, as_of: date, paid_periods: int | None = None
) -> Change:
    """Change a plan. New terms regenerate only the unpaid part; every payment is kept.

    ``paid_periods`` (None: unchanged) sets how many periods were settled before tracking:
    prior payments are added for the missing ones and the newest beyond it are deleted
    (``services.underway``), after the new terms are applied.
    """
    data = validate_input(data)
    with db.session() as s:
        s.info[WRITE_DATE] = as_of
        rec = get_record(s, plan_id)
        changed = not same_terms(data.terms, terms_of(rec)) or data.holidays != rec.holidays
        if rec.closed_on is not None and changed:
            raise ServiceError("this plan is paid off; its terms can no longer change")
        if changed and any(p.kind == "prepayment" and not p.voided for p in rec.payments):
            raise ServiceError(
                "a prepayment is recorded on this plan; void it before changing the terms"
            )
        prior_changed = paid_periods is not None and paid_periods != len(live_prior(rec))
        if rec.closed_on is not None and prior_changed:
            raise ServiceError(
                "this plan is paid off; the periods paid before tracking can no longer change"
            )
        moved = data.account_id != rec.account_id or data.purchase_date != rec.purchase_date
        items = regenerate_unpaid(rec, data.terms, as_of, data.holidays) if changed else ()
        write_input(rec, data)
        if changed:
            replace_schedule(s, rec, items)
        if (changed or moved) and rec.account_id is not None and rec.closed_on is None:
            changed |= _follow_account(s, rec, as_of)
        touched: frozenset[int] = frozenset()
        if paid_periods is not None and prior_changed:
            touched = sync_prior(s, rec, paid_periods, as_of)
        if changed or touched:
            update_closed(rec, as_of)
        rec.updated_at = _now()
        return Change("plan_edited", frozenset({plan_id}), touched)


def _follow_account(session: Session, rec: PlanRecord, as_of: date) -> bool:
    """After an edit: the unpaid periods of a plan that follows its account fall due on the
    account's statements again (``account_dates``)."""
    from .account_dates import follow_account, follows

    account = session.get(AccountRecord, rec.account_id)
    if account is None:
        raise ServiceError("there is no account with id {id}", id=rec.account_id)
    terms = account_terms(account)
    if not follows(rec, terms):
        return False
    session.flush()
    return follow_account(rec, terms, as_of)


def set_archived(
    db: Database, plan_id: int, archived: bool = True, as_of: date | None = None
) -> Change:
    """Archive (hide from the default lists) or restore a plan; nothing else changes.
    ``as_of`` dates the write for the calendar feed (default: ``db.today()``)."""
    with db.session() as s:
        if as_of is not None:
            s.info[WRITE_DATE] = as_of
        rec = get_record(s, plan_id)
        rec.archived = archived
        rec.updated_at = _now()
        return Change("plan_archived" if archived else "plan_restored", frozenset({plan_id}))


def delete_plan(db: Database, plan_id: int, as_of: date | None = None) -> Change:
    """Delete a plan with its schedule and payments (callers confirm first); the calendar
    feed keeps its events as cancelled ones. ``as_of`` dates the write (default:
    ``db.today()``)."""
    with db.session() as s:
        if as_of is not None:
            s.info[WRITE_DATE] = as_of
        rec = get_record(s, plan_id)
        payment_ids = frozenset(p.id for p in rec.payments)
        s.delete(rec)
        return Change("plan_deleted", frozenset({plan_id}), payment_ids)


def list_plans(
    db: Database, as_of: date, include_archived: bool = False, reminder_days: int = 7
) -> list[PlanSummary]:
    """Every plan's overview row as of a date, archived ones only if asked.

    Read from the derived columns plus the installments that need attention (unsettled and due
    within the reminder window); only plans whose state depends on the date beyond that are
    replayed (see ``reads.states``).
    """
    with db.read_session() as s:
        con = s.connection().connection.driver_connection
        assert con is not None
        # the same plain-SQL read as the start-up path (storage.quick_open), in this snapshot
        return list_plan_summaries(con, as_of, include_archived, reminder_days)


def plan_summaries(
    db: Database, as_of: date, plan_ids: Iterable[int], reminder_days: int = 7
) -> list[PlanSummary]:
    """The overview rows of just these plans (archived included; unknown ids are left out), for
    a view that updates the rows a change touched: the same queries as ``list_plans``, each
    narrowed to the ids, so the statement count does not grow with the number of plans."""
    ids = sorted(set(plan_ids))
    if not ids:
        return []
    horizon = days_after(as_of, reminder_days)
    with db.read_session() as s:
        found = reads.states(
            s,
            as_of,
            reminder_days,
            [PlanRecord.id.in_(ids)],
            [reads.unsettled_by(horizon)],
            every_plan=True,
        )
    return [plan_summary(ps) for ps in found]


def plan_names(db: Database, include_archived: bool = True) -> list[tuple[int, str]]:
    """(id, name) of every plan by id: one Core select, for pickers that need names only."""
    q = select(PlanRecord.id, PlanRecord.name).order_by(PlanRecord.id)
    if not include_archived:
        q = q.where(PlanRecord.archived.is_(False))
    with db.read_session() as s:
        return [(r.id, r.name) for r in s.execute(q)]


def plan_detail(db: Database, plan_id: int, as_of: date, reminder_days: int = 7) -> PlanDetail:
    """One plan with terms, cost and every installment's status as of a date."""
    with db.read_session() as s:
        return detail_of(get_record(s, plan_id), as_of, reminder_days)

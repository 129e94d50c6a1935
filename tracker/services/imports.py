"""Import use cases: plans and payments from CSV, all or nothing.

Exports read in one transaction and return the file's bytes (``reports`` writes them). An
import is one transaction for the whole batch of files: every row is checked with the same
rules as adding a plan or recording a payment (``plans.validate_input``, the schedule builder,
``ledger.check_payment``, the payoff quote), and a batch with any bad row writes nothing and
reports every bad row by file and line. A dry run checks everything the same way and then
rolls back. The checking happens on a private in-memory copy, without the write lock; only
the copy of the result into the file takes it (see ``import_files``), and an audit of the
result must come back clean first.

How an import finds its way (see ``reports.csv_columns``):

- Each file's kind is told by its headers: plans (a ``principal``/本金 column) or payments
  (an ``amount``/金额 column). Plans files of a batch are imported before its payments files.
- A plans file's ``id`` column is the plan's key within the batch, and its id in the database
  when no plan there has that id (always so in an empty database); otherwise the plan gets a
  new id above every id in use and the report warns about it (``ImportReport.warnings``). The
  same holds for a payments file's ``id`` column and payment ids.
- A payment's ``plan_id`` is a key of a plans file in the same batch if there is one, else the
  id of a plan already in the database (so a payments file alone needs its plans to exist).
  A filled-in ``plan_name`` must match that plan's name.
- A plan's schedule is stored as the file's ``schedule`` column gives it (checked by
  ``csv_import``), so paid periods of a plan edited after payments keep their amounts; a file
  without the column (or an empty cell) rebuilds the schedule from the terms.
- Payments are applied in file order (our export is in date order). Voided payments are kept
  as voided; a ``payoff`` row closes its plan and must equal the payoff quote on its date, or,
  for a plan whose schedule came from the file (already paid off), exactly what that schedule
  still owes on that date; the plan's ``payoff_charge`` is then taken from the file.
- Plans already under way: a plans file may say how many periods were paid before tracking
  (``paid_periods``/已还期数); each becomes a ``prior`` payment as when adding a plan. Without
  it, a hand-made row (no ``schedule`` cell, no payments file in the batch) whose first due
  date has passed gets the default, every period due before the import's date, and the report
  says so (a warning). Rows of our own export (a ``schedule`` cell, or plans imported with a
  payments file, which holds their payments, prior ones with kind ``prior``) get none
  invented, even a plan that has no payments at all (an old export without the schedule
  column, imported with its payments file, must round-trip too).
- Warnings do not stop an import: a plan or payment that gets a new id, and a plan that looks
  like one already in the database (same name, platform, model, principal, periods and first
  due date: the file was probably imported before).

Round trip: exporting plans and payments, importing both into an empty database in one batch
and exporting again gives identical files (plans, payments and installments), whatever the ids
and however the plans were edited, paid or paid off.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from tracker.domain.errors import Phrase, UserError
from tracker.domain.ledger import Settlement
from tracker.domain.payoff import PayoffPolicy
from tracker.domain.rows import PaymentRow
from tracker.reports import csv_import
from tracker.reports.csv_columns import PlanLine
from tracker.storage.derived import consistency_problems
from tracker.storage.engine import Database
from tracker.storage.ics_events import WRITE_DATE
from tracker.storage.models import AccountRecord, PaymentRecord, PlanRecord
from tracker.storage.scratch import Changed, copy_plans, scratch_database, snapshot

from .convert import write_input
from .import_bulk import (
    NewRow,
    add_prior,
    audit_problems,
    insert_new,
    new_installments,
    new_plan,
    now_text,
)
from .import_payments import PlanPayments
from .model import Change, PlanInput, ServiceError
from .plans import MAX_ID, get_record, on_account, schedule_of, update_closed, validate_input
from .underway import resolve

__all__ = [
    "ImportFile",
    "ImportProblem",
    "ImportRefused",
    "ImportReport",
    "ImportedPayment",
    "ImportedPlan",
    "PlanNotFound",
    "import_file",
    "import_files",
]


# -- import -------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ImportFile:
    """One file of an import batch: a name to report lines against, and its bytes."""

    name: str
    data: bytes


@dataclass(frozen=True, slots=True, order=True)
class ImportProblem:
    """Why a line of a file cannot be imported.

    ``message`` is the English reason; ``error`` is the refusal it is the text of, from the
    CSV reader or the services (the GUI shows that in its own language); None only for a
    problem made from a plain message.
    """

    file: str
    line: int
    message: str
    error: UserError | None = field(default=None, compare=False, repr=False)

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}"


@dataclass(frozen=True, slots=True)
class ImportedPlan:
    """A plan the import adds: where it came from, its key in the file and its new id (on a
    dry run, the id it would get)."""

    file: str
    line: int
    key: int | None
    id: int
    name: str
    platform: str
    model: str
    principal: int
    periods: int
    currency: str
    first_due: date
    archived: bool
    paid_before_tracking: int = 0


@dataclass(frozen=True, slots=True)
class ImportedPayment:
    """A payment the import adds, to the plan ``plan_id`` (new id for a plan of the batch);
    ``id`` is its id in the database (on a dry run, the id it would get), ``key`` the id the
    file gave it (None when the file has no id column)."""

    file: str
    line: int
    plan_id: int
    plan_name: str
    date: date
    amount: int
    currency: str
    method: str
    note: str
    kind: str
    voided: bool
    id: int = 0
    key: int | None = None


@dataclass(frozen=True, slots=True)
class ImportReport:
    """What a batch adds (or would add) and every problem found; nothing is written unless
    ``problems`` is empty and it was not a dry run. ``warnings`` (same shape as problems) do
    not stop the import: a plan or payment given a new id because the file's id is taken, a
    plan that looks like one already in the database."""

    files: tuple[str, ...]
    plans: tuple[ImportedPlan, ...] = ()
    payments: tuple[ImportedPayment, ...] = ()
    problems: tuple[ImportProblem, ...] = ()
    dry_run: bool = False
    warnings: tuple[ImportProblem, ...] = ()


class ImportRefused(ServiceError):
    """A batch with bad rows: nothing was imported; ``report.problems`` lists every one."""

    def __init__(self, report: ImportReport) -> None:
        self.report = report
        n = len(report.problems)
        lines = len({(p.file, p.line) for p in report.problems})
        super().__init__(
            "{n} problem on {lines} line of {files}; nothing was imported"
            if n == 1
            else "{n} problems on {lines} line of {files}; nothing was imported"
            if lines == 1
            else "{n} problems on {lines} lines of {files}; nothing was imported",
            n=n,
            lines=lines,
            files=", ".join(report.files),
        )

    def __reduce__(self) -> tuple[Any, ...]:
        return (ImportRefused, (self.report,))


class PlanNotFound(UserError, LookupError):
    """A payment's ``plan_id`` names no plan of the batch or the database."""


class _Rollback(Exception):
    """Raised inside the transaction to undo it (a dry run, or a batch with problems)."""


@dataclass
class _Ids:
    """Ids in use: the file ids the database already has, and the highest id anywhere."""

    taken: set[int]
    top: int


@dataclass
class _Batch:
    session: Session
    as_of: date
    problems: list[ImportProblem] = field(default_factory=list)
    plans: list[ImportedPlan] = field(default_factory=list)
    payments: list[ImportedPayment] = field(default_factory=list)
    keys: dict[int, csv_import.PlanRef] = field(default_factory=dict)
    key_lines: dict[int, Phrase] = field(default_factory=dict)
    refused: dict[int, Phrase] = field(default_factory=dict)
    touched: set[int] = field(default_factory=set)
    payment_ids: set[int] = field(default_factory=set)
    warnings: list[ImportProblem] = field(default_factory=list)
    claimed_plans: set[int] = field(default_factory=set)
    claimed_payments: set[int] = field(default_factory=set)
    charges: dict[int, int] = field(default_factory=dict)
    with_payments: bool = False
    existing: dict[tuple[object, ...], tuple[int, str]] | None = None
    progress: Callable[[int], None] | None = None
    done: int = 0
    id_state: dict[str, _Ids] = field(default_factory=dict)
    records: dict[int, NewRow] = field(default_factory=dict)  # the batch's new plans
    replays: dict[int, tuple[tuple[Settlement, ...], int]] = field(default_factory=dict)
    stamp: str = field(default_factory=now_text)
    accounts: dict[str, tuple[int, str]] | None = None  # name → (id, currency), read once
    # plans whose file schedule a prepayment must explain (a loan's entries ≠ its periods):
    # plan id → (file, line, entries, periods); a prepayment row of the plan removes it
    reshaped: dict[int, tuple[str, int, int, int]] = field(default_factory=dict)

    def tick(self) -> None:
        """One more row handled: tell the caller (a progress bar may cancel by raising)."""
        self.done += 1
        if self.progress is not None:
            self.progress(self.done)

    def warn(self, file: str, line: int, warning: UserError) -> None:
        self.warnings.append(ImportProblem(file, line, str(warning), warning))

    def free_id(self, model: type[PlanRecord] | type[PaymentRecord], key: int | None) -> int:
        """``key`` when no row of ``model`` has it, else an id above every id in the database
        and in the batch's files (so a later row keeps its own id). Decided from what was
        read once per batch (``_ids``), not a query per row."""
        ids = self._ids(model)
        if key is not None and key not in ids.taken:
            ids.taken.add(key)
            return key
        ids.top += 1
        while ids.top in ids.taken:
            ids.top += 1
        ids.taken.add(ids.top)
        return ids.top

    def _ids(self, model: type[PlanRecord] | type[PaymentRecord]) -> _Ids:
        found = self.id_state.get(model.__tablename__)
        if found is None:
            claimed = self.claimed_plans if model is PlanRecord else self.claimed_payments
            taken: set[int] = set()
            wanted = sorted(k for k in claimed if 1 <= k <= MAX_ID)
            for start in range(0, len(wanted), 500):
                chunk = wanted[start : start + 500]
                taken.update(self.session.scalars(select(model.id).where(model.id.in_(chunk))))
            top = self.session.scalar(select(func.max(model.id))) or 0
            found = _Ids(taken, max(top, max(claimed, default=0)))
            self.id_state[model.__tablename__] = found
        return found

    def problem(self, file: str, line: int, message: str | UserError) -> None:
        if isinstance(message, UserError):
            self.problems.append(ImportProblem(file, line, str(message), message))
        else:
            self.problems.append(ImportProblem(file, line, message))

    # plans ---------------------------------------------------------------------------------
    def add_plans(self, name: str, table: csv_import.Table) -> None:
        if self.existing is None:  # the plans in the database before this batch
            self.existing = {}
            P = PlanRecord
            looks = select(P.id, P.name, P.platform, P.model, P.principal, P.periods, P.first_due)
            for old in self.session.execute(looks.order_by(P.id)):
                self.existing.setdefault(_look(old), (old.id, old.name))
        parsed = csv_import.parse_plans(table)
        for p in parsed.problems:
            self.problem(name, p.line, p.error or p.message)
        for key, line in parsed.refused_keys.items():
            self.refused.setdefault(
                key, Phrase("{file} line {line} has an error", file=name, line=line)
            )
        for line, plan in parsed.rows:
            self.tick()
            where = Phrase("{file} line {line}", file=name, line=line)
            if plan.id is not None and plan.id in self.key_lines:
                self.problem(
                    name,
                    line,
                    ServiceError(
                        "plan id {id} is also on {where}", id=plan.id, where=self.key_lines[plan.id]
                    ),
                )
                continue
            try:
                rec = self._insert_plan(plan)
                prior = self._paid_before(rec, plan)
                count, periods = len(plan.schedule), plan.terms.periods
                if plan.schedule and count not in (periods, periods + 1):
                    self.reshaped[rec.id] = (name, line, count, periods)
            except ServiceError as exc:
                self.problem(name, line, exc)
                if plan.id is not None:
                    self.refused[plan.id] = Phrase(
                        "{file} line {line} has an error", file=name, line=line
                    )
                continue
            if plan.id is not None:
                self.keys[plan.id] = csv_import.PlanRef(rec.id, rec.name, rec.currency)
                self.key_lines[plan.id] = where
                if rec.id != plan.id:
                    self.warn(
                        name,
                        line,
                        UserError(
                            "plan id {key} is taken in the database; this plan gets id {id}, "
                            "and the payments of this import that name plan {key} go to it",
                            key=plan.id,
                            id=rec.id,
                        ),
                    )
            same = self.existing.get(_look(rec)) if self.existing else None
            if same is not None:
                self.warn(
                    name,
                    line,
                    UserError(
                        "plan {id} ({name}) in the database has the same name, platform, model, "
                        "principal, periods and first due date; this adds a second one (remove "
                        "the row if the file was imported before)",
                        id=same[0],
                        name=same[1],
                    ),
                )
            if prior and plan.paid_periods is None:
                self.warn(
                    name,
                    line,
                    UserError(
                        "the first due date is in the past and the file does not say how many "
                        "periods were paid: the {count} due before {as_of} are recorded as paid "
                        "before tracking (a paid_periods column sets another number)",
                        count=prior,
                        as_of=self.as_of,
                    ),
                )
            t = plan.terms
            self.plans.append(
                ImportedPlan(
                    name,
                    line,
                    plan.id,
                    rec.id,
                    rec.name,
                    rec.platform,
                    t.model.value,
                    t.principal,
                    t.periods,
                    t.currency,
                    t.first_due,
                    bool(rec.archived),
                    prior,
                )
            )
            self.touched.add(rec.id)

    def _insert_plan(self, plan: PlanLine) -> NewRow:
        """What ``plans.add_plan`` stores, under the file's id when it is free and with the
        file's schedule when it has one; kept in memory until the batch is inserted in bulk
        (``import_bulk``)."""
        data = PlanInput(
            name=plan.name,
            terms=plan.terms,
            platform=plan.platform,
            purchase_date=plan.purchase_date,
            notes=plan.notes,
            grace_days=plan.grace_days,
            tolerance=plan.tolerance,
            penalty_daily_rate=plan.penalty_daily_rate,
            payoff_policy=PayoffPolicy(plan.payoff_policy),
            payoff_penalty_pct=plan.payoff_penalty_pct,
            holidays=plan.holidays,
            account_id=self._account_id(plan),
        )
        data = validate_input(data)
        items = plan.schedule or on_account(self.session, data, schedule_of(data))
        rec = new_plan(self.free_id(PlanRecord, plan.id), plan.archived, self.stamp)
        write_input(rec, data)  # type: ignore[arg-type]
        rec.installments = new_installments(rec.id, items)
        self.records[rec.id] = rec
        if plan.schedule:
            self.charges[rec.id] = plan.payoff_charge
        return rec

    def _account_id(self, plan: PlanLine) -> int | None:
        """The id of the account the row names (None for none); an account that does not
        exist is refused, naming the ones that do (an import creates no account)."""
        if plan.account is None:
            return None
        if self.accounts is None:
            self.accounts = {
                r.name: (r.id, r.currency)
                for r in self.session.execute(
                    select(AccountRecord.id, AccountRecord.name, AccountRecord.currency)
                )
            }
        found = self.accounts.get(plan.account)
        if found is None:
            if not self.accounts:
                raise ServiceError(
                    "account: there is no account named {name}, and no account yet; add the "
                    "account first, or clear the cell",
                    name=plan.account,
                )
            raise ServiceError(
                "account: there is no account named {name}; the accounts are {known} "
                "(add it first, or clear the cell)",
                name=plan.account,
                known=", ".join(sorted(self.accounts)),
            )
        if found[1] != plan.terms.currency:
            raise ServiceError(
                "account {name} bills in {currency}; the plan is in {plan_currency}",
                name=plan.account,
                currency=found[1],
                plan_currency=plan.terms.currency,
            )
        return found[0]

    def _paid_before(self, rec: NewRow, plan: PlanLine) -> int:
        """Record the periods paid before tracking: the file's ``paid_periods``, else (a
        hand-made row: no stored schedule, no payments file in the batch) every period due
        before the import's date. A row from our own export (it has the ``schedule`` cell, or
        comes with a payments file that holds its payments, prior ones included) gets none
        invented, even when that plan has no payments at all. Returns how many."""
        paid = plan.paid_periods
        ours = plan.schedule or self.with_payments
        if paid is None and ours:
            return 0
        paid = resolve(rec, paid, self.as_of)  # type: ignore[arg-type]
        if paid:
            add_prior(rec, paid, lambda: self.free_id(PaymentRecord, None), self.stamp)
            update_closed(rec, self.as_of)  # type: ignore[arg-type]
        return paid

    # payments ------------------------------------------------------------------------------
    def plan_of(self, key: int) -> csv_import.PlanRef:
        """The plan a payment's ``plan_id`` names: a plan of the batch, else of the database."""
        if key in self.keys:
            return self.keys[key]
        if key in self.refused:
            raise PlanNotFound(
                "plan {key} is not imported ({reason})", key=key, reason=self.refused[key]
            )
        rec = self.session.get(PlanRecord, key) if 1 <= key <= MAX_ID else None
        if rec is None:
            raise PlanNotFound(
                "there is no plan {key}, neither in the database nor in the import", key=key
            )
        return csv_import.PlanRef(rec.id, rec.name, rec.currency)

    def add_payments(self, name: str, table: csv_import.Table) -> None:
        parsed = csv_import.parse_payments(table, self.plan_of)
        for p in parsed.problems:
            self.problem(name, p.line, p.error or p.message)
        by_plan: dict[int, list[tuple[int, PaymentRow]]] = {}
        for line, pay in parsed.rows:
            by_plan.setdefault(pay.plan_id, []).append((line, pay))
        for plan_id, rows in by_plan.items():
            rec = self.records.get(plan_id) or get_record(self.session, plan_id)
            checked = PlanPayments(self, name, rec)
            checked.add(rows)
            self.replays[plan_id] = checked.outcome()

    def imported(self, name: str, line: int, pay: PaymentRow, payment_id: int) -> None:
        """Note a payment row that was accepted."""
        self.payment_ids.add(payment_id)
        self.touched.add(pay.plan_id)
        if pay.kind == "prepayment" and not pay.voided:
            self.reshaped.pop(pay.plan_id, None)
        if pay.id is not None and payment_id != pay.id:
            self.warn(
                name,
                line,
                UserError(
                    "payment id {key} is taken in the database; this payment gets id {id}",
                    key=pay.id,
                    id=payment_id,
                ),
            )
        self.payments.append(
            ImportedPayment(
                name,
                line,
                pay.plan_id,
                pay.plan_name,
                pay.date,
                pay.amount,
                pay.currency,
                pay.method,
                pay.note,
                pay.kind,
                pay.voided,
                payment_id,
                pay.id,
            )
        )


CHECK_ATTEMPTS = 3
"""How many times an import is checked aside before it falls back to checking under the lock."""


def _run(
    db: Database,
    tables: list[tuple[str, csv_import.Table]],
    early: list[ImportProblem],
    as_of: date,
    dry_run: bool,
    progress: Callable[[int, int], None] | None,
) -> _Batch:
    """Check and add the whole batch in one transaction of ``db``; roll it back when a row
    is bad or on a dry run. Returns the batch with what it added and every problem."""
    batch: _Batch | None = None
    try:
        with db.session() as s:
            s.info[WRITE_DATE] = as_of
            total = sum(len(table.rows) for _, table in tables)
            batch = _Batch(s, as_of, problems=list(early))
            if progress is not None:
                batch.progress = lambda done: progress(done, total)
            for _, table in tables:
                claimed = batch.claimed_plans if table.kind == "plans" else batch.claimed_payments
                claimed.update(csv_import.file_ids(table))
                batch.with_payments |= table.kind == "payments"
            for name, table in tables:
                if table.kind == "plans":
                    batch.add_plans(name, table)
                else:
                    batch.add_payments(name, table)
            for file, line, count, periods in batch.reshaped.values():
                batch.problem(
                    file,
                    line,
                    ServiceError(
                        "schedule: {count} entries for {periods} periods, and no prepayment of "
                        "the plan in the payments file explains them; import the payments file "
                        "with it, or clear the cell to rebuild the schedule from the terms",
                        count=count,
                        periods=periods,
                    ),
                )
            if batch.problems:
                raise _Rollback
            s.flush()  # the payments added to plans already in the database
            insert_new(s, batch.records.values())  # checked by SQLite's constraints too
            if dry_run:
                raise _Rollback
    except _Rollback:
        pass
    assert batch is not None
    return batch


def _check_aside(
    db: Database,
    tables: list[tuple[str, csv_import.Table]],
    early: list[ImportProblem],
    as_of: date,
    dry_run: bool,
    progress: Callable[[int, int], None] | None,
) -> _Batch:
    """The batch checked and applied on a private in-memory copy of one snapshot (no lock on
    the file meanwhile), audited there, then copied into the file under the write lock
    (``storage.scratch``). Raises Changed when the file changed since the snapshot."""
    with db.engine.connect() as conn:
        conn.execution_options(read_only=True)
        with conn.begin():
            memory, version = snapshot(conn)
        scratch = scratch_database(memory, db.path)
        try:
            batch = _run(scratch, tables, early, as_of, dry_run, progress)
            if batch.problems or dry_run:
                return batch
            _audit(scratch, batch)
            conn.execution_options(read_only=False)
            with conn.begin():  # BEGIN IMMEDIATE: the write lock, only for the copy
                copy_plans(memory, conn, batch.touched, version)
                _refuse_if(consistency_problems(conn))
            return batch
        finally:
            scratch.close()
            memory.close()


def _audit(scratch: Database, batch: _Batch) -> None:
    """The audit after an import, before anything reaches the file (``import_bulk``): no row
    points at a missing one, every plan passes the SQL consistency checks, and the derived
    columns of every plan whose payments were imported agree with the import's replay."""
    with scratch.engine.connect() as conn:
        conn.execution_options(read_only=True)
        with conn.begin():
            _refuse_if(audit_problems(conn, batch.replays))


def _refuse_if(problems: list[str]) -> None:
    if problems:
        raise ServiceError(
            "the check after the import found {count} problem(s), the first: {first}; "
            "nothing was imported",
            count=len(problems),
            first=problems[0],
        )


def import_files(
    db: Database,
    files: Sequence[ImportFile],
    as_of: date,
    dry_run: bool = False,
    progress: Callable[[int, int], None] | None = None,
) -> tuple[Change, ImportReport]:
    """Import plans and payments files as one batch in one transaction.

    ``progress(done, total)`` is called after each data row; an exception it raises (e.g. the
    user cancelled) aborts the import with nothing written.

    Returns the Change (``imported``; nothing on a dry run) and the report of what was added.
    Raises ImportRefused, with the report of every problem, when any row is bad: then nothing
    was written. A dry run checks everything and writes nothing (it works on a read-only
    file too; a real import there raises ReadOnlyDatabaseError at once).

    The rows are checked without the write lock, on a private copy of one snapshot
    (``storage.scratch``), so other commands, writers included, are answered meanwhile; the
    result is audited there (``_audit``), and the write lock is taken only to copy the rows of
    the plans the batch touched. If another process committed in between, the batch is
    checked again against the new state (and, should the file keep changing, finally under
    the write lock).
    """
    if not files:
        raise ServiceError("no file to import")
    names = tuple(f.name for f in files)
    tables: list[tuple[str, csv_import.Table]] = []
    early: list[ImportProblem] = []
    for f in files:
        try:
            tables.append((f.name, csv_import.read_table(f.data)))
        except csv_import.CsvError as exc:
            early += [ImportProblem(f.name, p.line, p.message, p.error) for p in exc.problems]
    tables.sort(key=lambda t: t[1].kind != "plans")  # plans first; stable otherwise
    if not dry_run:
        db.check_writable()  # a read-only file: refused before any work
    batch: _Batch | None = None
    for _attempt in range(CHECK_ATTEMPTS):
        try:
            batch = _check_aside(db, tables, early, as_of, dry_run, progress)
            break
        except Changed:  # another process committed meanwhile: check against the new state
            continue
    else:  # the file keeps changing: check and write under the write lock, the old way
        batch = _run(db, tables, list(early), as_of, dry_run, progress)
    assert batch is not None
    order = {n: i for i, n in enumerate(names)}
    report = ImportReport(
        files=names,
        plans=tuple(batch.plans),
        payments=tuple(batch.payments),
        problems=tuple(sorted(batch.problems, key=lambda p: (order[p.file], p.line))),
        dry_run=dry_run,
        warnings=tuple(sorted(batch.warnings, key=lambda p: (order[p.file], p.line))),
    )
    if report.problems:
        raise ImportRefused(report)
    if dry_run:
        return Change("import_checked"), report
    return (
        Change("imported", frozenset(batch.touched), frozenset(batch.payment_ids)),
        report,
    )


def _look(rec: PlanRecord) -> tuple[object, ...]:
    """What makes two plans look the same to a person re-importing a file."""
    return (rec.name, rec.platform, rec.model, rec.principal, rec.periods, rec.first_due)


def import_file(
    db: Database, data: bytes, as_of: date, dry_run: bool = False, name: str = "import.csv"
) -> tuple[Change, ImportReport]:
    """Import one plans or payments file (see ``import_files``)."""
    return import_files(db, [ImportFile(name, data)], as_of, dry_run)

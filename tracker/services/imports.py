"""Import use cases: plans and payments from CSV, all or nothing.

Exports read in one transaction and return the file's bytes (``reports`` writes them). An
import is one transaction for the whole batch of files: every row is checked with the same
rules as adding a plan or recording a payment (``plans.validate_input``, the schedule builder,
``ledger.check_payment``, the payoff quote), and a batch with any bad row writes nothing and
reports every bad row by file and line. A dry run checks everything the same way and then
rolls back.

How an import finds its way (see ``reports.csv_columns``):

- Each file's kind is told by its headers: plans (a ``principal``/本金 column) or payments
  (an ``amount``/金额 column). Plans files of a batch are imported before its payments files.
- Plans get new ids; a plans file's ``id`` column is the plan's key within the batch.
- A payment's ``plan_id`` is a key of a plans file in the same batch if there is one, else the
  id of a plan already in the database (so a payments file alone needs its plans to exist).
  A filled-in ``plan_name`` must match that plan's name.
- Payments are applied in file order (our export is in date order). Voided payments are kept
  as voided; a ``payoff`` row closes its plan and must equal the payoff quote on its date.

Round trip: exporting plans and payments, importing both into an empty database in one batch
and exporting again gives identical files, as long as the original ids run 1, 2, 3 … (new ids
are given in file order). A plan whose terms were edited after payments gets its schedule
rebuilt from its current terms.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy.orm import Session

from tracker.domain.ledger import Payment, PaymentError, check_payment
from tracker.domain.money import format_amount
from tracker.domain.payoff import PayoffPolicy, apply_payoff
from tracker.reports import csv_import
from tracker.reports.csv_columns import PaymentLine, PlanLine
from tracker.storage.engine import Database
from tracker.storage.models import PaymentRecord, PlanRecord

from .convert import (
    installments_of,
    payments_of,
    rules_of,
)
from .model import Change, PlanInput, ServiceError
from .payments import check_open, clean_text, quote_on
from .plans import MAX_ID, get_record, insert_plan, replace_schedule, update_closed

__all__ = [
    "ImportFile",
    "ImportProblem",
    "ImportRefused",
    "ImportReport",
    "ImportedPayment",
    "ImportedPlan",
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
    """Why a line of a file cannot be imported."""

    file: str
    line: int
    message: str

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


@dataclass(frozen=True, slots=True)
class ImportedPayment:
    """A payment the import adds, to the plan ``plan_id`` (new id for a plan of the batch)."""

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


@dataclass(frozen=True, slots=True)
class ImportReport:
    """What a batch adds (or would add) and every problem found; nothing is written unless
    ``problems`` is empty and it was not a dry run."""

    files: tuple[str, ...]
    plans: tuple[ImportedPlan, ...] = ()
    payments: tuple[ImportedPayment, ...] = ()
    problems: tuple[ImportProblem, ...] = ()
    dry_run: bool = False


class ImportRefused(ServiceError):
    """A batch with bad rows: nothing was imported; ``report.problems`` lists every one."""

    def __init__(self, report: ImportReport) -> None:
        self.report = report
        n = len(report.problems)
        lines = len({(p.file, p.line) for p in report.problems})
        super().__init__(
            f"{n} problem{'s' if n != 1 else ''} on {lines} line{'s' if lines != 1 else ''} "
            f"of {', '.join(report.files)}; nothing was imported"
        )


class _Rollback(Exception):
    """Raised inside the transaction to undo it (a dry run, or a batch with problems)."""


@dataclass
class _Batch:
    session: Session
    as_of: date
    problems: list[ImportProblem] = field(default_factory=list)
    plans: list[ImportedPlan] = field(default_factory=list)
    payments: list[ImportedPayment] = field(default_factory=list)
    keys: dict[int, csv_import.PlanRef] = field(default_factory=dict)
    key_lines: dict[int, str] = field(default_factory=dict)
    refused: dict[int, str] = field(default_factory=dict)
    touched: set[int] = field(default_factory=set)
    payment_ids: set[int] = field(default_factory=set)

    def problem(self, file: str, line: int, message: str) -> None:
        self.problems.append(ImportProblem(file, line, message))

    # plans ---------------------------------------------------------------------------------
    def add_plans(self, name: str, table: csv_import.Table) -> None:
        parsed = csv_import.parse_plans(table)
        for p in parsed.problems:
            self.problem(name, p.line, p.message)
        for key, line in parsed.refused_keys.items():
            self.refused.setdefault(key, f"{name} line {line} has an error")
        for line, plan in parsed.rows:
            where = f"{name} line {line}"
            if plan.id is not None and plan.id in self.key_lines:
                self.problem(name, line, f"plan id {plan.id} is also on {self.key_lines[plan.id]}")
                continue
            try:
                rec = self._insert_plan(plan)
            except ServiceError as exc:
                self.problem(name, line, str(exc))
                if plan.id is not None:
                    self.refused[plan.id] = f"{where} has an error"
                continue
            if plan.id is not None:
                self.keys[plan.id] = csv_import.PlanRef(rec.id, rec.name, rec.currency)
                self.key_lines[plan.id] = where
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
                )
            )
            self.touched.add(rec.id)

    def _insert_plan(self, plan: PlanLine) -> PlanRecord:
        """What ``plans.add_plan`` stores, inside the batch's transaction."""
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
        )
        return insert_plan(self.session, data, archived=plan.archived)

    # payments ------------------------------------------------------------------------------
    def plan_of(self, key: int) -> csv_import.PlanRef:
        """The plan a payment's ``plan_id`` names: a plan of the batch, else of the database."""
        if key in self.keys:
            return self.keys[key]
        if key in self.refused:
            raise LookupError(f"plan {key} is not imported ({self.refused[key]})")
        rec = self.session.get(PlanRecord, key) if 1 <= key <= MAX_ID else None
        if rec is None:
            raise LookupError(f"there is no plan {key}, neither in the database nor in the import")
        return csv_import.PlanRef(rec.id, rec.name, rec.currency)

    def add_payments(self, name: str, table: csv_import.Table) -> None:
        parsed = csv_import.parse_payments(table, self.plan_of)
        for p in parsed.problems:
            self.problem(name, p.line, p.message)
        for line, pay in parsed.rows:
            try:
                with self.session.begin_nested():
                    payment_id = self._record(pay)
            except (ServiceError, PaymentError) as exc:
                self.problem(name, line, str(exc))
                continue
            self.payment_ids.add(payment_id)
            self.touched.add(pay.plan_id)
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
                )
            )

    def _record(self, pay: PaymentLine) -> int:
        """What ``payments.record_payment`` (or ``pay_off``) stores, inside the batch."""
        rec = get_record(self.session, pay.plan_id)
        method, note = clean_text(pay.method, "method"), clean_text(pay.note, "note")
        if pay.date > self.as_of:
            raise ServiceError(
                f"the date {pay.date.isoformat()} is in the future; a payment is recorded "
                "on or after the day it is made"
            )
        for old in rec.payments:
            if old.id not in self.payment_ids and (
                old.date,
                old.amount,
                old.method,
                old.note,
                old.kind,
                bool(old.voided),
            ) == (pay.date, pay.amount, method, note, pay.kind, pay.voided):
                raise ServiceError(
                    f"this payment is already recorded (payment {old.id} of plan {rec.id}); "
                    "remove the row, or give it a note if it is another payment"
                )
        if not pay.voided:
            check_open(rec, pay.date, self.as_of)
            if pay.kind == "payoff":
                self._pay_off(rec, pay)
            else:
                new = Payment(pay.date, pay.amount, None, method, note)
                check_payment(
                    installments_of(rec), payments_of(rec), rules_of(rec), new, rec.currency
                )
        row = PaymentRecord(
            date=pay.date,
            amount=pay.amount,
            method=method,
            note=note,
            voided=pay.voided,
            kind=pay.kind,
        )
        rec.payments.append(row)
        self.session.flush()
        if not pay.voided:
            update_closed(rec, self.as_of)
        return row.id

    def _pay_off(self, rec: PlanRecord, pay: PaymentLine) -> None:
        quote = quote_on(rec, pay.date)
        if quote.amount != pay.amount:
            cur = rec.currency
            raise ServiceError(
                f"paying plan {rec.id} off on {pay.date.isoformat()} costs "
                f"{format_amount(quote.amount, cur)} under its policy, not "
                f"{format_amount(pay.amount, cur)}"
            )
        items = apply_payoff(installments_of(rec), payments_of(rec), rules_of(rec), quote)
        replace_schedule(self.session, rec, items)
        rec.payoff_charge = quote.charge


def import_files(
    db: Database, files: Sequence[ImportFile], as_of: date, dry_run: bool = False
) -> tuple[Change, ImportReport]:
    """Import plans and payments files as one batch in one transaction.

    Returns the Change (``imported``; nothing on a dry run) and the report of what was added.
    Raises ImportRefused, with the report of every problem, when any row is bad: then nothing
    was written. A dry run checks everything and writes nothing.
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
            early += [ImportProblem(f.name, p.line, p.message) for p in exc.problems]
    tables.sort(key=lambda t: t[1].kind != "plans")  # plans first; stable otherwise
    batch: _Batch | None = None
    try:
        with db.session() as s:
            batch = _Batch(s, as_of, problems=early)
            for name, table in tables:
                if table.kind == "plans":
                    batch.add_plans(name, table)
                else:
                    batch.add_payments(name, table)
            if batch.problems or dry_run:
                raise _Rollback
    except _Rollback:
        pass
    assert batch is not None
    order = {n: i for i, n in enumerate(names)}
    report = ImportReport(
        files=names,
        plans=tuple(batch.plans),
        payments=tuple(batch.payments),
        problems=tuple(sorted(batch.problems, key=lambda p: (order[p.file], p.line))),
        dry_run=dry_run,
    )
    if report.problems:
        raise ImportRefused(report)
    if dry_run:
        return Change("import_checked"), report
    return (
        Change("imported", frozenset(batch.touched), frozenset(batch.payment_ids)),
        report,
    )


def import_file(
    db: Database, data: bytes, as_of: date, dry_run: bool = False, name: str = "import.csv"
) -> tuple[Change, ImportReport]:
    """Import one plans or payments file (see ``import_files``)."""
    return import_files(db, [ImportFile(name, data)], as_of, dry_run)

"""The database tables as SQLAlchemy 2 typed models: plans, their stored schedules, payments.

Every table is STRICT, and the rules a row must satisfy live in the schema as named CHECK
constraints, so bad data is refused by SQLite itself (12.5 or '12,50' in a money column, a
negative amount, an unknown model name, an impossible date). Money is INTEGER minor units
(fen for CNY); rates are exact decimal strings; dates are ``YYYY-MM-DD`` text.

A plan's schedule is stored as generated (``installments``), so a later change of rules never
rewrites history. What reads need of the ledger (paid parts per installment; per plan the
balance, next due date, cost and APR) is derived at write time into columns of their own
(``tracker.storage.derived``), so lists are plain column reads. Relationships load lazily, only
when a write or a one-plan view touches them (sessions use ``expire_on_commit=False``).

Any change here needs a new Alembic revision in ``migrations/versions`` (and SCHEMA_REVISION
bumped to it); tests compare the migrated schema with these models.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import (
    CheckConstraint,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from .columns import (
    DecimalText,
    IsoDate,
    StrictBool,
    check_bool,
    check_decimal_text,
    check_iso_date,
    check_one_of,
    utc_timestamp,
)

__all__ = [
    "ACCOUNT_KINDS",
    "DUE_RULES",
    "FEE_MODES",
    "FEE_ROUNDINGS",
    "ICS_STATES",
    "INTEREST_RULES",
    "MODELS",
    "PAYMENT_KINDS",
    "PAYOFF_POLICIES",
    "REMAINDERS",
    "SCHEMA_REVISION",
    "AccountRecord",
    "Base",
    "BillPaymentRecord",
    "BillStatementRecord",
    "IcsEventRecord",
    "InstallmentRecord",
    "PaymentRecord",
    "PlanRecord",
]

from .schema_version import SCHEMA_REVISION

MODELS = ("flat", "total", "annuity", "equal_principal", "interest_free", "pay_in_n", "custom")
FEE_MODES = ("spread", "first")
FEE_ROUNDINGS = ("half_up", "half_even")
REMAINDERS = ("first", "last")
PAYOFF_POLICIES = ("charge_all_fees", "waive_future_fees", "penalty_pct")
PAYMENT_KINDS = ("payment", "payoff", "prior", "prepayment")
ACCOUNT_KINDS = ("credit_card", "huabei", "baitiao", "other")
DUE_RULES = ("day_of_month", "days_after")
INTEREST_RULES = ("full_statement", "unpaid_only")
ICS_STATES = ("owed", "paid", "archived", "deleted", "pending")

NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

_ZERO = text("0")
_NOW_SQL = text("(strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))")
_TABLE_OPTIONS = {"sqlite_strict": True, "sqlite_autoincrement": True}


class Base(DeclarativeBase):
    """Declarative base with a naming convention, so every constraint has a stable name."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)


def _repr(record: object, *names: str) -> str:
    """A repr that never loads anything (safe on expired or detached records)."""
    loaded = vars(record)
    shown = ", ".join(f"{n}={loaded[n]!r}" for n in names if n in loaded)
    return f"{type(record).__name__}({shown})"


def _money(column: str, *, positive: bool = False) -> CheckConstraint:
    if positive:
        return CheckConstraint(f"{column} > 0", name=f"{column}_positive")
    return CheckConstraint(f"{column} >= 0", name=f"{column}_not_negative")


class PlanRecord(Base):
    """One financed purchase and the terms its schedule was generated from.

    Money columns are minor units; ``rate`` is a fraction whose meaning depends on ``model``
    (per period for flat, whole plan for total, annual for annuity/equal_principal);
    ``custom_amounts`` is a JSON list of ints for the custom model, ``''`` otherwise;
    ``holidays`` the country whose non-working days due dates move off (NULL: none; the stored
    installments carry the moved dates).
    """

    __tablename__ = "plans"
    __table_args__ = (
        CheckConstraint("length(trim(name)) > 0", name="name_not_blank"),
        check_iso_date("purchase_date", nullable=True),
        CheckConstraint("currency GLOB '[A-Z][A-Z][A-Z]'", name="currency_code"),
        check_one_of("model", MODELS),
        _money("principal", positive=True),
        CheckConstraint("periods BETWEEN 1 AND 360", name="periods_range"),
        check_decimal_text("rate"),
        check_one_of("fee_mode", FEE_MODES),
        check_one_of("fee_rounding", FEE_ROUNDINGS),
        check_one_of("remainder", REMAINDERS),
        check_iso_date("first_due"),
        _money("down_payment"),
        _money("upfront_fee"),
        CheckConstraint(
            "(model = 'custom') = (custom_amounts <> '') AND (custom_amounts = '' "
            "OR (json_valid(custom_amounts) AND json_type(custom_amounts) = 'array'))",
            name="custom_amounts_json",
        ),
        CheckConstraint("holidays IS NULL OR holidays GLOB '[A-Z][A-Z]'", name="holidays_code"),
        CheckConstraint("grace_days >= 0", name="grace_days_not_negative"),
        _money("tolerance"),
        check_decimal_text("penalty_daily_rate"),
        check_one_of("payoff_policy", PAYOFF_POLICIES),
        check_decimal_text("payoff_penalty_pct"),
        check_bool("archived"),
        check_iso_date("closed_on", nullable=True),
        _money("payoff_charge"),
        _money("remaining"),
        CheckConstraint("paid_periods >= 0", name="paid_periods_not_negative"),
        CheckConstraint("schedule_periods >= 0", name="schedule_periods_not_negative"),
        check_iso_date("next_due", nullable=True),
        _money("next_amount"),
        check_iso_date("last_paid_on", nullable=True),
        _money("total_fee"),
        _money("total_cost"),
        _money("per_period"),
        check_decimal_text("apr"),
        check_decimal_text("effective_rate"),
        CheckConstraint("derived_rev >= 0", name="derived_rev_not_negative"),
        # "is any plan stale?" on every open, without reading every plan (storage.quick_open)
        Index(None, "derived_rev"),
        _TABLE_OPTIONS,
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    platform: Mapped[str] = mapped_column(Text, default="", server_default="")
    purchase_date: Mapped[dt.date | None] = mapped_column(IsoDate())
    notes: Mapped[str] = mapped_column(Text, default="", server_default="")
    currency: Mapped[str] = mapped_column(Text, default="CNY", server_default="CNY")
    model: Mapped[str] = mapped_column(Text)
    principal: Mapped[int] = mapped_column(Integer)
    periods: Mapped[int] = mapped_column(Integer)
    rate: Mapped[Decimal] = mapped_column(DecimalText(), default=Decimal(0), server_default="0")
    fee_mode: Mapped[str] = mapped_column(Text, default="spread", server_default="spread")
    fee_rounding: Mapped[str] = mapped_column(Text, default="half_up", server_default="half_up")
    remainder: Mapped[str] = mapped_column(Text)
    first_due: Mapped[dt.date] = mapped_column(IsoDate())
    down_payment: Mapped[int] = mapped_column(Integer, default=0, server_default=_ZERO)
    upfront_fee: Mapped[int] = mapped_column(Integer, default=0, server_default=_ZERO)
    custom_amounts: Mapped[str] = mapped_column(Text, default="", server_default="")
    # The working-day calendar due dates move by (ISO 3166 alpha-2, e.g. 'CN'); NULL: none.
    holidays: Mapped[str | None] = mapped_column(Text)
    # The card or platform whose monthly bill carries this plan (NULL: none).
    account_id: Mapped[int | None] = mapped_column(
        Integer, ForeignKey("accounts.id", ondelete="RESTRICT"), index=True
    )
    grace_days: Mapped[int] = mapped_column(Integer, default=0, server_default=_ZERO)
    tolerance: Mapped[int] = mapped_column(Integer, default=0, server_default=_ZERO)
    penalty_daily_rate: Mapped[Decimal] = mapped_column(
        DecimalText(), default=Decimal(0), server_default="0"
    )
    payoff_policy: Mapped[str] = mapped_column(
        Text, default="charge_all_fees", server_default="charge_all_fees"
    )
    payoff_penalty_pct: Mapped[Decimal] = mapped_column(
        DecimalText(), default=Decimal(0), server_default="0"
    )
    archived: Mapped[bool] = mapped_column(StrictBool(), default=False, server_default=_ZERO)
    closed_on: Mapped[dt.date | None] = mapped_column(IsoDate())
    payoff_charge: Mapped[int] = mapped_column(Integer, default=0, server_default=_ZERO)
    # Derived at write time from the schedule and payments (tracker.storage.derived); reads
    # use these instead of replaying the ledger. ``derived_rev`` below DERIVED_REV = stale.
    remaining: Mapped[int] = mapped_column(Integer, default=0, server_default=_ZERO)
    paid_periods: Mapped[int] = mapped_column(Integer, default=0, server_default=_ZERO)
    # how many installments the stored schedule has (the N of every "n/N")
    schedule_periods: Mapped[int] = mapped_column(Integer, default=0, server_default=_ZERO)
    next_due: Mapped[dt.date | None] = mapped_column(IsoDate())
    next_amount: Mapped[int] = mapped_column(Integer, default=0, server_default=_ZERO)
    last_paid_on: Mapped[dt.date | None] = mapped_column(IsoDate())
    total_fee: Mapped[int] = mapped_column(Integer, default=0, server_default=_ZERO)
    total_cost: Mapped[int] = mapped_column(Integer, default=0, server_default=_ZERO)
    per_period: Mapped[int] = mapped_column(Integer, default=0, server_default=_ZERO)
    apr: Mapped[Decimal] = mapped_column(DecimalText(), default=Decimal(0), server_default="0")
    effective_rate: Mapped[Decimal] = mapped_column(
        DecimalText(), default=Decimal(0), server_default="0"
    )
    derived_rev: Mapped[int] = mapped_column(Integer, default=0, server_default=_ZERO)
    created_at: Mapped[str] = mapped_column(Text, default=utc_timestamp, server_default=_NOW_SQL)
    updated_at: Mapped[str] = mapped_column(
        Text, default=utc_timestamp, onupdate=utc_timestamp, server_default=_NOW_SQL
    )

    installments: Mapped[list[InstallmentRecord]] = relationship(
        back_populates="plan",
        order_by="InstallmentRecord.period",
        cascade="all, delete-orphan",
        passive_deletes=True,
        lazy="select",
    )
    payments: Mapped[list[PaymentRecord]] = relationship(
        back_populates="plan",
        order_by="(PaymentRecord.date, PaymentRecord.id)",
        cascade="all, delete-orphan",
        passive_deletes=True,
        lazy="select",
    )

    def __repr__(self) -> str:
        return _repr(self, "id", "name", "model")


class InstallmentRecord(Base):
    """One period of a plan's schedule as generated: due date, principal part, fee part."""

    __tablename__ = "installments"
    __table_args__ = (
        CheckConstraint("period >= 1", name="period_positive"),
        check_iso_date("due_date"),
        _money("principal"),
        _money("fee"),
        _money("paid_principal"),
        _money("paid_fee"),
        _money("paid_penalty"),
        check_iso_date("settled_on", nullable=True),
        UniqueConstraint("plan_id", "period"),
        Index(None, "due_date"),
        Index(
            "ix_installments_open_due_date",
            "due_date",
            sqlite_where=text("paid_principal + paid_fee < principal + fee"),
        ),
        _TABLE_OPTIONS,
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    plan_id: Mapped[int] = mapped_column(Integer, ForeignKey("plans.id", ondelete="CASCADE"))
    period: Mapped[int] = mapped_column(Integer)
    due_date: Mapped[dt.date] = mapped_column(IsoDate())
    principal: Mapped[int] = mapped_column(Integer)
    fee: Mapped[int] = mapped_column(Integer)
    # Derived at write time (tracker.storage.derived): what payments settled of this period.
    paid_principal: Mapped[int] = mapped_column(Integer, default=0, server_default=_ZERO)
    paid_fee: Mapped[int] = mapped_column(Integer, default=0, server_default=_ZERO)
    paid_penalty: Mapped[int] = mapped_column(Integer, default=0, server_default=_ZERO)
    settled_on: Mapped[dt.date | None] = mapped_column(IsoDate())

    plan: Mapped[PlanRecord] = relationship(back_populates="installments")

    def __repr__(self) -> str:
        return _repr(self, "id", "plan_id", "period", "due_date", "principal", "fee")


class PaymentRecord(Base):
    """A payment made on a plan. Voided payments are kept (history is never lost).

    ``kind``: ``payment`` (recorded by the user), ``payoff`` (an early payoff), ``prior`` (a
    period already paid before the plan was tracked: dated on its due date, in full) or
    ``prepayment`` (part of a loan's principal repaid early; ``prepay`` is then a JSON object
    with the lender's choice and the schedule it replaced, so a void puts that back).
    ``bill_payment_id``: the bill payment this is one part of (NULL: paid on its own).
    """

    __tablename__ = "payments"
    __table_args__ = (
        check_iso_date("date"),
        _money("amount", positive=True),
        check_bool("voided"),
        check_one_of("kind", PAYMENT_KINDS),
        CheckConstraint(
            "(kind = 'prepayment') = (prepay <> '') AND (prepay = '' "
            "OR (json_valid(prepay) AND json_type(prepay) = 'object'))",
            name="prepay_json",
        ),
        Index(None, "plan_id", "date"),
        # the history's order with every column it shows: `history --json` and `export
        # payments` walk it with no sort and no table lookups (0008)
        Index(
            "ix_payments_history",
            "date",
            "id",
            "plan_id",
            "amount",
            "method",
            "note",
            "voided",
            "kind",
            "bill_payment_id",
        ),
        _TABLE_OPTIONS,
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    plan_id: Mapped[int] = mapped_column(Integer, ForeignKey("plans.id", ondelete="CASCADE"))
    date: Mapped[dt.date] = mapped_column(IsoDate())
    amount: Mapped[int] = mapped_column(Integer)
    method: Mapped[str] = mapped_column(Text, default="", server_default="")
    note: Mapped[str] = mapped_column(Text, default="", server_default="")
    voided: Mapped[bool] = mapped_column(StrictBool(), default=False, server_default=_ZERO)
    kind: Mapped[str] = mapped_column(Text, default="payment", server_default="payment")
    prepay: Mapped[str] = mapped_column(Text, default="", server_default="")
    bill_payment_id: Mapped[int | None] = mapped_column(
        Integer, ForeignKey("bill_payments.id", ondelete="SET NULL"), index=True
    )
    created_at: Mapped[str] = mapped_column(Text, default=utc_timestamp, server_default=_NOW_SQL)

    plan: Mapped[PlanRecord] = relationship(back_populates="payments")

    def __repr__(self) -> str:
        return _repr(self, "id", "plan_id", "date", "amount", "voided")


class AccountRecord(Base):
    """A credit card or platform (花呗, 白条) whose monthly bill gathers its plans' installments.

    ``statement_day`` 1–28, or 0 for the month's last day; the due rule is
    ``day_of_month(due_value)`` or ``days_after(due_value)`` (tracker.domain.accounts).
    Rates are exact decimal strings (fractions); amounts minor units.
    """

    __tablename__ = "accounts"
    __table_args__ = (
        CheckConstraint("length(trim(name)) > 0", name="name_not_blank"),
        UniqueConstraint("name"),
        check_one_of("kind", ACCOUNT_KINDS),
        CheckConstraint("statement_day BETWEEN 0 AND 28", name="statement_day_range"),
        check_one_of("due_rule", DUE_RULES),
        CheckConstraint("due_value BETWEEN 1 AND 60", name="due_value_range"),
        CheckConstraint("currency GLOB '[A-Z][A-Z][A-Z]'", name="currency_code"),
        check_decimal_text("min_percent"),
        check_decimal_text("daily_rate"),
        check_one_of("interest_rule", INTEREST_RULES),
        check_decimal_text("late_fee_percent"),
        _money("late_fee_min"),
        CheckConstraint("late_fee_max IS NULL OR late_fee_max >= 0", name="late_fee_max_range"),
        CheckConstraint("credit_limit IS NULL OR credit_limit >= 0", name="credit_limit_range"),
        CheckConstraint("grace_days >= 0", name="grace_days_not_negative"),
        _money("tolerance"),
        check_bool("archived"),
        _TABLE_OPTIONS,
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(Text)
    statement_day: Mapped[int] = mapped_column(Integer)
    due_rule: Mapped[str] = mapped_column(Text)
    due_value: Mapped[int] = mapped_column(Integer)
    currency: Mapped[str] = mapped_column(Text, default="CNY", server_default="CNY")
    min_percent: Mapped[Decimal] = mapped_column(DecimalText())
    daily_rate: Mapped[Decimal] = mapped_column(DecimalText())
    interest_rule: Mapped[str] = mapped_column(Text)
    late_fee_percent: Mapped[Decimal] = mapped_column(DecimalText())
    late_fee_min: Mapped[int] = mapped_column(Integer, default=0, server_default=_ZERO)
    late_fee_max: Mapped[int | None] = mapped_column(Integer)
    credit_limit: Mapped[int | None] = mapped_column(Integer)
    grace_days: Mapped[int] = mapped_column(Integer, default=0, server_default=_ZERO)
    tolerance: Mapped[int] = mapped_column(Integer, default=0, server_default=_ZERO)
    notes: Mapped[str] = mapped_column(Text, default="", server_default="")
    archived: Mapped[bool] = mapped_column(StrictBool(), default=False, server_default=_ZERO)
    created_at: Mapped[str] = mapped_column(Text, default=utc_timestamp, server_default=_NOW_SQL)
    updated_at: Mapped[str] = mapped_column(
        Text, default=utc_timestamp, onupdate=utc_timestamp, server_default=_NOW_SQL
    )

    def __repr__(self) -> str:
        return _repr(self, "id", "name", "kind")


class BillStatementRecord(Base):
    """What the user typed from one statement of an account: ordinary spending (and when it
    was posted), fees and interest on it, the unpaid part of the previous minimum, and the
    lender's total (to reconcile with the plans)."""

    __tablename__ = "bill_statements"
    __table_args__ = (
        check_iso_date("statement_date"),
        _money("spending"),
        check_iso_date("posted_on", nullable=True),
        _money("fees_interest"),
        _money("previous_minimum_unpaid"),
        CheckConstraint("lender_amount IS NULL OR lender_amount >= 0", name="lender_amount_range"),
        UniqueConstraint("account_id", "statement_date"),
        _TABLE_OPTIONS,
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    account_id: Mapped[int] = mapped_column(Integer, ForeignKey("accounts.id", ondelete="CASCADE"))
    statement_date: Mapped[dt.date] = mapped_column(IsoDate())
    spending: Mapped[int] = mapped_column(Integer, default=0, server_default=_ZERO)
    posted_on: Mapped[dt.date | None] = mapped_column(IsoDate())
    fees_interest: Mapped[int] = mapped_column(Integer, default=0, server_default=_ZERO)
    previous_minimum_unpaid: Mapped[int] = mapped_column(Integer, default=0, server_default=_ZERO)
    lender_amount: Mapped[int | None] = mapped_column(Integer)
    created_at: Mapped[str] = mapped_column(Text, default=utc_timestamp, server_default=_NOW_SQL)
    updated_at: Mapped[str] = mapped_column(
        Text, default=utc_timestamp, onupdate=utc_timestamp, server_default=_NOW_SQL
    )

    def __repr__(self) -> str:
        return _repr(self, "id", "account_id", "statement_date")


class IcsEventRecord(Base):
    """The calendar-feed event of one installment as last published (``tracker.storage.
    ics_events`` keeps it at write time): its fingerprint (due date, amount = principal + fee,
    remaining = unpaid principal + fee, state), its revision ``sequence`` and ``overdue_from``
    (the day it turns overdue by itself, NULL if it never does). No foreign key: the row of a
    deleted plan or period stays as a tombstone (``state = 'deleted'``, ``deleted_on`` set) so
    the next feed can cancel the event; ``pending`` marks a row an upgrade filled that the
    first refresh settles without a new revision."""

    __tablename__ = "ics_events"
    __table_args__ = (
        CheckConstraint("period >= 1", name="period_positive"),
        CheckConstraint("length(trim(plan_name)) > 0", name="plan_name_not_blank"),
        CheckConstraint("periods >= 1", name="periods_positive"),
        CheckConstraint("currency GLOB '[A-Z][A-Z][A-Z]'", name="currency_code"),
        check_iso_date("due_date"),
        _money("amount"),
        _money("remaining"),
        check_one_of("state", ICS_STATES),
        CheckConstraint("sequence >= 0", name="sequence_not_negative"),
        check_iso_date("overdue_from", nullable=True),
        check_iso_date("deleted_on", nullable=True),
        CheckConstraint(
            "(state = 'deleted') = (deleted_on IS NOT NULL)", name="deleted_on_when_deleted"
        ),
        Index(None, "deleted_on", sqlite_where=text("deleted_on IS NOT NULL")),
        {"sqlite_strict": True},
    )

    plan_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    period: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    plan_name: Mapped[str] = mapped_column(Text)
    periods: Mapped[int] = mapped_column(Integer)
    currency: Mapped[str] = mapped_column(Text)
    due_date: Mapped[dt.date] = mapped_column(IsoDate())
    amount: Mapped[int] = mapped_column(Integer)
    remaining: Mapped[int] = mapped_column(Integer)
    state: Mapped[str] = mapped_column(Text)
    sequence: Mapped[int] = mapped_column(Integer, default=0, server_default=_ZERO)
    overdue_from: Mapped[dt.date | None] = mapped_column(IsoDate())
    deleted_on: Mapped[dt.date | None] = mapped_column(IsoDate())

    def __repr__(self) -> str:
        return _repr(self, "plan_id", "period", "state", "sequence")


class BillPaymentRecord(Base):
    """One payment of an account's bill, as the user made it: the plans' parts are payments
    of their own (``payments.bill_payment_id``), recorded, voided and undone together.

    ``amount`` is what the user paid; ``spending`` the part of it left for the statement's
    ordinary spending (not tracked); ``account_id`` NULL once the account is deleted.
    """

    __tablename__ = "bill_payments"
    __table_args__ = (
        check_iso_date("statement_date"),
        check_iso_date("date"),
        _money("amount", positive=True),
        _money("spending"),
        check_bool("voided"),
        _TABLE_OPTIONS,
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    account_id: Mapped[int | None] = mapped_column(
        Integer, ForeignKey("accounts.id", ondelete="SET NULL"), index=True
    )
    statement_date: Mapped[dt.date] = mapped_column(IsoDate())
    date: Mapped[dt.date] = mapped_column(IsoDate())
    amount: Mapped[int] = mapped_column(Integer)
    spending: Mapped[int] = mapped_column(Integer, default=0, server_default=_ZERO)
    method: Mapped[str] = mapped_column(Text, default="", server_default="")
    note: Mapped[str] = mapped_column(Text, default="", server_default="")
    voided: Mapped[bool] = mapped_column(StrictBool(), default=False, server_default=_ZERO)
    created_at: Mapped[str] = mapped_column(Text, default=utc_timestamp, server_default=_NOW_SQL)

    def __repr__(self) -> str:
        return _repr(self, "id", "account_id", "date", "amount", "voided")

"""The three CSV layouts: their records, stable English column names and Chinese aliases.

Exports write one header row of the English names below, in this order; imports accept the
English name or its Chinese alias (or a listed extra alias), in any order and any letter case.
Which kind a file holds is told by its headers (see ``detect_kind``):

- **plans**: a ``principal`` (本金) column and no ``due_date``. One row per plan, carrying every
  term needed to rebuild it exactly, and its stored schedule (``schedule``, below). ``id`` is
  the plan's key in the file: payments imported in the same batch refer to it, and the import
  keeps it as the plan's id when no plan of the database has it (a new id otherwise, reported).
- **payments**: an ``amount`` (金额) column. ``plan_id`` names the plan: a plan of the same import
  batch (by its ``id`` in the plans file), otherwise a plan already in the database. When
  ``plan_name`` is filled in it must match that plan's name, so a payments file cannot land on
  the wrong plan after ids were renumbered.
- **installments**: has ``due_date`` (还款日); export only (a schedule is computed from its plan).
  The charge column is named for the plans' kind (``Model.charge``): ``fee`` (手续费) for consumer
  plans, ``interest`` (利息) for loans (annuity, equal principal). A file holding only loans has
  ``interest`` and no ``fee``; one holding only consumer plans (or nothing) ``fee`` and no
  ``interest``; a file mixing both kinds has both columns, next to each other, each row filling
  its plan's one and leaving the other empty (so a column's sum is all fees, or all interest).

Formula injection (OWASP "CSV injection"): a text cell whose content starts with ``= + - @``, Tab
or CR gets a leading ``'`` on export; numeric and date cells are never touched. ``restore`` undoes
it on import. Text that already starts with ``'`` followed (after more quotes) by one of those
characters gets one more ``'``, so the guard is reversible for every string.

Rates are written as percentages (``rate_pct`` 0.6 means 0.6 % per period), as users type them.
Cells are read leniently where nothing is guessed: dates year first (``2024/1/31`` as Excel
re-saves them), ``true``/``TRUE``/``是``, model names in English or Chinese (``等额本息``).

The ``schedule`` column (还款计划) of a plans file holds the plan's schedule as stored, so history
survives a round trip even when it no longer follows from the terms (a plan edited after
payments keeps its paid periods as they were; an early payoff waives fees or adds a charge).
One entry per period, in order, separated by ``;``; an entry is ``PRINCIPAL/FEE`` (FEE is the
period's interest for a loan; the header alias ``每期本金/利息`` says so), amounts
written like every other amount cell (plain decimals with the currency's digits)::

    416.62/29.99;416.58/29.99;416.58/29.99;416.58/25.00;…

An entry is due on its period's date from ``first_due`` (monthly, every 14 days for pay_in_n);
when the stored date differs, the entry ends with ``@YYYY-MM-DD``: the paid periods of a plan
whose first due date was edited later, or the one extra entry after the last period that an
early payoff adds to carry its charge when every period was already due (``0.00/36.00@2026-11-21``;
its principal is always 0). On import the schedule is stored exactly as written after checks
(one entry per period plus at most that extra one, no negative amount, Σ principal = the
``principal`` cell); an empty cell, or a file without the column (older exports, hand-made
files), rebuilds the schedule from the terms. A loan's schedule may have more or fewer entries
than ``periods``: a partial prepayment regenerates it (the prepayment becomes a period of its
own, then 108 lower or 82 unchanged payments follow); the payments file carries that
prepayment with its detail (``prepay``, 提前还款明细: the JSON the database keeps, so voiding it
after the import puts the earlier schedule back). ``payoff_charge`` (提前结清违约金) is the charge
of the early payoff that closed the plan (0 otherwise); the import stores it with that payoff.

``fee_rounding`` (手续费取整方式: ``half_up``/四舍五入 or ``half_even``/银行家舍入) is how a total
plan's fee is rounded; other models export ``half_up``. Optional on import (blank or absent:
``half_up``); ``half_even`` on a model without a total fee is refused. A blank or absent
``payoff_policy`` gives the model's default (loans ``waive_future_fees``, others
``charge_all_fees``). ``remainder`` and ``fee_mode`` are written for every model (as stored) and
read back as they are; a model that does not use them ignores them.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from functools import cache
from types import MappingProxyType

from tracker.domain.dates import due_dates
from tracker.domain.errors import Phrase, UserError
from tracker.domain.money import Amount, format_amount, parse_amount
from tracker.domain.plan import Charge, Installment, Model, PlanTerms

__all__ = [
    "INSTALLMENT_COLUMNS",
    "KINDS",
    "PAYMENT_COLUMNS",
    "PLAN_COLUMNS",
    "PREPAY",
    "CellError",
    "Column",
    "PlanLine",
    "format_schedule",
    "header_key",
    "neutralise",
    "parse_amounts",
    "parse_bool",
    "parse_choice",
    "parse_date",
    "parse_holidays",
    "parse_int",
    "parse_prepay",
    "parse_schedule",
    "restore",
    "whole_number",
]

KINDS = ("payments", "installments", "plans")

_TRIGGERS = "=+-@\t\r"
_GUARDED = re.compile(r"'*[=+\-@\t\r]")
_RESTORABLE = re.compile(r"'+[=+\-@\t\r]")


def neutralise(text: str) -> str:
    """Prefix ``'`` to a text cell a spreadsheet would run as a formula ("=1+1" → "'=1+1")."""
    return "'" + text if _GUARDED.match(text) else text


def restore(text: str) -> str:
    """Undo ``neutralise`` ("'=1+1" → "=1+1"); any other text is returned unchanged."""
    return text[1:] if _RESTORABLE.match(text) else text


@dataclass(frozen=True, slots=True)
class Column:
    """One CSV column.

    Attributes:
        key: the stable English header written on export.
        zh: the Chinese header accepted on import.
        text: whether cells are free text (guarded against formula injection).
        required: whether an import file must have the column.
        aliases: more accepted spellings.
    """

    key: str
    zh: str
    text: bool = False
    required: bool = False
    aliases: tuple[str, ...] = field(default=())


PLAN_COLUMNS: tuple[Column, ...] = (
    Column("id", "编号", aliases=("plan_id", "分期编号")),
    Column("name", "名称", text=True, required=True, aliases=("plan_name", "分期名称")),
    Column("platform", "平台", text=True),
    Column("purchase_date", "购买日期"),
    Column("notes", "备注", text=True, aliases=("note",)),
    Column("currency", "币种"),
    Column("model", "计息方式", required=True, aliases=("分期类型",)),
    Column("principal", "本金", required=True),
    Column("periods", "期数", required=True),
    Column("rate_pct", "费率", aliases=("rate", "利率")),
    Column("first_due", "首次还款日", required=True, aliases=("首期还款日",)),
    Column("remainder", "尾差"),
    Column("fee_mode", "手续费收取方式"),
    Column("fee_rounding", "手续费取整方式", aliases=("总手续费取整",)),
    Column("upfront_fee", "前置费用"),
    Column("down_payment", "首付"),
    Column("custom_amounts", "每期金额"),
    Column("grace_days", "宽限天数", aliases=("宽限期",)),
    Column("tolerance", "容差"),
    Column("penalty_daily_pct", "日罚息率", aliases=("罚息率",)),
    Column("payoff_policy", "提前结清方式"),
    Column("payoff_penalty_pct", "提前结清违约金率"),
    Column("archived", "已归档"),
    Column("payoff_charge", "提前结清违约金"),
    Column("account", "账户", text=True, aliases=("account_name", "账户名称")),
    Column("holidays", "节假日顺延", aliases=("holiday_calendar", "工作日历")),
    Column("schedule", "还款计划", aliases=("installments", "每期本金/手续费", "每期本金/利息")),
)

#: Import only: how many periods were paid before tracking (a hand-made file of plans already
#: under way). Never exported: our export carries those payments in the payments file instead.
PAID_PERIODS = Column("paid_periods", "已还期数", aliases=("periods_paid", "已还"))

PAYMENT_COLUMNS: tuple[Column, ...] = (
    Column("id", "编号", aliases=("payment_id", "还款编号")),
    Column("plan_id", "分期编号", required=True, aliases=("plan",)),
    Column("plan_name", "分期名称", text=True, aliases=("名称",)),
    Column("date", "日期", required=True, aliases=("还款日期",)),
    Column("amount", "金额", required=True, aliases=("还款金额",)),
    Column("currency", "币种"),
    Column("method", "还款方式", text=True),
    Column("note", "备注", text=True, aliases=("notes",)),
    Column("kind", "类型"),
    Column("voided", "已作废"),
)

#: A prepayment's detail (the lender's choice and the rows it replaced), so that a prepaid loan
#: round-trips: exported after ``PAYMENT_COLUMNS`` only when a payment is a prepayment; files
#: without it import as before.
PREPAY = Column("prepay", "提前还款明细", aliases=("prepayment_detail",))

# Every column an installments file can have; an export leaves out the charge column (fee or
# interest) that none of its plans uses (csv_export.installment_columns).
INSTALLMENT_COLUMNS: tuple[Column, ...] = (
    Column("plan_id", "分期编号"),
    Column("plan_name", "分期名称", text=True),
    Column("platform", "平台", text=True),
    Column("period", "期次"),
    Column("periods", "总期数"),
    Column("due_date", "还款日"),
    Column("currency", "币种"),
    Column("principal", "本金"),
    Column(Charge.FEE.value, "手续费"),
    Column(Charge.INTEREST.value, "利息"),
    Column("total", "应还"),
    Column("paid", "已还"),
    Column("remaining", "未还"),
    Column("penalty", "罚息"),
    Column("status", "状态"),
    Column("days_overdue", "逾期天数"),
)

COLUMNS: dict[str, tuple[Column, ...]] = {
    "plans": (*PLAN_COLUMNS, PAID_PERIODS),
    "payments": (*PAYMENT_COLUMNS, PREPAY),
    "installments": INSTALLMENT_COLUMNS,
}


def header_key(text: str) -> str:
    """A header cell as compared: NFKC, no spaces or ``_``/``-``, no ``(%)``, lower case."""
    text = unicodedata.normalize("NFKC", text).strip().casefold()
    text = text.replace("(%)", "").replace("%", "")
    return re.sub(r"[\s_\-]", "", text)


@cache
def aliases(kind: str) -> Mapping[str, str]:
    """Every accepted spelling of ``kind``'s headers (as ``header_key``) → the column key
    (worked out once per kind; read-only)."""
    found: dict[str, str] = {}
    for col in COLUMNS[kind]:
        for name in (col.key, col.zh, *col.aliases):
            found.setdefault(header_key(name), col.key)
    return MappingProxyType(found)


@dataclass(frozen=True, slots=True)
class PlanLine:
    """One row of the plans CSV: a plan's key and everything needed to rebuild it.

    Attributes:
        id: the plan's id (export) or its key in the file (import; None when the file has none).
        name, platform, notes: as the user typed them.
        purchase_date: when it was bought, if known.
        terms: the financial terms (model, principal, periods, rate, first due date, …).
        grace_days, tolerance, penalty_daily_rate: the overdue rules (tolerance in minor units,
            the rate a fraction per day).
        payoff_policy: ``charge_all_fees``, ``waive_future_fees`` or ``penalty_pct``.
        payoff_penalty_pct: the payoff penalty as a fraction of the remaining principal.
        archived: hidden from the default lists.
        payoff_charge: the charge of the early payoff that closed the plan, minor units.
        schedule: the stored schedule (every installment with its due date); empty when the
            file has none, and the import rebuilds it from ``terms``.
        paid_periods: periods paid before tracking (import only; None when the file does not
            say: the import then decides, see ``services.imports``).
        holidays: the country whose non-working days the due dates move off (``CN``), None
            for none; a file without the column (older exports) means none.
        account: the name of the account (card, 花呗, 白条) whose bill carries the plan; None
            for none (and for a file without the column).
    """

    id: int | None
    name: str
    platform: str
    purchase_date: date | None
    notes: str
    terms: PlanTerms
    grace_days: int = 0
    tolerance: int = 0
    penalty_daily_rate: Decimal = Decimal(0)
    payoff_policy: str = "charge_all_fees"
    payoff_penalty_pct: Decimal = Decimal(0)
    archived: bool = False
    payoff_charge: int = 0
    schedule: tuple[Installment, ...] = ()
    paid_periods: int | None = None
    holidays: str | None = None
    account: str | None = None


# -- cells: how an import reads them ------------------------------------------------------------


class CellError(UserError):
    """A cell that cannot be read; the message (a template, see ``tracker.domain.errors``)
    says what is accepted instead."""


_DATE = re.compile(r"(\d{4})([-/.])(\d{1,2})\2(\d{1,2})|(\d{4})年(\d{1,2})月(\d{1,2})日?")


def parse_date(text: str) -> date:
    """A date, year first: ``2024-01-31``, ``2024/1/31``, ``2024.1.31`` or ``2024年1月31日``."""
    raw = unicodedata.normalize("NFKC", text).strip()
    m = _DATE.fullmatch(raw)
    if m is None:
        raise CellError("{text!r} is not a date; use YYYY-MM-DD, e.g. 2024-01-31", text=text)
    y, mo, d = (m.group(1), m.group(3), m.group(4)) if m.group(1) else m.group(5, 6, 7)
    try:
        return date(int(y), int(mo), int(d))
    except ValueError:
        raise CellError("{text!r} is not a real date", text=text) from None


def whole_number(text: str, low: int, high: int) -> int | None:
    """The whole number from ``low`` to ``high`` that ``text`` holds, or None."""
    raw = unicodedata.normalize("NFKC", text).strip()
    return int(raw) if raw.isdigit() and low <= int(raw) <= high else None


def parse_int(text: str, what: Phrase, low: int, high: int) -> int:
    """A whole number from ``low`` to ``high``; ``what`` names it in the message."""
    number = whole_number(text, low, high)
    if number is None:
        raise CellError(
            "{text!r} is not a {what}; enter a whole number from {low} to {high}",
            text=text,
            what=what,
            low=low,
            high=high,
        )
    return number


_TRUE = {"true", "yes", "y", "1", "是", "已归档", "已作废"}
_FALSE = {"false", "no", "n", "0", "否", ""}


def parse_bool(text: str) -> bool:
    """``true``/``false`` (also yes/no, 1/0, 是/否; empty is false)."""
    raw = unicodedata.normalize("NFKC", text).strip().casefold()
    if raw in _TRUE:
        return True
    if raw in _FALSE:
        return False
    raise CellError("{text!r} is not true or false", text=text)


def parse_holidays(text: str) -> str | None:
    """A working-day calendar's country code (two letters, ``CN``); blank is none. Whether the
    holidays package knows the country is checked when the plan is stored."""
    raw = unicodedata.normalize("NFKC", text).strip().upper()
    if not raw:
        return None
    if not re.fullmatch(r"[A-Z]{2}", raw):
        raise CellError(
            "{text!r} is not a country code; use two letters such as CN, or leave it blank",
            text=text,
        )
    return raw


def parse_choice(text: str, what: Phrase, names: dict[str, str], default: str | None = None) -> str:
    """One of ``names``' values, by any of its keys (case, spaces and ``-`` ignored); ``what``
    names the value in the message."""
    raw = re.sub(r"[\s\-]+", "_", unicodedata.normalize("NFKC", text).strip().casefold())
    if not raw and default is not None:
        return default
    if raw in names:
        return names[raw]
    accepted = ", ".join(sorted(set(names.values())))
    raise CellError(
        "{text!r} is not a {what}; use one of: {accepted}", text=text, what=what, accepted=accepted
    )


MODEL_NAMES = {
    **{m: m for m in ("flat", "total", "annuity", "equal_principal", "interest_free")},
    **{"pay_in_n": "pay_in_n", "custom": "custom"},
    "每期手续费": "flat",
    "总费率": "total",
    "等额本息": "annuity",
    "等额本金": "equal_principal",
    "免息": "interest_free",
    "自定义": "custom",
}
REMAINDER_NAMES = {"first": "first", "last": "last", "首期": "first", "末期": "last"}
FEE_MODE_NAMES = {"spread": "spread", "first": "first", "分期收取": "spread", "一次性收取": "first"}
FEE_ROUNDING_NAMES = {
    "half_up": "half_up",
    "half_even": "half_even",
    "half-up": "half_up",
    "half-even": "half_even",
    "四舍五入": "half_up",
    "银行家舍入": "half_even",
}
POLICY_NAMES = {
    "charge_all_fees": "charge_all_fees",
    "waive_future_fees": "waive_future_fees",
    "penalty_pct": "penalty_pct",
}
KIND_NAMES = {
    "payment": "payment",
    "payoff": "payoff",
    "prior": "prior",
    "prepayment": "prepayment",
    "还款": "payment",
    "提前结清": "payoff",
    "记账前已还": "prior",
    "提前还款": "prepayment",
}


def parse_prepay(text: str) -> str:
    """A prepayment's detail cell (``prepay``): the JSON object the database keeps for it
    (``{"keep": "term"|"payment", "paid_periods": N, "replaced": [[period, "YYYY-MM-DD",
    principal, interest], …]}``), returned compact; CellError says what is wrong."""
    raw = text.strip()
    if not raw:
        return ""
    try:
        data = json.loads(raw)
        keep, paid, replaced = data["keep"], data["paid_periods"], data["replaced"]
        ok = keep in ("term", "payment") and type(paid) is int and paid >= 0
        ok = ok and isinstance(replaced, list) and bool(replaced)
        for row in replaced if ok else ():
            period, due, principal, fee = row
            date.fromisoformat(due)
            ok = ok and all(type(v) is int and v >= 0 for v in (period, principal, fee))
    except (ValueError, TypeError, KeyError):
        ok = False
    if not ok:
        raise CellError(
            "this is not a prepayment's detail as exported (a JSON object with keep, "
            "paid_periods and replaced); copy it from the export unchanged"
        )
    return json.dumps(data, separators=(",", ":"))


def parse_amounts(text: str, cur: str) -> tuple[int, ...]:
    """Per-period amounts separated by ``;`` (or ``；``/``、``)."""
    raw = unicodedata.normalize("NFKC", text).replace("、", ";").strip().strip(";")
    return tuple(parse_amount(part, cur) for part in raw.split(";")) if raw else ()


# -- the stored schedule of a plan ----------------------------------------------------------------

_ENTRY = re.compile(r"([^/@]+)/([^/@]+?)(?:@(.+))?")


def _dates(terms: PlanTerms, count: int) -> list[date]:
    """The due dates the terms give periods 1..count (beyond ``periods`` as well)."""
    return due_dates(terms.first_due, count, biweekly=terms.model is Model.PAY_IN_N)


def format_schedule(items: tuple[Installment, ...], terms: PlanTerms) -> str:
    """The ``schedule`` cell: ``PRINCIPAL/FEE`` per period, ``@date`` where the due date is not
    the one the terms give (see the module docstring)."""
    cur = terms.currency
    dates = _dates(terms, len(items))
    return ";".join(
        f"{format_amount(i.principal, cur)}/{format_amount(i.fee, cur)}"
        + ("" if i.due_date == expected else f"@{i.due_date.isoformat()}")
        for i, expected in zip(items, dates, strict=True)
    )


def parse_schedule(text: str, terms: PlanTerms) -> tuple[Installment, ...]:
    """The installments of a ``schedule`` cell, checked against ``terms``; CellError says what
    is wrong. Empty text gives ``()``: rebuild from the terms."""
    raw = unicodedata.normalize("NFKC", text).strip().strip(";")
    if not raw:
        return ()
    cur = terms.currency
    entries = [e.strip() for e in raw.split(";")]
    prepaid = terms.model.is_loan  # a prepayment regenerates a loan's schedule (any count)
    if len(entries) not in (terms.periods, terms.periods + 1) and not prepaid:
        raise CellError(
            "{count} entries for {periods} periods; write one PRINCIPAL/FEE entry per period, "
            "or clear the cell to rebuild the schedule from the terms",
            count=len(entries),
            periods=terms.periods,
        )
    dates = _dates(terms, len(entries))
    items: list[Installment] = []
    for k, entry in enumerate(entries, start=1):
        m = _ENTRY.fullmatch(entry)
        if m is None:
            raise CellError(
                "entry {k} {entry!r} is not PRINCIPAL/FEE, e.g. 416.62/29.99 "
                "(with @YYYY-MM-DD when it is due on another day)",
                k=k,
                entry=entry,
            )
        try:
            principal = parse_amount(m.group(1), cur, allow_zero=True)
            fee = parse_amount(m.group(2), cur, allow_zero=True)
            due = parse_date(m.group(3)) if m.group(3) else dates[k - 1]
        except UserError as exc:
            raise CellError("entry {k}: {error}", k=k, error=exc) from None
        if k > terms.periods and principal and not prepaid:
            raise CellError(
                "entry {k} follows the last period, so it can only be an early-payoff charge; "
                "its principal must be 0",
                k=k,
            )
        items.append(Installment(k, due, principal, fee))
    repaid = sum(i.principal for i in items)
    if repaid != terms.principal:
        raise CellError(
            "the principal parts add up to {repaid}, not the principal {principal}; correct "
            "them, or clear the cell to rebuild the schedule from the terms",
            repaid=Amount(repaid, cur),
            principal=Amount(terms.principal, cur),
        )
    return tuple(items)

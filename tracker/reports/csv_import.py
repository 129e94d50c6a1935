"""CSV readers for plans and payments: decode, check the header, parse and validate every row.

Nothing here touches a database: the caller (``services.transfer``) passes a lookup for the plans
that payments refer to and applies the ledger's own rules. Every problem is reported with the
line it starts on (line 1 is the header), and parsing never stops at the first bad row, so one
pass lists them all.

- Encoding: UTF-8 (with or without a BOM) first, then GB18030 (a superset of GBK, what Excel on
  Chinese Windows saves); anything else, UTF-16, a NUL byte or control characters are refused.
  A file that is only partly UTF-8 (some lines UTF-8, others GBK) is refused as mixed.
- Header: English names or Chinese aliases (``csv_columns``); the kind (plans or payments) is
  told by the headers; unknown, unnamed or repeated columns and missing required ones are refused,
  except unnamed columns at the end whose cells are all empty (Excel adds them), which are
  ignored. Cells may be separated by ``,``, ``;`` or Tab (what Excel writes in many locales):
  whichever splits the header line into the most known names (``separator``).
- Rows: a row with fewer cells than the header, or extra non-empty cells, is refused; blank rows
  are skipped; a row repeating an earlier one exactly, or an ``id`` used twice, is refused.
- Cells: dates ``YYYY-MM-DD`` (also ``YYYY/M/D`` and ``YYYY年M月D日``, as Excel re-saves them);
  amounts through ``money.parse_amount`` (no exponents, no more decimals than the currency has,
  no negatives); text cells have the export's formula guard removed (``csv_columns.restore``).

Every problem carries its refusal as a ``UserError`` (a literal English template and its
parameters, ``tracker.domain.errors``): ``Problem.message`` is its English text, what the CLI
prints, and the GUI shows ``Problem.error`` in its own language.
"""

from __future__ import annotations

import csv
import io
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Generic, NoReturn, TypeVar

from tracker.domain.errors import Phrase, UserError
from tracker.domain.money import currency, parse_amount, parse_periods, parse_rate
from tracker.domain.payoff import default_payoff_policy
from tracker.domain.plan import Installment, PlanTerms
from tracker.domain.rows import PaymentRow

from .csv_columns import (
    COLUMNS,
    FEE_MODE_NAMES,
    FEE_ROUNDING_NAMES,
    KIND_NAMES,
    MODEL_NAMES,
    POLICY_NAMES,
    REMAINDER_NAMES,
    PlanLine,
    aliases,
    header_key,
    parse_amounts,
    parse_bool,
    parse_choice,
    parse_date,
    parse_holidays,
    parse_int,
    parse_prepay,
    parse_schedule,
    restore,
    whole_number,
)

__all__ = [
    "MAX_BYTES",
    "CsvError",
    "Parsed",
    "PlanRef",
    "Problem",
    "Table",
    "decode",
    "file_ids",
    "parse_payments",
    "parse_plans",
    "read_table",
]

MAX_BYTES = 20 * 1024 * 1024
"""The largest file accepted (20 MB is some 100,000 payments)."""

T = TypeVar("T")


@dataclass(frozen=True, slots=True, order=True)
class Problem:
    """Why a line of the file cannot be imported (line 1 is the header).

    ``message`` is the English reason; ``error`` the refusal it is the text of (the GUI shows
    that in its language). ``Problem.of(line, error)`` makes one from a refusal.
    """

    line: int
    message: str
    error: UserError | None = field(default=None, compare=False, repr=False)

    @classmethod
    def of(cls, line: int, error: UserError) -> Problem:
        """The problem of ``line`` that ``error`` describes."""
        return cls(line, str(error), error)

    def __str__(self) -> str:
        return f"line {self.line}: {self.message}"


class CsvError(ValueError):
    """The file as a whole cannot be read (encoding, header, no rows); ``problems`` say why."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__("; ".join(str(p) for p in self.problems))


@dataclass(frozen=True, slots=True)
class Table:
    """A decoded CSV file: its kind, its columns (keys, in file order) and its data rows.

    ``rows`` are ``(line, cells)`` with as many cells as columns; rows of the wrong shape are
    left out and reported in ``problems``.
    """

    kind: str
    columns: tuple[str, ...]
    rows: tuple[tuple[int, tuple[str, ...]], ...]
    problems: tuple[Problem, ...] = ()


@dataclass(frozen=True, slots=True)
class Parsed(Generic[T]):
    """The rows that parsed, with their line numbers, and the problems of the others.

    ``refused_keys``: the ids of refused plan rows → their lines, so payments that refer to
    them are reported as such instead of being matched to a database plan with the same id.
    """

    rows: tuple[tuple[int, T], ...]
    problems: tuple[Problem, ...]
    refused_keys: dict[int, int] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class PlanRef:
    """A plan a payment may go to: its id where it will be stored, name and currency."""

    id: int
    name: str
    currency: str


# -- decoding -----------------------------------------------------------------------------------


def _refuse(line: int, error: UserError) -> NoReturn:
    raise CsvError([Problem.of(line, error)])


def _line_of(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


def decode(data: bytes) -> str:
    """The text of a CSV file: UTF-8 (BOM or not), else GB18030; CsvError for anything else."""
    if len(data) > MAX_BYTES:
        _refuse(1, UserError("the file is larger than {mb} MB", mb=MAX_BYTES // 2**20))
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        _refuse(1, UserError("the file is UTF-16; save it as CSV UTF-8 (or GBK) instead"))
    if b"\0" in data:
        _refuse(
            _line_of(data, data.index(b"\0")),
            UserError("contains a NUL byte; not a text CSV file"),
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as utf8_error:
        text = _decode_gb18030(data, utf8_error)
    for number, content in enumerate(text.split("\n"), start=1):
        bad = next((ch for ch in content if _is_control(ch)), None)
        if bad is not None:
            _refuse(
                number,
                UserError(
                    "contains the control character U+{code}; not a text file",
                    code=f"{ord(bad):04X}",
                ),
            )
    return text


def _is_control(ch: str) -> bool:
    return ch not in "\t\r\n" and unicodedata.category(ch) in ("Cc", "Cs", "Co")


def _decode_gb18030(data: bytes, utf8_error: UnicodeDecodeError) -> str:
    """The text of a file that is not UTF-8: GB18030 (GBK), unless it mixes encodings."""
    # GB18030 decodes almost any bytes: a line that is valid UTF-8 with Chinese characters in
    # a file that is not UTF-8 as a whole means the file mixes encodings, and GB18030 would
    # turn that line into gibberish without an error. (GBK text is almost never valid UTF-8
    # holding CJK ideographs: those take three bytes E4-E9 xx xx in UTF-8.)
    utf8_lines = []
    for number, raw in enumerate(data.split(b"\n"), start=1):
        try:
            decoded = raw.decode("utf-8")
        except UnicodeDecodeError:
            continue
        if any("\u4e00" <= ch <= "\u9fff" for ch in decoded):
            utf8_lines.append(number)
    if utf8_lines:
        shown = ", ".join(str(n) for n in utf8_lines[:5])
        _refuse(
            _line_of(data, utf8_error.start),
            UserError(
                "mixed encodings: this line is not UTF-8 but line(s) {lines} are; "
                "save the whole file as CSV UTF-8",
                lines=shown,
            ),
        )
    if data.startswith(b"\xef\xbb\xbf"):
        # A UTF-8 BOM in front of GBK text (some tools add one when "converting"): the BOM
        # is not part of the text; read the rest as GBK instead of a garbled first column.
        data = data[3:]
    try:
        return data.decode("gb18030")
    except UnicodeDecodeError as exc:
        _refuse(
            _line_of(data, exc.start),
            UserError("bytes that are neither UTF-8 nor GBK/GB18030; save the file as CSV UTF-8"),
        )


# -- table --------------------------------------------------------------------------------------


def _records(text: str) -> list[tuple[int, list[str]]]:
    """Every CSV record with the line it starts on; CsvError for broken quoting."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=separator(text), strict=True)
    found: list[tuple[int, list[str]]] = []
    start = 1
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            return found
        except csv.Error as exc:
            _refuse(start, UserError("not valid CSV ({reason})", reason=str(exc)))
        found.append((start, cells))
        start = reader.line_num + 1


def _blank(cells: Sequence[str]) -> bool:
    return all(not c.strip() for c in cells)


_AMOUNT_KEYS = frozenset(
    {"principal", "upfront_fee", "down_payment", "custom_amounts", "tolerance", "payoff_charge"}
    | {"amount", "schedule"}
)


def separator(text: str) -> str:
    """The cell separator of ``text``: ``,``, ``;`` or Tab (what Excel writes in many locales),
    whichever splits the header line into the most known column names; ``,`` on a tie."""
    known = {**aliases("plans"), **aliases("payments"), **aliases("installments")}
    lines = io.StringIO(text, newline=None)  # the first line without splitting the whole text
    first = next((line for line in lines if line.strip()), "").rstrip("\n")
    best, best_hits = ",", -1
    for sep in (",", ";", "\t"):
        try:
            cells = next(csv.reader([first], delimiter=sep), [])
        except csv.Error:
            continue
        hits = sum(1 for c in cells if header_key(c) in known)
        if hits > best_hits:
            best, best_hits = sep, hits
    return best


def detect_kind(header: Sequence[str]) -> str:
    """``plans`` or ``payments`` by the header cells; CsvError when it cannot tell."""
    keys = {header_key(h) for h in header}

    def has(kind: str, column: str) -> bool:
        return any(aliases(kind).get(k) == column for k in keys)

    if has("installments", "due_date") and has("installments", "period"):
        _refuse(
            1,
            UserError(
                "this is an installments export; installments are computed from their plans, "
                "so import the plans (and payments) files instead"
            ),
        )
    plans, payments = has("plans", "principal"), has("payments", "amount")
    if plans != payments:
        return "plans" if plans else "payments"
    _refuse(
        1,
        UserError(
            "cannot tell what this file holds: a plans file has a principal (本金) column, "
            "a payments file an amount (金额) column"
        ),
    )


def _columns(kind: str, header: Sequence[str]) -> tuple[str, ...]:
    names = aliases(kind)
    problems: list[UserError] = []
    keys: list[str] = []
    for number, cell in enumerate(header, start=1):
        key = names.get(header_key(cell))
        if not cell.strip():
            problems.append(UserError("column {n} has no name", n=number))
        elif key is None:
            problems.append(UserError("unknown column {name!r}", name=cell.strip()))
        elif key in keys:
            problems.append(
                UserError("column {name!r} repeats {key!r}", name=cell.strip(), key=key)
            )
        keys.append(key or "")
    missing = [c for c in COLUMNS[kind] if c.required and c.key not in keys]
    if missing:
        listed = ", ".join(f"{c.key} ({c.zh})" for c in missing)
        problems.append(UserError("missing required column(s): {columns}", columns=listed))
    if problems:
        accepted = ", ".join(f"{c.key} ({c.zh})" for c in COLUMNS[kind])
        problems[-1] = UserError(
            "{problem} (the columns of a plans file are: {columns})"
            if kind == "plans"
            else "{problem} (the columns of a payments file are: {columns})",
            problem=problems[-1],
            columns=accepted,
        )
        raise CsvError([Problem.of(1, p) for p in problems])
    return tuple(keys)


def _trim_header(header: list[str], rows: Sequence[Sequence[str]]) -> list[str]:
    """``header`` without the unnamed columns at its end whose cells are all empty (Excel
    saves a trailing empty column after a cell there was formatted)."""
    width = len(header)
    while width > 1 and not header[width - 1].strip():
        if any(len(cells) >= width and cells[width - 1].strip() for cells in rows):
            break
        width -= 1
    return header[:width]


def read_table(data: bytes) -> Table:
    """Decode ``data``, read the header and tell the kind; rows of the wrong shape are problems.

    Raises CsvError when the file as a whole cannot be read: bad encoding, no header, unknown
    or missing columns, or no data rows.
    """
    text = decode(data)
    records = [(n, cells) for n, cells in _records(text) if not _blank(cells)]
    if not records:
        _refuse(1, UserError("the file is empty; expected a header row and data rows"))
    header_line, header = records[0]
    if header_line != 1:
        _refuse(1, UserError("the first line must be the header row"))
    header = _trim_header(header, [cells for _, cells in records[1:]])
    kind = detect_kind(header)
    columns = _columns(kind, header)
    rows: list[tuple[int, tuple[str, ...]]] = []
    problems: list[Problem] = []
    width = len(columns)
    semicolons = separator(text) == ";"
    for line, cells in records[1:]:
        if len(cells) < width:
            problems.append(
                Problem.of(
                    line,
                    UserError(
                        "{count} cells but the header has {width} columns",
                        count=len(cells),
                        width=width,
                    ),
                )
            )
        elif len(cells) > width and not _blank(cells[width:]):
            problems.append(
                Problem.of(
                    line,
                    UserError(
                        "{count} cells but the header has only {width} columns",
                        count=len(cells),
                        width=width,
                    ),
                )
            )
        elif semicolons and any(
            "," in cell or "，" in cell
            for key, cell in zip(columns, cells, strict=False)
            if key in _AMOUNT_KEYS
        ):
            # Excel writes ";" where the decimal mark is ",": "1,234" may then be 1.234 or
            # 1234, so no amount with a comma is guessed at.
            problems.append(
                Problem.of(
                    line,
                    UserError(
                        "an amount has a comma in a file separated by semicolons, where it may "
                        "be a decimal comma or a thousands separator; write amounts with a "
                        "decimal point and no grouping, e.g. 3600.00"
                    ),
                )
            )
        else:
            rows.append((line, tuple(cells[:width])))
    if not rows and not problems:
        _refuse(1, UserError("the file has a header but no rows; nothing to import"))
    return Table(kind, columns, tuple(rows), tuple(problems))


# -- rows ----------------------------------------------------------------------------------------


def _refusal(exc: Exception) -> UserError:
    """``exc`` as a refusal: itself when it is one, else its text as it is."""
    return exc if isinstance(exc, UserError) else UserError("{reason}", reason=str(exc))


def _in_column(key: str, error: UserError) -> UserError:
    """``error`` about the cell of column ``key``: "amount: 'abc' is not an amount; …"."""
    return UserError("{key}: {error}", key=key, error=error)


class _Row:
    """The cells of one row by column key, collecting each bad cell's refusal."""

    def __init__(self, columns: Sequence[str], cells: Sequence[str]) -> None:
        self.cells = dict(zip(columns, cells, strict=True))
        self.errors: list[UserError] = []

    def raw(self, key: str) -> str:
        return self.cells.get(key, "")

    def text(self, key: str) -> str:
        return restore(self.raw(key))

    def get(self, key: str, parse: Callable[[str], T], default: T, required: bool = False) -> T:
        value = self.raw(key)
        if not value.strip():
            if required:
                self.errors.append(UserError("{key}: a value is required", key=key))
            return default
        try:
            return parse(value)
        except ValueError as exc:  # UserError (CellError, AmountError) is a ValueError
            self.errors.append(_in_column(key, _refusal(exc)))
            return default


def _duplicates(
    line: int, cells: tuple[str, ...], key: int | None, seen: dict[object, int]
) -> UserError | None:
    """A refusal if the row repeats an earlier one, or its id was used before."""
    if cells in seen:
        return UserError("repeats line {line} exactly (a duplicate row)", line=seen[cells])
    seen[cells] = line
    if key is not None:
        if ("id", key) in seen:
            return UserError("id {id} is also used on line {line}", id=key, line=seen["id", key])
        seen["id", key] = line
    return None


def _by_line(problems: list[Problem]) -> tuple[Problem, ...]:
    """Problems by line; a line's problems in column order."""
    return tuple(sorted(problems, key=lambda p: p.line))


def file_ids(table: Table) -> set[int]:
    """The ids the ``id`` column of ``table`` gives (cells that are not an id are left out)."""
    if "id" not in table.columns:
        return set()
    at = table.columns.index("id")
    found = set()
    for _, cells in table.rows:
        number = whole_number(cells[at], 1, 2**63 - 1)
        if number is not None:
            found.add(number)
    return found


def parse_plans(table: Table) -> Parsed[PlanLine]:
    """Every row of a plans table as a ``PlanLine``, or the problems that stop it."""
    rows: list[tuple[int, PlanLine]] = []
    problems = list(table.problems)
    refused: dict[int, int] = {}
    seen: dict[object, int] = {}
    for line, cells in table.rows:
        r = _Row(table.columns, cells)
        key = r.get("id", lambda t: parse_int(t, Phrase("plan id"), 1, 2**63 - 1), None)
        dup = _duplicates(line, cells, key, seen)
        if dup:
            r.errors.insert(0, dup)
        plan = _plan(r, key)
        if r.errors or plan is None:
            problems += [Problem.of(line, e) for e in r.errors]
            if key is not None:
                refused.setdefault(key, line)
        else:
            rows.append((line, plan))
    return Parsed(tuple(rows), _by_line(problems), refused)


def _plan(r: _Row, key: int | None) -> PlanLine | None:
    cur = r.get("currency", lambda t: currency(t).code, "CNY")

    def amount(t: str) -> int:
        return parse_amount(t, cur, allow_zero=True)

    name = r.text("name")
    if not name.strip():
        r.errors.append(UserError("name: a plan needs a name"))
    model = r.get(
        "model", lambda t: parse_choice(t, Phrase("model"), MODEL_NAMES), "", required=True
    )
    principal = r.get("principal", lambda t: parse_amount(t, cur), 0, required=True)
    periods = r.get("periods", parse_periods, 0, required=True)
    rate = r.get("rate_pct", lambda t: parse_rate(t), Decimal(0))
    first_due = r.get("first_due", parse_date, None, required=True)
    remainder = r.get(
        "remainder", lambda t: parse_choice(t, Phrase("remainder"), REMAINDER_NAMES), None
    )
    fee_mode = r.get(
        "fee_mode", lambda t: parse_choice(t, Phrase("fee mode"), FEE_MODE_NAMES), "spread"
    )
    fee_rounding = r.get(
        "fee_rounding",
        lambda t: parse_choice(t, Phrase("fee rounding"), FEE_ROUNDING_NAMES),
        "half_up",
    )
    if fee_rounding != "half_up" and model and model != "total":
        only_total = UserError(
            "only total plans round a total fee; leave the cell blank or half_up "
            "for a {model} plan",
            model=model,
        )
        r.errors.append(_in_column("fee_rounding", only_total))
    upfront = r.get("upfront_fee", amount, 0)
    down = r.get("down_payment", amount, 0)
    none: tuple[int, ...] = ()
    custom = r.get("custom_amounts", lambda t: parse_amounts(t, cur), none)
    plan_kw = {
        "purchase_date": r.get("purchase_date", parse_date, None),
        "grace_days": r.get(
            "grace_days", lambda t: parse_int(t, Phrase("number of days"), 0, 365), 0
        ),
        "tolerance": r.get("tolerance", amount, 0),
        "penalty_daily_rate": r.get(
            "penalty_daily_pct", lambda t: parse_rate(t, what="penalty rate"), Decimal(0)
        ),
        "payoff_policy": r.get(
            "payoff_policy",
            lambda t: parse_choice(t, Phrase("payoff policy"), POLICY_NAMES),
            # absent or blank: the model's default (loans waive future interest)
            default_payoff_policy(model).value if model else "charge_all_fees",
        ),
        "payoff_penalty_pct": r.get(
            "payoff_penalty_pct", lambda t: parse_rate(t, what="payoff penalty"), Decimal(0)
        ),
        "archived": r.get("archived", parse_bool, False),
        "payoff_charge": r.get("payoff_charge", amount, 0),
        "paid_periods": r.get(
            "paid_periods", lambda t: parse_int(t, Phrase("number of periods"), 0, 360), None
        ),
        "holidays": r.get("holidays", parse_holidays, None),
    }
    if r.errors or first_due is None:
        return None
    try:
        terms = PlanTerms(
            model=model,  # type: ignore[arg-type]  # PlanTerms converts the name
            principal=principal,
            periods=periods,
            first_due=first_due,
            rate=rate,
            currency=cur,
            remainder=remainder,  # type: ignore[arg-type]
            fee_mode=fee_mode,  # type: ignore[arg-type]
            upfront_fee=upfront,
            down_payment=down,
            custom_amounts=custom,
            fee_rounding=fee_rounding,  # type: ignore[arg-type]
        )
    except ValueError as exc:  # the domain's refusal (AmountError), or a bad name
        r.errors.append(_refusal(exc))
        return None
    no_schedule: tuple[Installment, ...] = ()
    schedule = r.get("schedule", lambda t: parse_schedule(t, terms), no_schedule)
    if r.errors:
        return None
    return PlanLine(
        id=key,
        name=name,
        platform=r.text("platform"),
        notes=r.text("notes"),
        terms=terms,
        schedule=schedule,
        account=r.text("account").strip() or None,
        **plan_kw,  # type: ignore[arg-type]
    )


def parse_payments(table: Table, plan_of: Callable[[int], PlanRef]) -> Parsed[PaymentRow]:
    """Every row of a payments table as a ``PaymentRow`` whose ``plan_id`` is ``plan_of``'s
    id, or the problems that stop it. ``plan_of`` raises LookupError (with the message to
    show) for a plan id that cannot be used."""
    rows: list[tuple[int, PaymentRow]] = []
    problems = list(table.problems)
    seen: dict[object, int] = {}
    for line, cells in table.rows:
        r = _Row(table.columns, cells)
        key = r.get("id", lambda t: parse_int(t, Phrase("payment id"), 1, 2**63 - 1), None)
        dup = _duplicates(line, cells, key, seen)
        if dup:
            r.errors.insert(0, dup)
        payment = _payment(r, key, plan_of)
        if r.errors or payment is None:
            problems += [Problem.of(line, e) for e in r.errors]
        else:
            rows.append((line, payment))
    return Parsed(tuple(rows), _by_line(problems))


def _payment(r: _Row, key: int | None, plan_of: Callable[[int], PlanRef]) -> PaymentRow | None:
    plan_key = r.get("plan_id", lambda t: parse_int(t, Phrase("plan id"), 1, 2**63 - 1), None, True)
    plan: PlanRef | None = None
    if plan_key is not None:
        try:
            plan = plan_of(plan_key)
        except LookupError as exc:
            error = exc if isinstance(exc, UserError) else UserError("{reason}", reason=exc.args[0])
            r.errors.append(_in_column("plan_id", error))
    cur = plan.currency if plan else "CNY"
    named = r.text("plan_name").strip()
    if plan and named and named != plan.name:
        r.errors.append(
            UserError(
                "plan_name: plan {id} is {name!r}, not {named!r}; check the plan_id column",
                id=plan_key,
                name=plan.name,
                named=named,
            )
        )
    given_cur = r.get("currency", lambda t: currency(t).code, None)
    if plan and given_cur and given_cur != plan.currency:
        r.errors.append(
            UserError(
                "currency: plan {id} is in {currency}, not {given}",
                id=plan_key,
                currency=plan.currency,
                given=given_cur,
            )
        )
    on = r.get("date", parse_date, None, required=True)
    amount = r.get("amount", lambda t: parse_amount(t, cur), 0, required=True)
    kind = r.get("kind", lambda t: parse_choice(t, Phrase("payment kind"), KIND_NAMES), "payment")
    voided = r.get("voided", parse_bool, False)
    prepay = r.get("prepay", parse_prepay, "")
    if not r.errors and (kind == "prepayment") != bool(prepay):
        r.errors.append(
            UserError(
                "kind: a prepayment needs its detail in the prepay column (as exported); "
                "other payments leave that column empty"
            )
        )
    if r.errors or plan is None or on is None:
        return None
    return PaymentRow(
        id=key,
        plan_id=plan.id,
        plan_name=plan.name,
        date=on,
        amount=amount,
        currency=plan.currency,
        method=r.text("method"),
        note=r.text("note"),
        kind=kind,
        voided=voided,
        prepay=prepay,
    )

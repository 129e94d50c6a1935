"""How the read commands print: ``tracker due``, ``plan list`` and ``history`` as text or JSON
(stdlib only; both the start-up read path ``quick`` and the full path print through here)."""

from __future__ import annotations

import codecs
import sys
from collections.abc import Callable, Iterable, Sequence
from datetime import date
from json.encoder import encode_basestring
from typing import TYPE_CHECKING, Any

from tracker.domain.money import amount_formatter
from tracker.domain.rows import InstallmentRow

from .common import MODEL_CLI, pad, print_json

if TYPE_CHECKING:
    from tracker.services.summary import PlanLine

__all__ = [
    "days_option",
    "history_json_sql",
    "pct",
    "print_due",
    "print_history",
    "print_plans",
]


def days_option(text: str) -> int:
    """A whole number of days (``--within``)."""
    if not text.strip().isdigit():
        raise ValueError(f"{text!r}; enter a whole number of days, e.g. 7")
    return int(text)


def print_history(rows: Iterable[Any], as_json: bool) -> None:
    """Print payments (rows with the ``PaymentRow`` fields in order) as text or JSON."""
    if as_json:
        _history_json(rows)
        return
    empty = True
    for r in rows:
        empty = False
        mark = (
            (" (paid before tracking)" if r.kind == "prior" else "")
            + (" (prepayment)" if r.kind == "prepayment" else "")
            + (f" (bill payment {r.bill_payment_id})" if r.bill_payment_id is not None else "")
            + (" (voided)" if r.voided else "")
        )
        print(
            f"{r.id:>5}  {r.date.isoformat()}  {amount_formatter(r.currency)(r.amount):>12} "
            f"{r.currency}  plan {r.plan_id} {r.plan_name}  {r.method} {r.note}{mark}"
        )
    if empty:
        print("No payments.")


def _history_json(rows: Iterable[Any], batch: int = 2000) -> None:
    """Print the payments as one JSON array, streamed in batches: byte for byte what
    ``print_json`` of the list of dicts gives (keys in this order, ``ensure_ascii=False``),
    with each currency's amount formatter made once."""
    text = encode_basestring  # what json.dumps(..., ensure_ascii=False) uses for a str
    out = sys.stdout
    sep = "["
    chunk: list[str] = []
    for pid, plan_id, _name, cur, on, amount, method, note, voided, kind, bill, *_ in rows:
        fmt = amount_formatter(cur)  # made once per currency (cached)
        chunk.append(
            f'{sep}{{"id": {pid:d}, "plan_id": {plan_id:d}, "date": "{on.isoformat()}", '
            f'"amount": "{fmt(amount)}", "method": {text(method)}, "note": {text(note)}, '
            f'"voided": {"true" if voided else "false"}, "kind": {text(kind)}, '
            f'"bill_payment": {"null" if bill is None else f"{bill:d}"}}}'
        )
        sep = ", "
        if len(chunk) >= batch:
            out.write("".join(chunk))
            chunk.clear()
    chunk.append("[]\n" if sep == "[" else "]\n")
    out.write("".join(chunk))


_PROBE = "".join(map(chr, range(0x20))) + '"\\/\x7f\u2028\u2029\ufeff中文 \U0001f600'
"""Every character JSON escapes, and some it does not (``_sqlite_quotes_as_python``)."""


def _sqlite_quotes_as_python(con: Any) -> bool:
    """Whether this SQLite's ``json_quote`` writes a string exactly as Python's ``json`` does
    (``ensure_ascii=False``): checked on every character either might escape."""
    try:
        (quoted,) = con.execute("SELECT json_quote(?)", (_PROBE,)).fetchone()
    except Exception:
        return False
    return bool(quoted == encode_basestring(_PROBE))


def _amount_sql(digits: int) -> str:
    """SQL giving ``amount_formatter`` of a currency with ``digits`` for ``pm.amount``."""
    if digits == 0:
        return "CAST(pm.amount AS TEXT)"
    unit = 10**digits
    return (
        "(CASE WHEN pm.amount < 0 THEN '-' ELSE '' END || (abs(pm.amount) / "
        f"{unit}) || '.' || substr('{'0' * digits}' || (abs(pm.amount) % {unit}), -{digits}))"
    )


def history_json_sql(con: Any, where: str, params: Sequence[Any], batch: int = 4000) -> bool:
    """Print ``history --json`` of the payments ``where`` selects (``sql_reads.payment_filter``)
    with each object made by SQLite: byte for byte what ``print_history(rows, True)`` prints
    (tested), in a tenth of the time for a long history, as Python makes no row objects. False
    (nothing printed) when this SQLite quotes strings otherwise: the caller prints it."""
    from tracker.domain.money import currency
    from tracker.storage.sql_reads import PAYMENT_ORDER

    if not _sqlite_quotes_as_python(con):
        return False
    codes = [c for (c,) in con.execute("SELECT DISTINCT currency FROM plans ORDER BY currency")]
    by_digits: dict[int, list[str]] = {}
    for code in codes:
        by_digits.setdefault(currency(code).digits, []).append(code)
    # one printf per row, user text only ever an argument (quoted by json_quote). The stored
    # columns' CHECKs make two shortcuts exact: amounts are positive, kinds are plain words
    # (no quoting); an empty note is "" without a call. Plans are joined only to tell
    # currencies of different digits apart.
    join = ""
    if len(by_digits) <= 1:
        digits = next(iter(by_digits), 2)
        unit = 10**digits
        amount_fmt = f"%d.%0{digits}d" if digits else "%d"
        amount = f"pm.amount / {unit}, pm.amount % {unit}" if digits else "pm.amount"
    else:
        amount_fmt, amount = "%s", _amount_sql(2)
        join = " JOIN plans p ON p.id = pm.plan_id"
        for digits, group in by_digits.items():
            if digits != 2:
                names = ", ".join("'" + c.replace("'", "''") + "'" for c in group)
                amount = (
                    f"(CASE WHEN p.currency IN ({names}) THEN {_amount_sql(digits)} "
                    f"ELSE {amount} END)"
                )
    row = (
        f'printf(\'{{"id": %d, "plan_id": %d, "date": "%s", "amount": "{amount_fmt}", '
        '"method": %s, "note": %s, "voided": %s, "kind": "%s", "bill_payment": %s}\', '
        f"pm.id, pm.plan_id, pm.date, {amount}, json_quote(pm.method), "
        "CASE pm.note WHEN '' THEN '\"\"' ELSE json_quote(pm.note) END, "
        "CASE WHEN pm.voided THEN 'true' ELSE 'false' END, pm.kind, "
        "coalesce(pm.bill_payment_id, 'null'))"
    )
    write = _utf8_writer()
    factory = con.text_factory
    con.text_factory = bytes  # SQLite's UTF-8 as it is: not decoded here to be encoded again
    try:
        cur = con.execute(f"SELECT {row} FROM payments pm{join}{where} {PAYMENT_ORDER}", params)
        first = True
        while True:
            rows = cur.fetchmany(batch)
            if not rows:
                break
            write((b"[" if first else b", ") + b", ".join([r[0] for r in rows]))
            first = False
        write(b"[]\n" if first else b"]\n")
    finally:
        con.text_factory = factory
    return True


def _utf8_writer() -> Callable[[bytes], object]:
    """A function writing UTF-8 text to standard output: straight to its bytes when it is a
    UTF-8 stream with a buffer (what is already written to it first), else decoded."""
    out = sys.stdout
    buffer = getattr(out, "buffer", None)
    try:
        utf8 = codecs.lookup(getattr(out, "encoding", None) or "ascii").name == "utf-8"
    except LookupError:
        utf8 = False
    if buffer is not None and utf8:
        out.flush()
        return buffer.write  # type: ignore[no-any-return]
    return lambda data: out.write(data.decode("utf-8"))


def pct(fraction: Any) -> str:
    from tracker.domain.money import format_percent

    return format_percent(fraction)


def _percents() -> Callable[[str], str]:
    """``pct`` of decimal text, each distinct text formatted once."""
    from tracker.domain.money import format_percent_text

    done: dict[str, str] = {}

    def of(text: str) -> str:
        got = done.get(text)
        if got is None:
            got = done[text] = format_percent_text(text)
        return got

    return of


def _plans_json(lines: Iterable[PlanLine]) -> None:
    """Print the plans as one JSON array: byte for byte ``print_json`` of a list of one dict
    per plan (keys in this order, ``ensure_ascii=False``; tested), written as text."""
    text = encode_basestring  # what json.dumps(..., ensure_ascii=False) uses for a str
    # per currency: its formatter, its zero, its JSON text; per model and status: their text
    currencies: dict[str, tuple[Callable[[int], str], str, str]] = {}
    models = {value: text(name) for value, name in MODEL_CLI.items()}
    statuses: dict[str, str] = {}
    percent = _percents()
    objects = []
    for p in lines:
        known = currencies.get(p.currency)
        if known is None:
            fmt = amount_formatter(p.currency)
            known = currencies[p.currency] = (fmt, fmt(0), text(p.currency))
        fmt, zero, cur = known
        status = statuses.get(p.status)
        if status is None:
            status = statuses[p.status] = text(p.status)
        nxt = "null" if p.next_due is None else f'"{p.next_due}"'
        objects.append(
            f'{{"id": {p.id:d}, "name": {text(p.name)}, "platform": {text(p.platform)}, '
            f'"currency": {cur}, "model": {models[p.model]}, '
            f'"principal": "{fmt(p.principal)}", "periods": {p.periods:d}, '
            f'"periods_paid": {p.periods_paid:d}, "per_period": "{fmt(p.per_period)}", '
            f'"next_due": {nxt}, "remaining": "{fmt(p.remaining) if p.remaining else zero}", '
            f'"overdue": "{fmt(p.overdue) if p.overdue else zero}", '
            f'"penalty": "{fmt(p.penalty) if p.penalty else zero}", '
            f'"apr": "{percent(p.apr)}", "status": {status}, '
            f'"archived": {"true" if p.archived else "false"}}}'
        )
    sys.stdout.write("[" + ", ".join(objects) + "]\n")


def print_plans(lines: Sequence[PlanLine], as_json: bool) -> int:
    """Print ``tracker plan list``'s table or JSON."""
    if as_json:
        _plans_json(lines)
        return 0
    if not lines:
        print("No plans yet. Add one with: tracker plan add --name NAME --model ... ")
        return 0
    print(
        f"{'ID':>4}  {'Name':<24} {'Paid':>7} {'Per period':>12} {'Next due':<10} "
        f"{'Remaining':>12} {'APR':>7}  Status"
    )
    percent = _percents()
    for p in lines:
        fmt = amount_formatter(p.currency)
        print(
            f"{p.id:>4}  {pad(p.name, 24)} {p.periods_paid:>3}/{p.periods:<3} "
            f"{fmt(p.per_period):>12} {p.next_due or '-':<10} "
            f"{fmt(p.remaining):>12} {percent(p.apr):>6}%  {p.status}"
        )
    return 0


def print_due(items: Sequence[InstallmentRow], as_of: date, within: int, as_json: bool) -> int:
    """Print ``tracker due``'s table or JSON."""
    if as_json:
        print_json(
            [
                {
                    "plan_id": i.plan_id,
                    "plan_name": i.plan_name,
                    "period": i.period,
                    "due_date": i.due_date.isoformat(),
                    "amount_due": amount_formatter(i.currency)(i.amount_due),
                    "status": i.status.value,
                    "days_overdue": i.days_overdue,
                    "penalty": amount_formatter(i.currency)(i.penalty),
                }
                for i in items
            ]
        )
        return 0
    if not items:
        print(f"Nothing due within {within} days of {as_of.isoformat()}.")
    lines = []
    for i in items:
        days = i.days_overdue
        late = f" ({days} day{'' if days == 1 else 's'} overdue)" if days else ""
        lines.append(  # a Status is a StrEnum: formatted, its value
            f"{i.due_date.isoformat()}  {i.plan_name} #{i.period}  "
            f"{amount_formatter(i.currency)(i.amount_due)} {i.currency}  {i.status}{late}\n"
        )
    sys.stdout.write("".join(lines))
    return 0

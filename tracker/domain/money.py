"""Money: integer minor units, and the one place amounts and rates are parsed and formatted.

Every amount in the tracker is an ``int`` in the currency's minor unit (fen for CNY). ``Decimal``
appears only here and in rate arithmetic; ``float`` never touches money. Parsing accepts what
Chinese users type (full-width digits, ``¥``/``￥``, ``元``, ``，`` thousands separators)
and refuses anything it would have to guess at, with a message that says what is accepted.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from decimal import ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal, InvalidOperation
from functools import cache

from .errors import Phrase, UserError

__all__ = [
    "CURRENCIES",
    "MAX_MAJOR_UNITS",
    "MAX_PERIODS",
    "Amount",
    "AmountError",
    "Currency",
    "currency",
    "format_amount",
    "format_money",
    "format_percent",
    "format_percent_text",
    "parse_amount",
    "parse_periods",
    "parse_rate",
    "round_half_even",
    "round_half_up",
    "to_decimal",
]

MAX_MAJOR_UNITS = 10**11
"""The largest amount accepted, in major units (10^11 yuan): anything bigger is a typo."""

MAX_PERIODS = 360
"""The most periods a plan may have (30 years of monthly payments)."""


class AmountError(UserError):
    """Raised for input that is not an acceptable amount, rate or count; the message says why."""


@dataclass(frozen=True, slots=True)
class Currency:
    """An ISO 4217 currency.

    Attributes:
        code: the three-letter code, e.g. ``"CNY"``.
        digits: how many minor-unit digits it has (2 for CNY, 0 for JPY).
        symbol: what to show before an amount, e.g. ``"¥"``.
    """

    code: str
    digits: int
    symbol: str

    @property
    def scale(self) -> int:
        """How many minor units make one major unit (100 for CNY)."""
        return int(10**self.digits)


CURRENCIES: dict[str, Currency] = {
    c.code: c
    for c in (
        Currency("CNY", 2, "¥"),
        Currency("HKD", 2, "HK$"),
        Currency("TWD", 2, "NT$"),
        Currency("MOP", 2, "MOP$"),
        Currency("USD", 2, "$"),
        Currency("EUR", 2, "€"),
        Currency("GBP", 2, "£"),
        Currency("SGD", 2, "S$"),
        Currency("AUD", 2, "A$"),
        Currency("CAD", 2, "C$"),
        Currency("JPY", 0, "¥"),
        Currency("KRW", 0, "₩"),
        Currency("KWD", 3, "KD"),
    )
}


def currency(code: str) -> Currency:
    """Return the currency for an ISO 4217 code (case-insensitive), or raise AmountError."""
    found = CURRENCIES.get(code.strip().upper())
    if found is None:
        known = ", ".join(sorted(CURRENCIES))
        raise AmountError("unknown currency {code!r}; accepted: {known}", code=code, known=known)
    return found


def round_half_up(value: Decimal) -> int:
    """Round a Decimal to the nearest integer, halves away from zero (the money rounding rule)."""
    return int(value.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def round_half_even(value: Decimal) -> int:
    """Round a Decimal to the nearest integer, halves to the even neighbour (花呗's total fee)."""
    return int(value.quantize(Decimal(1), rounding=ROUND_HALF_EVEN))


def to_decimal(minor: int, cur: Currency) -> Decimal:
    """Turn minor units into an exact Decimal of major units (30000 fen -> Decimal('300.00'))."""
    return Decimal(minor).scaleb(-cur.digits)


_STRIP = str.maketrans("", "", "¥￥元 \t\u00a0\u3000")
_NUMBER = re.compile(r"[+-]?(?:\d+|\d{1,3}(?:,\d{3})+)(?:\.\d+)?|[+-]?\.\d+")


def _normalise(text: str) -> str:
    """NFKC-normalise (full-width digits, ，and ．) and drop currency marks and spaces."""
    text = unicodedata.normalize("NFKC", text)
    text = text.replace("，", ",").replace("。", ".")
    text = text.translate(_STRIP)
    for code in ("RMB", "CNY"):
        text = text.removeprefix(code).removesuffix(code)
    return text


def parse_amount(text: str, cur: Currency | str = "CNY", *, allow_zero: bool = False) -> int:
    """Parse what a user typed as an amount and return it in minor units.

    Accepts ``3600``, ``3,600.00``, ``¥3600``, ``３６００．００元``, ``3，600``. Refuses empty text,
    NaN/Infinity, exponents, misplaced thousands separators, more decimals than the currency
    has (input is never rounded silently), zero (unless ``allow_zero``), negatives and amounts
    above 10^11 major units.
    """
    cur = currency(cur) if isinstance(cur, str) else cur
    accepted = (
        Phrase(
            "a positive amount with at most {digits} decimal places, e.g. 3600 or 3,600.00",
            digits=cur.digits,
        )
        if cur.digits
        else Phrase("a positive amount with at most 0 decimal places, e.g. 3600")
    )
    raw = _normalise(str(text))
    if not raw:
        raise AmountError("an amount is required; enter {accepted}", accepted=accepted)
    if not _NUMBER.fullmatch(raw):
        raise AmountError(
            "{text!r} is not an amount; enter {accepted}", text=text, accepted=accepted
        )
    try:
        value = Decimal(raw.replace(",", ""))
    except InvalidOperation:  # pragma: no cover - the regex admits only valid decimals
        raise AmountError(
            "{text!r} is not an amount; enter {accepted}", text=text, accepted=accepted
        ) from None
    exponent = value.as_tuple().exponent
    assert isinstance(exponent, int)
    if -exponent > cur.digits:
        raise AmountError(
            "{text!r} has more than {digits} decimal places for {code}; enter {accepted}",
            text=text,
            digits=cur.digits,
            code=cur.code,
            accepted=accepted,
        )
    if value < 0:
        raise AmountError("{text!r} is negative; enter {accepted}", text=text, accepted=accepted)
    if value == 0 and not allow_zero:
        raise AmountError("the amount must be more than zero; enter {accepted}", accepted=accepted)
    if value > MAX_MAJOR_UNITS:
        raise AmountError(
            "{text!r} is too large; the most accepted is {most:,}", text=text, most=MAX_MAJOR_UNITS
        )
    return int(value.scaleb(cur.digits))


_RATE = re.compile(r"\d+(?:\.\d+)?|\.\d+")


RATE_NAMES: dict[str, Phrase] = {
    "rate": Phrase("rate"),
    "penalty rate": Phrase("penalty rate"),
    "payoff penalty": Phrase("payoff penalty"),
    "payoff charge": Phrase("payoff charge"),
}
"""The names ``parse_rate`` gives a rate in its messages (translated in the GUI)."""


def parse_rate(text: str, *, what: str | Phrase = "rate") -> Decimal:
    """Parse a percentage (``0.6``, ``0.6%``, ``０．６％``) into an exact fraction (``0.006``).

    Refuses negatives, NaN, exponents and anything above 100%. ``what`` names the rate in
    the message (one of ``RATE_NAMES``, or a Phrase).
    """
    name = RATE_NAMES.get(what, what) if isinstance(what, str) else what
    raw = unicodedata.normalize("NFKC", str(text)).strip().replace(" ", "")
    raw = raw.removesuffix("%")
    accepted = Phrase("a percentage from 0 to 100, e.g. 0.6 or 0.6%")
    if not raw:
        raise AmountError("a {what} is required; enter {accepted}", what=name, accepted=accepted)
    if raw.startswith("-"):
        raise AmountError(
            "the {what} {text!r} is negative; enter {accepted}",
            what=name,
            text=text,
            accepted=accepted,
        )
    if not _RATE.fullmatch(raw):
        raise AmountError(
            "{text!r} is not a {what}; enter {accepted}", text=text, what=name, accepted=accepted
        )
    pct = Decimal(raw)
    if pct > 100:
        raise AmountError(
            "the {what} {text!r} is above 100%; enter {accepted}",
            what=name,
            text=text,
            accepted=accepted,
        )
    return pct / 100


def parse_periods(text: str | int) -> int:
    """Parse a number of periods: a whole number from 1 to 360."""
    raw = unicodedata.normalize("NFKC", str(text)).replace(" ", "").removesuffix("期")
    if not raw.isdigit():
        raise AmountError(
            "{text!r} is not a number of periods; enter a whole number 1 to 360", text=text
        )
    n = int(raw)
    if not 1 <= n <= MAX_PERIODS:
        raise AmountError("{n} periods is out of range; enter a whole number from 1 to 360", n=n)
    return n


@dataclass(frozen=True, slots=True)
class Amount:
    """An amount inside a message: ``str`` gives the plain decimal (``format_amount``, what the
    CLI prints); the GUI shows it with the currency symbol."""

    minor: int
    currency: str = "CNY"

    def __str__(self) -> str:
        return format_amount(self.minor, self.currency)


def format_amount(minor: int, cur: Currency | str = "CNY") -> str:
    """Format minor units as a plain decimal string with the currency's digits ("3600.00")."""
    cur = currency(cur) if isinstance(cur, str) else cur
    return f"{to_decimal(minor, cur):.{cur.digits}f}"


@cache  # one per currency, whoever asks: a few distinct values for a process's lifetime
def amount_formatter(cur: Currency | str = "CNY") -> Callable[[int], str]:
    """A function giving exactly ``format_amount(minor, cur)`` with integer arithmetic only:
    for formatting many amounts of one currency (the history and the exports)."""
    cur = currency(cur) if isinstance(cur, str) else cur
    digits = cur.digits
    if digits == 0:
        return str
    unit = 10**digits

    def fmt(minor: int) -> str:
        whole, part = divmod(-minor if minor < 0 else minor, unit)
        return f"{'-' if minor < 0 else ''}{whole}.{part:0{digits}d}"

    return fmt


def format_money(minor: int, cur: Currency | str = "CNY", *, symbol: bool = True) -> str:
    """Format minor units for people: grouped, with the symbol ("¥3,600.00", "-¥21.60")."""
    cur = currency(cur) if isinstance(cur, str) else cur
    sign = "-" if minor < 0 else ""
    body = f"{to_decimal(abs(minor), cur):,.{cur.digits}f}"
    return f"{sign}{cur.symbol if symbol else ''}{body}"


def format_percent(fraction: Decimal, places: int = 2) -> str:
    """Format a fraction as a percentage with fixed places, half-up (0.130335 -> "13.03")."""
    q = Decimal(1).scaleb(-places)
    return f"{(fraction * 100).quantize(q, rounding=ROUND_HALF_UP):.{places}f}"


def format_percent_text(text: str, places: int = 2) -> str:
    """``format_percent(Decimal(text), places)`` of a fraction's decimal text, in integer
    arithmetic when the text is plain ASCII digits with an optional point (a stored rate, as
    ``storage.derived`` writes it: a tenth of the time of ``Decimal``); any other text goes
    through ``Decimal``."""
    whole, point, frac = text.partition(".")
    if not (
        whole.isascii() and whole.isdigit() and (not point or (frac.isascii() and frac.isdigit()))
    ):
        return format_percent(Decimal(text), places)
    keep = places + 2  # the fraction's digits that are the percentage's places
    n = int(whole + frac[:keep].ljust(keep, "0"))
    if len(frac) > keep and frac[keep] >= "5":  # half up: what is cut off is at least half
        n += 1
    if places == 0:
        return str(n)
    unit = 10**places
    return f"{n // unit}.{n % unit:0{places}d}"

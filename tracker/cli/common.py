"""Shared CLI plumbing: one-line errors, option parsers that name the bad option, JSON output."""

from __future__ import annotations

import argparse
import json
import sys
import unicodedata
from collections.abc import Callable
from datetime import date
from typing import Any, NoReturn, TypeVar

from tracker.domain.money import AmountError
from tracker.domain.plan import Charge, Model

T = TypeVar("T")

# The CLI spells models with hyphens; the domain with underscores.
MODEL_NAMES = {
    "flat": "flat",
    "total": "total",
    "annuity": "annuity",
    "equal-principal": "equal_principal",
    "interest-free": "interest_free",
    "pay-in-n": "pay_in_n",
    "custom": "custom",
}
MODEL_CLI = {v: k for k, v in MODEL_NAMES.items()}


def charges_word(model: Model) -> str:
    """How text output names a plan's finance charge: "interest" for a loan, "fees" otherwise.

    JSON keys never change ("fee", "total_fee", "fees"): scripts read them.
    """
    return "interest" if model.charge is Charge.INTEREST else "fees"


class CliError(Exception):
    """A user error: printed as one line on stderr, exit status 2, nothing written."""


class Parser(argparse.ArgumentParser):
    """An ArgumentParser whose errors are one line on stderr and exit 2 (no usage dump)."""

    def error(self, message: str) -> NoReturn:
        sys.stderr.write(f"{self.prog}: error: {message}\n")
        raise SystemExit(2)


def option(name: str, parse: Callable[[str], T], text: str) -> T:
    """Run ``parse(text)``; turn its error into a CliError that names the option."""
    try:
        return parse(text)
    except (AmountError, ValueError) as exc:
        raise CliError(f"{name}: {exc}") from None


def parse_date(text: str) -> date:
    """Parse an ISO date (YYYY-MM-DD; full-width digits accepted)."""
    raw = unicodedata.normalize("NFKC", text).strip()
    try:
        return date.fromisoformat(raw) if len(raw) == 10 else _bad_date(text)
    except ValueError:
        return _bad_date(text)


def _bad_date(text: str) -> NoReturn:
    raise ValueError(f"{text!r} is not a date; use YYYY-MM-DD, e.g. 2024-01-31")


def pad(text: str, width: int) -> str:
    """Cut or pad ``text`` to ``width`` terminal columns (CJK characters take two)."""
    out, used = [], 0
    for ch in text:
        w = 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
        if used + w > width:
            break
        out.append(ch)
        used += w
    return "".join(out) + " " * (width - used)


def print_json(value: Any) -> None:
    """Print one JSON value, Chinese kept readable."""
    print(json.dumps(value, ensure_ascii=False))

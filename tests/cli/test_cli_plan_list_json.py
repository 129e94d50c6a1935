"""``plan list --json`` is written as text (``output.print_plans``): byte for byte what
``json.dumps`` (``ensure_ascii=False``) of the list of dicts gives, whatever the text holds,
for amounts of several currencies (zeros included) and APRs of any decimal text."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal

import pytest

from tracker.cli.common import MODEL_CLI
from tracker.cli.output import print_plans
from tracker.domain.money import format_amount, format_percent
from tracker.services.model import PlanStatus, PlanSummary
from tracker.services.summary import PlanLine

ODD = ['say "hi"', "back\\slash", "tab\tnew\nline\r", "\x00\x1f\x7f", "花呗 ✓ \u2028", ""]


def _summary(pid: int, name: str, currency: str, **changes: object) -> PlanSummary:
    base: dict[str, object] = {
        "id": pid,
        "name": name,
        "platform": ODD[pid % len(ODD)],
        "notes": "",
        "currency": currency,
        "model": "equal_principal",
        "principal": 360000,
        "periods": 12,
        "periods_paid": 3,
        "per_period": 30000,
        "next_due": date(2024, 5, 31),
        "next_amount": 30000,
        "remaining": 270005,
        "overdue_amount": 0,
        "penalty": 0,
        "apr": Decimal("0.130335"),
        "total_cost": 0,
        "status": PlanStatus.ACTIVE,
        "archived": False,
    }
    return PlanSummary(**(base | changes))  # type: ignore[arg-type]


def test_plan_list_json_is_json_dumps_of_the_plans(capsys: pytest.CaptureFixture[str]) -> None:
    rows = [
        _summary(1, ODD[0], "CNY"),
        _summary(2, ODD[3], "JPY", next_due=None, status=PlanStatus.CLOSED, archived=True),
        _summary(3, ODD[4], "USD", apr=Decimal("-0"), overdue_amount=123, penalty=45),
        _summary(4, ODD[2], "CNY", apr=Decimal("1E-7"), remaining=0, model="pay_in_n"),
        _summary(5, ODD[1], "JPY", apr=Decimal("0.00005"), penalty=7, status=PlanStatus.GRACE),
        _summary(6, ODD[5], "USD", apr=Decimal("2.999949999"), model="interest_free"),
    ]
    assert print_plans([PlanLine.of(p) for p in rows], True) == 0
    expected = [
        {
            "id": p.id,
            "name": p.name,
            "platform": p.platform,
            "currency": p.currency,
            "model": MODEL_CLI[p.model],
            "principal": format_amount(p.principal, p.currency),
            "periods": p.periods,
            "periods_paid": p.periods_paid,
            "per_period": format_amount(p.per_period, p.currency),
            "next_due": p.next_due.isoformat() if p.next_due else None,
            "remaining": format_amount(p.remaining, p.currency),
            "overdue": format_amount(p.overdue_amount, p.currency),
            "penalty": format_amount(p.penalty, p.currency),
            "apr": format_percent(p.apr),
            "status": p.status.value,
            "archived": p.archived,
        }
        for p in rows
    ]
    out = capsys.readouterr().out
    assert out == json.dumps(expected, ensure_ascii=False) + "\n"
    assert '"apr": "0.01"' in out and '"remaining": "0.00"' in out  # rounded half up; a zero
    print_plans([], True)
    assert capsys.readouterr().out == "[]\n"

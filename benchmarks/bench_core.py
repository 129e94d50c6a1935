"""Timing of the hot paths, on generated data (not a test: run it and read the numbers).

    uv run python benchmarks/bench_core.py [--plans 200]

Goals (2-core machine): a 360-period quote with APR < 50 ms; the overview query for 200
plans with a year of payments each < 1 s; `tracker quote` start-up < 1 s.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from pathlib import Path

from tracker import services as sv
from tracker.domain.apr import cost_of_credit
from tracker.domain.plan import Model, PlanTerms
from tracker.domain.schedule import build_schedule
from tracker.storage import open_database

AS_OF = date(2026, 11, 21)


def timed(label: str, func: Callable[[], object], repeat: int = 5) -> float:
    """Run ``func`` ``repeat`` times and print the median in milliseconds."""
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        runs.append((time.perf_counter() - start) * 1000)
    median = statistics.median(runs)
    print(f"{label:<58} {median:9.1f} ms")
    return median


def quote(model: Model, periods: int, rate: str) -> None:
    """Build a schedule and solve its APR."""
    terms = PlanTerms(model, 100_000_000, periods, date(2026, 12, 31), Decimal(rate))
    cost_of_credit(build_schedule(terms))


def fill(db_path: Path, plans: int) -> None:
    """``plans`` plans of 12–36 periods with every past installment paid."""
    db = open_database(db_path)
    for k in range(plans):
        model = (Model.FLAT, Model.ANNUITY, Model.TOTAL)[k % 3]
        rate = {Model.FLAT: "0.006", Model.ANNUITY: "0.045", Model.TOTAL: "0.045"}[model]
        terms = PlanTerms(
            model, 500_000 + 1_000 * k, 12 + (k % 3) * 12, date(2025, 12, 1 + k % 28), Decimal(rate)
        )
        pid = sv.add_plan(db, sv.PlanInput(name=f"plan {k}", terms=terms)).created_id
        assert pid is not None
        for inst in sv.plan_detail(db, pid, AS_OF).installments:
            if inst.due_date <= AS_OF:
                sv.record_payment(db, pid, inst.installment.total, inst.due_date, AS_OF)
    db.close()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--plans", type=int, default=200)
    args = parser.parse_args()
    timed("quote: flat, 12 periods, schedule + APR", lambda: quote(Model.FLAT, 12, "0.006"))
    timed("quote: annuity, 360 periods, schedule + APR", lambda: quote(Model.ANNUITY, 360, "0.049"))
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.sqlite3"
        start = time.perf_counter()
        fill(path, args.plans)
        print(
            f"{'fill: ' + str(args.plans) + ' plans with a year of payments':<58} "
            f"{(time.perf_counter() - start) * 1000:9.1f} ms (once)"
        )
        db = open_database(path)
        timed(
            f"list_plans over {args.plans} plans (overview table)",
            lambda: sv.list_plans(db, AS_OF),
            repeat=3,
        )
        timed(f"due() over {args.plans} plans", lambda: sv.due(db, AS_OF, 7), repeat=3)
        timed("plan_detail of one plan", lambda: sv.plan_detail(db, 1, AS_OF))
        db.close()
    timed(
        "`tracker quote` process start to exit",
        lambda: subprocess.run(
            [
                sys.executable,
                "-m",
                "tracker",
                "quote",
                "--model",
                "flat",
                "--principal",
                "3600",
                "--periods",
                "12",
                "--rate",
                "0.6",
                "--first-due",
                "2024-01-31",
            ],
            check=True,
            capture_output=True,
        ),
        repeat=3,
    )


if __name__ == "__main__":
    main()

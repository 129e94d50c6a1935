"""A realistic, deterministic ledger of N plans, loaded through the public CSV import.

    uv run python benchmarks/generate.py 1000 /tmp/b1k.sqlite3 [--as-of 2026-11-29] [--seed 9]
    uv run python benchmarks/generate.py 10000 --csv-only /tmp/b10k     # only write the CSVs

Writes ``plans.csv`` and ``payments.csv`` in the layout `tracker export plans|payments` writes
(see ``tracker/reports/csv_columns.py``), then runs ``tracker --db DB import plans.csv
payments.csv``. Nothing here touches the services or the tables, so it keeps working when they
are rewritten.

The mix: mostly flat-fee plans (小米分期, 京东白条, credit cards), total-fee 花呗, some
interest-free and pay-in-4, a few annuity / equal-principal loans up to 360 periods; purchases
spread over the ~6 years before ``--as-of``; ~60% of plans fully paid, the rest partly paid,
some overdue (a few with a penalty rate and grace days, a few with a partial payment). Each
plan's schedule is written in the ``schedule`` column, so payments can pay it exactly:
installments are paid in full, in date order, on or a little before their due dates (plans
without a penalty are sometimes paid a few days late). Plan k depends only on (seed, k): the
first 1,000 plans of the 10,000 set are the 1,000 set.

The import checks payments against *today* (no payment in the future), so ``--as-of`` must not
be after today's date.
"""

from __future__ import annotations

import argparse
import calendar
import csv
import io
import random
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

DEFAULT_AS_OF = date(2026, 11, 29)
DEFAULT_SEED = 9

# The headers `tracker export plans` / `tracker export payments` write, in their order.
PLAN_HEADER = [
    "id",
    "name",
    "platform",
    "purchase_date",
    "notes",
    "currency",
    "model",
    "principal",
    "periods",
    "rate_pct",
    "first_due",
    "remainder",
    "fee_mode",
    "upfront_fee",
    "down_payment",
    "custom_amounts",
    "grace_days",
    "tolerance",
    "penalty_daily_pct",
    "payoff_policy",
    "payoff_penalty_pct",
    "archived",
    "payoff_charge",
    "schedule",
]
PAYMENT_HEADER = [
    "id",
    "plan_id",
    "plan_name",
    "date",
    "amount",
    "currency",
    "method",
    "note",
    "kind",
    "voided",
]

# (platform, model, weight, periods choices, rate_pct choices, principal range in yuan)
KINDS = [
    ("小米分期", "flat", 14, (3, 6, 12, 24), ("0.5", "0.6", "0.75"), (999, 8_999)),
    ("京东白条", "flat", 16, (3, 6, 12, 24), ("0.5", "0.6", "0.8"), (99, 12_000)),
    ("招商银行信用卡", "flat", 10, (3, 6, 12, 24), ("0.6", "0.66", "0.75"), (1_000, 30_000)),
    ("Visa", "flat", 4, (3, 6, 12), ("0.5", "0.7"), (200, 3_000)),
    ("花呗", "total", 30, (3, 6, 9, 12), None, (50, 6_000)),
    ("京东白条", "interest_free", 8, (3, 6, 12), ("0",), (300, 9_000)),
    ("Klarna", "pay_in_n", 5, (4,), ("0",), (40, 600)),
    ("招商银行", "annuity", 2, (36, 60, 120, 240, 360), ("3.1", "3.95", "4.9", "12"), None),
    ("建设银行", "equal_principal", 1, (36, 60, 120, 360), ("3.1", "4.2", "9.6"), None),
]
HUABEI_TOTAL_PCT = {3: "2.3", 6: "4.5", 9: "6.5", 12: "8"}
LOANS = {"annuity", "equal_principal"}

GOODS = [
    "小米14 Pro",
    "Redmi K70",
    "iPhone 15",
    "MacBook Air",
    "空调",
    "洗衣机",
    "戴森吹风机",
    "Dyson V15",
    "Switch 2",
    "淘宝订单",
    "机票",
    "健身卡",
    "沙发",
    "Kindle",
    "AirPods Pro",
    "扫地机器人",
    "Nintendo games",
    "冰箱",
    "Bike",
    "desk chair",
]
LOAN_NAMES = ["房贷", "Mortgage", "车贷", "Car loan", "装修贷", "消费贷"]
METHODS = ["支付宝", "微信支付", "银行卡", "自动扣款", "Visa", "储蓄卡", ""]
NOTES = ["", "", "", "", "", "以旧换新", "gift", "618 活动", "双十一", "for mum"]


@dataclass
class Plan:
    """One generated plan and its payments (amounts in minor units, dates as dates)."""

    id: int
    row: dict[str, str]
    schedule: list[tuple[date, int, int]]  # (due date, principal, fee)
    payments: list[tuple[date, int, str, str]]  # (date, amount, method, note)


def _money(minor: int) -> str:
    sign = "-" if minor < 0 else ""
    return f"{sign}{abs(minor) // 100}.{abs(minor) % 100:02d}"


def _round(value: Decimal) -> int:
    return int(value.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def add_months(anchor: date, months: int) -> date:
    """``anchor`` moved by ``months`` months, its day clamped to the month's length."""
    index = anchor.year * 12 + anchor.month - 1 + months
    year, month0 = divmod(index, 12)
    return date(year, month0 + 1, min(anchor.day, calendar.monthrange(year, month0 + 1)[1]))


def due_dates(first_due: date, periods: int, biweekly: bool) -> list[date]:
    """Monthly from ``first_due`` (every 14 days for pay-in-n), as the app spaces them."""
    if biweekly:
        return [first_due + timedelta(days=14 * k) for k in range(periods)]
    return [add_months(first_due, k) for k in range(periods)]


def split_principal(principal: int, periods: int, remainder: str) -> list[int]:
    """Equal parts; the rounding remainder on the first or last period."""
    base, extra = divmod(principal, periods)
    parts = [base] * periods
    parts[0 if remainder == "first" else -1] += extra
    return parts


def build_schedule(
    model: str, principal: int, periods: int, rate_pct: str
) -> list[tuple[int, int]]:
    """(principal, fee) per period, in minor units; Σ principal == principal."""
    rate = Decimal(rate_pct) / 100
    if model == "flat":
        fee = _round(principal * rate)
        return [(p, fee) for p in split_principal(principal, periods, "first")]
    if model == "total":
        fees = split_principal(_round(principal * rate), periods, "first")
        return list(zip(split_principal(principal, periods, "first"), fees, strict=True))
    if model in ("interest_free", "pay_in_n"):
        return [(p, 0) for p in split_principal(principal, periods, "first")]
    monthly = rate / 12
    items, balance = [], principal
    if model == "annuity":
        payment = _round(principal * monthly / (1 - (1 + monthly) ** -periods))
        for k in range(periods):
            interest = _round(balance * monthly)
            part = balance if k == periods - 1 else payment - interest
            items.append((part, interest))
            balance -= part
        return items
    for part in split_principal(principal, periods, "last"):  # equal_principal
        items.append((part, _round(balance * monthly)))
        balance -= part
    return items


def make_plan(k: int, seed: int, as_of: date) -> Plan:
    """Plan number ``k`` (1-based); depends only on (seed, k, as_of)."""
    rng = random.Random(seed * 1_000_003 + k)
    platform, model, _w, period_choices, rates, yuan = rng.choices(
        KINDS, weights=[kind[2] for kind in KINDS]
    )[0]
    periods = rng.choice(period_choices)
    rate_pct = HUABEI_TOTAL_PCT[periods] if model == "total" else rng.choice(rates)
    if model in LOANS:
        principal = rng.randrange(50_000, 2_000_000, 1_000) * 100
        name = rng.choice(LOAN_NAMES)
    else:
        assert yuan is not None
        principal = rng.randrange(yuan[0] * 100, yuan[1] * 100 + 1)
        good = rng.choice(GOODS)
        name = f"{platform} - {good}" if rng.random() < 0.3 else good
    biweekly = model == "pay_in_n"
    span = 14 * periods if biweekly else 31 * periods
    earliest = as_of - timedelta(days=6 * 365)
    paid_off = rng.random() < 0.6 and as_of - timedelta(days=span + 40) > earliest
    if paid_off:  # the last due date well before as_of
        latest = as_of - timedelta(days=span + 40)
        purchase = earliest + timedelta(days=rng.randrange((latest - earliest).days))
    else:  # still running on as_of
        first = max(earliest, as_of - timedelta(days=span - 20))
        purchase = first + timedelta(days=rng.randrange(max(1, (as_of - first).days - 3)))
    if biweekly:
        first_due = purchase + timedelta(days=14)
    else:
        first_due = add_months(purchase.replace(day=rng.choice((1, 5, 8, 10, 15, 20, 25, 28))), 1)
    dates = due_dates(first_due, periods, biweekly)
    schedule = [
        (d, p, f)
        for d, (p, f) in zip(
            dates, build_schedule(model, principal, periods, rate_pct), strict=True
        )
    ]
    penalty = "0"
    grace = 0
    if model in LOANS or rng.random() < 0.15:
        penalty, grace = rng.choice(("0.05", "0.05", "0.03")), rng.choice((0, 3, 3, 5))
    currency = "USD" if platform in ("Visa", "Klarna") else "CNY"
    row = {
        "id": str(k),
        "name": name,
        "platform": platform,
        "purchase_date": purchase.isoformat(),
        "notes": rng.choice(NOTES),
        "currency": currency,
        "model": model,
        "principal": _money(principal),
        "periods": str(periods),
        "rate_pct": rate_pct,
        "first_due": first_due.isoformat(),
        "remainder": "last" if model == "equal_principal" else "first",
        "fee_mode": "spread",
        "upfront_fee": "0.00",
        "down_payment": "0.00",
        "custom_amounts": "",
        "grace_days": str(grace),
        "tolerance": "0.00",
        "penalty_daily_pct": penalty,
        "payoff_policy": "waive_future_fees" if model in LOANS else "charge_all_fees",
        "payoff_penalty_pct": "0",
        "archived": "false",
        "payoff_charge": "0.00",
        "schedule": ";".join(f"{_money(p)}/{_money(f)}" for _d, p, f in schedule),
    }
    return Plan(k, row, schedule, _payments(rng, schedule, purchase, as_of, paid_off, penalty))


def _payments(
    rng: random.Random,
    schedule: list[tuple[date, int, int]],
    purchase: date,
    as_of: date,
    paid_off: bool,
    penalty: str,
) -> list[tuple[date, int, str, str]]:
    """Installments paid in full in date order, on or around their due dates."""
    method = rng.choice(METHODS)
    due = [(d, p + f) for d, p, f in schedule if paid_off or d <= as_of]
    if not paid_off and due:
        roll = rng.random()
        if roll < 0.25:  # overdue: the most recent one to three installments unpaid
            due = due[: -rng.randint(1, min(3, len(due)))]
        elif roll < 0.35:  # overdue, part paid
            last_date, last_amount = due[-1]
            due[-1] = (last_date, max(1, last_amount // 2))
    late = penalty == "0" and rng.random() < 0.3
    out: list[tuple[date, int, str, str]] = []
    previous = purchase
    for when, amount in due:
        shift = rng.randint(-5, 6 if late else 0)
        on = min(as_of, max(previous + timedelta(days=1), when + timedelta(days=shift)))
        if on > as_of:  # no room left before as_of: stop paying (the plan stays open)
            break
        if rng.random() < 0.1:
            method = rng.choice(METHODS)
        out.append((on, amount, method, "自动还款" if method == "自动扣款" else ""))
        previous = on
    return out


def write_csvs(n: int, out_dir: Path, seed: int, as_of: date) -> tuple[Path, Path, int]:
    """Write plans.csv and payments.csv for ``n`` plans; return the paths and payment count."""
    out_dir.mkdir(parents=True, exist_ok=True)
    plans_path, payments_path = out_dir / "plans.csv", out_dir / "payments.csv"
    count = 0
    with (
        plans_path.open("w", encoding="utf-8-sig", newline="") as pf,
        payments_path.open("w", encoding="utf-8-sig", newline="") as yf,
    ):
        plans = csv.DictWriter(pf, PLAN_HEADER, lineterminator="\n")
        payments = csv.DictWriter(yf, PAYMENT_HEADER, lineterminator="\n")
        plans.writeheader()
        payments.writeheader()
        for k in range(1, n + 1):
            plan = make_plan(k, seed, as_of)
            plans.writerow(plan.row)
            for on, amount, method, note in plan.payments:
                count += 1
                payments.writerow(
                    {
                        "id": str(count),
                        "plan_id": str(plan.id),
                        "plan_name": plan.row["name"],
                        "date": on.isoformat(),
                        "amount": _money(amount),
                        "currency": plan.row["currency"],
                        "method": method,
                        "note": note,
                        "kind": "payment",
                        "voided": "false",
                    }
                )
    return plans_path, payments_path, count


def mortgage_csvs(out_dir: Path, as_of: date) -> tuple[Path, Path]:
    """One 30-year annuity mortgage with all 360 installments paid (the import benchmark)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    principal = 1_200_000_00
    first_due = add_months(date(as_of.year - 31, 1, 15), 0)
    items = build_schedule("annuity", principal, 360, "4.9")
    dates = due_dates(first_due, 360, biweekly=False)
    plan = {h: "" for h in PLAN_HEADER} | {
        "id": "1",
        "name": "房贷 30 年",
        "platform": "建设银行",
        "purchase_date": add_months(first_due, -1).isoformat(),
        "currency": "CNY",
        "model": "annuity",
        "principal": _money(principal),
        "periods": "360",
        "rate_pct": "4.9",
        "first_due": first_due.isoformat(),
        "remainder": "first",
        "fee_mode": "spread",
        "schedule": ";".join(f"{_money(p)}/{_money(f)}" for p, f in items),
    }
    plans_path, payments_path = out_dir / "plans.csv", out_dir / "payments.csv"
    with plans_path.open("w", encoding="utf-8-sig", newline="") as f:
        w = csv.DictWriter(f, PLAN_HEADER, lineterminator="\n")
        w.writeheader()
        w.writerow(plan)
    with payments_path.open("w", encoding="utf-8-sig", newline="") as f:
        w = csv.DictWriter(f, PAYMENT_HEADER, lineterminator="\n")
        w.writeheader()
        for k, (when, (p, fee)) in enumerate(zip(dates, items, strict=True), start=1):
            w.writerow(
                {
                    **{h: "" for h in PAYMENT_HEADER},
                    "id": str(k),
                    "plan_id": "1",
                    "plan_name": plan["name"],
                    "date": when.isoformat(),
                    "amount": _money(p + fee),
                    "currency": "CNY",
                    "method": "自动扣款",
                    "kind": "payment",
                    "voided": "false",
                }
            )
    return plans_path, payments_path


def tracker_command() -> list[str]:
    """How to run `tracker` with this interpreter (the venv's console script if present)."""
    script = Path(sys.executable).with_name("tracker")
    return [str(script)] if script.exists() else [sys.executable, "-m", "tracker"]


def run_import(db: Path, files: list[Path], env: dict[str, str] | None = None) -> float:
    """``tracker --db DB import FILES``, printing a line every 15 s; return the seconds."""
    cmd = [*tracker_command(), "--db", str(db), "import", *map(str, files)]
    start = time.perf_counter()
    done = threading.Event()

    def progress() -> None:
        while not done.wait(15):
            print(f"  … importing, {time.perf_counter() - start:.0f} s", flush=True)

    threading.Thread(target=progress, daemon=True).start()
    try:
        result = subprocess.run(cmd, capture_output=True, text=True, env=env, check=False)
    finally:
        done.set()
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        err = io.StringIO(result.stderr).readlines()
        sys.exit(f"import failed ({result.returncode}):\n{''.join(err[:20])}")
    print(result.stdout.strip()[:200])
    return elapsed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("plans", type=int, help="number of plans")
    parser.add_argument("db", nargs="?", type=Path, help="database to import into (new file)")
    parser.add_argument("--as-of", type=date.fromisoformat, default=DEFAULT_AS_OF)
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--csv-only", type=Path, metavar="DIR", help="only write the CSVs here")
    args = parser.parse_args(argv)
    if args.db is None and args.csv_only is None:
        parser.error("give a DB to import into, or --csv-only DIR")
    if args.db is not None and args.db.exists():
        parser.error(f"{args.db} exists; the ledger is imported into a new database")
    with tempfile.TemporaryDirectory() as tmp:
        out = args.csv_only or Path(tmp)
        start = time.perf_counter()
        plans, payments, count = write_csvs(args.plans, out, args.seed, args.as_of)
        print(
            f"wrote {args.plans} plans and {count} payments to {out} "
            f"in {time.perf_counter() - start:.1f} s"
        )
        if args.db is not None:
            print(f"importing into {args.db} (slow before the bulk import: ~26 s per 1,000 plans)")
            seconds = run_import(args.db, [plans, payments])
            print(f"imported in {seconds:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Registration of the database-backed commands on the `tracker` parser."""

from __future__ import annotations

import argparse
import importlib
from collections.abc import Callable
from datetime import date
from types import SimpleNamespace
from typing import Any

from .quote import add_plan_options


def _lazy(module: str, name: str) -> Callable[..., int]:
    """Import the command's module only when it runs: `tracker quote` never loads SQLAlchemy."""

    def run(args: argparse.Namespace, today: date) -> int:
        func: Any = getattr(importlib.import_module(f"tracker.cli.{module}"), name)
        return int(func(args, today))

    return run


ledger = SimpleNamespace(
    **{n: _lazy("ledger", n) for n in ("plan_add", "plan_show", "plan_archive", "plan_delete")}
)
debt = SimpleNamespace(**{n: _lazy("debt", n) for n in ("prepay", "planner")})
payments = SimpleNamespace(**{n: _lazy("payments", n) for n in ("pay", "void", "payoff", "check")})


remind = _lazy("remind", "remind")


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add plan/pay/payment/history/payoff/due to the `tracker` sub-command parser."""
    plan = sub.add_parser("plan", help="add, list, show, archive or delete plans")
    psub = plan.add_subparsers(dest="plan_command", required=True, parser_class=sub._parser_class)

    add = psub.add_parser("add", help="store a new plan")
    add.add_argument("--name", required=True)
    add.add_argument("--platform")
    add.add_argument("--notes")
    add.add_argument("--purchase-date")
    add.add_argument("--down-payment", default="0")
    add_plan_options(add)
    add.add_argument("--grace-days")
    add.add_argument("--tolerance", default="0")
    add.add_argument("--penalty-rate", default="0", help="percent per day overdue")
    add.add_argument(
        "--payoff-policy",
        help="charge-all-fees | waive-future-fees | penalty:PCT (default: waive-future-fees "
        "for annuity and equal-principal loans, charge-all-fees otherwise)",
    )
    add.add_argument(
        "--paid-periods",
        help="periods already paid before tracking (default: every period due before today)",
    )
    add.add_argument("--json", action="store_true")
    add.add_argument(
        "--account", help="the card or platform (id or name) whose monthly bill carries it"
    )
    add.set_defaults(run=ledger.plan_add, writes=True)

    lst = psub.add_parser("list", help="every plan with what is left")
    lst.add_argument("--as-of")
    lst.add_argument("--all", action="store_true", help="include archived plans")
    lst.add_argument("--json", action="store_true")
    lst.set_defaults(run=_lazy("quick", "plan_list"))

    show = psub.add_parser("show", help="one plan's terms and schedule with status")
    show.add_argument("id", type=int)
    show.add_argument("--as-of")
    show.add_argument("--json", action="store_true")
    show.set_defaults(run=ledger.plan_show)

    arch = psub.add_parser("archive", help="hide a plan from the default lists")
    arch.add_argument("id", type=int)
    arch.add_argument("--restore", action="store_true", help="bring an archived plan back")
    arch.set_defaults(run=ledger.plan_archive, writes=True)

    dele = psub.add_parser("delete", help="delete a plan and its payments (asks first)")
    dele.add_argument("id", type=int)
    dele.add_argument("--yes", action="store_true", help="do not ask")
    dele.set_defaults(run=ledger.plan_delete, writes=True)

    pay = sub.add_parser("pay", help="record a payment")
    pay.add_argument("id", type=int)
    pay.add_argument("--amount", required=True)
    pay.add_argument("--date")
    pay.add_argument("--method")
    pay.add_argument("--note")
    pay.add_argument("--json", action="store_true")
    pay.set_defaults(run=payments.pay, writes=True)

    payment = sub.add_parser("payment", help="void a payment")
    pysub = payment.add_subparsers(
        dest="payment_command", required=True, parser_class=sub._parser_class
    )
    vd = pysub.add_parser("void", help="void a payment (it stays in history)")
    vd.add_argument("payment_id", type=int)
    vd.set_defaults(run=payments.void, writes=True)

    hist = sub.add_parser("history", help="payment history")
    hist.add_argument("--plan", type=int)
    hist.add_argument("--from", dest="date_from")
    hist.add_argument("--to", dest="date_to")
    hist.add_argument("--json", action="store_true")
    hist.set_defaults(run=_lazy("quick", "history"))

    po = sub.add_parser("payoff", help="pay a plan off early (quote with --quote)")
    po.add_argument("id", type=int)
    po.add_argument("--date")
    po.add_argument("--quote", action="store_true", help="only show what it would cost")
    po.add_argument("--method")
    po.add_argument("--note")
    po.add_argument("--json", action="store_true")
    po.set_defaults(run=payments.payoff, writes=True)

    chk = sub.add_parser(
        "check", help="check the file and recompute every plan (exit 1 if anything is wrong)"
    )
    chk.add_argument("--json", action="store_true")
    chk.set_defaults(run=payments.check)

    pre = sub.add_parser(
        "prepay",
        help="record (or --quote) a partial prepayment of a loan: keep the term or the payment",
    )
    pre.add_argument("id", type=int)
    pre.add_argument("--amount", required=True)
    pre.add_argument("--date")
    pre.add_argument(
        "--keep",
        choices=("term", "payment"),
        help="term: lower the payment (减少月供); payment: shorten the term (缩短期限)",
    )
    pre.add_argument("--quote", action="store_true", help="only compare the two choices")
    pre.add_argument("--method", help="how it was paid (银行卡, 支付宝, …)")
    pre.add_argument("--note")
    pre.add_argument("--json", action="store_true")
    pre.set_defaults(run=debt.prepay)

    pl = sub.add_parser("planner", help="where a monthly budget for extra repayment should go")
    pl.add_argument("--budget", required=True, help="extra repayment per month, e.g. 1000")
    pl.add_argument("--strategy", choices=("avalanche", "snowball"), default="avalanche")
    pl.add_argument("--currency", default="CNY")
    pl.add_argument("--as-of")
    pl.add_argument("--json", action="store_true")
    pl.set_defaults(run=debt.planner)

    due = sub.add_parser("due", help="what is overdue or due soon")
    due.add_argument("--as-of")
    due.add_argument("--within", default="7")
    due.add_argument("--json", action="store_true")
    due.set_defaults(run=_lazy("quick", "due"))

    rem = sub.add_parser(
        "remind",
        help="one summary of what needs attention (exit 1 if anything does, 0 if nothing)",
    )
    rem.add_argument("--as-of")
    rem.add_argument("--within", default="7", help="reminder window in days (default 7)")
    rem.add_argument("--notify", action="store_true", help="also send it as a desktop notification")
    rem.add_argument(
        "--force", action="store_true", help="notify even if the same items were sent today"
    )
    rem.add_argument("--lang", choices=("system", "zh_CN", "en"), default="system")
    rem.add_argument("--json", action="store_true")
    rem.set_defaults(run=remind)

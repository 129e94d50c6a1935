"""Use cases over the ledger: one user action = one transaction = one function.

The GUI and the CLI call only these. Actions return a ``Change`` naming what they touched;
queries return plain frozen records; every "today" is passed in as ``as_of``.
"""

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .model import (
        Change,
        InstallmentRow,
        PaymentRow,
        PlanDetail,
        PlanInput,
        PlanStatus,
        PlanSummary,
        ServiceError,
    )
    from .payments import (
        due,
        history,
        history_rows,
        pay_off,
        payoff_quote,
        record_payment,
        void_payment,
    )
    from .plans import (
        add_plan,
        delete_plan,
        edit_plan,
        list_plans,
        plan_detail,
        plan_names,
        plan_summaries,
        set_archived,
    )
    from .undo import (
        LedgerSnapshot,
        PlanSnapshot,
        PlansState,
        restore_plan,
        restore_plans,
        restore_snapshot,
        snapshot_account,
        snapshot_payment,
        snapshot_plan,
        snapshot_plans,
    )

# Each name's module, imported on first use: ``tracker.services.model`` and ``summary`` load
# without SQLAlchemy (the start-up read path of the CLI).
_HOME = {
    "Change": "model",
    "InstallmentRow": "model",
    "PaymentRow": "model",
    "PlanDetail": "model",
    "PlanInput": "model",
    "PlanStatus": "model",
    "PlanSummary": "model",
    "ServiceError": "model",
    "due": "payments",
    "history": "payments",
    "history_rows": "payments",
    "pay_off": "payments",
    "payoff_quote": "payments",
    "record_payment": "payments",
    "void_payment": "payments",
    "add_plan": "plans",
    "delete_plan": "plans",
    "edit_plan": "plans",
    "list_plans": "plans",
    "plan_detail": "plans",
    "plan_names": "plans",
    "plan_summaries": "plans",
    "set_archived": "plans",
    "LedgerSnapshot": "undo",
    "PlanSnapshot": "undo",
    "PlansState": "undo",
    "restore_plan": "undo",
    "restore_plans": "undo",
    "restore_snapshot": "undo",
    "snapshot_account": "undo",
    "snapshot_payment": "undo",
    "snapshot_plan": "undo",
    "snapshot_plans": "undo",
}

__all__ = [
    "Change",
    "InstallmentRow",
    "LedgerSnapshot",
    "PaymentRow",
    "PlanDetail",
    "PlanInput",
    "PlanSnapshot",
    "PlanStatus",
    "PlanSummary",
    "PlansState",
    "ServiceError",
    "add_plan",
    "delete_plan",
    "due",
    "edit_plan",
    "history",
    "history_rows",
    "list_plans",
    "pay_off",
    "payoff_quote",
    "plan_detail",
    "plan_names",
    "plan_summaries",
    "record_payment",
    "restore_plan",
    "restore_plans",
    "restore_snapshot",
    "set_archived",
    "snapshot_account",
    "snapshot_payment",
    "snapshot_plan",
    "snapshot_plans",
    "void_payment",
]


def __getattr__(name: str) -> Any:
    home = _HOME.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(f".{home}", __name__), name)

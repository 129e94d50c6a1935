"""Use cases over the ledger: one user action = one transaction = one function.

The GUI and the CLI call only these. Actions return a ``Change`` naming what they touched;
queries return plain frozen records; every "today" is passed in as ``as_of``.
"""

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

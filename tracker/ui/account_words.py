"""How accounts are named on screen: kinds, interest rules, statement days and due rules."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from tracker.domain.accounts import MONTH_END, AccountKind, DueRule, DueRuleKind, InterestRule

__all__ = ["due_rule_text", "interest_label", "kind_choices", "kind_label", "statement_text"]


def kind_choices() -> list[tuple[str, str]]:
    """(label, value) of each kind of account, in the order the form offers them."""
    return [(kind_label(k.value), k.value) for k in AccountKind]


def kind_label(kind: str) -> str:
    """A kind of account in the UI language."""
    labels = {
        AccountKind.CREDIT_CARD.value: QCoreApplication.translate("Accounts", "Credit card"),
        AccountKind.HUABEI.value: QCoreApplication.translate("Accounts", "Huabei (花呗)"),
        AccountKind.BAITIAO.value: QCoreApplication.translate("Accounts", "Baitiao (白条)"),
        AccountKind.OTHER.value: QCoreApplication.translate("Accounts", "Other"),
    }
    return labels.get(kind, kind)


def interest_label(rule: str) -> str:
    """What a part payment is charged, in the UI language."""
    if rule == InterestRule.UNPAID_ONLY.value:
        return QCoreApplication.translate(
            "Accounts", "Unpaid part only, after the due date (花呗, 白条)"
        )
    return QCoreApplication.translate(
        "Accounts", "Whole statement, from the purchase date (全额计息)"
    )


def statement_text(day: int) -> str:
    """The statement day: "day 5" or "month end"."""
    if day == MONTH_END:
        return QCoreApplication.translate("Accounts", "month end")
    return QCoreApplication.translate("Accounts", "day %1").replace("%1", str(day))


def due_rule_text(rule: DueRule) -> str:
    """The due rule: "day 25 after the statement" or "statement + 20 days"."""
    if rule.kind is DueRuleKind.DAYS_AFTER:
        return QCoreApplication.translate("Accounts", "statement + %1 days").replace(
            "%1", str(rule.value)
        )
    return QCoreApplication.translate("Accounts", "day %1 after the statement").replace(
        "%1", str(rule.value)
    )

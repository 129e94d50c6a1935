"""What a plan's finance charge is called on screen and in print.

A loan (等额本息, 等额本金) charges interest (利息); every other plan charges a fee (手续费).
``Model.charge`` decides which; this module holds the translated words for each, so the detail
panel, the plan form, the payoff dialog and the printed sheet say the same thing.
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QCoreApplication

from tracker.domain.payoff import PayoffPolicy
from tracker.domain.plan import Charge, Model

from . import fmt

__all__ = [
    "charge_name",
    "charges_charged",
    "charges_waived",
    "payoff_choices",
    "payoff_policy_name",
    "policy_label",
    "rate_caption",
    "total_charge",
]


def _is_interest(model: Model | str) -> bool:
    return Model(model).charge is Charge.INTEREST


def charge_name(model: Model | str) -> str:
    """The charge's column header: "Fee" (手续费) or "Interest" (利息)."""
    return (
        QCoreApplication.translate("Charge", "Interest")
        if _is_interest(model)
        else QCoreApplication.translate("Charge", "Fee")
    )


def rate_caption(model: Model | str) -> str:
    """The detail panel's caption for the rate: "Interest rate" (利率) or "Fee rate" (费率)."""
    if _is_interest(model):
        return QCoreApplication.translate("Charge", "Interest rate")
    return QCoreApplication.translate("Charge", "Fee rate")


def total_charge(model: Model | str) -> str:
    """ "Total fee" (手续费合计) or "Total interest" (利息合计)."""
    return (
        QCoreApplication.translate("Charge", "Total interest")
        if _is_interest(model)
        else QCoreApplication.translate("Charge", "Total fee")
    )


def charges_charged(model: Model | str) -> str:
    """The payoff quote's line for the charge it includes."""
    return (
        QCoreApplication.translate("Charge", "Interest charged:")
        if _is_interest(model)
        else QCoreApplication.translate("Charge", "Fees charged:")
    )


def charges_waived(model: Model | str) -> str:
    """The payoff quote's line for the charge it waives."""
    return (
        QCoreApplication.translate("Charge", "Interest waived:")
        if _is_interest(model)
        else QCoreApplication.translate("Charge", "Fees waived:")
    )


def policy_label(model: Model | str, policy: str, pct: Decimal = Decimal(0)) -> str:
    """What an early payoff costs under ``policy`` (detail panel, printed sheet)."""
    loan = _is_interest(model)
    if policy == PayoffPolicy.WAIVE_FUTURE_FEES.value:
        if loan:
            return QCoreApplication.translate(
                "Charge", "Remaining principal + interest already due"
            )
        return QCoreApplication.translate("Charge", "Remaining principal + fees already due")
    if policy == PayoffPolicy.PENALTY_PCT.value:
        if loan:
            text = QCoreApplication.translate(
                "Charge", "Remaining principal + interest due + %1 of the principal"
            )
        else:
            text = QCoreApplication.translate(
                "Charge", "Remaining principal + fees due + %1 of the principal"
            )
        return text.replace("%1", fmt.percent(pct))
    if loan:
        return QCoreApplication.translate("Charge", "Remaining principal + all remaining interest")
    return QCoreApplication.translate("Charge", "Remaining principal + all remaining fees")


def payoff_policy_name(model: Model | str, policy: str, pct: Decimal = Decimal(0)) -> str:
    """The policy's name in the payoff dialog."""
    loan = _is_interest(model)
    if policy == PayoffPolicy.WAIVE_FUTURE_FEES.value:
        return (
            QCoreApplication.translate("Charge", "Waive interest not yet due")
            if loan
            else QCoreApplication.translate("Charge", "Waive fees not yet due")
        )
    if policy == PayoffPolicy.PENALTY_PCT.value:
        if loan:
            text = QCoreApplication.translate(
                "Charge", "Interest due plus %1 of the remaining principal"
            )
        else:
            text = QCoreApplication.translate(
                "Charge", "Fees due plus %1 of the remaining principal"
            )
        return text.replace("%1", fmt.percent(pct))
    return (
        QCoreApplication.translate("Charge", "Charge all remaining interest")
        if loan
        else QCoreApplication.translate("Charge", "Charge all remaining fees")
    )


def payoff_choices(model: Model | str) -> list[tuple[str, str]]:
    """(text, policy value) of the plan form's early-payoff choices, in order."""
    if _is_interest(model):
        texts = (
            QCoreApplication.translate("Charge", "Pay all remaining interest"),
            QCoreApplication.translate("Charge", "Pay only interest already due"),
            QCoreApplication.translate("Charge", "Interest due + a % of the principal"),
        )
    else:
        texts = (
            QCoreApplication.translate("Charge", "Pay all remaining fees"),
            QCoreApplication.translate("Charge", "Pay only fees already due"),
            QCoreApplication.translate("Charge", "Fees due + a % of the principal"),
        )
    policies = (PayoffPolicy.CHARGE_ALL_FEES, PayoffPolicy.WAIVE_FUTURE_FEES,
                PayoffPolicy.PENALTY_PCT)  # fmt: skip
    return [(text, p.value) for text, p in zip(texts, policies, strict=True)]

"""A plan's payments in its detail panel, and how a payment's periods are written: "Period
1/12" (第 1/12 期), "Periods 1–3/12" (第 1–3/12 期), shared with the Payments screen."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from tracker.domain.rows import PaymentRow

from . import fmt
from .table_model import Column, RowTableModel

__all__ = ["payments_model", "periods_text"]


def periods_text(first: int, last: int, periods: int) -> str:
    """The periods ``first``..``last`` of a plan of ``periods`` ("" when ``first`` is 0)."""
    if not first:
        return ""
    if first == last:
        return (
            QCoreApplication.translate("Periods", "Period %1/%2")
            .replace("%1", str(first))
            .replace("%2", str(periods))
        )
    return (
        QCoreApplication.translate("Periods", "Periods %1–%2/%3")
        .replace("%1", str(first))
        .replace("%2", str(last))
        .replace("%3", str(periods))
    )


def payments_model(
    periods: list[tuple[dict[int, tuple[int, ...]], int]], parent: QWidget | None = None
) -> RowTableModel[PaymentRow]:
    """A plan's payments: date, amount, method, the periods each went to ("Period 1/12"),
    and what kind it is; ``periods[0]`` holds (periods by payment id, the plan's count)."""

    def went_to(p: PaymentRow) -> str:
        by_id, count = periods[0]
        found = by_id.get(p.id or 0, ()) if not p.voided else ()
        return periods_text(found[0], found[-1], count) if found else ""

    def kind(p: PaymentRow) -> str:
        words = {
            "payoff": QCoreApplication.translate("PlanDetail", "Early payoff"),
            "prior": QCoreApplication.translate("PlanDetail", "Paid before tracking"),
        }
        text = words.get(p.kind, "")
        if p.voided:
            text = QCoreApplication.translate("PlanDetail", "Voided") + (
                f" · {text}" if text else ""
            )
        return text

    columns: list[Column[PaymentRow]] = [
        Column(lambda: QCoreApplication.translate("PlanDetail", "Date"), lambda p: fmt.day(p.date)),
        Column(
            lambda: QCoreApplication.translate("PlanDetail", "Amount"),
            lambda p: fmt.money(p.amount, p.currency),
            lambda p: p.amount,
            True,
        ),
        Column(lambda: QCoreApplication.translate("PlanDetail", "Method"), lambda p: p.method),
        Column(lambda: QCoreApplication.translate("PlanDetail", "Settled"), went_to),
        Column(lambda: QCoreApplication.translate("PlanDetail", "Kind"), kind),
    ]

    def mark(p: PaymentRow) -> str | None:
        return "struck" if p.voided else ("muted" if p.kind == "prior" else None)

    return RowTableModel(columns, mark, parent)

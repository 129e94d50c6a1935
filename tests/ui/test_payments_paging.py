"""The Payments table pages rows: 256 at a time as it scrolls, sorted and filtered in SQL."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QModelIndex, Qt

from tests.ui.conftest import TODAY, add_flat_plan
from tracker import services as sv
from tracker.services.imports import import_file
from tracker.ui.context import AppContext
from tracker.ui.paged_model import PAGE
from tracker.ui.payments_view import PaymentsScreen

COUNT = PAGE + 44


@pytest.fixture
def many(ctx: AppContext) -> list[int]:
    """300 small payments over 300 days on one long plan, amounts 100, 101, …"""
    plan_id = add_flat_plan(ctx, principal=100_000_000, periods=36, first_due=date(2026, 1, 31))
    start = TODAY - timedelta(days=COUNT)
    lines = ["plan_id,date,amount"]
    lines += [f"{plan_id},{start + timedelta(days=k)},{(100 + k) / 100:.2f}" for k in range(COUNT)]
    # One import (one transaction) instead of 300 recorded payments: the same rows, in order.
    _, report = import_file(ctx.db, "\n".join(lines).encode(), TODAY)
    return [p.id for p in report.payments]


@pytest.fixture
def screen(qtbot, ctx: AppContext, many) -> PaymentsScreen:
    s = PaymentsScreen(ctx)
    qtbot.addWidget(s)
    s.resize(1000, 500)
    return s


def test_loads_one_page_then_fetches_the_next(screen: PaymentsScreen) -> None:
    model = screen.model
    assert model.rowCount() == PAGE
    assert model.canFetchMore(QModelIndex())
    assert screen.proxy.canFetchMore(QModelIndex())  # the view sees it through the proxy
    assert [r.amount for r in screen.shown_rows()[:2]] == [100 + COUNT - 1, 100 + COUNT - 2]
    model.fetchMore(QModelIndex())
    assert model.rowCount() == COUNT
    assert not model.canFetchMore(QModelIndex())
    assert len({r.id for r in model.rows()}) == COUNT  # no row twice
    # totals cover every matching payment, loaded or not
    assert screen.total_shown() == {"CNY": sum(100 + k for k in range(COUNT))}
    assert f"{COUNT} payments shown" in screen.totals.text()


def test_scrolling_to_the_end_fetches_more(qtbot, screen: PaymentsScreen) -> None:
    screen.show()
    qtbot.waitExposed(screen)
    assert screen.model.rowCount() == PAGE
    screen.table.scrollToBottom()
    qtbot.waitUntil(lambda: screen.model.rowCount() == COUNT)


def test_sorting_sorts_every_row_not_only_the_loaded_ones(screen: PaymentsScreen) -> None:
    screen.table.sortByColumn(2, Qt.SortOrder.AscendingOrder)
    assert screen.model.rowCount() == PAGE
    assert [r.amount for r in screen.shown_rows()[:3]] == [100, 101, 102]
    screen.table.sortByColumn(2, Qt.SortOrder.DescendingOrder)
    assert screen.shown_rows()[0].amount == 100 + COUNT - 1


def test_a_new_payment_is_inserted_in_order_without_a_reset(
    screen: PaymentsScreen, ctx: AppContext, many
) -> None:
    resets: list[int] = []
    inserted: list[tuple[int, int]] = []
    screen.model.modelAboutToBeReset.connect(lambda: resets.append(1))
    screen.model.rowsInserted.connect(lambda _p, a, b: inserted.append((a, b)))
    plan_id = screen.shown_rows()[0].plan_id
    ctx.act(None, "pay", sv.record_payment, plan_id, 7, TODAY, TODAY, plan_id=plan_id)
    assert resets == [] and inserted == [(0, 0)]
    assert screen.shown_rows()[0].amount == 7
    # fetching the rest later neither repeats nor skips a row (keyset paging)
    screen.model.fetch_all()
    assert len({r.id for r in screen.model.rows()}) == COUNT + 1 == screen.model.rowCount()


def test_voiding_updates_the_row_in_place(screen: PaymentsScreen, ctx: AppContext) -> None:
    changed: list[int] = []
    screen.model.dataChanged.connect(lambda tl, _br, _roles=(): changed.append(tl.row()))
    target = screen.shown_rows()[5]
    ctx.act(None, "void", sv.void_payment, target.id, TODAY, plan_id=target.plan_id)
    assert changed[0] == 5  # the voided row; then only rows whose settled periods moved
    rows = screen.shown_rows()
    assert all(rows[i].plan_id == target.plan_id for i in changed[1:])
    assert rows[5].voided


def test_the_plan_filter_reads_names_only(
    qtbot, ctx: AppContext, many, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*_a, **_k):
        raise AssertionError("the plan filter must not compute summaries")

    monkeypatch.setattr(sv, "list_plans", refuse)
    monkeypatch.setattr(sv, "plan_summaries", refuse)
    s = PaymentsScreen(ctx)
    qtbot.addWidget(s)
    assert s.plan_combo.count() == 2 and s.plan_combo.itemText(1) == "Xiaomi 14"

"""The Calendar screen: month grid contents, navigation, clicking a day, paying from it."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtCore import QLocale, QPoint, Qt

from tests.ui.conftest import TODAY, add_flat_plan
from tracker import services as sv
from tracker.domain.ledger import Status
from tracker.storage import open_database
from tracker.ui import calendar_view
from tracker.ui.calendar_view import CalendarScreen, grid_start
from tracker.ui.context import AppContext
from tracker.ui.palette import LIGHT
from tracker.ui.payment_dialog import RecordPaymentDialog


@pytest.fixture(autouse=True)
def english_locale() -> Iterator[None]:
    old = QLocale()
    QLocale.setDefault(QLocale("en_US"))
    yield
    QLocale.setDefault(old)


@pytest.fixture
def plan(ctx: AppContext) -> int:
    """321.60 a month from 2026-10-31; period 1 is overdue on 2026-11-21."""
    return add_flat_plan(ctx, name="小米14 Ultra")


@pytest.fixture
def screen(qtbot, ctx: AppContext, plan: int) -> CalendarScreen:
    s = CalendarScreen(ctx)
    qtbot.addWidget(s)
    s.resize(1200, 800)
    s.show()
    qtbot.waitExposed(s)
    return s


def click_day(qtbot, screen: CalendarScreen, day: date) -> None:
    rect = screen.grid.cell_rect(day)
    assert not rect.isEmpty()
    qtbot.mouseClick(screen.grid, Qt.MouseButton.LeftButton, pos=rect.center())


def test_grid_starts_on_monday() -> None:
    assert grid_start(2026, 11) == date(2026, 10, 26)
    assert grid_start(2026, 6) == date(2026, 6, 1)  # June 2026 starts on a Monday


def test_opens_on_todays_month_with_items_in_their_cells(screen: CalendarScreen) -> None:
    assert screen.month_label.text() == "November 2026"
    grid = screen.grid
    (late,) = grid.items_on(date(2026, 10, 31))  # shown in the leading days of the grid
    assert (late.status, late.amount_due, late.days_overdue) == (Status.OVERDUE, 32160, 21)
    (nov,) = grid.items_on(date(2026, 11, 30))
    assert (nov.period, nov.status, nov.amount_due) == (2, Status.UPCOMING, 32160)
    assert grid.items_on(date(2026, 11, 21)) == []
    # Saturday 2026-10-31 is the 6th column of the first row; 11-30 the 1st of the last row
    assert grid.day_at(grid.cell_rect(date(2026, 10, 31)).center().x(), 30) == date(2026, 10, 31)
    first = grid.cell_rect(date(2026, 10, 26))
    assert grid.cell_rect(date(2026, 10, 31)).left() > 5 * first.width() - 2
    assert grid.cell_rect(date(2026, 11, 30)).top() > 5 * first.height()
    assert grid.cell_rect(date(2026, 12, 7)).isEmpty()
    assert "¥321.60 scheduled, ¥321.60 still due" in screen.total_label.text()


def test_today_is_listed_below(screen: CalendarScreen) -> None:
    assert screen.selected_day == TODAY
    assert screen.model.rowCount() == 0
    assert "Nothing due on 2026-11-21" in screen.day_label.text()
    assert not screen.pay_button.isEnabled()


def test_navigation(qtbot, screen: CalendarScreen) -> None:
    qtbot.mouseClick(screen.next_button, Qt.MouseButton.LeftButton)
    assert screen.month_label.text() == "December 2026"
    assert [i.due_date for i in screen.grid.items_on(date(2026, 12, 31))] == [date(2026, 12, 31)]
    qtbot.mouseClick(screen.next_button, Qt.MouseButton.LeftButton)
    assert screen.month_label.text() == "January 2027"
    (jan,) = screen.grid.items_on(date(2027, 1, 31))
    assert jan.period == 4
    for _ in range(3):
        qtbot.mouseClick(screen.prev_button, Qt.MouseButton.LeftButton)
    assert screen.month_label.text() == "October 2026"
    assert "¥321.60 scheduled, ¥321.60 still due" in screen.total_label.text()
    qtbot.mouseClick(screen.today_button, Qt.MouseButton.LeftButton)
    assert screen.month_label.text() == "November 2026"
    assert screen.selected_day == TODAY
    screen.show_month(2027, 12)
    assert screen.month_label.text() == "December 2027"
    assert screen.selected_day is None
    assert "Click a day" in screen.day_label.text()


def test_clicking_a_day_lists_its_installments(
    qtbot, screen: CalendarScreen, qtmodeltester
) -> None:
    click_day(qtbot, screen, date(2026, 10, 31))
    assert screen.selected_day == date(2026, 10, 31)
    assert screen.month_label.text() == "October 2026"  # a leading day switches month
    qtmodeltester.check(screen.model)
    qtmodeltester.check(screen.proxy)
    texts = [screen.proxy.index(0, c).data() for c in range(screen.proxy.columnCount())]
    assert texts == ["小米14 Ultra", "1/12", "¥321.60", "¥321.60", "Overdue · 21 days"]
    assert screen.proxy.index(0, 0).data(Qt.ItemDataRole.ForegroundRole).color().name() == (
        "#c62828"
    )
    assert screen.selected_item() is not None
    assert screen.pay_button.isEnabled()
    assert "Due on 2026-10-31" in screen.day_label.text()


def test_record_payment_from_the_day_list(
    qtbot, screen: CalendarScreen, ctx: AppContext, plan: int, monkeypatch
) -> None:
    def run(self) -> int:
        self.accept()
        return self.result()

    monkeypatch.setattr(RecordPaymentDialog, "exec", run)
    click_day(qtbot, screen, date(2026, 10, 31))
    qtbot.mouseClick(screen.pay_button, Qt.MouseButton.LeftButton)
    assert [(p.amount, p.date) for p in sv.history(ctx.db)] == [(32160, TODAY)]
    (item,) = screen.grid.items_on(date(2026, 10, 31))
    assert (item.status, item.amount_due, item.paid) == (Status.PAID, 0, 32160)
    assert screen.proxy.index(0, 4).data() == "Paid"
    assert screen.proxy.index(0, 0).data(Qt.ItemDataRole.ForegroundRole).color().name() == (
        LIGHT.paid
    )
    assert not screen.pay_button.isEnabled()
    assert "¥321.60 scheduled, ¥0.00 still due" in screen.total_label.text()
    assert ctx.undo()
    assert screen.grid.items_on(date(2026, 10, 31))[0].status is Status.OVERDUE


def test_record_payment_needs_an_unpaid_selection(
    screen: CalendarScreen, monkeypatch, plan: int
) -> None:
    opened: list[int] = []
    monkeypatch.setattr(
        calendar_view, "record_payment_dialog", lambda c, p, pid: opened.append(pid)
    )
    screen.record_payment()  # today has nothing
    assert opened == []
    screen.select_day(date(2026, 11, 30))
    screen.record_payment()
    assert opened == [plan]


def test_several_plans_on_one_day_and_overflow(
    qtbot, screen: CalendarScreen, ctx: AppContext
) -> None:
    ids = [add_flat_plan(ctx, name=f"花呗 {n}", first_due=date(2026, 11, 30)) for n in range(6)]
    ctx.changed.emit(sv.Change("plan_added", frozenset(ids)))
    items = screen.grid.items_on(date(2026, 11, 30))
    assert len(items) == 7
    screen.select_day(date(2026, 11, 30))
    assert screen.model.rowCount() == 7
    image = screen.grid.grab().toImage()  # paints "+N more" without error
    assert not image.isNull()
    assert image.pixelColor(screen.grid.cell_rect(TODAY).topLeft() + QPoint(1, 1)) != (
        image.pixelColor(screen.grid.cell_rect(date(2026, 11, 20)).topLeft() + QPoint(1, 1))
    )  # today is outlined


def test_keyboard_moves_the_selected_day(qtbot, screen: CalendarScreen) -> None:
    screen.grid.setFocus()
    qtbot.keyClick(screen.grid, Qt.Key.Key_Right)
    assert screen.selected_day == date(2026, 11, 22)
    qtbot.keyClick(screen.grid, Qt.Key.Key_Down)
    assert screen.selected_day == date(2026, 11, 29)
    qtbot.keyClick(screen.grid, Qt.Key.Key_Down)
    assert screen.selected_day == date(2026, 12, 6)
    assert screen.month_label.text() == "December 2026"


def test_archived_plan_leaves_the_calendar(screen: CalendarScreen, ctx: AppContext, plan) -> None:
    ctx.act(None, "archive", sv.set_archived, plan, True)
    assert screen.grid.items_on(date(2026, 11, 30)) == []


def test_state_and_database_switch(qtbot, screen: CalendarScreen, ctx: AppContext, tmp_path):
    screen.splitter.setSizes([500, 250])
    screen.save_state()
    again = CalendarScreen(ctx)
    qtbot.addWidget(again)
    again.resize(1200, 800)
    again.show()
    assert abs(again.splitter.sizes()[1] - screen.splitter.sizes()[1]) <= 2
    ctx.replace_database(open_database(tmp_path / "other.sqlite3"))
    assert screen.grid.items_on(date(2026, 11, 30)) == []

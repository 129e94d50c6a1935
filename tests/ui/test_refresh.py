"""Screens refresh only where a change lands: hidden screens wait, shown ones update rows.

Anki-style (architecture example 13): a screen that is not on the current tab only becomes
stale and reloads when shown; the shown Plans table updates the changed plans' rows with
``dataChanged``/inserts/removals, never a model reset; the SQL a payment costs through the
GUI does not grow with the number of plans.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import event

from tests.ui.conftest import TODAY, add_flat_plan
from tracker import services as sv
from tracker.domain.plan import Model, PlanTerms
from tracker.services.dashboard import dashboard
from tracker.ui.context import AppContext
from tracker.ui.main_window import NAMES, MainWindow
from tracker.ui.payment_dialog import RecordPaymentDialog
from tracker.ui.plans_view import PlansScreen
from tracker.ui.table_model import ROW_ROLE


@contextmanager
def counting(ctx: AppContext) -> Iterator[list[str]]:
    """The SQL statements run on ``ctx.db`` inside the block: through SQLAlchemy, and the
    plain-SQL reads on its own sqlite3 connection (``Database.run``, traced)."""
    seen: list[str] = []

    def before(_conn, _cursor, statement, _params, _context, _many) -> None:
        seen.append(statement)

    db = ctx.db
    plain_run = db.run

    def traced_run(read):  # type: ignore[no-untyped-def]
        def traced(con):  # type: ignore[no-untyped-def]
            con.set_trace_callback(seen.append)
            try:
                return read(con)
            finally:
                con.set_trace_callback(None)

        return plain_run(traced)

    event.listen(db.engine, "before_cursor_execute", before)
    db.run = traced_run  # type: ignore[method-assign]
    try:
        yield seen
    finally:
        event.remove(db.engine, "before_cursor_execute", before)
        del db.run


def calls_of(monkeypatch: pytest.MonkeyPatch, name: str) -> list[object]:
    """Record each call of ``services.<name>`` (still doing the real work)."""
    calls: list[object] = []
    real = getattr(sv, name)

    def spy(*args, **kwargs):
        calls.append(args)
        return real(*args, **kwargs)

    monkeypatch.setattr(sv, name, spy)
    return calls


def shown_window(qtbot, ctx: AppContext) -> MainWindow:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.resize(1100, 700)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window.is_built(NAMES[window.tabs.currentIndex()]))
    return window


def pay(ctx: AppContext, plan_id: int, amount: int = 32160) -> None:
    ctx.act(None, "pay", sv.record_payment, plan_id, amount, TODAY, TODAY, plan_id=plan_id)


def plan_rows(screen: PlansScreen) -> dict[int, int]:
    """Plan id → model row."""
    return {screen.model.row_at(r).id: r for r in range(screen.model.rowCount())}


# -- hidden screens -----------------------------------------------------------------------
def test_a_hidden_screen_does_not_query_and_refreshes_when_shown(
    qtbot, ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan_id = add_flat_plan(ctx)
    window = shown_window(qtbot, ctx)
    plans = window.plans  # built, but its tab is not the current one
    assert window.tabs.currentIndex() == 0 and not plans.isVisible()
    listed, summaries = calls_of(monkeypatch, "list_plans"), calls_of(monkeypatch, "plan_summaries")

    pay(ctx, plan_id)
    assert listed == [] and summaries == []  # nothing asked for the hidden table
    assert plans.freshness.stale
    assert plans.model.row_at(0).periods_paid == 0  # still the old row

    window.tabs.setCurrentWidget(plans)
    assert len(listed) == 1 and not plans.freshness.stale
    assert plans.model.row_at(0).periods_paid == 1


def test_hidden_payments_and_calendar_wait_for_their_tab(
    qtbot, ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan_id = add_flat_plan(ctx)
    window = shown_window(qtbot, ctx)
    payments, calendar = window.payments, window.calendar
    window.tabs.setCurrentWidget(window.plans)
    with counting(ctx) as hidden_sql:
        payments_stale = calendar_stale = None
        pay(ctx, plan_id)
        payments_stale, calendar_stale = payments.freshness.stale, calendar.freshness.stale
    assert payments_stale and calendar_stale
    assert not any("payments.note LIKE" in s or "LIMIT" in s for s in hidden_sql)
    window.tabs.setCurrentWidget(payments)
    assert [r.amount for r in payments.shown_rows()] == [32160]
    window.tabs.setCurrentWidget(calendar)
    assert not calendar.freshness.stale


def test_database_replaced_reloads_the_shown_screen_and_marks_the_others(
    qtbot, ctx: AppContext, tmp_path
) -> None:
    from tracker.storage import open_database

    add_flat_plan(ctx)
    window = shown_window(qtbot, ctx)
    plans = window.plans
    ctx.replace_database(open_database(tmp_path / "other.sqlite3"))
    assert window.overview.data is not None and window.overview.data.empty
    assert plans.freshness.stale
    window.tabs.setCurrentWidget(plans)
    assert plans.model.rowCount() == 0


# -- the shown plans table ----------------------------------------------------------------
@pytest.fixture
def plans_screen(qtbot, ctx: AppContext) -> PlansScreen:
    for name in ("A", "B", "C"):
        add_flat_plan(ctx, name=name)
    screen = PlansScreen(ctx)
    qtbot.addWidget(screen)
    return screen


def test_a_payment_updates_exactly_its_row_without_a_reset(
    plans_screen: PlansScreen, ctx: AppContext
) -> None:
    model = plans_screen.model
    rows = plan_rows(plans_screen)
    b = next(i for i in rows if model.row_at(rows[i]).name == "B")
    plans_screen._select(b)  # the detail of the selected plan follows too
    changed: list[tuple[int, int]] = []
    resets: list[int] = []
    model.dataChanged.connect(lambda tl, br, _roles=(): changed.append((tl.row(), br.row())))
    model.modelAboutToBeReset.connect(lambda: resets.append(1))
    model.layoutAboutToBeChanged.connect(lambda *_: resets.append(2))

    pay(ctx, b)

    assert changed == [(rows[b], rows[b])]
    assert resets == []
    assert model.row_at(rows[b]).periods_paid == 1
    assert plans_screen.selected_id() == b
    assert plans_screen.detail.isEnabled()


def test_an_added_plan_inserts_one_row_and_a_deleted_one_removes_one(
    plans_screen: PlansScreen, ctx: AppContext
) -> None:
    model = plans_screen.model
    inserted: list[tuple[int, int]] = []
    removed: list[tuple[int, int]] = []
    resets: list[int] = []
    model.rowsInserted.connect(lambda _p, first, last: inserted.append((first, last)))
    model.rowsRemoved.connect(lambda _p, first, last: removed.append((first, last)))
    model.modelAboutToBeReset.connect(lambda: resets.append(1))

    terms = PlanTerms(Model.FLAT, 120000, 6, date(2026, 12, 1), Decimal("0.005"))
    new = ctx.act(None, "add", sv.add_plan, sv.PlanInput(name="京东白条", terms=terms))
    assert new is not None and new.created_id is not None
    assert inserted == [(3, 3)] and model.row_at(3).name == "京东白条"

    victim = plan_rows(plans_screen)[1]
    ctx.act(None, "delete", sv.delete_plan, 1, plan_id=1)
    assert removed == [(victim, victim)]
    assert 1 not in plan_rows(plans_screen)
    assert resets == []
    assert plans_screen.proxy.rowCount() == 3


# -- Ctrl+N from the Overview --------------------------------------------------------------
def test_ctrl_n_from_the_overview_builds_the_plans_screen(
    qtbot, ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tracker.ui import plan_dialog

    window = shown_window(qtbot, ctx)
    assert not window.is_built("plans")
    opened: list[object] = []

    def fake_dialog(c, parent, plan_id=None):
        opened.append(parent)
        return add_flat_plan(c, name="新计划")

    monkeypatch.setattr(plan_dialog, "open_plan_dialog", fake_dialog)
    window.new_plan_action.trigger()
    assert window.is_built("plans") and opened == [window.plans]
    assert window.tabs.currentWidget() is window.plans
    assert window.plans.selected_row() is not None
    assert window.plans.selected_row().name == "新计划"


# -- SQL statements: a constant, not one per plan ------------------------------------------
def fill(ctx: AppContext, plans: int) -> list[int]:
    ids = [
        add_flat_plan(ctx, name=f"plan {k}", first_due=date(2026, 9, 1 + k % 28))
        for k in range(plans)
    ]
    for plan_id in ids[::2]:
        sv.record_payment(ctx.db, plan_id, 32160, date(2026, 9, 30), TODAY)
    return ids


def overview_statements(ctx: AppContext) -> int:
    with counting(ctx) as seen:
        dashboard(ctx.db, TODAY, ctx.reminder_days, "CNY")
    return len(seen)


def gui_payment_statements(qtbot, ctx: AppContext, plan_id: int, tab: str) -> int:
    """Record a payment through the dialog with every screen built and ``tab`` shown."""
    window = shown_window(qtbot, ctx)
    for name in ("plans", "calendar", "payments", "overview"):
        window.screen_named(name)
    window.tabs.setCurrentWidget(window.screen_named(tab))
    with counting(ctx) as seen:
        dialog = RecordPaymentDialog(ctx, plan_id)
        qtbot.addWidget(dialog)
        dialog.amount_edit.setText("100")
        dialog.accept()
    assert dialog.result() == RecordPaymentDialog.DialogCode.Accepted
    if tab == "plans":
        row = plan_rows(window.plans)[plan_id]
        assert window.plans.model.row_at(row).remaining < 360000 + 25920
    window.close()
    return len(seen)


@pytest.mark.parametrize("tab", ["overview", "plans", "calendar", "payments"])
def test_sql_statements_do_not_grow_with_the_plans(qtbot, qapp, tmp_path, settings, tab) -> None:
    from tracker.storage import open_database
    from tracker.ui.interaction import ScriptedInteraction

    counts = {}
    for n in (10, 100):
        db = open_database(tmp_path / f"{n}.sqlite3")
        c = AppContext(db, settings, ScriptedInteraction(), today=lambda: TODAY)
        ids = fill(c, n)
        counts[n] = (overview_statements(c), gui_payment_statements(qtbot, c, ids[1], tab))
        db.close()
    assert counts[10] == counts[100], counts
    assert 2 <= counts[10][0] < 10  # the overview's reads are counted, a handful
    assert 0 < counts[10][1] < 40


def test_a_change_that_names_no_shown_rows_touches_nothing(
    plans_screen: PlansScreen, ctx: AppContext
) -> None:
    before = [plans_screen.proxy.index(r, 0).data(ROW_ROLE) for r in range(3)]
    with counting(ctx) as seen:
        ctx.changed.emit(sv.Change("nothing"))
    assert seen == []
    assert [plans_screen.proxy.index(r, 0).data(ROW_ROLE) for r in range(3)] == before

"""The main window: its tabs, the language switch through Settings, Ctrl+Z, saved state, start."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from tracker import services as sv
from tracker.domain.plan import Model, PlanTerms
from tracker.ui import settings_store
from tracker.ui.context import AppContext
from tracker.ui.i18n import install_translators
from tracker.ui.main_window import MainWindow
from tracker.ui.settings_dialog import SettingsDialog
from tracker.ui.theme import apply_theme

ENGLISH_TABS = ["Overview", "Plans", "Calendar", "Payments"]
CHINESE_TABS = ["概览", "分期", "日历", "还款记录"]


@pytest.fixture(autouse=True)
def back_to_english(qapp) -> Iterator[None]:
    yield
    install_translators(qapp, "en")
    apply_theme(qapp, "light")


def add_plan(ctx: AppContext, name: str = "Xiaomi 14") -> int:
    terms = PlanTerms(Model.FLAT, 360000, 12, date(2026, 10, 31), Decimal("0.006"))
    change = sv.add_plan(ctx.db, sv.PlanInput(name=name, terms=terms, platform="小米分期"))
    assert change.created_id is not None
    return change.created_id


def tab_titles(window: MainWindow) -> list[str]:
    return [window.tabs.tabText(i) for i in range(window.tabs.count())]


def make_window(qtbot, ctx: AppContext, on_settings_applied=None) -> MainWindow:
    window = MainWindow(ctx, on_settings_applied)
    qtbot.addWidget(window)
    return window


def test_builds_with_four_tabs(qtbot, ctx: AppContext) -> None:
    window = make_window(qtbot, ctx)
    assert tab_titles(window) == ENGLISH_TABS
    assert window.windowTitle() == "Installment Tracker"
    assert not window.undo_action.isEnabled()


def test_language_switch_through_settings_rebuilds_in_chinese(
    qapp, qtbot, ctx: AppContext, monkeypatch
) -> None:
    plan_id = add_plan(ctx, "花呗 - 冰箱")
    windows: list[MainWindow] = []

    def rebuild() -> None:  # what app.run_gui does on OK
        install_translators(qapp, ctx.settings.language)
        windows[-1].save_state()
        windows.append(make_window(qtbot, ctx, rebuild))

    def choose_chinese(dialog: SettingsDialog) -> int:
        dialog.language.setCurrentIndex(dialog.language.findData("zh_CN"))
        dialog.accept()
        return 1

    monkeypatch.setattr(SettingsDialog, "exec", choose_chinese)
    windows.append(make_window(qtbot, ctx, rebuild))
    windows[0].tabs.setCurrentIndex(1)
    windows[0].open_settings()

    assert ctx.settings.language == "zh_CN"
    assert len(windows) == 2
    chinese = windows[1]
    assert tab_titles(chinese) == CHINESE_TABS
    assert chinese.windowTitle() == "分期账本"
    assert chinese.tabs.currentIndex() == 1  # the tab the user was on
    assert chinese.ctx is ctx
    assert [p.id for p in sv.list_plans(ctx.db, ctx.today())] == [plan_id]  # data kept


def test_cancelled_settings_do_not_rebuild(qtbot, ctx: AppContext, monkeypatch) -> None:
    calls: list[int] = []
    monkeypatch.setattr(SettingsDialog, "exec", lambda self: 0)
    window = make_window(qtbot, ctx, lambda: calls.append(1))
    window.open_settings()
    assert calls == []


def test_ctrl_z_undoes_the_last_action(qtbot, ctx: AppContext) -> None:
    plan_id = add_plan(ctx)
    window = make_window(qtbot, ctx)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)  # shortcuts reach the active window only
    ctx.act(window, "Delete plan", sv.delete_plan, plan_id, plan_id=plan_id)
    assert sv.list_plans(ctx.db, ctx.today()) == []
    assert window.undo_action.isEnabled()
    assert window.undo_action.text() == "&Undo Delete plan"

    with qtbot.waitSignal(ctx.changed):
        QTest.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)

    assert [p.id for p in sv.list_plans(ctx.db, ctx.today())] == [plan_id]
    assert not window.undo_action.isEnabled()
    assert window.undo_action.text() == "&Undo"
    assert ctx.undo_label() is None


def test_undo_action_follows_the_undo_stack(qtbot, ctx: AppContext) -> None:
    first, second = add_plan(ctx, "A"), add_plan(ctx, "B")
    window = make_window(qtbot, ctx)
    ctx.act(window, "Archive plan", sv.set_archived, first, True, plan_id=first)
    ctx.act(window, "Delete plan", sv.delete_plan, second, plan_id=second)
    assert window.undo_action.text() == "&Undo Delete plan"
    window.undo_action.trigger()
    assert window.undo_action.text() == "&Undo Archive plan"
    window.undo_action.trigger()
    assert not window.undo_action.isEnabled()
    assert {p.name for p in sv.list_plans(ctx.db, ctx.today())} == {"A", "B"}


def test_undo_label_is_translated(qapp, qtbot, ctx: AppContext) -> None:
    plan_id = add_plan(ctx)
    install_translators(qapp, "zh_CN")
    window = make_window(qtbot, ctx)
    ctx.act(window, "删除分期", sv.delete_plan, plan_id, plan_id=plan_id)
    assert window.undo_action.text() == "撤销“删除分期”(&U)"


def test_window_state_persists(qtbot, ctx: AppContext) -> None:
    window = make_window(qtbot, ctx)
    window.resize(640, 480)  # the offscreen screen is 800x600
    window.tabs.setCurrentIndex(2)
    window.close()  # closeEvent saves
    assert ctx.settings.value("window/tab") in (2, "2")
    again = make_window(qtbot, ctx)
    assert again.tabs.currentIndex() == 2
    assert (again.width(), again.height()) == (640, 480)


def test_a_bad_stored_tab_is_ignored(qtbot, ctx: AppContext) -> None:
    ctx.settings.set_value("window/tab", "not a number")
    window = make_window(qtbot, ctx)
    assert window.tabs.currentIndex() == 0


# -- starting the app ---------------------------------------------------------------------
@pytest.fixture
def started(qapp, settings, monkeypatch) -> Iterator[list[MainWindow]]:
    """run_gui with the event loop stubbed out; yields the windows it left open."""
    monkeypatch.setattr(settings_store, "Settings", lambda: settings)
    monkeypatch.setattr(QApplication, "exec", lambda *a: 0)
    name, org = qapp.applicationName(), qapp.organizationName()
    before = set(QApplication.topLevelWidgets())
    found: list[MainWindow] = []

    def windows() -> list[MainWindow]:
        found[:] = [
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, MainWindow) and w not in before and w.isVisible()
        ]
        return found

    yield windows  # type: ignore[misc]
    for window in found:
        window.close()
        window.ctx.db.close()
    qapp.setApplicationName(name)
    qapp.setOrganizationName(org)


def test_app_starts_on_the_given_database(started, settings, tmp_path: Path) -> None:
    from tracker.app import run_gui

    db_file = tmp_path / "start.sqlite3"
    assert run_gui(str(db_file)) == 0
    [window] = started()
    assert window.ctx.db.path == db_file
    assert tab_titles(window) == ENGLISH_TABS


def test_app_starts_in_chinese_and_rebuilds_in_english(started, settings, tmp_path: Path) -> None:
    from tracker.app import run_gui

    settings.language = "zh_CN"
    settings.theme = "dark"
    assert run_gui(str(tmp_path / "zh.sqlite3")) == 0
    [window] = started()
    assert tab_titles(window) == CHINESE_TABS
    assert QApplication.palette().window().color().lightness() < 100  # dark theme

    settings.language = "en"
    settings.theme = "light"
    window._on_settings_applied()  # what OK in the settings dialog triggers
    QApplication.processEvents()
    [rebuilt] = started()
    assert rebuilt is not window
    assert rebuilt.ctx is window.ctx
    assert tab_titles(rebuilt) == ENGLISH_TABS
    assert QApplication.palette().window().color().lightness() > 150


def test_a_rebuild_keeps_what_the_user_was_looking_at(started, settings, tmp_path: Path) -> None:
    """Switching language keeps the selected plan, the calendar month and the search text."""
    from tracker.app import run_gui

    assert run_gui(str(tmp_path / "view.sqlite3")) == 0
    [window] = started()
    from tests.ui.conftest import add_flat_plan

    add_flat_plan(window.ctx, name="Other")
    wanted = add_flat_plan(window.ctx, name="小米14 手机")
    window.plans.refresh()
    window.plans.search.setText("小米")
    window.plans.show_plan(wanted)
    window.calendar.show_month(2027, 2)

    settings.language = "zh_CN"
    window._on_settings_applied()
    QApplication.processEvents()
    [rebuilt] = started()
    assert rebuilt is not window
    assert tab_titles(rebuilt) == CHINESE_TABS
    assert rebuilt.plans.selected_id() == wanted
    assert rebuilt.plans.search.text() == "小米"
    assert rebuilt.calendar.current_month() == (2027, 2)


def test_app_shows_amounts_with_the_currency_code_when_chosen(
    started, settings, tmp_path: Path
) -> None:
    from tests.ui.conftest import add_flat_plan
    from tracker.app import run_gui
    from tracker.ui import fmt

    settings.currency_display = "code"
    try:
        assert run_gui(str(tmp_path / "code.sqlite3")) == 0
        [window] = started()
        add_flat_plan(window.ctx)
        window.plans.refresh()
        texts = [
            window.plans.proxy.index(0, c).data() for c in range(window.plans.proxy.columnCount())
        ]
        assert "CNY 3,600.00" in texts
    finally:
        fmt.set_currency_display("symbol")


def test_app_refuses_a_foreign_database(started, tmp_path: Path, monkeypatch) -> None:
    from tracker.app import run_gui
    from tracker.ui import start_problem

    shown: list[str] = []

    def quit_(dialog: start_problem.StartProblemDialog) -> start_problem.Choice:
        shown.append(dialog.details.text())
        dialog.deleteLater()
        return start_problem.Choice.QUIT

    monkeypatch.setattr(start_problem, "ask_choice", quit_)
    (tmp_path / "photos").mkdir()
    foreign = tmp_path / "photos" / "photo.jpg"
    foreign.write_bytes(b"\xff\xd8\xff\xe0 not a database")
    assert run_gui(str(foreign)) == 1  # the user chose Quit
    assert started() == []
    assert str(foreign) in shown[0]
    assert foreign.read_bytes() == b"\xff\xd8\xff\xe0 not a database"
    assert [p.name for p in foreign.parent.iterdir()] == ["photo.jpg"]

"""The Plans screen by keyboard and by pinyin, through the real screen and its table.

Search: "xm" (initials) and "xiaomi" (full pinyin) find 小米手机; Esc clears the search; an empty
result says so; Enter opens the selected plan. Name sorts by pinyin in a Chinese UI.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from tests.ui.conftest import add_flat_plan
from tracker.ui import plan_dialog
from tracker.ui.context import AppContext
from tracker.ui.i18n import install_translators
from tracker.ui.main_window import MainWindow
from tracker.ui.plans_view import PlansScreen
from tracker.ui.table_model import ROW_ROLE

NAMES = ("小米手机", "花呗 冰箱", "京东白条 电视", "iPhone 16")


@pytest.fixture(autouse=True)
def back_to_english(qapp) -> Iterator[None]:
    yield
    install_translators(qapp, "en")


def make_screen(qtbot, ctx: AppContext) -> PlansScreen:
    for name in NAMES:
        add_flat_plan(ctx, name=name, platform="")
    screen = PlansScreen(ctx)
    qtbot.addWidget(screen)
    screen.resize(1000, 600)
    return screen


def shown(screen: PlansScreen) -> list[str]:
    return [screen.proxy.index(r, 0).data(ROW_ROLE).name for r in range(screen.proxy.rowCount())]


@pytest.mark.parametrize(
    ("typed", "found"),
    [
        ("xm", ["小米手机"]),
        ("xiaomi", ["小米手机"]),
        ("XiaoMi", ["小米手机"]),
        ("xmsj", ["小米手机"]),
        ("shouji", ["小米手机"]),
        ("hb bx", ["花呗 冰箱"]),
        ("jingdong", ["京东白条 电视"]),
        ("小米", ["小米手机"]),
        ("iphone", ["iPhone 16"]),
    ],
)
def test_search_matches_pinyin_initials_and_full_pinyin(
    qtbot, ctx: AppContext, typed: str, found: list[str]
) -> None:
    screen = make_screen(qtbot, ctx)
    screen.search.setText(typed)
    assert shown(screen) == found


def test_esc_clears_the_search_and_empty_results_say_so(qtbot, ctx: AppContext) -> None:
    screen = make_screen(qtbot, ctx)
    screen.show()
    qtbot.waitExposed(screen)
    QTest.keyClicks(screen.search, "zzz")
    assert shown(screen) == []
    assert screen.no_match.isVisible()
    assert screen.no_match.text() == "No matching plans. Esc clears the search."
    QTest.keyClick(screen.search, Qt.Key.Key_Escape)
    assert screen.search.text() == ""
    assert len(shown(screen)) == 4
    assert not screen.no_match.isVisible()


def test_no_matching_plans_in_chinese(qapp, qtbot, ctx: AppContext) -> None:
    install_translators(qapp, "zh_CN")
    screen = make_screen(qtbot, ctx)
    screen.search.setText("zzz")
    assert screen.no_match.text().startswith("没有匹配的分期")


def test_enter_in_the_search_goes_to_the_match_and_enter_opens_it(
    qtbot, ctx: AppContext, monkeypatch
) -> None:
    opened: list[int | None] = []
    monkeypatch.setattr(
        plan_dialog, "open_plan_dialog", lambda _ctx, _parent, plan_id=None: opened.append(plan_id)
    )
    screen = make_screen(qtbot, ctx)
    screen.show()
    qtbot.waitExposed(screen)
    screen.search.setFocus()
    QTest.keyClicks(screen.search, "xm")
    QTest.keyClick(screen.search, Qt.Key.Key_Return)
    row = screen.selected_row()
    assert row is not None and row.name == "小米手机"
    QTest.keyClick(screen.table, Qt.Key.Key_Return)
    assert opened == [row.id]


def test_name_sorts_in_pinyin_order_in_chinese(qapp, qtbot, ctx: AppContext) -> None:
    install_translators(qapp, "zh_CN")
    screen = make_screen(qtbot, ctx)
    screen.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    # hua(bei), iphone, jing(dong), xiao(mi): not code-point order (京 < 小 < 花)
    assert shown(screen) == ["花呗 冰箱", "iPhone 16", "京东白条 电视", "小米手机"]
    screen.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    assert shown(screen) == ["小米手机", "京东白条 电视", "iPhone 16", "花呗 冰箱"]


def test_name_sorts_by_text_in_english(qtbot, ctx: AppContext) -> None:
    screen = make_screen(qtbot, ctx)
    screen.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    assert shown(screen) == ["iPhone 16", "京东白条 电视", "小米手机", "花呗 冰箱"]


def test_tab_keys_switch_tabs_from_anywhere(qtbot, ctx: AppContext) -> None:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.database_ready()
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)  # shortcuts reach the active window only
    window.tabs.setCurrentIndex(1)
    window.plans.search.setFocus()  # from inside a text field
    qtbot.waitUntil(window.plans.search.hasFocus)
    QTest.keyClick(window.plans.search, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentIndex() == 2
    focus = window.focusWidget() or window
    ctrl_shift = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    QTest.keyClick(focus, Qt.Key.Key_Backtab, ctrl_shift)
    assert window.tabs.currentIndex() == 1
    for number, key in enumerate((Qt.Key.Key_1, Qt.Key.Key_2, Qt.Key.Key_3, Qt.Key.Key_4)):
        focus = window.focusWidget() or window
        QTest.keyClick(focus, key, Qt.KeyboardModifier.AltModifier)
        assert window.tabs.currentIndex() == number


def test_plan_dialog_focus_and_tab_out_of_notes(qtbot, ctx: AppContext) -> None:
    dialog = plan_dialog.PlanDialog(ctx, None)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    assert dialog.focusWidget() is dialog.template_combo  # the form's first field
    dialog.notes_edit.setFocus()
    qtbot.waitUntil(dialog.notes_edit.hasFocus)
    dialog.notes_edit.setPlainText("二手")
    QTest.keyClick(dialog.notes_edit, Qt.Key.Key_Tab)
    assert dialog.notes_edit.toPlainText() == "二手"  # no tab typed into the notes
    assert not dialog.notes_edit.hasFocus()


def test_a_status_filter_alone_is_not_called_a_search(qtbot, ctx: AppContext) -> None:
    screen = make_screen(qtbot, ctx)
    screen.status_combo.setCurrentIndex(screen.status_combo.findData("closed"))
    assert shown(screen) == []
    assert not screen.no_match.isVisibleTo(screen)
    assert screen.detail.hint.text() == "No plan matches the search and filters."
    screen.search.setText("zzz")
    assert screen.no_match.isVisibleTo(screen)
    assert screen.detail.hint.text() == ""  # said once, above the table

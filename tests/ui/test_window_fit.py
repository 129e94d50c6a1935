"""Nothing clipped: the main window fits 1024×700 in both languages with every tab built, and
column widths are kept per language."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.ui.conftest import add_flat_plan
from tracker.ui.context import AppContext
from tracker.ui.i18n import install_translators
from tracker.ui.main_window import NAMES, MainWindow
from tracker.ui.plans_view import PlansScreen


@pytest.fixture(autouse=True)
def back_to_english(qapp) -> Iterator[None]:
    yield
    install_translators(qapp, "en")


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_main_window_fits_1024_by_700(qapp, qtbot, ctx: AppContext, language: str) -> None:
    install_translators(qapp, language)
    add_flat_plan(ctx, name="MacBook Air 账单分期 (招商银行信用卡)")
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.database_ready()
    window.resize(1024, 700)
    window.show()
    qtbot.waitExposed(window)
    for index, name in enumerate(NAMES):
        window.tabs.setCurrentIndex(index)
        window.screen_named(name)
        qapp.processEvents()
        hint = window.minimumSizeHint()
        assert hint.width() <= 1024 and hint.height() <= 700, (name, hint)
        assert (window.width(), window.height()) == (1024, 700), name


def test_column_widths_are_kept_per_language(qapp, qtbot, ctx: AppContext) -> None:
    def screen() -> PlansScreen:
        made = PlansScreen(ctx)
        qtbot.addWidget(made)
        return made

    english = screen()
    default = english.table.columnWidth(1)
    english.table.setColumnWidth(1, default + 77)
    english.save_state()
    assert screen().table.columnWidth(1) == default + 77
    install_translators(qapp, "zh_CN")
    chinese = screen()
    assert chinese.table.columnWidth(1) != default + 77  # not English widths for Chinese text
    chinese.table.setColumnWidth(1, default + 11)
    chinese.save_state()
    install_translators(qapp, "en")
    assert screen().table.columnWidth(1) == default + 77
    install_translators(qapp, "zh_CN")
    assert screen().table.columnWidth(1) == default + 11


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_name_is_the_widest_column_and_statuses_fit(
    qapp, qtbot, ctx: AppContext, language: str
) -> None:
    from tracker.services import PlanStatus
    from tracker.ui import fmt

    install_translators(qapp, language)
    add_flat_plan(ctx, name="小米手机")
    screen = PlansScreen(ctx)
    qtbot.addWidget(screen)
    screen.resize(1600, 800)
    screen.show()
    qtbot.waitExposed(screen)
    table, header = screen.table, screen.table.horizontalHeader()
    widths = [header.sectionSize(c) for c in range(header.count())]
    assert widths[0] == max(widths)  # the name takes the spare room, not the status
    metrics = table.fontMetrics()
    for status in PlanStatus:
        assert metrics.horizontalAdvance(fmt.status_label(status.value)) + 8 <= widths[8]

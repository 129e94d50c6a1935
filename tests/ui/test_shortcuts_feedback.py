"""Shortcuts never do nothing silently: with nothing to act on they say what to select."""

from __future__ import annotations

from tracker.ui.main_window import MainWindow


def test_ctrl_p_without_selection_explains(qtbot, ctx) -> None:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    for screen in (window.calendar, window.payments):
        window.tabs.setCurrentWidget(screen)
        before = len(ctx.interaction.infos)
        window.pay_action.trigger()
        assert len(ctx.interaction.infos) == before + 1


def test_delete_on_a_tab_without_deletable_rows_explains(qtbot, ctx) -> None:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    for screen in (window.overview, window.calendar):
        window.tabs.setCurrentWidget(screen)
        window.statusBar().clearMessage()
        window.delete_selected()
        assert "Plans" in window.statusBar().currentMessage()

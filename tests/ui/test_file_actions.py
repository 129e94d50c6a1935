"""The main window's File menu: the export, import and print entries load their code lazily
but read and behave as ``export_actions.install`` and ``print_actions.install`` made them."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMainWindow, QMenu

from tracker.ui import export_actions, print_actions
from tracker.ui.context import AppContext
from tracker.ui.main_window import MainWindow


def texts(menu: QMenu) -> list[str]:
    out = []
    for action in menu.actions():
        sub = action.menu()
        out.append(action.text())
        if isinstance(sub, QMenu):
            out += ["  " + t for t in texts(sub)]
    return out


def test_the_entries_match_the_eager_ones(qtbot, ctx: AppContext) -> None:
    eager = QMainWindow()
    qtbot.addWidget(eager)
    eager.ctx = ctx  # type: ignore[attr-defined]
    menu = eager.menuBar().addMenu("File")
    export_actions.install(eager, menu)
    print_actions.install(eager, menu)

    window = MainWindow(ctx)
    qtbot.addWidget(window)
    file_menu = window.menuBar().actions()[0].menu()
    assert isinstance(file_menu, QMenu)
    lazy = texts(file_menu)
    expected = texts(menu)
    start = lazy.index(expected[0])
    assert lazy[start : start + len(expected)] == expected


def test_an_entry_builds_its_handler_when_triggered(
    qtbot, ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    called: list[str] = []
    monkeypatch.setattr(
        export_actions.TransferActions, "export_csv", lambda self, kind: called.append(kind)
    )
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    assert window._transfer is None  # nothing loaded until used
    action = next(
        a
        for a in window.findChildren(type(window.undo_action))
        if a.objectName() == "export_plans_csv"
    )
    action.trigger()
    assert called == ["plans"]
    assert isinstance(window.transfer_actions, export_actions.TransferActions)

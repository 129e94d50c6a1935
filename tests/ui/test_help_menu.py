"""The Help menu: About (version, database file, data folder), keyboard shortcuts, open the
data folder; the menu bar's, the Edit and the Help menus' mnemonics are unique."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QMenu

from tracker import __version__
from tracker.storage.engine import default_db_path
from tracker.ui import help_menu
from tracker.ui.context import AppContext
from tracker.ui.main_window import MainWindow


@pytest.fixture
def window(qtbot, ctx: AppContext) -> MainWindow:
    w = MainWindow(ctx)
    qtbot.addWidget(w)
    w.show()
    w.database_ready()
    return w


def _mnemonic(text: str) -> str | None:
    i = text.replace("&&", "").find("&")
    return text.replace("&&", "")[i + 1].lower() if i >= 0 else None


def test_help_menu_entries_and_unique_mnemonics(window: MainWindow) -> None:
    bar = window.menuBar()
    menus = [a.menu() for a in bar.actions() if isinstance(a.menu(), QMenu)]
    titles = [a.text() for a in bar.actions()]
    assert titles[-1] == "&Help"
    keys = [_mnemonic(t) for t in titles]
    assert len(keys) == len(set(keys)), titles
    # (the File menu has duplicates of its own: &calendar twice, &s for schedule and Settings)
    for menu in menus[1:]:
        texts = [a.text() for a in menu.actions() if not a.isSeparator()]
        keys = [k for k in map(_mnemonic, texts) if k]
        assert len(keys) == len(set(keys)), texts
    help_texts = [a.text() for a in menus[-1].actions()]
    assert help_texts == ["&About Installment Tracker", "&Keyboard shortcuts", "Open &data folder"]


def test_about_names_version_database_and_data_folder(window: MainWindow) -> None:
    text = help_menu.about_text(window)
    assert __version__ in text
    assert str(window.ctx.db.path) in text
    assert str(default_db_path().parent) in text


def test_shortcuts_lists_the_windows_keys(window: MainWindow, qtbot) -> None:
    rows = dict(help_menu.shortcut_rows(window))
    assert rows["New plan"] == "Ctrl+N"
    assert rows["Record payment"] == "Ctrl+P"
    assert rows["Undo"] == "Ctrl+Z"
    assert rows["Keyboard shortcuts"] == "F1"
    dialog = help_menu.ShortcutsDialog(window)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == len(rows)


def test_open_data_folder(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[Path] = []
    monkeypatch.setattr(help_menu, "open_folder", lambda p: opened.append(p) or True)
    assert help_menu.open_data_folder(window)
    assert opened == [default_db_path().parent]
    assert (opened[0].stat().st_mode & 0o777) == 0o700

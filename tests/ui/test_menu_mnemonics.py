"""Every menu's entries have their own mnemonic (Alt+letter), in English and in Chinese."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMenu

from tracker.ui.context import AppContext
from tracker.ui.i18n import install_translators
from tracker.ui.main_window import MainWindow


@pytest.fixture(autouse=True)
def back_to_english(qapp) -> Iterator[None]:
    yield
    install_translators(qapp, "en")


def mnemonic(text: str) -> str | None:
    """The letter after a single "&" ("&&" is a literal ampersand)."""
    found = re.search(r"(?<!&)&([^&\s])", text.replace("&&", ""))
    return found.group(1).casefold() if found else None


def walk(title: str, menu: QMenu, problems: list[str]) -> None:
    seen: dict[str, str] = {}
    for action in menu.actions():
        if action.isSeparator() or not action.isVisible():
            continue
        text = action.text()
        key = mnemonic(text)
        if key is None:
            problems.append(f"{title} ▸ {text!r} has no mnemonic")
        elif key in seen:
            problems.append(f"{title}: {seen[key]!r} and {text!r} both use &{key}")
        else:
            seen[key] = text
        sub = action.menu()
        if isinstance(sub, QMenu):
            walk(f"{title} ▸ {text}", sub, problems)


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_every_menu_has_unique_mnemonics(qapp, qtbot, ctx: AppContext, language: str) -> None:
    install_translators(qapp, language)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    problems: list[str] = []
    seen: dict[str, str] = {}
    for action in window.menuBar().actions():
        key = mnemonic(action.text())
        assert key is not None, action.text()
        assert key not in seen, (seen[key], action.text())
        seen[key] = action.text()
        menu = action.menu()
        assert isinstance(menu, QMenu)
        walk(action.text(), menu, problems)
    assert problems == [], "\n".join(problems)


def test_quit_has_ctrl_q(qtbot, ctx: AppContext) -> None:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.apply_shortcuts()
    quits = [a for a in window.findChildren(type(window.undo_action)) if a.text() == "&Quit"]
    assert [a.shortcut() for a in quits] == [QKeySequence("Ctrl+Q")]

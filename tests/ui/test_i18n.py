"""Switching languages: the app's own Chinese translation, Qt's, and "follow the system"."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from tracker.ui import i18n
from tracker.ui.i18n import effective_language, install_translators
from tracker.ui.settings_dialog import SettingsDialog


@pytest.fixture(autouse=True)
def back_to_english(qapp) -> Iterator[None]:
    """Every test leaves the application in English, as the other tests expect."""
    yield
    install_translators(qapp, "en")


def tr(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


def test_chinese_translates_the_app(qapp) -> None:
    assert install_translators(qapp, "zh_CN") == "zh_CN"
    assert tr("Status", "Overdue") == "逾期"
    assert tr("MainWindow", "Overview") == "概览"
    assert tr("Model", "Equal installments (annuity)") == "等额本息"
    assert QLocale().name() == "zh_CN"


def test_english_switches_back(qapp) -> None:
    install_translators(qapp, "zh_CN")
    assert install_translators(qapp, "en") == "en"
    assert tr("Status", "Overdue") == "Overdue"
    assert QLocale().language() == QLocale.Language.English


def test_switching_again_does_not_stack_translators(qapp) -> None:
    install_translators(qapp, "zh_CN")
    install_translators(qapp, "zh_CN")
    assert len(i18n._installed) == 2  # the app's and Qt's, once each
    install_translators(qapp, "en")
    assert len(i18n._installed) == 1  # English plural forms only
    assert tr("Status", "Paid off") == "Paid off"


@pytest.mark.parametrize(
    ("setting", "system", "expected"),
    [
        ("system", "zh_CN", "zh_CN"),
        ("system", "zh_SG", "zh_CN"),
        ("system", "en_US", "en"),
        ("system", "de_DE", "en"),
        ("zh_CN", "en_US", "zh_CN"),
        ("en", "zh_CN", "en"),
    ],
)
def test_effective_language(setting: str, system: str, expected: str) -> None:
    assert effective_language(setting, QLocale(system)) == expected


def test_system_follows_the_system_locale(qapp) -> None:
    language = install_translators(qapp, "system")
    assert language == effective_language("system", QLocale.system())
    expected = "逾期" if language == "zh_CN" else "Overdue"
    assert tr("Status", "Overdue") == expected


def test_qt_own_strings_are_translated(qapp, qtbot) -> None:
    install_translators(qapp, "zh_CN")
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    qtbot.addWidget(buttons)
    assert buttons.button(QDialogButtonBox.StandardButton.Cancel).text() == "取消"
    assert buttons.button(QDialogButtonBox.StandardButton.Ok).text() == "确定"
    box = QMessageBox(QMessageBox.Icon.Question, "t", "x", QMessageBox.StandardButton.Cancel)
    qtbot.addWidget(box)
    assert box.button(QMessageBox.StandardButton.Cancel).text() == "取消"


def test_settings_dialog_in_chinese(qapp, qtbot, ctx) -> None:
    install_translators(qapp, "zh_CN")
    dialog = SettingsDialog(ctx)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "设置"
    assert dialog.language.itemText(0) == "跟随系统"
    assert dialog.language.itemText(1) == "简体中文"
    assert dialog.language.itemText(2) == "English"  # always named in itself
    assert dialog.currency.itemText(dialog.currency.findData("CNY")) == "CNY  ¥  人民币"
    assert dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).text() == "取消"

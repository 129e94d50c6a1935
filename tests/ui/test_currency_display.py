"""Settings → Show amounts: with the symbol (¥3,600.00) or with the code (CNY 3,600.00)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tracker.ui import fmt
from tracker.ui.settings_dialog import SettingsDialog


@pytest.fixture(autouse=True)
def symbol_again() -> Iterator[None]:
    yield
    fmt.set_currency_display("symbol")


def test_money_with_symbol_or_code() -> None:
    assert fmt.money(360000, "CNY") == "¥3,600.00"
    assert fmt.money(-2160, "CNY") == "-¥21.60"
    fmt.set_currency_display("code")
    assert fmt.money(360000, "CNY") == "CNY 3,600.00"
    assert fmt.money(-2160, "CNY") == "-CNY 21.60"
    assert fmt.money(1500, "JPY") == "JPY 1,500"
    fmt.set_currency_display("nonsense")
    assert fmt.money(360000, "CNY") == "¥3,600.00"


def test_the_setting_is_stored_by_the_dialog(qtbot, ctx) -> None:
    assert ctx.settings.currency_display == "symbol"
    dialog = SettingsDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.currency_display.setCurrentIndex(dialog.currency_display.findData("code"))
    dialog.accept()
    assert ctx.settings.currency_display == "code"

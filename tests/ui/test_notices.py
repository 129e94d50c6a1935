"""The upgrade notice names the loans whose payoff default changed, in the UI language."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tracker.ui.i18n import install_translators
from tracker.ui.notices import upgrade_text

NOTES = {"loans_repriced": [(7, "房贷"), (8, "Car loan")]}


@pytest.fixture
def english(qapp) -> Iterator[None]:
    install_translators(qapp, "en")
    yield
    install_translators(qapp, "en")


def test_nothing_to_say_without_repriced_loans(english) -> None:
    assert upgrade_text({}) is None
    assert upgrade_text({"loans_repriced": []}) is None


def test_the_notice_in_english_and_chinese(qapp, english) -> None:
    text = upgrade_text(NOTES)
    assert text is not None
    assert text.startswith("2 loans used the old early-payoff default: all future interest.")
    assert "remaining principal + interest already due" in text
    assert text.endswith("#7 房贷、#8 Car loan")
    install_translators(qapp, "zh_CN")
    zh = upgrade_text(NOTES)
    assert zh is not None and zh.startswith("2 笔贷款使用旧的提前结清默认规则")
    assert "剩余本金 + 已到期利息" in zh

"""The Settings dialog: preferences stored on OK only, and the database file actions."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialogButtonBox

from tracker import services as sv
from tracker.domain.plan import Model, PlanTerms
from tracker.storage import open_database
from tracker.ui import settings_dialog
from tracker.ui.context import AppContext
from tracker.ui.settings_dialog import SettingsDialog


@pytest.fixture
def dialog(qtbot, ctx: AppContext) -> SettingsDialog:
    d = SettingsDialog(ctx)
    qtbot.addWidget(d)
    return d


def choose(combo, data: str) -> None:
    index = combo.findData(data)
    assert index >= 0, data
    combo.setCurrentIndex(index)


def test_shows_current_settings(ctx: AppContext, qtbot) -> None:
    ctx.settings.language = "zh_CN"
    ctx.settings.currency = "USD"
    ctx.settings.reminder_days = 14
    ctx.settings.theme = "dark"
    d = SettingsDialog(ctx)
    qtbot.addWidget(d)
    assert d.language.currentData() == "zh_CN"
    assert d.currency.currentData() == "USD"
    assert d.reminder_days.value() == 14
    assert d.theme.currentData() == "dark"
    assert d.db_path.text() == str(ctx.db.path)


def test_languages_are_named_in_their_own_language(dialog: SettingsDialog) -> None:
    texts = [dialog.language.itemText(i) for i in range(dialog.language.count())]
    assert [dialog.language.itemData(i) for i in range(3)] == ["system", "zh_CN", "en"]
    assert texts[1:] == ["简体中文", "English"]


def test_every_currency_is_offered(dialog: SettingsDialog) -> None:
    codes = {dialog.currency.itemData(i) for i in range(dialog.currency.count())}
    assert {"CNY", "USD", "EUR", "HKD", "JPY"} <= codes
    assert dialog.currency.itemText(dialog.currency.findData("CNY")).startswith("CNY  ¥")


def test_reminder_window_is_limited_to_0_60(dialog: SettingsDialog) -> None:
    dialog.reminder_days.setValue(99)
    assert dialog.reminder_days.value() == 60
    dialog.reminder_days.setValue(-3)
    assert dialog.reminder_days.value() == 0


def test_ok_stores_every_setting(dialog: SettingsDialog, ctx: AppContext) -> None:
    choose(dialog.language, "en")
    choose(dialog.currency, "EUR")
    dialog.reminder_days.setValue(21)
    choose(dialog.theme, "dark")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.result() == SettingsDialog.DialogCode.Accepted
    s = ctx.settings
    assert (s.language, s.currency, s.reminder_days, s.theme) == ("en", "EUR", 21, "dark")
    assert ctx.reminder_days == 21


def test_cancel_stores_nothing(dialog: SettingsDialog, ctx: AppContext) -> None:
    choose(dialog.language, "zh_CN")
    dialog.reminder_days.setValue(30)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()
    assert dialog.result() == SettingsDialog.DialogCode.Rejected
    assert ctx.settings.language == "system"
    assert ctx.settings.reminder_days == 7


TERMS = PlanTerms(Model.FLAT, 120000, 6, date(2026, 12, 1), Decimal("0.005"))


def add_flat_plan(ctx: AppContext, name: str = "Xiaomi 14") -> None:
    sv.add_plan(ctx.db, sv.PlanInput(name=name, terms=TERMS))


def make_other_db(path: Path, plan_name: str) -> Path:
    with open_database(path) as db:
        sv.add_plan(db, sv.PlanInput(name=plan_name, terms=TERMS))
    return path


def test_open_another_database(
    dialog: SettingsDialog, ctx: AppContext, qtbot, tmp_path, monkeypatch
) -> None:
    add_flat_plan(ctx, name="Stays in the first file")
    other = make_other_db(tmp_path / "other.sqlite3", "Car loan")
    monkeypatch.setattr(settings_dialog, "ask_open_path", lambda *a: str(other))
    with qtbot.waitSignal(ctx.database_replaced):
        dialog.open_button.click()
    assert ctx.db.path == other
    assert ctx.settings.database == str(other)
    assert dialog.db_path.text() == str(other)
    assert [p.name for p in sv.list_plans(ctx.db, ctx.today())] == ["Car loan"]
    assert ctx.interaction.errors == []


def test_open_refuses_a_foreign_file(
    dialog: SettingsDialog, ctx: AppContext, tmp_path, monkeypatch
) -> None:
    before = ctx.db
    foreign = tmp_path / "notes.sqlite3"
    foreign.write_text("not a database, just notes\n")
    monkeypatch.setattr(settings_dialog, "ask_open_path", lambda *a: str(foreign))
    dialog.open_button.click()
    assert ctx.db is before
    assert ctx.settings.database == ""
    assert len(ctx.interaction.errors) == 1
    assert "left unchanged" in ctx.interaction.errors[0]
    assert str(foreign) in ctx.interaction.errors[0]  # the storage error names the file
    assert foreign.read_text() == "not a database, just notes\n"


def test_open_cancelled_changes_nothing(dialog: SettingsDialog, ctx: AppContext, monkeypatch):
    before = ctx.db
    monkeypatch.setattr(settings_dialog, "ask_open_path", lambda *a: "")
    dialog.open_button.click()
    assert ctx.db is before
    assert ctx.interaction.errors == []


def test_create_new_database(
    dialog: SettingsDialog, ctx: AppContext, tmp_path, monkeypatch
) -> None:
    add_flat_plan(ctx)
    target = tmp_path / "fresh"  # no suffix: .sqlite3 is added
    monkeypatch.setattr(settings_dialog, "ask_save_path", lambda *a: str(target))
    dialog.new_button.click()
    created = tmp_path / "fresh.sqlite3"
    assert created.is_file()
    assert ctx.db.path == created
    assert ctx.settings.database == str(created)
    assert sv.list_plans(ctx.db, ctx.today()) == []


def test_create_refuses_an_existing_file(
    dialog: SettingsDialog, ctx: AppContext, tmp_path, monkeypatch
) -> None:
    before = ctx.db
    existing = tmp_path / "keep.sqlite3"
    existing.write_bytes(b"precious")
    monkeypatch.setattr(settings_dialog, "ask_save_path", lambda *a: str(existing))
    dialog.new_button.click()
    assert ctx.db is before
    assert existing.read_bytes() == b"precious"
    assert "already exists" in ctx.interaction.errors[0]


def test_back_up_now(dialog: SettingsDialog, ctx: AppContext) -> None:
    add_flat_plan(ctx, name="Backed up")
    dialog.backup_button.click()
    backups = list((Path(ctx.db.path).parent / "backups").glob("*.backup-*"))
    assert len(backups) == 1
    assert str(backups[0]) in ctx.interaction.infos[0]
    with open_database(backups[0]) as copy:
        assert [p.name for p in sv.list_plans(copy, ctx.today())] == ["Backed up"]


def test_opening_an_older_file_says_which_loans_were_repriced(
    dialog: SettingsDialog, ctx: AppContext, tmp_path, monkeypatch
) -> None:
    from tests.cli.test_cli_upgrade_notes import v1_with_a_loan

    old = v1_with_a_loan(tmp_path / "old.sqlite3")
    monkeypatch.setattr(settings_dialog, "ask_open_path", lambda *a: str(old))
    dialog.open_button.click()
    assert ctx.db.path == old
    [info] = ctx.interaction.infos
    assert "1 loan used the old early-payoff default" in info and info.endswith("#9 房贷")

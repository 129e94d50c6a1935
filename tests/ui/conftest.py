"""Fixtures for GUI tests: a real SQLite file, private settings, scripted prompts, a fixed today."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from tracker import services as sv
from tracker.domain.plan import Model, PlanTerms
from tracker.storage import open_database
from tracker.ui.context import AppContext
from tracker.ui.interaction import ScriptedInteraction
from tracker.ui.settings_store import Settings

TODAY = date(2026, 11, 21)


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    """Settings stored in an ini file of this test only."""
    return Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def ctx(qapp, tmp_path: Path, settings: Settings) -> Iterator[AppContext]:
    """An AppContext over a new database file, with scripted prompts and today = TODAY."""
    db = open_database(tmp_path / "ui.sqlite3")
    context = AppContext(db, settings, ScriptedInteraction(), today=lambda: TODAY)
    yield context
    context.db.close()


def add_flat_plan(
    ctx: AppContext,
    name: str = "Xiaomi 14",
    first_due: date = date(2026, 10, 31),
    principal: int = 360000,
    periods: int = 12,
    rate: str = "0.006",
    platform: str = "小米分期",
) -> int:
    """Store a flat plan (default 3600.00 / 12 / 0.6%, 321.60 a month) and return its id."""
    terms = PlanTerms(Model.FLAT, principal, periods, first_due, Decimal(rate))
    change = sv.add_plan(ctx.db, sv.PlanInput(name=name, terms=terms, platform=platform))
    assert change.created_id is not None
    return change.created_id


@pytest.fixture(scope="session", autouse=True)
def _english_as_the_app_starts(qapp) -> None:
    """The app always installs its translators, English included (its plural forms: "1 payment",
    "2 payments"); GUI tests start from the same state."""
    from tracker.ui.i18n import install_translators

    install_translators(qapp, "en")

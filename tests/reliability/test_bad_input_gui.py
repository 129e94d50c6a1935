"""The bad-input catalogue in the GUI plan form: real widgets, typing into the fields (ASCII by
key clicks; other text with setText, as QTest types ASCII only) and pressing Save.

Each case ends in one of the two ways a form may refuse: Save stays disabled and the form's
message names the problem, or Save is pressed and the service's refusal is shown (scripted
prompts record it). Either way no plan is stored (rows counted on the real SQLite file).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import closing
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt

from tracker.storage import open_database
from tracker.ui.context import AppContext
from tracker.ui.interaction import ScriptedInteraction
from tracker.ui.plan_dialog import PlanDialog
from tracker.ui.settings_store import Settings

pytestmark = pytest.mark.slow

TODAY = date(2026, 11, 21)


@pytest.fixture
def ctx(qapp, tmp_path: Path) -> Iterator[AppContext]:
    settings = Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    db = open_database(tmp_path / "gui.sqlite3")
    context = AppContext(db, settings, ScriptedInteraction(), today=lambda: TODAY)
    yield context
    context.db.close()


def _rows(path: Path) -> tuple[int, int, int]:
    with closing(sqlite3.connect(path)) as con:
        return tuple(  # type: ignore[return-value]
            con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in ("plans", "installments", "payments")
        )


# field, text, words of the message
CASES = [
    ("principal", "-5", "negative"),
    ("principal", "0", "more than zero"),
    ("principal", "1e9", "is not an amount"),
    ("principal", "0.001", "more than 2 decimal places"),
    ("principal", "NaN", "is not an amount"),
    ("principal", "inf", "is not an amount"),
    ("principal", "12,34", "is not an amount"),
    ("principal", "100000000001", "too large"),
    ("periods", "0", "out of range"),
    ("rate", "101", "above 100%"),
    ("rate", "-1", "negative"),
    ("rate", "NaN", "is not a rate"),
    ("upfront", "5000", "less than the principal"),
    ("tolerance", "0.001", "more than 2 decimal places"),
    ("name", "a\x00b", "control character"),
    ("name", "长" * 10_000, "longer than 200"),
    ("name", "   ", "Name"),
    ("notes", "x\x1b[2J", "control character"),
]


@pytest.mark.parametrize(
    ("field", "text", "words"),
    [pytest.param(*c, id=f"{c[0]}-{ascii(c[1])[1:21]}") for c in CASES],
)
def test_plan_form_refuses_bad_input(ctx, qtbot, field: str, text: str, words: str) -> None:
    dialog = PlanDialog(ctx, None, None)
    qtbot.addWidget(dialog)
    dialog.template_combo.setCurrentIndex(dialog.template_combo.findData("xiaomi"))
    dialog.name_edit.setText("小米")
    dialog.principal_edit.selectAll()
    qtbot.keyClicks(dialog.principal_edit, "3600")
    assert dialog.save_button.isEnabled(), dialog.message.text()
    before = _rows(ctx.db.path)
    if field == "name":
        dialog.name_edit.setText(text)
    elif field == "notes":
        dialog.notes_edit.setPlainText(text)
    else:
        widget = {
            "principal": dialog.principal_edit,
            "periods": dialog.periods_spin.lineEdit(),
            "rate": dialog.rate_edit,
            "upfront": dialog.upfront_edit,
            "tolerance": dialog.tolerance_edit,
        }[field]
        widget.selectAll()
        qtbot.keyClicks(widget, text)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    shown = [dialog.message.text(), *ctx.interaction.errors]
    assert any(words in t for t in shown), shown
    assert dialog.saved_id is None
    assert all("Traceback" not in t for t in shown)
    assert _rows(ctx.db.path) == before

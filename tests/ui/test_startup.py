"""Window first: the main window paints before matplotlib, the export/print code and the
screens load, and (through ``run_gui``) before SQLAlchemy is imported. Each check runs in a
fresh interpreter so what other tests imported does not hide an eager import."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

from tests.ui.conftest import add_flat_plan
from tracker.ui.context import AppContext

HEAVY = (
    "matplotlib",
    "sqlalchemy",
    "tracker.ui.export_actions",
    "tracker.ui.print_actions",
    "tracker.ui.import_dialog",
    "tracker.ui.printing",
    "tracker.ui.overview",
    "tracker.ui.plans_view",
    "tracker.ui.calendar_view",
    "tracker.ui.payments_view",
)

CONSTRUCTED = r"""
import json, sys
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
app = QApplication([])
from tracker.storage import open_database
from tracker.ui.context import AppContext
from tracker.ui.main_window import MainWindow
from tracker.ui.settings_store import Settings
settings = Settings(QSettings(sys.argv[2], QSettings.Format.IniFormat))
ctx = AppContext(open_database(sys.argv[1]), settings)
window = MainWindow(ctx)
window.show()
before = {m: m in sys.modules for m in sys.argv[3].split(",")}
built_before = [n for n in ("overview", "plans", "calendar", "payments") if window.is_built(n)]
app.processEvents()  # the first event-loop turn: paint, then the Overview
while not (window.is_built("overview") and window.overview.upcoming_chart.drawn):
    app.processEvents()
print(json.dumps({
    "before": before,
    "built_before": built_before,
    "after": {m: m in sys.modules for m in sys.argv[3].split(",")},
    "built_after": [n for n in ("overview", "plans", "calendar", "payments") if window.is_built(n)],
}))
"""

RUN_GUI = r"""
import json, sys
from PySide6.QtCore import QEvent, QObject, QSettings, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
seen = {}
class Spy(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and isinstance(obj, QMainWindow) and not seen:
            seen.update({m: m in sys.modules for m in sys.argv[3].split(",")})
            import PySide6.QtCore  # has PySide built the Qt namespace yet?
            seen["Qt namespace"] = "Qt" in PySide6.QtCore.__dict__
            seen["tracker.domain"] = "tracker.domain" in sys.modules
            seen["PySide6.QtNetwork"] = "PySide6.QtNetwork" in sys.modules
        return False
spy = Spy()
app.installEventFilter(spy)
from tracker.ui import settings_store
settings = settings_store.Settings(QSettings(sys.argv[2], QSettings.Format.IniFormat))
settings_store.Settings = lambda: settings
def done():
    window = next(w for w in app.topLevelWidgets() if isinstance(w, QMainWindow) and w.isVisible())
    if window.is_built("overview") and window.overview.data is not None:
        print(json.dumps({"at_first_paint": seen, "plans": len(window.overview.data.plans)}))
        app.quit()
    else:
        QTimer.singleShot(10, done)
QTimer.singleShot(0, done)
from tracker.app import run_gui
sys.exit(run_gui(sys.argv[1]))
"""


def run(script: str, db: Path, tmp_path: Path) -> dict[str, object]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    out = subprocess.run(
        [sys.executable, "-c", script, str(db), str(tmp_path / "s.ini"), ",".join(HEAVY)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_the_window_is_built_without_matplotlib_screens_or_file_actions(
    ctx: AppContext, tmp_path: Path
) -> None:
    add_flat_plan(ctx)
    found = run(CONSTRUCTED, ctx.db.path, tmp_path)
    before = found["before"]
    assert isinstance(before, dict)
    assert [m for m, loaded in before.items() if loaded] == ["sqlalchemy"]  # the test opened it
    assert found["built_before"] == []
    # after the first event-loop turns: the Overview with its charts (matplotlib), nothing else
    assert found["built_after"] == ["overview"]
    after = found["after"]
    assert isinstance(after, dict)
    assert after["matplotlib"] and after["tracker.ui.overview"]
    assert not after["tracker.ui.export_actions"] and not after["tracker.ui.print_actions"]


def test_run_gui_paints_before_sqlalchemy_and_then_fills_the_overview(
    ctx: AppContext, tmp_path: Path
) -> None:
    add_flat_plan(ctx)
    add_flat_plan(ctx, name="花呗")
    found = run(RUN_GUI, ctx.db.path, tmp_path)
    assert found["plans"] == 2
    at_paint = found["at_first_paint"]
    assert isinstance(at_paint, dict)
    # nor what costs the first paint most: PySide's Qt namespace (21 ms of enums),
    # QtNetwork (the single-instance server starts after the data paint), the domain
    assert "Qt namespace" in at_paint and "tracker.domain" in at_paint
    assert [m for m, loaded in at_paint.items() if loaded] == []


RUN_GUI_FILL = r"""
import json, sys
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
from tracker.ui import settings_store
settings = settings_store.Settings(QSettings(sys.argv[2], QSettings.Format.IniFormat))
settings_store.Settings = lambda: settings
found = {}
def watch():
    window = next(
        (w for w in app.topLevelWidgets() if isinstance(w, QMainWindow) and w.isVisible()), None
    )
    data = window.overview.data if window is not None and window.is_built("overview") else None
    if data is not None and "first" not in found:
        found["first"] = {
            "sqlalchemy": "sqlalchemy" in sys.modules,
            "complete": data.complete,
            "owed": data.cards.total_owed,
            "due": len(data.due),
        }
    if data is not None and data.complete and window.ctx._db is not None:
        found["then"] = {
            "sqlalchemy": "sqlalchemy" in sys.modules,
            "owed": data.cards.total_owed,
            "plans": len(data.plans),
            "due": len(data.due),
            "read_only": window.ctx.read_only,
        }
        print(json.dumps(found))
        app.quit()
        return
    QTimer.singleShot(5, watch)
QTimer.singleShot(0, watch)
from tracker.app import run_gui
sys.exit(run_gui(sys.argv[1]))
"""


def test_run_gui_fills_the_cards_before_sqlalchemy_then_opens_the_database(
    ctx: AppContext, tmp_path: Path
) -> None:
    """An up-to-date file: the cards and the attention list come from the stdlib read path
    (``dashboard_first``); the database proper (SQLAlchemy) opens after, and the whole
    dashboard, with the same total, replaces the first read."""
    add_flat_plan(ctx)
    add_flat_plan(ctx, name="花呗")
    found = run(RUN_GUI_FILL, ctx.db.path, tmp_path)
    first, then = found["first"], found["then"]
    assert isinstance(first, dict) and isinstance(then, dict)
    due = then["due"]  # today's date decides how many are due (the app reads the clock)
    assert isinstance(due, int) and due >= 2
    assert first == {"sqlalchemy": False, "complete": False, "owed": 2 * 385920, "due": due}
    assert then == {
        "sqlalchemy": True,
        "owed": 2 * 385920,
        "plans": 2,
        "due": due,
        "read_only": False,
    }


def test_run_gui_on_an_older_file_upgrades_it_first(tmp_path: Path) -> None:
    """A file with an older schema takes the full open (backup, migration) before the fill."""
    old = tmp_path / "v1.sqlite3"
    old.write_bytes((Path(__file__).parents[1] / "storage" / "data" / "v1.sqlite3").read_bytes())
    found = run(RUN_GUI_FILL, old, tmp_path)
    first, then = found["first"], found["then"]
    assert isinstance(first, dict) and isinstance(then, dict)
    assert first["sqlalchemy"] is True  # Alembic upgraded it before anything was read
    assert then["plans"] >= 1 and then["owed"] == first["owed"]
    assert list((tmp_path / "backups").glob("*.sqlite3"))


def test_the_context_reads_through_the_quick_reader_until_the_database_is_needed(
    ctx: AppContext, settings, tmp_path: Path
) -> None:
    """``attach_reader``: reads go to the stdlib connection; the first use of ``db`` opens
    the database once (through the opener) and closes the reader; an opener that gives
    nothing (the user quit at the start-problem dialog) is a refusal, not a crash."""
    import pytest

    from tests.ui.conftest import TODAY
    from tracker.services.dashboard import dashboard, dashboard_first
    from tracker.storage import StorageError, open_database
    from tracker.storage.quick_open import ReadConnection, open_for_reading
    from tracker.ui.context import AppContext as Context

    add_flat_plan(ctx)
    path = ctx.db.path
    reader = open_for_reading(path)
    assert isinstance(reader, ReadConnection)
    opened: list[object] = []

    def opener():  # type: ignore[no-untyped-def]
        db = open_database(path)
        opened.append(db)
        return db

    quick = Context(None, settings, today=lambda: TODAY)
    quick.attach_reader(reader, opener)
    assert quick.has_database and not quick.read_only
    assert quick.reader is reader and opened == []
    first = dashboard_first(quick.reader, TODAY)
    assert first.cards.total_owed == 385920 and opened == []
    db = quick.db  # the first use opens it
    assert opened == [db] and quick.reader is db and quick.db is db
    assert dashboard(quick.reader, TODAY).cards == first.cards
    with pytest.raises(sqlite3.ProgrammingError):  # the reader was closed
        reader.con.execute("SELECT 1")
    db.close()

    refused = Context(None, settings, today=lambda: TODAY)
    refused.attach_reader(open_for_reading(path), lambda: None)  # type: ignore[arg-type]
    with pytest.raises(StorageError):
        refused.open_now()

"""File ▸ Back up now and Restore from backup…, and the choices offered at start for a file
that cannot be opened, driven through real widgets with qtbot on real files."""

from __future__ import annotations

import hashlib
import sqlite3
from contextlib import closing
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from tests.ui.conftest import TODAY, add_flat_plan
from tracker import services as sv
from tracker.storage import open_database
from tracker.storage.backups import backups_dir, list_backups, take_backup
from tracker.ui import backup_actions, settings_dialog, start_problem
from tracker.ui.context import AppContext
from tracker.ui.interaction import ScriptedInteraction
from tracker.ui.main_window import MainWindow
from tracker.ui.start_problem import Choice, StartProblemDialog, open_at_start

AT = datetime(2026, 11, 20, 8, 0, tzinfo=UTC)


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def listing(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


@pytest.fixture
def window(qtbot, ctx: AppContext) -> MainWindow:
    w = MainWindow(ctx)
    qtbot.addWidget(w)
    w.database_ready()
    return w


def test_back_up_now_from_the_file_menu(window: MainWindow, ctx: AppContext) -> None:
    add_flat_plan(ctx)
    window.backup_action.trigger()
    [made] = backups_dir(ctx.db.path).iterdir()
    assert window.statusBar().currentMessage() == f"Backup written to {made}"
    assert [b.plans for b in list_backups(ctx.db.path)] == [1]


def test_a_failed_backup_is_an_error_message(window: MainWindow, ctx: AppContext) -> None:
    backups_dir(ctx.db.path).write_text("a file where the folder should be")
    window.backup_action.trigger()
    assert isinstance(ctx.interaction, ScriptedInteraction)
    assert ctx.interaction.errors[0].startswith(
        "The backup was not made; the database was left unchanged."
    )


def test_the_restore_dialog_lists_backups_newest_first(qtbot, ctx: AppContext) -> None:
    add_flat_plan(ctx)
    take_backup(ctx.db.path, "daily", now=AT)
    add_flat_plan(ctx, name="花呗")
    newest = take_backup(ctx.db.path, "pre-restore", now=datetime(2026, 11, 21, tzinfo=UTC))
    broken = backups_dir(ctx.db.path) / "ui.backup-manual-20261122T000000Z.sqlite3"
    broken.write_bytes(b"junk" * 1000)
    dialog = backup_actions.RestoreDialog(list_backups(ctx.db.path), backups_dir(ctx.db.path))
    qtbot.addWidget(dialog)
    rows = [
        [dialog.table.item(r, c).text() for c in range(4)] for r in range(dialog.table.rowCount())
    ]
    local = AT.astimezone().strftime("%Y-%m-%d %H:%M")
    assert rows[0][1:] == ["Made by you", "damaged", ""]
    assert rows[1][1:] == ["Before a restore", "2", "0"]
    assert rows[2] == [local, "Daily", "1", "0"]
    assert dialog.table.currentRow() == 1  # the newest good one is selected
    dialog.restore_button.click()
    assert dialog.chosen == newest


def test_choose_a_file_in_the_restore_dialog(qtbot, ctx: AppContext, monkeypatch, tmp_path) -> None:
    elsewhere = tmp_path / "usb" / "copy.sqlite3"
    monkeypatch.setattr(backup_actions, "ask_open_path", lambda *a: str(elsewhere))
    dialog = backup_actions.RestoreDialog([], tmp_path)
    qtbot.addWidget(dialog)
    assert dialog.empty.isVisibleTo(dialog) and not dialog.restore_button.isEnabled()
    dialog.choose_button.click()
    assert dialog.chosen == elsewhere


def test_restore_replaces_the_data_after_asking_and_every_screen_reloads(
    window: MainWindow, ctx: AppContext, monkeypatch
) -> None:
    plan = add_flat_plan(ctx)
    backup = take_backup(ctx.db.path, "manual", now=AT)
    sv.record_payment(ctx.db, plan, 32160, date(2026, 10, 30), TODAY)
    add_flat_plan(ctx, name="later")
    window.tabs.setCurrentWidget(window.plans)
    assert window.plans.model.rowCount() == 2
    window.tabs.setCurrentIndex(0)
    offered: list[list[object]] = []

    def choose(backups, folder, parent):
        offered.append([b.path for b in backups])
        return backups[0].path

    monkeypatch.setattr(backup_actions, "choose_backup", choose)
    interaction = ctx.interaction
    assert isinstance(interaction, ScriptedInteraction)
    window.restore_action.trigger()
    assert offered == [[backup]]
    assert (
        "This replaces your current data; the current data is kept as a backup."
        in (interaction.asked[0])
    )
    window.tabs.setCurrentWidget(window.plans)  # a hidden screen reloads when shown
    assert window.plans.model.rowCount() == 1
    assert sv.history(ctx.db, None, None, None) == []
    info = interaction.infos[0]
    local = AT.astimezone().strftime("%Y-%m-%d %H:%M")
    assert info.startswith(f"Restored the backup of {local}: 1 plan, 0 payments.")
    kept = [b for b in list_backups(ctx.db.path) if b.label == "pre-restore"]
    assert len(kept) == 1 and str(kept[0].path) in info
    assert (kept[0].plans, kept[0].payments) == (2, 1)


def test_restore_declined_changes_nothing(window: MainWindow, ctx: AppContext, monkeypatch) -> None:
    add_flat_plan(ctx)
    backup = take_backup(ctx.db.path, "manual", now=AT)
    add_flat_plan(ctx, name="later")
    monkeypatch.setattr(backup_actions, "choose_backup", lambda *a: backup)
    ctx.interaction = ScriptedInteraction([False])
    assert backup_actions.restore_from_backup(window) is None
    assert len(sv.list_plans(ctx.db, TODAY)) == 2
    assert [b.label for b in list_backups(ctx.db.path)] == ["manual"]


# -- a file that cannot be opened at start --------------------------------------------------


def _zero(path: Path) -> None:
    path.write_bytes(b"")


def _garbled(path: Path) -> None:
    path.write_bytes(b"SQLite format 2\x00" + bytes(range(256)) * 20)


def _foreign(path: Path) -> None:
    with closing(sqlite3.connect(path)) as con:
        con.execute("PRAGMA application_id = 1234")
        con.execute("CREATE TABLE songs(title)")
        con.execute("INSERT INTO songs VALUES ('夜曲')")
        con.commit()


@pytest.mark.parametrize("make", [_zero, _garbled, _foreign])
def test_quit_leaves_a_bad_file_and_its_folder_exactly_as_they_were(
    qtbot, tmp_path: Path, make
) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    bad = folder / "tracker.sqlite3"
    make(bad)
    before, names = sha(bad), listing(folder)
    shown: list[StartProblemDialog] = []

    def answer(dialog: StartProblemDialog) -> Choice:
        qtbot.addWidget(dialog)
        shown.append(dialog)
        return Choice.QUIT

    assert open_at_start(str(bad), {}, ask=answer, prompts=ScriptedInteraction()) is None
    assert sha(bad) == before and listing(folder) == names
    [dialog] = shown
    assert not dialog.restore_button.isVisibleTo(dialog)  # no backup to offer
    assert str(bad) in dialog.details.text()


def test_the_real_dialog_answers_quit_when_clicked(qtbot, tmp_path: Path) -> None:
    bad = tmp_path / "tracker.sqlite3"
    _zero(bad)

    def click_quit() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, StartProblemDialog)
        dialog.grab()  # painted
        dialog.quit_button.click()

    QTimer.singleShot(0, click_quit)
    assert open_at_start(str(bad), {}, prompts=ScriptedInteraction()) is None
    assert bad.read_bytes() == b""


def test_restore_the_newest_good_backup_keeps_the_damaged_file_aside(qtbot, tmp_path: Path) -> None:
    path = tmp_path / "tracker.sqlite3"
    with open_database(path) as db:
        terms_db = db
        from tests.storage.test_backups import add_plan

        add_plan(terms_db)
        add_plan(terms_db, "花呗")
        take_backup(path, "daily", now=AT)
    damaged = b"SQLite format 3\x00" + b"\x13" * 8000
    path.write_bytes(damaged)
    shown: list[StartProblemDialog] = []

    def answer(dialog: StartProblemDialog) -> Choice:
        qtbot.addWidget(dialog)
        shown.append(dialog)
        return Choice.RESTORE

    prompts = ScriptedInteraction()
    db = open_at_start(str(path), {}, ask=answer, prompts=prompts)
    assert db is not None
    try:
        assert len(sv.list_plans(db, TODAY)) == 2
    finally:
        db.close()
    local = AT.astimezone().strftime("%Y-%m-%d %H:%M")
    assert shown[0].restore_button.text() == f"&Restore the newest good backup ({local}, 2 plans)"
    [aside] = tmp_path.glob("tracker.damaged-*.sqlite3")
    assert aside.read_bytes() == damaged
    assert str(aside) in prompts.infos[0]


def test_open_another_file_instead(qtbot, tmp_path: Path, monkeypatch) -> None:
    bad = tmp_path / "tracker.sqlite3"
    _garbled(bad)
    other = tmp_path / "other.sqlite3"
    with open_database(other):
        pass
    monkeypatch.setattr(settings_dialog, "ask_open_path", lambda *a: str(other))
    remembered: list[Path] = []
    db = open_at_start(
        str(bad),
        {},
        ask=lambda d: Choice.OPEN,
        remember=remembered.append,
        prompts=ScriptedInteraction(),
    )
    assert db is not None and db.path == other
    db.close()
    assert remembered == [other]
    assert start_problem.Choice.OPEN.value == "open"


RUN_GUI_QUIT = r"""
import sys
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication
app = QApplication([])
from tracker.ui import settings_store
settings = settings_store.Settings(QSettings(sys.argv[2], QSettings.Format.IniFormat))
settings_store.Settings = lambda: settings
def answer():
    from tracker.ui.start_problem import StartProblemDialog
    dialog = QApplication.activeModalWidget()
    if isinstance(dialog, StartProblemDialog):
        print("shown:", dialog.findChildren(type(dialog.quit_button))[0].isVisible(), flush=True)
        dialog.quit_button.click()
    else:
        QTimer.singleShot(20, answer)
QTimer.singleShot(0, answer)
from tracker.app import run_gui
sys.exit(run_gui(sys.argv[1]))
"""


def test_run_gui_with_an_empty_file_offers_the_choices_and_quits_cleanly(tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    folder = tmp_path / "data"
    folder.mkdir()
    bad = folder / "tracker.sqlite3"
    bad.write_bytes(b"")
    out = subprocess.run(
        [sys.executable, "-c", RUN_GUI_QUIT, str(bad), str(tmp_path / "s.ini")],
        env=dict(os.environ, QT_QPA_PLATFORM="offscreen"),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert out.returncode == 1, out.stderr
    assert "shown:" in out.stdout
    assert bad.read_bytes() == b"" and listing(folder) == ["tracker.sqlite3"]


def test_the_daily_backup_after_start(window: MainWindow, ctx: AppContext) -> None:
    from tracker.app import daily_backup

    assert daily_backup(window) is None  # nothing to lose yet
    add_flat_plan(ctx)
    made = daily_backup(window)
    assert isinstance(made, Path) and "-daily-" in made.name
    assert daily_backup(window) is None  # once a day
    for p in backups_dir(ctx.db.path).iterdir():
        p.unlink()
    backups_dir(ctx.db.path).rmdir()
    backups_dir(ctx.db.path).write_text("not a folder")
    assert daily_backup(window) is None
    assert window.statusBar().currentMessage().startswith("Today's backup was not made:")

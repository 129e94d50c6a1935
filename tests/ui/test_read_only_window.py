"""The window over a read-only database says so (title, notice) and offers nothing that writes;
the start-up health check warns with the way out; the stale -wal notice says where it went."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMessageBox

from tests.storage.readonly import listing, mount_unavailable, read_only_mount, sha256
from tests.ui.conftest import TODAY, add_flat_plan
from tracker import services as sv
from tracker.storage import ReadOnlyDatabaseError, open_database
from tracker.ui.context import AppContext
from tracker.ui.health import HealthCheck
from tracker.ui.i18n import install_translators
from tracker.ui.interaction import ScriptedInteraction
from tracker.ui.main_window import MainWindow
from tracker.ui.notices import upgrade_text


@pytest.fixture(autouse=True)
def back_to_english(qapp) -> Iterator[None]:
    yield
    install_translators(qapp, "en")


@pytest.fixture
def read_only_ctx(qapp, tmp_path: Path, settings) -> Iterator[AppContext]:
    """A context over a database with one plan that this very process cannot write: a
    read-only bind mount as root, a 0555 folder otherwise."""
    folder = tmp_path / "data"
    folder.mkdir()
    with open_database(folder / "ro.sqlite3") as db:
        add_flat_plan(AppContext(db, settings, ScriptedInteraction(), today=lambda: TODAY))
    if os.geteuid() == 0:
        reason = mount_unavailable()
        if reason:
            pytest.skip(reason)
        mount = read_only_mount(folder, tmp_path / "media")
        try:
            folder = mount.__enter__()
        except Exception as exc:
            pytest.skip(f"cannot make a read-only bind mount: {exc}")
    else:
        mount = None
        os.chmod(folder, 0o555)
    path = folder / "ro.sqlite3"
    before = (sha256(path), listing(folder))
    db = open_database(path)
    context = AppContext(db, settings, ScriptedInteraction(), today=lambda: TODAY)
    try:
        yield context
    finally:
        db.close()
        assert (sha256(path), listing(folder)) == before  # nothing written, nothing beside it
        if mount is not None:
            mount.__exit__(None, None, None)
        else:
            os.chmod(folder, 0o755)


def _window(qtbot, ctx: AppContext) -> MainWindow:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.painted)
    window.database_ready()
    return window


def test_the_window_over_a_read_only_file(qtbot, read_only_ctx: AppContext, tmp_path: Path):
    assert read_only_ctx.db.read_only
    window = _window(qtbot, read_only_ctx)
    assert window.windowTitle() == "Installment Tracker (read-only)"
    notice = window.read_only_notice
    assert notice.isVisible() and str(read_only_ctx.db.path) in notice.text()
    assert "cannot be changed" in notice.text()
    import_action = window.findChild(QAction, "import_csv")
    for action in (window.new_plan_action, window.sample_action, window.pay_action,
                   window.delete_action, window.undo_action, import_action):  # fmt: skip
        assert not action.isEnabled(), action.text()
    assert window.findChild(QAction, "export_payments_csv").isEnabled()  # reading still works
    plans = window.plans
    window.tabs.setCurrentWidget(plans)
    plans.table.selectRow(0)
    assert plans.selected_row() is not None  # the plan is shown
    for button in (plans.new_button, plans.pay_button, plans.payoff_button,
                   plans.edit_button, plans.delete_button, plans.archive_button):  # fmt: skip
        assert not button.isEnabled(), button.text()
    window.resize(1000, 600)
    window.grab().save(str(tmp_path / "read-only-en.png"))
    with pytest.raises(ReadOnlyDatabaseError, match="is read-only"):
        sv.record_payment(read_only_ctx.db, 1, 100, TODAY, TODAY)


def test_the_read_only_title_in_chinese(qapp, qtbot, read_only_ctx: AppContext, tmp_path: Path):
    install_translators(qapp, "zh_CN")
    window = _window(qtbot, read_only_ctx)
    assert window.windowTitle() == "分期账本（只读）"
    assert "只读" in window.read_only_notice.text()
    window.resize(1000, 600)
    window.grab().save(str(tmp_path / "read-only-zh.png"))


def test_a_writable_file_has_no_notice(qtbot, ctx: AppContext):
    window = _window(qtbot, ctx)
    assert window.windowTitle() == "Installment Tracker"
    assert not window.read_only_notice.isVisible()
    assert window.new_plan_action.isEnabled()


def test_the_health_check_warns_with_the_way_out(qtbot, ctx: AppContext):
    add_flat_plan(ctx)
    window = _window(qtbot, ctx)
    with ctx.db.engine.begin() as conn:  # damage a stored total behind the app's back
        conn.exec_driver_sql("UPDATE plans SET remaining = remaining + 1")
    check = HealthCheck(window, ctx.db)
    check.start()
    qtbot.waitUntil(lambda: check.lines is not None, timeout=10_000)
    assert check.lines and "stored balance" in check.lines[0]
    box = window.findChild(QMessageBox, "health_warning")
    assert box is not None and box.isVisible()
    assert "File ▸ Restore from backup…" in box.text() and str(ctx.db.path) in box.text()
    box.close()


def test_the_health_check_is_silent_on_a_sound_file(qtbot, ctx: AppContext):
    add_flat_plan(ctx)
    window = _window(qtbot, ctx)
    check = HealthCheck(window, ctx.db)
    check.start()
    qtbot.waitUntil(lambda: check.lines is not None, timeout=10_000)
    assert check.lines == []
    assert window.findChild(QMessageBox, "health_warning") is None


def test_the_stale_wal_notice(qapp, tmp_path: Path):
    install_translators(qapp, "en")
    moved = str(tmp_path / "tracker.sqlite3-wal.stale-20261204T180000Z")
    text = upgrade_text({"stale_wal": [moved]})
    assert text is not None and "did not belong to it" in text and text.endswith(moved)
    install_translators(qapp, "zh_CN")
    zh = upgrade_text({"stale_wal": [moved]})
    assert zh is not None and zh.endswith(moved) and "不属于" in zh


def test_an_unchanged_copy_of_the_file_is_what_was_read(tmp_path: Path):
    """(helper check) sha256/listing see a changed byte and a new file."""
    f = tmp_path / "x"
    f.write_bytes(b"a")
    before = (sha256(f), listing(tmp_path))
    shutil.copyfile(f, tmp_path / "y")
    assert listing(tmp_path) != before[1]


def test_every_way_into_a_write_is_refused_with_the_reason(qtbot, read_only_ctx: AppContext):
    """Double-clicks and direct calls reach the handlers although the buttons are disabled:
    each says the database is read-only and opens no dialog."""
    window = _window(qtbot, read_only_ctx)
    plans = window.plans
    window.tabs.setCurrentWidget(plans)
    plans.table.selectRow(0)
    interaction = read_only_ctx.interaction
    calls = [plans.edit_selected, plans.record_payment, plans.pay_off, plans.toggle_archived,
             plans.delete_selected, plans.new_plan, window.overview.load_sample_data,
             window.transfer_actions.import_csv, window.undo]  # fmt: skip
    for call in calls:
        call()
    assert len(interaction.errors) == len(calls)
    assert all("is read-only" in text for text in interaction.errors), interaction.errors
    assert not interaction.asked  # no confirmation, no dialog was reached

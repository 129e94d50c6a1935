"""A long import shows a cancellable progress dialog; cancelling writes nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QProgressDialog

from tests.ui import test_export_actions as shared
from tests.ui.conftest import TODAY
from tracker import services as sv
from tracker.services import transfer

PLANS, Window = shared.PLANS, shared.Window
answers = shared.answers  # the file-dialog fixture of the export tests


def test_import_reports_progress_for_every_row(ctx) -> None:
    seen: list[tuple[int, int]] = []
    files = [transfer.ImportFile("plans.csv", PLANS.encode())]
    transfer.import_files(ctx.db, files, TODAY, progress=lambda d, t: seen.append((d, t)))
    assert seen == [(1, 2), (2, 2)]
    assert len(sv.list_plans(ctx.db, TODAY)) == 2


def test_an_exception_from_progress_rolls_the_import_back(ctx) -> None:
    class Stop(Exception):
        pass

    def stop(done: int, total: int) -> None:
        if done == 2:
            raise Stop

    files = [transfer.ImportFile("plans.csv", PLANS.encode())]
    with pytest.raises(Stop):
        transfer.import_files(ctx.db, files, TODAY, progress=stop)
    assert sv.list_plans(ctx.db, TODAY) == []


def test_cancelling_the_progress_dialog_imports_nothing(
    qtbot,
    ctx,
    answers: dict[str, object],
    tmp_path: Path,
    monkeypatch,
) -> None:
    window = Window(ctx)
    qtbot.addWidget(window)
    (tmp_path / "plans.csv").write_text(PLANS, encoding="utf-8")
    answers["open"] = [str(tmp_path / "plans.csv")]
    calls = {"n": 0}

    def cancelled_on_the_real_import(self: QProgressDialog) -> bool:
        calls["n"] += 1
        return self.labelText() == window.transfer_actions.tr("Importing…")

    monkeypatch.setattr(QProgressDialog, "wasCanceled", cancelled_on_the_real_import)
    assert window.transfer_actions.import_csv() is None
    assert calls["n"] >= 1
    assert sv.list_plans(ctx.db, TODAY) == []
    assert "cancelled" in window.statusBar().currentMessage()


def test_cancelling_the_check_says_so(
    qtbot, ctx, answers: dict[str, object], tmp_path: Path, monkeypatch
) -> None:
    window = Window(ctx)
    qtbot.addWidget(window)
    (tmp_path / "plans.csv").write_text(PLANS, encoding="utf-8")
    answers["open"] = [str(tmp_path / "plans.csv")]
    monkeypatch.setattr(QProgressDialog, "wasCanceled", lambda self: True)
    assert window.transfer_actions.import_csv() is None
    assert "seen" not in answers  # the preview never opened
    assert sv.list_plans(ctx.db, TODAY) == []
    assert "cancelled" in window.statusBar().currentMessage()

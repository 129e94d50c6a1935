"""Every damaged or foreign file variant of the CLI suite, opened by the app at start: the app
explains the problem with its choices (restore the newest good backup, open another file,
quit), and when the user quits, the file's bytes and its folder's listing are exactly as they
were (no -wal/-shm, backup or temporary file beside it). Real Qt widgets, real files."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.reliability.ledgers import tree_state
from tests.reliability.test_damaged_files import VARIANTS
from tracker.ui.interaction import ScriptedInteraction
from tracker.ui.start_problem import Choice, StartProblemDialog, open_at_start

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("variant", list(VARIANTS))
def test_the_app_explains_a_bad_file_and_quitting_changes_nothing(
    qtbot, tmp_path: Path, variant: str
) -> None:
    make, words = VARIANTS[variant]
    folder = tmp_path / "data"
    folder.mkdir()
    bad = folder / "tracker.sqlite3"
    make(bad)
    before = tree_state(folder)
    shown: list[StartProblemDialog] = []

    def answer(dialog: StartProblemDialog) -> Choice:
        qtbot.addWidget(dialog)
        shown.append(dialog)
        return Choice.QUIT

    assert open_at_start(str(bad), {}, ask=answer, prompts=ScriptedInteraction()) is None
    assert tree_state(folder) == before
    [dialog] = shown
    text = dialog.details.text()
    assert str(bad) in text
    assert any(w in text for w in words), (variant, text)
    assert not dialog.restore_button.isVisibleTo(dialog)  # no good backup to offer here

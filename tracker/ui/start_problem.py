"""A database that cannot be opened at start: say why in plain words and offer the way out.

``open_at_start`` opens the database; when the file is damaged, empty, another program's or a
newer version's, it shows :class:`StartProblemDialog` with three choices:

- **Restore the newest good backup** (only when one exists; its date and plan count shown):
  the unusable file is renamed aside, unchanged, as ``<stem>.damaged-<stamp>.sqlite3`` (the
  message says so) and the backup is put in its place (``services.backups.restore``);
- **Open another file…**: any other database (remembered for the next start);
- **Quit**.

Until the user chooses, nothing is written to the file and nothing is created or moved
beside it: the backups are only read (``immutable=1``).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from .interaction import Interaction

if TYPE_CHECKING:
    from tracker.storage import Database
    from tracker.storage.backups import BackupInfo


class Choice(Enum):
    """What the user chose in the dialog."""

    RESTORE = "restore"
    OPEN = "open"
    QUIT = "quit"


def headline(exc: BaseException) -> str:
    """The problem in plain words."""
    from tracker.storage.errors import ForeignDatabaseError, NewerDatabaseError

    if isinstance(exc, NewerDatabaseError):
        return QCoreApplication.translate(
            "StartProblem",
            "This file was saved by a newer version of Installment Tracker. "
            "Update the app to open it.",
        )
    if isinstance(exc, ForeignDatabaseError):
        return QCoreApplication.translate(
            "StartProblem",
            "This file is damaged, empty, or not an Installment Tracker database, "
            "so it cannot be opened.",
        )
    return QCoreApplication.translate("StartProblem", "The database file cannot be opened.")


class StartProblemDialog(QDialog):
    """The problem, the file, and the three choices; ``choice`` says which was taken."""

    def __init__(
        self,
        path: Path,
        exc: BaseException,
        newest: BackupInfo | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        from .backup_actions import local_time

        self.setWindowTitle(QCoreApplication.translate("StartProblem", "Cannot open your data"))
        self.setMinimumWidth(600)
        self.choice = Choice.QUIT
        title = QLabel(f"<b>{headline(exc)}</b>")
        title.setWordWrap(True)
        title.setMinimumWidth(520)
        where = QLabel(
            QCoreApplication.translate("StartProblem", "File: %1").replace("%1", str(path))
        )
        where.setWordWrap(True)
        untouched = QLabel(
            QCoreApplication.translate("StartProblem", "The file has not been changed.")
        )
        # SQLite's and the storage layer's own wording, kept verbatim for a bug report; the
        # headline above is the translated explanation.
        self.details = QLabel(
            QCoreApplication.translate("StartProblem", "Technical detail: %1").replace(
                "%1", str(exc)
            )
        )
        self.details.setWordWrap(True)
        self.details.setStyleSheet("color: palette(placeholder-text)")
        self.restore_button = QPushButton()
        if newest is not None:
            self.restore_button.setText(
                QCoreApplication.translate(
                    "StartProblem", "&Restore the newest good backup (%1, %2 plans)"
                )
                .replace("%1", local_time(newest.taken_at))
                .replace("%2", str(newest.plans))
            )
        self.restore_button.setVisible(newest is not None)
        self.open_button = QPushButton(
            QCoreApplication.translate("StartProblem", "&Open another file…")
        )
        self.quit_button = QPushButton(QCoreApplication.translate("StartProblem", "&Quit"))
        for button, choice in (
            (self.restore_button, Choice.RESTORE),
            (self.open_button, Choice.OPEN),
            (self.quit_button, Choice.QUIT),
        ):
            button.clicked.connect(lambda _c=False, ch=choice: self._choose(ch))
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.open_button)
        row.addWidget(self.quit_button)
        layout = QVBoxLayout(self)
        layout.setSpacing(8)
        for widget in (title, where, untouched, self.details):
            layout.addWidget(widget)
        layout.addSpacing(8)
        layout.addWidget(self.restore_button)
        layout.addLayout(row)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
        (self.restore_button if newest is not None else self.open_button).setDefault(True)

    def _choose(self, choice: Choice) -> None:
        self.choice = choice
        self.accept()

    def reject(self) -> None:  # Esc or the close button: Quit
        self.choice = Choice.QUIT
        super().reject()


def ask_choice(dialog: StartProblemDialog) -> Choice:
    """Show the dialog modally; the choice (a seam: tests answer it without exec)."""
    dialog.exec()
    return dialog.choice


def open_at_start(
    db_arg: str | None,
    env: Mapping[str, str],
    parent: QWidget | None = None,
    *,
    ask: Callable[[StartProblemDialog], Choice] | None = None,
    remember: Callable[[Path], None] | None = None,
    prompts: Interaction | None = None,
) -> Database | None:
    """Open the start-up database, offering the choices above while it cannot be opened;
    None when the user quits. ``remember`` is told of another file the user opened."""
    from tracker.services.backups import restore
    from tracker.storage import StorageError, open_database, resolve_target
    from tracker.storage.backups import newest_good_backup
    from tracker.storage.engine import database_path
    from tracker.storage.errors import ForeignDatabaseError, NewerDatabaseError

    from .backup_actions import restore_text
    from .errors import describe
    from .settings_dialog import ask_open_path

    asker = ask or ask_choice
    prompts = prompts or Interaction()
    try:
        target: str | Path = resolve_target(db_arg, env)
        path = database_path(target)
    except StorageError as exc:
        prompts.error(
            parent,
            QCoreApplication.translate("StartProblem", "Cannot open your data"),
            describe(exc),
        )
        return None
    while True:
        try:
            db = open_database(target)
        except StorageError as exc:
            restorable = isinstance(exc, ForeignDatabaseError | NewerDatabaseError)
            newest = newest_good_backup(path) if restorable and path.is_file() else None
            dialog = StartProblemDialog(path, exc, newest, parent)
            choice = asker(dialog)
            dialog.deleteLater()
        else:
            if isinstance(target, Path) and remember is not None:
                remember(target)  # another file the user opened: the next start opens it
            return db
        if choice is Choice.QUIT:
            return None
        if choice is Choice.RESTORE and newest is not None:
            try:
                outcome = restore(path, newest.path)
            except StorageError as exc:
                prompts.error(
                    parent,
                    QCoreApplication.translate("StartProblem", "The backup was not restored"),
                    describe(exc),
                )
                continue
            prompts.info(
                parent,
                QCoreApplication.translate("StartProblem", "Backup restored"),
                restore_text(outcome),
            )
        elif choice is Choice.OPEN:
            chosen = ask_open_path(
                parent,  # type: ignore[arg-type]
                QCoreApplication.translate("StartProblem", "Open a database"),
                str(path.parent),
                QCoreApplication.translate(
                    "StartProblem", "Tracker databases (*.sqlite3 *.db);;All files (*)"
                ),
            )
            if chosen:
                target = path = Path(chosen).absolute()

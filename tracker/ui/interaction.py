"""Prompts behind a seam: confirmations and messages go through ``Interaction`` so tests can
answer them without patching Qt (git-cola's interaction.py pattern)."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget


class Interaction:
    """Qt message boxes. Tests replace it with ``ScriptedInteraction``."""

    def confirm(self, parent: QWidget | None, title: str, text: str, ok_text: str = "") -> bool:
        """Ask a yes/no question; the default answer is No."""
        box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
        ok = box.addButton(ok_text or QMessageBox.tr("OK"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        return box.clickedButton() is ok

    def error(self, parent: QWidget | None, title: str, text: str) -> None:
        """Show an error that the user must acknowledge."""
        QMessageBox.warning(parent, title, text)

    def info(self, parent: QWidget | None, title: str, text: str) -> None:
        """Show a message."""
        QMessageBox.information(parent, title, text)


class ScriptedInteraction(Interaction):
    """Answers prompts from a script and records what was asked (for tests)."""

    def __init__(self, answers: list[bool] | None = None) -> None:
        self.answers = list(answers or [])
        self.asked: list[str] = []
        self.errors: list[str] = []
        self.infos: list[str] = []

    def confirm(self, parent: QWidget | None, title: str, text: str, ok_text: str = "") -> bool:
        self.asked.append(text)
        return self.answers.pop(0) if self.answers else True

    def error(self, parent: QWidget | None, title: str, text: str) -> None:
        self.errors.append(text)

    def info(self, parent: QWidget | None, title: str, text: str) -> None:
        self.infos.append(text)

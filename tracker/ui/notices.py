"""What an upgrade of the database file tells the user when the app opens it."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QMessageBox, QWidget

__all__ = ["show_upgrade_notes", "upgrade_text"]


def upgrade_text(notes: dict[str, object]) -> str | None:
    """The message for ``Database.upgrade_notes``, translated, or None when there is none."""
    loans = notes.get("loans_repriced")
    if not isinstance(loans, list) or not loans:
        return None
    names = "、".join(f"#{pid} {name}" for pid, name in loans)
    first = QCoreApplication.translate(
        "Notices", "%1 loan(s) used the old early-payoff default: all future interest."
    ).replace("%1", str(len(loans)))
    then = QCoreApplication.translate(
        "Notices", "They now quote what a bank asks: remaining principal + interest already due."
    )
    change = QCoreApplication.translate("Notices", "You can change this per plan with Edit.")
    return f"{first}\n{then}\n{change}\n\n{names}"


def show_upgrade_notes(parent: QWidget, notes: dict[str, object]) -> None:
    """Tell the user, once the window is up, what the upgrade changed."""
    text = upgrade_text(notes)
    if text is None:
        return
    title = QCoreApplication.translate("Notices", "Your data was upgraded")
    QTimer.singleShot(0, lambda: QMessageBox.information(parent, title, text))

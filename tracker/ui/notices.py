"""What an upgrade of the database file tells the user when the app opens it."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QMessageBox, QWidget

__all__ = ["show_upgrade_notes", "upgrade_text"]


def upgrade_text(notes: dict[str, object]) -> str | None:
    """The message for ``Database.upgrade_notes``, translated, or None when there is none."""
    parts = [text for text in (_loans_text(notes), _stale_wal_text(notes)) if text]
    return "\n\n".join(parts) if parts else None


def _loans_text(notes: dict[str, object]) -> str | None:
    loans = notes.get("loans_repriced")
    if not isinstance(loans, list) or not loans:
        return None
    names = "、".join(f"#{pid} {name}" for pid, name in loans)
    n = len(loans)
    first = QCoreApplication.translate(
        "Notices", "%n loans used the old early-payoff default: all future interest.", "", n
    )
    then = QCoreApplication.translate(
        "Notices", "They now quote what a bank asks: remaining principal + interest already due."
    )
    change = QCoreApplication.translate("Notices", "You can change this per plan with Edit.")
    return f"{first}\n{then}\n{change}\n\n{names}"


def _stale_wal_text(notes: dict[str, object]) -> str | None:
    moved = notes.get("stale_wal")
    if not isinstance(moved, list) or not moved:
        return None
    text = QCoreApplication.translate(
        "Notices",
        "A leftover change log (-wal) beside the database did not belong to it (the database "
        "was probably restored by copying a backup over it), so its changes were not applied. "
        "It was moved aside, unchanged, to:",
    )
    return text + "\n" + "\n".join(str(p) for p in moved)


def show_upgrade_notes(parent: QWidget, notes: dict[str, object]) -> None:
    """Tell the user, once the window is up, what the upgrade changed."""
    text = upgrade_text(notes)
    if text is None:
        return
    if "loans_repriced" in notes:
        title = QCoreApplication.translate("Notices", "Your data was upgraded")
    else:
        title = QCoreApplication.translate("Notices", "About your database")
    QTimer.singleShot(0, lambda: QMessageBox.information(parent, title, text))

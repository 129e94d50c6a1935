"""The Settings dialog: language, default currency, reminder window, theme, database file.

OK stores the preferences; the main window then rebuilds itself so a new language or theme
shows everywhere (the data lives in the database, so nothing is lost). The database buttons
act at once: "Open another…" and "Create new…" switch the app to that file
(``ctx.replace_database``) and remember it for the next start; "Back up now" writes a
verified copy into the backups folder beside the file. A file that is not ours is refused and
left untouched.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from tracker.domain.money import CURRENCIES
from tracker.storage import StorageError, open_database

from .context import AppContext
from .notices import upgrade_text
from .reminder_settings import ReminderSettingsBox

DB_SUFFIX = ".sqlite3"


def currency_name(code: str) -> str:
    """The translated name of a currency (the code itself when unknown)."""
    names = {
        "CNY": QCoreApplication.translate("Currency", "Chinese yuan"),
        "HKD": QCoreApplication.translate("Currency", "Hong Kong dollar"),
        "TWD": QCoreApplication.translate("Currency", "New Taiwan dollar"),
        "MOP": QCoreApplication.translate("Currency", "Macanese pataca"),
        "USD": QCoreApplication.translate("Currency", "US dollar"),
        "EUR": QCoreApplication.translate("Currency", "Euro"),
        "GBP": QCoreApplication.translate("Currency", "Pound sterling"),
        "SGD": QCoreApplication.translate("Currency", "Singapore dollar"),
        "AUD": QCoreApplication.translate("Currency", "Australian dollar"),
        "CAD": QCoreApplication.translate("Currency", "Canadian dollar"),
        "JPY": QCoreApplication.translate("Currency", "Japanese yen"),
        "KRW": QCoreApplication.translate("Currency", "South Korean won"),
        "KWD": QCoreApplication.translate("Currency", "Kuwaiti dinar"),
    }
    return names.get(code, code)


def ask_open_path(parent: QWidget, caption: str, folder: str, filters: str) -> str:
    """The file the user picked to open, or '' (a seam: tests replace it)."""
    return QFileDialog.getOpenFileName(parent, caption, folder, filters)[0]


def ask_save_path(parent: QWidget, caption: str, folder: str, filters: str) -> str:
    """The new file the user named, or '' (a seam: tests replace it).

    Overwrite is not confirmed here: the dialog refuses every existing file itself.
    """
    options = QFileDialog.Option.DontConfirmOverwrite
    return QFileDialog.getSaveFileName(parent, caption, folder, filters, "", options)[0]


class SettingsDialog(QDialog):
    """Preferences stored in ``ctx.settings``; database file actions on ``ctx``."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Settings"))
        self.setMinimumWidth(560)
        s = ctx.settings

        self.language = QComboBox()
        self.language.addItem(self.tr("Follow system"), "system")
        self.language.addItem("简体中文", "zh_CN")  # each language named in itself
        self.language.addItem("English", "en")
        self._select(self.language, s.language)

        self.currency = QComboBox()
        for code, cur in CURRENCIES.items():
            self.currency.addItem(f"{code}  {cur.symbol}  {currency_name(code)}", code)
        self._select(self.currency, s.currency)

        self.currency_display = QComboBox()
        self.currency_display.addItem(self.tr("With the symbol: ¥3,600.00"), "symbol")
        self.currency_display.addItem(self.tr("With the code: CNY 3,600.00"), "code")
        self._select(self.currency_display, s.currency_display)

        self.reminder_days = QSpinBox()
        self.reminder_days.setRange(0, 60)
        self.reminder_days.setValue(s.reminder_days)
        self.reminder_days.setSuffix(self.tr(" days"))
        self.reminder_days.setToolTip(
            self.tr("Installments due within this many days are shown as due soon.")
        )

        self.theme = QComboBox()
        self.theme.addItem(self.tr("Light"), "light")
        self.theme.addItem(self.tr("Dark"), "dark")
        self._select(self.theme, s.theme)

        self.bills = QCheckBox(self.tr("Show &bills instead of single installments for accounts"))
        self.bills.setChecked(s.bills_for_accounts)
        self.bills.setToolTip(
            self.tr(
                "The Overview and the Calendar show one row per card or platform bill "
                "(account, due date, total) instead of each installment on it."
            )
        )

        form = QFormLayout()
        self._row(form, self.tr("&Language:"), self.language)
        self._row(
            form,
            self.tr("&Default currency for new plans:"),
            self.currency,
            self.tr(
                "Each existing plan keeps its own currency; "
                "the overview totals use this one when any plan is in it."
            ),
        )
        self._row(form, self.tr("&Show amounts:"), self.currency_display)
        self._row(
            form, self.tr("&Reminder window:"), self.reminder_days, self.reminder_days.toolTip()
        )
        self._row(form, self.tr("&Theme:"), self.theme)
        form.addRow("", self.bills)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        self.reminder_box = ReminderSettingsBox(ctx)
        layout.addWidget(self.reminder_box)
        layout.addWidget(self._database_box())
        layout.addWidget(self.buttons)

    def _row(self, form: QFormLayout, text: str, field: QWidget, hint: str = "") -> None:
        """A labelled field, with a greyed explanation tucked under it."""
        label = QLabel(text)
        label.setBuddy(field)
        if not hint:
            form.addRow(label, field)
            return
        cell = QWidget()
        column = QVBoxLayout(cell)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(field)
        column.addWidget(self._hint(hint))
        form.addRow(label, cell)

    @staticmethod
    def _hint(text: str) -> QLabel:
        label = QLabel(text)
        label.setWordWrap(True)
        label.setForegroundRole(QPalette.ColorRole.PlaceholderText)  # an explanation, not a value
        return label

    @staticmethod
    def _select(combo: QComboBox, value: str) -> None:
        index = combo.findData(value)
        combo.setCurrentIndex(max(index, 0))

    def _database_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Database file"))
        self.db_path = QLabel()
        self.db_path.setWordWrap(True)
        self.db_path.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.db_path.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.open_button = QPushButton(self.tr("&Open another…"))
        self.new_button = QPushButton(self.tr("Create &new file…"))
        self.backup_button = QPushButton(self.tr("&Back up now"))
        self.open_button.clicked.connect(lambda: self._ask_and_open())
        self.new_button.clicked.connect(lambda: self._ask_and_create())
        self.backup_button.clicked.connect(lambda: self.back_up())
        row = QHBoxLayout()
        row.addWidget(self.open_button)
        row.addWidget(self.new_button)
        row.addStretch(1)
        row.addWidget(self.backup_button)
        note = self._hint(
            self.tr(
                "Opening or creating a file switches to it at once; "
                "your plans stay in the file they were saved in."
            )
        )
        layout = QVBoxLayout(box)
        layout.addWidget(self.db_path)
        layout.addLayout(row)
        layout.addWidget(note)
        self._show_path()
        return box

    def _show_path(self) -> None:
        path = str(self.ctx.db.path)
        self.db_path.setText(path)
        self.db_path.setToolTip(path)

    def _filters(self) -> str:
        return self.tr("Tracker databases (*.sqlite3 *.db);;All files (*)")

    def _folder(self) -> str:
        return str(Path(self.ctx.db.path).parent)

    # -- database file actions ------------------------------------------------------------
    def _ask_and_open(self) -> None:
        path = ask_open_path(self, self.tr("Open a database"), self._folder(), self._filters())
        if path:
            self.open_file(Path(path))

    def _ask_and_create(self) -> None:
        path = ask_save_path(self, self.tr("Create a database"), self._folder(), self._filters())
        if path:
            chosen = Path(path)
            if not chosen.suffix:
                chosen = chosen.with_suffix(DB_SUFFIX)
            self.create_file(chosen)

    def open_file(self, path: Path) -> bool:
        """Switch to the database at ``path``; refuse (and say why) a file that is not ours."""
        title = self.tr("Open a database")
        path = path.expanduser().absolute()
        if path == Path(self.ctx.db.path).absolute():
            return True
        if not path.is_file():
            self.ctx.interaction.error(
                self, title, self.tr("There is no file %1.").replace("%1", str(path))
            )
            return False
        return self._switch(path, title)

    def create_file(self, path: Path) -> bool:
        """Create an empty database at ``path`` and switch to it; never touch an existing file."""
        title = self.tr("Create a database")
        path = path.expanduser().absolute()
        if path.exists():
            self.ctx.interaction.error(
                self,
                title,
                self.tr(
                    "%1 already exists. Choose a new file name; existing files are never "
                    "overwritten."
                ).replace("%1", str(path)),
            )
            return False
        return self._switch(path, title)

    def _switch(self, path: Path, title: str) -> bool:
        try:
            db = open_database(path)
        except StorageError as exc:
            self.ctx.interaction.error(
                self,
                title,
                self.tr("This file cannot be used; it was left unchanged.") + "\n\n" + str(exc),
            )
            return False
        self.ctx.replace_database(db)
        self.ctx.settings.database = str(path)
        self._show_path()
        text = upgrade_text(db.upgrade_notes)
        if text is not None:  # an older file was upgraded on the way: say what changed
            self.ctx.interaction.info(self, self.tr("Your data was upgraded"), text)
        return True

    def back_up(self) -> Path | None:
        """Write a verified backup of the current database into its backups folder; return its
        path."""
        title = self.tr("Back up")
        try:
            target = self.ctx.db.backup()
        except StorageError as exc:
            headline = self.tr("The backup was not made; the database was left unchanged.")
            self.ctx.interaction.error(self, title, f"{headline}\n\n{exc}")
            return None
        self.ctx.interaction.info(
            self, title, self.tr("Backup written to %1").replace("%1", str(target))
        )
        return target

    # -- OK --------------------------------------------------------------------------------
    def apply(self) -> None:
        """Store the chosen preferences."""
        s = self.ctx.settings
        s.language = str(self.language.currentData())
        s.currency = str(self.currency.currentData())
        s.currency_display = str(self.currency_display.currentData())
        s.reminder_days = self.reminder_days.value()
        s.theme = str(self.theme.currentData())
        s.bills_for_accounts = self.bills.isChecked()
        problem = self.reminder_box.apply()
        s.sync()
        if problem is not None:
            self.ctx.interaction.error(self, self.tr("Settings"), problem)

    def accept(self) -> None:
        self.apply()
        super().accept()

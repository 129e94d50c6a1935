"""User settings and window state, persisted with QSettings (per user, per machine)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSettings

LANGUAGES = ("system", "zh_CN", "en")
THEMES = ("light", "dark")


class Settings:
    """Typed access to the app's QSettings with defaults and validation."""

    def __init__(self, qsettings: QSettings | None = None) -> None:
        self._s = qsettings or QSettings("InstallmentTracker", "tracker")

    def _get(self, key: str, default: Any, kind: type) -> Any:
        value = self._s.value(key, default)
        try:
            return kind(value)
        except (TypeError, ValueError):
            return default

    @property
    def language(self) -> str:
        """ "system", "zh_CN" or "en"."""
        value = self._get("ui/language", "system", str)
        return value if value in LANGUAGES else "system"

    @language.setter
    def language(self, value: str) -> None:
        self._s.setValue("ui/language", value if value in LANGUAGES else "system")

    @property
    def theme(self) -> str:
        """ "light" or "dark"."""
        value = self._get("ui/theme", "light", str)
        return value if value in THEMES else "light"

    @theme.setter
    def theme(self, value: str) -> None:
        self._s.setValue("ui/theme", value if value in THEMES else "light")

    @property
    def currency(self) -> str:
        """Default currency for new plans and totals."""
        return str(self._get("ui/currency", "CNY", str))

    @currency.setter
    def currency(self, value: str) -> None:
        self._s.setValue("ui/currency", value)

    @property
    def currency_display(self) -> str:
        """How amounts show the currency: "symbol" (¥3,600.00) or "code" (CNY 3,600.00)."""
        value = self._get("ui/currency_display", "symbol", str)
        return value if value in ("symbol", "code") else "symbol"

    @currency_display.setter
    def currency_display(self, value: str) -> None:
        self._s.setValue("ui/currency_display", value if value in ("symbol", "code") else "symbol")

    @property
    def reminder_days(self) -> int:
        """How many days ahead an installment counts as due soon (0-60)."""
        value = self._get("ui/reminder_days", 7, int)
        return value if 0 <= value <= 60 else 7

    @reminder_days.setter
    def reminder_days(self, value: int) -> None:
        self._s.setValue("ui/reminder_days", int(value))

    @property
    def bills_for_accounts(self) -> bool:
        """Whether the Overview and the Calendar show one row per account bill instead of
        each installment of the plans on an account."""
        return str(self._get("ui/bills_for_accounts", "false", str)).lower() == "true"

    @bills_for_accounts.setter
    def bills_for_accounts(self, value: bool) -> None:
        self._s.setValue("ui/bills_for_accounts", "true" if value else "false")

    @property
    def database(self) -> str:
        """The database file last opened ('' = the default)."""
        return str(self._get("db/path", "", str))

    @database.setter
    def database(self, value: str) -> None:
        self._s.setValue("db/path", value)

    def value(self, key: str, default: Any = None) -> Any:
        """A raw stored value (window geometry, splitter state, filters...)."""
        return self._s.value(key, default)

    def set_value(self, key: str, value: Any) -> None:
        """Store a raw value."""
        self._s.setValue(key, value)

    def sync(self) -> None:
        """Write to disk now."""
        self._s.sync()

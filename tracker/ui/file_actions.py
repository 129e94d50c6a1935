"""The File menu's export, import and print entries, whose code loads when first triggered.

The entries (texts, object names, order) are those ``export_actions.install`` and
``print_actions.install`` add, but each only calls ``window.transfer_actions`` or
``window.print_actions``, which import ``export_actions`` (CSV, ICS, the import dialog) and
``print_actions`` (QtPrintSupport, the report layouts) on first use. Opening the window so
costs none of them.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu


def _tr(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


def _add(window: Any, menu: QMenu, name: str, text: str, run: Callable[[], object]) -> QAction:
    action = QAction(text, window)
    action.setObjectName(name)
    action.triggered.connect(lambda _checked=False: run())
    menu.addAction(action)
    return action


def _export_csv(window: Any, kind: str) -> object:
    return window.transfer_actions.export_csv(kind)


def _transfer(window: Any, method: str) -> object:
    return getattr(window.transfer_actions, method)()


def _print(window: Any, method: str) -> object:
    return getattr(window.print_actions, method)()


HEADERS_TEXT = "CSV with &Chinese headers and status words (for WPS/Excel)"
HEADERS_KEY = "export/csv_headers"
"""``zh`` for Chinese CSV headers and status words, else ``en`` (the importer's schema)."""


def csv_headers(settings: Any) -> str:
    """The CSV header language chosen in the Export menu: ``zh`` or ``en`` (the default)."""
    return "zh" if str(settings.value(HEADERS_KEY, "en") or "en") == "zh" else "en"


def _headers_action(window: Any, text: str) -> QAction:
    """The checkable CSV header language choice, kept in the settings (``export_actions``)."""
    action = QAction(text, window)
    action.setObjectName("export_chinese_headers")
    action.setCheckable(True)
    action.setChecked(csv_headers(window.ctx.settings) == "zh")
    action.toggled.connect(
        lambda on: window.ctx.settings.set_value(HEADERS_KEY, "zh" if on else "en")
    )
    return action


def install(window: Any, menu: QMenu) -> None:
    """Add Export ▸ (payments, installments, plans CSV), Export calendar, Import, and the four
    print/PDF entries to ``menu``; ``window`` provides ``transfer_actions``/``print_actions``."""
    ctx = "TransferActions"
    export = menu.addMenu(_tr(ctx, "&Export"))
    export.setObjectName("export_menu")
    for name, text, kind in (
        ("export_payments_csv", "&Payments (CSV)…", "payments"),
        ("export_installments_csv", "&Installments with status (CSV)…", "installments"),
        ("export_plans_csv", "P&lans (CSV)…", "plans"),
    ):
        _add(
            window,
            export,
            name,
            _tr(ctx, text),
            partial(_export_csv, window, kind),
        )
    export.addSeparator()
    export.addAction(_headers_action(window, _tr(ctx, HEADERS_TEXT)))
    _add(
        window,
        menu,
        "export_calendar_ics",
        _tr(ctx, "Export &calendar (.ics)…"),
        partial(_transfer, window, "export_calendar"),
    )
    _add(
        window,
        menu,
        "import_csv",
        _tr(ctx, "&Import from CSV…"),
        partial(_transfer, window, "import_csv"),
    )
    ctx = "PrintActions"
    for name, text, method in (
        ("print_calendar", "&Print calendar…", "print_calendar"),
        ("print_schedule", "Print plan sc&hedule…", "print_schedule"),
        ("export_calendar_pdf", "Export calendar as P&DF…", "export_calendar"),
        ("export_schedule_pdf", "Export plan schedu&le as PDF…", "export_schedule"),
    ):
        _add(
            window,
            menu,
            name,
            _tr(ctx, text),
            partial(_print, window, method),
        )

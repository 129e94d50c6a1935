"""The main window: tabs for each screen, menus, shortcuts, and persisted window state.

Kept small on purpose: every screen is its own module; this file only arranges them and
routes the global shortcuts (Ctrl+N, Ctrl+P, Ctrl+F, Delete, Ctrl+Z) to the current screen.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable

from PySide6.QtCore import QByteArray
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QMainWindow, QTabWidget, QWidget

from . import export_actions, print_actions
from .calendar_view import CalendarScreen
from .context import AppContext
from .overview import OverviewScreen
from .payments_view import PaymentsScreen
from .plans_view import PlansScreen


class MainWindow(QMainWindow):
    """Overview, Plans, Calendar and Payments tabs over one AppContext."""

    def __init__(self, ctx: AppContext, on_settings_applied: Callable[[], None] | None = None):
        super().__init__()
        self.ctx = ctx
        self._on_settings_applied = on_settings_applied
        self.setWindowTitle(self.tr("Installment Tracker"))
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.overview = OverviewScreen(ctx, self)
        self.plans = PlansScreen(ctx, self)
        self.calendar = CalendarScreen(ctx, self)
        self.payments = PaymentsScreen(ctx, self)
        self.tabs.addTab(self.overview, self.tr("Overview"))
        self.tabs.addTab(self.plans, self.tr("Plans"))
        self.tabs.addTab(self.calendar, self.tr("Calendar"))
        self.tabs.addTab(self.payments, self.tr("Payments"))
        self.setCentralWidget(self.tabs)
        self._build_menus()
        self.overview.new_plan_requested.connect(self.new_plan)
        ctx.undo_changed.connect(self._update_undo)
        self._update_undo()
        self._restore_state()

    # -- menus and shortcuts --------------------------------------------------------------
    def _action(
        self, text: str, slot: Callable[[], object], shortcut: QKeySequence | str | None = None
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file = bar.addMenu(self.tr("&File"))
        self.new_plan_action = self._action(
            self.tr("&New plan…"), self.new_plan, QKeySequence.StandardKey.New
        )
        file.addAction(self.new_plan_action)
        file.addAction(self._action(self.tr("Load sa&mple data"), self.overview.load_sample_data))
        file.addSeparator()
        export_actions.install(self, file)
        print_actions.install(self, file)
        file.addSeparator()
        file.addAction(self._action(self.tr("&Settings…"), self.open_settings, "Ctrl+,"))
        file.addSeparator()
        file.addAction(self._action(self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit))
        edit = bar.addMenu(self.tr("&Edit"))
        self.undo_action = self._action(self.tr("&Undo"), self.undo, QKeySequence.StandardKey.Undo)
        edit.addAction(self.undo_action)
        edit.addSeparator()
        self.pay_action = self._action(self.tr("Record &payment…"), self.record_payment, "Ctrl+P")
        edit.addAction(self.pay_action)
        edit.addAction(self._action(self.tr("&Find"), self.find, QKeySequence.StandardKey.Find))
        edit.addAction(
            self._action(self.tr("&Delete"), self.delete_selected, QKeySequence.StandardKey.Delete)
        )

    def _current(self) -> QWidget:
        return self.tabs.currentWidget()

    def new_plan(self) -> None:
        """Ctrl+N: the new-plan form; afterwards the Plans tab shows the new plan."""
        if self.plans.new_plan() is not None:
            self.tabs.setCurrentWidget(self.plans)

    def record_payment(self) -> None:
        """Ctrl+P: record a payment on the current screen's selection."""
        handler = getattr(self._current(), "record_payment", None)
        (handler or self.plans.record_payment)()

    def find(self) -> None:
        """Ctrl+F: focus the search box (the Plans tab's when the screen has none)."""
        handler = getattr(self._current(), "focus_search", None)
        if handler is None:
            self.tabs.setCurrentWidget(self.plans)
            handler = self.plans.focus_search
        handler()

    def delete_selected(self) -> None:
        """Delete: delete (or void) the current screen's selection, after asking."""
        handler = getattr(self._current(), "delete_selected", None)
        if handler is not None:
            handler()
        else:
            self.statusBar().showMessage(
                self.tr("Delete works on the Plans and Payments tabs: select a plan or a payment."),
                5000,
            )

    def undo(self) -> None:
        """Ctrl+Z: undo the last edit, delete or payment."""
        self.ctx.undo(self)

    def _update_undo(self) -> None:
        label = self.ctx.undo_label()
        self.undo_action.setEnabled(label is not None)
        self.undo_action.setText(
            self.tr("&Undo %1").replace("%1", label) if label else self.tr("&Undo")
        )

    def open_settings(self) -> None:
        """The settings dialog; language and theme changes rebuild the window."""
        from .settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.ctx, self)
        if dialog.exec() and self._on_settings_applied is not None:
            self._on_settings_applied()

    # -- persisted state ------------------------------------------------------------------
    def _restore_state(self) -> None:
        geometry = self.ctx.settings.value("window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(1200, 800)
        state = self.ctx.settings.value("window/state")
        if isinstance(state, QByteArray):
            self.restoreState(state)
        tab = self.ctx.settings.value("window/tab", 0)
        with contextlib.suppress(TypeError, ValueError):
            self.tabs.setCurrentIndex(int(tab))

    def save_state(self) -> None:
        """Store geometry, last tab and each screen's own state."""
        s = self.ctx.settings
        s.set_value("window/geometry", self.saveGeometry())
        s.set_value("window/state", self.saveState())
        s.set_value("window/tab", self.tabs.currentIndex())
        for screen in (self.overview, self.plans, self.calendar, self.payments):
            saver = getattr(screen, "save_state", None)
            if saver is not None:
                saver()
        s.sync()

    def view_state(self) -> dict[str, object]:
        """What the user is looking at, to carry into a rebuilt window (not across runs)."""
        return {"plan": self.plans.selected_id(), "month": self.calendar.current_month()}

    def restore_view(self, state: dict[str, object]) -> None:
        """Show again what ``view_state`` captured in the previous window."""
        plan = state.get("plan")
        if isinstance(plan, int):
            self.plans.show_plan(plan)
        month = state.get("month")
        if isinstance(month, tuple) and len(month) == 2:
            self.calendar.show_month(*month)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_state()
        super().closeEvent(event)

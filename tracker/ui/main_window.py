"""The main window: tabs for each screen, menus, shortcuts, and persisted window state.

Kept small on purpose: every screen is its own module; this file only arranges them and
routes the global shortcuts (Ctrl+N, Ctrl+P, Ctrl+F, Delete, Ctrl+Z) to the current screen.

Window first: importing this module and building the window loads no screen, no SQLAlchemy
and no matplotlib. Each tab starts as an empty placeholder; a screen is built (its module
imported) when its tab is first shown, when a shortcut needs it, or when code asks for it
(``window.plans``); the tab the window opens on is built after the first paint. The File
menu's export, import and print entries import their modules when first triggered.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from importlib import import_module
from typing import Any

from PySide6.QtCore import QByteArray, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QPaintEvent
from PySide6.QtWidgets import QLabel, QMainWindow, QTabWidget, QVBoxLayout, QWidget

from . import file_actions, help_menu, window_chrome
from .context import AppContext

SCREENS = (
    ("overview", ".overview", "OverviewScreen"),
    ("plans", ".plans_view", "PlansScreen"),
    ("calendar", ".calendar_view", "CalendarScreen"),
    ("payments", ".payments_view", "PaymentsScreen"),
)
"""Tab order: name, module and class of each screen."""
NAMES = tuple(name for name, _module, _cls in SCREENS)


class MainWindow(QMainWindow):
    """Overview, Plans, Calendar and Payments tabs over one AppContext."""

    first_painted = Signal()
    """The window painted for the first time (start-up waits for it before opening the DB)."""

    def __init__(self, ctx: AppContext, on_settings_applied: Callable[[], None] | None = None):
        super().__init__()
        self.ctx = ctx
        self._on_settings_applied = on_settings_applied
        self._screens: dict[str, Any] = {}
        self._painted = False
        self._ready = ctx.has_database
        self._transfer: Any = None
        self._print: Any = None
        # Qt's first setShortcut costs ~25 ms (PySide creates its key enums): set after the
        # first paint (or when the database is ready), before any key can reach the window.
        self._pending_shortcuts: list[
            tuple[QAction, QKeySequence | QKeySequence.StandardKey | str | tuple[str, ...]]
        ] = []
        self.setWindowTitle(self.tr("Installment Tracker"))
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        titles = (self.tr("Overview"), self.tr("Plans"), self.tr("Calendar"), self.tr("Payments"))
        for title in titles:
            self.tabs.addTab(QWidget(), title)  # placeholders until first shown
        self.read_only_notice = QLabel()
        self.read_only_notice.setObjectName("read_only_notice")
        self.read_only_notice.setWordWrap(True)
        self.read_only_notice.setContentsMargins(10, 6, 10, 6)
        self.read_only_notice.setStyleSheet(
            "#read_only_notice { background: palette(alternate-base); border-bottom: 1px solid "
            "palette(mid); }"
        )
        self.read_only_notice.hide()
        central = QWidget()
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.read_only_notice)
        column.addWidget(self.tabs, 1)
        self.setCentralWidget(central)
        self._build_menus()
        window_chrome.install_toolbar(self)
        window_chrome.install_status_bar(self)
        window_chrome.install_tab_keys(self)
        ctx.undo_changed.connect(self._update_undo)
        self._update_undo()
        self._restore_state()
        self.tabs.currentChanged.connect(self._tab_changed)
        ctx.database_replaced.connect(self.apply_read_only)
        if self._ready:  # rebuilt (language, theme) over an open database
            self.apply_read_only()

    # -- screens, built on first use ------------------------------------------------------
    @property
    def overview(self) -> Any:
        """The Overview screen (built now if it was not yet)."""
        return self.screen_named("overview")

    @property
    def plans(self) -> Any:
        """The Plans screen (built now if it was not yet)."""
        return self.screen_named("plans")

    @property
    def calendar(self) -> Any:
        """The Calendar screen (built now if it was not yet)."""
        return self.screen_named("calendar")

    @property
    def payments(self) -> Any:
        """The Payments screen (built now if it was not yet)."""
        return self.screen_named("payments")

    def is_built(self, name: str) -> bool:
        """Whether the screen ``name`` ("overview", "plans", …) exists yet."""
        return name in self._screens

    def built_screens(self) -> list[QWidget]:
        """The screens built so far, in tab order."""
        return [self._screens[n] for n in NAMES if n in self._screens]

    def screen_named(self, name: str) -> Any:
        """The screen ``name``, built and put in its tab now if it was not yet."""
        found = self._screens.get(name)
        if found is not None:
            return found
        index = NAMES.index(name)
        _name, module, cls = SCREENS[index]
        screen = getattr(import_module(module, __package__), cls)(self.ctx, self)
        self._screens[name] = screen
        if name == "overview":
            screen.new_plan_requested.connect(self.new_plan)
        window_chrome.watch_screen(self, screen)
        placeholder = self.tabs.widget(index)
        title = self.tabs.tabText(index)
        was_current = self.tabs.currentIndex() == index
        self.tabs.blockSignals(True)
        try:  # insert before the placeholder, then drop it: no other tab is shown meanwhile
            self.tabs.insertTab(index, screen, title)
            if was_current:
                self.tabs.setCurrentIndex(index)
            self.tabs.removeTab(index + 1)
        finally:
            self.tabs.blockSignals(False)
        if placeholder is not None:
            placeholder.deleteLater()
        return screen

    def current_name(self) -> str:
        """The current tab's screen name ("overview", "plans", …)."""
        return NAMES[max(self.tabs.currentIndex(), 0)]

    def _show_current(self) -> None:
        if not self._ready:
            return
        name = NAMES[max(self.tabs.currentIndex(), 0)]
        built = name in self._screens
        screen = self.screen_named(name)
        freshness = getattr(screen, "freshness", None)
        if built and freshness is not None:
            freshness.refresh_if_needed()

    def _tab_changed(self, _index: int) -> None:
        self._show_current()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            QTimer.singleShot(0, self, self._after_first_paint)
            self.first_painted.emit()

    def data_widget(self) -> QWidget:
        """What shows the current tab's data first (the Overview's "still owed" amount)."""
        overview = self._screens.get("overview")
        if overview is not None and self.current_name() == "overview":
            return overview.data_widget()
        return self.tabs.currentWidget() or self

    @property
    def painted(self) -> bool:
        """Whether the window has painted at least once."""
        return self._painted

    def _after_first_paint(self) -> None:
        self.apply_shortcuts()
        self._show_current()

    def apply_shortcuts(self) -> None:
        """Give the menu actions their keyboard shortcuts (once; deferred from construction)."""
        pending, self._pending_shortcuts = self._pending_shortcuts, []
        for action, shortcut in pending:
            if isinstance(shortcut, tuple):  # several keys (redo: Ctrl+Shift+Z and Ctrl+Y)
                action.setShortcuts([QKeySequence(key) for key in shortcut])
            else:
                action.setShortcut(QKeySequence(shortcut))

    def database_ready(self) -> None:
        """The context got its database (after the first paint): fill the current tab."""
        self._ready = True
        self.apply_shortcuts()
        window_chrome.update_toolbar(self)
        self.apply_read_only()
        if self._painted:
            self._show_current()

    def apply_read_only(self) -> None:
        """A read-only database: say so in the title and a one-line notice, and disable every
        action that writes (new plan, sample data, import, record payment, delete, undo)."""
        read_only = self.ctx.read_only
        title = self.tr("Installment Tracker")
        self.setWindowTitle(title + self.tr(" (read-only)") if read_only else title)
        import_action = self.findChild(QAction, "import_csv")
        for action in (self.new_plan_action, self.sample_action, self.pay_action,
                       self.delete_action, import_action):  # fmt: skip
            if action is not None:
                action.setEnabled(not read_only)
        self._update_undo()
        window_chrome.update_toolbar(self)
        if read_only:
            text = self.tr(
                "Read-only: %1 cannot be changed (its file, folder or disk cannot be written). "
                "You can view, export and print; to make changes, copy it to a folder you can "
                "write to and open the copy."
            )
            self.read_only_notice.setText(text.replace("%1", str(self.ctx.reader.path)))
        self.read_only_notice.setVisible(read_only)

    # -- the File menu's lazily loaded actions ---------------------------------------------
    @property
    def transfer_actions(self) -> Any:
        """Export, export-calendar and import handlers (``export_actions`` loads on first use)."""
        if self._transfer is None:
            from .export_actions import TransferActions

            self._transfer = TransferActions(self, None)
        return self._transfer

    @property
    def print_actions(self) -> Any:
        """Print and PDF handlers (``print_actions`` and the printing code load on first use)."""
        if self._print is None:
            from .print_actions import PrintActions

            self._print = PrintActions(self)
        return self._print

    def _backups(self, name: str) -> object:
        """Back up now / Restore from backup (``backup_actions`` loads on first use)."""
        if not self._ready:
            return None
        from . import backup_actions

        return getattr(backup_actions, name)(self)

    # -- menus and shortcuts --------------------------------------------------------------
    def _action(
        self, text: str, slot: Callable[[], object], shortcut: QKeySequence | str | None = None
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            self._pending_shortcuts.append((action, shortcut))
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
        self.sample_action = self._action(
            self.tr("Load sa&mple data"), lambda: self.overview.load_sample_data()
        )
        file.addAction(self.sample_action)
        file.addSeparator()
        file_actions.install(self, file)
        file.addSeparator()
        self.backup_action = self._action(
            self.tr("&Back up now"), lambda: self._backups("back_up_now")
        )
        self.backup_action.setObjectName("back_up_now")
        file.addAction(self.backup_action)
        self.restore_action = self._action(
            self.tr("&Restore from backup…"), lambda: self._backups("restore_from_backup")
        )
        self.restore_action.setObjectName("restore_from_backup")
        file.addAction(self.restore_action)
        file.addSeparator()
        file.addAction(self._action(self.tr("&Settings…"), self.open_settings, "Ctrl+,"))
        file.addSeparator()
        file.addAction(self._action(self.tr("&Quit"), self.close, "Ctrl+Q"))
        edit = bar.addMenu(self.tr("&Edit"))
        self.undo_action = self._action(self.tr("&Undo"), self.undo, QKeySequence.StandardKey.Undo)
        edit.addAction(self.undo_action)
        self.redo_action = window_chrome.install_redo(self, edit)
        edit.addSeparator()
        self.pay_action = self._action(self.tr("Record &payment…"), self.record_payment, "Ctrl+P")
        edit.addAction(self.pay_action)
        edit.addAction(self._action(self.tr("&Find"), self.find, QKeySequence.StandardKey.Find))
        self.delete_action = self._action(
            self.tr("&Delete"), self.delete_selected, QKeySequence.StandardKey.Delete
        )
        edit.addAction(self.delete_action)
        from . import debt_menu

        debt_menu.install(self, bar)
        help_menu.install(self, bar.addMenu(self.tr("&Help")))

    def _current(self) -> QWidget:
        """The current tab's screen (built now if it is still a placeholder)."""
        if not self._ready:
            return self.tabs.currentWidget()
        screen: QWidget = self.screen_named(NAMES[max(self.tabs.currentIndex(), 0)])
        return screen

    def new_plan(self) -> None:
        """Ctrl+N: the new-plan form; afterwards the Plans tab shows the new plan."""
        if self.plans.new_plan() is not None:
            self.tabs.setCurrentWidget(self.plans)

    def show_attention(self) -> None:
        """The Overview with its attention list in view and focused (a reminder was opened,
        or something is overdue or due today at start)."""
        self.tabs.setCurrentIndex(NAMES.index("overview"))
        if not self._ready:
            return
        due = self.overview.due_list
        sizes = self.overview.splitter.sizes()
        if len(sizes) == 2 and sizes[1] < 150:  # the list squeezed out of view: give it room
            self.overview.splitter.setSizes([sum(sizes) - 200, 200])
        due.table.setFocus()
        if due.proxy.rowCount():
            due.table.selectRow(0)

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
        if self.ctx.refuse_if_read_only(self):
            return
        self.ctx.undo(self)

    def redo(self) -> None:
        """Ctrl+Shift+Z / Ctrl+Y: redo the last undone action."""
        if self.ctx.refuse_if_read_only(self):
            return
        self.ctx.redo(self)

    def _update_undo(self) -> None:
        window_chrome.update_undo_redo(self)

    def show_status(self, text: str) -> None:
        """Confirm an action in the status bar."""
        self.statusBar().showMessage(text, window_chrome.STATUS_MS)

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
        for screen in self.built_screens():
            saver = getattr(screen, "save_state", None)
            if saver is not None:
                saver()
        s.sync()

    def view_state(self) -> dict[str, object]:
        """What the user is looking at, to carry into a rebuilt window (not across runs)."""
        plans, calendar = self._screens.get("plans"), self._screens.get("calendar")
        return {
            "plan": plans.selected_id() if plans is not None else None,
            "month": calendar.current_month() if calendar is not None else None,
        }

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

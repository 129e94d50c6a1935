"""The main window's chrome: redo beside undo, the toolbar, the status bar, tab keys.

- Edit ▸ Undo/Redo name the action ("Undo Record payment"); Ctrl+Z, Ctrl+Shift+Z and Ctrl+Y.
- A toolbar with icons for the main actions. Its actions are its own (no shortcuts): each is
  enabled only when it applies to what is selected (Record payment with no plan selected is
  greyed), while the menu entries and their shortcuts stay on and explain what to select.
- A status bar that is always shown; every action confirms there (``AppContext.status``).
- Ctrl+Tab / Ctrl+Shift+Tab and Alt+1…4 switch tabs from anywhere in the window.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QSize, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QToolBar, QToolButton

from .icons import icon

STATUS_MS = 10000
"""How long a confirmation stays in the status bar."""

# Qt::WindowShortcut, Qt::ToolButtonTextBesideIcon and Qt::ToolButtonIconOnly, set through the
# properties (Qt converts the number): the window is built before its first paint, and the
# first use of Python's ``Qt`` namespace makes PySide build all its enums, 21 ms.
_WINDOW_SHORTCUT = 1
_TEXT_BESIDE_ICON = 2
_ICON_ONLY = 0


def install_redo(window: Any, edit: QMenu) -> QAction:
    """Edit ▸ Redo after Undo; Ctrl+Shift+Z and Ctrl+Y (set with the deferred shortcuts)."""
    redo = QAction(QCoreApplication.translate("MainWindow", "&Redo"), window)
    redo.setObjectName("redo")
    redo.triggered.connect(lambda _checked=False: window.redo())
    window.addAction(redo)
    window._pending_shortcuts.append((redo, ("Ctrl+Shift+Z", "Ctrl+Y")))
    edit.addAction(redo)  # right under Undo
    window.undo_action.setObjectName("undo")
    window.undo_action.setIcon(icon("undo"))
    redo.setIcon(icon("redo"))
    return redo


def update_undo_redo(window: Any) -> None:
    """Label and enable Edit ▸ Undo and Redo from the undo stack."""
    ctx = window.ctx
    writable = not ctx.read_only
    for action, label, bare, named in (
        (
            window.undo_action,
            ctx.undo_label(),
            QCoreApplication.translate("MainWindow", "&Undo"),
            QCoreApplication.translate("MainWindow", "&Undo %1"),
        ),
        (
            window.redo_action,
            ctx.redo_label(),
            QCoreApplication.translate("MainWindow", "&Redo"),
            QCoreApplication.translate("MainWindow", "&Redo %1"),
        ),
    ):
        action.setEnabled(label is not None and writable)
        action.setText(named.replace("%1", label) if label else bare)
        action.setToolTip(action.text().replace("&", ""))


def install_status_bar(window: Any) -> None:
    """A status bar that is always there, showing every action's confirmation."""
    bar = window.statusBar()
    bar.setObjectName("status_bar")
    bar.setSizeGripEnabled(True)
    bar.show()
    window.ctx.status.connect(window.show_status)


def install_tab_keys(window: Any) -> None:
    """Ctrl+Tab / Ctrl+Shift+Tab cycle the tabs; Alt+1…4 pick one (from any widget)."""

    def step(delta: int) -> None:
        count = window.tabs.count()
        window.tabs.setCurrentIndex((window.tabs.currentIndex() + delta) % count)

    keys: list[tuple[str, str, tuple[str, ...], Callable[[], None]]] = [
        (
            "next_tab",
            QCoreApplication.translate("MainWindow", "Next tab"),
            ("Ctrl+Tab",),
            lambda: step(1),
        ),
        (
            "previous_tab",
            QCoreApplication.translate("MainWindow", "Previous tab"),
            ("Ctrl+Shift+Tab", "Ctrl+Backtab"),
            lambda: step(-1),
        ),
    ]
    for number in range(1, window.tabs.count() + 1):
        title = window.tabs.tabText(number - 1)
        keys.append(
            (
                f"tab_{number}",
                QCoreApplication.translate("MainWindow", "Go to %1").replace("%1", title),
                (f"Alt+{number}",),
                partial(window.tabs.setCurrentIndex, number - 1),
            )
        )
    for name, text, shortcuts, run in keys:
        action = QAction(text, window)
        action.setObjectName(name)
        action.setProperty("shortcutContext", _WINDOW_SHORTCUT)
        action.triggered.connect(lambda _checked=False, go=run: go())
        window.addAction(action)
        window._pending_shortcuts.append((action, shortcuts))


def _tool(window: Any, name: str, text: str, tip: str, run: Callable[[], object]) -> QAction:
    action = QAction(icon(name), text, window)
    action.setObjectName(f"toolbar_{name}")
    action.setToolTip(tip)
    action.triggered.connect(lambda _checked=False: run())
    return action


def install_toolbar(window: Any) -> QToolBar:
    """The main toolbar: New plan, Record payment, Void, Undo, Redo, Print, Export."""
    bar = QToolBar(QCoreApplication.translate("MainWindow", "Main toolbar"), window)
    bar.setObjectName("main_toolbar")
    bar.setMovable(False)
    bar.setIconSize(QSize(20, 20))
    bar.setProperty("toolButtonStyle", _TEXT_BESIDE_ICON)
    new_tip = QCoreApplication.translate("MainWindow", "New plan (Ctrl+N)")
    window.toolbar_new = _tool(
        window,
        "new-plan",
        QCoreApplication.translate("MainWindow", "New plan"),
        new_tip,
        window.new_plan,
    )
    pay_tip = QCoreApplication.translate(
        "MainWindow", "Record a payment on the selected plan or installment (Ctrl+P)"
    )
    window.toolbar_pay = _tool(
        window,
        "record-payment",
        QCoreApplication.translate("MainWindow", "Record payment"),
        pay_tip,
        window.record_payment,
    )
    void_tip = QCoreApplication.translate("MainWindow", "Void the selected payment (Payments tab)")
    window.toolbar_void = _tool(
        window,
        "void",
        QCoreApplication.translate("MainWindow", "Void"),
        void_tip,
        lambda: window.payments.delete_selected(),
    )
    print_tip = QCoreApplication.translate("MainWindow", "Print the calendar")
    window.toolbar_print = _tool(
        window,
        "print",
        QCoreApplication.translate("MainWindow", "Print"),
        print_tip,
        lambda: window.print_actions.print_calendar(),
    )
    export_tip = QCoreApplication.translate("MainWindow", "Export to CSV")
    window.toolbar_export = _tool(
        window,
        "export",
        QCoreApplication.translate("MainWindow", "Export"),
        export_tip,
        lambda: None,
    )
    for action in (window.toolbar_new, window.toolbar_pay, window.toolbar_void):
        bar.addAction(action)
    bar.addSeparator()
    bar.addAction(window.undo_action)
    bar.addAction(window.redo_action)
    bar.addSeparator()
    bar.addAction(window.toolbar_print)
    export_menu = window.findChild(QMenu, "export_menu")
    if export_menu is not None:
        window.toolbar_export.setMenu(export_menu)
    bar.addAction(window.toolbar_export)
    button = bar.widgetForAction(window.toolbar_export)
    if isinstance(button, QToolButton):
        button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
    for action in (window.undo_action, window.redo_action):
        button = bar.widgetForAction(action)
        if isinstance(button, QToolButton):  # short captions on the bar; the menu names it
            button.setProperty("toolButtonStyle", _ICON_ONLY)
    window.addToolBar(bar)  # the top area
    window.toolbar_follower = _Follower(window)
    window.tabs.currentChanged.connect(lambda _i: update_toolbar(window))
    update_toolbar(window)
    return bar


class _Follower(QObject):
    """Updates the toolbar after each change, once the screens have applied it (they are
    connected later). A QObject of the window, so the connection ends with the window (the
    context outlives it when the window is rebuilt for a language or theme)."""

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window = window
        window.ctx.changed.connect(self.changed)

    def changed(self, _change: object) -> None:
        QTimer.singleShot(0, self, self.update)

    def update(self) -> None:
        update_toolbar(self.window)


def watch_screen(window: Any, screen: Any) -> None:
    """Keep the toolbar's enabled states in step with a newly built screen's selections."""
    from PySide6.QtWidgets import QAbstractItemView  # not at import: it costs the first paint

    for view in screen.findChildren(QAbstractItemView):
        model = view.selectionModel()
        if model is not None:
            model.selectionChanged.connect(lambda *_a: update_toolbar(window))
    combo = getattr(screen, "plan_combo", None)
    if combo is not None:
        combo.currentIndexChanged.connect(lambda _i: update_toolbar(window))
    update_toolbar(window)


def _can_pay(window: Any, name: str, screen: Any) -> bool:
    if screen is None:
        return False
    if name == "plans":
        row = screen.selected_row()
        return row is not None and row.status.value != "closed"
    if name == "payments":
        return screen.selected_payment() is not None or screen.plan_combo.currentData() is not None
    if name == "overview":
        return bool(screen.due_list.proxy.rowCount())
    if name == "calendar":
        item = screen.selected_item()
        return item is not None and item.amount_due > 0
    return False


def update_toolbar(window: Any) -> None:
    """Enable each toolbar action only where it applies to the current tab's selection."""
    if not hasattr(window, "toolbar_pay"):
        return
    ready, writable = window._ready, not window.ctx.read_only
    name = window.current_name()
    screen = window._screens.get(name) if ready else None
    window.toolbar_new.setEnabled(ready and writable)
    window.toolbar_pay.setEnabled(ready and writable and _can_pay(window, name, screen))
    payment = screen.selected_payment() if name == "payments" and screen is not None else None
    window.toolbar_void.setEnabled(writable and payment is not None and not payment.voided)
    window.toolbar_print.setEnabled(ready)
    window.toolbar_export.setEnabled(ready)

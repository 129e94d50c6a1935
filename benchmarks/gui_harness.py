"""Start a window, note when it is painted, quit: the GUI half of ``benchmarks/run.py``.

    python benchmarks/gui_harness.py bare                  # a bare PySide6 QMainWindow
    python benchmarks/gui_harness.py app DB                # the real app: `tracker --db DB`
    python benchmarks/gui_harness.py app DB --pay PLAN_ID  # … then record payments in it

Prints one JSON object of wall-clock times (``time.time()``, so the parent can subtract the
moment it launched the process):

- ``first_paint``: the main window's first paint, stamped when it is delivered (the bare
  window's ``paintEvent``; the app's ``MainWindow.first_painted``). No application-wide event
  filter runs at all: one converts every event's receiver to Python (Qt's private animation
  timer of a tab bar costs PySide ~25 ms of enum set-up; building the Overview's table ~25 ms
  more), which neither the bare window nor the app pays. A deferred stamp would wait behind
  whatever the app does right after painting.
- ``data_paint`` (``app`` only): the first paint of the Overview's "still owed" card value once
  the Overview holds its data (or its first-run page when the database is empty), seen by an
  event filter on those two widgets only, installed when the Overview is built.
- ``pay_ms`` (``--pay``): per payment, the milliseconds from calling the service to every
  visible view being current (see ``_pay``). The payments start once start-up's work is over
  (``_when_settled``: the database proper open, the charts drawn), as a person's would; the
  first one pays for what is loaded on first use (the ORM's statement caches).

The app is started through its real entry, ``tracker.__main__.main(["--db", DB])`` (what the
`tracker` command runs); the app has no "quit after the first paint" switch, so this script
creates the ``QApplication`` first (the app reuses it) and watches it with an event filter. The
bare window is started the same way, so the two differ only by what the app does. Run it with
``QT_QPA_PLATFORM=offscreen`` and a scratch ``XDG_CONFIG_HOME`` (the app's settings).
"""

from __future__ import annotations

import json
import sys
import time
from typing import Any

from PySide6.QtCore import QEvent, QEventLoop, QObject, QTimer
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

TIMEOUT_S = 300
PAYMENTS = 5  # timed one after the other, the first included; run.py reports the median
SETTLE_MS = 200  # after start-up's work is done, before the first payment
SETTLE_MAX_MS = 10_000


class Watcher(QObject):
    """Notes the first paint of the main window and of an Overview amount; quits when done."""

    def __init__(self, app: QApplication, want_data: bool, pay_plan: int | None) -> None:
        super().__init__()
        self.app = app
        self.want_data = want_data
        self.pay_plan = pay_plan
        self.times: dict[str, object] = {}
        self.done = False
        self.watched = False

    def painted(self) -> None:
        """The main window painted for the first time: stamp it."""
        if "first_paint" in self.times:
            return
        self._mark("first_paint")

    def watch_overview(self, window: QMainWindow) -> None:
        """Once the Overview is built, watch the two widgets that show its data first (the
        "still owed" amount, the first-run page): their paints only, as the app's own
        ``after_paint`` does, not every event of the application (see the module docstring)."""
        if not self.want_data or self.watched or not window.is_built("overview"):  # type: ignore[attr-defined]
            return
        self.watched = True
        overview = window.overview  # type: ignore[attr-defined]
        for widget in (overview.owed_card.value, overview.empty_page):
            widget.installEventFilter(self)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self.done and isinstance(obj, QWidget):
            window = obj.window()
            if isinstance(window, QMainWindow):
                built = self.want_data and window.is_built("overview")  # type: ignore[attr-defined]
                overview = window.overview if built else None  # type: ignore[attr-defined]
                data = getattr(overview, "data", None)
                owed = getattr(overview, "owed_card", None)
                if (
                    data is not None
                    and "data_paint" not in self.times
                    and (data.empty or (owed is not None and obj is owed.value))
                ):
                    self._mark("data_paint")
        return False

    def _mark(self, key: str) -> None:
        self.times[key] = time.time()
        if "first_paint" in self.times and (not self.want_data or "data_paint" in self.times):
            self.done = True
            if self.pay_plan is not None:
                QTimer.singleShot(0, self._when_settled)
            else:
                QTimer.singleShot(0, self.app.quit)

    def _when_settled(self, waited_ms: int = 0) -> None:
        """Pay once start-up is over (as a person would, seconds later): the database proper
        is open and the charts are drawn at their size; else look again in 20 ms."""
        window = next(w for w in self.app.topLevelWidgets() if isinstance(w, QMainWindow))
        overview = window.overview  # type: ignore[attr-defined]
        charts = (overview.upcoming_chart, overview.balance_chart)
        ready = window.ctx._db is not None and all(c.drawn for c in charts)  # type: ignore[attr-defined]
        if ready or waited_ms >= SETTLE_MAX_MS:
            _drain(self.app)
            self.times["settled_ms"] = waited_ms
            QTimer.singleShot(SETTLE_MS, self._pay)
        else:
            QTimer.singleShot(20, lambda: self._when_settled(waited_ms + 20))

    def _pay(self) -> None:
        """Record payments the way the payment dialog does (``ctx.act(..., record_payment)``)
        and time each until the visible views are current: ``act`` returns after the service
        call and the synchronous ``changed`` handlers, then the posted events (deferred
        updates, repaints) are drained until the event queue is empty."""
        from tracker import services as sv

        window = next(w for w in self.app.topLevelWidgets() if isinstance(w, QMainWindow))
        ctx = window.ctx  # type: ignore[attr-defined]
        today = ctx.today()
        runs = []
        for k in range(PAYMENTS):
            start = time.perf_counter()
            result = ctx.act(
                window,
                "Record payment",
                sv.record_payment,
                self.pay_plan,
                100,  # 1.00 in minor units
                today,
                today,
                method="bench",
                note=f"benchmark payment {k}",
                plan_id=self.pay_plan,
            )
            _drain(self.app)
            runs.append((time.perf_counter() - start) * 1000)
            if result is None:
                self.times["pay_error"] = "the payment was refused"
                break
        self.times["pay_ms"] = runs
        self.app.quit()


def _drain(app: QApplication) -> None:
    """Process events until a zero-timer fires twice in a row with nothing else to do."""
    for _ in range(3):
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents)
        loop = QEventLoop()
        QTimer.singleShot(0, loop.quit)
        loop.exec()


def main(argv: list[str]) -> int:
    mode = argv[0] if argv else "bare"
    app = QApplication([sys.argv[0]])
    pay_plan = int(argv[argv.index("--pay") + 1]) if "--pay" in argv else None
    watcher = Watcher(app, want_data=mode == "app", pay_plan=pay_plan)
    QTimer.singleShot(TIMEOUT_S * 1000, app.quit)
    if mode == "bare":

        class Bare(QMainWindow):
            def paintEvent(self, event: QPaintEvent) -> None:
                super().paintEvent(event)
                watcher.painted()

        window = Bare()
        window.setWindowTitle("bare")
        window.resize(1100, 720)
        window.show()
        status = app.exec()
    else:
        from tracker.ui import main_window  # imported by the app before its first paint anyway

        original = main_window.MainWindow.__init__

        def init(self: Any, *args: Any, **kwargs: Any) -> None:
            original(self, *args, **kwargs)
            self.first_painted.connect(watcher.painted)

        main_window.MainWindow.__init__ = init  # type: ignore[method-assign]
        screen_named = main_window.MainWindow.screen_named

        def named(self: Any, name: str) -> Any:
            screen = screen_named(self, name)
            watcher.watch_overview(self)  # before the Overview's first paint
            return screen

        main_window.MainWindow.screen_named = named  # type: ignore[method-assign]
        from tracker.__main__ import main as tracker_main

        status = tracker_main(["--db", argv[1]])
    print(json.dumps({k: v for k, v in watcher.times.items() if not k.endswith("_pending")}))
    sys.stdout.flush()
    return int(status)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

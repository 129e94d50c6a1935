"""Time from process start to the main window's first paint and to the Overview's data painted,
against a bare PySide6 ``QMainWindow`` launched the same way (not a test: run it and read).

    uv run python benchmarks/gui_startup.py LEDGER.sqlite3 [--runs 5]

Each run is a fresh ``python`` process (offscreen, a bytecode cache in ``/tmp/pycache`` as an
installed app has, private settings); the child prints wall-clock stamps that the parent
subtracts from the moment it started the process. Medians are printed with their ratios to
the bare window (issue 9 targets: first window <= 1.5x, Overview data <= 2.5x).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BARE = r"""
import sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv)
class Spy(QObject):
    def eventFilter(self, obj, ev):
        if ev.type() == QEvent.Type.Paint and obj is w:
            print("first", time.time(), flush=True)
            QTimer.singleShot(0, app.quit)
            app.removeEventFilter(self)
        return False
spy = Spy(); app.installEventFilter(spy)
w = QMainWindow(); w.resize(1200, 800); w.show()
app.exec()
"""

APP = r"""
import sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv)
seen = {}
def stamp(key):
    if key not in seen:
        seen[key] = time.time()
        print(key, seen[key], flush=True)
class Spy(QObject):
    def eventFilter(self, obj, ev):
        if ev.type() == QEvent.Type.Paint:
            if isinstance(obj, QMainWindow):
                stamp("first")
            w = obj.window()
            ov = getattr(w, "overview", None)
            if ov is not None and getattr(ov, "data", None) is not None:
                owed = getattr(ov, "owed_card", None)
                if owed is not None and (obj is owed.value or ov.data.empty):
                    stamp("overview")
            if type(obj).__name__ == "FigureCanvasQTAgg":
                stamp("chart")
                QTimer.singleShot(50, app.quit)
        return False
spy = Spy(); app.installEventFilter(spy)
QTimer.singleShot(20000, app.quit)
from tracker.app import run_gui
run_gui(sys.argv[1])
"""


def run(code: str, args: list[str], env: dict[str, str]) -> dict[str, float]:
    start = time.time()
    out = subprocess.run(
        [sys.executable, "-c", code, *args], env=env, capture_output=True, text=True, check=True
    ).stdout
    stamps = {}
    for line in out.splitlines():
        key, _, value = line.partition(" ")
        stamps[key] = float(value) - start
    return stamps


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("ledger")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env.update(
            PYTHONPYCACHEPREFIX="/tmp/pycache",
            QT_QPA_PLATFORM="offscreen",
            XDG_CONFIG_HOME=tmp,
            HOME=tmp,
        )
        db = Path(tmp) / "ledger.sqlite3"
        shutil.copy(args.ledger, db)
        run(BARE, [], env)  # warm the bytecode cache and the OS file cache
        run(APP, [str(db)], env)
        bare, first, overview, chart = [], [], [], []
        for _ in range(args.runs):
            bare.append(run(BARE, [], env)["first"])
            s = run(APP, [str(db)], env)
            first.append(s["first"])
            overview.append(s.get("overview", float("nan")))
            chart.append(s.get("chart", float("nan")))
    b = statistics.median(bare)
    for label, values, target in (
        ("bare QMainWindow first paint", bare, None),
        ("tracker first paint", first, 1.5),
        ("tracker Overview data painted", overview, 2.5),
        ("tracker first chart painted", chart, None),
    ):
        m = statistics.median(values)
        goal = f"  target <= {target}x" if target else ""
        print(f"{label:<34} {m * 1000:7.0f} ms  {m / b:5.2f}x{goal}")


if __name__ == "__main__":
    main()

"""The Qt binding must not corrupt the interpreter.

PySide6-Essentials 6.12.0 on Python 3.11 drops a reference to ``None`` on every call of a
method returning nothing; after ~10 000 calls the interpreter aborts ("none_dealloc"), which
in the app means a crash after some minutes of repainting. pyproject.toml excludes it; this
test (in a child process, so a crash fails it instead of killing pytest) keeps it excluded.
"""

from __future__ import annotations

import os
import subprocess
import sys

PROBE = """
import sys
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication([])
label = QLabel()
before = sys.getrefcount(None)
for _ in range(30000):
    label.setText("x")
print(sys.getrefcount(None) - before)
"""


def test_void_calls_leave_none_refcount_alone() -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    run = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, env=env)
    assert run.returncode == 0, run.stderr[-500:]
    assert abs(int(run.stdout.strip())) < 100

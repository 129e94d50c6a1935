"""`tracker quote` and `tracker --help` stay light: no SQLAlchemy, Qt or matplotlib is loaded.

Those cost ~0.9 s of start-up; commands that need them import them when they run.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

PROBE = """
import contextlib, io, sys
from tracker.cli import main
with contextlib.redirect_stdout(io.StringIO()):
    code = main(sys.argv[1:])
heavy = sorted(m for m in ("sqlalchemy", "PySide6", "matplotlib", "alembic") if m in sys.modules)
print(code, ",".join(heavy))
"""


@pytest.mark.parametrize(
    "argv",
    [
        [
            "quote",
            "--model",
            "flat",
            "--principal",
            "3600",
            "--periods",
            "12",
            "--rate",
            "0.6",
            "--first-due",
            "2024-01-31",
        ],
        [
            "quote",
            "--model",
            "flat",
            "--principal",
            "3600",
            "--periods",
            "12",
            "--rate",
            "0.6",
            "--first-due",
            "2024-01-31",
            "--json",
        ],
    ],
)
def test_quote_loads_no_database_or_gui_stack(argv: list[str]) -> None:
    out = subprocess.run(
        [sys.executable, "-c", PROBE, *argv], capture_output=True, text=True, check=True
    ).stdout.split()
    assert out[0] == "0"
    assert out[1:] == [], f"`tracker {argv[0]}` imported {out[1:]}"

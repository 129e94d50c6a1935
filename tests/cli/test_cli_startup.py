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


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        ([], (True, None)),
        (["--db", "/tmp/x.sqlite3"], (True, "/tmp/x.sqlite3")),
        (["--db=/tmp/x.sqlite3"], (True, "/tmp/x.sqlite3")),
        (["--db="], (True, "")),
        (["--db", "-x"], (False, None)),  # argparse reports the missing value
        (["--db"], (False, None)),
        (["--help"], (False, None)),
        (["due"], (False, None)),
        (["--db", "x", "due"], (False, None)),
        (["--d", "x"], (False, None)),  # abbreviations: the parser decides
    ],
)
def test_only_an_app_argv_skips_the_cli_parser(argv: list[str], expected: object) -> None:
    """`tracker` / `tracker --db DB` open the window without building every command's parser;
    the value is the one argparse would give ``run_gui``."""
    from tracker.__main__ import gui_database
    from tracker.cli import build_parser

    assert gui_database(argv) == expected
    if expected[0]:  # type: ignore[index]
        args = build_parser().parse_args(argv)
        assert (args.command, args.db) == (None, expected[1])  # type: ignore[index]

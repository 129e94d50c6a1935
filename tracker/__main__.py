"""Entry point: `tracker` with a command runs the CLI; with none it opens the app."""

from __future__ import annotations

import sys


def gui_database(argv: list[str]) -> tuple[bool, str | None]:
    """``(True, db)`` when ``argv`` asks only for the app (``[]``, ``--db DB``, ``--db=DB``):
    then the window opens without building the CLI's parser or importing its commands. Any
    other ``argv`` (a command, ``--help``, an option's value that looks like an option, a
    mistake) goes to the CLI, which parses and reports it as before."""
    if not argv:
        return True, None
    if len(argv) == 1 and argv[0].startswith("--db="):
        return True, argv[0][len("--db=") :]
    if len(argv) == 2 and argv[0] == "--db" and not argv[1].startswith("-"):
        return True, argv[1]
    return False, None


def main(argv: list[str] | None = None) -> int:
    """Run the `tracker` command and return its exit status."""
    args = sys.argv[1:] if argv is None else argv
    gui, db = gui_database(args)
    if gui:
        from tracker.app import run_gui

        return run_gui(db)
    from tracker.cli import main as cli_main

    return cli_main(args)


if __name__ == "__main__":
    sys.exit(main())

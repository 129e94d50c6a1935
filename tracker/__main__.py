"""Entry point: `tracker` with a command runs the CLI; with none it opens the app."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    """Run the `tracker` command and return its exit status."""
    from tracker.cli import main as cli_main

    return cli_main(sys.argv[1:] if argv is None else argv)


if __name__ == "__main__":
    sys.exit(main())

"""CSV export/import and the calendar feed commands (filled in by the outputs work)."""

from __future__ import annotations

import argparse


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add `export`, `import` and `ics` to the `tracker` parser."""

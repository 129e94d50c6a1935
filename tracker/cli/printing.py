"""The PDF commands `calendar` and `schedule` (filled in by the printing work)."""

from __future__ import annotations

import argparse


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add `calendar` and `schedule` to the `tracker` parser."""

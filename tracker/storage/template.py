"""A new, empty database at the newest schema, made once from the migrations.

Creating a database replays every migration (Alembic and its imports: 0.45 s, most of the
first import's time); a new file is instead a copy of ``empty_schema.sqlite3``, the file those
migrations make (``make_template``). A test rebuilds it from the migrations and compares
schema, pragmas and rows, so it cannot drift from them: after a new migration, run
``python -m tracker.storage.template`` and commit the file.
"""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

__all__ = ["TEMPLATE", "make_template", "template_bytes"]

TEMPLATE = Path(__file__).resolve().with_name("empty_schema.sqlite3")


def template_bytes(revision: str) -> bytes | None:
    """The template's bytes when it is a database at ``revision``; else None (build it from
    the migrations)."""
    try:
        data = TEMPLATE.read_bytes()
    except OSError:
        return None
    try:
        with closing(sqlite3.connect(f"{TEMPLATE.as_uri()}?mode=ro&immutable=1", uri=True)) as con:
            row = con.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.Error:
        return None
    return data if row is not None and row[0] == revision else None


def make_template(target: Path = TEMPLATE) -> Path:
    """Build the template from the migrations (what ``open_database`` makes of a new file)."""
    from tracker.storage.migrate import upgrade

    tmp = target.with_name(target.name + ".tmp")
    tmp.unlink(missing_ok=True)
    tmp.touch(mode=0o600)
    upgrade(tmp, backup=False)
    with closing(sqlite3.connect(tmp)) as con:  # no -wal beside it: all in the file
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    tmp.replace(target)
    return target


if __name__ == "__main__":
    print(make_template())

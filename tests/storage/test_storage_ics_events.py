"""Revision 0007 on the committed revision-0001 file: every installment gets its calendar-feed
row, settled by the upgrade's audit (none left pending), with the SEQUENCE the feed of older
versions published (the plan's payments plus its voided payments), so no event goes back; the
audit and the feed agree. An upgrade that stops before 0007 still works (no table yet)."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from datetime import UTC, date, datetime
from pathlib import Path

import icalendar

from tracker.reports.ics import event_uid
from tracker.services import transfer
from tracker.services.audit import audit
from tracker.storage import open_database
from tracker.storage.migrate import upgrade


def rows(path: Path, sql: str) -> list[tuple]:
    with closing(sqlite3.connect(path)) as con:
        return con.execute(sql).fetchall()


def test_0007_fills_a_row_per_installment_with_the_old_sequence(v1_copy: Path) -> None:
    old = dict(
        rows(v1_copy, "SELECT plan_id, count(*) + sum(voided) FROM payments GROUP BY plan_id")
    )
    assert old == {1: 5, 2: 1, 3: 1}
    installments = rows(v1_copy, "SELECT plan_id, period FROM installments ORDER BY 1, 2")
    with open_database(v1_copy) as db:
        report = audit(db)
        assert report.ok, report.mismatches
        as_of = date(2020, 1, 1)  # before anything is due: nothing counted as overdue
        data, _ = transfer.calendar_feed(db, as_of, datetime(2020, 1, 1, tzinfo=UTC))
    stored = rows(v1_copy, "SELECT plan_id, period, state, sequence FROM ics_events ORDER BY 1, 2")
    assert [(p, n) for p, n, _, _ in stored] == installments
    assert all(state in ("owed", "paid", "archived") for _, _, state, _ in stored)
    assert all(s == old.get(p, 0) for p, _, _, s in stored)
    events = {str(e["UID"]): e for e in icalendar.Calendar.from_ical(data).walk("VEVENT")}
    for plan, period in installments:
        assert events[event_uid(plan, period)].decoded("SEQUENCE") == old.get(plan, 0)


def test_an_upgrade_to_an_older_revision_needs_no_feed_table(v1_copy: Path) -> None:
    upgrade(v1_copy, target="0005")
    names = {n for (n,) in rows(v1_copy, "SELECT name FROM sqlite_master WHERE type='table'")}
    assert "plans" in names and "ics_events" not in names
    with open_database(v1_copy) as db:  # then on to the head
        assert audit(db).ok
    assert rows(v1_copy, "SELECT count(*) FROM ics_events WHERE state = 'pending'") == [(0,)]

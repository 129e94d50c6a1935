"""The reminder summary: counts, totals, text in both languages, and the once-a-day rule."""

from __future__ import annotations

import stat
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from pathlib import Path

from tests.services.conftest import reference_terms
from tracker import services as sv
from tracker.services import reminders as rm
from tracker.storage.engine import Database

FEB29 = date(2024, 2, 29)


def _four(add: Callable[..., int]) -> None:
    """Overdue + due today (reference plan), in grace (3 days), due within 7 days."""
    add("Xiaomi 14")  # 321.60 due 01-31 (overdue on 02-29) and 02-29 (due today)
    add("Card", terms=reference_terms(first_due=date(2024, 2, 27)), grace_days=3)
    add(
        "花呗",
        terms=reference_terms(
            principal=100000, periods=3, rate=Decimal("0.007"), first_due=date(2024, 3, 4)
        ),
    )  # 340.34 due 03-04


def test_counts_totals_and_text_in_both_languages(db: Database, add: Callable[..., int]) -> None:
    _four(add)
    r = rm.reminder(db, FEB29, 7)
    assert (r.count, r.overdue, r.grace, r.due_today, r.due_soon) == (4, 1, 1, 1, 1)
    assert r.totals == (("CNY", 130514),)
    assert rm.summary_text(r, "en") == (
        "4 payments need attention: ¥1,305.14; "
        "1 overdue, 1 in grace, 1 due today, 1 due within 7 days"
    )
    assert rm.summary_text(r, "zh_CN") == (
        "4 笔还款需要处理：共 ¥1,305.14；逾期 1 笔，宽限期内 1 笔，今天到期 1 笔，7 天内到期 1 笔"
    )
    js = rm.summary_json(r)
    assert (js["count"], js["total_minor"], js["total"], js["currency"]) == (
        4,
        130514,
        "1305.14",
        "CNY",
    )
    assert [i["amount_due"] for i in js["items"]] == ["321.60", "321.60", "321.60", "340.34"]


def test_singular_and_nothing(db: Database, add: Callable[..., int]) -> None:
    add()
    one = rm.reminder(db, date(2024, 1, 30), 1)
    assert rm.summary_text(one, "en") == "1 payment needs attention: ¥321.60; 1 due within 1 day"
    assert rm.summary_text(one, "zh_CN") == "1 笔还款需要处理：共 ¥321.60；1 天内到期 1 笔"
    none = rm.reminder(db, date(2024, 1, 20), 7)
    assert none.count == 0
    assert rm.summary_text(none, "en") == "Nothing needs attention."
    assert rm.summary_text(none, "zh_CN") == "没有需要处理的还款。"
    assert not rm.should_show(none, None)


def test_once_a_day(db: Database, add: Callable[..., int], tmp_path: Path) -> None:
    pid = add()
    state = tmp_path / "state" / "reminders.json"
    key = str(db.path)
    first = rm.reminder(db, FEB29, 7)
    assert rm.should_show(first, rm.last_shown(state, key))
    rm.remember_shown(state, key, first)
    assert stat.S_IMODE(state.stat().st_mode) == 0o600
    assert stat.S_IMODE(state.parent.stat().st_mode) == 0o700
    # the same items on the same day: not again
    assert not rm.should_show(rm.reminder(db, FEB29, 7), rm.last_shown(state, key))
    # another database keeps its own record
    assert rm.last_shown(state, "/other.sqlite3") is None
    # the next day: shown again (the same items, now one more day overdue)
    assert rm.should_show(rm.reminder(db, date(2024, 3, 1), 7), rm.last_shown(state, key))
    # something changed the same day (a payment): shown
    sv.record_payment(db, pid, 32160, FEB29, FEB29)
    changed = rm.reminder(db, FEB29, 7)
    assert changed.count == 1 and changed.fingerprint != first.fingerprint
    assert rm.should_show(changed, rm.last_shown(state, key))


def test_notify_says_why_without_a_bus() -> None:
    env = {"PATH": "/usr/bin:/bin"}
    try:
        rm.send_desktop_notification("t", "b", env)
    except rm.NotifyError as exc:
        assert "DBUS_SESSION_BUS_ADDRESS is not set" in str(exc)
    else:
        raise AssertionError("sent without a bus")


def test_notify_calls_notify_on_the_session_bus(tmp_path: Path) -> None:
    """gdbus replaced by a script that records its arguments and answers like the real one."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    log = tmp_path / "args"
    fake = bin_dir / "gdbus"
    fake.write_text(f'#!/bin/sh\nprintf "%s\\n" "$@" > {log}\necho "(uint32 7,)"\n')
    fake.chmod(0o755)
    env = {"PATH": str(bin_dir), "DBUS_SESSION_BUS_ADDRESS": "unix:path=/nonexistent"}
    assert rm.send_desktop_notification("分期账本", "it's ¥1 \\ 2", env) == 7
    args = log.read_text(encoding="utf-8").splitlines()
    assert args[:9] == [
        "call",
        "--session",
        "--dest",
        "org.freedesktop.Notifications",
        "--object-path",
        "/org/freedesktop/Notifications",
        "--method",
        "org.freedesktop.Notifications.Notify",
        "'Installment Tracker'",
    ]
    assert args[9:] == [
        "0",
        "'appointment-soon'",
        "'分期账本'",
        "'it\\'s ¥1 \\\\ 2'",
        "@as []",
        "@a{sv} {}",
        "15000",
    ]


def test_notify_without_a_service_says_so(tmp_path: Path) -> None:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    fake = bin_dir / "gdbus"
    fake.write_text("#!/bin/sh\necho 'Error: GDBus.Error:ServiceUnknown' >&2\nexit 1\n")
    fake.chmod(0o755)
    env = {"PATH": str(bin_dir), "DBUS_SESSION_BUS_ADDRESS": "unix:path=/nonexistent"}
    try:
        rm.send_desktop_notification("t", "b", env)
    except rm.NotifyError as exc:
        assert str(exc) == (
            "no notification service answered on the session bus "
            "(Error: GDBus.Error:ServiceUnknown)"
        )
    else:
        raise AssertionError("reported as sent")

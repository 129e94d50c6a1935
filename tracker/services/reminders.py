"""Reminders: one summary of what needs attention, shown at most once a day per set of items.

What needs attention is ``reads.needs_attention`` (through ``payments.due``): overdue, in grace,
due today or due within the reminder window, with something still owed. ``reminder`` counts
those and totals them per currency; ``summary_text`` says it in one line in English or
Chinese ("3 payments need attention: ¥1,615.59; 1 overdue, 2 due within 7 days");
``fingerprint`` identifies the items (plan, period, amount, state) so ``should_show`` can keep
the once-a-day rule: the same items on the same day are not shown again, a change or a new day
shows them. Every "today" is passed in.

``send_desktop_notification`` sends the text as a freedesktop notification over the session
bus with ``gdbus`` (GLib's command-line D-Bus client), and says why when it cannot.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from tracker.domain.ledger import Status
from tracker.domain.money import format_amount, format_money
from tracker.domain.rows import InstallmentRow

if TYPE_CHECKING:
    from tracker.storage.engine import Database

__all__ = [
    "Reminder",
    "last_shown",
    "remember_shown",
    "reminder",
    "send_desktop_notification",
    "should_show",
    "summary_text",
]

APP_NAME = "installment-tracker"
STATE_FILE = "reminders.json"


@dataclass(frozen=True, slots=True)
class Reminder:
    """What needs attention as of a date.

    Attributes:
        as_of: the day it was computed for.
        within: the reminder window in days (due by ``as_of + within`` counts).
        items: the installments, oldest due date first (``payments.due``).
        overdue / grace / due_today / due_soon: how many are in each state.
        totals: (currency, minor units still owed) per currency, by currency code.
        fingerprint: identifies the items and their amounts and states (``should_show``).
    """

    as_of: date
    within: int
    items: tuple[InstallmentRow, ...]
    overdue: int
    grace: int
    due_today: int
    due_soon: int
    totals: tuple[tuple[str, int], ...]
    fingerprint: str

    @property
    def count(self) -> int:
        """How many installments need attention."""
        return len(self.items)


def fingerprint(items: tuple[InstallmentRow, ...] | list[InstallmentRow]) -> str:
    """A short hash of each item's plan, period, amount owed and state (order-independent)."""
    keys = sorted(f"{i.plan_id}:{i.period}:{i.amount_due}:{i.status.value}" for i in items)
    return hashlib.sha256("\n".join(keys).encode()).hexdigest()[:16]


def reminder(db: Database, as_of: date, within: int) -> Reminder:
    """What is overdue, in grace, due today or due within ``within`` days of ``as_of``."""
    from .payments import due  # SQLAlchemy: only for a database opened the full way

    return reminder_of(due(db, as_of, within), as_of, within)


def reminder_of(rows: Iterable[InstallmentRow], as_of: date, within: int) -> Reminder:
    """The reminder for the rows ``services.due(db, as_of, within)`` returns (e.g. the
    Overview's attention list, ``Dashboard.due``, read with the same date and window)."""
    items = tuple(rows)
    counts = {s: sum(1 for i in items if i.status is s) for s in Status}
    totals: dict[str, int] = {}
    for i in items:
        totals[i.currency] = totals.get(i.currency, 0) + i.amount_due
    return Reminder(
        as_of=as_of,
        within=within,
        items=items,
        overdue=counts[Status.OVERDUE],
        grace=counts[Status.GRACE],
        due_today=counts[Status.DUE_TODAY],
        due_soon=len(items)
        - counts[Status.OVERDUE]
        - counts[Status.GRACE]
        - counts[Status.DUE_TODAY],
        totals=tuple(sorted(totals.items())),
        fingerprint=fingerprint(items),
    )


def summary_text(
    r: Reminder, language: str = "en", money: Callable[[int, str], str] = format_money
) -> str:
    """One line for a notification, in "en" or "zh_CN"; ``money`` formats each total."""
    total = " + ".join(money(minor, cur) for cur, minor in r.totals)
    if language == "zh_CN":
        if not r.count:
            return "没有需要处理的还款。"
        parts = [
            f"{label} {n} 笔"
            for label, n in (
                ("逾期", r.overdue),
                ("宽限期内", r.grace),
                ("今天到期", r.due_today),
                (f"{r.within} 天内到期", r.due_soon),
            )
            if n
        ]
        return f"{r.count} 笔还款需要处理：共 {total}；" + "，".join(parts)
    if not r.count:
        return "Nothing needs attention."
    days = "1 day" if r.within == 1 else f"{r.within} days"
    parts = [
        f"{n} {label}"
        for label, n in (
            ("overdue", r.overdue),
            ("in grace", r.grace),
            ("due today", r.due_today),
            (f"due within {days}", r.due_soon),
        )
        if n
    ]
    head = "1 payment needs attention" if r.count == 1 else f"{r.count} payments need attention"
    return f"{head}: {total}; " + ", ".join(parts)


def summary_json(r: Reminder) -> dict[str, object]:
    """The summary as JSON-ready values (amounts as decimal strings; see the README)."""
    single = r.totals[0][0] if len(r.totals) == 1 else None
    return {
        "as_of": r.as_of.isoformat(),
        "within": r.within,
        "count": r.count,
        "overdue": r.overdue,
        "grace": r.grace,
        "due_today": r.due_today,
        "due_soon": r.due_soon,
        "currency": single,
        "total_minor": r.totals[0][1] if single else (0 if not r.totals else None),
        "total": format_amount(r.totals[0][1], single) if single else None,
        "totals": [
            {"currency": c, "total_minor": m, "total": format_amount(m, c)} for c, m in r.totals
        ],
        "fingerprint": r.fingerprint,
        "items": [
            {
                "plan_id": i.plan_id,
                "plan_name": i.plan_name,
                "period": i.period,
                "due_date": i.due_date.isoformat(),
                "currency": i.currency,
                "amount_due": format_amount(i.amount_due, i.currency),
                "amount_due_minor": i.amount_due,
                "status": i.status.value,
                "days_overdue": i.days_overdue,
            }
            for i in r.items
        ],
    }


# -- the once-a-day rule --------------------------------------------------------------------


def should_show(r: Reminder, last: tuple[date, str] | None) -> bool:
    """Whether to show ``r``: something needs attention and it was not shown already on
    ``r.as_of`` for the same items (``last``: the day and fingerprint last shown)."""
    if not r.count:
        return False
    return last is None or last != (r.as_of, r.fingerprint)


def state_path(env: Mapping[str, str] | None = None) -> Path:
    """The CLI's reminder state file, in the user's state folder
    (``$XDG_STATE_HOME/installment-tracker/reminders.json`` on Linux)."""
    env = os.environ if env is None else env
    base = env.get("XDG_STATE_HOME")
    if base:
        return Path(base) / APP_NAME / STATE_FILE
    import platformdirs

    return Path(platformdirs.user_state_dir(APP_NAME, appauthor=False)) / STATE_FILE


def _read_state(path: Path) -> dict[str, object]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def last_shown(path: Path, key: str) -> tuple[date, str] | None:
    """The day and fingerprint last shown for the database ``key``, or None."""
    entry = _read_state(path).get(key)
    if not isinstance(entry, dict):
        return None
    try:
        return date.fromisoformat(str(entry["date"])), str(entry["fingerprint"])
    except (KeyError, ValueError):
        return None


def remember_shown(path: Path, key: str, r: Reminder) -> None:
    """Store that ``r`` was shown for the database ``key`` (file 0600, folder 0700)."""
    data = _read_state(path)
    data[key] = {"date": r.as_of.isoformat(), "fingerprint": r.fingerprint}
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        json.dump(data, f, ensure_ascii=False)
    os.chmod(tmp, 0o600)
    os.replace(tmp, path)


# -- desktop notification -------------------------------------------------------------------


class NotifyError(Exception):
    """The notification could not be sent; the message says why, for people."""


def _text(value: str) -> str:
    """A GVariant string literal (gdbus parses every argument as GVariant text)."""
    return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'"


def send_desktop_notification(
    title: str,
    body: str,
    env: Mapping[str, str] | None = None,
    timeout_ms: int = 15000,
    actions: tuple[str, ...] = (),
) -> int:
    """Send a freedesktop notification (org.freedesktop.Notifications.Notify) on the session
    bus; return its id. ``actions``: (key, label) pairs flattened, e.g. ``("default", "Open")``
    makes a click on the notification an ``ActionInvoked`` signal. Raise NotifyError saying
    plainly why it was not sent."""
    env = dict(os.environ if env is None else env)
    if not env.get("DBUS_SESSION_BUS_ADDRESS"):
        raise NotifyError(
            "no desktop session bus (DBUS_SESSION_BUS_ADDRESS is not set), so no notification "
            "was sent"
        )
    gdbus = shutil.which("gdbus", path=env.get("PATH"))
    if gdbus is None:
        raise NotifyError(
            "gdbus is not installed (Debian/Ubuntu: libglib2.0-bin), so no notification was sent"
        )
    args = [
        gdbus, "call", "--session",
        "--dest", "org.freedesktop.Notifications",
        "--object-path", "/org/freedesktop/Notifications",
        "--method", "org.freedesktop.Notifications.Notify",
        _text("Installment Tracker"), "0", _text("appointment-soon"), _text(title),
        _text(body), "@as [" + ", ".join(map(_text, actions)) + "]", "@a{sv} {}", str(timeout_ms),
    ]  # fmt: skip
    import subprocess  # not at import: the app decides at start-up whether to open on the list

    try:
        done = subprocess.run(args, env=env, capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise NotifyError(f"the session bus did not answer ({exc})") from None
    if done.returncode != 0:
        why = (done.stderr.strip().splitlines() or ["no answer"])[-1]
        raise NotifyError(f"no notification service answered on the session bus ({why})")
    found = re.search(r"uint32 (\d+)", done.stdout)  # gdbus prints "(uint32 7,)"
    return int(found.group(1)) if found else 0

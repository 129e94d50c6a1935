"""`tracker remind`: the reminder summary for scripts and schedulers (cron, systemd timers).

Exit status 0 when nothing needs attention, 1 when something does, 2 on an error.
"""

from __future__ import annotations

import argparse
import os
import sys
from datetime import date

from tracker.services import reminders as rm

from .common import option, parse_date, print_json
from .output import days_option as _days
from .quick import open_reader


def system_language(env: dict[str, str] | os._Environ[str]) -> str:
    """ "zh_CN" when the locale variables ask for Chinese, else "en"."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name)
        if value:
            return "zh_CN" if value.lower().startswith("zh") else "en"
    return "en"


def remind(args: argparse.Namespace, today: date) -> int:
    """`tracker remind [--within N] [--as-of D] [--notify] [--force] [--json] [--lang L]`."""
    as_of = option("--as-of", parse_date, args.as_of) if args.as_of is not None else today
    within = option("--within", _days, args.within)
    reader = open_reader(args)  # an up-to-date file: read without SQLAlchemy
    if reader is not None:
        from tracker.storage.sql_reads import due_rows

        try:
            r = rm.reminder_of(reader.run(lambda con: due_rows(con, as_of, within)), as_of, within)
        finally:
            reader.close()
        path = reader.path
    else:
        from .ledger import open_db

        db = open_db(args)
        r, path = rm.reminder(db, as_of, within), db.path
    language = system_language(os.environ) if args.lang == "system" else args.lang
    text = rm.summary_text(r, language)
    if args.json:
        print_json(rm.summary_json(r))
    else:
        print(text)
        for i in r.items:
            late = (
                f" ({i.days_overdue} day{'' if i.days_overdue == 1 else 's'} overdue)"
                if i.days_overdue
                else ""
            )
            print(
                f"  {i.due_date.isoformat()}  {i.plan_name} #{i.period}  "
                f"{rm.format_amount(i.amount_due, i.currency)} {i.currency}  "
                f"{i.status.value}{late}"
            )
    if args.notify:
        _notify(r, text, language, str(path), args.force)
    return 1 if r.count else 0


def _notify(r: rm.Reminder, text: str, language: str, key: str, force: bool) -> None:
    if not r.count:
        return
    path = rm.state_path()
    if not force and not rm.should_show(r, rm.last_shown(path, key)):
        print(
            "tracker remind: already notified today about the same items (--force sends again)",
            file=sys.stderr,
        )
        return
    title = "分期账本" if language == "zh_CN" else "Installment Tracker"
    try:
        rm.send_desktop_notification(title, text)
    except rm.NotifyError as exc:
        print(f"tracker remind: not notified: {exc}", file=sys.stderr)
        return
    rm.remember_shown(path, key, r)

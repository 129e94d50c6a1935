"""The calendar feed: an RFC 5545 iCalendar file with one all-day event per installment.

Built with the ``icalendar`` library; the output depends only on its inputs (the DTSTAMP is
passed in), so the same ledger gives the same bytes.

- UID ``plan-<plan id>-period-<n>@installment-tracker``: importing the feed again updates the
  events instead of duplicating them.
- All-day on the due date (``DTSTART;VALUE=DATE``, DTEND the next day), shown as free time.
- An installment still owed (of a plan neither archived nor closed) is ``STATUS:CONFIRMED`` with
  SUMMARY ``<plan name> · 第<n>/<periods>期 <amount still due>``, e.g. ``小米14 · 第3/12期
  ¥321.60`` (``… 逾期 Overdue ¥321.60`` once overdue), and a display alarm at 09:00
  ``alarm_days`` days before the due date (the default
  1 gives ``TRIGGER:-PT15H``: all-day events start at midnight), as calendar apps set all-day
  reminders.
- A paid installment, or any installment of an archived or closed plan, stays in the feed
  under the same UID as ``STATUS:CANCELLED`` without an alarm, its SUMMARY saying why
  (``小米14 · 第3/12期 已还 ¥321.60``, ``… 已归档 …``): a calendar that imported the event
  before updates it instead of keeping a stale reminder.
- The events of a deleted plan (or of periods an edit removed) stay in the feed for a year as
  ``STATUS:CANCELLED`` (``… 已删除 ¥321.60``), so a calendar that imported them drops them.
  ``METHOD:PUBLISH`` stays: RFC 5546 §3.2.1 allows STATUS CANCELLED in a published VEVENT, and
  a feed mixing live and cancelled events is not an iTIP CANCEL.
- ``SEQUENCE`` is the event's revision, given by the caller (``services.export.calendar_feed``
  from ``storage.ics_events``): it rises by one whenever the event's date, amount or status
  changes (RFC 5545 §3.8.7.4), including when it turns overdue. Changes that are not
  revisions (a new name, the days-overdue count) are told by a later DTSTAMP.
- DESCRIPTION: the details in Chinese and English.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import icalendar

from tracker.domain.money import format_money
from tracker.domain.plan import Charge
from tracker.domain.rows import InstallmentRow

__all__ = ["PRODID", "FeedEvent", "calendar_ics", "event_uid", "summary"]

PRODID = "-//Installment Tracker//installment-tracker//EN"
UID_DOMAIN = "installment-tracker"
ALARM_HOUR = 9
MAX_ALARM_DAYS = 365

_STATUS = {
    "upcoming": "未到期 Upcoming",
    "due_soon": "即将到期 Due soon",
    "due_today": "今天到期 Due today",
    "grace": "宽限期内 In grace period",
    "overdue": "已逾期 Overdue",
    "partial": "部分已还 Partly paid",
    "paid": "已还清 Paid",
}


@dataclass(frozen=True, slots=True)
class FeedEvent:
    """One installment of the feed with its revision.

    Attributes:
        item: the installment and its status.
        sequence: the event's SEQUENCE (never lower than in an earlier feed).
        archived: the plan is archived or closed: the event is cancelled even if owed.
        deleted: the plan (or the period) was deleted: a tombstone, cancelled.
    """

    item: InstallmentRow
    sequence: int = 0
    archived: bool = False
    deleted: bool = False

    @property
    def active(self) -> bool:
        """Whether the event is a reminder (owed, plan in use) rather than cancelled."""
        return self.item.amount_due > 0 and not self.archived and not self.deleted


def event_uid(plan_id: int, period: int) -> str:
    """The stable UID of an installment's event."""
    return f"plan-{plan_id}-period-{period}@{UID_DOMAIN}"


def summary(item: InstallmentRow, archived: bool = False, deleted: bool = False) -> str:
    """``小米14 · 第3/12期 ¥321.60``: plan, period of periods, what is still due; an overdue one
    says so (``… 逾期 Overdue ¥321.60``: the calendar shows the title, not the description); for
    a paid installment ``… 已还 ¥321.60`` (what was paid), for an archived plan ``… 已归档 …``,
    for a deleted one ``… 已删除 …`` (what was owed, or the amount if it was paid)."""
    head = f"{item.plan_name} · 第{item.period}/{item.periods}期"
    if deleted:
        return f"{head} 已删除 {format_money(item.amount_due or item.total, item.currency)}"
    if item.amount_due == 0:
        return f"{head} 已还 {format_money(item.paid, item.currency)}"
    amount = format_money(item.amount_due, item.currency)
    if archived:
        return f"{head} 已归档 {amount}"
    return f"{head} 逾期 Overdue {amount}" if item.overdue else f"{head} {amount}"


_CHARGE = {Charge.FEE: "手续费/利息 Fee", Charge.INTEREST: "利息 Interest"}
"""How a period's charge is labelled: a loan's is interest (consumer events keep their label)."""


def description(item: InstallmentRow, archived: bool = False, deleted: bool = False) -> str:
    """The event's details, one per line, in Chinese and English."""
    cur = item.currency

    def money(minor: int) -> str:
        return format_money(minor, cur)

    title = f"{item.plan_name}（{item.platform}）" if item.platform else item.plan_name
    if deleted:
        return "\n".join(
            [
                title,
                f"第{item.period}/{item.periods}期 Period {item.period} of {item.periods}",
                f"到期日 Due: {item.due_date.isoformat()}",
                f"金额 Amount: {money(item.total)} · 未还 Unpaid: {money(item.remaining)}",
                "分期或此期已删除 The plan or this period was deleted",
            ]
        )
    lines = [
        title,
        f"第{item.period}/{item.periods}期 Period {item.period} of {item.periods}",
        f"到期日 Due: {item.due_date.isoformat()}",
        f"应还 Amount due: {money(item.amount_due)}",
        f"本金 Principal: {money(item.principal)} · {_CHARGE[item.charge]}: {money(item.fee)}",
    ]
    if item.paid:
        lines.append(f"已还 Paid: {money(item.paid)}")
    if item.penalty_charged:
        lines.append(f"罚息 Penalty: {money(item.penalty_charged)}")
    status = _STATUS.get(item.status, item.status)
    if item.days_overdue:
        status += f"（{item.days_overdue} 天 days）"
    lines.append(f"状态 Status: {status}")
    if archived:
        lines.append("分期已归档或已结清 The plan is archived or closed")
    return "\n".join(lines)


def calendar_ics(
    items: Iterable[InstallmentRow | FeedEvent],
    stamp: datetime,
    alarm_days: int = 1,
    name: str = "分期账本 Installment Tracker",
) -> bytes:
    """The feed of ``items``, stamped ``stamp`` (a UTC time): owed installments as reminders,
    paid ones (and those of archived plans) as cancelled events. A bare ``InstallmentRow`` is
    an event of SEQUENCE 0 of a plan in use."""
    if isinstance(alarm_days, bool) or not 0 <= alarm_days <= MAX_ALARM_DAYS:
        raise ValueError(f"the alarm must be from 0 to {MAX_ALARM_DAYS} days before")
    if stamp.tzinfo is None:
        raise ValueError("the DTSTAMP must be an aware (UTC) time")
    stamp = stamp.astimezone(UTC).replace(microsecond=0)
    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", name)
    trigger = timedelta(days=-alarm_days, hours=ALARM_HOUR)
    entries = [e if isinstance(e, FeedEvent) else FeedEvent(e) for e in items]
    for entry in sorted(entries, key=lambda e: (e.item.due_date, e.item.plan_id, e.item.period)):
        item = entry.item
        title = summary(item, entry.archived, entry.deleted)
        event = icalendar.Event()
        event.add("uid", event_uid(item.plan_id, item.period))
        event.add("dtstamp", stamp)
        event.add("sequence", entry.sequence)
        event.add("dtstart", item.due_date)
        event.add("dtend", item.due_date + timedelta(days=1))
        event.add("summary", title)
        event.add("description", description(item, entry.archived, entry.deleted))
        event.add("status", "CONFIRMED" if entry.active else "CANCELLED")
        event.add("transp", "TRANSPARENT")
        if entry.active:
            alarm = icalendar.Alarm()
            alarm.add("action", "DISPLAY")
            alarm.add("description", title)
            alarm.add("trigger", trigger)
            event.add_component(alarm)
        cal.add_component(event)
    data: bytes = cal.to_ical()
    return data

"""`tracker remind`: exit 0 when nothing needs attention, 1 when something does, 2 on errors."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from tests.cli.conftest import Result


def test_exit_status_by_content(run: Callable[..., Result], add_plan: Callable[..., int]) -> None:
    add_plan()
    nothing = run("remind", today=date(2024, 1, 10))
    assert (nothing.code, nothing.out) == (0, "Nothing needs attention.\n")
    some = run("remind", "--lang", "en", today=date(2024, 2, 29))
    assert some.code == 1
    assert some.out.splitlines()[0] == (
        "2 payments need attention: ¥643.20; 1 overdue, 1 due today"
    )
    zh = run("remind", "--lang", "zh_CN", "--within", "40", today=date(2024, 2, 29))
    assert zh.code == 1
    assert (
        zh.out.splitlines()[0]
        == "3 笔还款需要处理：共 ¥964.80；逾期 1 笔，今天到期 1 笔，40 天内到期 1 笔"
    )


def test_json(run: Callable[..., Result], add_plan: Callable[..., int]) -> None:
    add_plan()
    res = run("remind", "--json", "--as-of", "2024-02-29", "--within", "0")
    assert res.code == 1
    import json

    data = json.loads(res.out)
    assert {k: data[k] for k in ("count", "overdue", "grace", "due_today", "due_soon")} == {
        "count": 2,
        "overdue": 1,
        "grace": 0,
        "due_today": 1,
        "due_soon": 0,
    }
    assert (data["total_minor"], data["total"], data["currency"]) == (64320, "643.20", "CNY")
    assert [(i["due_date"], i["status"], i["amount_due"]) for i in data["items"]] == [
        ("2024-01-31", "overdue", "321.60"),
        ("2024-02-29", "due_today", "321.60"),
    ]


def test_errors_exit_2(run: Callable[..., Result], add_plan: Callable[..., int]) -> None:
    add_plan()
    assert "--within" in run("remind", "--within", "soon").one_line_error()
    assert "--as-of" in run("remind", "--as-of", "2024-13-01").one_line_error()


def test_notify_without_a_bus_says_so(
    run: Callable[..., Result], add_plan: Callable[..., int], monkeypatch: pytest.MonkeyPatch
) -> None:
    add_plan()
    monkeypatch.delenv("DBUS_SESSION_BUS_ADDRESS", raising=False)
    res = run("remind", "--notify", today=date(2024, 2, 29))
    assert res.code == 1
    assert res.err == (
        "tracker remind: not notified: no desktop session bus "
        "(DBUS_SESSION_BUS_ADDRESS is not set), so no notification was sent\n"
    )


@pytest.mark.skipif(
    not (shutil.which("dbus-run-session") and shutil.which("gdbus")),
    reason="needs dbus-run-session and gdbus",
)
def test_notify_on_a_bus_without_a_notification_service(db_file: Path, tmp_path: Path) -> None:
    """A real session bus (dbus-run-session) with no notification service: said on stderr, and
    the exit status still follows the content."""
    env = dict(os.environ)
    code = "import sys; from tracker.cli import main; sys.exit(main(sys.argv[1:]))"
    tracker = [sys.executable, "-c", code, "--db", str(db_file)]
    add = [*tracker, "plan", "add", "--name", "x", "--model", "flat", "--principal", "100"]
    add += ["--periods", "1", "--first-due", "2020-01-31", "--paid-periods", "0", "--rate", "0"]
    subprocess.run(add, env=env, check=True, capture_output=True)
    done = subprocess.run(
        ["dbus-run-session", "--", *tracker, "remind", "--notify", "--lang", "en"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 1, done.stderr
    assert done.stdout.startswith("1 payment needs attention: ¥100.00; 1 overdue\n")
    assert "tracker remind: not notified: no notification service answered" in done.stderr

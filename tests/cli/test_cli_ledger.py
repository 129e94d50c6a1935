"""`tracker plan add|list|show|archive|delete` and the CLI's error contract, on a real file.

Every user error exits 2 with exactly one line on stderr, no traceback, and leaves the
database as it was. Reference plan: see conftest (3600.00 / 12 / 0.6% flat from 2024-01-31).
"""

from __future__ import annotations

import io
import sys
from datetime import date

import pytest

REFERENCE = (
    "--model", "flat", "--principal", "3600", "--periods", "12", "--rate", "0.6",
    "--first-due", "2024-01-31", "--paid-periods", "0",
)  # fmt: skip


# --- plan add -----------------------------------------------------------------------------


def test_plan_add_json_prints_the_new_id(run):
    first = run("plan", "add", "--name", "A", *REFERENCE, "--json")
    assert first.json() == {"id": 1, "paid_before_tracking": 0}
    assert first.err == ""
    assert run("plan", "add", "--name", "B", *REFERENCE, "--json").json() == {
        "id": 2,
        "paid_before_tracking": 0,
    }


def test_plan_add_text_output(run):
    res = run("plan", "add", "--name", "  Xiaomi 14 ", *REFERENCE)
    assert (res.code, res.out, res.err) == (0, "Added plan 1: Xiaomi 14\n", "")


def test_plan_show_json_of_the_reference_plan(run, add_plan):
    pid = add_plan("--platform", "小米分期", "--notes", "白色")
    d = run("plan", "show", str(pid), "--json", "--as-of", "2024-01-01").json()
    installments = d.pop("installments")
    assert d == {
        "id": pid,
        "name": "Xiaomi 14",
        "platform": "小米分期",
        "notes": "白色",
        "currency": "CNY",
        "model": "flat",
        "principal": "3600.00",
        "periods": 12,
        "rate": "0.60",
        "first_due": "2024-01-31",
        "down_payment": "0.00",
        "upfront_fee": "0.00",
        "total_fee": "259.20",
        "total_cost": "259.20",
        "apr": "13.03",
        "effective_rate": "13.84",
        "paid": "0.00",
        "remaining": "3859.20",
        "status": "active",
        "archived": False,
        "closed_on": None,
        "holidays": None,
    }
    assert len(installments) == 12
    assert installments[0] == {
        "period": 1,
        "due_date": "2024-01-31",
        "principal": "300.00",
        "fee": "21.60",
        "total": "321.60",
        "paid": "0.00",
        "remaining": "321.60",
        "penalty": "0.00",
        "status": "upcoming",
        "days_overdue": 0,
        "before_tracking": False,
    }


def test_month_end_plan_due_dates_in_plan_show(run, add_plan):
    pid = add_plan()
    rows = run("plan", "show", str(pid), "--json").json()["installments"]
    assert [r["due_date"] for r in rows[:4]] == [
        "2024-01-31",
        "2024-02-29",
        "2024-03-31",
        "2024-04-30",
    ]
    assert rows[-1]["due_date"] == "2024-12-31"


def test_plan_add_default_first_due_is_a_month_after_today_or_the_purchase(run):
    base = ("--model", "flat", "--principal", "3600", "--periods", "12", "--rate", "0.6")
    a = run("plan", "add", "--name", "a", *base, "--json", today=date(2024, 1, 31)).json()["id"]
    b = run("plan", "add", "--name", "b", *base, "--purchase-date", "2023-12-31", "--json").json()[
        "id"
    ]
    first_a = run("plan", "show", str(a), "--json").json()
    first_b = run("plan", "show", str(b), "--json").json()
    assert first_a["first_due"] == "2024-02-29"
    assert [r["due_date"] for r in first_a["installments"][:2]] == ["2024-02-29", "2024-03-29"]
    assert first_b["first_due"] == "2024-01-31"


def test_chinese_names_round_trip(run):
    pid = run(
        "plan", "add", "--name", "小米14 手机", "--platform", "小米分期", *REFERENCE, "--json"
    ).json()["id"]
    shown = run("plan", "show", str(pid), "--json")
    assert "小米14 手机" in shown.out  # printed readably, not as \\u escapes
    assert (shown.json()["name"], shown.json()["platform"]) == ("小米14 手机", "小米分期")
    [row] = run("plan", "list", "--json").json()
    assert (row["name"], row["platform"]) == ("小米14 手机", "小米分期")
    assert "小米14 手机" in run("plan", "list").out
    assert run("plan", "show", str(pid)).out.startswith(f"Plan {pid}: 小米14 手机  [")
    run("pay", str(pid), "--amount", "321.60", "--date", "2024-01-31", "--method", "微信支付")
    [h] = run("history", "--json").json()
    assert h["method"] == "微信支付"
    assert "小米14 手机" in run("history").out


# --- plan list ----------------------------------------------------------------------------


def test_plan_list_json_after_two_payments(run, add_plan):
    pid = add_plan()
    run("pay", str(pid), "--amount", "643.20", "--date", "2024-02-29")
    rows = run("plan", "list", "--json", "--as-of", "2024-03-10").json()
    assert rows == [
        {
            "id": pid,
            "name": "Xiaomi 14",
            "platform": "",
            "currency": "CNY",
            "model": "flat",
            "principal": "3600.00",
            "periods": 12,
            "periods_paid": 2,
            "per_period": "321.60",
            "next_due": "2024-03-31",
            "remaining": "3216.00",
            "overdue": "0.00",
            "penalty": "0.00",
            "apr": "13.03",
            "status": "active",
            "archived": False,
        }
    ]


def test_plan_list_text_and_empty(run, add_plan):
    empty = run("plan", "list")
    assert empty.code == 0 and empty.out.startswith("No plans yet")
    assert run("plan", "list", "--json").json() == []
    add_plan()
    out = run("plan", "list", "--as-of", "2024-02-01").out
    assert "Xiaomi 14" in out
    assert "3859.20" in out
    assert "overdue" in out


def test_archive_hides_from_plan_list_and_all_shows_it(run, add_plan):
    keep, hide = add_plan(name="keep"), add_plan(name="hide")
    res = run("plan", "archive", str(hide))
    assert (res.code, res.out) == (0, f"Plan {hide} archived\n")
    assert [p["id"] for p in run("plan", "list", "--json").json()] == [keep]
    everything = run("plan", "list", "--all", "--json").json()
    assert [(p["id"], p["archived"], p["status"]) for p in everything] == [
        (keep, False, "overdue"),
        (hide, True, "archived"),
    ]
    assert "hide" not in run("plan", "list").out
    assert "hide" in run("plan", "list", "--all").out
    assert {i["plan_id"] for i in run("due", "--json").json()} == {keep}

    assert run("plan", "archive", str(hide), "--restore").out == f"Plan {hide} restored\n"
    assert [p["id"] for p in run("plan", "list", "--json").json()] == [keep, hide]


# --- plan delete --------------------------------------------------------------------------


def test_plan_delete_without_yes_and_without_a_terminal_is_refused(
    run, add_plan, snapshot, monkeypatch
):
    pid = add_plan()
    run("pay", str(pid), "--amount", "321.60", "--date", "2024-01-31")
    monkeypatch.setattr(sys, "stdin", io.StringIO("y\n"))  # not a TTY: never read
    before = snapshot()
    res = run("plan", "delete", str(pid))
    assert "--yes" in res.one_line_error()
    assert res.out == ""
    assert snapshot() == before
    assert run("plan", "show", str(pid), "--json").json()["id"] == pid


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(("answer", "deleted"), [("y\n", True), ("是\n", True), ("n\n", False)])
def test_plan_delete_asks_on_a_terminal(run, add_plan, monkeypatch, answer, deleted):
    pid = add_plan()
    monkeypatch.setattr(sys, "stdin", _Terminal(answer))
    res = run("plan", "delete", str(pid))
    assert "Delete plan 1 (Xiaomi 14) and its 0 payment(s)?" in res.out
    assert res.code == (0 if deleted else 2)
    assert (run("plan", "list", "--json").json() == []) is deleted


def test_plan_delete_end_of_input_at_the_question_is_a_no(run, add_plan, snapshot, monkeypatch):
    """Ctrl-D (EOF) at "Delete …? [y/N]" on a terminal means no: exit 2, one line, no change."""
    pid = add_plan()
    monkeypatch.setattr(sys, "stdin", _Terminal(""))
    before = snapshot()
    res = run("plan", "delete", str(pid))
    assert res.code == 2, res
    assert "--yes" in res.err and res.err.count("\n") == 1 and "Traceback" not in res.err
    assert snapshot() == before


def test_plan_delete_yes_cascades_to_installments_and_payments(run, add_plan, snapshot):
    keep, gone = add_plan(name="keep"), add_plan(name="gone")
    run("pay", str(keep), "--amount", "321.60", "--date", "2024-01-31")
    run("pay", str(gone), "--amount", "321.60", "--date", "2024-01-31")
    run("pay", str(gone), "--amount", "1", "--date", "2024-02-29")
    res = run("plan", "delete", str(gone), "--yes")
    assert (res.code, res.out, res.err) == (0, f"Deleted plan {gone}\n", "")
    snap = snapshot()
    assert [r[0] for r in snap["plans"]] == [keep]
    assert {r[1] for r in snap["installments"]} == {keep}
    assert len(snap["installments"]) == 12
    assert {r[1] for r in snap["payments"]} == {keep}
    assert len(snap["payments"]) == 1
    assert [h["plan_id"] for h in run("history", "--json").json()] == [keep]
    run("plan", "show", str(gone)).one_line_error()


# --- errors -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "argv",
    [
        ("plan", "show", "99"),
        ("plan", "archive", "99"),
        ("plan", "delete", "99", "--yes"),
        ("pay", "99", "--amount", "1"),
        ("payoff", "99", "--quote"),
        ("payoff", "99"),
        ("payment", "void", "99"),
        ("history", "--plan", "99"),
    ],
)
def test_unknown_id_is_one_line_exit_2_and_nothing_changes(run, add_plan, snapshot, argv):
    pid = add_plan()
    run("pay", str(pid), "--amount", "321.60", "--date", "2024-01-31")
    before = snapshot()
    message = run(*argv).one_line_error()
    assert "99" in message
    assert snapshot() == before


@pytest.mark.parametrize(
    "argv",
    [
        ("plan", "show", "99999999999999999999"),
        ("pay", "99999999999999999999", "--amount", "1"),
        ("payment", "void", "99999999999999999999"),
        ("history", "--plan", "99999999999999999999"),
    ],
)
def test_id_too_large_for_sqlite_is_one_line_exit_2(run, add_plan, snapshot, argv):
    """An id beyond SQLite's 64-bit integers is just an unknown id, not a traceback."""
    add_plan()
    before = snapshot()
    assert "99999999999999999999" in run(*argv).one_line_error()
    assert snapshot() == before


@pytest.mark.parametrize(
    ("argv", "needle"),
    [
        (("pay", "1", "--amount", "12.345"), "--amount"),
        (("pay", "1", "--amount", "0"), "--amount"),
        (("pay", "1", "--amount", "-5"), "--amount"),
        (("pay", "1", "--amount", "abc"), "--amount"),
        (("pay", "1", "--amount", "NaN"), "--amount"),
        (("pay", "1", "--amount", "1e3"), "--amount"),
        (("pay", "1", "--amount", "10", "--date", "2024-02-30"), "--date"),
        (("pay", "1", "--amount", "10", "--date", "yesterday"), "--date"),
        (("pay", "1", "--amount", "10", "--date", "2024-05-11"), "future"),
        (("payoff", "1", "--date", "2024-13-01"), "--date"),
        (("history", "--from", "2024/01/01"), "--from"),
        (("plan", "show", "1", "--as-of", "31-01-2024"), "--as-of"),
        (("due", "--as-of", "2024-02-30"), "--as-of"),
        (("due", "--within", "-1"), "--within"),
        (("due", "--within", "a week"), "--within"),
        (("plan", "show", "abc"), "invalid int"),
        (("pay", "1"), "--amount"),
        (("plan", "bogus"), "invalid choice"),
    ],
)
def test_bad_input_is_one_line_exit_2_and_nothing_changes(run, add_plan, snapshot, argv, needle):
    add_plan()
    before = snapshot()
    assert needle in run(*argv).one_line_error()
    assert snapshot() == before


@pytest.mark.parametrize(
    ("extra", "needle"),
    [
        (("--principal", "12.345"), "--principal"),
        (("--first-due", "2024-02-30"), "--first-due"),
        (("--purchase-date", "2024-1-1"), "--purchase-date"),
        (("--grace-days", "three"), "--grace-days"),
        (("--grace-days", "400"), "grace days"),
        (("--tolerance", "10.001"), "--tolerance"),
        (("--penalty-rate", "-0.05"), "--penalty-rate"),
        (("--payoff-policy", "never"), "--payoff-policy"),
        (("--periods", "0"), "--periods"),
        (("--rate", "abc"), "--rate"),
    ],
)
def test_plan_add_bad_option_is_one_line_exit_2_and_writes_nothing(run, snapshot, extra, needle):
    run("plan", "list")  # create the database file
    before = snapshot()
    opts = dict(zip(REFERENCE[::2], REFERENCE[1::2], strict=True))
    opts.update(dict(zip(extra[::2], extra[1::2], strict=True)))
    argv = [x for kv in opts.items() for x in kv]
    assert needle in run("plan", "add", "--name", "x", *argv).one_line_error()
    assert snapshot() == before


def test_plan_add_blank_name_is_refused(run, snapshot):
    run("plan", "list")
    before = snapshot()
    assert "name" in run("plan", "add", "--name", "  ", *REFERENCE).one_line_error()
    assert snapshot() == before


def test_not_a_database_file_is_refused_and_left_alone(run, tmp_path):
    foreign = tmp_path / "notes.txt"
    foreign.write_bytes(b"my shopping list\n")
    assert "notes.txt" in run("plan", "list", db=foreign).one_line_error()
    assert foreign.read_bytes() == b"my shopping list\n"


def test_tracker_db_environment_variable_is_used_without_db(run, tmp_path, monkeypatch):
    env_file = tmp_path / "env.sqlite3"
    monkeypatch.setenv("TRACKER_DB", str(env_file))
    pid = run("plan", "add", "--name", "env", *REFERENCE, "--json", db=None).json()["id"]
    assert env_file.exists()
    assert [p["name"] for p in run("plan", "list", "--json", db=None).json()] == ["env"]
    assert run("plan", "list", "--json").json() == []  # --db wins over TRACKER_DB
    assert run("plan", "show", str(pid), "--json", db=env_file).json()["name"] == "env"

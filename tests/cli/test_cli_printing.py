"""`tracker calendar` and `tracker schedule`: PDFs from the command line, checked with poppler.

Reference plan (conftest): 3600.00 / 12 / 0.6% flat from 2024-01-31, 321.60 a month, APR
13.03%; today is 2024-05-10, so January to April are overdue. Errors exit 2 with one line and
write no file.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

POPPLER = ("pdftotext", "pdffonts", "pdfinfo")
pytestmark = pytest.mark.skipif(
    any(shutil.which(t) is None for t in POPPLER),
    reason="poppler-utils (pdftotext, pdffonts, pdfinfo) is not installed",
)
ROOT = Path(__file__).resolve().parents[2]


def _run(*cmd: str) -> str:
    return subprocess.run(cmd, capture_output=True, text=True, check=True, timeout=60).stdout


def info(path: Path) -> dict[str, str]:
    rows = (line.partition(":") for line in _run("pdfinfo", str(path)).splitlines())
    return {k.strip(): v.strip() for k, _, v in rows}


def text(path: Path, page: int | None = None) -> str:
    pages = ["-f", str(page), "-l", str(page)] if page else []
    return _run("pdftotext", "-enc", "UTF-8", *pages, str(path), "-")


def embedded_fonts(path: Path) -> list[tuple[str, str]]:
    rows = _run("pdffonts", str(path)).splitlines()[2:]
    return [(r.split()[0], next(p for p in r.split() if p in ("yes", "no"))) for r in rows]


@pytest.fixture(autouse=True)
def back_to_english() -> Iterator[None]:
    """The commands run in-process here: leave Qt's language as the other tests expect."""
    yield
    if "PySide6" in sys.modules:
        from PySide6.QtCore import QCoreApplication

        from tracker.ui.i18n import install_translators

        app = QCoreApplication.instance()
        if app is not None:
            install_translators(app, "en")


# --- calendar -----------------------------------------------------------------------------


def test_calendar_writes_one_a4_landscape_page_per_month(run, add_plan, tmp_path: Path) -> None:
    add_plan()
    add_plan(name="小米14")
    pdf = tmp_path / "cal.pdf"
    res = run("calendar", "--from", "2024-03", "--to", "2024-05", "-o", str(pdf), "--lang", "en")
    assert (res.code, res.err) == (0, "")
    # May carries 8 overdue items (January to April of both plans): too many for the band,
    # so an agenda page after May lists each.
    assert res.out == f"Wrote 4 page(s), 2024-03 to 2024-05, to {pdf}\n"
    meta = info(pdf)
    assert meta["Pages"] == "4"
    agenda = text(pdf, 4)
    assert "Overdue from earlier months: 8 items, ¥2,572.80" in agenda
    assert agenda.count("Xiaomi 14") == 4 and agenda.count("小米14") == 4
    assert "842 x 595" in meta["Page size"] or "841.89 x 595.276" in meta["Page size"]
    march, may = text(pdf, 1), text(pdf, 3)
    assert "March 2024" in march and "May 2024" in may
    assert "Xiaomi 14" in march and "小米14" in march and "¥321.60" in march
    assert "Total this month: ¥643.20" in march
    assert "Overdue: ¥643.20" in march and "Overdue" in march  # March 31 is 40 days late
    assert "Overdue:" not in may  # May 31 is not due yet on May 10
    fonts = embedded_fonts(pdf)
    assert any("WenQuanYi" in n or "CJK" in n or "Hei" in n for n, _ in fonts), fonts
    assert all(emb == "yes" for _, emb in fonts), fonts


def test_calendar_defaults_to_this_month_and_takes_letter(run, add_plan, tmp_path: Path) -> None:
    add_plan()
    pdf = tmp_path / "may.pdf"
    res = run("calendar", "-o", str(pdf), "--paper", "letter", "--lang", "en")
    assert res.code == 0, res.err
    meta = info(pdf)
    assert (meta["Pages"], meta["Page size"]) == ("1", "792 x 612 pts (letter)")
    assert "May 2024" in text(pdf)


def test_calendar_in_chinese(run, add_plan, tmp_path: Path) -> None:
    add_plan(name="小米14")
    pdf = tmp_path / "zh.pdf"
    res = run("calendar", "--from", "2024-04", "-o", str(pdf), "--lang", "zh_CN")
    assert res.code == 0, res.err
    page = text(pdf)
    assert "2024年4月" in page and "小米14" in page and "逾期" in page and "¥321.60" in page


def test_as_of_changes_what_is_overdue(run, add_plan, tmp_path: Path) -> None:
    add_plan()
    pdf = tmp_path / "early.pdf"
    run("calendar", "--from", "2024-02", "-o", str(pdf), "--lang", "en", "--as-of", "2024-02-01")
    page = text(pdf)
    assert "Overdue:" not in page  # nothing of February is late on the 1st…
    assert "Overdue from earlier months: 1 item, ¥321.60" in page  # …January 31 is
    assert "Status as of 2024-02-01" in page
    run("calendar", "--from", "2024-02", "-o", str(pdf), "--lang", "en", "--as-of", "2024-01-31")
    assert "Overdue" not in text(pdf).replace("red: overdue", "")


# --- schedule -----------------------------------------------------------------------------


def test_schedule_writes_every_period_and_the_apr(run, add_plan, tmp_path: Path) -> None:
    pid = add_plan(name="小米14")
    pdf = tmp_path / "schedule.pdf"
    res = run("schedule", str(pid), "-o", str(pdf), "--paper", "letter", "--lang", "en")
    assert (res.code, res.err) == (0, "")
    assert res.out == f"Wrote the schedule of plan {pid} (1 page(s)) to {pdf}\n"
    meta = info(pdf)
    assert (meta["Pages"], meta["Page size"]) == ("1", "612 x 792 pts (letter)")
    page = text(pdf)
    assert "小米14" in page and "13.03%" in page and "¥3,600.00" in page
    for due in ("2024-01-31", "2024-02-29", "2024-04-30", "2024-12-31"):
        assert due in page
    assert page.count("¥321.60") >= 12
    assert "Overdue, 100 days" in page  # January 31 → May 10


# --- errors -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("argv", "needle"),
    [
        (["calendar", "--from", "2026-13"], "--from: '2026-13' is not a month; use YYYY-MM"),
        (["calendar", "--from", "2026-1"], "--from: '2026-1' is not a month"),
        (["calendar", "--to", "May"], "--to: 'May' is not a month"),
        (["calendar", "--from", "2026-05", "--to", "2026-04"], "--to: 2026-04 is before --from"),
        (["calendar", "--from", "2020-01", "--to", "2031-01"], "at most 120 months"),
        (["calendar", "--as-of", "2024-02-30"], "--as-of: '2024-02-30' is not a date"),
        (["calendar", "--paper", "a3"], "invalid choice: 'a3'"),
        (["schedule", "99"], "there is no plan with id 99"),
        (["schedule", "x"], "invalid int value: 'x'"),
    ],
)
def test_errors_are_one_line_exit_2_and_write_nothing(
    run, add_plan, tmp_path: Path, argv: list[str], needle: str
) -> None:
    add_plan()
    pdf = tmp_path / "out.pdf"
    message = run(*argv, "-o", str(pdf)).one_line_error()
    assert needle in message
    assert not pdf.exists()


def test_output_is_required(run) -> None:
    assert "-o/--output" in run("calendar").one_line_error()


def test_unwritable_output_is_one_line(run, add_plan, tmp_path: Path) -> None:
    pid = add_plan()
    target = tmp_path / "missing" / "s.pdf"
    message = run("schedule", str(pid), "-o", str(target)).one_line_error()
    assert message == f"tracker schedule: error: cannot write {target}: No such file or directory"


def test_runs_headless_in_a_fresh_process(db_file: Path, tmp_path: Path, add_plan) -> None:
    """Without a display the command picks Qt's offscreen platform by itself."""
    add_plan(name="小米14")
    pdf = tmp_path / "cli.pdf"
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.pop("QT_QPA_PLATFORM", None)
    argv = ["--db", str(db_file), "calendar", "--from", "2024-01", "-o", str(pdf), "--lang", "en"]
    done = subprocess.run(
        [sys.executable, "-m", "tracker", *argv],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "小米14" in text(pdf) and "January 2024" in text(pdf)


def test_pdf_is_private_like_the_other_exports(tmp_path) -> None:
    """A repayment calendar is private finances: 0600 like CSV and ICS exports."""
    import stat

    from tracker.cli import main

    out = tmp_path / "cal.pdf"
    db = tmp_path / "p.sqlite3"
    code = main(
        ["--db", str(db), "calendar", "--from", "2026-11", "--to", "2026-11", "-o", str(out)]
    )
    assert code == 0
    assert stat.S_IMODE(out.stat().st_mode) == 0o600


def test_schedule_sheet_prints_the_overdue_and_payoff_terms(tmp_path) -> None:
    """Grace days, tolerance, penalty and the payoff policy are terms too: they are printed."""
    import shutil
    import subprocess
    from datetime import date

    import pytest

    from tracker.cli import main
    from tracker.services.sample import load_sample_data
    from tracker.storage import open_database

    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    db_path = tmp_path / "terms.sqlite3"
    with open_database(db_path) as db:
        load_sample_data(db, date(2026, 11, 21))
    out = tmp_path / "card.pdf"
    argv = ["--db", str(db_path), "schedule", "3", "-o", str(out), "--lang", "en"]
    assert main([*argv, "--as-of", "2026-11-21"]) == 0
    text = subprocess.run(
        ["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True, check=True
    ).stdout.replace("\ufb00", "ff")  # pdftotext keeps the font's "ff" ligature
    assert "Grace period" in text and "3 days" in text
    assert "Tolerance" in text and "¥10.00" in text
    assert "Early payoff" in text and "Remaining principal + all remaining fees" in text

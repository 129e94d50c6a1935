"""The figures of issue 9 ("Instant at any size"), each with its target, as ratios in one run.

    uv run python benchmarks/run.py [--plans 1000] [--big 10000] [--skip-big] [--runs 5]

Every figure is a subprocess (the `tracker` command, ``gui_harness.py``, ``sqlite3``) run the
way an installed app runs: bytecode cached (``PYTHONDONTWRITEBYTECODE`` unset, a private
``PYTHONPYCACHEPREFIX``), warmed once, then the median of ``--runs`` runs; peak RSS is the
child's own (``os.wait4``). Timings on a shared 2-core machine are noisy (its speed drifts by
20 % and more within minutes), so the targets are ratios to a baseline measured in the same
run, and each figure's runs alternate with its baseline's (``Runner.interleaved``; the GUI: a
bare window before each app run). Only public interfaces are used: the CLI, CSV
files, and for the GUI the app's entry point and its window's context (``gui_harness.py``).

The ledgers come from ``generate.py`` (same seed and as-of) in ``--work`` (default
``/tmp/tracker-bench``): the CSVs are written if missing and imported into a fresh database
each run (the import is itself a figure). ``--big`` adds the 10,000-plan rows; they are slow
before the rewrite (the import took minutes), hence ``--skip-big``.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import generate  # noqa: E402 - this folder, added above

MB = 1024 * 1024


@dataclass
class Sample:
    """The median wall time (s) of some runs and the largest peak RSS (MB) among them."""

    seconds: float
    rss_mb: float


@dataclass
class Row:
    """One line of the table: a figure against a baseline (or an absolute limit)."""

    name: str
    measured: float | None  # seconds (or MB when unit == "MB")
    baseline: float | None = None
    target_ratio: float | None = None
    limit: float | None = None  # an absolute upper bound, same unit as measured
    unit: str = "s"
    note: str = ""

    @property
    def ratio(self) -> float | None:
        if self.measured is None or not self.baseline:
            return None
        return self.measured / self.baseline

    def verdict(self) -> str:
        if self.measured is None:
            return "n/a"
        if self.target_ratio is None and self.limit is None:
            return "-"
        ok = True
        if self.target_ratio is not None:
            ok = ok and self.ratio is not None and self.ratio <= self.target_ratio
        if self.limit is not None:
            ok = ok and self.measured < self.limit
        return "PASS" if ok else "FAIL"

    def target(self) -> str:
        parts = []
        if self.target_ratio is not None:
            parts.append(f"≤ {self.target_ratio:g}×")
        if self.limit is not None:
            parts.append(f"< {self.limit:g} {self.unit}")
        return ", ".join(parts) or "-"


def fmt(value: float | None, unit: str) -> str:
    if value is None:
        return "-"
    if unit == "MB":
        return f"{value:.0f} MB"
    return f"{value * 1000:.0f} ms" if value < 1 else f"{value:.2f} s"


class Runner:
    """Runs subprocesses with a warm bytecode cache and measures them."""

    def __init__(self, work: Path, runs: int, gui_runs: int) -> None:
        self.runs = runs
        self.gui_runs = gui_runs
        self.config = work / "config"  # QSettings of the app (XDG_CONFIG_HOME): a scratch one
        self.config.mkdir(parents=True, exist_ok=True)
        env = {k: v for k, v in os.environ.items() if k not in ("PYTHONDONTWRITEBYTECODE",)}
        env.pop("TRACKER_DB", None)
        env |= {
            "PYTHONPYCACHEPREFIX": str(work / "pycache"),
            "QT_QPA_PLATFORM": "offscreen",
            "XDG_CONFIG_HOME": str(self.config),
        }
        self.env = env
        self.tracker = generate.tracker_command()

    def once(self, cmd: list[str], out: Path | None = None) -> tuple[float, float, float]:
        """Run ``cmd`` once: (launch time.time(), wall seconds, peak RSS MB). Output to ``out``
        (or discarded); a failure stops the benchmark."""
        sink = out.open("wb") if out else subprocess.DEVNULL
        try:
            launched = time.time()
            start = time.perf_counter()
            proc = subprocess.Popen(cmd, stdout=sink, stderr=subprocess.PIPE, env=self.env)
            assert proc.stderr is not None
            err = proc.stderr.read()
            _pid, status, usage = os.wait4(proc.pid, 0)
            elapsed = time.perf_counter() - start
            proc.returncode = os.waitstatus_to_exitcode(status)
        finally:
            if out:
                sink.close()  # type: ignore[union-attr]
        if proc.returncode != 0:
            sys.exit(f"{' '.join(cmd)} failed ({proc.returncode}):\n{err.decode()[-2000:]}")
        return launched, elapsed, usage.ru_maxrss / 1024  # ru_maxrss is in KiB on Linux

    def sample(self, cmd: list[str]) -> Sample:
        """Warm once, then the median of ``runs`` runs."""
        self.once(cmd)
        results = [self.once(cmd) for _ in range(self.runs)]
        return Sample(
            statistics.median(r[1] for r in results), max(r[2] for r in results) if results else 0
        )

    def interleaved(self, *cmds: list[str]) -> list[Sample]:
        """Each command warmed once, then ``runs`` rounds of all of them in turn: each one's
        median. A machine that slows down or speeds up during the benchmark (a shared one does,
        by 20 % and more) moves a figure and its baseline alike, so their ratio holds; a
        baseline sampled once, minutes before, would not."""
        for cmd in cmds:
            self.once(cmd)
        results: list[list[tuple[float, float, float]]] = [[] for _ in cmds]
        for _ in range(self.runs):
            for cmd, got in zip(cmds, results, strict=True):
                got.append(self.once(cmd))
        return [
            Sample(statistics.median(r[1] for r in got), max(r[2] for r in got)) for got in results
        ]

    def command(self, db: Path, *args: str) -> list[str]:
        return [*self.tracker, "--db", str(db), *args]

    def cli(self, db: Path, *args: str) -> Sample:
        return self.sample(self.command(db, *args))

    def gui(
        self, *args: str, runs: int, warm: bool = True, bare: bool = False
    ) -> tuple[dict[str, float], float, dict[str, object]]:
        """Median of the harness's times (seconds since launch), peak RSS, last JSON. With
        ``bare``, a bare window's run before each of these (``interleaved``'s reason): its
        first paint's median is ``bare_paint`` in the times."""
        cmd = [sys.executable, str(HERE / "gui_harness.py"), *args]
        bare_cmd = [sys.executable, str(HERE / "gui_harness.py"), "bare"]
        out = Path(tempfile.mkstemp(suffix=".json")[1])
        if warm:
            self.once(cmd, out)
        spans: dict[str, list[float]] = {}
        rss, last = 0.0, {}
        for _ in range(runs):
            if bare:
                launched, _elapsed, _peak = self.once(bare_cmd, out)
                paint = json.loads(out.read_text()).get("first_paint")
                if isinstance(paint, float):
                    spans.setdefault("bare_paint", []).append(paint - launched)
            launched, _elapsed, peak = self.once(cmd, out)
            last = json.loads(out.read_text())
            rss = max(rss, peak)
            for key in ("first_paint", "data_paint"):
                if isinstance(last.get(key), float):
                    spans.setdefault(key, []).append(last[key] - launched)
        out.unlink()
        return {k: statistics.median(v) for k, v in spans.items()}, rss, last


def ensure_csvs(n: int, work: Path) -> Path:
    """The generated ledger's CSV folder for ``n`` plans (written if missing)."""
    folder = work / f"csv-{n}"
    if not (folder / "payments.csv").exists():
        generate.write_csvs(n, folder, generate.DEFAULT_SEED, generate.DEFAULT_AS_OF)
    return folder


def import_once(runner: Runner, folder: Path, db: Path) -> float:
    """Import the folder's CSVs into a new ``db``; the wall seconds."""
    db.unlink(missing_ok=True)
    print(f"  importing {folder.name} into {db} …", flush=True)
    seconds = generate.run_import(db, [folder / "plans.csv", folder / "payments.csv"], runner.env)
    print(f"  done in {seconds:.1f} s", flush=True)
    return seconds


def open_plan(runner: Runner, db: Path) -> int:
    """An open plan with at least 10.00 left (for the GUI payment), from `plan list --json`."""
    out = runner.config / "plans.json"
    runner.once([*runner.tracker, "--db", str(db), "plan", "list", "--json"], out)
    plans = json.loads(out.read_text(encoding="utf-8"))
    return next(p["id"] for p in plans if p["status"] != "closed" and Decimal(p["remaining"]) > 10)


def sqlite_csv(db: Path) -> list[str]:
    """The `export payments` rows straight from sqlite3 (same columns, order and amounts)."""
    query = (
        "SELECT p.id, p.plan_id, pl.name, p.date, printf('%.2f', p.amount / 100.0), pl.currency,"
        " p.method, p.note, p.kind, CASE p.voided WHEN 1 THEN 'true' ELSE 'false' END"
        " FROM payments p JOIN plans pl ON pl.id = p.plan_id ORDER BY p.date, p.id"
    )
    return ["sqlite3", "-csv", "-header", str(db), query]


def read_rows(runner: Runner, db: Path, label: str, startup: list[str], big: bool) -> list[Row]:
    """`due`, `plan list`, `history`, `export payments` on ``db`` against the start-up (the
    command ``startup``), each run in turn with its baseline (``Runner.interleaved``)."""
    as_of = generate.DEFAULT_AS_OF.isoformat()
    scope = "" if big else " (10k target)"
    due, due_base = runner.interleaved(runner.command(db, "due", "--as-of", as_of), startup)
    plans, plans_base = runner.interleaved(
        runner.command(db, "plan", "list", "--json", "--as-of", as_of), startup
    )
    hist, hist_base = runner.interleaved(runner.command(db, "history", "--json"), startup)
    export, sqlite, export_base = runner.interleaved(
        runner.command(db, "export", "payments", "--as-of", as_of), sqlite_csv(db), startup
    )
    sql_base = sqlite.seconds + export_base.seconds
    mb = "{:.0f} MB".format
    return [
        Row(f"{label}: tracker due vs start-up{scope}", due.seconds, due_base.seconds, 1.5),
        Row(f"{label}: tracker due peak RSS{scope}", due.rss_mb, unit="MB", limit=150),
        Row(
            f"{label}: plan list --json vs start-up{scope}",
            plans.seconds,
            plans_base.seconds,
            3,
            note=mb(plans.rss_mb),
        ),
        Row(
            f"{label}: history --json vs start-up{scope}",
            hist.seconds,
            hist_base.seconds,
            3,
            note=mb(hist.rss_mb),
        ),
        Row(
            f"{label}: export payments vs sqlite3 -csv + start-up{scope}",
            export.seconds,
            sql_base,
            3,
            note=f"sqlite3 alone {fmt(sqlite.seconds, 's')}: "
            f"{export.seconds / sqlite.seconds:.0f}× that",
        ),
        Row(f"{label}: export payments peak RSS", export.rss_mb, unit="MB"),
    ]


def gui_rows(runner: Runner, db: Path, label: str, big: bool) -> list[Row]:
    """First window and Overview data against a bare QMainWindow run before each (and the
    payment)."""
    spans, rss, _ = runner.gui("app", str(db), runs=runner.gui_runs, bare=True)
    bare = spans.get("bare_paint")
    first_ratio, data_ratio = (2.0, None) if big else (1.5, 2.5)
    rows = [
        Row(
            f"{label}: first window vs bare QMainWindow",
            spans.get("first_paint"),
            bare,
            first_ratio,
        ),
        Row(
            f"{label}: Overview data painted vs bare",
            spans.get("data_paint"),
            bare,
            data_ratio,
        ),
        Row(f"{label}: GUI peak RSS", rss, unit="MB", limit=300 if big else None),
    ]
    if not big:
        scratch = runner.config / "pay.sqlite3"  # the payments must not change the ledger
        shutil.copyfile(db, scratch)
        plan = open_plan(runner, scratch)
        # one run (the cache is warm): the harness records PAYMENTS payments, each timed
        _spans, _rss, result = runner.gui(
            "app", str(scratch), "--pay", str(plan), runs=1, warm=False
        )
        pays = result.get("pay_ms")
        ms = statistics.median(pays) / 1000 if isinstance(pays, list) and pays else None
        rows.append(
            Row(
                f"{label}: one payment recorded in the GUI (plan {plan})",
                ms,
                limit=0.1,
                note=f"runs {', '.join(f'{p:.0f}' for p in pays)} ms" if pays else "",
            )
        )
        scratch.unlink()
    return rows


def line(r: Row, width: int) -> str:
    """One row of the table."""
    ratio = f"{r.ratio:.1f}×" if r.ratio is not None else "-"
    return (
        f"{r.name:<{width}}  {fmt(r.measured, r.unit):>10}  "
        f"{fmt(r.baseline, r.unit):>10}  {ratio:>7}  {r.target():<16}  {r.verdict()}"
        + (f"  ({r.note})" if r.note else "")
    )


class Table(list[Row]):
    """The rows so far; each is printed as soon as it is measured (a long run that is stopped
    keeps what it measured), and the whole table at the end."""

    def add(self, *rows: Row) -> None:
        for r in rows:
            self.append(r)
            print("  = " + line(r, 62), flush=True)

    def print(self) -> None:
        width = max(len(r.name) for r in self)
        head = f"{'figure':<{width}}  {'measured':>10}  {'baseline':>10}  {'ratio':>7}  "
        print("\n" + head + f"{'target':<16}  result")
        print("-" * (len(head) + 24))
        for r in self:
            print(line(r, width))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--plans",
        type=int,
        default=1000,
        help="the ledger's size (1000); 0 leaves it and the 360-payment import out",
    )
    parser.add_argument("--big", type=int, default=10000, help="the big ledger's size (10000)")
    parser.add_argument("--skip-big", action="store_true", help="leave out the big ledger")
    parser.add_argument("--runs", type=int, default=5, help="timed runs per CLI figure (5)")
    parser.add_argument("--gui-runs", type=int, default=3, help="timed runs of the app (3)")
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "tracker-bench")
    parser.add_argument("--no-gui", action="store_true", help="leave out the GUI rows")
    parser.add_argument(
        "--reuse-db", action="store_true", help="read the ledgers imported by an earlier run"
    )
    args = parser.parse_args(argv)
    work: Path = args.work
    work.mkdir(parents=True, exist_ok=True)
    runner = Runner(work, args.runs, args.gui_runs)
    rows = Table()

    print("start-up baselines …", flush=True)
    empty = work / "empty.sqlite3"
    empty.unlink(missing_ok=True)
    startup_cmd = runner.command(empty, "due", "--as-of", generate.DEFAULT_AS_OF.isoformat())
    runner.once(startup_cmd)  # creates the empty database (the full path); then the start-up
    startup, help_ = runner.interleaved(startup_cmd, [*runner.tracker, "--help"])
    rows.add(
        Row("tracker --help", help_.seconds, note=f"{help_.rss_mb:.0f} MB"),
        Row("CLI start-up (due, empty db) vs --help", startup.seconds, help_.seconds, 4),
    )
    bare = None
    if not args.no_gui:
        spans, bare_rss, _ = runner.gui("bare", runs=args.runs)
        bare = spans.get("first_paint")
        rows.add(Row("bare QMainWindow first paint", bare, note=f"{bare_rss:.0f} MB"))

    if args.plans > 0:
        print("import of one plan with 360 payments …", flush=True)
        mortgage = generate.mortgage_csvs(work / "csv-mortgage", generate.DEFAULT_AS_OF)
        seconds = import_once(runner, mortgage[0].parent, work / "mortgage.sqlite3")
        rows.add(Row("import: one plan, 360 payments", seconds, limit=1))

    sizes = [(args.plans, False)] if args.plans > 0 else []
    sizes += [] if args.skip_big else [(args.big, True)]
    for n, big in sizes:
        label = f"{n:,} plans"
        print(f"{label} …", flush=True)
        db = work / f"ledger-{n}.sqlite3"
        if args.reuse_db and db.exists():
            print(f"  reusing {db} (no import)", flush=True)
        else:
            seconds = import_once(runner, ensure_csvs(n, work), db)
            rows.add(Row(f"{label}: import", seconds, limit=60 if big else None))
        rows.add(*read_rows(runner, db, label, startup_cmd, big))
        if bare is not None:
            rows.add(*gui_rows(runner, db, label, big))
    rows.print()
    return 0


if __name__ == "__main__":
    sys.exit(main())

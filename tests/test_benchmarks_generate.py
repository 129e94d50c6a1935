"""benchmarks/generate.py end to end: its CSVs import through `tracker import`, all of them."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

from tracker.cli import main as tracker

ROOT = Path(__file__).resolve().parents[1]


def _generate_module(monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    path = ROOT / "benchmarks" / "generate.py"
    spec = importlib.util.spec_from_file_location("bench_generate", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, "bench_generate", module)  # its dataclasses need it
    spec.loader.exec_module(module)
    return module


def _json(capsys: pytest.CaptureFixture[str], *argv: str) -> list[object]:
    capsys.readouterr()
    assert tracker(list(argv)) == 0
    value = json.loads(capsys.readouterr().out)
    assert isinstance(value, list)
    return value


def test_generate_imports_every_plan_and_payment(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("TRACKER_DB", raising=False)
    generate = _generate_module(monkeypatch)
    seed = 14  # five short plans (24 payments): the import stays fast
    out = tmp_path / "csv"
    assert generate.main(["5", "--csv-only", str(out), "--seed", str(seed)]) == 0
    # what `generate.py 5 DB` then runs, in-process to spare a second interpreter's start-up
    db = str(tmp_path / "bench.sqlite3")
    capsys.readouterr()
    assert tracker(["--db", db, "import", str(out / "plans.csv"), str(out / "payments.csv")]) == 0
    assert "Imported 5 plan(s)" in capsys.readouterr().out
    count = sum(1 for _ in (out / "payments.csv").open(encoding="utf-8-sig")) - 1
    plans = _json(capsys, "--db", db, "plan", "list", "--json", "--as-of", "2026-11-29")
    assert len(plans) == 5
    assert len(_json(capsys, "--db", db, "history", "--json")) == count > 5

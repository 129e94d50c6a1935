"""benchmarks/generate.py end to end: a small ledger imports through the CLI, all of it."""

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
    _plans, _payments, count = generate.write_csvs(
        5, tmp_path / "csv", seed, generate.DEFAULT_AS_OF
    )
    db = str(tmp_path / "bench.sqlite3")
    # writes the same CSVs and runs `tracker --db DB import plans.csv payments.csv`
    assert generate.main(["5", db, "--seed", str(seed)]) == 0
    plans = _json(capsys, "--db", db, "plan", "list", "--json", "--as-of", "2026-11-29")
    assert len(plans) == 5
    assert len(_json(capsys, "--db", db, "history", "--json")) == count > 5

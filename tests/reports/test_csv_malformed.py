"""Malformed import files: each is refused, names the bad lines and leaves the database as it was.

The files live in ``malformed/`` (written by ``malformed/make_files.py``); every file there must
have an entry below. Each import runs against a copy of the sample ledger (plan 1 open in CNY,
5 paid off, 6 in JPY; today 2024-05-10), as a real import and as a dry run, and the database
file's rows are compared before and after.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.reports.test_csv_common import MALFORMED, TODAY, build_sample, snapshot
from tracker.services.transfer import ImportRefused, import_file
from tracker.storage.engine import Database, open_database

# file → (the lines reported, in order; a phrase every report of that file contains one of)
EXPECTED: dict[str, tuple[list[int], str]] = {
    "short_row.csv": ([3], "2 cells but the header has 4 columns"),
    "extra_columns.csv": ([2], "5 cells but the header has only 3 columns"),
    "bad_dates.csv": ([2, 3, 4, 5], "date: "),
    "bad_amounts.csv": ([2, 3, 4, 5, 6, 7], "amount: "),
    "negative.csv": ([2, 3, 4], "amount: "),
    "unknown_plan.csv": ([2], "there is no plan 99"),
    "duplicate_rows.csv": ([4], "repeats line 2 exactly"),
    "empty.csv": ([1], "the file is empty"),
    "header_only.csv": ([1], "a header but no rows"),
    "binary_junk.bin": ([1], "neither UTF-8 nor GBK"),
    "unknown_column.csv": ([1], "unknown column 'colour'"),
    "unnamed_column.csv": ([1], "column 2 has no name"),
    "missing_column.csv": ([1], "missing required column(s): periods (期数)"),
    "ambiguous_kind.csv": ([1], "cannot tell what this file holds"),
    "installments_export.csv": ([1], "this is an installments export"),
    "bad_model.csv": ([2], "'balloon' is not a model"),
    "periods_zero.csv": ([2, 3, 4], "periods: "),
    "overpayment.csv": ([3], "more than the remaining balance of 3016.00 on 2024-04-02"),
    "mixed_encodings.csv": ([3], "mixed encodings"),
    "undecodable.csv": ([3], "neither UTF-8 nor GBK"),
    "nul_byte.csv": ([3], "NUL byte"),
    "utf16.csv": ([1], "UTF-16"),
    "control_chars.csv": ([2], "control character U+0007"),
    "duplicate_ids.csv": ([3], "id 1 is also used on line 2"),
    "future_payment.csv": ([2], "in the future"),
    "bad_quotes.csv": ([3], "not valid CSV"),
    "closed_plan.csv": ([2], "is paid off"),
    "bad_currency.csv": ([2, 3], "currency: "),
    "wrong_plan_name.csv": ([2], "plan 1 is '小米14 Pro', not '小米13'"),
    "bad_custom.csv": ([2, 3, 4], "amount"),
    "bad_flags.csv": ([2, 3], "not "),
    "bad_plan_fields.csv": ([2, 3, 4, 4], "not"),
    "gbk_bad_row.csv": ([2], "'十元' is not an amount"),
    "unnamed_last_column.csv": ([1], "column 4 has no name"),
    "semicolons.csv": ([2], "an amount has a comma in a file separated by semicolons"),
    "bad_schedule.csv": ([2, 3, 4, 5, 6, 7], "schedule: "),
}
FILES = sorted(p.name for p in MALFORMED.iterdir() if p.suffix in (".csv", ".bin"))


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("malformed") / "template.sqlite3"
    with open_database(path) as db:
        build_sample(db)
    return path


@pytest.fixture
def sample(template: Path, tmp_path: Path) -> Iterator[tuple[Database, Path]]:
    path = tmp_path / "sample.sqlite3"
    shutil.copyfile(template, path)
    db = open_database(path)
    yield db, path
    db.close()


def test_every_file_has_an_expectation_and_there_are_enough() -> None:
    assert set(FILES) == set(EXPECTED)
    assert len(FILES) >= 15


@pytest.mark.parametrize("name", FILES)
@pytest.mark.parametrize("dry_run", [False, True], ids=["import", "dry-run"])
def test_malformed_file_is_refused(sample: tuple[Database, Path], name: str, dry_run: bool) -> None:
    db, path = sample
    lines, phrase = EXPECTED[name]
    before = snapshot(path)
    with pytest.raises(ImportRefused) as caught:
        import_file(db, (MALFORMED / name).read_bytes(), TODAY, dry_run=dry_run, name=name)
    problems = caught.value.report.problems
    assert [p.line for p in problems] == lines, [str(p) for p in problems]
    assert all(p.file == name for p in problems)
    assert any(phrase in p.message for p in problems), [str(p) for p in problems]
    assert "nothing was imported" in str(caught.value)
    assert snapshot(path) == before

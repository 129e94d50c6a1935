"""CSV import: the round trip, encodings, Chinese headers, formula cells, id mapping, dry runs.

The round trip: export plans + payments of the sample ledger, import both into an empty
database as one batch, export again: the files are identical (installments and the calendar
feed too).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.reports.test_csv_common import FORMULA_NAME, STAMP, TODAY, build_sample, snapshot
from tracker import services as sv
from tracker.domain.plan import Model, PlanTerms, Remainder
from tracker.reports import csv_export, csv_import
from tracker.reports.csv_columns import PlanLine
from tracker.services import transfer
from tracker.services.transfer import ImportFile, ImportRefused, import_file, import_files
from tracker.storage.engine import Database, open_database

HEADERS_ZH = "名称,平台,本金,期数,费率,首次还款日,计息方式,备注\r\n"
PAYMENTS_ZH = "分期编号,日期,金额,还款方式,备注\r\n"


@pytest.fixture
def sample(tmp_path: Path) -> Iterator[Database]:
    db = open_database(tmp_path / "sample.sqlite3")
    build_sample(db)
    yield db
    db.close()


@pytest.fixture
def empty(tmp_path: Path) -> Iterator[Database]:
    db = open_database(tmp_path / "empty.sqlite3")
    yield db
    db.close()


def exported(db: Database) -> dict[str, bytes]:
    return {k: transfer.export_csv(db, k, TODAY)[0] for k in transfer.KINDS}


def test_round_trip_gives_identical_files(sample: Database, empty: Database) -> None:
    before = exported(sample)
    change, report = import_files(
        empty,
        [ImportFile("payments.csv", before["payments"]), ImportFile("plans.csv", before["plans"])],
        TODAY,
    )
    assert len(report.plans) == 7 and len(report.payments) == 9
    assert change.action == "imported" and change.plan_ids == frozenset(range(1, 8))
    assert exported(empty) == before
    assert transfer.calendar_feed(empty, TODAY, STAMP) == transfer.calendar_feed(
        sample, TODAY, STAMP
    )
    # Closed, archived and the payoff charge came back too.
    again = {p.id: p for p in sv.list_plans(empty, TODAY, include_archived=True)}
    assert again[5].status == sv.PlanStatus.CLOSED and again[4].archived


def test_import_maps_old_ids_to_new_ones(sample: Database, empty: Database) -> None:
    sv.add_plan(
        empty,
        sv.PlanInput("已有的", PlanTerms(Model.INTEREST_FREE, 10000, 2, date(2024, 1, 1))),
    )
    files = exported(sample)
    _, report = import_files(
        empty, [ImportFile("a.csv", files["plans"]), ImportFile("b.csv", files["payments"])], TODAY
    )
    assert [(p.key, p.id) for p in report.plans] == [(k, k + 1) for k in range(1, 8)]
    names = {p.plan_id: p.plan_name for p in report.payments}
    assert names[2] == "小米14 Pro" and names[3] == FORMULA_NAME
    assert [r.plan_id for r in sv.history(empty, plan_id=2)] == [2, 2, 2]


def test_dry_run_writes_nothing(sample: Database, empty: Database, tmp_path: Path) -> None:
    files = exported(sample)
    before = snapshot(tmp_path / "empty.sqlite3")
    change, report = import_files(
        empty,
        [ImportFile("plans.csv", files["plans"]), ImportFile("p.csv", files["payments"])],
        TODAY,
        dry_run=True,
    )
    assert report.dry_run and len(report.plans) == 7 and len(report.payments) == 9
    assert change.action == "import_checked" and not change.plan_ids
    assert snapshot(tmp_path / "empty.sqlite3") == before


def test_payments_alone_go_to_existing_plans(sample: Database) -> None:
    data = (PAYMENTS_ZH + "1,2024-04-30,321.60,支付宝,四月\r\n").encode()
    change, report = import_file(sample, data, TODAY)
    assert change.plan_ids == {1} and len(report.payments) == 1
    assert sv.history(sample, plan_id=1)[-1].note == "四月"


def test_utf8_without_bom_and_with_bom(empty: Database) -> None:
    text = HEADERS_ZH + "小米14,小米分期,3600,12,0.6,2024-01-31,flat,\r\n"
    for data in (text.encode("utf-8"), b"\xef\xbb\xbf" + text.encode("utf-8")):
        _, report = import_file(empty, data, TODAY, dry_run=True)
        assert [(p.name, p.platform, p.principal) for p in report.plans] == [
            ("小米14", "小米分期", 360000)
        ]


def test_gbk_file_from_excel(empty: Database) -> None:
    text = HEADERS_ZH + "花呗 冰箱,花呗,1000,6,4.5,2024/2/15,总费率,买于国美\r\n"
    _, report = import_file(empty, text.encode("gb18030"), TODAY)
    assert [(p.name, p.platform, p.model, p.first_due) for p in report.plans] == [
        ("花呗 冰箱", "花呗", "total", date(2024, 2, 15))
    ]
    detail = sv.plan_detail(empty, report.plans[0].id, TODAY)
    assert detail.input.notes == "买于国美"
    assert [i.installment.total for i in detail.installments][:2] == [17420, 17416]


def test_chinese_headers_cover_every_column(sample: Database, empty: Database) -> None:
    """Our export with every English header replaced by its Chinese alias imports the same."""
    from tracker.reports.csv_columns import PAYMENT_COLUMNS, PLAN_COLUMNS

    files = exported(sample)

    def chinese(data: bytes, columns: tuple) -> bytes:
        head, rest = data.decode("utf-8-sig").split("\r\n", 1)
        assert head == ",".join(c.key for c in columns)
        return (",".join(c.zh for c in columns) + "\r\n" + rest).encode("utf-8")

    import_files(
        empty,
        [
            ImportFile("计划.csv", chinese(files["plans"], PLAN_COLUMNS)),
            ImportFile("还款.csv", chinese(files["payments"], PAYMENT_COLUMNS)),
        ],
        TODAY,
    )
    assert exported(empty) == files


def test_formula_cells_come_back_as_typed(empty: Database) -> None:
    text = (
        "name,model,principal,periods,first_due,notes,platform\r\n"
        '"\'=HYPERLINK(""http://x"")",interest_free,100,2,2024-06-01,\'-5% off,\'@home\r\n'
        "'quoted',interest_free,100,2,2024-06-01,''=x,+raw\r\n"
    )
    _, report = import_file(empty, text.encode(), TODAY)
    details = [sv.plan_detail(empty, p.id, TODAY).input for p in report.plans]
    assert [(d.name, d.notes, d.platform) for d in details] == [
        ('=HYPERLINK("http://x")', "-5% off", "@home"),
        ("'quoted'", "'=x", "+raw"),
    ]


def test_excel_resaved_values_are_accepted(empty: Database) -> None:
    text = (
        "名称,计息方式,本金,期数,费率(%),首次还款日,已归档,每期金额,币种\r\n"
        'A,等额本息,"10,000.00",12,12%,2024年3月10日,TRUE,,cny\r\n'
        "B,custom,１０００,3,,2024.4.20,否,350；340；340,CNY\r\n"
    )
    _, report = import_file(empty, text.encode(), TODAY)
    a, b = (sv.plan_detail(empty, p.id, TODAY) for p in report.plans)
    assert a.input.terms.principal == 1000000 and a.archived
    assert a.input.terms.rate == Decimal("0.12")
    assert b.input.terms.custom_amounts == (35000, 34000, 34000) and not b.archived


def test_every_problem_of_every_file_is_reported(sample: Database, tmp_path: Path) -> None:
    plans = (
        "id,name,model,principal,periods,first_due\r\n"
        "1,Good,flat,100,3,2024-06-01\r\n"
        "2,,flat,100,3,2024-06-01\r\n"
        "3,Bad model,balloon,abc,0,2024-13-01\r\n"
    )
    payments = (
        "plan_id,date,amount\r\n"
        "1,2024-05-01,10.00\r\n"
        "2,2024-05-01,10.00\r\n"
        "99,2024-05-01,10.00\r\n"
        "1,2024-05-01,12.345\r\n"
    )
    before = snapshot(tmp_path / "sample.sqlite3")
    with pytest.raises(ImportRefused) as caught:
        import_files(
            sample,
            [ImportFile("plans.csv", plans.encode()), ImportFile("pay.csv", payments.encode())],
            TODAY,
        )
    problems = [(p.file, p.line) for p in caught.value.report.problems]
    assert problems == [
        ("plans.csv", 3),
        ("plans.csv", 4),
        ("plans.csv", 4),
        ("plans.csv", 4),
        ("plans.csv", 4),
        ("pay.csv", 3),
        ("pay.csv", 4),
        ("pay.csv", 5),
    ]
    text = [str(p) for p in caught.value.report.problems]
    assert text[0] == "plans.csv:3: name: a plan needs a name"
    assert text[1].startswith("plans.csv:4: model: 'balloon' is not a model; use one of:")
    assert text[2].startswith("plans.csv:4: principal: 'abc' is not an amount")
    assert text[3].startswith("plans.csv:4: periods: 0 periods is out of range")
    assert text[4] == "plans.csv:4: first_due: '2024-13-01' is not a real date"
    assert text[5] == "pay.csv:3: plan_id: plan 2 is not imported (plans.csv line 3 has an error)"
    assert (
        text[6]
        == "pay.csv:4: plan_id: there is no plan 99, neither in the database nor in the import"
    )
    assert text[7].startswith("pay.csv:5: amount: '12.345' has more than 2 decimal places for CNY")
    assert str(caught.value) == (
        "8 problems on 5 lines of plans.csv, pay.csv; nothing was imported"
    )
    assert snapshot(tmp_path / "sample.sqlite3") == before


def test_plan_name_must_match_the_plan(sample: Database) -> None:
    data = "plan_id,plan_name,date,amount\r\n1,小米13,2024-04-30,10.00\r\n".encode()
    with pytest.raises(ImportRefused, match="1 problem"):
        import_file(sample, data, TODAY)
    with pytest.raises(ImportRefused) as caught:
        import_file(sample, data, TODAY, dry_run=True)
    assert "is '小米14 Pro', not '小米13'" in caught.value.report.problems[0].message


def test_reimporting_the_same_payments_is_refused(sample: Database) -> None:
    data = transfer.export_csv(sample, "payments", TODAY, plan_id=1)[0]
    with pytest.raises(ImportRefused) as caught:
        import_file(sample, data, TODAY)
    assert {p.line for p in caught.value.report.problems} == {2, 3, 4}
    assert all("already recorded" in p.message for p in caught.value.report.problems)


def test_payoff_row_must_match_the_quote(empty: Database) -> None:
    plans = "id,name,model,principal,periods,first_due\r\n1,A,pay_in_n,400.01,4,2024-03-01\r\n"
    payments = "plan_id,date,amount,kind\r\n1,2024-03-20,300.00,payoff\r\n"
    with pytest.raises(ImportRefused) as caught:
        import_files(
            empty,
            [ImportFile("p.csv", plans.encode()), ImportFile("y.csv", payments.encode())],
            TODAY,
        )
    assert "costs 400.01 under its policy, not 300.00" in str(caught.value.report.problems[0])
    payments = "plan_id,date,amount,kind\r\n1,2024-03-20,400.01,提前结清\r\n"
    _, report = import_files(
        empty, [ImportFile("p.csv", plans.encode()), ImportFile("y.csv", payments.encode())], TODAY
    )
    assert sv.plan_detail(empty, report.plans[0].id, TODAY).status == sv.PlanStatus.CLOSED


def test_payment_after_the_plan_is_paid_off_is_refused(sample: Database) -> None:
    data = b"plan_id,date,amount\r\n5,2024-04-01,1.00\r\n"
    with pytest.raises(ImportRefused, match="1 problem"):
        import_file(sample, data, TODAY)


def test_voided_payments_are_kept_voided(empty: Database) -> None:
    plans = "id,name,model,principal,periods,first_due\r\n7,A,interest_free,100,1,2024-03-01\r\n"
    payments = "plan_id,date,amount,voided\r\n7,2024-03-01,100.00,true\r\n7,2024-03-02,100.00,\r\n"
    import_files(
        empty, [ImportFile("p.csv", plans.encode()), ImportFile("y.csv", payments.encode())], TODAY
    )
    rows = sv.history(empty)
    assert [(r.voided, r.amount) for r in rows] == [(True, 10000), (False, 10000)]


def test_the_plan_key_may_not_repeat_across_files(empty: Database) -> None:
    plans = "id,name,model,principal,periods,first_due\r\n1,A,interest_free,100,1,2024-03-01\r\n"
    with pytest.raises(ImportRefused) as caught:
        import_files(
            empty,
            [ImportFile("a.csv", plans.encode()), ImportFile("b.csv", plans.encode())],
            TODAY,
        )
    assert str(caught.value.report.problems[0]) == "b.csv:2: plan id 1 is also on a.csv line 2"


def test_service_rules_apply_to_imported_plans(empty: Database) -> None:
    long_name = "x" * 201
    text = f"name,model,principal,periods,first_due\r\n{long_name},flat,100,3,2024-06-01\r\n"
    with pytest.raises(ImportRefused, match="1 problem") as caught:
        import_file(empty, text.encode(), TODAY)
    assert "longer than 200" in caught.value.report.problems[0].message


def test_no_files_and_the_problem_string() -> None:
    with pytest.raises(sv.ServiceError, match="no file"):
        import_files(None, [], TODAY)  # type: ignore[arg-type]
    assert str(csv_import.Problem(3, "bad")) == "line 3: bad"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024-01-31", date(2024, 1, 31)),
        ("2024/1/5", date(2024, 1, 5)),
        ("2024.12.05", date(2024, 12, 5)),
        ("2024年2月29日", date(2024, 2, 29)),
        ("２０２４－０１－３１", date(2024, 1, 31)),
    ],
)
def test_dates_year_first(text: str, expected: date) -> None:
    assert csv_import.parse_date(text) == expected


@pytest.mark.parametrize("text", ["31/01/2024", "2024-02-30", "2024-1/5", "20240131", "today"])
def test_ambiguous_or_impossible_dates_are_refused(text: str) -> None:
    with pytest.raises(ValueError):
        csv_import.parse_date(text)


def test_import_changes_refresh_what_they_touched(sample: Database) -> None:
    data = (PAYMENTS_ZH + "1,2024-04-30,321.60,支付宝,\r\n6,2024-05-01,16660,现金,\r\n").encode()
    change, report = import_file(sample, data, TODAY)
    assert change.plan_ids == {1, 6}
    assert len(change.payment_ids) == 2
    assert [p.currency for p in report.payments] == ["CNY", "JPY"]


_TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cc", "Cs", "Co"), blacklist_characters="\ufeff")
    | st.sampled_from("'=+-@\t\r\n,\"小"),
    max_size=12,
)


@given(
    name=_TEXT.filter(lambda t: t.strip() != ""),
    platform=_TEXT,
    notes=_TEXT,
    principal=st.integers(1, 10**12),
    periods=st.integers(1, 360),
    rate=st.decimals(0, 1, places=6),
    key=st.integers(1, 2**63 - 1),
)
def test_any_plan_line_survives_write_and_read(
    name: str, platform: str, notes: str, principal: int, periods: int, rate: Decimal, key: int
) -> None:
    terms = PlanTerms(
        Model.FLAT, principal, periods, date(2024, 1, 31), rate, remainder=Remainder.FIRST
    )
    line = PlanLine(key, name, platform, None, notes, terms, archived=bool(key % 2))
    table = csv_import.read_table(csv_export.plans_csv([line]))
    parsed = csv_import.parse_plans(table)
    assert parsed.problems == ()
    assert [p for _, p in parsed.rows] == [line]

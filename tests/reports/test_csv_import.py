"""CSV import: the round trip, encodings, Chinese headers, formula cells, id mapping, dry runs.

The round trip: export plans + payments of the sample ledger, import both into an empty
database as one batch, export again: the files are identical (installments and the calendar
feed too).
"""

from __future__ import annotations

import csv
import dataclasses
import io
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import icalendar
import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.reports.test_csv_common import FORMULA_NAME, TODAY, build_sample, snapshot
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


def unrevised(db: Database, day: date) -> tuple[list[bytes], int]:
    """The calendar feed without its SEQUENCE lines: the files carry no history of changes,
    so an import's events start their revisions again (``storage.ics_events``)."""
    data, count = transfer.calendar_feed(db, day, datetime(2026, 11, 21, tzinfo=UTC))
    return [line for line in data.split(b"\r\n") if not line.startswith(b"SEQUENCE:")], count


def unrevised_events(db: Database, day: date) -> dict[str, bytes]:
    """The feed's events by UID, without SEQUENCE (see ``unrevised``)."""
    data, _ = transfer.calendar_feed(db, day, datetime(2026, 11, 21, tzinfo=UTC))
    out = {}
    for e in icalendar.Calendar.from_ical(data).walk("VEVENT"):
        e.pop("SEQUENCE")
        out[str(e["UID"])] = e.to_ical()
    return out


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
    assert unrevised(empty, TODAY) == unrevised(sample, TODAY)
    # Closed, archived and the payoff charge came back too.
    again = {p.id: p for p in sv.list_plans(empty, TODAY, include_archived=True)}
    assert again[5].status == sv.PlanStatus.CLOSED and again[4].archived


def test_import_keeps_free_ids_and_renumbers_taken_ones(sample: Database, empty: Database) -> None:
    """Plan 1 and payment 1 exist already: those two get ids above every id of the database
    and the files (8 and 10), with a warning each; every other id is kept."""
    plan = sv.add_plan(
        empty,
        sv.PlanInput("已有的", PlanTerms(Model.INTEREST_FREE, 10000, 2, date(2024, 1, 1))),
    ).created_id
    assert plan == 1
    sv.record_payment(empty, 1, 5000, date(2024, 1, 1), TODAY)
    files = exported(sample)
    _, report = import_files(
        empty, [ImportFile("a.csv", files["plans"]), ImportFile("b.csv", files["payments"])], TODAY
    )
    assert [(p.key, p.id) for p in report.plans] == [(1, 8), *((k, k) for k in range(2, 8))]
    assert sorted((p.key, p.id) for p in report.payments) == [
        (1, 10),
        *((k, k) for k in range(2, 10)),
    ]
    assert [(w.file, w.line, w.message) for w in report.warnings] == [
        (
            "a.csv",
            2,
            "plan id 1 is taken in the database; this plan gets id 8, and the payments of "
            "this import that name plan 1 go to it",
        ),
        ("b.csv", 2, "payment id 1 is taken in the database; this payment gets id 10"),
    ]
    names = {p.plan_id: p.plan_name for p in report.payments}
    assert names[8] == "小米14 Pro" and names[2] == FORMULA_NAME
    assert [r.plan_id for r in sv.history(empty, plan_id=8)] == [8, 8, 8]
    assert [r.plan_name for r in sv.history(empty, plan_id=1)] == ["已有的"]


def test_a_dry_run_reports_the_ids_an_import_would_give(sample: Database) -> None:
    """Into the sample ledger itself every id is taken: the ids reported on a dry run are the
    ones the import then gives."""
    files = exported(sample)
    batch = [ImportFile("p.csv", files["plans"])]
    _, dry = import_files(sample, batch, TODAY, dry_run=True)
    _, done = import_files(sample, batch, TODAY)
    assert [p.id for p in dry.plans] == [p.id for p in done.plans] == list(range(8, 15))
    assert dry.warnings == done.warnings


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


def test_gbk_text_behind_a_utf8_bom_reads_as_gbk(empty: Database) -> None:
    """Some converters put a UTF-8 BOM in front of GBK text: the header must not come out as
    garbage ('锘縤d'); the BOM is dropped and the rest read as GBK."""
    text = (
        "id,name,model,principal,periods,rate_pct,first_due\r\n"
        "1,小米,flat,3600,12,0.6,2026-12-15\r\n"
    )
    data = b"\xef\xbb\xbf" + text.encode("gb18030")
    _, report = import_file(empty, data, TODAY)
    assert [(p.name, p.principal) for p in report.plans] == [("小米", 360000)]


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


# -- the round trip on realistic data -----------------------------------------------------------

REAL_DAY = date(2026, 11, 21)


def build_realistic(db: Database) -> dict[str, int]:
    """The app's sample data plus what real ledgers hold: payment ids out of date order (the
    sample stores plan by plan), an id gap (a deleted plan), a plan edited after payments
    (paid periods keep their 29.99 fee, the rest 25.00), one whose first due date was moved
    after payments (paid periods keep their due dates), a payoff with a charge on the first
    unpaid installment (the car loan, 2%), a payoff whose charge needs an extra period (every
    installment already due), and a voided payment."""
    from tracker.domain.payoff import PayoffPolicy
    from tracker.services.sample import load_sample_data

    db.today = lambda: REAL_DAY  # writes without an as_of (the delete) are dated so too
    load_sample_data(db, REAL_DAY)
    plans = {p.name: p.id for p in sv.list_plans(db, REAL_DAY)}
    gone = sv.add_plan(
        db, sv.PlanInput("删掉的", PlanTerms(Model.INTEREST_FREE, 10000, 2, date(2026, 6, 1)))
    ).created_id
    assert gone is not None
    sv.delete_plan(db, gone)
    xiaomi = plans["小米14 Pro 手机"]
    detail = sv.plan_detail(db, xiaomi, REAL_DAY)
    edited = sv.PlanInput(
        name=detail.input.name,
        terms=PlanTerms(Model.FLAT, 499900, 12, detail.input.terms.first_due, Decimal("0.005")),
        platform=detail.input.platform,
        purchase_date=detail.input.purchase_date,
        notes=detail.input.notes,
    )
    sv.edit_plan(db, xiaomi, edited, REAL_DAY)
    card = plans["MacBook Air 账单分期"]  # due five days later from now on: paid periods keep
    detail = sv.plan_detail(db, card, REAL_DAY)  # their dates (written with @ in the file)
    terms = detail.input.terms
    later = PlanTerms(
        terms.model, terms.principal, terms.periods, terms.first_due + timedelta(days=5), terms.rate
    )
    sv.edit_plan(db, card, dataclasses.replace(detail.input, terms=later), REAL_DAY)
    car = plans["比亚迪秦PLUS 车贷"]
    sv.pay_off(db, car, REAL_DAY, REAL_DAY, "银行卡", "提前结清")
    old = sv.add_plan(
        db,
        sv.PlanInput(
            "旧手机",
            PlanTerms(Model.FLAT, 120000, 3, date(2026, 6, 5), Decimal("0.006")),
            payoff_policy=PayoffPolicy.PENALTY_PCT,
            payoff_penalty_pct=Decimal("0.03"),
        ),
    ).created_id
    assert old is not None
    sv.record_payment(db, old, 40720, date(2026, 6, 5), REAL_DAY, "微信支付")
    sv.record_payment(db, old, 100, date(2026, 6, 6), REAL_DAY, "微信支付", "输错了")
    sv.void_payment(db, sv.history(db, old)[-1].id, REAL_DAY)
    sv.pay_off(db, old, REAL_DAY, REAL_DAY)
    return {"xiaomi": xiaomi, "car": car, "old": old, "gone": gone}


@pytest.fixture
def realistic(tmp_path: Path) -> Iterator[Database]:
    db = open_database(tmp_path / "realistic.sqlite3")
    build_realistic(db)
    yield db
    db.close()


def exported_on(db: Database, day: date) -> dict[str, bytes]:
    return {k: transfer.export_csv(db, k, day)[0] for k in transfer.KINDS}


def test_realistic_data_is_what_the_round_trip_must_survive(realistic: Database) -> None:
    history = sv.history(realistic)
    ids = [p.id for p in history]
    assert ids != sorted(ids)  # payments by date are not in id order
    plan_ids = sorted(p.id for p in sv.list_plans(realistic, REAL_DAY, include_archived=True))
    assert plan_ids != list(range(1, len(plan_ids) + 1))  # a gap
    xiaomi = sv.plan_detail(realistic, 1, REAL_DAY)
    fees = [s.installment.fee for s in xiaomi.installments]
    assert fees[:5] == [2999] * 5 and fees[5:] == [2500] * 7
    old = sv.plan_detail(realistic, 7, REAL_DAY)
    assert old.status == sv.PlanStatus.CLOSED and old.payoff_charge > 0
    assert len(old.installments) == 4  # the charge is an extra period due on the payoff day
    card = [s.due_date for s in sv.plan_detail(realistic, 3, REAL_DAY).installments]
    assert card[:3] == [date(2026, 9, 19), date(2026, 10, 19), date(2026, 11, 24)]
    plans = transfer.export_csv(realistic, "plans", REAL_DAY)[0].decode("utf-8-sig")
    assert "749.99/67.49@2026-09-19;749.91/67.49@2026-10-19;749.91/67.49;" in plans
    assert '0.00/24.00@2026-11-21"\r\n' in plans


def test_round_trip_of_realistic_data(realistic: Database, empty: Database) -> None:
    before = exported_on(realistic, REAL_DAY)
    _, report = import_files(
        empty,
        [ImportFile("payments.csv", before["payments"]), ImportFile("plans.csv", before["plans"])],
        REAL_DAY,
    )
    assert report.warnings == ()
    after = exported_on(empty, REAL_DAY)
    for kind in transfer.KINDS:
        assert after[kind] == before[kind], kind
    imported, original = unrevised_events(empty, REAL_DAY), unrevised_events(realistic, REAL_DAY)
    tombstones = {uid: original.pop(uid) for uid in set(original) - set(imported)}
    assert imported == original
    assert len(tombstones) == 2  # the deleted plan's two periods, cancelled
    assert all(b"STATUS:CANCELLED" in e and "已删除".encode() in e for e in tombstones.values())
    for plan in sv.list_plans(realistic, REAL_DAY, include_archived=True):
        assert sv.plan_detail(empty, plan.id, REAL_DAY) == sv.plan_detail(
            realistic, plan.id, REAL_DAY
        )


# -- the stored schedule ------------------------------------------------------------------------

SCHEDULE_HEAD = "id,name,model,principal,periods,rate_pct,first_due,schedule\r\n"


def schedule_of(db: Database, plan_id: int) -> list[tuple[date, int, int]]:
    detail = sv.plan_detail(db, plan_id, TODAY)
    return [(s.due_date, s.installment.principal, s.installment.fee) for s in detail.installments]


def test_the_schedule_column_is_stored_as_written(empty: Database) -> None:
    """Not what the terms give (7.20 a period from 2024-01-31): the file's fees and the one
    date it overrides."""
    text = SCHEDULE_HEAD + (
        '1,A,flat,1200,3,0.6,2024-01-31,"400.00/7.20@2024-01-15;400.00/5.00;400.00/5.00"\r\n'
    )
    import_file(empty, text.encode(), TODAY)
    assert schedule_of(empty, 1) == [
        (date(2024, 1, 15), 40000, 720),
        (date(2024, 2, 29), 40000, 500),
        (date(2024, 3, 31), 40000, 500),
    ]
    again = transfer.export_csv(empty, "plans", TODAY)[0].decode("utf-8-sig")
    assert again.endswith(',0.00,,,"400.00/7.20@2024-01-15;400.00/5.00;400.00/5.00"\r\n')


@pytest.mark.parametrize("cell", ["", ";"])
def test_an_empty_schedule_cell_rebuilds_from_the_terms(empty: Database, cell: str) -> None:
    import_file(
        empty, (SCHEDULE_HEAD + f"1,A,flat,1200,3,0.6,2024-01-31,{cell}\r\n").encode(), TODAY
    )
    assert [fee for _, _, fee in schedule_of(empty, 1)] == [720, 720, 720]


def test_an_export_from_before_the_schedule_column_still_imports(
    sample: Database, empty: Database
) -> None:
    """Drop the four newer columns (an older export, from before ``payoff_charge``,
    ``account``, ``holidays`` and ``schedule``): the schedules are rebuilt from the terms,
    which for the sample ledger (never edited, no working-day calendar, no account) gives the
    same files."""
    files = exported(sample)

    def old_format(data: bytes) -> bytes:
        rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
        assert rows[0][-4:] == ["payoff_charge", "account", "holidays", "schedule"]
        out = io.StringIO(newline="")
        csv.writer(out, lineterminator="\r\n").writerows(r[:-4] for r in rows)
        return ("\ufeff" + out.getvalue()).encode()

    import_files(
        empty,
        [ImportFile("p.csv", old_format(files["plans"])), ImportFile("y.csv", files["payments"])],
        TODAY,
    )
    assert exported(empty) == files


def test_schedule_problems_say_what_is_wrong(empty: Database) -> None:
    from tests.reports.test_csv_common import MALFORMED

    with pytest.raises(ImportRefused) as caught:
        import_file(empty, (MALFORMED / "bad_schedule.csv").read_bytes(), TODAY)
    assert [str(p) for p in caught.value.report.problems] == [
        "import.csv:2: schedule: 2 entries for 3 periods; write one PRINCIPAL/FEE entry per "
        "period, or clear the cell to rebuild the schedule from the terms",
        "import.csv:3: schedule: the principal parts add up to 1199.99, not the principal "
        "1200.00; correct them, or clear the cell to rebuild the schedule from the terms",
        "import.csv:4: schedule: entry 2 '400.00' is not PRINCIPAL/FEE, e.g. 416.62/29.99 "
        "(with @YYYY-MM-DD when it is due on another day)",
        caught.value.report.problems[3].__str__(),
        "import.csv:6: schedule: entry 4 follows the last period, so it can only be an "
        "early-payoff charge; its principal must be 0",
        "import.csv:7: schedule: entry 1: '2024-02-30' is not a real date",
    ]
    assert str(caught.value.report.problems[3]).startswith(
        "import.csv:5: schedule: entry 2: '-7.20' is negative"
    )


def test_a_payoff_charge_period_round_trips(empty: Database) -> None:
    """A plan paid off when every period was due: the charge is an extra period due on the
    payoff day, and the payoff row pays exactly what that schedule owes."""
    plans = (
        "id,name,model,principal,periods,rate_pct,first_due,payoff_policy,payoff_penalty_pct,"
        "payoff_charge,schedule\r\n"
        "1,A,flat,1200,3,0.6,2024-01-05,penalty_pct,3,24.00,"
        '"400.00/7.20;400.00/7.20;400.00/7.20;0.00/24.00@2024-05-01"\r\n'
    )
    payments = "plan_id,date,amount,kind\r\n1,2024-05-01,1245.60,payoff\r\n"
    import_files(
        empty, [ImportFile("p.csv", plans.encode()), ImportFile("y.csv", payments.encode())], TODAY
    )
    detail = sv.plan_detail(empty, 1, TODAY)
    assert detail.status == sv.PlanStatus.CLOSED and detail.closed_on == date(2024, 5, 1)
    assert detail.payoff_charge == 2400
    assert schedule_of(empty, 1)[-1] == (date(2024, 5, 1), 0, 2400)


def test_the_payoff_charge_waits_for_its_payoff(empty: Database) -> None:
    """Plans alone: the plan is open (what its schedule still owes), no charge yet."""
    plans = (
        "id,name,model,principal,periods,first_due,payoff_charge,schedule\r\n"
        '1,A,interest_free,300,3,2024-06-05,5.00,"100.00/0.00;100.00/5.00;100.00/0.00"\r\n'
    )
    import_file(empty, plans.encode(), TODAY)
    detail = sv.plan_detail(empty, 1, TODAY)
    assert detail.payoff_charge == 0 and detail.closed_on is None
    assert detail.state.balance == 30500


# -- warnings -------------------------------------------------------------------------------------


def test_reimporting_a_plans_file_warns_about_look_alikes(sample: Database) -> None:
    data = transfer.export_csv(sample, "plans", TODAY, plan_id=1)[0]
    _, report = import_file(sample, data, TODAY, dry_run=True, name="plans.csv")
    assert [str(w) for w in report.warnings] == [
        "plans.csv:2: plan id 1 is taken in the database; this plan gets id 8, and the "
        "payments of this import that name plan 1 go to it",
        "plans.csv:2: plan 1 (小米14 Pro) in the database has the same name, platform, model, "
        "principal, periods and first due date; this adds a second one (remove the row if the "
        "file was imported before)",
    ]
    assert report.problems == () and len(report.plans) == 1
    _, done = import_file(sample, data, TODAY, name="plans.csv")  # a warning, not an error
    assert done.warnings == report.warnings
    assert len(sv.list_plans(sample, TODAY, include_archived=True)) == 8


def test_a_different_plan_is_no_look_alike(sample: Database) -> None:
    text = "name,platform,model,principal,periods,rate_pct,first_due\r\n"
    text += "小米14 Pro,小米分期,flat,3600,12,0.6,2024-02-29\r\n"  # another first due date
    _, report = import_file(sample, text.encode(), TODAY, dry_run=True)
    # The only warning is that its 3 past periods count as paid before tracking.
    assert [w.message for w in report.warnings if "same name" in w.message] == []
    assert len(report.warnings) == 1 and "the 3 due before 2024-05-10" in str(report.warnings[0])


# -- the header ------------------------------------------------------------------------------------


def test_a_trailing_unnamed_empty_column_is_ignored(empty: Database) -> None:
    """Excel saves one after a formatted cell: ``…,note,`` and ``…,,`` on every row."""
    text = "name,model,principal,periods,first_due,,\r\nA,flat,100,3,2024-06-01,,\r\n,,,,,,\r\n"
    _, report = import_file(empty, text.encode(), TODAY)
    assert [p.name for p in report.plans] == ["A"]
    text = "name,model,principal,periods,first_due,\r\nB,flat,100,3,2024-06-01\r\n"  # short
    _, report = import_file(empty, text.encode(), TODAY, dry_run=True)
    assert [p.name for p in report.plans] == ["B"]


def test_a_stray_tab_in_a_header_cell_is_no_separator(empty: Database) -> None:
    text = "name\t,model,principal,periods,first_due\r\nA,flat,100,3,2024-06-01\r\n"
    _, report = import_file(empty, text.encode(), TODAY, dry_run=True)
    assert [p.name for p in report.plans] == ["A"]


# -- separators, quoting and header languages ---------------------------------------------------


def test_the_schedule_cell_is_quoted_so_spreadsheets_keep_it_whole(sample: Database) -> None:
    """LibreOffice's default import also splits on ';': every ';' of the file is inside a
    quoted cell, so each data row stays as wide as the header."""
    raw = exported(sample)["plans"]
    lines = raw.decode("utf-8-sig").split("\r\n")[:-1]
    assert b',"100.01/0.00;100.00/0.00;100.00/0.00;100.00/0.00"\r\n' in raw
    for line in lines:
        outside = line.split('"')[::2]  # the text between quoted cells
        assert not any(";" in part or "\t" in part for part in outside), line
    # What a spreadsheet splitting on ',' and ';' (with '"' as the text delimiter) sees.
    widths = {len(next(csv.reader([line.replace(";", "\x1f")], delimiter=","))) for line in lines}
    assert widths == {len(lines[0].split(","))}


@pytest.mark.parametrize("sep", [";", "\t"])
def test_semicolon_and_tab_separated_files_import(empty: Database, sep: str) -> None:
    text = sep.join(["名称", "平台", "本金", "期数", "费率", "首次还款日", "计息方式"]) + "\r\n"
    text += sep.join(["小米14", "小米分期", "3600.00", "12", "0.6", "2024-01-31", "flat"]) + "\r\n"
    _, report = import_file(empty, text.encode("utf-8"), TODAY)
    assert [(p.name, p.platform, p.principal) for p in report.plans] == [
        ("小米14", "小米分期", 360000)
    ]


def test_a_decimal_comma_in_a_semicolon_file_is_refused_not_guessed(empty: Database) -> None:
    text = "name;model;principal;periods;first_due\r\nA;flat;1,234;3;2024-01-31\r\n"
    with pytest.raises(ImportRefused) as err:
        import_file(empty, text.encode(), TODAY)
    [problem] = err.value.report.problems
    assert problem.line == 2 and "decimal point" in problem.message
    assert sv.list_plans(empty, TODAY, include_archived=True) == []


def test_chinese_header_export_round_trips(sample: Database, empty: Database) -> None:
    files = {
        kind: transfer.export_csv(sample, kind, TODAY, headers="zh")[0]
        for kind in ("plans", "payments")
    }
    assert files["plans"].decode("utf-8-sig").startswith("编号,名称,平台,购买日期,")
    assert files["payments"].decode("utf-8-sig").split("\r\n")[0].split(",")[2] == "分期名称"
    import_files(
        empty,
        [ImportFile("计划.csv", files["plans"]), ImportFile("还款.csv", files["payments"])],
        TODAY,
    )
    assert exported(empty) == exported(sample)


def test_installments_in_chinese_say_the_status_in_chinese(sample: Database) -> None:
    text = transfer.export_csv(sample, "installments", TODAY, headers="zh")[0].decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    status = rows[0].index("状态")
    assert {r[status] for r in rows[1:]} <= {
        "已还",
        "部分还款",
        "未到期",
        "即将到期",
        "今日到期",
        "宽限期",
        "逾期",
    }
    assert "已还" in {r[status] for r in rows[1:]}

"""Refusals of the domain, the services and the CSV reader read in the UI's language; the CLI's
stay English.

Every ``UserError`` (``AmountError``, ``PaymentError``, ``ServiceError``, ``CellError`` …) and
``Phrase`` is made from a literal English template. ``tracker.ui.errors.CATALOGUE`` lists those
templates so lupdate sees them; the first tests here parse ``tracker/`` and fail when a template
is missing from the catalogue (or is not a literal, or a refusal of the domain, the services or
the CSV reader is raised as a bare ``ValueError``, or a CSV problem is made without its
refusal), and check that the committed Chinese translation of each template keeps its
placeholders. The rest check what a user sees: Chinese with ¥-formatted amounts, English with
¥-formatted amounts, and ``str(exc)`` unchanged for the CLI; the import preview shows the
problems of malformed CSV files in Chinese.
"""

from __future__ import annotations

import ast
import pickle
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path
from string import Formatter

import pytest
from PySide6.QtCore import QTranslator

from tests.reports.test_csv_common import MALFORMED, build_sample
from tests.reports.test_csv_common import TODAY as SAMPLE_DAY
from tests.ui.conftest import TODAY, add_flat_plan
from tracker import services as sv
from tracker.domain.errors import Phrase, UserError
from tracker.domain.ledger import LedgerRules, Payment, PaymentError, check_payment
from tracker.domain.money import AmountError, parse_amount, parse_rate
from tracker.domain.plan import Model, PlanTerms
from tracker.domain.schedule import build_schedule
from tracker.reports import csv_import
from tracker.services import transfer
from tracker.storage import StorageError
from tracker.storage.engine import Database, open_database
from tracker.ui.context import AppContext
from tracker.ui.errors import CATALOGUE, describe
from tracker.ui.i18n import install_translators, translations_dir
from tracker.ui.import_dialog import ImportDialog, problem_text
from tracker.ui.payment_dialog import RecordPaymentDialog
from tracker.ui.plan_dialog import PlanDialog
from tracker.ui.settings_dialog import SettingsDialog

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "tracker"

OVER_PAYMENT_EN = (
    "the payment of 99999.00 is more than the remaining balance of 3859.20 on 2026-11-21"
)
OVER_PAYMENT_ZH = "还款金额 ¥99,999.00 超过了 2026-11-21 的待还余额 ¥3,859.20"
DECIMALS_EN = (
    "'12.345' has more than 2 decimal places for CNY; "
    "enter a positive amount with at most 2 decimal places, e.g. 3600 or 3,600.00"
)

# -- the catalogue covers every template ---------------------------------------------------------


@dataclass(frozen=True)
class Site:
    """Where a template is used: file, line, and the template (None when not a literal)."""

    path: str
    line: int
    template: str | None


def _trees() -> dict[str, ast.Module]:
    return {
        p.relative_to(ROOT).as_posix(): ast.parse(p.read_text("utf-8"), str(p))
        for p in sorted(PACKAGE.rglob("*.py"))
    }


def _name(node: ast.expr) -> str | None:
    return node.id if isinstance(node, ast.Name) else getattr(node, "attr", None)


def _error_classes(trees: dict[str, ast.Module]) -> tuple[set[str], set[str]]:
    """Names of UserError and its subclasses anywhere in tracker/, and those of them that
    define their own ``__init__`` (they build their template in ``super().__init__``)."""
    names = {"UserError"}
    custom: set[str] = set()
    grew = True
    while grew:
        grew = False
        for tree in trees.values():
            for node in ast.walk(tree):
                if (
                    isinstance(node, ast.ClassDef)
                    and node.name not in names
                    and any(_name(b) in names for b in node.bases)
                ):
                    names.add(node.name)
                    grew = True
    for tree in trees.values():
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.ClassDef)
                and node.name in names - {"UserError"}
                and any(isinstance(f, ast.FunctionDef) and f.name == "__init__" for f in node.body)
            ):
                custom.add(node.name)
    return names, custom


def _literals(node: ast.expr) -> list[str] | None:
    """The template(s) of a first argument: a literal, or a conditional between literals."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.IfExp):
        body, orelse = _literals(node.body), _literals(node.orelse)
        return None if body is None or orelse is None else body + orelse
    return None


def _is_super_init(call: ast.Call) -> bool:
    func = call.func
    return (
        isinstance(func, ast.Attribute)
        and func.attr == "__init__"
        and isinstance(func.value, ast.Call)
        and _name(func.value.func) == "super"
    )


def template_sites() -> list[Site]:
    """Every construction of a UserError (sub)class or a Phrase in tracker/, with its template."""
    trees = _trees()
    names, custom = _error_classes(trees)
    makers = (names - custom) | {"Phrase"}
    sites: list[Site] = []

    def add(path: str, call: ast.Call) -> None:
        found = _literals(call.args[0]) if call.args else None
        for template in found or [None]:
            sites.append(Site(path, call.lineno, template))

    for path, tree in trees.items():
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and _name(node.func) in makers:
                add(path, node)
            if isinstance(node, ast.ClassDef) and node.name in custom:
                for inner in ast.walk(node):
                    if isinstance(inner, ast.Call) and _is_super_init(inner):
                        add(path, inner)
    return sites


def test_every_template_is_a_literal_in_the_catalogue() -> None:
    sites = template_sites()
    assert len({s.template for s in sites}) > 60  # the scan found the raise sites
    not_literal = [f"{s.path}:{s.line}" for s in sites if s.template is None]
    assert not not_literal, (
        "make the message a literal template with {placeholders} and pass the values as "
        "keyword arguments (an f-string cannot be translated):\n" + "\n".join(not_literal)
    )
    catalogue = set(CATALOGUE)
    missing = [f"{s.path}:{s.line}: {s.template!r}" for s in sites if s.template not in catalogue]
    assert not missing, (
        "add these templates to tracker/ui/errors.py CATALOGUE, run "
        "`uv run python packaging/update_translations.py` and translate them:\n"
        + "\n".join(missing)
    )


def test_the_catalogue_holds_nothing_stale() -> None:
    used = {s.template for s in template_sites()}
    assert len(CATALOGUE) == len(set(CATALOGUE))
    assert sorted(set(CATALOGUE) - used) == []


REFUSING = (
    "tracker/domain/",
    "tracker/services/",
    "tracker/reports/csv_",
    "tracker/reports/print_data",
)
"""The code whose refusals reach people: the domain, the services and the CSV reader."""

ALLOWED_RAISES = {
    ("tracker/domain/templates.py", "KeyError"),  # a programming error: an unknown template key
    ("tracker/services/sample.py", "AssertionError"),  # unreachable
    ("tracker/reports/csv_export.py", "ValueError"),  # a programming error: a row's width
    ("tracker/reports/csv_import.py", "CsvError"),  # carries Problems made from UserErrors
    ("tracker/reports/print_data.py", "KeyError"),  # a day that is not on the page: a bug
    # why no desktop notification went out: printed by `tracker remind --notify` on stderr;
    # the GUI never shows it (it falls back to its in-window banner)
    ("tracker/services/reminders.py", "NotifyError"),
    # the module's lazy names (PEP 562): an unknown name is a programming error
    ("tracker/services/__init__.py", "AttributeError"),
    ("tracker/domain/__init__.py", "AttributeError"),
}


def test_domain_services_and_the_csv_reader_refuse_only_with_user_errors() -> None:
    """A message raised as ValueError/LookupError/… would reach the GUI untranslated."""
    trees = _trees()
    names, _ = _error_classes(trees)
    bad = []
    for path, tree in trees.items():
        if not path.startswith(REFUSING):
            continue
        for node in ast.walk(tree):
            exc = node.exc if isinstance(node, ast.Raise) else None
            if isinstance(exc, ast.Call) and exc.args:
                name = _name(exc.func)
                allowed = name in names or name == "from_error" or (path, name) in ALLOWED_RAISES
                if not allowed:
                    bad.append(f"{path}:{node.lineno}: {name}")
    assert not bad, "raise a UserError subclass with a literal template instead:\n" + "\n".join(bad)


def test_every_csv_problem_is_made_from_its_refusal() -> None:
    """``Problem(line, "text")`` would reach the import preview in English: the CSV reader
    makes its problems with ``Problem.of(line, error)``."""
    bad = []
    for path, tree in _trees().items():
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and _name(node.func) == "Problem"
                and len(node.args) < 3
                and not any(k.arg == "error" for k in node.keywords)
            ):
                bad.append(f"{path}:{node.lineno}")
    assert not bad, "make the problem with Problem.of(line, UserError(...)):\n" + "\n".join(bad)


def _fields(text: str) -> list[tuple[str, str]]:
    """The placeholders of a format string as (name, format spec), sorted."""
    return sorted((name, spec or "") for _, name, spec, _ in Formatter().parse(text) if name)


def test_every_template_has_a_chinese_translation_with_the_same_placeholders() -> None:
    translator = QTranslator()
    assert translator.load("tracker_zh_CN", str(translations_dir()))
    problems = []
    for template in CATALOGUE:
        zh = translator.translate("Errors", template)
        if not zh:
            problems.append(f"{template!r}: no translation")
        elif _fields(zh) != _fields(template):
            problems.append(f"{template!r} → {zh!r}: placeholders differ")
    assert not problems, "\n".join(problems)


# -- what users see ------------------------------------------------------------------------------


@pytest.fixture
def chinese(qapp) -> Iterator[None]:
    install_translators(qapp, "zh_CN")
    yield
    install_translators(qapp, "en")


def _over_payment() -> PaymentError:
    terms = PlanTerms(Model.FLAT, 360000, 12, date(2026, 10, 31), Decimal("0.006"))
    installments = build_schedule(terms).installments
    with pytest.raises(PaymentError) as caught:
        check_payment(installments, [], LedgerRules(), Payment(TODAY, 9999900))
    return caught.value


def _amount_error(text: str) -> AmountError:
    with pytest.raises(AmountError) as caught:
        parse_amount(text)
    return caught.value


def test_the_cli_text_is_unchanged() -> None:
    assert str(_over_payment()) == OVER_PAYMENT_EN
    assert str(_amount_error("12.345")) == DECIMALS_EN
    wrapped = sv.ServiceError.from_error(_over_payment())
    assert str(wrapped) == OVER_PAYMENT_EN and wrapped.args == (OVER_PAYMENT_EN,)
    assert wrapped.template == _over_payment().template


def test_english_gui_formats_money_with_the_symbol(qapp) -> None:
    assert describe(_over_payment()) == (
        "the payment of ¥99,999.00 is more than the remaining balance of ¥3,859.20 on 2026-11-21"
    )
    assert describe(_amount_error("12.345")) == DECIMALS_EN


def test_chinese_gui_translates_with_money_and_nested_phrases(chinese) -> None:
    assert describe(_over_payment()) == (OVER_PAYMENT_ZH)
    assert describe(_amount_error("12.345")) == (
        "“12.345”的小数位数超过了 CNY 允许的 2 位，"
        "请输入大于零、最多 2 位小数的金额，例如 3600 或 3,600.00"
    )
    with pytest.raises(AmountError) as caught:
        parse_rate("-1", what="penalty rate")
    assert describe(caught.value).startswith("罚息利率“-1”是负数")
    nested = AmountError("amount {k}: {error}", k=2, error=_amount_error("abc"))
    assert describe(nested).startswith("第 2 个金额：“abc”不是有效的金额")
    assert str(nested).startswith("amount 2: 'abc' is not an amount")


def test_describe_leaves_other_errors_and_adds_a_headline_to_storage_failures(chinese) -> None:
    assert describe(OSError("No such file")) == "No such file"
    storage = StorageError("Cannot read x.db.")
    assert describe(storage) == "无法使用数据库文件。\n\nCannot read x.db."


class _WrongTranslator(QTranslator):
    """Translates every error into a text whose placeholder the error does not have."""

    def translate(self, context, source, disambiguation=None, n=-1):  # type: ignore[override]
        return "坏的译文 {nope}" if context == "Errors" else ""


def test_a_translation_that_does_not_fit_falls_back_to_english(qapp) -> None:
    wrong = _WrongTranslator()
    qapp.installTranslator(wrong)
    try:
        assert describe(_over_payment()).startswith("the payment of ¥99,999.00 is more than")
        assert describe(UserError("no file to import")) == "坏的译文 {nope}"  # nothing to fill
    finally:
        qapp.removeTranslator(wrong)


def test_user_errors_copy_and_pickle() -> None:
    error = pickle.loads(pickle.dumps(sv.ServiceError("there is no plan with id {id}", id=7)))
    assert type(error) is sv.ServiceError and error.params == {"id": 7}
    assert str(error) == "there is no plan with id 7"
    assert str(Phrase("{file} line {line}", file="a.csv", line=3)) == "a.csv line 3"


def test_service_refusals_in_chinese(chinese, ctx: AppContext) -> None:
    plan = add_flat_plan(ctx)
    with pytest.raises(sv.ServiceError) as caught:
        sv.record_payment(ctx.db, plan, 9999900, TODAY, TODAY)
    assert str(caught.value) == OVER_PAYMENT_EN
    assert describe(caught.value) == OVER_PAYMENT_ZH
    with pytest.raises(sv.ServiceError) as caught:
        sv.plan_detail(ctx.db, 99999, TODAY)
    assert describe(caught.value) == "不存在编号为 99999 的分期"
    terms = PlanTerms(Model.FLAT, 360000, 12, date(2026, 10, 31), Decimal("0.006"))
    with pytest.raises(sv.ServiceError) as caught:
        sv.add_plan(ctx.db, sv.PlanInput(name=" ", terms=terms))
    assert describe(caught.value) == "请为分期填写名称，例如“小米 14”或“花呗 - 冰箱”"


def test_act_shows_refusals_in_chinese(chinese, ctx: AppContext) -> None:
    plan = add_flat_plan(ctx)
    assert ctx.act(None, "x", sv.record_payment, plan, 9999900, TODAY, TODAY) is None
    assert ctx.interaction.errors == [OVER_PAYMENT_ZH]


def test_payment_dialog_refuses_an_over_payment_in_chinese(chinese, qtbot, ctx: AppContext) -> None:
    dialog = RecordPaymentDialog(ctx, add_flat_plan(ctx))
    qtbot.addWidget(dialog)
    dialog.amount_edit.setText("12.345")
    assert "小数位数超过了" in dialog.amount_error.text()
    dialog.amount_edit.setText("99999")  # flagged while typing, OK disabled
    assert dialog.amount_error.text().startswith("超过待还余额（¥3,859.20）")
    assert not dialog.ok_button.isEnabled()
    dialog.accept()  # a forced accept: the service's refusal, in Chinese
    text = dialog.service_error.text()
    assert text == OVER_PAYMENT_ZH
    assert not dialog.recorded


def test_plan_form_explains_a_bad_amount_in_chinese(chinese, qtbot, ctx: AppContext) -> None:
    dialog = PlanDialog(ctx, None, None)
    qtbot.addWidget(dialog)
    dialog.name_edit.setText("小米")
    dialog.principal_edit.setText("3600.123")
    assert "本金：“3600.123”的小数位数超过了 CNY 允许的 2 位" in dialog.message.text()
    assert "amount" not in dialog.message.text()


PLANS_CSV = (
    "id,name,model,principal,periods,rate_pct,first_due\n1,小米,flat,3600,12,0.6,2026-10-31\n"
)


def test_import_problems_from_the_services_are_translated(chinese, qtbot, ctx: AppContext) -> None:
    files = [
        transfer.ImportFile("plans.csv", PLANS_CSV.encode()),
        transfer.ImportFile("more.csv", PLANS_CSV.encode()),
    ]
    with pytest.raises(transfer.ImportRefused) as caught:
        transfer.import_files(ctx.db, files, TODAY, dry_run=True)
    assert str(caught.value) == "1 problem on 1 line of plans.csv, more.csv; nothing was imported"
    assert describe(caught.value) == "plans.csv, more.csv 中有 1 个问题（共 1 行），未导入任何内容"
    (problem,) = caught.value.report.problems
    assert problem.message == "plan id 1 is also on plans.csv line 2"
    assert problem_text(problem) == "plans.csv 第 2 行已使用过分期编号 1"
    dialog = ImportDialog(caught.value.report)
    qtbot.addWidget(dialog)
    assert dialog.problems_model.index(0, 1).data() == problem_text(problem)
    plain = transfer.ImportProblem("plans.csv", 3, "not valid CSV")
    assert problem_text(plain) == "not valid CSV"  # a problem without its refusal: as it is


# -- the CSV reader's problems -------------------------------------------------------------------

MALFORMED_FILES = sorted(p.name for p in MALFORMED.iterdir() if p.suffix in (".csv", ".bin"))


@pytest.fixture(scope="module")
def sample_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("sample") / "sample.sqlite3"
    with open_database(path) as db:
        build_sample(db)
    return path


@pytest.fixture
def sample(sample_template: Path, tmp_path: Path) -> Iterator[Database]:
    path = tmp_path / "sample.sqlite3"
    path.write_bytes(sample_template.read_bytes())
    db = open_database(path)
    yield db
    db.close()


def _refused(db: Database, *names: str) -> transfer.ImportReport:
    files = [transfer.ImportFile(n, (MALFORMED / n).read_bytes()) for n in names]
    with pytest.raises(transfer.ImportRefused) as caught:
        transfer.import_files(db, files, SAMPLE_DAY, dry_run=True)
    return caught.value.report


def test_every_problem_of_a_malformed_file_carries_its_refusal(sample: Database) -> None:
    """The import preview can show every problem in the UI's language; the CLI's text (the
    message) is the refusal's English text."""
    report = _refused(sample, *MALFORMED_FILES)
    assert {p.file for p in report.problems} == set(MALFORMED_FILES)
    for p in report.problems:
        assert p.error is not None, str(p)
        assert str(p.error) == p.message
    with pytest.raises(csv_import.CsvError) as caught:
        csv_import.read_table((MALFORMED / "unnamed_column.csv").read_bytes())
    assert [str(p.error) for p in caught.value.problems] == [
        p.message for p in caught.value.problems
    ]


# file → line → (the English message, unchanged; the Chinese one the import preview shows)
CSV_PROBLEMS_ZH: dict[str, dict[int, tuple[str, str]]] = {
    "bad_model.csv": {
        2: (
            "model: 'balloon' is not a model; use one of: annuity, custom, equal_principal, "
            "flat, interest_free, pay_in_n, total",
            "model 列：“balloon”不是有效的计息方式，可选值：annuity, custom, equal_principal, "
            "flat, interest_free, pay_in_n, total",
        )
    },
    "bad_dates.csv": {
        2: ("date: '2024-02-30' is not a real date", "date 列：日期“2024-02-30”不存在"),
        5: ("date: a value is required", "date 列不能为空"),
    },
    "semicolons.csv": {
        2: (
            "an amount has a comma in a file separated by semicolons, where it may be a decimal "
            "comma or a thousands separator; write amounts with a decimal point and no grouping, "
            "e.g. 3600.00",
            "以分号分隔的文件中金额含有逗号，无法确定是小数点还是千位分隔符；"
            "请用小数点书写金额且不加分组，例如 3600.00",
        )
    },
    "bad_schedule.csv": {
        3: (
            "schedule: the principal parts add up to 1199.99, not the principal 1200.00; "
            "correct them, or clear the cell to rebuild the schedule from the terms",
            "schedule 列：各项本金合计为 ¥1,199.99，与本金 ¥1,200.00 不符；"
            "请更正，或清空该单元格，按分期条款重新生成还款计划",
        ),
        5: (
            "schedule: entry 2: '-7.20' is negative; enter a positive amount with at most 2 "
            "decimal places, e.g. 3600 or 3,600.00",
            "schedule 列：第 2 项：“-7.20”是负数，"
            "请输入大于零、最多 2 位小数的金额，例如 3600 或 3,600.00",
        ),
    },
    "unnamed_column.csv": {
        1: (
            "column 2 has no name (the columns of a payments file are: id (编号), plan_id "
            "(分期编号), plan_name (分期名称), date (日期), amount (金额), currency (币种), "
            "method (还款方式), note (备注), kind (类型), voided (已作废), prepay (提前还款明细))",
            "第 2 列没有列名（还款文件的列为：id (编号), plan_id (分期编号), plan_name "
            "(分期名称), date (日期), amount (金额), currency (币种), method (还款方式), "
            "note (备注), kind (类型), voided (已作废), prepay (提前还款明细)）",
        )
    },
    "ambiguous_kind.csv": {
        1: (
            "cannot tell what this file holds: a plans file has a principal (本金) column, "
            "a payments file an amount (金额) column",
            "无法判断此文件的内容：分期文件有“本金”（principal）列，还款文件有“金额”（amount）列",
        )
    },
}


def _shown(dialog: ImportDialog) -> dict[tuple[str, int], str]:
    """What the problems tab shows: (file, line) → the reason (the last one of the line)."""
    model = dialog.problems_model
    rows = dialog.report.problems
    assert model.rowCount() == len(rows)
    return {(p.file, p.line): model.index(i, 1).data() for i, p in enumerate(rows)}


def test_the_import_preview_shows_csv_problems_in_chinese(chinese, qtbot, sample: Database) -> None:
    report = _refused(sample, *CSV_PROBLEMS_ZH)
    by_line = {(p.file, p.line): p for p in report.problems}
    dialog = ImportDialog(report)
    qtbot.addWidget(dialog)
    shown = _shown(dialog)
    for name, lines in CSV_PROBLEMS_ZH.items():
        for line, (english, chinese_text) in lines.items():
            problem = by_line[name, line]
            assert problem.message == english  # what the CLI prints: unchanged
            assert str(problem) == f"{name}:{line}: {english}"
            assert shown[name, line] == chinese_text
            assert describe(problem.error) == chinese_text  # type: ignore[arg-type]


def test_the_import_preview_shows_csv_problems_in_english(qtbot, sample: Database) -> None:
    report = _refused(sample, *CSV_PROBLEMS_ZH)
    dialog = ImportDialog(report)
    qtbot.addWidget(dialog)
    shown = _shown(dialog)
    for name, lines in CSV_PROBLEMS_ZH.items():
        for line, (english, _zh) in lines.items():
            if name == "bad_schedule.csv" and line == 3:  # amounts with the symbol, as ever
                assert shown[name, line] == english.replace("1199.99", "¥1,199.99").replace(
                    "1200.00", "¥1,200.00"
                )
            else:
                assert shown[name, line] == english


def test_a_failed_backup_says_so_above_the_storage_error(
    qtbot, ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fail() -> None:
        raise StorageError("Cannot write /x/backup.sqlite3: disk full.")

    dialog = SettingsDialog(ctx)
    qtbot.addWidget(dialog)
    monkeypatch.setattr(ctx.db, "backup", fail)
    assert dialog.back_up() is None
    assert ctx.interaction.errors == [
        "The backup was not made; the database was left unchanged.\n\n"
        "Cannot write /x/backup.sqlite3: disk full."
    ]

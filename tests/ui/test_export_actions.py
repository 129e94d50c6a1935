"""File → Export / Export calendar / Import: file dialogs replaced through the module seams,
the import preview driven directly, Chinese text set with setText (never typed)."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMainWindow

from tests.ui.conftest import TODAY, add_flat_plan
from tracker import services as sv
from tracker.services import transfer
from tracker.ui import export_actions
from tracker.ui.context import AppContext
from tracker.ui.import_dialog import ImportDialog
from tracker.ui.interaction import ScriptedInteraction

PLANS = (
    "编号,名称,平台,本金,期数,费率,首次还款日,计息方式,备注\r\n"
    "7,华为 Mate 60,华为分期,6999,12,0.6,2026-10-15,flat,=SUM(A1)\r\n"
    "8,花呗 冰箱,花呗,1000,6,4.5,2026-11-15,total,\r\n"
)
PAYMENTS = "分期编号,日期,金额,还款方式,备注\r\n7,2026-10-15,641.24,支付宝,第一期\r\n"


class Window(QMainWindow):
    """The smallest host: a main window with a context and a File menu."""

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.file_menu = self.menuBar().addMenu("&File")
        export_actions.install(self, self.file_menu)


@pytest.fixture
def window(qtbot, ctx: AppContext) -> Window:
    w = Window(ctx)
    qtbot.addWidget(w)
    return w


@pytest.fixture
def answers(monkeypatch: pytest.MonkeyPatch) -> dict[str, object]:
    """What the file dialogs and the preview answer; ``seen`` records the preview's report."""
    given: dict[str, object] = {"save": "", "open": [], "import": True, "days": 1}

    def preview(report: transfer.ImportReport, parent: object) -> bool:
        given["seen"] = report
        return bool(given["import"])

    monkeypatch.setattr(export_actions, "ask_save_path", lambda *a: given["save"])
    monkeypatch.setattr(export_actions, "ask_open_paths", lambda *a: given["open"])

    def alarm_days(parent: object, default: int) -> int | None:
        given["offered"] = default
        return given["days"]  # type: ignore[return-value]

    monkeypatch.setattr(export_actions, "ask_import", preview)
    monkeypatch.setattr(export_actions, "ask_alarm_days", alarm_days)
    return given


def errors(ctx: AppContext) -> list[str]:
    assert isinstance(ctx.interaction, ScriptedInteraction)
    return ctx.interaction.errors


def test_menu_entries(window: Window) -> None:
    texts = [a.text() for a in window.file_menu.actions()]
    assert texts == ["&Export", "Export &calendar (.ics)…", "&Import from CSV…"]
    sub = window.transfer_actions.export_menu
    assert [a.text() for a in sub.actions()] == [
        "&Payments (CSV)…",
        "&Installments with status (CSV)…",
        "P&lans (CSV)…",
        "",
        "CSV with &Chinese headers and status words (for WPS/Excel)",
    ]


def test_main_window_has_the_actions(qtbot, ctx: AppContext) -> None:
    from tracker.ui.main_window import MainWindow

    w = MainWindow(ctx)
    qtbot.addWidget(w)
    assert isinstance(w.transfer_actions, export_actions.TransferActions)


@pytest.mark.parametrize("kind", ["payments", "installments", "plans"])
def test_export_writes_the_csv(
    window: Window, ctx: AppContext, answers: dict[str, object], tmp_path: Path, kind: str
) -> None:
    plan = add_flat_plan(ctx, name="小米14")
    sv.record_payment(ctx.db, plan, 32160, TODAY, TODAY, "支付宝")
    answers["save"] = str(tmp_path / kind)  # no suffix: .csv is added
    path = window.transfer_actions.export_csv(kind)
    assert path == tmp_path / f"{kind}.csv"
    assert path.read_bytes() == transfer.export_csv(ctx.db, kind, TODAY)[0]
    assert "小米14" in path.read_bytes().decode("utf-8-sig")
    assert window.statusBar().currentMessage().startswith("Exported ")
    assert ctx.settings.value(export_actions.DIR_KEY) == str(tmp_path)
    assert errors(ctx) == []


def test_export_triggered_from_the_menu(
    window: Window, ctx: AppContext, answers: dict[str, object], tmp_path: Path
) -> None:
    answers["save"] = str(tmp_path / "p.csv")
    window.transfer_actions.export_plans_action.trigger()
    assert (tmp_path / "p.csv").read_bytes().startswith(b"\xef\xbb\xbfid,name,")


def test_chinese_headers_choice_is_used_and_remembered(
    window: Window, ctx: AppContext, answers: dict[str, object], tmp_path: Path
) -> None:
    add_flat_plan(ctx, name="小米14")
    action = window.transfer_actions.chinese_headers_action
    assert action.isCheckable() and not action.isChecked()
    action.setChecked(True)
    assert ctx.settings.value(export_actions.HEADERS_KEY) == "zh"
    answers["save"] = str(tmp_path / "i.csv")
    path = window.transfer_actions.export_csv("installments")
    assert path is not None
    text = path.read_bytes().decode("utf-8-sig")
    assert text.startswith("编号,分期名称,平台,") or text.split("\r\n")[0].count("期") >= 2
    assert "状态" in text.split("\r\n")[0] and "逾期" in text
    assert path.read_bytes() == transfer.export_csv(ctx.db, "installments", TODAY, headers="zh")[0]
    action.setChecked(False)
    assert ctx.settings.value(export_actions.HEADERS_KEY) == "en"


def test_cancelled_save_writes_nothing(
    window: Window, answers: dict[str, object], tmp_path: Path
) -> None:
    assert window.transfer_actions.export_csv("plans") is None
    assert window.transfer_actions.export_calendar() is None
    assert [p.name for p in tmp_path.iterdir() if p.suffix in (".csv", ".ics")] == []


def test_write_failure_is_shown(
    window: Window, ctx: AppContext, answers: dict[str, object], tmp_path: Path
) -> None:
    answers["save"] = str(tmp_path / "missing" / "x.csv")
    assert window.transfer_actions.export_csv("payments") is None
    assert len(errors(ctx)) == 1 and "Could not write" in errors(ctx)[0]


def test_export_calendar(
    window: Window, ctx: AppContext, answers: dict[str, object], tmp_path: Path
) -> None:
    add_flat_plan(ctx, name="小米14")
    answers["save"] = str(tmp_path / "due.ics")
    window.transfer_actions.export_calendar_action.trigger()
    data = (tmp_path / "due.ics").read_bytes()
    assert data.count(b"BEGIN:VEVENT") == 12
    assert "SUMMARY:小米14 · 第1/12期 逾期 Overdue ¥321.60".encode() in data
    assert b"TRIGGER:-PT15H" in data  # 1 day before, 09:00
    assert "12" in window.statusBar().currentMessage()


def test_export_calendar_asks_how_many_days_ahead(
    window: Window, ctx: AppContext, answers: dict[str, object], tmp_path: Path
) -> None:
    """Offered first: the reminder window of the settings; then the last choice."""
    add_flat_plan(ctx, name="小米14")
    ctx.settings.reminder_days = 5
    answers["save"] = str(tmp_path / "due.ics")
    answers["days"] = 3
    assert window.transfer_actions.export_calendar() == tmp_path / "due.ics"
    assert answers["offered"] == 5
    assert b"TRIGGER:-P2DT15H" in (tmp_path / "due.ics").read_bytes()
    window.transfer_actions.export_calendar()
    assert answers["offered"] == 3
    ctx.settings.set_value(export_actions.ALARM_KEY, "99")
    window.transfer_actions.export_calendar()
    assert answers["offered"] == export_actions.MAX_ALARM_DAYS


def test_cancelling_the_days_writes_nothing(
    window: Window, ctx: AppContext, answers: dict[str, object], tmp_path: Path
) -> None:
    answers["save"] = str(tmp_path / "due.ics")
    answers["days"] = None
    assert window.transfer_actions.export_calendar() is None
    assert not (tmp_path / "due.ics").exists()


def test_the_days_dialog_is_a_spin_box_from_0_to_30(qtbot, monkeypatch) -> None:
    from PySide6.QtWidgets import QInputDialog

    seen: list[tuple[object, ...]] = []

    def get_int(*args: object) -> tuple[int, bool]:
        seen.append(args)
        return 4, True

    monkeypatch.setattr(QInputDialog, "getInt", get_int)
    assert export_actions.ask_alarm_days(None, 2) == 4
    _parent, title, label, value, low, high, step = seen[0]
    assert (title, value, low, high, step) == ("Export calendar", 2, 0, 30, 1)
    assert "days before each due date" in str(label)
    monkeypatch.setattr(QInputDialog, "getInt", lambda *a: (4, False))
    assert export_actions.ask_alarm_days(None, 2) is None


def test_import_adds_plans_and_payments_and_announces_the_change(
    window: Window, ctx: AppContext, answers: dict[str, object], tmp_path: Path, qtbot
) -> None:
    (tmp_path / "plans.csv").write_bytes(PLANS.encode("gb18030"))
    (tmp_path / "payments.csv").write_bytes(b"\xef\xbb\xbf" + PAYMENTS.encode())
    answers["open"] = [str(tmp_path / "payments.csv"), str(tmp_path / "plans.csv")]
    with qtbot.waitSignal(ctx.changed) as signal:
        change = window.transfer_actions.import_csv()
    assert signal.args[0] is change and change.action == "imported"
    seen = answers["seen"]
    assert isinstance(seen, transfer.ImportReport) and seen.dry_run
    assert [p.name for p in seen.plans] == ["华为 Mate 60", "花呗 冰箱"]
    plans = sv.list_plans(ctx.db, TODAY)
    assert [(p.name, p.platform, p.periods_paid) for p in plans] == [
        ("华为 Mate 60", "华为分期", 1),
        ("花呗 冰箱", "花呗", 0),
    ]
    assert sv.plan_detail(ctx.db, plans[0].id, TODAY).input.notes == "=SUM(A1)"
    assert window.statusBar().currentMessage() == "Imported 2 plans and 1 payment"
    [backup] = (Path(ctx.db.path).parent / "backups").glob("*.backup-import-*.sqlite3")
    with closing(sqlite3.connect(backup)) as con:  # taken before the import
        assert con.execute("SELECT count(*) FROM plans").fetchone() == (0,)


def test_import_cancelled_in_the_preview_writes_nothing(
    window: Window, ctx: AppContext, answers: dict[str, object], tmp_path: Path
) -> None:
    (tmp_path / "plans.csv").write_text(PLANS, encoding="utf-8")
    answers["open"] = [str(tmp_path / "plans.csv")]
    answers["import"] = False
    assert window.transfer_actions.import_csv() is None
    assert sv.list_plans(ctx.db, TODAY) == []
    assert not (Path(ctx.db.path).parent / "backups").exists()  # no import, no backup


def test_import_with_problems_previews_them(
    window: Window, ctx: AppContext, answers: dict[str, object], tmp_path: Path
) -> None:
    (tmp_path / "bad.csv").write_text(PAYMENTS + "9,2026-10-15,1e5,,\r\n", encoding="utf-8")
    answers["open"] = [str(tmp_path / "bad.csv")]
    answers["import"] = False  # the dialog's Import button is disabled
    assert window.transfer_actions.import_csv() is None
    seen = answers["seen"]
    assert isinstance(seen, transfer.ImportReport)
    assert [str(p).split(": ", 1)[0] for p in seen.problems] == [
        "bad.csv:2",
        "bad.csv:3",
        "bad.csv:3",
    ]


def test_unreadable_file_is_shown(
    window: Window, ctx: AppContext, answers: dict[str, object], tmp_path: Path
) -> None:
    answers["open"] = [str(tmp_path / "gone.csv")]
    assert window.transfer_actions.import_csv() is None
    assert "Could not read" in errors(ctx)[0]


def report_of(ctx: AppContext, text: str, name: str = "plans.csv") -> transfer.ImportReport:
    try:
        return transfer.import_file(ctx.db, text.encode(), TODAY, dry_run=True, name=name)[1]
    except transfer.ImportRefused as exc:
        return exc.report


def test_preview_dialog_lists_what_will_be_added(qtbot, ctx: AppContext) -> None:
    dialog = ImportDialog(report_of(ctx, PLANS))
    qtbot.addWidget(dialog)
    assert dialog.import_button.isEnabled()
    # Both first due dates are before today (2026-11-21) and the file has no payments: the
    # preview says that the periods due before today count as paid before tracking.
    assert dialog.summary.text() == (
        "Ready to import 2 plans and 0 payments from plans.csv. "
        "Check the 2 warnings before you import."
    )
    notices = [dialog.warnings_model.index(r, 1).data() for r in range(2)]
    assert all("paid before tracking" in t and "2026-11-21" in t for t in notices), notices
    assert [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())] == [
        "Warnings (2)",
        "Plans to add (2)",
        "Payments to add (0)",
    ]
    model = dialog.plans_model
    row = [model.index(0, c).data() for c in range(model.columnCount())]
    assert row == ["2", "华为 Mate 60", "华为分期", "Flat fee per period", "¥6,999.00", "12",
                   "2026-10-15", ""]  # fmt: skip
    dialog.import_button.click()
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_preview_dialog_with_problems_cannot_import(qtbot, ctx: AppContext) -> None:
    bad = PLANS.replace("6999", "abc") + "9,,平台,0,0,0.6,2026-01-01,flat,\r\n"
    dialog = ImportDialog(report_of(ctx, bad))
    qtbot.addWidget(dialog)
    assert not dialog.import_button.isEnabled()
    assert dialog.tabs.tabText(0) == "Problems (4)"
    assert dialog.tabs.currentIndex() == 0
    lines = [dialog.problems_model.index(r, 0).data() for r in range(4)]
    assert lines == ["2", "4", "4", "4"]
    assert dialog.summary.text().startswith("Nothing can be imported: 4 problem(s) in plans.csv.")


def test_preview_dialog_shows_warnings_and_still_imports(qtbot, ctx: AppContext) -> None:
    """The same plans file a second time: each plan looks like one already there."""
    transfer.import_file(ctx.db, PLANS.encode(), TODAY, name="plans.csv")
    dialog = ImportDialog(report_of(ctx, PLANS))
    qtbot.addWidget(dialog)
    assert dialog.import_button.isEnabled()
    assert [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())] == [
        "Warnings (6)",
        "Plans to add (2)",
        "Payments to add (0)",
    ]
    assert dialog.tabs.currentIndex() == 0
    assert dialog.summary.text() == (
        "Ready to import 2 plans and 0 payments from plans.csv. "
        "Check the 6 warnings before you import."
    )
    model = dialog.warnings_model
    assert model.headerData(1, Qt.Orientation.Horizontal) == "Warning"
    every = [model.index(r, 1).data() for r in range(6)]
    # Per plan: its periods paid before tracking (a past first due date), then the id, the look.
    texts = [t for t in every if "paid before tracking" not in t]
    assert len(texts) == 4
    assert texts[0].startswith("plan id 7 is taken in the database; this plan gets id 9")
    assert texts[1].startswith("plan 7 (华为 Mate 60) in the database has the same name")


def test_preview_dialog_shows_payment_kinds(qtbot, ctx: AppContext) -> None:
    plan = add_flat_plan(ctx, name="小米14")
    text = f"plan_id,date,amount,voided\r\n{plan},2026-10-31,321.60,true\r\n"
    dialog = ImportDialog(report_of(ctx, text, "p.csv"))
    qtbot.addWidget(dialog)
    row = [dialog.payments_model.index(0, c).data() for c in range(7)]
    assert row == ["2", "小米14", "2026-10-31", "¥321.60", "", "", "Voided"]


def test_preview_models_pass_the_model_tester(qtbot, ctx: AppContext, qtmodeltester) -> None:
    good = ImportDialog(report_of(ctx, PLANS))
    bad = ImportDialog(report_of(ctx, PLANS.replace("6999", "abc")))
    qtbot.addWidget(good)
    qtbot.addWidget(bad)
    for dialog in (good, bad):
        for model in (
            dialog.plans_model,
            dialog.payments_model,
            dialog.problems_model,
            dialog.warnings_model,
        ):
            qtmodeltester.check(model)

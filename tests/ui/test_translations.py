"""The committed Simplified Chinese translation covers every GUI string of the current code.

lupdate is run over ``tracker/`` into a temporary .ts; every message it finds must be in the
committed ``resources/translations/tracker_zh_CN.ts`` with a finished, non-empty translation
that keeps the source's placeholders and mnemonic. The committed .qm must be the compiled
.ts and must load. Fix a failure with ``uv run python packaging/update_translations.py``, then
translate what it lists as unfinished.
"""

from __future__ import annotations

import importlib.util
import re
import shutil
import sys
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "packaging" / "update_translations.py"
FIX = "run `uv run python packaging/update_translations.py` and translate the unfinished strings"


def _load_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("update_translations", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("update_translations", module)
    spec.loader.exec_module(module)
    return module


ut = _load_script()
Key = tuple[str, str, str]


@pytest.fixture(scope="module")
def current(tmp_path_factory: pytest.TempPathFactory) -> dict[Key, list[str] | None]:
    """What lupdate finds in the code now (a fresh .ts, nothing translated)."""
    ts = tmp_path_factory.mktemp("lupdate") / "current_zh_CN.ts"
    ut.lupdate(ts)
    return ut.messages(ts)


@pytest.fixture(scope="module")
def committed() -> dict[Key, list[str] | None]:
    assert ut.TS.is_file(), f"{ut.TS} is missing: {FIX}"
    return ut.messages(ut.TS)


def test_lupdate_finds_the_gui_strings(current: dict[Key, list[str] | None]) -> None:
    assert ("MainWindow", "Overview", "") in current
    assert ("Status", "Overdue", "") in current
    assert ("SettingsDialog", "Follow system", "") in current


def test_translate_is_never_called_through_an_alias(
    current: dict[Key, list[str] | None],
) -> None:
    """``tr = QCoreApplication.translate`` or ``tr = self.tr`` hides strings from lupdate."""
    bad = ut.aliases()
    assert not bad, "call the translate function directly:\n" + "\n".join(bad)
    no_context = sorted({s for c, s, _ in current if not c})
    assert not no_context, f"strings lupdate found outside any context: {no_context}"


def test_every_gui_string_has_a_finished_translation(
    current: dict[Key, list[str] | None], committed: dict[Key, list[str] | None]
) -> None:
    missing = [f"[{c}] {s!r}" for c, s, _ in current if (c, s, _) not in committed]
    unfinished = [f"[{c}] {s!r}" for (c, s, m) in current if committed.get((c, s, m)) is None]
    assert not missing, f"not in the .ts ({FIX}):\n" + "\n".join(missing)
    assert not unfinished, f"untranslated ({FIX}):\n" + "\n".join(unfinished)


def test_committed_ts_has_no_unfinished_or_stale_message(
    current: dict[Key, list[str] | None], committed: dict[Key, list[str] | None]
) -> None:
    assert ut.counts(ut.TS)[1] == 0
    stale = [f"[{c}] {s!r}" for (c, s, m) in committed if (c, s, m) not in current]
    assert not stale, f"no longer in the code ({FIX}):\n" + "\n".join(stale)


PLACEHOLDER = re.compile(r"%(?:\d+|n)")


def _mnemonic(text: str) -> bool:
    return bool(re.search(r"&[^&\s]", text.replace("&&", "")))


def test_translations_keep_placeholders_and_mnemonics(
    committed: dict[Key, list[str] | None],
) -> None:
    problems = []
    for (context, source, _), forms in committed.items():
        for form in forms or []:
            if sorted(PLACEHOLDER.findall(source)) != sorted(PLACEHOLDER.findall(form)):
                problems.append(f"[{context}] {source!r} → {form!r}: placeholders differ")
            if _mnemonic(source) != _mnemonic(form):
                problems.append(f"[{context}] {source!r} → {form!r}: mnemonic differs")
    assert not problems, "\n".join(problems)


def test_committed_qm_is_the_compiled_ts(tmp_path: Path) -> None:
    assert ut.QM.is_file(), f"{ut.QM} is missing: {FIX}"
    ts = tmp_path / "tracker_zh_CN.ts"
    shutil.copyfile(ut.TS, ts)
    qm = tmp_path / "tracker_zh_CN.qm"
    ut.lrelease(ts, qm)
    assert qm.read_bytes() == ut.QM.read_bytes(), f"the .qm is older than the .ts: {FIX}"


def test_committed_qm_loads_and_translates() -> None:
    translator = QTranslator()
    assert translator.load(str(ut.QM))
    assert translator.language() == "zh_CN"
    assert translator.translate("Status", "Overdue") == "逾期"
    assert translator.translate("MainWindow", "Overview") == "概览"
    assert translator.translate("Status", "No such string") == ""


def test_numerus_forms_translate(qapp, committed: dict[Key, list[str] | None]) -> None:
    """Each "%n" message has its one Chinese form, and %n is filled in with the count."""
    numerus = [k for k, forms in committed.items() if forms and "%n" in k[1]]
    translator = QTranslator()
    assert translator.load(str(ut.QM))
    qapp.installTranslator(translator)
    try:
        for context, source, comment in numerus:
            assert len(committed[(context, source, comment)] or []) == 1  # Chinese: one form
            for n in (1, 2, 5):
                text = QCoreApplication.translate(context, source, comment or None, n)
                assert text != source and str(n) in text, (context, source, n, text)
    finally:
        qapp.removeTranslator(translator)


def test_english_plural_forms_cover_every_count(
    current: dict[Key, list[str] | None],
) -> None:
    """Every message with a count has its English singular and plural ("1 payment")."""
    english = ut.messages(ut.TS_EN)
    counted = [key for key in current if "%n" in key[1]]
    assert counted, "no message with a count found"
    missing = [f"[{c}] {s!r}" for c, s, m in counted if english.get((c, s, m)) is None]
    assert not missing, f"no English plural forms ({FIX}):\n" + "\n".join(missing)
    assert all(len(english[key] or []) == 2 for key in counted)


def test_english_plurals_read_right(qapp) -> None:
    from tracker.ui.i18n import install_translators

    install_translators(qapp, "en")
    tr = QCoreApplication.translate
    assert tr("TransferActions", "%n payments", "", 1) == "1 payment"
    assert tr("TransferActions", "%n payments", "", 2) == "2 payments"
    assert tr("RecordPaymentDialog", "%n days overdue", "", 1) == "1 day overdue"
    assert tr("SchedulePreview", "%1 × %n periods", "", 12) == "%1 × 12 periods"
    assert tr("PlanDetailPanel", "%n days", "", 0) == "0 days"


def test_chinese_punctuation_is_full_width(committed: dict[Key, list[str] | None]) -> None:
    """Chinese text uses full-width brackets and commas (（） ， 、), except a mnemonic's
    "(&X)" and a file dialog's filter "(*.csv)", which Qt reads as they are."""
    han = re.compile(r"[\u4e00-\u9fff]")
    bad = []
    for (context, source, _m), forms in committed.items():
        for text in forms or []:
            if not han.search(text):
                continue
            rest = re.sub(r"\(&[A-Za-z]\)|\(\*[^)]*\)", "", text)
            if re.search(r"[()]", rest) or re.search(r"[\u4e00-\u9fff],\s?[\u4e00-\u9fff]", rest):
                bad.append(f"[{context}] {source!r}: {text!r}")
    assert not bad, "half-width punctuation in Chinese text:\n" + "\n".join(bad)

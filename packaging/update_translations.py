"""Refresh the Simplified Chinese translation from the sources, then compile it.

Runs the venv's ``pyside6-lupdate`` over every ``tracker/**/*.py`` into
``resources/translations/tracker_zh_CN.ts`` (new strings arrive as unfinished, strings no longer
in the code are dropped), then ``pyside6-lrelease`` into ``tracker_zh_CN.qm``, and prints how
many messages are finished and unfinished. Running it again without source changes changes
nothing. Translate the unfinished ones in the .ts (Qt Linguist, or fill ``<translation>`` and
remove ``type="unfinished"``), then run it again to compile.

Usage: ``uv run python packaging/update_translations.py [--check]`` (``--check`` exits 1 while
any message is unfinished).
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TS = ROOT / "resources" / "translations" / "tracker_zh_CN.ts"
QM = TS.with_suffix(".qm")
LANGUAGE = "zh_CN"
TS_EN = TS.with_name("tracker_en.ts")
"""English plural forms only ("%n payments" → "1 payment" / "2 payments")."""
QM_EN = TS_EN.with_suffix(".qm")


def tool(name: str) -> Path:
    """A Qt tool shipped in the PySide6 wheel, beside this Python."""
    bin_dir = Path(sys.executable).parent
    for candidate in (bin_dir / name, bin_dir / f"{name}.exe"):
        if candidate.exists():
            return candidate
    raise SystemExit(f"{name} not found in {bin_dir}; install PySide6 in this environment")


def sources(root: Path = ROOT) -> list[str]:
    """Every Python file of the app, relative to ``root``, in a stable order."""
    return sorted(p.relative_to(root).as_posix() for p in (root / "tracker").rglob("*.py"))


def lupdate(ts: Path, root: Path = ROOT) -> None:
    """Extract the strings of ``tracker/`` into ``ts`` (merged with what it already holds)."""
    ts.parent.mkdir(parents=True, exist_ok=True)
    cmd = [
        str(tool("pyside6-lupdate")),
        *sources(root),
        "-ts",
        str(ts),
        "-no-obsolete",
        "-locations",
        "none",
        "-target-language",
        LANGUAGE,
        "-silent",
    ]
    subprocess.run(cmd, cwd=root, check=True)


def english_plurals(source: Path, ts_en: Path) -> None:
    """Write ``ts_en`` with every message of ``source`` that has a count (``%n``), keeping the
    English singular and plural forms it already holds (lupdate's -pluralonly misses
    ``QCoreApplication.translate(ctx, text, "", n)``)."""
    known = messages(ts_en) if ts_en.is_file() else {}
    root = ET.Element("TS", version="2.1", language="en_US")
    for context in ET.parse(source).getroot().iter("context"):
        name = context.findtext("name") or ""
        found = [m for m in context.iter("message") if "%n" in (m.findtext("source") or "")]
        if not found:
            continue
        out = ET.SubElement(root, "context")
        ET.SubElement(out, "name").text = name
        for message in found:
            text, comment = message.findtext("source") or "", message.findtext("comment") or ""
            item = ET.SubElement(out, "message", numerus="yes")
            ET.SubElement(item, "source").text = text
            if comment:
                ET.SubElement(item, "comment").text = comment
            forms = known.get((name, text, comment))
            translation = ET.SubElement(item, "translation")
            if forms is None or len(forms) != 2:
                translation.set("type", "unfinished")
                forms = ["", ""]
            for form in forms:
                ET.SubElement(translation, "numerusform").text = form
    ET.indent(root, space="    ")
    body = ET.tostring(root, encoding="unicode")
    ts_en.write_text(f'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n{body}\n', "utf-8")


def lrelease(ts: Path, qm: Path) -> None:
    """Compile ``ts`` into ``qm`` (unfinished messages are left out, so English shows)."""
    subprocess.run([str(tool("pyside6-lrelease")), "-silent", str(ts), "-qm", str(qm)], check=True)


def messages(ts: Path) -> dict[tuple[str, str, str], list[str] | None]:
    """(context, source, comment) → its translation forms, or None when unfinished or empty."""
    result: dict[tuple[str, str, str], list[str] | None] = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            key = (name, message.findtext("source") or "", message.findtext("comment") or "")
            translation = message.find("translation")
            if translation is None or translation.get("type") in ("unfinished", "vanished"):
                result[key] = None
                continue
            forms = [f.text or "" for f in translation.iter("numerusform")] or [
                translation.text or ""
            ]
            result[key] = forms if all(f.strip() for f in forms) else None
    return result


ALIAS = re.compile(r"^\s*\w+\s*=\s*(?:[\w.]+\.)?(?:translate|tr)\s*(?:#.*)?$")


def aliases(root: Path = ROOT) -> list[str]:
    """Lines that rename a translate function: lupdate cannot see through them.

    ``tr = QCoreApplication.translate; tr("Ctx", "Text")`` is read as ``tr("Ctx")`` with an
    empty context, and ``tr = self.tr`` loses the class context, so neither gets translated.
    """
    found = []
    for name in sources(root):
        for number, line in enumerate((root / name).read_text("utf-8").splitlines(), 1):
            if ALIAS.match(line):
                found.append(f"{name}:{number}: {line.strip()}")
    return found


def counts(ts: Path) -> tuple[int, int]:
    """(finished, unfinished) messages in ``ts``."""
    found = messages(ts)
    unfinished = sum(1 for forms in found.values() if forms is None)
    return len(found) - unfinished, unfinished


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if any is unfinished")
    args = parser.parse_args(argv)
    unfinished = 0
    lupdate(TS)
    english_plurals(TS, TS_EN)
    for ts, qm in ((TS, QM), (TS_EN, QM_EN)):
        lrelease(ts, qm)
        finished, left = counts(ts)
        unfinished += left
        print(f"{ts.relative_to(ROOT)}: {finished} finished, {left} unfinished")
        for (context, source, _comment), forms in messages(ts).items():
            if forms is None:
                print(f"  unfinished: [{context}] {source!r}")
    bad = aliases()
    if bad:
        print("warning: translate functions used through an alias (lupdate misreads them;")
        print('         call QCoreApplication.translate("Context", "text") or self.tr directly):')
        for line in bad:
            print(f"  {line}")
    return 1 if args.check and (unfinished or bad) else 0


if __name__ == "__main__":
    sys.exit(main())

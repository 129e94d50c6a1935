"""One language of colour: every colour comes from ``tracker.ui.palette``, one per status.

The scan reads every module of ``tracker/ui`` (tokens, so comments and docstrings about
colours do not count) and fails on a colour literal outside the palette module: ``#rrggbb``
text, ``rgb(...)`` in a stylesheet, ``QColor(…)`` of numbers or a name, ``Qt.red`` and kin,
or a colour name handed to matplotlib. The contrast tests compute WCAG ratios of the palette's
foreground colours against the theme backgrounds Fusion really draws.
"""

from __future__ import annotations

import io
import re
import tokenize
from pathlib import Path

import pytest
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from tracker.domain.ledger import Status
from tracker.ui import palette
from tracker.ui.theme import apply_theme

UI = Path(__file__).resolve().parents[2] / "tracker" / "ui"
HEX = re.compile(r"#[0-9a-fA-F]{3}(?:[0-9a-fA-F]{3})?(?:[0-9a-fA-F]{2})?\b")
RGB = re.compile(r"\brgba?\s*\(|\bhsla?\s*\(")
NAMED = re.compile(r"(?:color|background)\s*:\s*(?!palette\()[a-z]+\s*;", re.IGNORECASE)
COLOUR_NAMES = {
    "red", "green", "blue", "black", "white", "grey", "gray", "orange", "yellow", "purple",
    "pink", "brown", "cyan", "magenta", "darkred", "darkgreen", "lightgray", "lightgrey",
}  # fmt: skip
CODE = re.compile(
    r"QColor\(\s*(?:\d|[\"'])|Qt\.(?:GlobalColor|red|green|blue|black|white|gray|darkRed|"
    r"darkGreen|darkGray|lightGray|yellow|cyan|magenta)\b"
)


def colour_literals(path: Path) -> list[str]:
    """Every colour literal in one module, as "line: text"."""
    found = []
    source = path.read_text(encoding="utf-8")
    for tok in tokenize.generate_tokens(io.StringIO(source).readline):
        if tok.type != tokenize.STRING:
            continue
        text = tok.string
        body = text.strip("rRbBfFuU").strip("\"'")
        if (
            HEX.search(text)
            or RGB.search(text)
            or NAMED.search(text)
            or body.lower() in COLOUR_NAMES
            or re.fullmatch(r"tab:[a-z]+|C\d", body)
        ):
            found.append(f"{path.name}:{tok.start[0]}: {text[:60]}")
    for number, line in enumerate(source.splitlines(), 1):
        if CODE.search(line):
            found.append(f"{path.name}:{number}: {line.strip()[:60]}")
    return found


def test_no_colour_literal_outside_the_palette() -> None:
    found = [
        hit
        for path in sorted(UI.rglob("*.py"))
        if path.name != "palette.py"
        for hit in colour_literals(path)
    ]
    assert not found, "colours belong in tracker/ui/palette.py:\n" + "\n".join(found)


def test_the_scan_finds_each_kind_of_literal(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(
        'A = "#c62828"\n'
        'B = "QLabel { color: rgb(1, 2, 3); }"\n'
        "C = QColor(198, 40, 40)\n"
        'D = QColor("red")\n'
        "E = Qt.red\n"
        'F = "color: red;"\n'
        'ax.plot(color="tab:red")\n'
        'G = "#"  # the schedule\'s period header, not a colour\n'
        "# a comment naming #c62828 does not count\n",
        encoding="utf-8",
    )
    lines = sorted({int(hit.split(":")[1]) for hit in colour_literals(sample)})
    assert lines == [1, 2, 3, 4, 5, 6, 7]


@pytest.mark.parametrize("pal", [palette.LIGHT, palette.DARK], ids=["light", "dark"])
def test_one_distinct_colour_per_status(pal: palette.Palette) -> None:
    tones = {
        status: pal.tone(status)
        for status in (Status.OVERDUE, Status.GRACE, Status.DUE_SOON, Status.PAID)
    }
    assert len(set(tones.values())) == 4, tones
    assert pal.tone(Status.DUE_TODAY) == pal.soon
    assert pal.tone(Status.UPCOMING) is None and pal.tone(Status.PARTIAL) is None
    assert pal.tint(Status.GRACE) != pal.tint(Status.OVERDUE)


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_palette_backgrounds_are_what_the_theme_draws(qapp: QApplication, theme: str) -> None:
    apply_theme(qapp, theme)
    try:
        p = qapp.palette()
        pal = palette.current()
        assert pal.dark == (theme == "dark")
        assert p.color(QPalette.ColorRole.Window).name() == pal.window
        assert p.color(QPalette.ColorRole.Base).name() == pal.base
    finally:
        apply_theme(qapp, "light")


@pytest.mark.parametrize("pal", [palette.LIGHT, palette.DARK], ids=["light", "dark"])
def test_status_and_secondary_text_read_at_4_5_to_1(pal: palette.Palette) -> None:
    """Plan-detail labels (``secondary``), the status colours and errors on the window, the
    table base and a late row's tint: WCAG AA for normal text."""
    for name in ("secondary", "overdue", "grace", "soon", "paid", "error", "today"):
        for background in (pal.window, pal.base, pal.overdue_bg, pal.grace_bg):
            ratio = palette.contrast(getattr(pal, name), background)
            assert ratio >= 4.5, f"{name} on {background}: {ratio:.2f}:1"


def test_contrast_formula_matches_wcag() -> None:
    assert palette.contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert palette.contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)
    # what the detail labels were before: Fusion's disabled text on its window colour
    assert palette.contrast("#bebebe", "#efefef") < 1.7


@pytest.mark.parametrize("pal", [palette.LIGHT, palette.DARK], ids=["light", "dark"])
def test_this_month_band_is_faint_next_to_the_bars(pal: palette.Palette) -> None:
    """The overview's "this month" shading must not read as one more bar (it did in dark)."""
    assert palette.contrast(pal.chart_band, pal.window) < 1.25
    assert all(palette.contrast(c, pal.window) > 1.5 for c in palette.PLAN_COLOURS[:4])

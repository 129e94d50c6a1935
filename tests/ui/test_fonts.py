"""Chinese text needs a CJK font in Qt and in matplotlib, or both draw boxes ("tofu")."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest
from PySide6.QtGui import QFont, QRawFont

from tracker.ui import fonts

SAMPLE = "分期账本：本金、手续费、逾期罚息"

pytestmark = pytest.mark.skipif(
    fonts.find_cjk_font_file() is None,
    reason="no CJK font on this machine (apt-get install fonts-wqy-microhei or fonts-noto-cjk)",
)


def test_a_cjk_font_file_is_found() -> None:
    path = fonts.find_cjk_font_file()
    assert path is not None and Path(path).is_file()


def test_qt_gets_a_cjk_family(qapp) -> None:
    family = fonts.cjk_family()
    assert family
    raw = QRawFont.fromFont(QFont(family))
    assert raw.isValid()
    assert all(raw.supportsCharacter(ord(ch)) for ch in SAMPLE if not ch.isascii())


def test_app_font_falls_back_to_the_cjk_family(qapp) -> None:
    before = qapp.font()
    try:
        family = fonts.apply_app_font(qapp)
        assert family == fonts.cjk_family()
        assert family in qapp.font().families()
        # Latin text is drawn by a real Latin family named first (not the "Sans Serif" alias,
        # which would let the CJK font draw Latin letters and "…").
        assert qapp.font().families()[0] == fonts.latin_family()
        assert QRawFont.fromFont(QFont(fonts.latin_family())).supportsCharacter(ord("…"))
    finally:
        qapp.setFont(before)


def test_cjk_qfont_for_painting(qapp) -> None:
    font = fonts.cjk_qfont(11)
    assert fonts.cjk_family() in font.families()
    assert font.pointSizeF() == 11


def test_matplotlib_draws_chinese_with_the_cjk_family() -> None:
    from matplotlib import font_manager, rcParams
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    family = fonts.setup_matplotlib()
    assert family
    assert family in rcParams["font.family"]
    assert rcParams["axes.unicode_minus"] is False
    found = font_manager.findfont(
        font_manager.FontProperties(family=family), fallback_to_default=False
    )
    assert Path(found).resolve() == Path(fonts.find_cjk_font_file()).resolve()

    figure = Figure(figsize=(3, 1))
    FigureCanvasAgg(figure)
    text = figure.text(0.1, 0.5, SAMPLE)
    assert family in text.get_fontfamily()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        figure.canvas.draw()
    missing = [str(w.message) for w in caught if "missing from" in str(w.message)]
    assert not missing, missing
    width = text.get_window_extent().width
    assert width > 0

"""CJK fonts: find one on this machine and make both Qt and matplotlib use it.

Without a CJK font Qt and matplotlib draw boxes for Chinese. Qt gets the font as a fallback
family of the application font; matplotlib ignores fontconfig, so the font file is registered
with its font manager and named explicitly in ``font.family``.
"""

from __future__ import annotations

import os
import sys
from functools import cache
from pathlib import Path

from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication

KNOWN_FAMILIES = (
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "WenQuanYi Micro Hei",
    "WenQuanYi Zen Hei",
    "Microsoft YaHei",
    "PingFang SC",
    "Hiragino Sans GB",
    "SimHei",
    "Noto Sans SC",
)
KNOWN_FILES = (
    "NotoSansCJK-Regular.ttc",
    "NotoSansCJKsc-Regular.otf",
    "SourceHanSansSC-Regular.otf",
    "wqy-microhei.ttc",
    "wqy-zenhei.ttc",
    "msyh.ttc",
    "PingFang.ttc",
    "simhei.ttf",
)


def _font_dirs() -> list[Path]:
    home = Path.home()
    dirs = [
        Path("/usr/share/fonts"),
        Path("/usr/local/share/fonts"),
        home / ".fonts",
        home / ".local/share/fonts",
        Path("/System/Library/Fonts"),
        Path("/Library/Fonts"),
    ]
    if sys.platform == "win32":
        dirs.append(Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts")
    return [d for d in dirs if d.is_dir()]


@cache
def find_cjk_font_file() -> Path | None:
    """The file of a Simplified Chinese font on this machine, or None."""
    for folder in _font_dirs():
        for name in KNOWN_FILES:
            found = next(iter(folder.rglob(name)), None)
            if found:
                return found
    import shutil  # only when no known font file is found: subprocess costs start-up time
    import subprocess

    if shutil.which("fc-match"):
        try:
            out = subprocess.run(
                ["fc-match", "-f", "%{file}", ":lang=zh-cn"],
                capture_output=True,
                text=True,
                timeout=5,
                check=False,
            ).stdout.strip()
        except (OSError, subprocess.SubprocessError):
            out = ""
        if out and Path(out).is_file() and "DejaVu" not in out:
            return Path(out)
    return None


def cjk_family() -> str | None:
    """A CJK family Qt can use, registering the font file with Qt if needed."""
    families = set(QFontDatabase.families())
    for name in KNOWN_FAMILIES:
        if name in families:
            return name
    path = find_cjk_font_file()
    if path is None:
        return None
    font_id = QFontDatabase.addApplicationFont(str(path))
    loaded = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    for name in KNOWN_FAMILIES:  # a .ttc holds several; prefer the Simplified Chinese one
        if name in loaded:
            return name
    return loaded[0] if loaded else None


def apply_app_font(app: QGuiApplication) -> str | None:
    """Give the application font a CJK fallback; return the family used (None if none)."""
    family = cjk_family()
    if family:
        font = app.font()
        font.setFamilies([latin_family(), family])
        app.setFont(font)
    return family


LATIN_FAMILIES = (
    "Segoe UI",
    "Helvetica Neue",
    "DejaVu Sans",
    "Noto Sans",
    "Liberation Sans",
    "Arial",
)


def latin_family() -> str:
    """A real Latin family to put before the CJK one (the default "Sans Serif" is only an
    alias here, and leaving it first lets the CJK font draw Latin text and "…" badly)."""
    families = set(QFontDatabase.families())
    return next((f for f in LATIN_FAMILIES if f in families), QFont().family())


def cjk_qfont(point_size: float | None = None) -> QFont:
    """A QFont that renders Chinese (for painting and printing)."""
    font = QFont()
    family = cjk_family()
    if family:
        font.setFamilies([latin_family(), family])
    if point_size:
        font.setPointSizeF(point_size)
    return font


@cache
def setup_matplotlib() -> str | None:
    """Register the CJK font with matplotlib; return its family name (None if none)."""
    from matplotlib import font_manager, rcParams

    path = find_cjk_font_file()
    family = None
    if path is not None:
        font_manager.fontManager.addfont(str(path))
        family = font_manager.FontProperties(fname=str(path)).get_name()
    rcParams["font.family"] = ["DejaVu Sans", family] if family else ["DejaVu Sans"]
    rcParams["axes.unicode_minus"] = False
    return family

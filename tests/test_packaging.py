"""What packaging ships: the Linux metadata validates, the icon files exist and load, and the
app started from source shows its window when asked for the packaged-build check."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
APP_ID = "io.github.installment_tracker.InstallmentTracker"
DESKTOP = ROOT / "packaging" / "linux" / f"{APP_ID}.desktop"
METAINFO = ROOT / "packaging" / "linux" / f"{APP_ID}.metainfo.xml"
ICONS = ROOT / "resources" / "icons"


def _validator(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        pytest.skip(f"{name} is not installed (Debian: desktop-file-utils / appstream)")
    return found


def test_desktop_file_validates_and_says_what_the_issue_asks():
    done = subprocess.run([_validator("desktop-file-validate"), str(DESKTOP)],
                          capture_output=True, text=True, check=False)  # fmt: skip
    assert done.returncode == 0 and done.stdout.strip() == "", done.stdout + done.stderr
    lines = DESKTOP.read_text(encoding="utf-8").splitlines()
    for key in ("Name[zh_CN]=分期账本", "Categories=Office;Finance;", f"Icon={APP_ID}"):
        assert key in lines
    assert any(line.startswith("Keywords=") for line in lines)
    assert any(line.startswith("Keywords[zh_CN]=") for line in lines)
    assert any(line.startswith("Comment[zh_CN]=") for line in lines)


def test_metainfo_validates_offline_with_screenshot_captions():
    done = subprocess.run([_validator("appstreamcli"), "validate", "--no-net", str(METAINFO)],
                          capture_output=True, text=True, check=False)  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    text = METAINFO.read_text(encoding="utf-8")
    assert f'<launchable type="desktop-id">{APP_ID}.desktop</launchable>' in text
    assert text.count("<caption>") >= 2 and '<caption xml:lang="zh-CN">' in text


def test_icon_files_exist_and_load(qapp):
    from PySide6.QtGui import QImage, QImageReader
    from PySide6.QtSvg import QSvgRenderer

    from tracker.ui.app_icon import app_icon, icon_path

    assert icon_path() == ICONS / f"{APP_ID}.svg"
    assert QSvgRenderer(str(icon_path())).isValid()
    for suffix, biggest in ((".ico", 256), (".icns", 512)):
        path = ICONS / f"{APP_ID}{suffix}"
        reader = QImageReader(str(path))
        assert reader.canRead(), path
        sizes = set()
        while True:
            image = reader.read()
            assert not image.isNull(), (path, reader.errorString())
            sizes.add(image.width())
            if not reader.jumpToNextImage():
                break
        assert biggest in sizes, (path, sizes)
    icon = app_icon()
    for size in (32, 256):
        image = icon.pixmap(size, size).toImage().convertToFormat(QImage.Format.Format_ARGB32)
        assert image.width() == size
        header = image.pixelColor(size // 2, size * 80 // 256)  # the red band of the page
        assert header.red() > 180 and header.green() < 90 and header.blue() < 90, header.name()


def test_the_app_shows_its_window_and_quits_when_asked(tmp_path: Path):
    """What packaging/build_app.py checks in a built app, here from source: a new database,
    offscreen, the main window saved as a PNG once painted, "window shown", exit 0."""
    shot = tmp_path / "window.png"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "TRACKER_SMOKE_SCREENSHOT": str(shot)}
    env.pop("TRACKER_DB", None)
    db = tmp_path / "fresh.sqlite3"
    done = subprocess.run([sys.executable, "-m", "tracker", "--db", str(db)], env=env,
                          capture_output=True, text=True, timeout=120, check=False)  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-1].startswith("window shown ")
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert db.is_file()

"""Build the app icon's .ico (Windows) and .icns (macOS) from the hand-drawn SVG.

Qt's SVG renderer (PySide6-Essentials has QtSvg) draws the SVG at each size; Pillow packs the
sizes into one multi-resolution .ico (16-256 px) and one .icns (16-1024 px). Pillow is needed
only here, not by the app:

    uv run --with pillow python packaging/make_icons.py

The built files are committed beside the SVG (``resources/icons/``); run this again after
changing the SVG. It prints each file with its sizes.
"""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ICONS = ROOT / "resources" / "icons"
APP_ID = "io.github.installment_tracker.InstallmentTracker"
SVG = ICONS / f"{APP_ID}.svg"
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICNS_SIZES = (16, 32, 64, 128, 256, 512, 1024)


def render(size: int) -> bytes:
    """The SVG drawn at ``size`` × ``size`` px, as PNG bytes."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        raise SystemExit(f"{SVG} is not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PIL import Image
    from PySide6.QtGui import QGuiApplication

    _app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])
    images = {n: Image.open(io.BytesIO(render(n))).convert("RGBA") for n in ICNS_SIZES + ICO_SIZES}
    ico = ICONS / f"{APP_ID}.ico"
    biggest = images[256]
    biggest.save(ico, format="ICO", sizes=[(n, n) for n in ICO_SIZES],
                 append_images=[images[n] for n in ICO_SIZES if n != 256])  # fmt: skip
    icns = ICONS / f"{APP_ID}.icns"
    images[1024].save(icns, format="ICNS", append_images=[images[n] for n in ICNS_SIZES[:-1]])
    for path in (ico, icns):
        with Image.open(path) as built:
            sizes = sorted(built.info.get("sizes", {built.size}))
        print(f"{path.relative_to(ROOT)}: {path.stat().st_size} bytes, sizes {sizes}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Languages: the app's own translations and Qt's, chosen by the settings or the system."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator


def resources_dir() -> Path:
    """The resources folder, in a checkout or a frozen build."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "resources"
    return Path(__file__).resolve().parents[2] / "resources"


def translations_dir() -> Path:
    """Where the app's .qm files live."""
    return resources_dir() / "translations"


def effective_language(setting: str, system: QLocale | None = None) -> str:
    """ "zh_CN" or "en" for a setting of "system", "zh_CN" or "en"."""
    if setting in ("zh_CN", "en"):
        return setting
    locale = system or QLocale.system()
    return "zh_CN" if locale.language() == QLocale.Language.Chinese else "en"


_installed: list[QTranslator] = []


def install_translators(app: QCoreApplication, setting: str) -> str:
    """Load the translations for the chosen language; return "zh_CN" or "en"."""
    for tr in _installed:
        app.removeTranslator(tr)
    _installed.clear()
    language = effective_language(setting)
    QLocale.setDefault(QLocale("zh_CN" if language == "zh_CN" else "en_US"))
    if language == "en":  # English needs only its plural forms ("1 payment", "2 payments")
        tr = QTranslator(app)
        if tr.load("tracker_en", str(translations_dir())):
            app.installTranslator(tr)
            _installed.append(tr)
        return language
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for name, folder in (("tracker_zh_CN", str(translations_dir())), ("qtbase_zh_CN", qt_dir)):
        tr = QTranslator(app)
        if tr.load(name, folder):
            app.installTranslator(tr)
            _installed.append(tr)
    return language

"""Pinyin for Chinese names: search by initials or full pinyin, and pinyin name order.

"xm" and "xiaomi" both find "小米手机": a search word matches a name when it is part of the
name itself, of its full pinyin ("xiaomishouji") or of its initials ("xmsj"). In a Chinese UI,
names sort by pinyin (as Chinese address books do) instead of by code point. ``pypinyin`` (MIT,
pure Python) is imported on first use; results are cached per name.
"""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QLocale


@lru_cache(maxsize=4096)
def spellings(text: str) -> tuple[str, str]:
    """The full pinyin and the initials of ``text``, lower case, without spaces; other
    characters (Latin letters, digits) are kept as they are: ("xiaomishouji", "xmsj")."""
    from pypinyin import Style, lazy_pinyin

    full = "".join(lazy_pinyin(text, errors="default")).casefold()
    firsts = "".join(lazy_pinyin(text, style=Style.FIRST_LETTER, errors="default")).casefold()
    return full.replace(" ", ""), firsts.replace(" ", "")


def _has_han(text: str) -> bool:
    return any("\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff" for ch in text)


def matches(word: str, text: str) -> bool:
    """Whether a (case-folded) search word is part of ``text`` or of its pinyin."""
    if word in text.casefold():
        return True
    if not _has_han(text) or not word.isascii():
        return False
    full, firsts = spellings(text)
    return word in full or word in firsts


def chinese_ui() -> bool:
    """Whether the UI is in Chinese (``i18n`` sets the default locale with the language)."""
    return QLocale().language() == QLocale.Language.Chinese


def name_key(name: str) -> tuple[str, str]:
    """Sort key for a name: pinyin order in a Chinese UI, case-insensitive otherwise."""
    folded = name.casefold()
    if chinese_ui() and _has_han(name):
        return spellings(name)[0], folded
    return folded, folded

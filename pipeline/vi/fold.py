"""The one diacritic fold: lowercase, marks off, Đ as D, one character out per character in.

OCR'd text loses and confuses tone marks, so phrases are matched on folded text:
`fold("Sở Tài chính")` is "so tai chinh", and a match found in the folded text has the same
offsets in the original. `ascii_slug` builds identifiers from the same fold ("Đắk Lắk" →
"daklak").
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

import regex


@lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    if ch in "đĐ":
        return "d"
    base = unicodedata.normalize("NFD", ch)[0]
    low = base.lower()
    return low if len(low) == 1 else ch


class _FoldTable(dict):
    """Code point → folded character, filled on first sight, for `str.translate`: folding runs
    on every fragment the table readers try and on whole documents, so it must cost C speed."""

    def __missing__(self, code: int) -> str:
        folded = self[code] = _fold_char(chr(code))
        return folded


_FOLD_TABLE = _FoldTable()


def fold(text: str) -> str:
    """Lowercase `text` and strip its diacritics (Đ as d), one character out per character
    in: "Thành phố Hồ Chí Minh" → "thanh pho ho chi minh"."""
    return text.translate(_FOLD_TABLE)


@lru_cache(maxsize=8)
def fold_document(text: str) -> str:
    """`fold(text)`, kept for the last few texts: clause and deadline scans fold the whole
    document once per duty or row, and the document is the same every time."""
    return fold(text)


def pattern_of(phrase: str) -> str:
    """A regex for `phrase` on folded text: any whitespace between words, loose "&", "-", ","
    ("Sở KH&CN" matches "so kh & cn")."""
    parts: list[str] = []
    for tok in regex.findall(r"[&\-,;:/]|[^\s&\-,;:/]+", fold(phrase)):
        if tok in "&-":
            parts.append(r"\s*[&\-–]\s*" if tok == "-" else r"\s*&\s*")
        elif tok in ",;":
            parts.append(r"\s*[,;]?\s*")
        else:
            parts.append(regex.escape(tok))
    out = ""
    for i, p in enumerate(parts):
        joiner = "" if i == 0 or p.startswith(r"\s*") or parts[i - 1].endswith(r"\s*") else r"\s+"
        out += joiner + p
    return out


def collapse(text: str) -> str:
    """Whitespace runs to single spaces, ends stripped: how gold strings are written."""
    return " ".join(text.split())


def ascii_slug(text: str, separator: str = "") -> str:
    """Folded ASCII letters and digits, other runs replaced by `separator`: "Đắk Lắk" →
    "daklak", ("Kế hoạch 144", "-") → "ke-hoach-144". Compatibility forms (full-width digits,
    ligatures) are unfolded first."""
    folded = fold(unicodedata.normalize("NFKC", text))
    if not separator:
        return regex.sub(r"[^a-z0-9]", "", folded)
    return regex.sub(r"[^a-z0-9]+", separator, folded).strip(separator)

"""Diacritic folding that keeps offsets, so OCR'd text with lost or wrong tone marks still matches.

`fold("Sở Tài chính")` is `"so tai chinh"`: one output character per input character, so a match
found in the folded text has the same offsets in the original.
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


def fold(text: str) -> str:
    """Lowercase `text` and strip its diacritics, one character out per character in."""
    return "".join(_fold_char(c) for c in text)


def pattern_of(phrase: str) -> str:
    """A regex for `phrase` on folded text: any whitespace between words, loose "&", "-", ","."""
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

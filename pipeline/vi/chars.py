"""Character-level normalization of Vietnamese text: NFC, Đ, invisible characters, spaces and
line endings.

Vietnamese letters can be written precomposed ("ệ", U+1EC7) or as a base letter with combining
marks ("e" + U+0302 + U+0323); some fonts and keyboards type the Icelandic "Ð" (U+00D0) for
"Đ" (U+0110). Text is only comparable once these are one form. Each helper returns `Fix`es
(start, end, replacement, reason) rather than a new string, so a stage can turn them into
offset-keeping edits: `nfc_fixes("Xa\\u0303 ho\\u0323\\u0302i")` gives two NFC fixes, "Xã"
and "hội".
"""

from __future__ import annotations

import unicodedata
from typing import NamedTuple

import regex

ETH = "\u00d0"  # Icelandic capital eth, typed for Vietnamese Đ by some fonts and keyboards

# A base character followed by combining marks: the only places NFC can change anything.
_COMBINING_RUN = regex.compile(r"\P{M}?\p{M}+")
_INVISIBLE = regex.compile(r"[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_ODD_SPACES = regex.compile(r"[\u00a0\u2000-\u200a\u202f\u205f\u3000]")
_LINE_ENDINGS = regex.compile(r"\r\n?|[\u2028\u2029\x0b\x0c\x85]")


class Fix(NamedTuple):
    """Replace text[start:end] by `replacement`, for `reason`."""

    start: int
    end: int
    replacement: str
    reason: str


def nfc(text: str) -> str:
    """`text` in Unicode NFC, the one form every stage compares."""
    return unicodedata.normalize("NFC", text)


def nfc_fixes(text: str) -> list[Fix]:
    """Fixes that make `text` NFC and drop combining marks that have no base letter (a mark
    on a space or at the start of the text is OCR debris)."""
    out: list[Fix] = []
    for m in _COMBINING_RUN.finditer(text):
        run = m.group()
        base = run[0]
        if unicodedata.category(base).startswith("M") or base.isspace():
            first_mark = 0 if unicodedata.category(base).startswith("M") else 1
            out.append(Fix(m.start() + first_mark, m.end(), "", "stray combining mark"))
            continue
        fixed = unicodedata.normalize("NFC", run)
        if fixed != run:
            out.append(Fix(m.start(), m.end(), fixed, "NFC"))
    return out


def eth_fixes(text: str) -> list[Fix]:
    """"Ð" (U+00D0, eth) written for "Đ" (U+0110): the two look alike, only one is
    Vietnamese."""
    out: list[Fix] = []
    start = text.find(ETH)
    while start != -1:
        out.append(Fix(start, start + 1, "Đ", "Ð (U+00D0) to Đ"))
        start = text.find(ETH, start + 1)
    return out


def layout_character_fixes(text: str) -> list[Fix]:
    """Line endings made "\\n", invisible characters (zero-width space, soft hyphen, BOM)
    dropped, space variants (no-break, thin, ideographic) made a plain space."""
    out = [Fix(m.start(), m.end(), "\n", "line ending") for m in _LINE_ENDINGS.finditer(text)]
    out += [Fix(m.start(), m.end(), "", "invisible character")
            for m in _INVISIBLE.finditer(text)]
    out += [Fix(m.start(), m.end(), " ", "space variant") for m in _ODD_SPACES.finditer(text)]
    return out

"""Declared Unicode normalization: NFC, Đ, invisible characters, stray combining marks.

These are the only changes the cleaner makes to clean text; the do-no-harm measure counts
every other change.
"""

from __future__ import annotations

import unicodedata

import regex

from pipeline.clean.context import StepInput
from pipeline.offsets import Edit

# A base character followed by combining marks: the only places NFC can change anything.
_COMBINING_RUN = regex.compile(r"\P{M}?\p{M}+")
_INVISIBLE = regex.compile(r"[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_ODD_SPACES = regex.compile(r"[\u00a0\u2000-\u200a\u202f\u205f\u3000]")
_ETH = "\u00d0"  # Icelandic capital eth, typed for Vietnamese Đ by some fonts and keyboards
_LINE_ENDINGS = regex.compile(r"\r\n?|[\u2028\u2029\x0b\x0c\x85]")


def nfc_edits(text: str) -> list[Edit]:
    """Edits that make `text` NFC and drop combining marks that have no base letter."""
    out: list[Edit] = []
    for m in _COMBINING_RUN.finditer(text):
        run = m.group()
        base = run[0]
        if unicodedata.category(base).startswith("M") or base.isspace():
            # marks with no letter to sit on: OCR debris
            first_mark = 0 if unicodedata.category(base).startswith("M") else 1
            out.append(Edit(m.start() + first_mark, m.end(), "", "stray combining mark"))
            continue
        fixed = unicodedata.normalize("NFC", run)
        if fixed != run:
            out.append(Edit(m.start(), m.end(), fixed, "NFC"))
    return out


def edits(text: str, _given: StepInput | None = None) -> list[Edit]:
    """All declared normalizations of `text` as edits."""
    out = nfc_edits(text)
    for m in _LINE_ENDINGS.finditer(text):
        out.append(Edit(m.start(), m.end(), "\n", "line ending"))
    for m in _INVISIBLE.finditer(text):
        out.append(Edit(m.start(), m.end(), "", "invisible character"))
    for m in _ODD_SPACES.finditer(text):
        out.append(Edit(m.start(), m.end(), " ", "space variant"))
    start = text.find(_ETH)
    while start != -1:
        out.append(Edit(start, start + 1, "Đ", "Ð (U+00D0) to Đ"))
        start = text.find(_ETH, start + 1)
    return out


DECLARED_REASONS = frozenset(
    {"NFC", "stray combining mark", "line ending", "invisible character", "space variant",
     "Ð (U+00D0) to Đ", "tone placement"}
)

"""Stray letters that OCR invents inside sentences from specks ("Cổng ộ dịch vụ").

A lone marked letter between two words is dropped only when the domain text never uses it as
a word ("ở" stays).
"""

from __future__ import annotations

import regex

from pipeline.clean.syllable import has_vietnamese_marks
from pipeline.offsets import Edit

_LONE_LETTER = regex.compile(r"(?<=\p{L}) (\p{L})(?= \p{L})")


def stray_letter_edits(text: str, known: dict[str, float]) -> list[Edit]:
    """Drop a lone marked letter between words when the domain never uses it as a word."""
    out = []
    for m in _LONE_LETTER.finditer(text):
        ch = m.group(1)
        if has_vietnamese_marks(ch) and known.get(ch.lower(), 0.0) < 1.0:
            out.append(Edit(m.start(), m.end(1), "", f"ocr word: {ch}→", 0.7))
    return out

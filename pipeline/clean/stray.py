"""Stray letters that OCR invents inside sentences from specks ("Cổng ộ dịch vụ", "trao đổi
t trên").

A lone marked letter between two words is dropped only when the domain text never uses it as
a word ("ở" stays). A lone consonant letter between two lowercase words is never a Vietnamese
word either; only a point's name is ("điểm c", "khoản d", "các điểm e, f mục 2").
"""

from __future__ import annotations

import regex

from pipeline.offsets import Edit
from pipeline.vi.markers import POINT_WORDS
from pipeline.vi.syllable import has_vietnamese_marks

_LONE_LETTER = regex.compile(r"(?<=\p{L}) (\p{L})(?= \p{L})")
_LONE_CONSONANT = regex.compile(r"(?<=(?<![\p{L}\d])(\p{Ll}{2,})) ([bcdghklmnpqrstvxzjfw])"
                                r"(?= (\p{Ll}+))")


def stray_letter_edits(text: str, known: dict[str, float]) -> list[Edit]:
    """Drop a lone marked letter between words when the domain never uses it as a word."""
    out = []
    for m in _LONE_LETTER.finditer(text):
        ch = m.group(1)
        if has_vietnamese_marks(ch) and known.get(ch.lower(), 0.0) < 1.0:
            out.append(Edit(m.start(), m.end(1), "", f"ocr word: {ch}→", 0.7))
    return out


def stray_consonant_edits(text: str) -> list[Edit]:
    """Drop a lone lowercase consonant between two lowercase words, unless it names a point."""
    return [Edit(m.start(), m.end(2), "", f"ocr word: {m.group(2)}→", 0.7)
            for m in _LONE_CONSONANT.finditer(text)
            if m.group(1) not in POINT_WORDS and m.group(3) not in POINT_WORDS]

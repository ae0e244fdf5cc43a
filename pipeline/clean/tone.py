"""Tone-mark placement policy: make a document consistent with its own majority style.

Vietnamese has two accepted placements for open syllables with oa, oe, uy: "hòa, khỏe, thủy"
(tone on the first vowel; traditional, and what underthesea normalizes to) and "hoà, khoẻ,
thuỷ" (tone on the second vowel). Both are correct, so a document that uses one style
consistently is never touched. Only when a document MIXES styles are the minority-style
syllables rewritten to the majority style (ties go to "hòa"). Reason: "tone placement".
"""

from __future__ import annotations

from collections import Counter

import regex

from pipeline.offsets import Edit
from pipeline.vi.syllable import STYLE_NEW, STYLE_OLD, place_tone, split_tone, syllable_style

REASON = "tone placement"
_WORD = regex.compile(r"\p{L}+")


def style_counts(text: str) -> Counter:
    """How many style-revealing syllables of each style `text` has."""
    counts: Counter = Counter()
    for m in _WORD.finditer(text):
        s = syllable_style(m.group())
        if s:
            counts[s] += 1
    return counts


def majority_style(counts: Counter) -> str:
    """The majority placement style of `style_counts` (STYLE_OLD on a tie or no evidence)."""
    return STYLE_NEW if counts[STYLE_NEW] > counts[STYLE_OLD] else STYLE_OLD


def document_style(text: str) -> str:
    """The majority placement style of `text`."""
    return majority_style(style_counts(text))


def edits(text: str, counts: Counter | None = None) -> list[Edit]:
    """Rewrite minority-style syllables to the majority style; nothing if the text is
    consistent. `counts` are the text's `style_counts`, if already counted."""
    c = style_counts(text) if counts is None else counts
    if not c[STYLE_OLD] or not c[STYLE_NEW]:
        return []
    style = majority_style(c)
    out = []
    for m in _WORD.finditer(text):
        s = syllable_style(m.group())
        if s and s != style:
            base, t = split_tone(m.group())
            out.append(Edit(m.start(), m.end(), place_tone(base, t, style), REASON))
    return out

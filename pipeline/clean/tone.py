"""Tone-mark placement policy: make a document consistent with its own majority style.

Vietnamese has two accepted placements for open syllables with oa, oe, uy: "hòa, khỏe, thủy"
(tone on the first vowel; traditional, and what underthesea normalizes to) and "hoà, khoẻ,
thuỷ" (tone on the second vowel). Both are correct, so a document that uses one style
consistently is never touched. Only when a document MIXES styles are the minority-style
syllables rewritten to the majority style (ties go to "hòa"). Reason: "tone placement".
"""

from __future__ import annotations

from collections import Counter
from functools import lru_cache

import regex

from pipeline.clean.syllable import STYLE_NEW, STYLE_OLD, place_tone, split_tone
from pipeline.offsets import Edit

REASON = "tone placement"
_WORD = regex.compile(r"\p{L}+")


def syllable_style(syl: str) -> str | None:
    """STYLE_OLD or STYLE_NEW if the placement of this syllable shows a style, else None."""
    base, t = split_tone(syl)
    if t == 0:
        return None
    old, new = place_tone(base, t, STYLE_OLD), place_tone(base, t, STYLE_NEW)
    if old == new:
        return None
    if syl == old:
        return STYLE_OLD
    return STYLE_NEW if syl == new else None


@lru_cache(maxsize=4)
def style_counts(text: str) -> Counter:
    """How many style-revealing syllables of each style `text` has (cached: the word step
    and the tone step both ask for the text they share)."""
    counts: Counter = Counter()
    for m in _WORD.finditer(text):
        s = syllable_style(m.group())
        if s:
            counts[s] += 1
    return counts


def document_style(text: str) -> str:
    """The majority placement style of `text` (STYLE_OLD on a tie or no evidence)."""
    c = style_counts(text)
    return STYLE_NEW if c[STYLE_NEW] > c[STYLE_OLD] else STYLE_OLD


def edits(text: str) -> list[Edit]:
    """Rewrite minority-style syllables to the majority style; nothing if the text is
    consistent."""
    c = style_counts(text)
    if not c[STYLE_OLD] or not c[STYLE_NEW]:
        return []
    style = document_style(text)
    out = []
    for m in _WORD.finditer(text):
        s = syllable_style(m.group())
        if s and s != style:
            base, t = split_tone(m.group())
            out.append(Edit(m.start(), m.end(), place_tone(base, t, style), REASON))
    return out

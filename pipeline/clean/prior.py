"""Adaptive error prior: scale the corrector's margins by the document's own noise level.

A fixed margin is a fixed prior belief that a token is an OCR error. That belief should depend
on the document: a born-digital text has almost no unknown syllables and every change there is
more likely harm than repair, while a poor scan with 3 % unknown syllables also holds many
real-word errors the same context would fix. The noise level is estimated cheaply from the
share of word tokens the corrector may touch that are not known syllables (foreign words,
codes and acronyms are protected and not counted), and mapped to a margin scale:

    scale = STRICT_SCALE                        for rate <= STRICT_RATE (born-digital)
    scale = 1                                   for rate <= CLEAN_RATE (today's margins)
    scale = max(FLOOR, 1 - SLOPE (rate - CLEAN_RATE))   above it.

The constants are fitted on the synthetic Tesseract levels with a leave-one-out LM, never on
the real scan.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol

CLEAN_RATE = 0.005  # unknown-syllable share up to which a text counts as clean
SLOPE = 80.0  # margin scale lost per unit of unknown share above CLEAN_RATE
FLOOR = 0.35  # lowest margin scale
STRICT_RATE = 0.002  # at or below this share a text is taken for born-digital
STRICT_SCALE = 1.3  # margin scale for a born-digital text (every change there is suspect)
MIN_TOKENS = 200  # below this many counted tokens the estimate is too weak: scale 1


class _Tok(Protocol):
    text: str
    fixable: bool
    known: bool


def unknown_rate(toks: Iterable[_Tok]) -> tuple[float, int]:
    """Share of fixable word tokens (two letters or more) that are not known syllables, and
    how many tokens were counted."""
    n = unk = 0
    for t in toks:
        if t.fixable and len(t.text) > 1 and t.text.isalpha():
            n += 1
            unk += not t.known
    return (unk / n if n else 0.0), n


def margin_scale(toks: Iterable[_Tok]) -> float:
    """The factor applied to the unknown and known-word margins of this document."""
    rate, n = unknown_rate(toks)
    if n < MIN_TOKENS:
        return 1.0
    if rate <= STRICT_RATE:
        return STRICT_SCALE
    if rate <= CLEAN_RATE:
        return 1.0
    return max(FLOOR, 1.0 - SLOPE * (rate - CLEAN_RATE))

"""Adaptive error prior: scale the corrector's margins by the document's own noise level.

A fixed margin is a fixed prior belief that a token is an OCR error. That belief should depend
on the document: a born-digital text has almost no unknown syllables and every change there is
more likely harm than repair, while a poor scan with 3 % unknown syllables also holds many
real-word errors the same context would fix. The noise level is estimated cheaply from the
share of word tokens the corrector may touch that are not known syllables (foreign words,
codes and acronyms are protected and not counted), and mapped to a margin scale:

    scale = strict_scale                        for rate <= strict_rate (born-digital)
    scale = 1                                   for rate <= clean_rate (today's margins)
    scale = max(floor, 1 - slope (rate - clean_rate))   above it.

The constants are fitted on the synthetic Tesseract levels with a leave-one-out LM, never on
the real scan (`PriorConfig`).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol

from pipeline.clean.config import PriorConfig


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


def margin_scale(toks: Iterable[_Tok], config: PriorConfig) -> float:
    """The factor applied to the unknown and known-word margins of this document."""
    rate, n = unknown_rate(toks)
    if n < config.min_tokens:
        return 1.0
    if rate <= config.strict_rate:
        return config.strict_scale
    if rate <= config.clean_rate:
        return 1.0
    return max(config.floor, 1.0 - config.slope * (rate - config.clean_rate))

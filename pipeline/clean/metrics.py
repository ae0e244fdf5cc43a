"""Error rates of cleaned text against a reference, after a documented normalization.

Normalization (docs/cleaning.md): NFC, markdown bold removed, page-number lines dropped, tone
placement made canonical ("hòa": both placements are correct spelling, so style is not an
error), all whitespace collapsed to one space.
"""

from __future__ import annotations

import unicodedata

import regex

from pipeline.clean.syllable import canonical_tone_text

_PAGE_NUMBER = regex.compile(r"^\s*(?:-\s*)?\d{1,3}(?:\s*-)?\s*$")


def normalize_for_metric(text: str) -> str:
    """The text as compared by CER/WER."""
    text = unicodedata.normalize("NFC", text).replace("**", "")
    lines = [ln for ln in text.splitlines() if not _PAGE_NUMBER.match(ln)]
    return canonical_tone_text(" ".join(" ".join(lines).split()))


def cer(ref: str, hyp: str) -> float:
    """Character error rate of `hyp` against `ref` after normalization."""
    import jiwer

    return jiwer.cer(normalize_for_metric(ref), normalize_for_metric(hyp))


def wer(ref: str, hyp: str) -> float:
    """Word error rate of `hyp` against `ref` after normalization."""
    import jiwer

    return jiwer.wer(normalize_for_metric(ref), normalize_for_metric(hyp))

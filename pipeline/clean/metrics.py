"""Error rates of cleaned text against a reference, after a documented normalization.

Normalization (docs/cleaning.md): NFC, markdown bold removed, page-number lines and
digital-signature stamp lines ("Ký bởi: …" + timestamp) dropped, tone placement made canonical
("hòa": both placements are correct spelling, so style is not an error), all whitespace
collapsed to one space, and a space after a hyphen glued to the word before it dropped
("TT- BTTTT" is "TT-BTTTT"): a line-aligned reference keeps a line break after a hyphen, and
whether the printed text had a space there ("2019-2020" or "2019- 2020") cannot be seen in
it, so the join the layout step makes is not scored either way. Stamps are page furniture
like page numbers: the layout step removes them, a line-aligned reference may keep them, and
neither is the document's text. They are recognised by the layout step's own rule
(`pagination.stamp_lines`), not a copy of it.
"""

from __future__ import annotations

import unicodedata

import regex

from pipeline.clean.pagination import stamp_lines
from pipeline.vi.lines import split_lines
from pipeline.vi.syllable import canonical_tone_text

_PAGE_NUMBER = regex.compile(r"^\s*(?:-\s*)?\d{1,3}(?:\s*-)?\s*$")
_HYPHEN_SPACE = regex.compile(r"(?<=\w)- (?=\w)")


def normalize_for_metric(text: str) -> str:
    """The text as compared by CER/WER."""
    text = unicodedata.normalize("NFC", text).replace("**", "")
    stamps = stamp_lines(split_lines(text))
    lines = [ln for i, ln in enumerate(text.split("\n"))
             if i not in stamps and not _PAGE_NUMBER.match(ln)]
    return canonical_tone_text(_HYPHEN_SPACE.sub("-", " ".join(" ".join(lines).split())))


def cer(ref: str, hyp: str) -> float:
    """Character error rate of `hyp` against `ref` after normalization."""
    import jiwer

    return jiwer.cer(normalize_for_metric(ref), normalize_for_metric(hyp))


def wer(ref: str, hyp: str) -> float:
    """Word error rate of `hyp` against `ref` after normalization."""
    import jiwer

    return jiwer.wer(normalize_for_metric(ref), normalize_for_metric(hyp))

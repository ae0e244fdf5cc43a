"""Cleaning step: assess a text file, whose history is unknown, before anything repairs it.

A text file may be a typed plan (a web copy, an export) or an OCR'd scan saved as text, and
the two need opposite treatment: OCR repairs fix a scan and damage typed text, where every
unusual word is the drafter's ("phường" is no misread "phương"). So the file is judged first,
on evidence OCR leaves and typing does not: unknown syllables written once or twice
("triểu", "đựa", "liện") beyond a typed text's share, or the specks of a speckled scan. A
typed text gets its layout and the declared normalization only, like a DOCX or a PDF's text
layer; OCR'd text gets the repairs. On the development set's eight typed plans the share is
0.00-0.06 %, on the OCR'd seed 0.73 % (docs/cleaning.md).
"""

from __future__ import annotations

from collections import Counter

from pipeline.clean import debris, speckled
from pipeline.clean.context import CleanContext
from pipeline.clean.tokens import Token, tokenize
from pipeline.offsets import Edit


def noise_rate(toks: list[Token], usage_min: int) -> float:
    """Share of the changeable word tokens (two letters or more) that are unknown syllables
    the document writes fewer than `usage_min` times: names it writes again and again ("Đắk
    Lắk") are its own, not OCR noise."""
    words = [t for t in toks if t.fixable and len(t.text) > 1 and t.text.isalpha()]
    if not words:
        return 0.0
    uses = Counter(t.key for t in words)
    noisy = sum(1 for t in words if not t.known and uses[t.key] < usage_min)
    return noisy / len(words)


def reads_as_ocr(text: str, ctx: CleanContext) -> bool:
    """True if `text` shows what OCR leaves: unknown syllables beyond a typed text's share,
    or, failing that, the specks of a speckled scan."""
    cfg = ctx.config
    toks = tokenize(text, ctx.resources.lm, ctx.resources.channel("clean"), cfg.words.cheap_fix)
    if noise_rate(toks, cfg.origin.usage_min) > cfg.origin.typed_noise_rate:
        return True
    return speckled.regime(debris.base_edits(text, ctx), text, ctx) == "speckled"


def assess(text: str, ctx: CleanContext) -> list[Edit]:
    """Judge a text file or a digital text layer once ("typed" or "ocr", on `ctx.reads_as`);
    no edits. A PDF's text layer or a DOCX may hold OCR output too (a scan's layer made by
    another engine, OCR'd text pasted into Word), and the same words must get the same
    repairs whatever file carries them. Our own OCR needs no judgement."""
    if ctx.origin in ("text", "digital") and ctx.reads_as is None:
        ctx.reads_as = "ocr" if reads_as_ocr(text, ctx) else "typed"
    return []

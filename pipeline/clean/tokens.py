"""Word tokens of a text as the OCR word corrector sees them: lookup key, whether they join
their neighbour by spaces only, whether they are known, and whether they may be changed.

Numbers, single letters (list markers, point names), acronyms in capitals ("UBND", "HĐND"),
parts of URLs, e-mails and paths, and unshaped foreign words ("Internet") are protected.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from pipeline.clean.ocr_model.channel import OcrChannel
from pipeline.clean.ocr_model.lm import BigramLM
from pipeline.vi.syllable import (
    VOWELS,
    fold_foreign,
    has_vietnamese_marks,
    is_shaped,
    key,
    split_tone,
)

_TOKEN = regex.compile(r"[\p{L}\p{M}0-9]+")
_SPACES = regex.compile(r" +")


@dataclass
class Token:
    """One letter (or letter+digit) run of the text and how the corrector may treat it."""

    start: int
    end: int
    text: str
    key: str
    joined: bool  # separated from the previous token by spaces only
    fixable: bool
    known: bool
    foreign: bool = False  # carries letters or marks Vietnamese never writes ("theø", "Läk")


def _fixable(text: str, k: str, known: bool, channel: OcrChannel, cheap_fix: float) -> bool:
    """False for numbers, codes, acronyms and foreign words: things to protect."""
    if text.isdigit() or len(text) == 1:
        return False  # numbers; single letters are list markers, initials, point names
    if not text.isalpha() and any(c.isdigit() for c in text):  # isalpha: the fast common case
        letters = [c for c in text if c.isalpha()]
        return len(letters) >= 2 and text[0].isdigit() and len(text) <= 6 \
            and "".join(letters).islower()
    if known:
        return True
    if text.isupper() and len(text) > 1 and split_tone(k)[1] == 0 \
            and (len(text) <= 4 or not has_vietnamese_marks(text)):
        return False  # UBND, CNTT, NQ, HĐND, ĐT, TƯ (a tone mark makes it a word: "GHỦ")
    if text.islower() and len(text) > 1 and not any(c in VOWELS for c in k):
        return True  # a syllable that lost its vowels ("nh" for "tỉnh")
    if is_shaped(k) or has_vietnamese_marks(text):
        return True
    # unshaped and unmarked: a foreign word unless one cheap confusion makes it a syllable
    return any(0 < cost <= cheap_fix for _c, cost in channel.candidates(k))


def tokenize(text: str, lm: BigramLM, channel: OcrChannel, cheap_fix: float) -> list[Token]:
    """Tokens of `text` with their lookup keys and protection flags: known to `lm`, fixable
    unless protected (an unshaped token only if `channel` reaches a syllable from it for
    at most `cheap_fix`)."""
    out: list[Token] = []
    prev_end = -1
    for m in _TOKEN.finditer(text):
        t = m.group()
        folded = fold_foreign(t)
        k = key(folded)
        known = k in lm.lex.uni and folded == t
        joined = prev_end >= 0 and _SPACES.fullmatch(text, prev_end, m.start()) is not None
        before = text[m.start() - 1] if m.start() else " "
        after = text[m.end()] if m.end() < len(text) else " "
        # URL, e-mail or path parts; a "." beside a marked syllable is dirt ("các.hỉnh")
        in_code = before in "/@\\" or after in "/@" or (
            before == "." and not has_vietnamese_marks(t))
        fixable = not in_code and _fixable(folded, k, k in lm.lex.uni, channel, cheap_fix)
        out.append(Token(m.start(), m.end(), t, k, joined, fixable, known, folded != t))
        prev_end = m.end()
    return out


def runs(toks: list[Token]) -> list[range]:
    """Index ranges of tokens joined by spaces only (n-gram context never crosses others)."""
    out, start = [], 0
    for i in range(1, len(toks) + 1):
        if i == len(toks) or not toks[i].joined:
            out.append(range(start, i))
            start = i
    return out

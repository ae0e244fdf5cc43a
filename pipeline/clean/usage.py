"""The document's own usage: a word it writes often in the same place is the drafter's word.

An OCR error is sparse and scattered; a form the document writes again and again beside the
same neighbour is how the document spells it. A typed plan writes "UBND các phường, xã" 93
times, and a corrector that prefers "phương" there would make 93 errors; a scan's "nền táng"
(3 times) stands beside "nền tảng" written far more often, and is repaired. The evidence is
the pair, not the word: thanhhoa's OCR writes "thông" 123 times, correctly in "thông tin" and
wrongly in "hệ thông", so a word's own count would freeze its errors too.
"""

from __future__ import annotations

from collections import Counter

from pipeline.clean.tokens import Token


class DocumentUsage:
    """Counts of the pairs of joined tokens of one document, as written."""

    def __init__(self, toks: list[Token]):
        self.pairs: Counter[tuple[str, str]] = Counter(
            (toks[i - 1].key, toks[i].key) for i in range(1, len(toks)) if toks[i].joined)

    def keeps(self, toks: list[Token], i: int, candidate: str, usage_min: int) -> bool:
        """True if the document writes token `i` beside its left or its right joined
        neighbour at least `usage_min` times, and at least as often as it writes `candidate`
        there: then the token is the document's own word."""
        tok = toks[i]
        sides = []
        if i > 0 and tok.joined:
            left = toks[i - 1].key
            sides.append(((left, tok.key), (left, candidate)))
        if i + 1 < len(toks) and toks[i + 1].joined:
            right = toks[i + 1].key
            sides.append(((tok.key, right), (candidate, right)))
        for own, repaired in sides:
            n = self.pairs[own]
            if n >= usage_min and n >= self.pairs[repaired]:
                return True
        return False

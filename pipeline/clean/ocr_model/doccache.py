"""Document cache language model (Kuhn & De Mori 1990) for the OCR word corrector.

OCR errors are sparse and scattered, while the correct form of a phrase repeats within a
document ("tỉnh Thanh Hóa", "lề lối làm việc"). The document's own syllable unigram and bigram
counts (known syllables only) are mixed into the base LM:

    P(c | a) = (1 - λ) P_base(c | a) + λ P_cache(c | a),
    P_cache(c | a) = μ n(a c) / n(a ·) + (1 - μ) n(c) / N.

Counts contributed by the position being scored are left out (leave-one-out), so a token never
votes for itself: a lone unusual word gets no support from its own occurrence, and a damaged
copy is pulled toward the form the rest of the document uses.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence


class DocCache:
    """Syllable unigram/bigram counts of one document, scored with leave-one-out; `lam` is
    λ (the cache's weight against the base LM), `mu` μ (its bigram against its unigram)."""

    def __init__(self, keys: Sequence[str], joined: Sequence[bool], known: Sequence[bool],
                 lam: float = 0.05, mu: float = 0.7):
        self.uni: Counter[str] = Counter(k for k, ok in zip(keys, known, strict=True) if ok)
        self.left: Counter[str] = Counter()
        self.bi: Counter[tuple[str, str]] = Counter()
        for i in range(1, len(keys)):
            if joined[i] and known[i] and known[i - 1]:
                self.bi[(keys[i - 1], keys[i])] += 1
                self.left[keys[i - 1]] += 1
        self.total = sum(self.uni.values())
        self.counted = list(known)  # per position: did its token enter the counts
        self.lam, self.mu = lam, mu
        self.keep = math.log10(1.0 - self.lam) if self.lam < 1.0 else -99.0

    def mix(self, base: float, a: str | None, c: str, obs_a: str | None,
            obs_c: str | None) -> float:
        """log10 of the interpolated probability of `c` after `a`, given the base log10 P;
        `obs_a obs_c` are the OCR'd keys at these places if they were counted (None if not),
        whose own counts are left out."""
        if not self.lam:
            return base
        own = c == obs_c
        n_c = self.uni.get(c, 0) - own
        if n_c <= 0 or self.total <= 1:
            return base + self.keep
        p = n_c / (self.total - 1)
        if a is not None:
            own_ctx = obs_c is not None and a == obs_a  # that pair was counted
            n_a = self.left.get(a, 0) - own_ctx
            if n_a > 0:
                n_ac = self.bi.get((a, c), 0) - (own_ctx and own)
                p = self.mu * n_ac / n_a + (1.0 - self.mu) * p
        return math.log10((1.0 - self.lam) * 10 ** base + self.lam * p)

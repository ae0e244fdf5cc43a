"""Syllable bigram language model: Witten-Bell interpolated bigrams over unigrams.

Small and fast on purpose: the whole clean stage must run at hundreds of KB/s per core, and
the domain text is small, so a bigram with a word-list prior is what the data supports.
"""

from __future__ import annotations

import math

from pipeline.clean.config import LanguageModelConfig
from pipeline.clean.ocr_model.lexicon import Lexicon

CACHE_LIMIT = 300_000  # memoized probabilities per cache (bounds memory, ~50 MB)


class BigramLM:
    """log10 P(b | a) with a unigram back-off, over lexicon keys. The compound bonus rewards
    two adjacent syllables that make (part of) a listed multi-syllable word ("lề lối", "nền
    tảng") where OCR may have broken one; a bigram counts as seen from `seen_min` weighted
    occurrences (one word-list or domain sighting, more than one chance pair of general
    text)."""

    def __init__(self, lex: Lexicon, config: LanguageModelConfig | None = None):
        self.lex = lex
        self.config = config or LanguageModelConfig()
        self._denom = lex.total + 0.5 * len(lex.uni)
        self._cache: dict[tuple[str | None, str], float] = {}
        self._cache3: dict[tuple[str, str, str], float] = {}

    def unigram(self, b: str) -> float:
        """P(b), with add-half smoothing over the known syllables; 0 for unknown ones."""
        c = self.lex.uni.get(b)
        return 0.0 if c is None else (c + 0.5) / self._denom

    def logp(self, a: str | None, b: str) -> float:
        """log10 P(b | a); `a` None means no usable left context."""
        k = (a, b)
        v = self._cache.get(k)
        if v is not None:
            return v
        pu = self.unigram(b)
        if pu == 0.0:
            v = self.config.oov_logp
        elif a is None or a not in self.lex.uni:
            v = math.log10(pu)
        else:
            types = self.lex.left_types.get(a, 0) + 1  # +1: a never seen as a left word
            num = self.lex.bi.get(k, 0.0) + types * pu
            v = math.log10(num / (self.lex.left_total.get(a, 0.0) + types))
        if len(self._cache) < CACHE_LIMIT:
            self._cache[k] = v
        return v

    def logp3(self, z: str | None, a: str | None, b: str) -> float:
        """log10 P(b | z a): Witten-Bell mix of the domain trigram and the bigram."""
        if z is None or a is None:
            return self.logp(a, b)
        total = self.lex.tri_total.get((z, a))
        if not total:
            return self.logp(a, b)
        k = (z, a, b)
        v = self._cache3.get(k)
        if v is None:
            types = self.lex.tri_types[(z, a)]
            p2 = 10 ** self.logp(a, b)
            v = math.log10((self.lex.tri.get(k, 0.0) + types * p2) / (total + types))
            if len(self._cache3) < CACHE_LIMIT:
                self._cache3[k] = v
        return v

    def path_logp(self, z: str | None, a: str | None, b: str, reward: bool) -> float:
        """The path score of `b` after `z a`: the n-gram probability, plus the compound bonus
        when `reward` (the OCR'd pair at this place is no word: a compound may be broken) and
        `a b` is a pair of a listed word."""
        v = self.logp3(z, a, b)
        if reward and a is not None and (a, b) in self.lex.word_pairs:
            v += self.config.compound_bonus
        return v

    def is_compound(self, a: str, b: str) -> bool:
        """True if `a b` are adjacent syllables of a listed multi-syllable word."""
        return (a, b) in self.lex.word_pairs

    def pair_count(self, a: str, b: str) -> float:
        """Weighted count of `a b` written side by side in the word lists, domain and general
        text (the dictionary's examples left out: see `Lexicon.evidence`)."""
        return self.lex.evidence.get((a, b), 0.0)

    def has_bigram(self, a: str, b: str) -> bool:
        """True if the pair was seen in the word list or the domain text, or a few times in
        general text."""
        return self.pair_count(a, b) >= self.config.seen_min

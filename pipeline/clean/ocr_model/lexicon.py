"""The syllable lexicon and n-gram counts the word corrector scores with.

Built by `scripts/build_resources.py` into the language layer's data (`pipeline/vi/data/`)
from general word lists (Viet74K, pyvi's word list, hunspell-vi), clean domain text (the
born-digital seeds), general running text (the VLSP 2013 POS test set shipped with
underthesea) and a dictionary's definitions and examples. Counts are kept in four columns
(word list, domain, general, dictionary) so the interpolation between them is a choice made
here (`LexiconConfig`), not in the data. Why each weight has its value: docs/cleaning.md.
"""

from __future__ import annotations

import csv
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import regex

from pipeline.clean.config import LexiconConfig
from pipeline.vi.syllable import key, skeleton

# runs of letters joined by single spaces: n-grams never cross punctuation, digits or lines
_RUN = regex.compile(r"\p{L}+(?: \p{L}+)*")


def runs(text: str) -> Iterable[list[str]]:
    """Lists of syllable keys that are adjacent in `text` (no punctuation between)."""
    for m in _RUN.finditer(text):
        yield [key(t) for t in m.group().split(" ")]


def count_text(text: str) -> tuple[Counter, Counter]:
    """Unigram and bigram counts of the syllables of `text`."""
    uni: Counter = Counter()
    bi: Counter = Counter()
    for run in runs(text):
        uni.update(run)
        bi.update(zip(run, run[1:], strict=False))
    return uni, bi


def count_trigrams(text: str) -> Counter:
    """Trigram counts of the syllables of `text` (domain phrases such as "điện tử tỉnh")."""
    tri: Counter = Counter()
    for run in runs(text):
        tri.update(zip(run, run[1:], run[2:], strict=False))
    return tri


_PUNCT_GAP = regex.compile(r"(?<![\p{L}])(\p{L}+)[,;] (?=(\p{L}+))")


def count_punct_gaps(text: str) -> Counter:
    """Counts of syllable pairs written with a comma or semicolon between them ("xã, thị"):
    the evidence that real text does put punctuation inside a pair."""
    return Counter((key(m.group(1)), key(m.group(2))) for m in _PUNCT_GAP.finditer(text))


@dataclass
class Counts:
    """Unigram, bigram and trigram counts of one source."""

    uni: Counter = field(default_factory=Counter)
    bi: Counter = field(default_factory=Counter)
    tri: Counter = field(default_factory=Counter)


def text_counts(text: str) -> Counts:
    """All n-gram counts of a running text."""
    uni, bi = count_text(text)
    return Counts(uni, bi, count_trigrams(text))


@dataclass
class Lexicon:
    """Weighted syllable and bigram counts, and syllables grouped by skeleton."""

    uni: dict[str, float]
    bi: dict[tuple[str, str], float]
    left_total: dict[str, float]
    left_types: dict[str, int]
    by_skeleton: dict[str, tuple[str, ...]] = field(default_factory=dict)
    total: float = 0.0
    domain_uni: dict[str, float] = field(default_factory=dict)
    tri: dict[tuple[str, str, str], float] = field(default_factory=dict)
    tri_total: dict[tuple[str, str], float] = field(default_factory=dict)
    tri_types: dict[tuple[str, str], int] = field(default_factory=dict)
    word_pairs: frozenset[tuple[str, str]] = frozenset()  # adjacent syllables of listed words
    # weighted bigram counts without the dictionary: the evidence that a pair is written side
    # by side in running text, which decides whether a token is left alone or a mark between
    # two words is dirt (a dictionary's examples show "điện từ" and "khả năng cao", which must
    # not make "văn bản điện từ" or "năng cao" look written)
    evidence: dict[tuple[str, str], float] = field(default_factory=dict)

    def add_trigrams(self, tri: dict[tuple[str, str, str], float]) -> None:
        """Attach (weighted) trigram counts."""
        self.tri = {k: float(c) for k, c in tri.items()}
        total: dict[tuple[str, str], float] = defaultdict(float)
        types: dict[tuple[str, str], int] = defaultdict(int)
        for (a, b, _c), c in tri.items():
            total[(a, b)] += c
            types[(a, b)] += 1
        self.tri_total, self.tri_types = dict(total), dict(types)

    def __contains__(self, syl: str) -> bool:
        return syl in self.uni


def _weighted(parts: list[tuple[Counter, float]]) -> dict:
    """Sum of counters, each scaled by its weight."""
    out: dict = defaultdict(float)
    for counts, w in parts:
        for k, c in counts.items():
            out[k] += w * c
    return dict(out)


def combine(words: Counts, domain: Counts, general: Counts | None = None,
            dictionary: Counts | None = None, weights: LexiconConfig | None = None) -> Lexicon:
    """A Lexicon from word-list, domain, general and dictionary counts, merged with
    `weights`."""
    general, dictionary = general or Counts(), dictionary or Counts()
    w = weights or LexiconConfig()
    uni = _weighted([(words.uni, w.word_list), (domain.uni, w.domain),
                     (general.uni, w.general), (dictionary.uni, w.dictionary)])
    evidence = _weighted([(words.bi, w.word_list), (domain.bi, w.domain),
                          (general.bi, w.general)])
    bi = _weighted([(evidence, 1.0), (dictionary.bi, w.dictionary)])
    left: dict[str, float] = defaultdict(float)
    types: dict[str, int] = defaultdict(int)
    for (a, _b), c in bi.items():
        left[a] += c
        types[a] += 1
    groups: dict[str, list[str]] = defaultdict(list)
    for s in uni:
        groups[skeleton(s)].append(s)
    lex = Lexicon(uni, bi, dict(left), dict(types),
                  {k: tuple(sorted(v)) for k, v in groups.items()}, sum(uni.values()),
                  {s: float(c) for s, c in domain.uni.items() if c},
                  word_pairs=frozenset(p for p, c in words.bi.items() if c), evidence=evidence)
    lex.add_trigrams(_weighted([(domain.tri, w.domain), (general.tri, w.general)]))
    return lex


def read_counts(directory: Path) -> tuple[Counts, Counts, Counts, Counts]:
    """Word-list, domain, general and dictionary counts from the three TSV files, each count
    column named by its source in the header."""
    sources = {"lexicon": Counts(), "domain": Counts(), "general": Counts(),
               "dictionary": Counts()}
    files = (("syllables.tsv", 1, "uni"), ("bigrams.tsv", 2, "bi"), ("trigrams.tsv", 3, "tri"))
    for name, width, attr in files:
        with open(directory / name, encoding="utf-8") as f:
            rows = csv.reader(f, delimiter="\t")
            columns = [getattr(sources[h], attr) for h in next(rows)[width:]]
            for row in rows:
                k = row[0] if width == 1 else tuple(row[:width])
                for counts, c in zip(columns, row[width:], strict=True):
                    if c != "0":
                        counts[k] = int(c)
    return sources["lexicon"], sources["domain"], sources["general"], sources["dictionary"]

"""The syllable lexicon and n-gram counts the word corrector scores with.

Built by `scripts/build_resources.py` into `corpora/resources/` from a general word list
(Viet74K, hunspell-vi) and clean domain text; loaded once, lazily. Counts are kept in two
columns (word list, domain text) so the weighting is a choice made here, not in the data.
"""

from __future__ import annotations

import csv
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import regex

from pipeline.clean.syllable import canonical, skeleton

RESOURCES = Path(__file__).resolve().parents[2] / "corpora" / "resources"
LEXICON_WEIGHT = 1.0  # one word-list entry counts like one domain occurrence
DOMAIN_WEIGHT = 1.0

# runs of letters joined by single spaces: n-grams never cross punctuation, digits or lines
_RUN = regex.compile(r"\p{L}+(?: \p{L}+)*")


def key(token: str) -> str:
    """The lookup form of a syllable: lowercase, tone placed in the canonical style."""
    return canonical(token.lower())


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

    def add_trigrams(self, tri: Counter) -> None:
        """Attach domain trigram counts."""
        self.tri = {k: float(c) for k, c in tri.items()}
        total: dict[tuple[str, str], float] = defaultdict(float)
        types: dict[tuple[str, str], int] = defaultdict(int)
        for (a, b, _c), c in tri.items():
            total[(a, b)] += c
            types[(a, b)] += 1
        self.tri_total, self.tri_types = dict(total), dict(types)

    def __contains__(self, syl: str) -> bool:
        return syl in self.uni


def combine(lex_uni: Counter, dom_uni: Counter, lex_bi: Counter, dom_bi: Counter) -> Lexicon:
    """A Lexicon from word-list and domain counts."""
    uni: dict[str, float] = defaultdict(float)
    for s, c in lex_uni.items():
        uni[s] += LEXICON_WEIGHT * c
    for s, c in dom_uni.items():
        uni[s] += DOMAIN_WEIGHT * c
    bi: dict[tuple[str, str], float] = defaultdict(float)
    left: dict[str, float] = defaultdict(float)
    for counts, w in ((lex_bi, LEXICON_WEIGHT), (dom_bi, DOMAIN_WEIGHT)):
        for pair, c in counts.items():
            bi[pair] += w * c
            left[pair[0]] += w * c
    types: dict[str, int] = defaultdict(int)
    for a, _b in bi:
        types[a] += 1
    groups: dict[str, list[str]] = defaultdict(list)
    for s in uni:
        groups[skeleton(s)].append(s)
    return Lexicon(dict(uni), dict(bi), dict(left), dict(types),
                   {k: tuple(sorted(v)) for k, v in groups.items()}, sum(uni.values()),
                   {s: float(c) for s, c in dom_uni.items() if c})


def read_counts(directory: Path = RESOURCES) -> tuple[Counter, Counter, Counter, Counter]:
    """Raw counts from `syllables.tsv` and `bigrams.tsv`."""
    lex_uni, dom_uni, lex_bi, dom_bi = Counter(), Counter(), Counter(), Counter()
    with open(directory / "syllables.tsv", encoding="utf-8") as f:
        for row in csv.reader(f, delimiter="\t"):
            if row[0] == "syllable":
                continue
            lex_uni[row[0]] = int(row[1])
            dom_uni[row[0]] = int(row[2])
    with open(directory / "bigrams.tsv", encoding="utf-8") as f:
        for row in csv.reader(f, delimiter="\t"):
            if row[0] == "first":
                continue
            lex_bi[(row[0], row[1])] = int(row[2])
            dom_bi[(row[0], row[1])] = int(row[3])
    return lex_uni, dom_uni, lex_bi, dom_bi


def read_trigrams(directory: Path = RESOURCES) -> Counter:
    """Domain trigram counts from `trigrams.tsv`."""
    tri: Counter = Counter()
    with open(directory / "trigrams.tsv", encoding="utf-8") as f:
        for row in csv.reader(f, delimiter="\t"):
            if row[0] != "first":
                tri[(row[0], row[1], row[2])] = int(row[3])
    return tri


@lru_cache(maxsize=1)
def load() -> Lexicon:
    """The committed lexicon, loaded once per process."""
    lex = combine(*read_counts())
    lex.add_trigrams(read_trigrams())
    return lex

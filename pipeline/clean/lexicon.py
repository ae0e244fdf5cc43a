"""The syllable lexicon and n-gram counts the word corrector scores with.

Built by `scripts/build_resources.py` into `corpora/resources/` from general word lists
(Viet74K, pyvi's word list, hunspell-vi), clean domain text (the born-digital seeds) and general
running text (the VLSP 2013 POS test set shipped with underthesea); loaded once, lazily. Counts
are kept in three columns (word list, domain, general) so the interpolation between the domain
and the general model is a choice made here, not in the data.
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
# General running text is about four times the domain text: weighted down so that where the
# domain has seen a context it decides, and the general model fills the contexts it has not
# (count merging, i.e. MAP interpolation of the two n-gram models).
GENERAL_WEIGHT = 0.3

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


def combine(words: Counts, domain: Counts, general: Counts | None = None) -> Lexicon:
    """A Lexicon from word-list, domain and general counts (see the weights above)."""
    general = general or Counts()
    uni = _weighted([(words.uni, LEXICON_WEIGHT), (domain.uni, DOMAIN_WEIGHT),
                     (general.uni, GENERAL_WEIGHT)])
    bi = _weighted([(words.bi, LEXICON_WEIGHT), (domain.bi, DOMAIN_WEIGHT),
                    (general.bi, GENERAL_WEIGHT)])
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
                  word_pairs=frozenset(p for p, c in words.bi.items() if c))
    lex.add_trigrams(_weighted([(domain.tri, DOMAIN_WEIGHT), (general.tri, GENERAL_WEIGHT)]))
    return lex


def read_counts(directory: Path = RESOURCES) -> tuple[Counts, Counts, Counts]:
    """Word-list, domain and general counts from the three TSV files."""
    words, domain, general = Counts(), Counts(), Counts()
    files = (("syllables.tsv", 1, "uni"), ("bigrams.tsv", 2, "bi"), ("trigrams.tsv", 3, "tri"))
    for name, width, attr in files:
        with open(directory / name, encoding="utf-8") as f:
            rows = csv.reader(f, delimiter="\t")
            next(rows)  # header
            for row in rows:
                k = row[0] if width == 1 else tuple(row[:width])
                counts = [int(c) for c in row[width:]]
                sources = (words, domain, general) if len(counts) == 3 else (domain, general)
                for src, c in zip(sources, counts, strict=True):
                    if c:
                        getattr(src, attr)[k] = c
    return words, domain, general


@lru_cache(maxsize=1)
def load() -> Lexicon:
    """The committed lexicon, loaded once per process."""
    return combine(*read_counts())


_WORD = regex.compile(r"(?<![\p{L}\d])[\p{L}\p{M}]{2,}(?![\p{L}\d])")


def unknown_share(text: str) -> float:
    """Share of the words of `text` (two letters or more, acronyms in capitals aside) that are
    no known syllable: how well a text reads as Vietnamese. Clean seeds 0-2 %, a real scan's
    OCR about 1 %, Tesseract on degraded pages up to 7 %, Vietnamese without its marks about
    30 %."""
    words = [w for w in _WORD.findall(text) if not w.isupper()]
    if not words:
        return 0.0
    known = load().uni
    return sum(key(w) not in known for w in words) / len(words)

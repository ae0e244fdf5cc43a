"""How often clean text capitalizes a word in mid-sentence: the evidence a capital carries.

A capitalized word inside a sentence is usually a name, so the word corrector asks a wider
margin before changing one ("Hà" must not become "hà"). But the capital says nothing against a
candidate that names are made of: "Công Dịch vụ công" read for "Cổng Dịch vụ công" is
capitalized because "Cổng" is, and clean text capitalizes "cổng" after a lowercase word more
often than not. `pipeline/vi/data/casing.tsv` (built from the clean seeds and the general
corpus) counts, per syllable, its lowercase and Capitalized sightings right after a lowercase
word.
"""

from __future__ import annotations

import csv
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import regex

from pipeline.clean.config import CasingConfig
from pipeline.vi.syllable import key

# a word right after a lowercase word, lowercase or Capitalized: where a capital is evidence
AFTER_LOWERCASE = regex.compile(r"(?<=(?<![\p{L}\d])\p{Ll}+ )(\p{Lu}?\p{Ll}+)(?![\p{L}\d])")


def text_counts(text: str) -> tuple[Counter, Counter]:
    """Per syllable key, its lowercase and its Capitalized sightings right after a lowercase
    word in `text`."""
    lower, upper = Counter(), Counter()
    for m in AFTER_LOWERCASE.finditer(text):
        tok = m.group(1)
        (upper if tok[0].isupper() else lower)[key(tok)] += 1
    return lower, upper


@dataclass(frozen=True)
class Casing:
    """Syllable key -> (lowercase, capitalized) sightings after a lowercase word in clean
    text."""

    counts: dict[str, tuple[int, int]]
    config: CasingConfig = CasingConfig()

    @classmethod
    def read(cls, path: Path, config: CasingConfig) -> Casing:
        """The table `scripts/build_resources.py` writes."""
        with open(path, encoding="utf-8") as f:
            return cls({r[0]: (int(r[1]), int(r[2])) for r in csv.reader(f, delimiter="\t")
                        if r[0] != "syllable"}, config)

    @classmethod
    def from_text(cls, text: str, config: CasingConfig) -> Casing:
        """The counts of `text` itself (the benchmark's leave-one-out tables)."""
        lower, upper = text_counts(text)
        return cls({k: (lower[k], upper[k]) for k in set(lower) | set(upper)}, config)

    def get(self, syllable: str) -> tuple[int, int]:
        """(lowercase, capitalized) sightings of a syllable key; (0, 0) if never seen."""
        return self.counts.get(syllable, (0, 0))

    def is_name_word(self, syllable: str) -> bool:
        """True if clean text often capitalizes the key inside a sentence ("cổng", "sở",
        "trung")."""
        lower, capital = self.get(syllable)
        n = lower + capital
        return n >= self.config.min_sightings and capital >= self.config.name_word_share * n

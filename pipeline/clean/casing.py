"""How often clean text capitalizes a word in mid-sentence: the evidence a capital carries.

A capitalized word inside a sentence is usually a name, so the word corrector asks a wider
margin before changing one ("Hà" must not become "hà"). But the capital says nothing against a
candidate that names are made of: "Công Dịch vụ công" read for "Cổng Dịch vụ công" is
capitalized because "Cổng" is, and clean text capitalizes "cổng" after a lowercase word more
often than not. `corpora/resources/casing.tsv` (built from the clean seeds and the general
corpus) counts, per syllable, its lowercase and Capitalized sightings right after a lowercase
word.
"""

from __future__ import annotations

import csv
from collections import Counter
from functools import lru_cache

import regex

from pipeline.clean import lexicon

MIN_SIGHTINGS = 5  # fewer mid-sentence sightings say nothing
NAME_WORD_SHARE = 0.2  # capitalized at least this often: a word names are made of


# a word right after a lowercase word, lowercase or Capitalized: where a capital is evidence
AFTER_LOWERCASE = regex.compile(r"(?<=(?<![\p{L}\d])\p{Ll}+ )(\p{Lu}?\p{Ll}+)(?![\p{L}\d])")


def text_counts(text: str) -> tuple[Counter, Counter]:
    """Per syllable key, its lowercase and its Capitalized sightings right after a lowercase
    word in `text`."""
    lower, upper = Counter(), Counter()
    for m in AFTER_LOWERCASE.finditer(text):
        tok = m.group(1)
        (upper if tok[0].isupper() else lower)[lexicon.key(tok)] += 1
    return lower, upper


@lru_cache(maxsize=1)
def counts() -> dict[str, tuple[int, int]]:
    """Syllable key -> (lowercase, capitalized) sightings after a lowercase word."""
    with open(lexicon.RESOURCES / "casing.tsv", encoding="utf-8") as f:
        return {r[0]: (int(r[1]), int(r[2])) for r in csv.reader(f, delimiter="\t")
                if r[0] != "syllable"}


def is_name_word(key: str) -> bool:
    """True if clean text often capitalizes `key` inside a sentence ("cổng", "sở", "trung")."""
    lower, capital = counts().get(key, (0, 0))
    n = lower + capital
    return n >= MIN_SIGHTINGS and capital >= NAME_WORD_SHARE * n

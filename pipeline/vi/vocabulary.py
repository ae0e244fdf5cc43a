"""The syllables of Vietnamese: what a text written in the language is made of.

The inventory is the first column of `pipeline/vi/data/syllables.tsv` (word lists, clean plans,
general text and a dictionary; `scripts/build_resources.py`). `unknown_share` says how well a
text reads as Vietnamese: a reader uses it to tell a good text layer from a bad one.
"""

from __future__ import annotations

from functools import cache

import regex

from pipeline.vi.resources import data_file
from pipeline.vi.syllable import key

_WORD = regex.compile(r"(?<![\p{L}\d])[\p{L}\p{M}]{2,}(?![\p{L}\d])")


@cache
def known_syllables() -> frozenset[str]:
    """Lookup keys (`syllable.key`) of every syllable the language layer knows (static data,
    read once)."""
    with open(data_file("syllables.tsv"), encoding="utf-8") as f:
        next(f)  # header
        return frozenset(line.split("\t", 1)[0] for line in f)


def unknown_share(text: str) -> float:
    """Share of the words of `text` (two letters or more, acronyms in capitals aside) that are
    no known syllable. Clean plans 0-2 %, a real scan's OCR about 1 %, Tesseract on degraded
    pages up to 7 %, Vietnamese without its marks ("Chinh quyen dien tu") about 30 %."""
    words = [w for w in _WORD.findall(text) if not w.isupper()]
    if not words:
        return 0.0
    known = known_syllables()
    return sum(key(w) not in known for w in words) / len(words)

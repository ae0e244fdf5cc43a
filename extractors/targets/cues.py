"""Cue words for targets (`data/target_cues.yaml`), loaded once and compiled to regexes.

Cues are data, so a new comparator word, count noun or baseline marker is a line of YAML.
Comparators are also matched without tone marks: OCR often damages exactly those syllables
("Tổi thiếu" for "tối thiểu").
"""

from __future__ import annotations

import unicodedata
from functools import cache, lru_cache
from pathlib import Path

import regex

from pipeline.yamldata import load_yaml

DATA = Path(__file__).parents[1] / "data" / "target_cues.yaml"


def fold(text: str) -> str:
    """Lowercase `text` without tone marks or đ, same length as the input (for offsets)."""
    out = []
    for ch in text.lower():
        base = unicodedata.normalize("NFD", ch)[0]
        out.append("d" if ch == "đ" else base)
    return "".join(out)


def alternation(words: list[str]) -> str:
    """A regex alternation of `words`, longest first, each matched as whole syllables."""
    return _alternation(tuple(words))


@lru_cache(maxsize=256)
def _alternation(words: tuple[str, ...]) -> str:
    """Cached: target finders ask for the same cue lists once per sentence."""
    parts = sorted({w.lower() for w in words}, key=len, reverse=True)
    return "(?:" + "|".join(regex.escape(p).replace(r"\ ", r"\s+") for p in parts) + ")"


def words_re(words: list[str], *, at_end: bool = False, at_start: bool = False) -> regex.Pattern:
    """Compile `words` as whole words, optionally anchored at the end/start of the string."""
    return _words_re(tuple(words), at_end, at_start)


@lru_cache(maxsize=256)
def _words_re(words: tuple[str, ...], at_end: bool, at_start: bool) -> regex.Pattern:
    """Cached: callers build these per sentence or per number found."""
    pat = r"(?<![\w])" + _alternation(words) + r"(?![\w])"
    if at_end:
        pat += r"\s*$"
    if at_start:
        pat = r"^\s*" + pat
    return regex.compile(pat, regex.IGNORECASE)


@lru_cache(maxsize=1)
def cues() -> dict:
    """The raw cue lists."""
    return load_yaml(DATA.read_text(encoding="utf-8"))


@cache
def cue_re(name: str, *, at_end: bool = False, at_start: bool = False) -> regex.Pattern:
    """A compiled regex for the cue list `name`."""
    return words_re(cues()[name], at_end=at_end, at_start=at_start)


@lru_cache(maxsize=1)
def comparator_res() -> list[tuple[str, regex.Pattern, regex.Pattern]]:
    """(comparator, regex on text, regex on folded text) anchored at the end of a lead-in."""
    out = []
    for comp, words in cues()["comparators"].items():
        folded = [fold(w) for w in words if " " in w]
        fold_re = words_re(folded, at_end=True) if folded else regex.compile(r"(?!)")
        out.append((comp, words_re(words, at_end=True), fold_re))
    return out

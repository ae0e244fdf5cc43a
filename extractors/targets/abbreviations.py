"""Abbreviations a plan defines for itself, expanded before an indicator is coded.

Plans define short forms once, in brackets after the phrase ("doanh nghiệp nhỏ và vừa
(DNNVV)", "bảo hiểm y tế (BHYT)", "khám bệnh, chữa bệnh (KCB)"), and then write only the short
form ("30% DNNVV, HTX, HKD ứng dụng công nghệ số"). The taxonomy knows the phrases, not the
letters, so each definition is read from the text and the short forms are spelled out in the
words a code is read from. A definition is accepted when its letters are the initials of the
words before the bracket, in order (words may be skipped: "khám bệnh, chữa bệnh" gives KCB;
"và" may stand as "&"). Short forms the whole genre uses without defining them (CNTT, CSDL,
TTHC…) are data (`data/target_cues.yaml`, `abbreviations`).
"""

from __future__ import annotations

from functools import lru_cache

import regex

from extractors.targets.cues import cues

# the bracket first, then the words right before it: a pattern that starts with the words
# would try every word of the plan as the start of a definition
BRACKET = regex.compile(r"\(\s*\*?\s*(?P<abbr>\p{Lu}[\p{Lu}&]{1,9})\s*\*?\s*\)")
WORDS_BEFORE = regex.compile(r"(?P<words>(?:[\p{L}\p{M}]+[,\s]+){1,12})[(*\s]*$")
MAX_WORDS = 12
REACH = 400  # characters before a bracket that twelve words fit in


def _initial(word: str) -> str:
    return word[0].upper()


def _matches(abbr: str, words: list[str]) -> bool:
    """True when `abbr`'s letters are the initials of `words` in order, the first word giving
    the first letter and the last word the last (words in between may be skipped)."""
    letters = [c for c in abbr if c != "&"]
    if not words or _initial(words[0]) != letters[0] or _initial(words[-1]) != letters[-1]:
        return False
    i = 0
    for word in words:
        if i < len(letters) and _initial(word) == letters[i]:
            i += 1
    return i == len(letters)


def _expansion(abbr: str, before: str) -> str | None:
    """The shortest run of words ending `before` whose initials spell `abbr`, else None."""
    spans = list(regex.finditer(r"[\p{L}\p{M}]+", before))[-MAX_WORDS:]
    letters = len([c for c in abbr if c != "&"])
    for k in range(letters, min(len(spans), 2 * letters + 2) + 1):
        run = [m.group() for m in spans[-k:]]
        if _matches(abbr, [w for w in run if w.lower() != "và" or "&" not in abbr]):
            return " ".join(before[spans[-k].start() :].split()).strip(" ,")
    return None


def defined(text: str) -> dict[str, str]:
    """{short form: phrase} for every abbreviation `text` defines in brackets."""
    out: dict[str, str] = {}
    for m in BRACKET.finditer(text):
        abbr = m["abbr"]
        words = WORDS_BEFORE.search(text, max(0, m.start() - REACH), m.start())
        if abbr in out or words is None:
            continue
        phrase = _expansion(abbr, words["words"])
        if phrase:
            out[abbr] = phrase
    return out


@lru_cache(maxsize=1)
def _genre() -> dict[str, str]:
    return {k.upper(): v for k, v in cues()["abbreviations"].items()}


def expand(window: str, table: dict[str, str]) -> str:
    """`window` with every short form of `table` (and of the genre's list) spelled out."""
    known = {**_genre(), **table}
    if not known or not window:
        return window

    def spell(m: regex.Match) -> str:
        return known.get(m.group(), m.group())

    return regex.sub(r"(?<![\w&])\p{Lu}[\p{Lu}&]{1,9}(?![\w&])", spell, window)

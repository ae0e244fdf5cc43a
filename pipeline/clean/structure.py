"""Cleaning step: structure tokens: list markers, Roman numerals, acronyms, document numbers,
years and dates (`numbers`), percentages, and punctuation debris.

Each class is fixed only where the document itself gives the evidence (a marker sequence, a
heading sequence, a known acronym, the letterhead's number, a date that splits one way only,
a percentage context). Edit reasons start with the class name.
"""

from __future__ import annotations

import csv
from functools import lru_cache

import regex

from pipeline.clean import debris, lexicon, markers, numbers
from pipeline.clean.context import StepInput
from pipeline.offsets import Edit, select_edits

_CODE = regex.compile(r"(?<![\p{L}0-9])(?=[\p{Lu}0-9]*\d)(?=[\p{Lu}0-9]*\p{Lu}\p{Lu})"
                      r"[\p{Lu}0-9]{3,8}(?![\p{L}0-9])")
_PERCENT_SUFFIX = ("96", "36", "86", "%6", "6", "3", "9")
_NUMBER = regex.compile(r"(?<![\d/]|\d[.,])\d{2,5}(?![\d/%]|[.,]\d)")
_PERCENT_TAIL = regex.compile(r"(?<=\d)%\d(?![\d.,%])")


@lru_cache(maxsize=1)
def acronyms() -> dict[str, int]:
    """Known acronyms and their domain counts (built from clean text)."""
    with open(lexicon.RESOURCES / "acronyms.tsv", encoding="utf-8") as f:
        return {r[0]: int(r[1]) for r in csv.reader(f, delimiter="\t") if r[0] != "acronym"}


@lru_cache(maxsize=1)
def percent_cues() -> tuple[frozenset[str], frozenset[str]]:
    """Words that announce a percentage before it, and words that follow one."""
    before, after = set(), set()
    with open(lexicon.RESOURCES / "percent_context.tsv", encoding="utf-8") as f:
        for row in csv.reader((ln for ln in f if not ln.startswith("#")), delimiter="\t"):
            if row and row[0] in ("before", "after"):
                (before if row[0] == "before" else after).add(row[1])
    return frozenset(before), frozenset(after)


def _acronym_fix(tok: str) -> str | None:
    """The one known acronym a digit-damaged token can be: same last two letters, at most two
    edits away, the most frequent on a tie."""
    from rapidfuzz.distance import Levenshtein

    best, best_key = None, None
    for a, n in acronyms().items():
        if len(a) < 3 or a[-2:] != tok[-2:]:
            continue
        d = Levenshtein.distance(a, tok)
        if d <= 2 and (best_key is None or (d, -n) < best_key):
            best, best_key = a, (d, -n)
    return best


def acronym_edits(text: str) -> list[Edit]:
    """'3ND' → 'UBND': capitals with a digit that are not a code but one edit from a known
    acronym."""
    out = []
    for m in _CODE.finditer(text):
        tok = m.group()
        if tok in acronyms() or tok[0] != tok[0].upper() or not tok[-1].isalpha():
            continue
        fix = _acronym_fix(tok)
        if fix:
            out.append(Edit(m.start(), m.end(), fix, f"acronym: {tok}→{fix}", 0.8))
    return out


_CAPS = regex.compile(r"(?<![\p{L}0-9&/-])\p{Lu}{2,6}(?![\p{L}0-9&/-])")
TRUNCATED_MIN_USES = 3  # how often the document must write the full acronym
_CAPS_LONG = regex.compile(r"(?<![\p{L}0-9&/-])\p{Lu}{4,8}(?![\p{L}0-9&/-])")


def truncated_acronym_edits(text: str) -> list[Edit]:
    """"BND" → "UBND", "CBC" → "CBCC": a capital token that is no known acronym, written once,
    and is one letter short of exactly one acronym that this document writes often (its own
    usage is the evidence; the letter was lost at the token's edge or inside)."""
    found = [(m.start(), m.end(), m.group()) for m in _CAPS.finditer(text)]
    uses: dict[str, int] = {}
    for _s, _e, tok in found:
        uses[tok] = uses.get(tok, 0) + 1
    frequent = [a for a, n in uses.items() if n >= TRUNCATED_MIN_USES and a in acronyms()]
    out = []
    for start, end, tok in found:
        if uses[tok] > 1 or tok in acronyms() or len(tok) < 3:
            continue
        fits = [a for a in frequent
                if len(a) == len(tok) + 1 and any(a[:i] + a[i + 1:] == tok for i in range(len(a)))]
        if len(fits) == 1:
            out.append(Edit(start, end, fits[0], f"acronym: {tok}→{fits[0]}", 0.8))
    return out


DOUBLED_MIN_COUNT = 5  # how often clean domain text writes the acronym


def doubled_letter_acronym_edits(text: str) -> list[Edit]:
    """"CNTTT" → "CNTT": a capital token no clean text writes that is a frequent known
    acronym with one letter doubled (a stroke read twice)."""
    known = acronyms()
    out = []
    for m in _CAPS_LONG.finditer(text):
        tok = m.group()
        if tok in known:
            continue
        fits = {tok[:i] + tok[i + 1:] for i in range(1, len(tok)) if tok[i] == tok[i - 1]}
        fits = [a for a in fits if known.get(a, 0) >= DOUBLED_MIN_COUNT]
        if len(fits) == 1:
            out.append(Edit(m.start(), m.end(), fits[0], f"acronym: {tok}→{fits[0]}", 0.8))
    return out


def _percent_context(text: str, start: int, end: int) -> bool:
    before, after = percent_cues()
    left = text[max(0, start - 40):start].lower().split()
    right = text[end:end + 30].lower().split()
    line_start = text.rfind("\n", 0, start) + 1
    marker = regex.match(r"\s*(?:[-+•]|\w{1,2}\))?\s*$", text[line_start:start]) is not None \
        or regex.search(r"(?:^|\s)[-+•]\s*$", text[max(0, start - 3):start]) is not None
    return bool(set(left[-3:]) & before) or (bool(right) and right[0].strip(",;") in after
                                             and (marker or bool(set(left[-3:]) & before)))


def percent_edits(text: str) -> list[Edit]:
    """'đạt 603 ...' → 'đạt 60% ...': a number ending in a look-alike of '%' whose head is a
    percentage, in a percentage context; never a year or a number with separators."""
    out = []
    for m in _NUMBER.finditer(text):
        tok = m.group()
        if 1900 <= int(tok) <= 2100:
            continue
        for suf in _PERCENT_SUFFIX:
            head = tok[:-len(suf)]
            if tok.endswith(suf) and head and not head.startswith("0") \
                    and (10 <= int(head) <= 100) \
                    and _percent_context(text, m.start(), m.end()):
                out.append(Edit(m.start(), m.end(), head + "%", f"percent: {tok}→{head}%", 0.7))
                break
    return out


def percent_tail_edits(text: str) -> list[Edit]:
    """'25%6' → '25%': a digit glued after '%' is the '%' sign read twice."""
    return [Edit(m.start(), m.end(), "%", f"percent: {m.group()}→%", 0.8)
            for m in _PERCENT_TAIL.finditer(text)]


def edits(text: str, _given: StepInput | None = None) -> list[Edit]:
    """All structure-token edits, non-overlapping (the earlier-starting edit wins)."""
    out = markers.marker_edits(text) + markers.roman_edits(text) + acronym_edits(text)
    out += truncated_acronym_edits(text) + doubled_letter_acronym_edits(text)
    out += markers.roman_reference_edits(text) + markers.lone_roman_edits(text)
    out += numbers.date_edits(text) + numbers.year_edits(text) + numbers.self_reference_edits(text)
    out += numbers.citation_edits(text) + percent_edits(text) + percent_tail_edits(text)
    out += debris.edits(text)
    return select_edits(out)

"""Cleaning step: structure tokens: list markers, Roman numerals, acronyms, dates, percentages,
and punctuation debris.

Each class is fixed only where the document itself gives the evidence (a marker sequence, a
heading sequence, a known acronym, a date that splits one way only, a percentage context).
Edit reasons start with the class name.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache

import regex

from pipeline.clean import debris, lexicon, markers
from pipeline.offsets import Edit, select_edits

_CODE = regex.compile(r"(?<![\p{L}0-9])(?=[\p{Lu}0-9]*\d)(?=[\p{Lu}0-9]*\p{Lu}\p{Lu})"
                      r"[\p{Lu}0-9]{3,8}(?![\p{L}0-9])")
_DATE = regex.compile(r"(?<=\bngày\s{1,3})(\d{3,4})/((?:19|20)\d\d)\b")
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


_OWN_NUMBER = regex.compile(r"^\s*Số\s*:?\s*(\d+[a-z]?)\s*/\s*([\p{Lu}]+-[\p{Lu}]+)", regex.M)
_LONG_DATE = r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})"
_SHORT_DATE = r"ngày\s+(\d{1,2})/(\d{1,2})/(\d{4})"
_OWN_DATE = regex.compile(_LONG_DATE)
# "(Ban hành kèm theo Quyết định số 218 /QĐ-UBND ngày 29 tháng 3 năm 2019", OCR'd "Kèn"
_ATTACHED_TO = regex.compile(
    r"\b[Kk][eèéEÈÉ][mnMN]\b[^\n()]{0,40}?\bsố\s*:?\s*(?P<n>\d+[a-z]?)\s*/\s*"
    r"(?P<kind>[\p{Lu}]+-[\p{Lu}]+)"
    rf"\s+(?:{_LONG_DATE}|{_SHORT_DATE})")
HEADER_CHARS = 3000  # the letterhead with the document's own number and date


def _date_key(groups: tuple) -> tuple[int, int, int]:
    d, mo, y = (g for g in groups if g is not None)
    return int(d), int(mo), int(y)


def self_reference_edits(text: str) -> list[Edit]:
    """The document's own number in the note that attaches a plan to it: "(Ban hành kèm theo
    Quyết định số 218/QĐ-UBND ngày 29 tháng 3 năm 2019)" under the letterhead "Số:
    1118/QĐ-UBND … ngày 29 tháng 3 năm 2019" is the same decision (same kind, issuer and
    date; an attachment belongs to the decision that issues it), so 218 was misread."""
    head = text[:HEADER_CHARS]
    own, date = _OWN_NUMBER.search(head), _OWN_DATE.search(head)
    if not own or not date:
        return []
    number, kind, day = own.group(1), own.group(2), _date_key(date.groups())
    out = []
    for m in _ATTACHED_TO.finditer(text):
        found = m.group("n")
        if m.group("kind") == kind and found != number and _date_key(m.groups()[2:]) == day:
            out.append(Edit(m.start("n"), m.end("n"), number,
                            f"document number: {found}→{number}", 0.9))
    return out


_CAPS = regex.compile(r"(?<![\p{L}0-9&/-])\p{Lu}{2,6}(?![\p{L}0-9&/-])")
TRUNCATED_MIN_USES = 3  # how often the document must write the full acronym


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


_YEAR_SLOT = regex.compile(r"(?<=\b(?:năm|đoạn|đến|từ)[\s:.']{1,3}|\b(?:19|20)\d\d\s?[-–]\s?)"
                           r"(\d{4,5})\b")
_YEAR = regex.compile(r"(?<![\d/.,])(?:19|20)\d\d(?![\d/.,%])")
YEAR_MIN_USES = 2  # how often the document must write a year for it to be a repair


def year_edits(text: str) -> list[Edit]:
    """"giai đoạn 2016 - 20120" → "2020", "năm 2915" → "2015": where a year belongs (after
    "năm", "giai đoạn", "đến", "từ" or a year and a dash), a number that is no year of this
    document but becomes exactly one of them (a year it writes YEAR_MIN_USES times) by dropping
    or changing one digit."""
    counts: dict[str, int] = {}
    for m in _YEAR.finditer(text):
        counts[m.group()] = counts.get(m.group(), 0) + 1
    years = {y for y, n in counts.items() if n >= YEAR_MIN_USES}
    out = []
    for m in _YEAR_SLOT.finditer(text):
        tok = m.group(1)
        if len(tok) == 4 and 1945 <= int(tok) <= 2100:
            continue  # a year already, if not the expected one
        if len(tok) == 5:
            options = {tok[:i] + tok[i + 1:] for i in range(5)}
        else:
            options = {tok[:i] + d + tok[i + 1:] for i in range(4) for d in "0123456789"}
        fits = sorted(options & years)
        if len(fits) == 1:
            out.append(Edit(m.start(1), m.end(1), fits[0], f"date: {tok}→{fits[0]}", 0.8))
    return out


_CITATION = regex.compile(
    r"(?<![\w/])(?P<number>\d+[a-z]?)(?:/(?P<year>(?:19|20)\d\d))?/(?P<kind>[\p{Lu}]+-[\p{Lu}][\p{L}&]*)"
    r"\s+ngày\s+(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>(?:19|20)\d\d)\b")


@dataclass(frozen=True)
class Citation:
    """A legal document cited with its date: "36a/NQ-CP ngày 14/10/2015"."""

    number: str
    kind: str
    date: str  # d/m/yyyy without leading zeros
    start: int  # span of the number in the text
    end: int


def citations(text: str) -> list[Citation]:
    """Every "number[/year]/KIND-ISSUER ngày d/m/yyyy" citation of `text`."""
    return [Citation(m.group("number"), m.group("kind"),
                     f"{int(m.group('d'))}/{int(m.group('m'))}/{m.group('y')}",
                     m.start("number"), m.end("number"))
            for m in _CITATION.finditer(text)]


@lru_cache(maxsize=1)
def known_citations() -> dict[tuple[str, str], frozenset[str]]:
    """(kind-issuer, date) -> numbers of the documents clean text cites with that date
    (corpora/resources/citations.tsv, built from the clean seeds)."""
    out: dict[tuple[str, str], set[str]] = {}
    with open(lexicon.RESOURCES / "citations.tsv", encoding="utf-8") as f:
        for row in csv.reader(f, delimiter="\t"):
            if row[0] != "number":
                out.setdefault((row[1], row[2]), set()).add(row[0])
    return {k: frozenset(v) for k, v in out.items()}


def citation_edits(text: str) -> list[Edit]:
    """"Nghị quyết 26a/NQ-CP ngày 14/10/2015" → "36a/NQ-CP": a cited number one digit away
    from the only document of that kind and issuer that clean text or this document itself
    (twice or more) cites with the same date."""
    found = citations(text)
    known = {k: set(v) for k, v in known_citations().items()}
    seen: dict[tuple[str, str, str], int] = {}
    for c in found:
        seen[c.number, c.kind, c.date] = seen.get((c.number, c.kind, c.date), 0) + 1
    for (number, kind, date), n in seen.items():
        if n >= 2:
            known.setdefault((kind, date), set()).add(number)
    out = []
    for c in found:
        numbers = known.get((c.kind, c.date), set())
        if c.number in numbers or len(numbers) != 1:
            continue
        (right,) = numbers
        if len(right) == len(c.number) \
                and sum(a != b for a, b in zip(right, c.number, strict=True)) == 1:
            out.append(Edit(c.start, c.end, right, f"document number: {c.number}→{right}", 0.8))
    return out


def date_edits(text: str) -> list[Edit]:
    """'ngày 073/2019' → 'ngày 07/3/2019' when the digits split into day/month one way only."""
    out = []
    for m in _DATE.finditer(text):
        digits = m.group(1)
        splits = [(digits[:k], digits[k:]) for k in range(1, len(digits))
                  if 1 <= int(digits[:k]) <= 31 and 1 <= int(digits[k:]) <= 12
                  and not digits[k:].startswith("00") and len(digits[:k]) <= 2
                  and len(digits[k:]) <= 2]
        if len(splits) == 1:
            d, mo = splits[0]
            out.append(Edit(m.start(1), m.end(1), f"{d}/{mo}", f"date: {digits}→{d}/{mo}", 0.8))
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


def edits(text: str) -> list[Edit]:
    """All structure-token edits, non-overlapping (the earlier-starting edit wins)."""
    out = markers.marker_edits(text) + markers.roman_edits(text) + acronym_edits(text)
    out += truncated_acronym_edits(text)
    out += markers.roman_reference_edits(text)
    out += date_edits(text) + year_edits(text) + percent_edits(text) + percent_tail_edits(text)
    out += self_reference_edits(text) + citation_edits(text)
    out += debris.edits(text)
    return select_edits(out)

"""Cleaning step helpers: document numbers, cited documents, years and dates.

OCR misreads digits, and a misread number points at another document or another year. Each
repair needs evidence the document or clean text gives: the letterhead's own number and date
for the note that attaches a plan to its decision, the citations clean text makes with the
same date for a cited resolution, the years the document writes for a year slot, a day/month
split that works one way only for a date.
"""

from __future__ import annotations

import regex

from pipeline.offsets import Edit
from pipeline.vi.legal import (
    LETTERHEAD_CHARS,
    attachment_notes,
    citations,
    find_date,
    find_reference,
)

_DATE = regex.compile(r"(?<=\bngày\s{1,3})(\d{3,4})/((?:19|20)\d\d)\b")


def self_reference_edits(text: str) -> list[Edit]:
    """The document's own number in the note that attaches a plan to it: "(Ban hành kèm theo
    Quyết định số 218/QĐ-UBND ngày 29 tháng 3 năm 2019)" under the letterhead "Số:
    1118/QĐ-UBND … ngày 29 tháng 3 năm 2019" is the same decision (same kind, issuer and
    date; an attachment belongs to the decision that issues it), so 218 was misread."""
    head = text[:LETTERHEAD_CHARS]
    own, date = find_reference(head), find_date(head)
    if not own or not date or "/" not in own.number:
        return []
    number, kind = own.number.split("/", 1)
    out = []
    for note in attachment_notes(text):
        if note.kind == kind and note.number != number and note.date == date:
            out.append(Edit(note.start, note.end, number,
                            f"document number: {note.number}→{number}", 0.9))
    return out


_YEAR_SLOT = regex.compile(r"(?<=\b(?:năm|đoạn|đến|từ)[\s:.']{1,3}|\b(?:19|20)\d\d\s?[-–]\s?)"
                           r"(\d{4,5})\b")
_YEAR = regex.compile(r"(?<![\d/.,])(?:19|20)\d\d(?![\d/.,%])")


def year_edits(text: str, min_uses: int = 2) -> list[Edit]:
    """"giai đoạn 2016 - 20120" → "2020", "năm 2915" → "2015": where a year belongs (after
    "năm", "giai đoạn", "đến", "từ" or a year and a dash), a number that is no year of this
    document but becomes exactly one of them (a year it writes `min_uses` times) by dropping
    or changing one digit."""
    counts: dict[str, int] = {}
    for m in _YEAR.finditer(text):
        counts[m.group()] = counts.get(m.group(), 0) + 1
    years = {y for y, n in counts.items() if n >= min_uses}
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


def citation_edits(text: str, cited: dict[tuple[str, str], frozenset[str]]) -> list[Edit]:
    """"Nghị quyết 26a/NQ-CP ngày 14/10/2015" → "36a/NQ-CP": a cited number one digit away
    from the only document of that kind and issuer that clean text (`cited`: (kind-issuer,
    date) -> numbers) or this document itself (twice or more) cites with the same date."""
    found = citations(text)
    known = {k: set(v) for k, v in cited.items()}
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

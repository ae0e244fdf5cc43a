"""Find a gold string in a predicted document's cleaned text, as a span of that text.

Gold strings are written against the collapsed reference text, while predictions point into
`cleaned/<doc_id>.txt` with its own line breaks, `**` and OCR repairs. Collapsing the cleaned
text with a map back to its offsets lets a gold evidence be compared with a predicted span.
"""

from __future__ import annotations

import math
import re
import unicodedata

from rapidfuzz import fuzz

from pipeline.gold import collapse

Span = tuple[int, int]
FUZZY_CUTOFF = 85.0
_SPACE = re.compile(r"\s")


def collapse_with_map(text: str) -> tuple[str, list[int]]:
    """Collapsed text (as `gold.collapse`, but without NFC) and, per character, its raw offset.

    The map has one extra entry, the raw end, so `offsets[end]` is valid for a span end.
    """
    chars: list[str] = []
    offsets: list[int] = []
    i, n = 0, len(text)
    while i < n:
        if text.startswith("**", i):
            i += 2
            continue
        if _SPACE.match(text[i]):
            if chars and chars[-1] != " ":
                chars.append(" ")
                offsets.append(i)
            i += 1
            continue
        chars.append(text[i])
        offsets.append(i)
        i += 1
    if chars and chars[-1] == " ":
        chars.pop()
        offsets.pop()
    end = offsets[-1] + 1 if offsets else 0
    return "".join(chars), offsets + [end]


class Locator:
    """Finds gold strings in one cleaned text: exact, then ignoring case, then fuzzy."""

    def __init__(self, text: str):
        self.raw = unicodedata.normalize("NFC", text) if text else ""
        self.text, self.offsets = collapse_with_map(self.raw)
        lowered = self.text.lower()
        self.lowered = lowered if len(lowered) == len(self.text) else None
        self._cache: dict[str, list[Span]] = {}
        self.how: dict[str, str] = {}  # needle → exact / ignoring case / fuzzy / not found

    def find(self, needle: str) -> list[Span]:
        """Raw-text spans where `needle` occurs (all exact hits, or the best fuzzy one)."""
        if needle not in self._cache:
            self._cache[needle] = self._find(collapse(needle))
        return self._cache[needle]

    def _find(self, needle: str) -> list[Span]:
        if not needle or not self.text:
            return []
        hits, how = _all_occurrences(self.text, needle), "exact"
        if not hits and self.lowered is not None:
            hits, how = _all_occurrences(self.lowered, needle.lower()), "ignoring case"
        if not hits:
            hits, how = self._fuzzy(needle), "fuzzy"
        self.how[needle] = how if hits else "not found"
        return [self._raw_span(start, end) for start, end in hits]

    def _fuzzy(self, needle: str) -> list[Span]:
        if len(needle) < 12:
            return []
        found = fuzz.partial_ratio_alignment(needle, self.text, score_cutoff=FUZZY_CUTOFF)
        if found is None:
            return []
        return [(found.dest_start, found.dest_end)]

    def _raw_span(self, start: int, end: int) -> Span:
        return self.offsets[start], self.offsets[end - 1] + 1


def _all_occurrences(haystack: str, needle: str) -> list[Span]:
    hits, start = [], haystack.find(needle)
    while start >= 0:
        hits.append((start, start + len(needle)))
        start = haystack.find(needle, start + 1)
    return hits


def spans_overlap(a: Span, b: Span) -> bool:
    """True when the two half-open spans share at least one character."""
    return a[0] < b[1] and b[0] < a[1]


def norm_text(text: str | None) -> str:
    """Comparison form of free text: NFC, `**` removed, whitespace collapsed, casefolded."""
    return collapse(text or "").casefold()


def text_overlap(a: str | None, b: str | None, share: float = 0.6) -> bool:
    """One text contains the other, or their longest common substring covers `share` of the
    shorter one: the fallback when a gold string cannot be found in the cleaned text."""
    a, b = norm_text(a), norm_text(b)
    if not a or not b:
        return False
    if a in b or b in a:
        return True
    shorter, longer = (a, b) if len(a) <= len(b) else (b, a)
    return has_common_substring(shorter, longer, max(1, math.ceil(share * len(shorter))))


def has_common_substring(a: str, b: str, length: int) -> bool:
    """True when `a` and `b` share a substring of `length` characters (set of slices)."""
    if length > min(len(a), len(b)):
        return False
    pieces = {a[i:i + length] for i in range(len(a) - length + 1)}
    return any(b[i:i + length] in pieces for i in range(len(b) - length + 1))


def evidence_overlaps(gold_text: str | None, pred_row: dict, locator: Locator | None) -> bool:
    """Gold text and a predicted row point at the same place: the gold text's span in the
    cleaned text overlaps the row's start/end; where either is unknown, the texts overlap."""
    spans = locator.find(gold_text) if locator is not None and gold_text else []
    start, end = pred_row.get("start"), pred_row.get("end")
    if spans and start is not None and end is not None:
        return any(spans_overlap(span, (int(start), int(end))) for span in spans)
    return text_overlap(gold_text, pred_row.get("evidence"))

"""Places that close an agency's name, and how the contract writes them (ANNOTATION §3).

A name ends with its place: "Công an tỉnh Đồng Nai" (written "Công an tỉnh"), "Trung tâm
Chuyển đổi số Thành phố", "Trung tâm Y tế huyện Cẩm Xuyên" (kept), "Báo Sơn La" (a bare
province name: "Báo tỉnh"). A place word inside a longer word is no place: "xã" in "xã hội"
and "hợp tác xã", "tỉnh" in "Tỉnh ủy" (Viet74K).
"""

from __future__ import annotations

from dataclasses import dataclass

from extractors.fold import collapse, fold
from extractors.mentions.agency.engine import Scan
from extractors.mentions.agency.lexicon import Lexicon

MAX_PROPER_WORDS = 4
BODY_STARTS = ("KNOWN", "HEAD", "COUNCIL")
NAME_STOPS = ("HARD", "SOFT", "ROLE")


@dataclass(frozen=True)
class Place:
    """A place at the end of a name: where it ends, how the canonical name writes it, and
    whether it is the province (or centrally-governed city) itself."""

    end: int
    written: str
    provincial: bool


def in_word(scan: Scan, s: int, e: int, lex: Lexicon) -> bool:
    """True when tokens s..e-1 make a longer dictionary word with the syllables around them:
    "xã" in "xã hội", "hợp tác xã"; "Báo" in "Báo cáo"."""
    low = scan.lower
    spans = ((s - 1, e), (s, e + 1), (s - 2, e), (s, e + 2))
    for a, b in spans:
        if a < 0 or b > len(low) or not all(scan.is_word(k) for k in range(a, b)):
            continue
        if any(scan.breaks_line(k) for k in range(a + 1, b)):
            continue
        if " ".join(low[a:b]) in lex.words:
            return True
    return False


def starts_body(scan: Scan, i: int) -> bool:
    """True when another body's name starts at token `i` (a known name, a capitalised head
    noun or a People's Committee)."""
    return any(scan.at(category, i) for category in BODY_STARTS) and scan.cap(i)


def proper_end(scan: Scan, i: int) -> int:
    """End of a proper name of capitalised words from token `i` ("Đồng Nai", "Bà Rịa - Vũng
    Tàu"), `i` when none starts there; never crosses a line, a body or a cue."""
    end, words = i, 0
    j = i
    while j < len(scan) and words < MAX_PROPER_WORDS:
        if (j > i and scan.breaks_line(j)) or scan.breaks_paragraph(j):
            break
        if scan.words[j] in ("-", "–") and words and scan.cap(j + 1):
            j += 1
            continue
        if not scan.cap(j) or starts_body(scan, j) or any(scan.at(c, j) for c in NAME_STOPS):
            break
        words += 1
        j += 1
        end = j
    return end


def province_name_at(scan: Scan, i: int) -> tuple[int, str] | None:
    """A province's name (provinces.txt) starting at token `i`: (end token, the name)."""
    hit = scan.at("PROVNAME", i)
    return hit if hit and scan.cap(i) else None


def place_at(scan: Scan, i: int, lex: Lexicon) -> Place | None:
    """The place that starts at token `i`, with the name that follows it, if any."""
    for category in ("PROV", "CITY", "LOCAL"):
        hit = scan.at(category, i)
        if not hit or in_word(scan, i, hit[0], lex):
            continue
        end = proper_end(scan, hit[0])
        name = collapse(scan.span_text(hit[0], end))
        if category == "PROV":
            return Place(end, "tỉnh", True)
        if category == "CITY":
            if not name or fold(name) in lex.central_cities:
                return Place(end, "Thành phố", True)
            return Place(end, collapse(scan.span_text(i, end)), False)
        return Place(end, collapse(scan.span_text(i, end)), False)
    return None


def trailing_province(scan: Scan, start: int, end: int, lex: Lexicon) -> tuple[int, Place] | None:
    """A province's name that ends a name at `end` ("Báo Sơn La", "Viễn thông Hải Dương"):
    (the token where it starts, the place it is written as)."""
    for k in range(max(start, end - MAX_PROPER_WORDS - 1), end):
        hit = province_name_at(scan, k)
        if hit and hit[0] == end:
            city = fold(hit[1]) in lex.central_cities
            return k, Place(end, "Thành phố" if city else "tỉnh", True)
    return None

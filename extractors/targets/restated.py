"""Years of body targets restated in an appendix task table.

A plan's body often sets a target without a date ("mở rộng Hệ thống một cửa điện tử đến 100%
UBND cấp huyện và cấp xã") and its appendix lists the same task as a row with a completion
time ("… đến 100% UBND cấp huyện … Quý II/2019"). The row is the target restated, so its time is
the target's year: nearer than the plan's horizon. An annual plan's own year is never replaced
(ANNOTATION §2), and a row restates a target only when it has the same figure and the target's
words ("tất cả" in a row is not "100%").
"""

from __future__ import annotations

import regex
from rapidfuzz import fuzz

from pipeline.model import Section, Target

ROW_YEAR = regex.compile(
    r"(?<![\w/])(?:(?:Quý|Quí|Tháng)\s+[\wIVX]{1,4}\s*/\s*|Năm\s+)?"
    r"(?P<y1>(?:19|20)\d\d)(?:\s*[-–]\s*(?P<y2>(?:19|20)\d\d))?(?![\w/])",
    regex.I,
)
DATE_BEFORE = regex.compile(r"(?:ngày|\d{1,2}\s*/\s*\d{1,2}\s*/)\s*$", regex.I)
APPENDIX_RE = regex.compile(r"^[ \t]*PHỤ\s+LỤC\b", regex.M)
ROW_LINES = 3
MIN_ALIGN = 85


def appendix_span(text: str, sections: list[Section]) -> tuple[int, int] | None:
    """Where the appendices are: the PHU_LUC sections, else from a "PHỤ LỤC" line on."""
    spans = [(s.start, s.end) for s in sections if s.label == "PHU_LUC"]
    if spans:
        return min(a for a, _ in spans), max(b for _, b in spans)
    m = APPENDIX_RE.search(text)
    return (m.start(), len(text)) if m else None


def row_year(line: str) -> tuple[int, int | None] | None:
    """(year, period start) of the first time cell in a table row ("Quý II/2019", "2019 -
    2020", "Năm 2020"); dates ("ngày 01/3/2018") and document numbers are not times."""
    for m in ROW_YEAR.finditer(line):
        if DATE_BEFORE.search(line[: m.start()]) or "/" in line[m.end() : m.end() + 1]:
            continue
        y1, y2 = int(m["y1"]), int(m["y2"]) if m["y2"] else None
        return (y2, y1) if y2 and y2 > y1 else (y1, None)
    return None


def _figure(t: Target) -> str:
    value = int(t.value) if t.value == int(t.value) else t.value
    return f"{value}%" if t.unit == "%" else str(value)


def restated_year(text: str, span: tuple[int, int], t: Target) -> tuple[int, int | None] | None:
    """The time of the appendix row that restates `t`, else None."""
    words = " ".join(t.indicator.lower().split())
    figure = _figure(t)
    for m in regex.finditer(rf"(?<![\d.,]){regex.escape(figure)}", text, pos=span[0],
                            endpos=span[1]):
        line_start = text.rfind("\n", 0, m.start()) + 1
        line = text[line_start : text.find("\n", m.end()) if "\n" in text[m.end() :] else None]
        if fuzz.partial_ratio(words, " ".join(line.lower().split())) < MIN_ALIGN:
            continue
        rows = text[line_start:].split("\n", ROW_LINES)[:ROW_LINES]
        for row in rows:
            found = row_year(row)
            if found:
                return found
    return None

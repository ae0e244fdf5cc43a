"""When a target is due, and whether a count is a yearly flow.

The year comes from the target's sentence, its table row's time cell, the headings or period
labels above it, else the plan's title (ANNOTATION §2, `year`); a count set per year ("mỗi năm
phát triển 05 bộ dữ liệu") is an amount added each year.
"""

from __future__ import annotations

import regex

from extractors.mentions.years import year_for
from extractors.targets.candidates import Doc, Num
from extractors.targets.context import enclosing
from extractors.targets.tabled import row_time

LABEL_DEPTH = 99  # zones_from_labels: a paragraph label, which a stated year overrides


def per_year(text: str, s: int, e: int, n: Num) -> bool:
    """A count set as a yearly flow ("mỗi năm phát triển 05 bộ dữ liệu", "việc làm cho 22.000
    lao động/năm"): an amount added each year, kind `increase`."""
    left = max(text.rfind(";", s, n.start), text.rfind(":", s, n.start), s - 1) + 1
    right = text.find(";", n.end, e)
    right = e if right < 0 else right
    return bool(PER_YEAR_BEFORE.search(text, left, n.start)
                or PER_YEAR_AFTER.match(text, n.end, right)
                or PER_YEAR_END.search(text, n.end, right))


PER_YEAR_BEFORE = regex.compile(r"(?<!\w)(?:mỗi|hằng|hàng)\s+năm(?!\w)", regex.I)
PER_YEAR_AFTER = regex.compile(r"\s*[\w\s]{0,30}?/\s*năm(?!\w)", regex.I)
PER_YEAR_END = regex.compile(r"(?<!\w)(?:mỗi|hằng|hàng)\s+năm\s*[.;]?\s*$", regex.I)


def target_year(doc: Doc, years: list, pos: int, nxt: int, e: int) -> tuple[int | None, int | None,
                                                                        str]:
    """(year, period start, where from) of the number at `pos`: its sentence ("sentence"), its
    table row's time cell ("row"), its headings or period labels ("zone"), else the plan's
    title ("title")."""
    clause_end = doc.text.find(";", pos, e)
    ym = year_for(years, pos, nxt, e if clause_end < 0 else clause_end)
    if ym and ym.period_start is None:  # "đến cuối năm 2025" closes "Giai đoạn 2021 - 2025"
        same = [z for z in enclosing(doc.zones, pos)
                if z.year == ym.year and z.period_start and z.depth < LABEL_DEPTH]
        return ym.year, (same[-1].period_start if same else None), "sentence"
    if ym:
        return ym.year, ym.period_start, "sentence"
    row = row_time(doc.text, doc.tables, pos)
    cell = ROW_TIME.match(doc.text, e) if row is None else None
    if cell:
        y1, y2 = int(cell["y1"]), int(cell["y2"]) if cell["y2"] else None
        row = (y2, y1) if y2 else (y1, None)
    if row:
        return row + ("row",)
    for z in reversed(enclosing(doc.zones, pos)):
        if z.year:
            return z.year, z.period_start, "zone"
    return doc.year, None, "title"  # never a period start from the title alone


ROW_TIME = regex.compile(
    r"[ \t]*\n[ \t]*(?P<y1>(?:19|20)\d\d)(?:\s*[-–]\s*(?P<y2>(?:19|20)\d\d))?[ \t]*\n"
)

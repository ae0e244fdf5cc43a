"""Numbers in a sentence that can be targets, and the document they are read against.

A number is a candidate when it has a unit or a counted noun (numbers.py, units.py); a
duration, a multiple, a score or a count of a noun not in the list also needs a cue before it
(a comparator, a value-setting word, a verb of making); a rate per inhabitants takes the unit
of its base wherever the clause writes it; qualifiers of another figure are dropped
(filters.py). Figures inside tables the table reader has taken are left to it (tabled.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import regex

from extractors.targets.context import Zone, enclosing
from extractors.targets.cues import alternation, cue_re, cues
from extractors.targets.filters import drop_qualifiers
from extractors.targets.numbers import find_mentions, find_ranks
from extractors.targets.phrases import clause_start, lead_of
from extractors.targets.units import per_unit
from pipeline.model import Table


@dataclass
class Num:
    """A candidate number in a sentence, before it becomes a Target."""

    start: int
    end: int
    noun_start: int
    value: float
    value_max: float | None
    unit: str
    comparator: str | None = None


@dataclass
class Doc:
    """What every sentence of one document is read against."""

    text: str
    zones: list[Zone]
    year: int | None
    period: int | None
    signed: int | None = None
    tables: list[Table] = field(default_factory=list)
    table_values: list[tuple[int, int]] = field(default_factory=list)
    abbreviations: dict[str, str] = field(default_factory=dict)

    def in_table_value(self, pos: int) -> bool:
        """True inside a value cell the table reader has taken (tabled.py)."""
        return any(a <= pos < b for a, b in self.table_values)


def candidates(doc: Doc, s: int, e: int) -> list[Num]:
    """Numbers in one sentence that can be targets, in order."""
    text = doc.text
    seg = text[s:e]
    nums = [
        Num(s + r.start, s + r.end, s + r.end, r.value, None, "rank", r.comparator)
        for r in find_ranks(seg)
    ]
    taken = [(n.start, n.end) for n in nums]
    for m in find_mentions(seg):
        a, b = s + m.start, s + m.end
        if any(x <= a < y for x, y in taken) or doc.in_table_value(a):
            continue
        if text[a - 1 : a] == "(" and text[b : b + 1] == ")":
            continue  # "(100%)": a note on the figure before it
        unit, cue = m.unit, m.cue
        if unit == "count" and _in_parens(text, s, a):
            continue  # "(35 sở, ngành, huyện + 479 xã)": a costing base or a note
        per = per_unit(_per_window(text, s, e, a, s + m.unit_end)) if unit == "count" else None
        if per:
            unit, cue = per, None
        if cue and not _cued(doc, s, a, cue):
            continue
        counted = unit in ("%", "count") or unit.startswith("per")
        noun_start = b if counted else s + m.unit_end  # "150 km | đường giao thông nông thôn"
        nums.append(Num(a, b, noun_start, m.value, m.value_max, unit))
    return drop_qualifiers(text, sorted(nums, key=lambda n: n.start))


def _per_window(text: str, s: int, e: int, a: int, unit_end: int) -> str:
    """Where a rate's base is written: the counted noun phrase after the number ("giường
    bệnh/vạn dân") and the subject of its clause before it ("thuê bao Internet/100 dân đạt")."""
    left = max(text.rfind(";", s, a), text.rfind(":", s, a), s - 1) + 1
    stop = regex.compile(r"[,;.(]|\s(?:và|hoặc)\s").search(text, unit_end, min(e, unit_end + 40))
    return text[left : stop.start() if stop else min(e, unit_end + 40)]


def _cued(doc: Doc, s: int, a: int, cue: str) -> bool:
    """A number that is a target only after a cue (numbers.Mention.cue): a comparator right
    before it, a value-setting word ("đạt", "gấp", "ở mức": "ở mức 1,9 - 2,0 con/phụ nữ"), a
    verb of making or reaching ("xây dựng", "thành lập mới") for open counts, or, for an open
    count, the start of a clause of an objectives section ("…; 5 xã đạt chuẩn NTM nâng cao")."""
    text = doc.text
    before = text[max(s, a - 60) : a]
    if lead_of(text, a, a).comparator != "=" or COMPARATOR_EQ.search(before):
        return True
    if cue_re("gated_leads", at_end=True).search(before):
        return True
    if cue == "gated":
        return False
    if OPEN_CUE.search(before):
        return True
    opening = not text[clause_start(text, s, a) : a].strip()
    return opening and any(z.label == "MUC_TIEU" for z in enclosing(doc.zones, a))


COMPARATOR_EQ = regex.compile(r"(?<!\w)từ\s*$", regex.I)
OPEN_CUE = regex.compile(
    r"(?<!\w)" + alternation(cues()["count_verbs"])
    + r"(?:\s+(?:mới|thêm|được|cho|khoảng|từ|bình quân|mỗi năm|hằng năm|hàng năm))*\s*$",
    regex.I,
)


def _in_parens(text: str, s: int, pos: int) -> bool:
    return text.rfind("(", s, pos) > text.rfind(")", s, pos)

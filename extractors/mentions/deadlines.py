"""Completion times: "Quý II/2019", "2016-2020", "trước 30/6/2019", "Hàng năm" → ISO windows.

`parse_deadline` reads a whole time cell (ANNOTATION §3: due_start, due_end, recurrence);
`find_deadlines` finds time phrases inside a duty sentence. Cue words live in
`data/deadlines.yaml`; matching runs on diacritic-folded text so OCR'd cells still parse.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import regex

from extractors.fold import collapse, fold
from pipeline.yamldata import load_yaml

DATA = Path(__file__).parents[1] / "data" / "deadlines.yaml"


@dataclass(frozen=True)
class Deadline:
    """A completion time as written and the window it names."""

    deadline_text: str | None
    due_start: str | None = None
    due_end: str | None = None
    recurrence: str | None = None


@dataclass(frozen=True)
class DeadlineMention:
    """A time phrase found inside running text."""

    start: int
    end: int
    deadline: Deadline


@lru_cache(maxsize=1)
def _data() -> dict:
    return load_yaml(DATA.read_text(encoding="utf-8"))


def _alt(words: list[str]) -> str:
    return _alternation(tuple(words))


@lru_cache(maxsize=64)
def _alternation(words: tuple[str, ...]) -> str:
    """A regex alternation of folded cue words, longest first (built once per list)."""
    ordered = sorted(words, key=len, reverse=True)
    return "|".join(regex.escape(fold(w)).replace(r"\ ", r"\s+") for w in ordered)


Y = r"((?:19|20)\d\d)(?!\d)"
_WIN = {
    "date": rf"(?:ngay\s+)?(\d{{1,2}})\s*/\s*(\d{{1,2}})\s*/\s*{Y}"
    rf"|ngay\s+(\d{{1,2}})\s+thang\s+(\d{{1,2}})\s+nam\s+{Y}",
    "quarter": rf"qu[yi]\s+([ivl1-4]{{1,3}})\s*(?:/|-|nam|\s)\s*{Y}",
    "half": rf"(6)\s+thang\s+(dau|cuoi)\s+(?:nam\s+)?{Y}",
    "month": rf"thang\s+(\d{{1,2}})\s*(?:/|-|nam)\s*{Y}",
    "range": rf"(?:giai\s+doan\s+)?(?:nam\s+)?{Y}\s*[-–]+\s*(?:nam\s+)?{Y}",
    "year": rf"(?:nam\s+)?{Y}",
}
_WINDOW = regex.compile("|".join(f"(?P<{k}>{v})" for k, v in _WIN.items()))


# Two points of one kind, the year written once at the end: "Tháng 5 - tháng 10/2026", "Tháng
# 8 - 9/2018", "Quý II - Quý III/2018", "15/4 - 15/5/2018", "từ tháng 3 đến tháng 5/2018"
_TO = r"\s*(?:[-–]|den)\s*"
_YEAR_OPT = rf"(?:\s*/\s*{Y})?"
_SPANS = {
    "dates": rf"(?:tu\s+)?(?:ngay\s+)?(\d{{1,2}})\s*/\s*(\d{{1,2}}){_YEAR_OPT}"
             rf"{_TO}(?:ngay\s+)?(\d{{1,2}})\s*/\s*(\d{{1,2}})\s*/\s*{Y}",
    "months": rf"(?:tu\s+)?thang\s+(\d{{1,2}}){_YEAR_OPT}{_TO}(?:thang\s+)?(\d{{1,2}})\s*/\s*{Y}",
    "quarters": rf"(?:tu\s+)?qu[yi]\s+([ivl1-4]{{1,3}}){_YEAR_OPT}{_TO}(?:qu[yi]\s+)?"
                rf"([ivl1-4]{{1,3}})\s*/\s*{Y}",
}
_RANGES = {kind: regex.compile(rf"(?<!\w){pattern}") for kind, pattern in _SPANS.items()}


def _range_window(f: str) -> tuple[str | None, str | None] | None:
    """(start, end) of a span between two points whose first may take the second's year."""
    for kind, pattern in _RANGES.items():
        m = pattern.search(f)
        if not m:
            continue
        g = m.groups()
        if kind == "dates":
            d1, m1, y1, d2, m2, y2 = g
            return _iso(int(y1 or y2), int(m1), int(d1)), _iso(int(y2), int(m2), int(d2))
        if kind == "months":
            m1, y1, m2, y2 = g
            return _iso(int(y1 or y2), int(m1), 1), _iso(int(y2), int(m2))
        q1, y1, q2, y2 = g
        quarters = _data()["quarters"]
        a, b = quarters.get(q1.lower()), quarters.get(q2.lower())
        if a and b:
            return _iso(int(y1 or y2), 3 * a - 2, 1), _iso(int(y2), 3 * b)
    return None


def _iso(y: int, m: int, d: int | None = None) -> str | None:
    if not (1 <= m <= 12):
        return None
    last = calendar.monthrange(y, m)[1]
    return f"{y:04d}-{m:02d}-{min(d or last, last):02d}"


def _window(m: regex.Match) -> tuple[str | None, str | None]:
    """The (start, end) ISO dates named by one `_WINDOW` match."""
    g = [x for x in m.groups() if x is not None]
    kind = m.lastgroup
    if kind == "date":
        d, mo, y = (int(x) for x in g[1:4])
        day = _iso(y, mo, d)
        return day, day
    if kind == "quarter":
        q = _data()["quarters"].get(g[1].lower())
        if not q:
            return None, None
        y = int(g[2])
        return _iso(y, 3 * q - 2, 1), _iso(y, 3 * q)
    if kind == "half":
        a, b = _data()["halves"][g[2]]
        y = int(g[3])
        return _iso(y, a, 1), _iso(y, b)
    if kind == "month":
        mo, y = int(g[1]), int(g[2])
        return _iso(y, mo, 1), _iso(y, mo)
    if kind == "range":
        return f"{g[1]}-01-01", f"{g[2]}-12-31"
    return f"{g[1]}-01-01", f"{g[1]}-12-31"


def recurrence_of(text: str) -> str | None:
    """The cycle a time phrase names: annual beats continuous ("thường xuyên, hằng năm")."""
    f = collapse(fold(text))
    guard = _alt(_data()["not_cycle_before"])
    for name, cues in _data()["recurrence"].items():
        for m in regex.finditer(rf"(?<!\w)(?:{_alt(cues)})(?!\w)", f):
            before = f[: m.start()]
            if regex.search(rf"(?:{guard})\s*$", before) or regex.search(r"(?<!\w)chi\s*$", before):
                continue
            return name
    return None


def parse_deadline(s: str | None) -> Deadline:
    """Parse a completion-time cell or phrase into text, window and recurrence."""
    if s is None or not collapse(s):
        return Deadline(None)
    text = collapse(s)
    f = fold(text)
    rec = recurrence_of(text)
    d = _data()
    if regex.match(rf"\s*(?:{_alt(d['conditional'])})(?!\w)", f):
        return Deadline(text, None, None, rec)
    span = _range_window(f)
    if span and all(span):
        return Deadline(text, span[0], span[1], rec)
    m = _WINDOW.search(f)
    if not m:
        return Deadline(text, None, None, rec)
    start, end = _window(m)
    before = f[: m.start()]
    if regex.search(r"va\s+cac\s+nam\s+tiep\s+theo|tro\s+di", f[m.end():]) or regex.search(
        rf"(?:^|\s)(?:{_alt(d['since'])})\s*$", before
    ):
        return Deadline(text, start, None, rec)
    if regex.search(rf"(?:^|\s)(?:{_alt(d['before'])})\s*$", before):
        if regex.search(r"truoc\s*$", before) and m.lastgroup in ("month", "quarter"):
            end = _day_before(start)
        return Deadline(text, None, end, rec)
    return Deadline(text, start, end, rec)


def _day_before(iso: str | None) -> str | None:
    if iso is None:
        return None
    y, m, _ = (int(x) for x in iso.split("-"))
    return _iso(y - 1, 12) if m == 1 else _iso(y, m - 1)


_LEAD = r"(?:(?:hoan\s+thanh\s+)?(?:truoc|cham\s+nhat(?:\s+vao)?|den\s+het|den|trong|tu)\s+)"


@lru_cache(maxsize=1)
def _finder() -> regex.Pattern:
    d = _data()
    cues = [c for cs in d["recurrence"].values() for c in cs]
    # a span with its year once stands alone ("Quý I - Quý II/2015", "tháng 6 - 9/2015"); it
    # comes first, or its second point would be read alone
    spans = "|".join(_SPANS.values())
    bare = "|".join(_WIN[k] for k in ("quarter", "half"))
    led = "|".join(_WIN[k] for k in ("date", "month", "range", "year"))
    return regex.compile(
        rf"(?<!\w)(?:{_LEAD}?(?:{spans})"
        rf"|{_LEAD}?(?:{bare})(?:\s+va\s+cac\s+nam\s+tiep\s+theo)?"
        rf"|{_LEAD}(?:{led})(?:\s+va\s+cac\s+nam\s+tiep\s+theo)?"
        rf"|(?:{_LEAD}?(?:vao\s+)?ngay\s+\d{{1,2}}(?:\s*/\s*\d{{1,2}})?\s+)?(?:{_alt(cues)}))(?!\w)"
    )


def find_deadlines(text: str) -> list[DeadlineMention]:
    """Time phrases inside a duty sentence: dates after a lead-in word, and cycle words."""
    out = []
    folded = fold(text)
    for m in _finder().finditer(folded):
        phrase = text[m.start():m.end()]
        dl = parse_deadline(phrase)
        dated = bool(dl.due_start or dl.due_end) and (
            _DUE_BY.match(folded, m.start()) or _within_a_year(folded, m, dl)
            or not _plan_horizon(folded, m.start()))
        cycle = dl.recurrence and recurrence_of(text[: m.end()][-60:]) == dl.recurrence
        if dated or cycle:
            out.append(DeadlineMention(m.start(), m.end(), dl))
    return out


@lru_cache(maxsize=1)
def _plan_names() -> regex.Pattern:
    return regex.compile(rf"(?<!\w)(?:{_alt(_data()['plan_names'])})(?!\w)")


# "trước ngày 31/01/2024", "chậm nhất …": a day something is due by, never a plan's horizon
# ("Chương trình xúc tiến du lịch trình UBND tỉnh trước ngày 31/01/2024")
_DUE_BY = regex.compile(r"(?:hoan\s+thanh\s+)?(?:truoc|cham\s+nhat|han\s+chot|khong\s+muon\s+hon)"
                     r"(?!\w)")


_QUARTER_OR_MONTH = regex.compile(r"(?<!\w)(?:quy|qui|thang)(?!\w)")


def _within_a_year(folded: str, m: regex.Match, dl: Deadline) -> bool:
    """True for a quarter or a month, a window inside one year: when a duty is due, never a
    plan's horizon ("tổ chức sơ kết Chương trình trong Quý IV/2019", "tổng kết Kế hoạch trong
    tháng 10/2030"); a period of days ("từ ngày 01/01/2021 đến ngày 31/12/2025") may be one."""
    if not _QUARTER_OR_MONTH.search(folded, m.start(), m.end()):
        return False
    start = dl.due_start or dl.due_end
    return bool(start and dl.due_end and start[:4] == dl.due_end[:4])


def _plan_horizon(folded: str, at: int) -> bool:
    """True when a plan's name runs up to `at` with no punctuation in between."""
    before = folded[max(0, at - 120):at]
    found = list(_plan_names().finditer(before))
    return bool(found) and not regex.search(r"[.;,:]", before[found[-1].end():])


def duty_deadline(text: str) -> Deadline:
    """One deadline for a duty: its first dated phrase, with the cycle of any cycle word."""
    found = find_deadlines(text)
    if not found:
        return Deadline(None)
    dated = [x for x in found if x.deadline.due_start or x.deadline.due_end]
    rec = next((x.deadline.recurrence for x in found if x.deadline.recurrence), None)
    first = dated[0].deadline if dated else found[0].deadline
    return Deadline(first.deadline_text, first.due_start, first.due_end, rec)


def table_deadline(s: str | None) -> Deadline:
    """A table's time cell, where remarks may cite documents ("Quý IV/2019 Thực hiện dự án theo
    Quyết định số 3871/QĐ-UBND ngày 08/10/2018"): the cited dates are not deadlines, so they
    are blanked before the window is read; the text is kept whole."""
    if s is None or not collapse(s):
        return Deadline(None)
    text = collapse(s)
    blank = list(text)
    for m in regex.finditer(_data()["doc_reference"], fold(text)):
        blank[m.start():m.end()] = " " * (m.end() - m.start())
    dl = parse_deadline("".join(blank))
    return Deadline(text, dl.due_start, dl.due_end, dl.recurrence)

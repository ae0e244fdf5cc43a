"""One row of a scanned table: its fragments given to the task, lead, partner and time columns.

Within a printed line fragments run left to right in column order, but a line holds pieces of
only some cells, so a lone fragment can belong to any column. Each fragment is scored against
each column by its content (a time expression, a known agency name, a capitalised task) and by
how it continues that column's text so far (a name cut at the line end: "Sở Kế hoạch và Đầu" /
"tư"; a list left open by a comma). A small beam search keeps the best joint assignment of the
row, so a later line can settle where an earlier lone fragment went.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

import regex

from extractors.fold import fold
from extractors.mentions.agencies import (
    AgencyMention,
    canonical_name,
    find_agencies,
    is_name_prefix,
)
from extractors.mentions.deadlines import table_deadline
from extractors.mentions.tasks import clause_end
from extractors.tables.rows import TableRow
from pipeline.yamldata import load_yaml

DATA = Path(__file__).parents[1] / "data" / "table_columns.yaml"
COLS = ("task", "lead", "partner", "time")
_BEAM = 24
_OPEN_END = regex.compile(r"(?:[,;&\-–]|\bvà|\bcác)\s*$")
_TERMINAL = (".", ";")


@dataclass
class Fragment:
    """A piece of one cell on one printed line; `kind` is what its content looks like."""

    start: int
    end: int
    text: str
    line: int
    kind: str = "task"


@lru_cache(maxsize=1)
def _time_cues() -> list[regex.Pattern]:
    data = load_yaml(DATA.read_text(encoding="utf-8"))
    return [regex.compile(p) for p in data["time_cues"]]


@lru_cache(maxsize=20000)
def _mentions(text: str) -> tuple[AgencyMention, ...]:
    return tuple(find_agencies(text))


def forget_texts() -> None:
    """Drop what the beam search cached about one document's cells (see
    `extractors.forget_document`)."""
    for cached in (_mentions, _fuzzy, _continues, _flipped, _score):
        cached.cache_clear()


def fragment_kind(text: str) -> str:
    """"stt" (a row number), "time", "agency" (starts with a name) or "task"."""
    if regex.fullmatch(r"\d{1,3}\.?|[IVX]{1,4}\.?", text):
        return "stt"
    f = fold(text)
    if any(p.search(f) for p in _time_cues()):
        return "time"
    ms = _mentions(text)
    lead = len(text) - len(text.lstrip(",;. "))
    sentence = text.endswith(".") and len(text.split()) > 4  # name cells end without a "."
    if ms and ms[0].start <= lead and not sentence:
        return "agency"
    if text[:1].isupper() and len(text.split()) <= 2 and is_name_prefix(text):
        return "agency"  # "Văn phòng", "Sở Khoa học và": a name cut by the line end
    if len(text.split()) <= 5 and _fuzzy(text):
        return "agency"  # "BND cấp huyện": a name the OCR damaged
    return "task"


@lru_cache(maxsize=4096)
def _fuzzy(text: str) -> str | None:
    return canonical_name(text)


@lru_cache(maxsize=65536)
def _continues(buffer: str, frag: str) -> bool:
    """True when `frag` carries on a name that `buffer` left unfinished.

    Cached: the beam search asks it for every state and column, mostly of the same few cells."""
    if not buffer:
        return False
    words = buffer.split()
    for k in range(1, min(6, len(words)) + 1):
        tail = " ".join(words[-k:])
        if tail[:1].isupper() and is_name_prefix(f"{tail} {frag.split()[0]}"):
            return True
    own = _mentions(frag)
    if own and own[0].start == 0:
        return False  # a fragment that opens with a name of its own starts a new one
    joined = f"{buffer} {frag}"
    cut = len(buffer)
    inside = {m.start: m.end for m in _mentions(buffer)}
    if any(m.start < cut < m.end and inside.get(m.start, -1) < m.end for m in _mentions(joined)):
        return True
    return _flipped(buffer, frag)


@lru_cache(maxsize=16384)
def _flipped(buffer: str, frag: str) -> bool:
    """True when `frag` is a name's head that the OCR printed after its rest ("UBND tỉnh" /
    "Văn phòng")."""
    if not frag[:1].isupper() or not is_name_prefix(frag):
        return False
    found = _mentions(f"{frag} {buffer}")
    return bool(found) and found[0].start == 0 and found[0].end > len(frag) + 1


class _State(NamedTuple):
    """One partial assignment: fragment indices per column and, joined, each column's text
    (kept alongside so that scoring a step never re-joins a cell). A named tuple: the search
    builds tens of thousands of them."""

    cells: tuple[tuple[int, ...], ...]
    texts: tuple[str, ...]
    score: float
    line: int
    cursor: int


def _extend(st: _State, col: int, i: int, f: Fragment, score: float) -> _State:
    """`st` with fragment `i` appended to column `col`."""
    cell, text = st.cells[col], st.texts[col]
    cells = (*st.cells[:col], cell + (i,), *st.cells[col + 1:])
    texts = (*st.texts[:col], f"{text} {f.text}" if cell else f.text, *st.texts[col + 1:])
    return _State(cells, texts, score, f.line, col)


@lru_cache(maxsize=65536)
def _score(col: str, kind: str, text: str, buf: str) -> float:
    """Gain of putting a fragment (`kind`, `text`) in column `col` whose text so far is `buf`.

    Cached: beam states mostly share their cells' texts, so the same question recurs."""
    lower = not text[:1].isupper()
    if col == "task":
        if kind in ("time", "agency"):
            return -2.0 if kind == "time" else -1.5
        if not buf:
            return 0.5 if lower else 2.0
        closed = buf.endswith(_TERMINAL)
        return (-0.5 if lower else 0.3) if closed else (1.5 if lower else 1.0)
    if col == "time":
        if kind == "time":
            return 2.5
        if _continues(buf, text):
            return 3.0
        return (1.5 if lower else 0.5) if buf else -1.0
    return _agency_score(kind, text, buf)


def _agency_score(kind: str, text: str, buf: str) -> float:
    if kind == "time":
        return -1.5
    if _continues(buf, text):
        return 3.0
    if kind != "agency":
        return -1.5
    score = 2.5 if not buf else 2.0
    if buf and not _OPEN_END.search(buf) and not is_name_prefix(buf.split()[-1]):
        score -= 1.0
    last = _mentions(buf)[-1:] if buf else ()
    first = _mentions(text)[:1]
    if last and first and _OPEN_END.search(buf) and _group(last[0]) == _group(first[0]):
        score += 1.0  # lists keep to one kind: "Các sở, ban, ngành," + "UBND cấp huyện"
    return score


def _group(m: AgencyMention) -> str:
    return "collective" if m.type in ("collective", "local") else m.type


def _final(st: _State) -> float:
    score = st.score
    lead, partner = st.texts[1], st.texts[2]
    if not lead:
        score -= 3.0
    score -= 0.2 * max(0, len(st.cells[1]) - 1)  # a lead cell is mostly one name
    for cell in (lead, partner):
        if cell and not cell[:1].isupper():
            score -= 1.0
    return score


def _step(beam: list[_State], frags: list[Fragment], i: int) -> list[_State]:
    """The beam after fragment `i`: every state extended by every column the line's reading
    order still allows, best `_BEAM` kept (a stable sort: ties keep generation order).
    Only the kept candidates are built as states."""
    f = frags[i]
    if f.kind == "stt":
        return [_State(s.cells, s.texts, s.score, f.line, 0 if s.line != f.line else s.cursor)
                for s in beam]
    cands = []
    for s in beam:
        cursor = s.cursor if s.line == f.line else 0
        for col in range(cursor, len(COLS)):
            cands.append((s.score + _score(COLS[col], f.kind, f.text, s.texts[col]), s, col))
    cands.sort(key=lambda c: c[0], reverse=True)
    return [_extend(s, col, i, f, score) for score, s, col in cands[:_BEAM]]


def _start() -> list[_State]:
    return [_State(((),) * len(COLS), ("",) * len(COLS), 0.0, -1, 0)]


def _best_state(frags: list[Fragment]) -> _State:
    """The best column of every fragment (indices per column), by beam search."""
    beam = _start()
    for i in range(len(frags)):
        beam = _step(beam, frags, i)
    return max(beam, key=_final)


def row_score(frags: list[Fragment]) -> float:
    """How well these fragments read as one row (the best assignment's score)."""
    return _final(_best_state(frags)) if frags else 0.0


def prefix_row_scores(frags: list[Fragment], sizes: list[int]) -> dict[int, float]:
    """`row_score(frags[:k])` for every k in `sizes`, from one beam search over `frags`: the
    search reads fragments left to right, so a prefix's result is a stop on the way."""
    wanted = set(sizes)
    out = {0: 0.0} if 0 in wanted else {}
    beam = _start()
    for i in range(len(frags)):
        beam = _step(beam, frags, i)
        if i + 1 in wanted:
            out[i + 1] = max(_final(s) for s in beam)
    return out


def _task_span(text: str, frags: list[Fragment], idx: tuple[int, ...]) -> tuple[int, int] | None:
    """The task: from its first capitalised fragment to the first cell that interrupts it."""
    if not idx:
        return None
    first = next((i for i in idx if frags[i].text[:1].isupper()), idx[0])
    end = frags[first].end
    i = first
    while i + 1 < len(frags) and i + 1 in idx and frags[i + 1].line == frags[i].line + 1 \
            and _last_on_line(frags, i) \
            and _first_on_line(frags, i + 1):
        i += 1
        end = frags[i].end
    return frags[first].start, clause_end(text, frags[first].start, end)


def _last_on_line(frags: list[Fragment], i: int) -> bool:
    return i + 1 >= len(frags) or frags[i + 1].line != frags[i].line


def _first_on_line(frags: list[Fragment], i: int) -> bool:
    return i == 0 or frags[i - 1].line != frags[i].line


def _cell_agencies(frags: list[Fragment], idx: tuple[int, ...]) -> list[tuple[str, int]]:
    """(canonical name, end offset in the document) of each agency a cell names.

    A name head left dangling at the cell's end ("UBND tỉnh" / "Văn phòng") was printed on the
    line above by the OCR; it is put back in front.
    """
    order = list(idx)
    for k in range(1, len(order)):
        head, prev = frags[order[k]].text, frags[order[k - 1]].text
        if not _mentions(head) and _flipped(prev, head):
            order[k - 1], order[k] = order[k], order[k - 1]
    joined, starts = "", []
    for i in order:
        starts.append((len(joined) + (1 if joined else 0), frags[i]))
        joined = f"{joined} {frags[i].text}" if joined else frags[i].text
    out: list[tuple[str, int]] = []
    for m in _mentions(joined):
        if not m.assignable or any(n == m.canonical for n, _ in out):
            continue
        pos, frag = max((s for s in starts if s[0] <= m.end - 1), key=lambda s: s[0])
        out.append((m.canonical, frag.start + min(m.end - pos, len(frag.text))))
    for _, frag in starts:
        name = None if _mentions(frag.text) else _fuzzy(frag.text)
        if name and all(n != name for n, _ in out):
            out.append((name, frag.end))
    return out


def assemble_row(text: str, frags: list[Fragment]) -> TableRow | None:
    """The task row these fragments make, or None when it names no task or no agency.

    Names are found per cell (not from the document's mentions): a cell's pieces lie apart.
    """
    cells = _best_state(frags).cells
    span = _task_span(text, frags, cells[0])
    leads, partners = _cell_agencies(frags, cells[1]), _cell_agencies(frags, cells[2])
    if span is None or not (leads or partners):
        return None
    first = min([frags[i].start for i in cells[1] + cells[2]] + [span[0]])
    time = " ".join(frags[i].text for i in cells[3]) or None
    return TableRow(span[0], span[1], first, leads, partners, table_deadline(time))

"""Scanned task tables: columns separated by runs of spaces, cells wrapped and interleaved.

pdftotext -layout and Tesseract print a scanned table line by line: each printed line holds the
fragments of every cell that has text at that height, separated by runs of spaces, and a cell
that wraps continues on later lines between other cells' fragments. The row number sits at the
row's vertical middle, so a row's first lines come BEFORE its number line.

Reading: find the header row (STT / Nội dung / Cơ quan chủ trì / … synonyms in
`data/table_columns.yaml`), split lines into fragments, find the number lines (1, 2, 3 …), cut
the lines between two number lines where the next row's task starts (`_split_gap`), then give
each row's fragments to columns by content and order (`spaced_cells.assemble_row`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import regex

from extractors.mentions.agencies import AgencyMention
from extractors.tables.columns import column_kind
from extractors.tables.rows import TableRow
from extractors.tables.spaced_cells import (
    Fragment,
    assemble_row,
    fragment_kind,
    prefix_row_scores,
    row_score,
)

_SEP = regex.compile(r"[ \t]{2,}")
_END = regex.compile(r"\s*(?:Nơi nhận|TM\.\s|KT\.\s|PHỤ LỤC)")
_ROMAN = regex.compile(r"[IVX]{1,4}\.?")
_TERMINAL = (".", ";", ":")


@dataclass
class _Row:
    """The lines of one table row: before its number line, the number line, after it."""

    number: int
    anchor: int
    lines: list[int] = field(default_factory=list)


def _lines(text: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    for line in text.split("\n"):
        out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def _fragments(text: str, start: int, end: int, line: int) -> list[Fragment]:
    """A line cut at runs of two or more spaces."""
    out, pos = [], start
    for part in _SEP.split(text[start:end]):
        a = text.find(part, pos) if part else pos
        if part.strip():
            lead = len(part) - len(part.lstrip())
            out.append(Fragment(a + lead, a + len(part.rstrip()), part.strip(), line))
        pos = a + len(part)
    return out


def _is_header(frags: list[Fragment]) -> bool:
    kinds = {column_kind(f.text) for f in frags}
    return len(frags) >= 3 and "lead" in kinds and bool(kinds & {"partner", "stt", "time"})


def spaced_rows(text: str, mentions: list[AgencyMention]) -> list[TableRow]:
    """Task rows of every space-separated table in `text` (`mentions` unused: see
    `assemble_row`; kept so every table reader has the same signature)."""
    lines = _lines(text)
    frags = [_fragments(text, s, e, i) for i, (s, e) in enumerate(lines)]
    out: list[TableRow] = []
    i = 0
    while i < len(lines):
        if not _is_header(frags[i]):
            i += 1
            continue
        j = i + 1
        while j < len(lines) and not _END.match(text, lines[j][0]) and not _is_header(frags[j]):
            j += 1
        for row in _rows(frags, i + 1, j):
            cells = [f for ln in row.lines for f in frags[ln]]
            for f in cells:
                f.kind = "stt" if _stt(f, row) else ("task" if f.kind == "stt" else f.kind)
            r = assemble_row(text, cells)
            if r:
                out.append(r)
        i = j
    return out


def _stt(f: Fragment, row: _Row) -> bool:
    return f.line == row.anchor and f.text.rstrip(".") == str(row.number)


def _rows(frags: list[list[Fragment]], start: int, end: int) -> list[_Row]:
    """Rows between the header and the table's end; group rows ("II  Tiêu đề") cut them too."""
    for ln in range(start, end):
        for f in frags[ln]:
            f.kind = fragment_kind(f.text)
    rows: list[_Row] = []
    pending: list[int] = []
    want = 1
    for ln in range(start, end):
        first = frags[ln][0].text if frags[ln] else ""
        if first.rstrip(".") in (str(want), str(want + 1)):
            want = int(first.rstrip(".")) + 1
            before, after = _split_gap(frags, pending, rows[-1] if rows else None, ln)
            if rows:
                rows[-1].lines += after
            rows.append(_Row(want - 1, ln, before + [ln]))
            pending = []
        elif _group_line(frags[ln]):
            if rows:
                rows[-1].lines += pending
            pending = []
            rows.append(_Row(0, ln, []))  # a barrier: nothing after it joins the row before
        elif frags[ln]:
            pending.append(ln)
    if rows:
        rows[-1].lines += [ln for ln in pending if len(frags[ln]) > 0][:6]
    return [r for r in rows if r.number]


def _group_line(frags: list[Fragment]) -> bool:
    return bool(frags) and bool(_ROMAN.fullmatch(frags[0].text)) and len(frags) >= 2


def _split_gap(frags: list[list[Fragment]], gap: list[int], prev: _Row | None, anchor: int):
    """Cut the lines between two number lines: (lines of the next row, lines of the previous).

    The next row starts at its task's first line: a capitalised task fragment whose line does
    not continue an unfinished sentence of the previous task. Each cut is also scored by how
    well both rows then read (`row_score`), and rows are roughly symmetric about their number
    line, which breaks ties. The previous row's readings are prefixes of one another, so they
    come from a single search (`prefix_row_scores`).
    """
    if prev is None or not prev.number:
        return gap, []
    before_prev = prev.lines.index(prev.anchor)
    width = _task_width(frags, prev.lines + gap)
    ends = [len(_flat(frags, prev.lines + gap[:s])) for s in range(len(gap) + 1)]
    prev_scores = prefix_row_scores(_flat(frags, prev.lines + gap), ends)

    def score(s: int) -> float:
        rows = prev_scores[ends[s]]
        rows += row_score(_flat(frags, gap[s:] + [anchor]))
        return _start_score(frags, gap, s, prev, width) + rows \
            - 0.4 * max(0, abs(s - before_prev) - 1)

    best = max(range(len(gap) + 1), key=lambda s: (score(s), s))
    return gap[best:], gap[:best]


def _flat(frags: list[list[Fragment]], lines: list[int]) -> list[Fragment]:
    return [f for ln in lines for f in frags[ln]]


def _task_width(frags: list[list[Fragment]], lines: list[int]) -> float:
    """Typical length of a full task line: shorter lines end a cell."""
    lens = sorted(len(f.text) for ln in lines for f in frags[ln] if f.kind == "task")
    return lens[len(lens) * 3 // 4] if lens else 40.0


def _task_frag(frags: list[Fragment]) -> Fragment | None:
    return next((f for f in frags if f.kind == "task"), None)


def _start_score(frags: list[list[Fragment]], gap: list[int], s: int, prev: _Row,
                 width: float) -> float:
    """How well line gap[s] (or, at len(gap), the next number line) opens a new row."""
    if s == len(gap):
        return 0.5
    line = frags[gap[s]]
    if not line[0].text[:1].isupper():
        return -3.0  # a row does not open with a continuation
    f = _task_frag(line)
    if f is None or f is not line[0] and line[0].kind != "time" or len(f.text.split()) < 2:
        return 0.0  # no task here: the rows' reading decides
    prev_line = gap[s - 1] if s else prev.anchor
    first = [x for x in frags[prev_line] if x.kind != "stt"][:1]
    p = first[0] if first and first[0].kind == "task" else None
    closed = p is None or p.text.endswith(_TERMINAL) or len(p.text) < 0.6 * width
    score = 2.0 + (1.0 if closed else 0.0)
    if not closed and f.text.endswith(_TERMINAL) and len(f.text) < 0.6 * width:
        score -= 5.0  # "Dịch vụ công của tỉnh." ends the previous task
    if not closed and s > 0:
        score -= 1.0
    return score

"""Task tables whose line breaks were lost: "STT Tên nhiệm vụ Cơ quan chủ trì … 1 Kết nối … 2 …".

Rows start at the next expected number before a capital letter. In a row the completion time is
the tail; before it, the agency cells are the run of agency names at the end of the row: a new
cell starts where two names meet with only a space between them (no comma, no "và"), and a name
after a function word ("của", "tới") still belongs to the task.
"""

from __future__ import annotations

import regex

from extractors.fold import fold
from extractors.mentions.agencies import AgencyMention
from extractors.mentions.deadlines import parse_deadline
from extractors.mentions.tasks import clause_end
from extractors.tables.rows import TableRow

_HEADER = regex.compile(
    r"(?<!\w)(?:stt|tt)\s+\S.{0,80}?(?:co\s+quan|don\s+vi)\s+chu\s+tri.{0,80}?"
    r"(?:thoi\s+gian|tien\s+do|thoi\s+han)[^\d]{0,40}?(?=\s1\s)"
)
_TIME_TAIL = regex.compile(
    r"(?:(?:thuc\s+hien\s+)?(?:hang|hang)\s+nam|thuc\s+hien\s+thuong\s+xuyen|thuong\s+xuyen"
    r"|(?:nam\s+)?(?:19|20)\d\d(?:\s*[-–]+\s*(?:19|20)\d\d)?(?:\s+va\s+cac\s+nam\s+tiep\s+theo)?"
    r"|quy\s+[ivx\d]+\s*/\s*(?:19|20)\d\d)\s*$"
)
_FUNCTION = {"của", "tới", "với", "cho", "tại", "và", "do", "ở", "trong", "từ", "đến", "giữa",
             "thuộc", "lên", "vào", "về", "trên", "các", "gồm"}
_END = regex.compile(r"Nơi nhận|TM\.\s|KT\.\s")


def flat_rows(text: str, mentions: list[AgencyMention]) -> list[TableRow]:
    """Task rows of every flattened table (header on the same line as its rows)."""
    folded = fold(text)
    out: list[TableRow] = []
    for h in _HEADER.finditer(folded):
        stop = _END.search(text, h.end())
        end = stop.start() if stop else len(text)
        for rs, re_ in _row_spans(text, h.end(), end):
            row = _parse_row(text, folded, rs, re_, mentions)
            if row:
                out.append(row)
    return out


def _row_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    starts: list[tuple[int, int]] = []
    want, pos = 1, start
    while True:
        m = regex.compile(rf"(?<=\s){want}\s+(?=[A-ZĐÀ-Ỹ])").search(text, pos, end)
        if not m:
            break
        starts.append((m.start(), m.end()))
        want, pos = want + 1, m.end()
    if not starts:
        return []  # a header with no numbered row after it: nothing to read
    ends = [a for a, _ in starts[1:]] + [end]
    return [(b, e) for (_, b), e in zip(starts, ends, strict=True)]


def _groups(text: str, ms: list[AgencyMention]) -> list[list[AgencyMention]]:
    """Agency names at the row's end, grouped into cells (right to left, then reversed)."""
    groups: list[list[AgencyMention]] = []
    for m in reversed(ms):
        if not groups:
            groups.append([m])
            continue
        nxt = groups[-1][0]
        if nxt.start == m.start:
            groups[-1].insert(0, m)
            continue
        gap = text[m.end:nxt.start]
        if regex.fullmatch(r"\s*(?:,|;|và)\s*(?:và\s*)?", gap):
            groups[-1].insert(0, m)
        elif regex.fullmatch(r"\s+", gap) and nxt.text[:1].isupper():
            groups.append([m])
        else:
            break
    groups.reverse()
    while groups and not _cell_start(text, groups[0][0]):
        groups.pop(0)
    return groups


def _cell_start(text: str, m: AgencyMention) -> bool:
    prev = regex.search(r"(\w+)\W*$", text[max(0, m.start - 30):m.start])
    return m.text[:1].isupper() and not (prev and prev.group(1).lower() in _FUNCTION)


def _parse_row(text: str, folded: str, rs: int, re_: int, mentions) -> TableRow | None:
    body_end = rs + len(text[rs:re_].rstrip())
    t = _TIME_TAIL.search(folded, rs, body_end)
    time_start = t.start() if t else body_end
    ms = [m for m in mentions if rs <= m.start and m.end <= time_start]
    if ms and text[ms[-1].end:time_start].strip():
        ms = []
    groups = _groups(text, ms)
    if not groups:
        return None
    cells = groups[-2:] if len(groups) >= 2 else groups
    first = cells[0][0].start
    leads = [(m.canonical, m.end) for m in cells[0] if m.assignable]
    partners = [(m.canonical, m.end) for m in cells[1] if m.assignable] if len(cells) > 1 else []
    task_end = clause_end(text, rs, first, stop_at_bracket=True)
    deadline = parse_deadline(text[time_start:body_end] if t else None)
    return TableRow(rs, task_end, rs, leads, partners, deadline)

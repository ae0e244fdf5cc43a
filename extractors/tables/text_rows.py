"""Appendix task tables (STT, task, lead, partners, time) in every layout the genre produces.

Layouts: one row per line with tab-separated cells, wrapped cells continued on rows with an
empty STT (Hà Tĩnh, PDF/DOCX tables); one cell per line with rows between blank lines (Nghệ An);
a table flattened into running text, where a cell starts at a capital letter or a known agency
name (Hải Dương). Columns come from the header row, named by `data/table_columns.yaml`.
"""

from __future__ import annotations

import regex

from extractors.fold import fold
from extractors.mentions.agencies import AgencyMention, canonical_name, find_agencies
from extractors.mentions.deadlines import parse_deadline
from extractors.mentions.tasks import clause_end
from extractors.tables.columns import column_kind, partners_from, skip_lead_in
from extractors.tables.flat_tables import flat_rows
from extractors.tables.rows import Cell, Report, TableRow, guarded


def _line_rows(text: str) -> list[list[Cell]]:
    """Rows of cells: a tab-separated line, or a run of one-cell "\\t…" lines (Nghệ An)."""
    rows: list[list[Cell]] = []
    pending: list[Cell] = []
    pos = 0
    for line in text.split("\n"):
        s, pos = pos, pos + len(line) + 1
        cells = _split_tabs(line, s)
        single = line.startswith("\t") and line.count("\t") == 1
        if single:
            pending.append(cells[-1] if cells else Cell(s + 1, s + 1))
            continue
        if pending:
            rows.append(pending)
            pending = []
        if "\t" in line:
            rows.append(cells)
        elif line.strip():
            rows.append([Cell(s, s + len(line))] if not line.startswith(" ") else [])
    if pending:
        rows.append(pending)
    return rows


def _split_tabs(line: str, offset: int) -> list[Cell]:
    cells, pos = [], 0
    for part in line.split("\t"):
        a = pos + len(part) - len(part.lstrip())
        b = pos + len(part.rstrip())
        cells.append(Cell(offset + a, offset + max(a, b)))
        pos += len(part) + 1
    return cells


def _header(text: str, row: list[Cell]) -> dict[int, str] | None:
    kinds = {i: column_kind(text[c.start:c.end]) for i, c in enumerate(row)}
    found = set(kinds.values())
    if {"task", "lead"} <= found or {"task", "partner"} <= found:
        return {i: k for i, k in kinds.items() if k}
    return None


def tab_rows(text: str, mentions: list[AgencyMention]) -> list[TableRow]:
    """Task rows of every tab or one-cell-per-line table with a recognised header."""
    out: list[TableRow] = []
    cols: dict[int, str] | None = None
    merged: list[dict[str, list[Cell]]] = []
    for row in _line_rows(text):
        head = _header(text, row) if len(row) > 1 else None
        if head:
            cols = head
            continue
        if cols is None or len(row) < 2:
            cols = None if len(row) == 1 and not _stt(text, row) else cols
            continue
        cells = {k: [row[i]] for i, k in cols.items() if i < len(row) and row[i].end > row[i].start}
        if "stt" not in cells and merged:
            for k, cs in cells.items():
                merged[-1].setdefault(k, []).extend(cs)
        elif "stt" in cells:
            merged.append(cells)
    for cells in merged:
        r = to_task_row(text, cells, mentions)
        if r:
            out.append(r)
    return out


def _stt(text: str, row: list[Cell]) -> bool:
    return bool(row) and bool(regex.fullmatch(r"[\dIVX]+\.?", text[row[0].start:row[0].end]))


def _join_wrapped(text: str, cells: list[Cell], mentions: list[AgencyMention]) -> list[list[Cell]]:
    """Group a column's fragments into names: a fragment on a continuation row that does not
    start a name of its own ("UBND huyện Cẩm" / "Xuyên") finishes the name above it."""
    groups: list[list[Cell]] = []
    for c in cells:
        starts_name = any(m.start == c.start for m in mentions)
        if groups and not starts_name and not _ends_name(text, groups[-1][-1]):
            groups[-1].append(c)
        else:
            groups.append([c])
    return groups


def _names(joined: str) -> list[str]:
    """Canonical names in a cell rebuilt from wrapped fragments."""
    found = [m.canonical for m in find_agencies(joined) if m.assignable]
    name = None if found else canonical_name(joined)
    return found or ([name] if name else [])


def _ends_name(text: str, c: Cell) -> bool:
    """True when a fragment ends with punctuation, so nothing wrapped can continue it."""
    return text[c.start:c.end].rstrip()[-1:] in ",;.)"


def _agencies(text: str, cells: list[Cell], mentions: list[AgencyMention]) -> list[tuple[str, int]]:
    out = []
    for group in _join_wrapped(text, cells, mentions):
        if len(group) > 1:
            out.extend((n, group[-1].end) for n in _names(" ".join(text[c.start:c.end]
                                                                   for c in group)))
            continue
        c = group[0]
        found = [m for m in mentions if c.start <= m.start < c.end and m.assignable]
        if not found and text[c.start:c.end].strip():
            name = canonical_name(text[c.start:c.end])
            found_names = [(name, c.end)] if name else []
        else:
            found_names = [(m.canonical, m.end) for m in found]
        out.extend(found_names)
    return out


def to_task_row(text: str, cells: dict[str, list[Cell]], mentions: list[AgencyMention]
                ) -> TableRow | None:
    """One task row from its cells by column kind (a cell wrapped onto continuation rows is
    several fragments), or None when it names no task or no agency."""
    task = cells.get("task")
    if not task:
        return None
    t0 = task[0].start
    leads = _agencies(text, cells.get("lead", []), mentions)
    partners = _agencies(text, cells.get("partner", []), mentions)
    for c in cells.get("lead", []):
        split = partners_from(text, c.start, c.end)
        if split is not None:
            partners = [a for a in leads if a[1] > split] + partners
            leads = [a for a in leads if a[1] <= split]
    if not leads and not partners:
        return None
    if fold(text[t0:task[0].end]) == fold(text[cells["lead"][0].start:cells["lead"][0].end]) \
            if cells.get("lead") else False:
        return None  # a group row repeating its title in every column
    time = " ".join(text[c.start:c.end] for c in cells.get("time", []))
    ts, te = _task_fragment(text, task)
    end = clause_end(text, ts, te, stop_at_bracket=True)
    return TableRow(ts, end, t0, leads, partners, parse_deadline(time or None))


def _task_fragment(text: str, task: list[Cell]) -> tuple[int, int]:
    """Start and end of the task inside a task cell's fragments. The task is the first
    fragment after any cited approval; when the citation fills the first fragment and runs
    onto a wrapped one ("Quyết định số 4133/QĐ-UBND … của UBND" / "tỉnh về việc phê duyệt
    chủ trương dự án Ứng dụng CNTT …"), the task is read on the fragment where it starts."""
    first = task[0]
    ts = skip_lead_in(text, first.start, first.end)
    if ts > first.start or len(task) < 2:
        return ts, first.end
    joined = " ".join(text[c.start:c.end] for c in task)
    skip = skip_lead_in(joined, 0, len(joined))
    pos = 0
    for c in task:
        n = c.end - c.start
        if skip and pos <= skip <= pos + n:
            at = c.start + skip - pos
            return (at, c.end) if at < c.end else (first.start, first.end)
        pos += n + 1
    return first.start, first.end


def task_rows(text: str, mentions: list[AgencyMention], report: Report | None = None
              ) -> list[TableRow]:
    """Task rows of the appendix tables `text` shows, whatever their layout (for text that lost
    its layout: the model's tables are read by `task_table`); a reader that fails is skipped
    and told to `report`."""
    from extractors.tables.spaced_tables import (
        spaced_rows,  # it reads header cells with column_kind
    )

    rows = guarded(report, "tab-separated table", lambda: tab_rows(text, mentions))
    if not rows:
        rows = guarded(report, "space-aligned table", lambda: spaced_rows(text, mentions))
    if not rows:
        rows = guarded(report, "table run into the text", lambda: flat_rows(text, mentions))
    return rows

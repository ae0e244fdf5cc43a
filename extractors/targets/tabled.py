"""Targets in tables: planned values per year, and the time column of a task row.

Tables reach the extractor as the document model's cells (pipeline/model/layout.py), whatever
the source (PDF grid, DOCX, a web copy's pipes, tab rows). Every cell of a plan column (or
plan row, in a table written one row per year) that states a figure is one target (ANNOTATION
§2): its indicator from the row's indicator cell, its unit and scale from the unit column or
the header ("Nghìn tấn", "(ha)"), its year from the column. Baseline columns give nothing.
The cells a table reader has taken are returned too, so the sentence reader does not read
their figures again, nor the qualifiers inside indicator cells ("sử dụng ít nhất 01 ứng dụng").
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

import regex

from extractors.mentions.years import year_mentions
from extractors.targets.abbreviations import expand
from extractors.targets.cues import cues, fold, words_re
from extractors.targets.numbers import NUMBER_RE, parse_number
from extractors.targets.phrases import lead_of
from extractors.targets.restated import row_year
from extractors.targets.scope import scope_level
from extractors.targets.table_columns import (
    YEAR,
    Line,
    cell_text,
    classify,
    column_headers,
    grid,
    header_rows,
    is_value,
    role_of,
)
from extractors.targets.taxonomy import code_for
from extractors.targets.units import measure_of, per_unit, scale_of, scaled
from pipeline.model import Cell, Table, Target

TIME_CELL = regex.compile(
    r"^(?:(?:năm|giai\s+đoạn|quý|quí|tháng)\s+[\wIVX/]*\s*)?(?:19|20)\d\d"
    r"(?:\s*[-–]\s*(?:19|20)\d\d)?$",
    regex.I,
)
PAREN_UNIT = regex.compile(r"\(([^()]{1,20})\)\s*$")


@dataclass
class TableContext:
    """What a table is read against: the plan's signing year and horizon, the document's
    abbreviations."""

    signed: int | None
    horizon: int | None
    abbreviations: dict[str, str] = field(default_factory=dict)


@dataclass
class _Slot:
    """One value cell with the cells and header lines that say what it is."""

    value: Cell
    indicator: Cell | None
    unit: str
    line: Line
    first: Cell
    group_year: tuple[int, int | None] | None


def cell_at(tables: list[Table], pos: int) -> tuple[Table, Cell] | None:
    """The table and cell holding offset `pos`, if any."""
    for table in tables:
        if not table.start <= pos < table.end:
            continue
        for cell in table.cells:
            if cell.start <= pos < cell.end:
                return table, cell
    return None


def row_time(text: str, tables: list[Table], pos: int) -> tuple[int, int | None] | None:
    """(year, period start) of the time cell in the table row holding `pos` ("Năm 2025-2030",
    "Quý II/2019", "2026"): an appendix row's completion time dates the targets its other
    cells state (ANNOTATION §2, `year`)."""
    found = cell_at(tables, pos)
    if found is None:
        return None
    table, here = found
    for cell in table.cells:
        if cell.row != here.row or cell is here:
            continue
        words = cell_text(text, cell)
        if len(words) <= 30 and TIME_CELL.match(words):
            return row_year(words)
    return None


def _unit(words: str) -> tuple[str, float] | None:
    """(unit, factor) a unit cell or a header's bracket names ("Nghìn tấn", "%", "Giường/vạn
    dân", "Tỷ đồng", "Người"); None when it names no unit."""
    words = words.strip()
    if not words:
        return None
    if words.startswith("%"):
        return "%", 1.0
    per = per_unit(words)
    if per:
        return per, 1.0
    measure = measure_of(" " + words)
    if measure is not None:
        return measure.unit, measure.factor
    factor, _ = scale_of(" " + words)
    return "count", factor


def _unit_of(text: str, slot: _Slot, header: str, indicator: str) -> tuple[str, float]:
    """The unit of a value: its row's unit cell, else a unit in brackets in its header or
    indicator ("Tỷ lệ che phủ rừng (%)"), else "%" written in the cell, else a count."""
    for words in (slot.unit, *(m.group(1) for m in (PAREN_UNIT.search(header),
                                                     PAREN_UNIT.search(indicator)) if m)):
        found = _unit(words)
        if found:
            return found
    if "%" in cell_text(text, slot.value) or regex.match(r"(?i)t[ỷỉ]\s+lệ", indicator):
        return "%", 1.0
    return "count", 1.0


def _figure(words: str) -> tuple[float, float | None, str] | None:
    """(value, value_max, comparator) a value cell states, else None ("-", "x", text)."""
    m = NUMBER_RE.search(words)
    if m is None or not is_value(words):
        return None
    low = parse_number(m["a"])
    high = parse_number(m["b"]) if m["b"] else None
    if high is not None and high <= low:
        high = None
    comparator = "range" if high is not None else lead_of(words, m.start(), m.end()).comparator
    return low, high, comparator


@lru_cache(maxsize=1)
def _budget() -> regex.Pattern:
    words = sorted((fold(w) for w in cues()["budget_words"]), key=len, reverse=True)
    return regex.compile(r"(?<!\w)(?:" + "|".join(map(regex.escape, words)) + r")(?!\w)")


def _group_year(text: str, row: list[Cell | None]) -> tuple[int, int | None] | None:
    """The period a group row names ("I | Giai đoạn 2025-2027"), for the rows below it."""
    words = " ".join(cell_text(text, c) for c in dict.fromkeys(c for c in row if c))
    m = YEAR.search(words)
    if m is None or any(is_value(cell_text(text, c)) for c in row if c):
        return None
    return (int(m[2]), int(m[1])) if m[2] else (int(m[1]), None)


def _slots(text: str, table: Table, ctx: TableContext) -> tuple[list[_Slot], list[Cell]]:
    """The value cells of plan columns (or rows), and every cell the table reader takes."""
    rows = grid(table)
    n = header_rows(text, rows)
    if n == 0:
        return [], []
    headers = column_headers(text, table, rows, n)
    if any(_budget().search(fold(h)) for h in headers):
        return [], []  # "Tổng mức đầu tư | Đề xuất 2017": money to spend, not targets
    lines = classify(headers, ctx.signed)
    if any(x.role == "plan" for x in lines):
        return _by_columns(text, rows[n:], lines)
    return _by_rows(text, rows, n, lines, ctx)


def _by_columns(text: str, body: list[list[Cell | None]], lines: list[Line]
                ) -> tuple[list[_Slot], list[Cell]]:
    """A table with one column per year: each row an indicator."""
    ind = next((x.index for x in lines if x.role == "indicator"), None)
    unit = next((x.index for x in lines if x.role == "unit"), None)
    slots, taken, group = [], [], None
    for row in body:
        group = _group_year(text, row) or group
        first = next((c for c in row if c), None)
        if first is None:
            continue
        indicator = row[ind] if ind is not None else None
        unit_words = cell_text(text, row[unit]) if unit is not None and row[unit] else ""
        for line in lines:
            cell = row[line.index]
            if cell is None or line.role not in ("plan", "baseline", "unit", "indicator"):
                continue
            taken.append(cell)
            if line.role == "plan" and is_value(cell_text(text, cell)):
                slots.append(_Slot(cell, indicator, unit_words, line, indicator or first, group))
    return slots, taken


def _by_rows(text: str, rows: list[list[Cell | None]], n: int, lines: list[Line],
             ctx: TableContext) -> tuple[list[_Slot], list[Cell]]:
    """A table with one row per year: the first column says the year (or "Hiện trạng"), the
    header row names the indicators."""
    slots, taken = [], []
    for row in rows[n:]:
        first = row[0]
        if first is None:
            continue
        role, year, period = role_of(cell_text(text, first), ctx.signed)
        if role not in ("plan", "baseline") or year is None:
            continue
        for col, cell in enumerate(row[1:], start=1):
            if cell is None or cell is first or not is_value(cell_text(text, cell)):
                continue
            taken.append(cell)
            if role == "plan":
                header = lines[col].header
                slots.append(_Slot(cell, None, "", Line(col, header, "plan", year, period),
                                   first, None))
    return slots, taken


def table_targets(text: str, table: Table, ctx: TableContext) -> tuple[list[Target], list[Cell]]:
    """The targets a table of planned values sets, and the cells it takes (see module
    docstring); nothing for a table of another kind."""
    slots, taken = _slots(text, table, ctx)
    period = caption_period(text, table.start)
    out = [t for t in (_target(text, s, ctx, period) for s in slots) if t is not None]
    return out, taken


CAPTION_REACH = 250  # characters above a table where its caption may stand


def caption_period(text: str, table_start: int) -> int | None:
    """The first year of a period the table's caption states ("Bảng 1. CHỈ TIÊU … GIAI ĐOẠN
    2021 - 2025" above the table): ANNOTATION §2 dates a target by a period stated "in the
    target's own sentence, heading or table". The caption is the last non-empty line above."""
    before = text[max(0, table_start - CAPTION_REACH):table_start].rstrip()
    caption = before[before.rfind("\n") + 1:]
    periods = [y.period_start for y in year_mentions(caption) if y.period_start]
    return periods[-1] if periods else None


def _target(text: str, slot: _Slot, ctx: TableContext, caption: int | None = None
            ) -> Target | None:
    figure = _figure(cell_text(text, slot.value))
    if figure is None:
        return None
    low, high, comparator = figure
    header = slot.line.header
    indicator = cell_text(text, slot.indicator) if slot.indicator else header
    indicator = PAREN_UNIT.sub("", indicator).strip(" .:")
    if not indicator:
        return None
    unit, factor = _unit_of(text, slot, header, indicator)
    year, period = slot.line.year, slot.line.period
    if year is None:
        year, period = slot.group_year or (ctx.horizon, None)
    period = period or caption
    start = min(slot.first.start, slot.value.start)
    evidence = text[start : slot.value.end]
    words = expand(indicator, ctx.abbreviations)
    return Target(
        indicator=indicator, code=code_for(words, words, context=header), value=scaled(low, factor),
        value_max=scaled(high, factor) if high is not None else None, unit=unit,
        comparator=comparator, kind=_kind(indicator), scope_level=_scope(indicator, slot.unit),
        year=year, period_start=period, evidence=evidence, start=start, end=slot.value.end,
        method="table",
    )


def _kind(indicator: str) -> str:
    """An indicator that opens with "Tăng thêm" / "Giảm" sets an amount added or taken off."""
    for kind in ("increase", "decrease"):
        if words_re(cues()["kinds"][kind], at_start=True).match(indicator):
            return kind
    return "level"


def _scope(indicator: str, unit: str) -> str | None:
    """The level named in the indicator, or counted by the unit ("Xã")."""
    level = cues()["admin_units"].get(unit.strip().lower())
    return level or scope_level(indicator)

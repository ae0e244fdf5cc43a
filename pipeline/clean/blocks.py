"""Cleaning step: the layout the reader saw, applied to the text.

Three edits, each from the document's `Layout` rather than from guesses on the text:
- "line join (layout)": a line break inside a block is a wrap: the lines join with one space
  (a PDF paragraph, a title wrapped inside one bold run, a DOCX line break);
- "table layout": a web copy's table ("|" lines between cells, a cell wrapped over lines)
  becomes one row per line with cells between tabs, as every other reader writes tables;
- "page number": a page number the reader found in a page's margin goes.
`known_breaks` then tells the heuristic joiner (`layout`) which line breaks the source itself
made, so it never joins across them.
"""

from __future__ import annotations

import regex

from pipeline.clean.context import CleanContext
from pipeline.model import Layout, Table
from pipeline.offsets import Edit

_WRAP = regex.compile(r"[ \t]*\n[ \t]*")


def _joins(text: str, start: int, end: int, reason: str) -> list[Edit]:
    return [Edit(start + m.start(), start + m.end(), " ", reason)
            for m in _WRAP.finditer(text[start:end])]


def pipe_table_edits(text: str, table: Table) -> list[Edit]:
    """A pipe table rewritten as tab rows: delimiters between cells become tabs, between
    rows line breaks, around the table nothing; a cell's wrapped lines join."""
    cells = sorted(table.cells, key=lambda c: (c.row, c.col))
    if not cells:
        return []
    out = [Edit(table.start, cells[0].start, "", "table layout")]
    for a, b in zip(cells, cells[1:], strict=False):
        out.append(Edit(a.end, b.start, "\t" if a.row == b.row else "\n", "table layout"))
    out.append(Edit(cells[-1].end, table.end, "", "table layout"))
    for c in cells:
        out += _joins(text, c.start, c.end, "table layout")
    return out


def edits(text: str, ctx: CleanContext) -> list[Edit]:
    """Joins inside blocks, web-copy tables as tab rows, page numbers out."""
    layout = ctx.layout
    out: list[Edit] = []
    for table in layout.tables:
        if table.source in ("pipes", "pipe-rows"):
            out += pipe_table_edits(text, table)
    for block in layout.blocks:
        if block.kind == "furniture":
            end = block.end + 1 if text[block.end:block.end + 1] == "\n" else block.end
            out.append(Edit(block.start, end, "", "page number"))
        else:
            out += _joins(text, block.start, block.end, "line join (layout)")
    return out


def known_breaks(text: str, layout: Layout) -> set[int]:
    """Offsets of line breaks the source made: at a block's or table's edge, unless the two
    sides sit on different pages (a paragraph may run on across a page break)."""
    edges: dict[int, int | None] = {}
    for item in [*(b for b in layout.blocks if b.firm), *layout.tables]:
        edges[item.start] = item.page
        edges[item.end] = item.page
    out: set[int] = set()
    for m in regex.finditer(r"\n", text):
        before = m.start()
        while before and text[before - 1] in " \t":
            before -= 1
        after = m.end()
        while after < len(text) and text[after].isspace():
            after += 1
        pages = {p for pos in (before, after) if pos in edges for p in [edges[pos]]}
        if (before in edges or after in edges) and len(pages - {None}) <= 1:
            out.add(m.start())
    return out

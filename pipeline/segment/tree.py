"""Build the section tree from cleaned text, line by line, with a stack of open sections.

A heading closes every open section of the same or a larger rank (see heading_patterns.yaml),
so numbering that repeats or skips ("IV." twice, "3." before "2.") still nests by shape.
Recipients and signature blocks close everything: a decision's articles end there and its
attached plan starts afresh at level 1.
"""

from __future__ import annotations

from dataclasses import dataclass

from pipeline.model import Section
from pipeline.segment import shapes, titles
from pipeline.segment.labels import label_for
from pipeline.segment.shapes import Shape
from pipeline.vi.lines import Line, is_table_row, split_lines

ITEM_KINDS = frozenset({"letter", "dash", "plus"})
TITLE_KINDS = frozenset({"phan", "part", "dieu", "phuluc", "roman", "arabic"})


@dataclass
class _Open:
    sec: Section
    rank: int
    kind: str = ""


class _Builder:
    """Walks the lines once; `sections` holds the result."""

    def __init__(self, text: str, tables: list[tuple[int, int]] | None = None):
        self.text = text
        self.tables = sorted(tables or [])
        self.lines = split_lines(text)
        self.sections: list[Section] = []
        self.stack: list[_Open] = []
        self.last: dict[tuple[int, str], int] = {}  # (parent id, kind) -> last number

    def run(self) -> list[Section]:
        skip_to = -1
        for ln in self.lines:
            if ln.index <= skip_to or ln.blank:
                continue
            s = ln.stripped
            if shapes.is_terminator(s):
                self._close(-1, ln.start)
                continue
            if is_table_row(ln) or self._in_table(ln):
                continue
            skip_to = self._handle(ln, s)
        self._close(-1, len(self.text.rstrip()))
        return self.sections

    def _in_table(self, ln: Line) -> bool:
        return any(a <= ln.content_start < b for a, b in self.tables)

    def _parent_after_pop(self, rank: int) -> Section | None:
        for op in reversed(self.stack):
            if op.rank < rank:
                return op.sec
        return None

    def _number(self, shape: Shape, parent: Section | None) -> str | None:
        """The shape's number, repaired, if it is a plausible next number here."""
        key = (parent.sec_id if parent else -1, shape.kind)
        expected = self.last.get(key, 0) + 1
        if shape.kind == "roman":
            num = shapes.repair_roman(shape.num, expected)
            value = shapes.roman_value(num) if num else None
        elif shape.kind == "arabic":
            num = shapes.repair_arabic(shape.num, expected)
            value = int(num) if num and num.isdigit() else None
        elif shape.kind == "part":  # "A." only first, "B." only after "A."
            value = ord(shape.num) - ord("A") + 1
            num = shape.num if value == expected else None
        else:
            return shape.num
        if num is not None and value is not None:
            self.last[key] = value
        return num

    def _handle(self, ln: Line, s: str) -> int:
        """Open the section line `ln` starts, if any; return the last line its heading uses."""
        for shape in shapes.shapes_of(s):
            if shape.kind == "arabic":  # "2.1" sits under "2"
                shape = Shape(shape.kind, shape.rank + shape.num.count("."), shape.num, shape.rest)
            if shape.kind in ITEM_KINDS and not self.stack:
                return ln.index
            if shape.kind == "annex_title" and (self.stack or not shapes.is_annex_title(s)):
                continue
            if shape.kind == "phuluc" and not s.isupper() and shapes.runs_on(shape.rest):
                continue
            if shape.kind == "roman" and any(op.kind == "dieu" for op in self.stack):
                # the plan an article approves ("Điều 1. Phê duyệt … nội dung sau: I. …") is
                # level 1 beside the articles (ANNOTATION §2), not inside Điều 1
                self._close(0, ln.content_start)
            parent = self._parent_after_pop(shape.rank)
            num = self._number(shape, parent)
            if num is None:
                continue
            return self._open(ln, shape, num)
        return ln.index

    def _title(self, ln: Line, shape: Shape) -> tuple[str, int, str]:
        """Heading text, heading end offset and kind (heading, paragraph, item)."""
        i = ln.index
        if shape.kind == "dieu":
            return *titles.article_title(self.lines, i, shape.rest), "heading"
        if shape.kind in ("phuluc", "phan", "part"):
            numbered = shape.kind != "phuluc" or _numbered_appendix(shape.num)
            return *titles.appendix_title(self.lines, i, shape.rest, numbered), "heading"
        if shape.kind == "annex_title":
            return titles.clean_title(shape.rest), ln.content_end, "heading"
        if shape.kind in ITEM_KINDS:
            return titles.clean_title(shape.rest), ln.content_end, "item"
        if shape.kind == "arabic" and shapes.runs_on(
                f"{shape.rest} {titles.runs_on_below(self.lines, i)}"):
            return titles.clean_title(shape.rest), ln.content_end, "paragraph"
        return *titles.continued_title(self.lines, i, shape.rest), "heading"

    def _open(self, ln: Line, shape: Shape, num: str) -> int:
        heading, heading_end, kind = self._title(ln, shape)
        number, end_line = num, self._line_at(heading_end)
        if shape.kind == "phuluc" and not _numbered_appendix(num):
            number, heading = "", titles.clean_title(f"{num} {heading}")
        self._close(shape.rank, ln.content_start)
        parent = self.stack[-1].sec if self.stack else None
        depth = len(self.stack) + 1
        level = depth if kind == "heading" and depth <= 2 else None
        if kind == "heading":
            label = label_for(shape.kind, heading, depth, parent.label if parent else None)
        else:
            label = parent.label if parent else "KHAC"
        sec = Section(len(self.sections), number, heading, level, depth, label,
                      parent.sec_id if parent else None, ln.content_start, heading_end,
                      ln.content_start, heading_end, kind)
        self.sections.append(sec)
        self.stack.append(_Open(sec, shape.rank, shape.kind))
        return end_line

    def _line_at(self, offset: int) -> int:
        for ln in self.lines:
            if ln.start <= offset <= ln.end:
                return ln.index
        return len(self.lines) - 1

    def _close(self, rank: int, pos: int) -> None:
        """Close open sections of rank >= `rank` (all for -1) at offset `pos`."""
        while self.stack and self.stack[-1].rank >= rank:
            sec = self.stack.pop().sec
            sec.end = max(sec.heading_end, self._trim(pos))

    def _trim(self, pos: int) -> int:
        while pos > 0 and self.text[pos - 1].isspace():
            pos -= 1
        return pos


def _numbered_appendix(num: str) -> bool:
    """"PHỤ LỤC I", "Phụ lục số 2" (not a single "PHỤ LỤC")."""
    return any(c.isdigit() or c in "IVXL" for c in num[7:])


def build(text: str, tables: list[tuple[int, int]] | None = None) -> list[Section]:
    """Sections of `text` in document order (headings, numbered paragraphs, list items); lines
    inside `tables` (spans of the reader's tables) are not read."""
    return _Builder(text, tables).run()

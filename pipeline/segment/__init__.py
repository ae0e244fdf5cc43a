"""The segment stage: the section tree of a cleaned document (ANNOTATION §1).

What a line opens (`shapes`), a heading's title (`titles`), labels (`labels`), the tree
(`tree`).

`segment` returns every heading, numbered paragraph and list item as a `Section` with offsets
into the cleaned text; the contract's sections are those with `level` 1 or 2. The look-ups
(which section holds a span: a target's period heading, the "Tổ chức thực hiện" part, the
numbered paragraph of an agency's duties) are the section tree's (`pipeline.model.SectionTree`).
"""

from __future__ import annotations

from collections.abc import Iterable

from pipeline.model import Section
from pipeline.segment.labels import match_label
from pipeline.segment.tree import build


def segment(text: str, tables: Iterable[tuple[int, int]] = ()) -> list[Section]:
    """Sections of the cleaned `text`, in document order. `tables`: the (start, end) spans of
    the tables the reader saw; their lines are table content, never headings (a group row
    "II. HOÀN THIỆN CƠ CHẾ …" spanning a task table is no section of the plan)."""
    return build(text, list(tables))


def unmatched_headings(sections: Iterable[Section]) -> list[str]:
    """Top-level titles no label pattern knows (labelled KHAC by default): grow the data file."""
    return [f"{s.number} {s.heading}".strip() for s in sections
            if s.level == 1 and s.parent is None and s.kind == "heading"
            and s.label == "KHAC" and match_label(s.heading) is None]

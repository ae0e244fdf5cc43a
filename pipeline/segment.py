"""The section tree of a cleaned document (ANNOTATION §1), and look-ups into it.

`segment` returns every heading, numbered paragraph and list item as a `Section` with offsets
into the cleaned text; the contract's sections are those with `level` 1 or 2. Extractors use
`innermost` / `enclosing` to ask which section a span sits in (a target's period heading, the
"Tổ chức thực hiện" part, the numbered paragraph of an agency's duties).
"""

from __future__ import annotations

from collections.abc import Iterable

from pipeline.model import Section
from pipeline.sections.labels import match_label
from pipeline.sections.tree import build


def segment(text: str) -> list[Section]:
    """Sections of the cleaned `text`, in document order."""
    return build(text)


def contract_sections(sections: Iterable[Section]) -> list[Section]:
    """The headings the contract annotates: levels 1 and 2."""
    return [s for s in sections if s.level in (1, 2)]


def innermost(sections: list[Section], offset: int, kinds: Iterable[str] | None = None) -> (
        Section | None):
    """The deepest section whose span holds `offset` (optionally only of the given kinds)."""
    wanted = set(kinds) if kinds is not None else None
    best: Section | None = None
    for s in sections:
        inside = s.start <= offset < max(s.end, s.start + 1)
        if inside and (wanted is None or s.kind in wanted) and (best is None
                                                                or s.depth >= best.depth):
            best = s
    return best


def ancestors(sections: list[Section], sec: Section) -> list[Section]:
    """`sec` and its parents, innermost first."""
    out = [sec]
    while out[-1].parent is not None:
        out.append(sections[out[-1].parent])
    return out


def enclosing(sections: list[Section], offset: int, label: str) -> Section | None:
    """The outermost section labelled `label` around `offset` ("is this in Tổ chức thực hiện?")."""
    inner = innermost(sections, offset)
    if inner is None:
        return None
    hits = [s for s in ancestors(sections, inner) if s.label == label]
    return hits[-1] if hits else None


def unmatched_headings(sections: Iterable[Section]) -> list[str]:
    """Top-level titles no label pattern knows (labelled KHAC by default): grow the data file."""
    return [f"{s.number} {s.heading}".strip() for s in sections
            if s.level == 1 and s.parent is None and s.kind == "heading"
            and s.label == "KHAC" and match_label(s.heading) is None]

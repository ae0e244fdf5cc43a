"""The section tree with the look-ups stages ask of it.

"Which section holds this number?" (a target's period heading), "is this duty inside Tổ chức
thực hiện?", "which numbered paragraph owns this item?": one object answers, built once from the
segmenter's sections (document order, each with its parent's id).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Iterator

from pipeline.model.section import Section


class SectionTree:
    """Sections in document order, with parent links and position look-ups."""

    def __init__(self, sections: list[Section]):
        self.sections = sections
        self._starts = [s.start for s in sections]

    def __iter__(self) -> Iterator[Section]:
        return iter(self.sections)

    def __len__(self) -> int:
        return len(self.sections)

    def __bool__(self) -> bool:
        return bool(self.sections)

    def contract(self) -> list[Section]:
        """The headings the contract annotates: levels 1 and 2."""
        return [s for s in self.sections if s.level in (1, 2)]

    def innermost(self, offset: int, kinds: Iterable[str] | None = None) -> Section | None:
        """The deepest section whose span holds `offset` (optionally only of `kinds`)."""
        wanted = set(kinds) if kinds is not None else None
        best: Section | None = None
        for s in self.sections[:bisect_right(self._starts, offset)]:
            inside = s.start <= offset < max(s.end, s.start + 1)
            if inside and (wanted is None or s.kind in wanted) and (
                    best is None or s.depth >= best.depth):
                best = s
        return best

    def ancestors(self, sec: Section) -> list[Section]:
        """`sec` and its parents, innermost first."""
        out = [sec]
        while out[-1].parent is not None:
            out.append(self.sections[out[-1].parent])
        return out

    def enclosing(self, offset: int, label: str) -> Section | None:
        """The outermost section labelled `label` around `offset`."""
        inner = self.innermost(offset)
        if inner is None:
            return None
        hits = [s for s in self.ancestors(inner) if s.label == label]
        return hits[-1] if hits else None

    def sec_id_at(self, offset: int) -> int | None:
        """`sec_id` of the innermost section holding `offset`, None outside every section."""
        inner = self.innermost(offset)
        return inner.sec_id if inner else None

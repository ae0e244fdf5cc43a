"""Character offset maps and text edits that carry them.

Every stage that changes text does so through `apply_edits`, which returns the new text and a
map from each new character back to the old one. Maps compose, so any character of the cleaned
text can be traced to the ingested text and from there to a page and offset of the source.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Sequence
from dataclasses import dataclass


class OffsetMap:
    """Maps index i of a derived text to an index of its parent text.

    Holds len(text) + 1 entries: the last maps the end of the text, so half-open spans
    `[start, end)` always map.
    """

    __slots__ = ("_to",)

    def __init__(self, targets: Iterable[int]):
        self._to = array("l", targets)

    @classmethod
    def identity(cls, length: int) -> OffsetMap:
        """The map of a text onto itself."""
        return cls(range(length + 1))

    def __len__(self) -> int:
        return len(self._to)

    def __getitem__(self, index: int) -> int:
        return self._to[index]

    def __eq__(self, other: object) -> bool:
        return isinstance(other, OffsetMap) and self._to == other._to

    def compose(self, parent: OffsetMap) -> OffsetMap:
        """Map through `self` then through `parent` (child → self's parent → parent's parent)."""
        to = parent._to
        return OffsetMap(to[i] for i in self._to)

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Parent span covering the child span `[start, end)`."""
        if end <= start:
            return self._to[start], self._to[start]
        return self._to[start], self._to[end - 1] + 1


@dataclass(frozen=True)
class Edit:
    """Replace text[start:end] by `replacement`, for `reason`, with confidence `score`."""

    start: int
    end: int
    replacement: str
    reason: str
    score: float = 1.0


@dataclass(frozen=True)
class AppliedEdit:
    """An edit and where its replacement landed in the new text."""

    edit: Edit
    before: str
    new_start: int
    new_end: int


def select_edits(edits: Iterable[Edit]) -> list[Edit]:
    """Sorted, non-overlapping edits; when two overlap the earlier-starting (then longer) wins."""
    chosen: list[Edit] = []
    last_end = -1
    for e in sorted(edits, key=lambda e: (e.start, -(e.end - e.start), -e.score)):
        if e.start < last_end or (e.start == last_end and e.end == e.start and chosen
                                  and chosen[-1].end == chosen[-1].start == e.start):
            continue
        chosen.append(e)
        last_end = max(last_end, e.end)
    return chosen


def apply_edits(
    text: str, edits: Sequence[Edit]
) -> tuple[str, OffsetMap, array, list[AppliedEdit]]:
    """Apply non-overlapping edits; return new text, back map, forward map and placements.

    The back map sends each new character to the old character it came from (a replacement's
    k-th character to the k-th replaced one, clamped); the forward map sends each old index to
    its new index (a deleted character to where its replacement starts).
    """
    pieces: list[str] = []
    back = array("l")
    fwd = array("l", bytes(8 * (len(text) + 1)))
    applied: list[AppliedEdit] = []
    pos = 0
    out_len = 0
    for e in select_edits(edits):
        keep = text[pos:e.start]
        pieces.append(keep)
        back.extend(range(pos, e.start))
        fwd[pos:e.start] = array("l", range(out_len, out_len + len(keep)))
        out_len += len(keep)
        width = e.end - e.start
        for k in range(width):
            fwd[e.start + k] = out_len + min(k, max(len(e.replacement) - 1, 0))
        pieces.append(e.replacement)
        if width:
            back.extend(e.start + min(k, width - 1) for k in range(len(e.replacement)))
        else:
            back.extend(e.start for _ in e.replacement)
        applied.append(AppliedEdit(e, text[e.start:e.end], out_len, out_len + len(e.replacement)))
        out_len += len(e.replacement)
        pos = e.end
    tail = text[pos:]
    pieces.append(tail)
    back.extend(range(pos, len(text)))
    fwd[pos:len(text)] = array("l", range(out_len, out_len + len(tail)))
    out_len += len(tail)
    back.append(len(text))
    fwd[len(text)] = out_len
    return "".join(pieces), OffsetMap(back), fwd, applied

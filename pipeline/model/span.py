"""One span type for every mention a stage finds: agency, deadline, year, number, cue.

As in spaCy, spans live in named groups on the document (`Document.spans["agency"]`), carry
offsets into the cleaned text and a small dictionary of attributes ("canonical" for an agency,
"due_end" for a deadline), and overlaps are resolved once, by `longest_first`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType


@dataclass(frozen=True)
class Span:
    """`text[start:end]` is a mention labelled `label` with its `attrs`."""

    start: int
    end: int
    label: str
    attrs: Mapping[str, object] = field(default_factory=lambda: MappingProxyType({}))

    def get(self, key: str, default: object = None) -> object:
        """An attribute, or `default`."""
        return self.attrs.get(key, default)

    def overlaps(self, other: Span) -> bool:
        """True if the two spans share a character."""
        return self.start < other.end and other.start < self.end


def make_span(start: int, end: int, label: str, **attrs: object) -> Span:
    """A span with read-only attributes."""
    return Span(start, end, label, MappingProxyType(dict(attrs)))


def longest_first(spans: Iterable[Span]) -> list[Span]:
    """Non-overlapping spans, longer ones winning, in text order (spaCy's filter_spans)."""
    chosen: list[Span] = []
    for s in sorted(spans, key=lambda s: (-(s.end - s.start), s.start)):
        if not any(s.overlaps(c) for c in chosen):
            chosen.append(s)
    return sorted(chosen, key=lambda s: (s.start, s.end))


def within(spans: Iterable[Span], start: int, end: int) -> list[Span]:
    """The spans lying inside `[start, end)`, in text order."""
    return [s for s in spans if start <= s.start and s.end <= end]

"""Cleaning step: layout. Undo what pages, PDF export and markdown did to the running text.

Operations, each an edit with its reason: "markdown" (`**` emphasis), "page number",
"running header", "signature stamp" (lines removed), "line join", "stray line-end
punctuation", "hyphenation" (lines joined), "restored break" (a document that lost its line
breaks), "stray line-start punctuation" (". DANH MỤC" after OCR). Everything else passes
through untouched; the decisions live in `pagination`,
`joins` and `breaks`, the data in `pipeline/data/layout.yaml`.
"""

from __future__ import annotations

from bisect import bisect_left

import regex

from pipeline.clean import blocks, breaks, joins, pagination
from pipeline.clean.context import StepInput
from pipeline.clean.lines import Line, split_lines
from pipeline.offsets import Edit

_MARKDOWN = regex.compile(r"\*\*")
_LEADING_DOT = regex.compile(r"^\s*[.,·]\s+(?=\p{Lu})")


def markdown_edits(text: str) -> list[Edit]:
    """Remove markdown bold markers `**`: the source's emphasis, not its words."""
    return [Edit(m.start(), m.end(), "", "markdown") for m in _MARKDOWN.finditer(text)]


def leading_dot_edits(lines: list[Line]) -> list[Edit]:
    """Drop a "." or "," that OCR put before a line's first word (". DANH MỤC …")."""
    out = []
    for ln in lines:
        m = _LEADING_DOT.match(ln.text)
        if m:
            out.append(Edit(ln.start + m.start(), ln.start + m.end(), "",
                            "stray line-start punctuation"))
    return out


def removed_lines(lines: list[Line]) -> dict[int, str]:
    """Line index -> reason, for every line of page furniture."""
    pages = pagination.page_number_lines(lines)
    out = {i: "page number" for i in pages}
    for i in pagination.running_header_lines(lines, pages):
        out.setdefault(i, "running header")
    for i in pagination.stamp_lines(lines):
        out.setdefault(i, "signature stamp")
    return out


def _removal(line: Line, text_len: int, reason: str) -> Edit:
    end = line.end + 1 if line.end < text_len else line.end
    return Edit(line.start, end, "", reason)


def _split_join(join: Edit, removed: list[Edit]) -> list[Edit]:
    """The join edit cut around removed lines inside its span (which keep their own reason)."""
    inside = [r for r in removed if join.start <= r.start and r.end <= join.end]
    if not inside:
        return [join]
    out: list[Edit] = []
    pos, first = join.start, True
    for r in sorted(inside, key=lambda e: e.start):
        if r.start > pos:
            out.append(Edit(pos, r.start, join.replacement if first else "", join.reason))
            first = False
        pos = r.end
    if join.end > pos:
        out.append(Edit(pos, join.end, join.replacement if first else "", join.reason))
    elif first:
        # nothing of the gap is left to carry the joining space: put it where the gap ends
        out.append(Edit(join.end, join.end, join.replacement, join.reason))
    return out


def _breaks_between(known: list[int], start: int, end: int) -> bool:
    """True if a line break the source made lies in `[start, end)`."""
    i = bisect_left(known, start)
    return i < len(known) and known[i] < end


def line_edits(text: str, lines: list[Line], known: set[int] | frozenset = frozenset()
               ) -> list[Edit]:
    """Removals of page furniture and joins of lines that run on, never across a line break
    the source made (`known`: offsets of those breaks)."""
    gone = removed_lines(lines)
    removals = {i: _removal(lines[i], len(text), why) for i, why in gone.items()}
    out = list(removals.values())
    wrap = joins.measure_wrap(lines)
    breaks_sorted = sorted(known)
    kept = [ln for ln in lines if not ln.blank and ln.index not in gone]
    for a, b in zip(kept, kept[1:], strict=False):
        blanks = sum(1 for k in range(a.index + 1, b.index)
                     if k not in gone and lines[k].blank)
        join = joins.join_edit(a, b, blanks, wrap, text)
        if join is None or (_breaks_between(breaks_sorted, a.end, b.start)
                            and not joins.continues_lowercase(b)):
            continue
        between = [removals[k] for k in range(a.index + 1, b.index) if k in removals]
        out.extend(_split_join(join, between))
    return out


def edits(text: str, given: StepInput | None = None) -> list[Edit]:
    """Edits this step proposes for `text` (non-overlapping, in any order)."""
    lines = split_lines(text)
    known = blocks.known_breaks(text, given.layout) if given else frozenset()
    out = markdown_edits(text)
    numbering = breaks.State()  # one document: its numbers run on from page to page
    for ln in lines:
        if breaks.needs_breaks(ln):
            out.extend(breaks.restore_breaks(ln, numbering))
    out.extend(line_edits(text, lines, known))
    out.extend(leading_dot_edits(lines))
    return out

"""The title text of a heading: continuation lines, an article's first sentence, an appendix's
title line. Returns the title and the offset where the heading ends in the text.
"""

from __future__ import annotations

import regex

from pipeline.clean.lines import Line, is_table_row, starts_lower
from pipeline.segment.shapes import shapes_of

_FIRST_SENTENCE = regex.compile(r"^(.*?)(?:\s*[.:](?:\s*/\.)?(?=\s|$)|$)")
_TRAILING = regex.compile(r"[\s:]+$")
MAX_CONTINUATION = 2


def clean_title(s: str) -> str:
    """Whitespace collapsed, a trailing ":" dropped."""
    return _TRAILING.sub("", " ".join(s.split()))


def _next_lines(lines: list[Line], i: int, limit: int) -> list[Line]:
    """Up to `limit` non-blank lines after line `i` (stops at a blank line)."""
    out: list[Line] = []
    k = i + 1
    while k < len(lines) and len(out) < limit and not lines[k].blank:
        out.append(lines[k])
        k += 1
    return out


def continued_title(lines: list[Line], i: int, rest: str) -> tuple[str, int]:
    """A numbered title broken over lines: lower-case continuation lines are part of it."""
    end = lines[i].content_end
    title = rest
    for nxt in _next_lines(lines, i, MAX_CONTINUATION):
        s = nxt.stripped
        if title.rstrip().endswith((":", ".", ";")) or is_table_row(nxt):
            break
        if not starts_lower(s) or shapes_of(s):
            break
        title, end = f"{title} {s}", nxt.content_end
    return clean_title(title), end


def article_title(lines: list[Line], i: int, rest: str) -> tuple[str, int]:
    """An article's title, or for an untitled one ("Điều 1. Ban hành …") its first sentence."""
    line = lines[i]
    if not rest:
        nxt = _next_lines(lines, i, 1)
        if nxt and not shapes_of(nxt[0].stripped):
            return clean_title(nxt[0].stripped), nxt[0].content_end
        return "", line.content_end
    first = _FIRST_SENTENCE.match(rest).group(1)
    start = line.text.find(rest)
    end = line.start + start + len(first) if start >= 0 else line.content_end
    return clean_title(first), end


def _opens_block(s: str) -> bool:
    """True if `s` opens a heading or item of its own (a list title is not one here)."""
    return any(sh.kind != "annex_title" for sh in shapes_of(s))


def appendix_title(lines: list[Line], i: int, rest: str) -> tuple[str, int]:
    """An appendix title: on the "PHỤ LỤC" line itself or on the line(s) below it."""
    if rest:
        return clean_title(rest), lines[i].content_end
    parts: list[str] = []
    end = lines[i].content_end
    for nxt in _next_lines(lines, i, MAX_CONTINUATION):
        s = nxt.stripped
        if s.startswith("(") or is_table_row(nxt) or _opens_block(s):
            break
        parts.append(s)
        end = nxt.content_end
    return clean_title(" ".join(parts)), end

"""The title text of a heading: continuation lines, an article's first sentence, an appendix's
title line. Returns the title and the offset where the heading ends in the text.
"""

from __future__ import annotations

import regex

from pipeline.segment.shapes import shapes_of
from pipeline.vi.lines import Line, is_table_row, starts_lower

_FIRST_SENTENCE = regex.compile(r"^(.*?)(?:\s*(?:\.(?:\s*/\.)?(?=\s|$)|:\s*$)|$)")
_TRAILING = regex.compile(r"[\s:]+$")
MAX_CONTINUATION = 2


def clean_title(s: str) -> str:
    """Whitespace collapsed, a trailing ":" dropped."""
    return _TRAILING.sub("", " ".join(s.split()))


def _next_lines(lines: list[Line], i: int, limit: int, skip_blank: bool = False) -> list[Line]:
    """Up to `limit` non-blank lines after line `i`, stopping at a blank line (`skip_blank`:
    past one blank line right after line `i`, where a part's or appendix's title sits)."""
    out: list[Line] = []
    k = i + 1
    if skip_blank and k < len(lines) and lines[k].blank:
        k += 1
    while k < len(lines) and len(out) < limit and not lines[k].blank:
        out.append(lines[k])
        k += 1
    return out


def _capitals(s: str) -> bool:
    """True for a line of capitals ("THỰC HIỆN", "PHÒNG, CHỐNG THIÊN TAI GIAI ĐOẠN 2021 - 2025")."""
    letters = [c for c in s if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


_JOINERS = ("-", "–", ",")
# fewer than `connectors()`: a title may end on "ra", "có", "được" ("NHỮNG VẤN ĐỀ ĐẶT RA")
_JOINING_WORDS = {"và", "đến", "của", "về", "giai"}


def _cut_after_joiner(title: str) -> bool:
    """True when a title line stops on a word or mark that needs more after it: a line width
    cut "… GIAI ĐOẠN 2021 -" / "2025" or "… VÀ" / "Đào tạo" mid-phrase."""
    stripped = title.rstrip()
    words = stripped.split()
    return bool(words) and (stripped.endswith(_JOINERS) or words[-1].lower() in _JOINING_WORDS)


def continued_title(lines: list[Line], i: int, rest: str) -> tuple[str, int]:
    """A numbered title broken over lines: lower-case continuation lines are part of it, and so
    are lines of capitals under a title in capitals ("IV. TỔ CHỨC" / "THỰC HIỆN", a web copy
    that bolds each line of a heading), and whatever line follows a title cut after a joiner
    ("GIAI ĐOẠN 2021 -" / "2025")."""
    end = lines[i].content_end
    title = rest
    for nxt in _next_lines(lines, i, MAX_CONTINUATION):
        s = nxt.stripped
        if title.rstrip().endswith((":", ".", ";")) or is_table_row(nxt) or _opens_block(s):
            break
        if not (starts_lower(s) or _capitals(title) and _capitals(s) or _cut_after_joiner(title)):
            break
        title, end = f"{title} {s}", nxt.content_end
    return clean_title(title), end


def runs_on_below(lines: list[Line], i: int) -> str:
    """The line after a numbered line ending in ":" when it goes on in lower case: "2. Sở Văn
    hóa và Thể thao:" / "chủ trì tổ chức …" is one sentence a hard line break cut."""
    nxt = _next_lines(lines, i, 1)
    if (nxt and lines[i].stripped.endswith(":") and starts_lower(nxt[0].stripped)
            and not shapes_of(nxt[0].stripped)):  # "a) …" below opens an item, not more words
        return nxt[0].stripped
    return ""


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
    if first == rest.rstrip():  # no sentence end on the line: a hard break cut the sentence
        for nxt in _next_lines(lines, i, MAX_CONTINUATION):
            if shapes_of(nxt.stripped) or is_table_row(nxt):
                break
            more = _FIRST_SENTENCE.match(nxt.stripped).group(1)
            first, end = f"{first} {more}", nxt.start + nxt.text.find(more) + len(more)
            if more != nxt.stripped.rstrip():
                break
    return clean_title(first), end


def _opens_block(s: str) -> bool:
    """True if `s` opens a heading or item of its own (a list title is not one here)."""
    return any(sh.kind != "annex_title" for sh in shapes_of(s))


def appendix_title(lines: list[Line], i: int, rest: str,
                   numbered: bool = False) -> tuple[str, int]:
    """An appendix's or a part's title: on its own line or on the line(s) below it; below a
    numbered one ("PHỤ LỤC I", "Phần II") also after a blank line. A single "PHỤ LỤC" with
    its list's title a blank line below stays "PHỤ LỤC", as the development set's annotators
    wrote it three times in four."""
    if rest:
        return clean_title(rest), lines[i].content_end
    parts: list[str] = []
    end = lines[i].content_end
    for nxt in _next_lines(lines, i, MAX_CONTINUATION, skip_blank=numbered):
        s = nxt.stripped
        if s.startswith("(") or is_table_row(nxt) or _opens_block(s):
            break
        parts.append(s)
        end = nxt.content_end
    return clean_title(" ".join(parts)), end

"""Give back the line breaks of a document that lost them all (one line of many pages).

Breaks go before headings and list items, but only where the context says a new block starts:
after a sentence end, or straight after a title that has not ended yet ("I. MỤC TIÊU 1. Mục
tiêu chung"), and only when numbers and letters follow on (1 then 2, a then b), so that
"mức độ 3, 4", "ngày 14/10/2015", "1.000" or "36a/NQ-CP" never break.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import regex

from pipeline.clean.lines import Line, layout_data
from pipeline.offsets import Edit

LONG_LINE = 2000
TITLE_MAX = 200  # a title longer than this has run into its body
LETTERS = "abcdđefghiklmnopqrstuvxy"

_CANDIDATE = regex.compile(
    r"(?<=\s)(?:"
    r"(?P<roman>[IVX]{1,4})\.\s+(?=\p{Lu}{2})"
    r"|(?P<arabic>\d{1,2}(?:\.\d{1,2})*)\.\s+(?=\p{Lu})"
    r"|(?P<letter>[a-zđ])\)\s+(?=\p{Lu})"
    r"|(?P<bullet>[-+])\s+(?=\p{Lu})"
    r"|(?P<dieu>Điều\s+\d+)[.:]\s"
    r"|(?P<phuluc>PHỤ LỤC)\b"
    r"|(?P<annex_note>\((?:Ban hành )?[Kk]èm theo)"
    r"|(?P<recipients>Nơi nhận:)"
    r")"
)
_SENTENCE_END = regex.compile(r"[.;:!?)]\s*$")


@dataclass
class State:
    """What has been broken so far: the running numbers and letters, and the open title."""

    arabic: dict[int, int] = field(default_factory=dict)  # depth -> last number
    letter: int = -1
    title_open: bool = False
    title_start: int = 0
    annex_open: bool = False


def _openers() -> regex.Pattern:
    words = "|".join(regex.escape(w) for w in layout_data()["sentence_openers"])
    return regex.compile(rf"(?<=\p{{Ll}}[\p{{Ll}}\d]*\s+)(?:{words})\b")


def _accept(m: regex.Match, line: str, st: State) -> bool:
    """Decide whether candidate `m` starts a new block, updating the numbering state."""
    before = line[max(0, m.start() - 3):m.start()]
    after_end = bool(_SENTENCE_END.search(before))
    in_title = (st.title_open and m.start() - st.title_start <= TITLE_MAX
                and not regex.search(r"[.;:!?]", line[st.title_start:m.start()]))
    kind = m.lastgroup
    if kind == "roman":
        ok = after_end or in_title
        if ok:
            st.arabic.clear()
            st.letter = -1
        return ok
    if kind == "arabic":
        parts = [int(p) for p in m.group("arabic").split(".")]
        depth = len(parts)
        expected = {1, st.arabic.get(depth, 0) + 1}
        ok = (after_end or in_title) and parts[-1] in expected
        if ok:
            st.arabic[depth] = parts[-1]
            for d in [d for d in st.arabic if d > depth]:
                del st.arabic[d]
            st.letter = -1
        return ok
    if kind == "letter":
        idx = LETTERS.index(m.group("letter"))
        ok = (after_end or in_title) and (idx == 0 or 0 < idx - st.letter <= 2)
        if ok:
            st.letter = idx
        return ok
    if kind in ("bullet", "dieu"):
        return after_end
    if kind == "annex_note":
        return st.annex_open
    return True


def _break_at(line: Line, pos: int, reason: str = "restored break") -> Edit:
    """Replace the blanks before `pos` (in the line's text) by one newline."""
    ws = pos
    while ws > 0 and line.text[ws - 1] in " \t":
        ws -= 1
    return Edit(line.start + ws, line.start + pos, "\n", reason)


def _title_split(line: Line, m_end: int, limit: int, openers: regex.Pattern) -> int | None:
    """Where a numbered title runs into its first sentence ("3. Sở Nội vụ Chủ trì, …")."""
    seg = line.text[m_end:limit]
    if regex.search(r"[.;:!?]", seg):
        seg = seg[:regex.search(r"[.;:!?]", seg).start()]
    o = openers.search(seg)
    if o and o.start() <= TITLE_MAX:
        return m_end + o.start()
    return None


def restore_breaks(line: Line, st: State | None = None) -> list[Edit]:
    """Breaks to insert into one very long line that holds a whole document (or a page of it:
    `st` carries the running numbers from the lines before, as a PDF of such a document
    gives one such line per page)."""
    st = st if st is not None else State()
    openers = _openers()
    accepted: list[tuple[int, int, str]] = []
    for m in _CANDIDATE.finditer(line.text):
        if _accept(m, line.text, st):
            kind = m.lastgroup
            accepted.append((m.start(), m.end(), kind))
            st.title_open = kind in ("roman", "arabic", "phuluc", "dieu")
            st.title_start = m.end()
            st.annex_open = kind == "phuluc"
    out: list[Edit] = []
    for k, (pos, body, kind) in enumerate(accepted):
        out.append(_break_at(line, pos))
        if kind == "arabic":
            limit = accepted[k + 1][0] if k + 1 < len(accepted) else len(line.text)
            split = _title_split(line, body, limit, openers)
            if split is not None:
                out.append(_break_at(line, split))
    return out


def needs_breaks(line: Line) -> bool:
    """A line long enough to be a whole document whose breaks were lost."""
    return len(line.text) > LONG_LINE

"""Give back the line breaks of a document that lost them all (one line of many pages).

Breaks go before headings and list items, but only where the context says a new block starts:
after a sentence end, or straight after a title that has not ended yet ("I. MỤC TIÊU 1. Mục
tiêu chung"), and only when numbers and letters follow on (1 then 2, a then b), so that
"mức độ 3, 4", "ngày 14/10/2015", "1.000" or "36a/NQ-CP" never break.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import regex

from pipeline.clean.config import LayoutConfig
from pipeline.clean.context import CleanContext
from pipeline.offsets import Edit
from pipeline.vi.lines import Line, sentence_openers, split_lines

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
    title_max: int = 200  # a title longer than this has run into its body


def _openers() -> regex.Pattern:
    words = "|".join(regex.escape(w) for w in sentence_openers())
    return regex.compile(rf"(?<=\p{{Ll}}[\p{{Ll}}\d]*\s+)(?:{words})\b")


def _accept(m: regex.Match, line: str, st: State) -> bool:
    """Decide whether candidate `m` starts a new block, updating the numbering state."""
    before = line[max(0, m.start() - 3):m.start()]
    after_end = bool(_SENTENCE_END.search(before))
    in_title = (st.title_open and m.start() - st.title_start <= st.title_max
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


def _title_split(line: Line, m_end: int, limit: int, openers: regex.Pattern,
                 title_max: int) -> int | None:
    """Where a numbered title runs into its first sentence ("3. Sở Nội vụ Chủ trì, …")."""
    seg = line.text[m_end:limit]
    if regex.search(r"[.;:!?]", seg):
        seg = seg[:regex.search(r"[.;:!?]", seg).start()]
    o = openers.search(seg)
    if o and o.start() <= title_max:
        return m_end + o.start()
    return None


def restore_breaks(line: Line, st: State | None = None) -> list[Edit]:
    """Breaks to insert into one very long line that holds a whole document (or a page of it:
    `st` carries the running numbers from the lines before, as a PDF of such a document
    gives one such line per page; a new `State` has the default title length)."""
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
            split = _title_split(line, body, limit, openers, st.title_max)
            if split is not None:
                out.append(_break_at(line, split))
    return out


def needs_breaks(line: Line, cfg: LayoutConfig) -> bool:
    """A line long enough to be a whole document whose breaks were lost."""
    return len(line.text) > cfg.long_line


_ORPHAN_MARKER = regex.compile(r"\s(?:(?P<roman>[IVX]{1,4})|(?P<arabic>\d{1,2}))\.[ \t]*$")


def _orphan_marker(ln: Line, nxt: Line | None, st: State) -> list[Edit]:
    """A heading's marker the page wrapped onto the end of a paragraph ("… như sau: I." then
    "MỤC TIÊU 1. Mục tiêu chung …" on the next line, in a typeset or scanned copy of a
    document that had lost its breaks): the marker starts a line of its own and its title
    follows it on that line; the title stays open for the next line's numbering."""
    m = _ORPHAN_MARKER.search(ln.text)
    if m is None or nxt is None or not regex.match(r"\p{Lu}{2}", nxt.text.lstrip()):
        return []
    before = ln.text[max(0, m.start() - 3):m.start() + 1]
    if not _SENTENCE_END.search(before):
        return []
    if m.group("roman"):
        st.arabic.clear()
        st.letter = -1
    elif int(m.group("arabic")) not in {1, st.arabic.get(1, 0) + 1}:
        return []
    else:
        st.arabic = {1: int(m.group("arabic"))}
        st.letter = -1
    st.title_open, st.title_start = True, 0
    return [_break_at(ln, m.start() + 1, "restored break: heading marker wrapped to a line end"),
            Edit(ln.end, nxt.start, " ", "restored break: heading marker joined to its title")]


def edits(text: str, ctx: CleanContext) -> list[Edit]:
    """Breaks restored in lines long enough to hold a whole document (or a page of one). Run
    after the layout step: a scan or PDF of such a document reaches its one long line only
    once its wrapped lines are joined. The numbering runs on from line to line."""
    cfg = ctx.config.layout
    numbering = State(title_max=cfg.title_max)
    out: list[Edit] = []
    lines = split_lines(text)
    lost = False
    for i, ln in enumerate(lines):
        lost = lost or needs_breaks(ln, cfg)
        if lost and len(ln.text) > cfg.piece_line:
            out.extend(restore_breaks(ln, numbering))
            numbering.title_open &= numbering.title_start > 0  # an orphan's title ends here
            out.extend(_orphan_marker(ln, lines[i + 1] if i + 1 < len(lines) else None,
                                      numbering))
    return out

"""Bodies described rather than named, where a plan asks them to act (ANNOTATION §3: "associations
or businesses asked to act"): "Các doanh nghiệp hoạt động trong lĩnh vực xây dựng, giao thông,
vận tải, logistics và công nghệ thông tin trên địa bàn Tỉnh", "Doanh nghiệp, nhà cung cấp dịch
vụ IoT, nhà đầu tư", "các nhà đầu tư trong các khu công nghệ cao, khu công nghiệp, cụm công
nghiệp".

A description is read only where an agency stands: at the start of a line or cell, after a list
marker, after a role or request cue ("phối hợp với", "đề nghị"), after an invitation that opens
its line ("Khuyến khích …"), or in a list of agencies. Elsewhere "các doanh nghiệp" is whom a
duty serves, not who does it. It runs to the end of its clause: a line break, punctuation other
than "," and "-", a role cue, a function word (those of `groups.inner` stay inside), another
body, or a clause verb that no place or role cue follows. Its canonical name is the description
as written, with a capital first letter and without its trailing place ("trên địa bàn Tỉnh").
"""

from __future__ import annotations

import regex

from extractors.mentions.agency.canonical import sentence_case, written
from extractors.mentions.agency.engine import Scan
from extractors.mentions.agency.lexicon import Lexicon
from extractors.mentions.agency.local import Body
from extractors.mentions.agency.places import place_at, starts_body

_MARKER = regex.compile(r"(?:^|[\n\t|])[ \t*]*(?:[-+•*]|\d+(?:\.\d+)*[.)]?|[a-zđ][.)]|[IVXLC]+\.)?"
                        r"[ \t*]*:?[ \t*]*$")
LINE_BACK = 24
CUE_BACK = 6


def _cue_before(scan: Scan, i: int, category: str) -> int | None:
    """Start of a cue of `category` that ends right before token `i` (a comma or colon may
    follow it), or None."""
    j = i - 1 if i > 0 and scan.words[i - 1] in (",", ":") else i
    for k in range(max(0, j - CUE_BACK), j):
        if any(end == j for end, _ in scan.all_at(category, k)):
            return k
    return None


def _line_start(scan: Scan, i: int) -> bool:
    """Token `i` opens a line or cell, maybe after a list marker ("7.", "a)", "-")."""
    if i == 0:
        return True
    start = scan.starts[i]
    return bool(_MARKER.search(scan.text, max(0, start - LINE_BACK), start))


def agent_position(scan: Scan, i: int, ends: set[int]) -> bool:
    """True where an agency stands at token `i` (module docstring): at a line's start, after
    a role cue, after an invitation that opens its line ("Khuyến khích …", "Đề nghị: …"; in
    mid-sentence "khuyến khích các doanh nghiệp" is a duty's object), or in a list of agencies.
    `ends` holds the token ends of the mentions found so far."""
    if _line_start(scan, i):
        return True
    if scan.lower[i - 1] in (",", "và", ";") and (i - 1) in ends:
        return True
    if _cue_before(scan, i, "ROLE") is not None:
        return True
    invite = _cue_before(scan, i, "INVITE")
    return invite is not None and _line_start(scan, invite)


def _group_start(scan: Scan, i: int, lex: Lexicon) -> int | None:
    """End of the determiner and group noun at token `i` ("các doanh nghiệp"), or None. A group
    noun that makes a longer word with the next syllable is none ("Trường hợp", "hội viên"),
    nor is one printed in capitals (a letterhead's "XÃ HỘI")."""
    det = scan.at("DET", i)
    j = det[0] if det else i
    hit = scan.at("GROUP", j)
    if not hit or (not det and not scan.cap(i)) or scan.words[j].isupper():
        return None
    end = hit[0]
    if scan.is_word(end) and f"{scan.lower[end - 1]} {scan.lower[end]}" in lex.words:
        return None
    return end


def _soft_inside(scan: Scan, i: int, lex: Lexicon) -> bool:
    """A clause verb inside a description: a place, a role cue or the end of the line comes
    before any word that would end it ("… hoạt động trong lĩnh vực xây dựng, giao thông …")."""
    j = i + 1
    while j < len(scan) and j < i + 3 * lex.lookahead:
        if scan.breaks_line(j) or scan.at("AREA", j) or scan.at("ROLE", j):
            return True
        if scan.at("SOFT", j) and not scan.at("GROUP", j) or starts_body(scan, j):
            return False
        if scan.at("HARD", j) and scan.lower[j] not in lex.group_inner:
            return False
        if not scan.is_word(j) and scan.words[j] not in (",", "-"):
            return scan.words[j] in (";", ".", ":")
        j += 1
    return j >= len(scan)


def _group_end(scan: Scan, j: int, lex: Lexicon) -> tuple[int, int]:
    """(end of the description's words, end of the mention with its trailing place)."""
    core = j
    limit = j + lex.group_max_words
    while j < min(len(scan), limit):
        if scan.breaks_line(j) or starts_body(scan, j) or scan.at("ROLE", j):
            break
        area = scan.at("AREA", j)
        if area:
            place = place_at(scan, area[0], lex)
            return core, place.end if place else area[0]
        group = scan.at("GROUP", j) or scan.at("DET", j)
        if group:
            j = core = group[0]
            continue
        word = scan.words[j]
        if word in (",", "-", "&") or scan.lower[j] == "và":
            j += 1
            continue
        if not scan.is_word(j) or word[0].isdigit():
            break
        if scan.at("HARD", j) and scan.lower[j] not in lex.group_inner:
            break
        soft = scan.at("SOFT", j)
        if soft and not _soft_inside(scan, j, lex):
            break
        j = core = soft[0] if soft else j + 1
    return core, core


def group_bodies(scan: Scan, lex: Lexicon, taken: list[Body]) -> list[Body]:
    """The described bodies of `scan` at agent positions, outside the spans in `taken`."""
    covered = {k for b in taken for k in range(b.start, b.end)}
    ends = {b.end for b in taken}
    out: list[Body] = []
    last = 0
    for i in sorted(set(scan.found["GROUP"]) | set(scan.found["DET"])):
        head_end = None if i < last or i in covered else _group_start(scan, i, lex)
        if head_end is None or not agent_position(scan, i, ends):
            continue
        core, end = _group_end(scan, head_end, lex)
        name = sentence_case(written(scan.span_text(i, core)))
        out.append(Body(i, end, (name,), "collective"))
        ends.add(end)
        last = end
    return out

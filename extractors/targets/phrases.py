"""The words around a number: comparator and kind before it, indicator after or before it.

Plans state a target in three shapes, and the indicator sits in a different place in each:
"30% dịch vụ công …" (after the number), "Tỷ lệ văn bản … đến năm 2020 đạt 100%" (a subject
before it), and "đường truyền cáp quang đến 100% xã" (a lead-in before a preposition).
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from extractors.targets.cues import comparator_res, cue_re, cues, fold, words_re

MAX_TAIL = 170
TAIL_CUT = regex.compile(  # a short "(VNeID)" stays inside the indicator, a long note ends it
    r"[;:\t\[]|(?<!\([^()\n]{0,15})\)|\((?![^()\n]{1,15}\))|\.\s|\.$|\s[–—]\s"
    r"|\n(?!\s*\p{Ll})"
)
CONNECTOR_END = regex.compile(r"(?:[\s,.\-]|\b(?:và|hoặc|trong đó|đồng thời|với)\b)+$", regex.I)
YEAR_CUT = regex.compile(
    r"(?:,\s*)?(?:\b(?:và|đạt)\s+)?\b(?:(?:đến|vào|trong|tới)\s+)?(?:hết\s+|cuối\s+)?năm\s+(?:19|20)\d\d"
    r"|,\s*(?:đến|vào)\b|\s+đạt\s*$|\s+so\s+với\b",
    regex.I,
)
MARKER = regex.compile(r"^[\s\-+•*–]*(?:[a-zđ0-9]{1,3}[).](?!\d)\s*)?", regex.I)


@dataclass
class Lead:
    """What precedes a number: its comparator, kind, and where the target's words begin."""

    comparator: str
    kind: str
    start: int


def _comparator(text: str, start: int) -> tuple[str, int]:
    before = text[max(0, start - 30) : start]
    best = ("=", start, 0)
    for comp, plain, folded in comparator_res():
        m = plain.search(before) or folded.search(fold(before))
        if m and m.end() - m.start() > best[2]:
            best = (comp, start - (len(before) - m.start()), m.end() - m.start())
    return best[0], best[1]


def lead_of(text: str, start: int, end: int) -> Lead:
    """Comparator and kind cues right before the number at `start` (number ends at `end`)."""
    comp, cstart = _comparator(text, start)
    before = text[max(0, cstart - 30) : cstart]
    tu = regex.search(r"(?<!\w)từ\s*$", before, regex.I)
    after_num = text[end : end + 14]
    if cue_re("at_least_after", at_start=True).match(after_num) and comp == "=":
        comp = ">="
    if tu:
        cstart -= len(before) - tu.start()
        before = before[: tu.start()]
    kind = "level"
    for name in ("increase", "decrease"):
        m = cue_re_kind(name).search(before)
        if m:
            kind, cstart = name, cstart - (len(before) - m.start())
            break
    return Lead(comp, kind, cstart)


def cue_re_kind(name: str) -> regex.Pattern:
    """Regex for the kind cue list `name`, anchored at the end of a lead-in."""
    from extractors.targets.cues import words_re

    return words_re(cues()["kinds"][name], at_end=True)


def tail_end(text: str, start: int, limit: int) -> int:
    """End of the indicator phrase that starts at `start` (never past `limit`)."""
    limit = min(limit, start + MAX_TAIL)
    chunk = text[start:limit]
    cut = TAIL_CUT.search(chunk)
    end = cut.start() if cut else len(chunk)
    year = YEAR_CUT.search(chunk, 0, end)
    if year:
        end, cut = year.start(), year
    stop = regex.search(r",\s*" + cue_re("tail_stops").pattern, chunk[:end], regex.I)
    if stop:
        end = stop.start()
    if not cut and limit == start + MAX_TAIL:
        space = chunk.rfind(" ", 0, end)
        end = space if space > 0 else end
    trimmed = CONNECTOR_END.sub("", chunk[:end])
    return start + len(trimmed)


def indicator_after(text: str, start: int, end: int) -> str:
    """The indicator phrase in `text[start:end]`, '' if the number's noun is elsewhere."""
    phrase = text[start:end].strip().lstrip("/").strip()
    if cue_re("indicator_not_start", at_start=True).match(phrase) or len(phrase.split()) < 2:
        return ""
    if not regex.match(r"\w", phrase):
        return ""
    return cue_re("indicator_drop_heads", at_start=True).sub("", phrase, count=1).strip()


def subject_before(text: str, sent_start: int, start: int) -> tuple[int, int, int] | None:
    """(start, end, head start) of a "Tỷ lệ …" subject before the number in its sentence,
    else None; the head noun phrase starts after "Tỷ lệ"."""
    heads = list(cue_re("subject_heads").finditer(text, sent_start, start))
    heads = [h for h in heads if h.group().lower() in ("tỷ lệ", "tỉ lệ", "số lượng", "tỷ trọng")]
    if not heads:
        return None
    h = heads[-1]
    stop = cue_re("subject_stops").search(text, h.end(), start)
    end = stop.start() if stop else start
    end = h.end() + len(CONNECTOR_END.sub("", text[h.end() : end]))
    return (h.start(), end, h.end()) if end > h.end() + 3 else None


def lead_phrase(text: str, sent_start: int, start: int) -> tuple[int, int]:
    """(start, end) of the clause before the number ("cung cấp đường truyền cáp quang")."""
    seg = text[sent_start:start]
    cut = max(seg.rfind(","), seg.rfind(";"), seg.rfind(":"))
    s = sent_start + cut + 1 if cut >= 0 else sent_start
    s += len(MARKER.match(text[s:start]).group())
    prep = regex.search(r"\s" + cue_re("lead_prepositions").pattern + r"\s*$", text[s:start])
    e = s + prep.start() if prep else start
    return s, e


def clause_start(text: str, sent_start: int, pos: int) -> int:
    """Start of the clause holding `pos`: after the last ";" or ":" of its sentence (commas
    stay inside: "đào tạo, tập huấn … cho 100% cán bộ" is one clause), list marker skipped."""
    cut = max(text.rfind(";", sent_start, pos), text.rfind(":", sent_start, pos))
    s = cut + 1 if cut >= 0 else sent_start
    return s + len(MARKER.match(text[s:pos]).group())


HEAD_CUT = regex.compile(r"[,;:.()\[\]\n\t]|\s[–—-]\s")
HEAD_WORDS = 8


def head_end(text: str, start: int, limit: int) -> int:
    """End of the head noun phrase that opens `text[start:limit]`: the thing a number counts.

    It ends at punctuation, at the first predicate or preposition ("được", "có", "sử dụng",
    "trong", "của"…: `head_predicates`, `head_prepositions`), or after a few syllables, so
    "lao động trong các doanh nghiệp" has head "lao động" and "doanh nghiệp vừa và nhỏ đều
    tham gia" has "doanh nghiệp vừa và nhỏ".
    """
    chunk = text[start:limit]
    cut = HEAD_CUT.search(chunk)
    end = cut.start() if cut else len(chunk)
    stops = words_re(cues()["head_predicates"] + cues()["head_prepositions"])
    stop = stops.search(chunk, 0, end)
    while stop is not None and not chunk[: stop.start()].strip():
        stop = stops.search(chunk, stop.end(), end)  # never an empty head
    end = stop.start() if stop else end
    words = list(regex.finditer(r"\S+", chunk[:end]))
    if len(words) > HEAD_WORDS:
        end = words[HEAD_WORDS - 1].end()
    return start + end


POSSESSOR = regex.compile(r"(?<!\w)của\s+[^,;:.()\n]{2,40}?\s+và\s*$", regex.I)


def possessor_lead(text: str, sent_start: int, start: int) -> tuple[int, int] | None:
    """The owned thing when the number is a second owner: "Cổng thông tin điện tử của Sở Y tế
    và 100% bệnh viện" counts the portals of the hospitals, so the words before "của" are the
    target's (start, end); else None."""
    m = POSSESSOR.search(text[sent_start:start])
    if m is None:
        return None
    ls, _ = lead_phrase(text, sent_start, sent_start + m.start())
    return (ls, sent_start + m.start()) if sent_start + m.start() - ls > 3 else None


def predicate_start(text: str, start: int, limit: int) -> int:
    """Where the predicate after a counted noun phrase begins ("30% cấp xã | bảo đảm …"),
    `limit` if none: the administrative level of a target is read from the words before it."""
    stop = cue_re("head_predicates").search(text, start, limit)
    return stop.start() if stop else limit


INTRO_END = regex.compile(r":[ \t]*\n")
INTRO_REACH = 500
INTRO_HEAD_END = regex.compile(r"\s(?:đến|tới|cho|tại)\s|\(|:")


def list_intro(text: str, sent_start: int) -> tuple[int, int, int] | None:
    """The cell that a sub-row continues: "Triển khai phần mềm … đến 100% đơn vị cấp xã:" above
    "+ 2012-2015: 240 xã;" says what the 240 communes get. (start, indicator end, colon) of the
    nearest line ending in ":" within a few lines above, else None."""
    ends = list(INTRO_END.finditer(text, max(0, sent_start - INTRO_REACH), sent_start))
    if not ends:
        return None
    colon = ends[-1].start()
    start = max(text.rfind("\n", 0, colon), text.rfind("\t", 0, colon)) + 1
    start += len(MARKER.match(text[start:colon]).group())
    head = INTRO_HEAD_END.search(text, start, colon + 1)
    end = head.start() if head else colon
    return (start, end, colon) if end - start > 10 else None


SHARE_VERB = regex.compile(r"(?<!\w)chiếm(?:\s+(?:tỷ\s+trọng|tỷ\s+lệ))?\s*$", regex.I)


def share_subject(text: str, sent_start: int, start: int) -> tuple[int, int, int] | None:
    """(start, end, head start) of the subject of "chiếm": "Kinh tế số chiếm 20% GRDP" counts
    the digital economy, and the words after the number only say of what; else None."""
    m = SHARE_VERB.search(text[sent_start:start])
    if m is None:
        return None
    s = clause_start(text, sent_start, sent_start + m.start())
    end = sent_start + m.start()
    end = s + len(CONNECTOR_END.sub("", text[s:end]))
    return (s, end, s) if end > s + 3 else None

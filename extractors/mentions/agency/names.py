"""Bodies no list names, read from their head noun and the grammar of names.

A name is a head noun ("Sở", "Ban Quản lý", "Trung tâm", "Hiệp hội" …: agencies.yaml `heads`),
a specialisation that starts with a capital ("Quy hoạch - Kiến trúc", "Chuyển đổi số",
"Nghiên cứu phát triển", "Quản lý các khu công nghệ cao và khu công nghiệp") and a place that
closes it ("tỉnh", "Thành phố", "huyện Cẩm Xuyên"). The name ends before:
- a place's end, a line break followed by a capital, punctuation other than "-", "&" or ","
  between capitalised words ("Văn thư - Lưu trữ", "Văn hóa, Thể thao và Du lịch");
- another body ("… Kiến trúc và Sở Nông nghiệp": two names, neither ending in "và");
- a role cue or a function word (`name_ends`, the cues of roles.yaml: "… Thành phố chủ trì",
  "… Thành phố - Phối hợp");
- a clause verb (roles.yaml), unless a place or a role cue follows it within a few words:
  "Trung tâm Kiểm định xây dựng tỉnh" keeps "xây dựng", "Sở Du lịch tổ chức …" does not;
- more than `max_lower` lowercase words.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from extractors.fold import fold
from extractors.mentions.agency.engine import Scan
from extractors.mentions.agency.lexicon import Head, Lexicon, lexicon
from extractors.mentions.agency.local import read_plural_levels
from extractors.mentions.agency.places import (
    Place,
    place_at,
    province_name_at,
    starts_body,
    trailing_province,
)

JOINERS = ("-", "–", "&")


@dataclass(frozen=True)
class Name:
    """A name read in the text: tokens start..end, of which core_end ends the part written
    as is; the place after it is written `place.written`."""

    start: int
    end: int
    core_end: int
    place: Place | None


def head_at(scan: Scan, i: int, lex: Lexicon) -> Head | None:
    """The head noun that starts a name at token `i`: capitalised, and not the start of a
    longer word with the syllable after it ("Báo cáo", "Hội nghị" are no heads), unless that
    syllable starts a province's name ("Báo Yên Bái": "báo yên" is a word too)."""
    hit = scan.at("HEAD", i)
    if not hit or not scan.cap(i):
        return None
    end, phrase = hit
    if (scan.is_word(end) and " ".join(scan.lower[i:end + 1]) in lex.words
            and not province_name_at(scan, end) and not _name_case(scan, end)):
        return None
    return lex.heads[phrase]


def _name_case(scan: Scan, end: int) -> bool:
    """True when the syllable after a head is capitalised and opens what a department does:
    "Phòng Văn hóa - Xã hội" is a division although "phòng văn" is a word ("văn hóa" opens
    "Văn hóa, Thể thao và Du lịch"), while "Báo Cáo kết quả", "Hội Nghị tổng kết" are words
    whatever their case."""
    if not scan.cap(end) or scan.words[end].isupper():
        return False
    return fold(" ".join(scan.lower[end:end + 2])) in _field_openings()


@lru_cache(maxsize=1)
def _field_openings() -> frozenset[str]:
    """The first two words of every field a listed department names, folded ("van hoa")."""
    return frozenset(" ".join(f.split()[:2]) for f in lexicon().department_fields)


def _ends_name(scan: Scan, i: int) -> bool:
    return bool(scan.at("HARD", i) or scan.at("ROLE", i))


def _soft_continues(scan: Scan, i: int, lex: Lexicon) -> bool:
    """True when the clause verb at token `i` is inside the name: a place or a role cue comes
    before anything else that ends a name."""
    j = i
    while j < min(len(scan), i + lex.lookahead):
        if j > i and (scan.at("ROLE", j) or place_at(scan, j, lex)):
            return True
        if j > i and (_ends_name(scan, j) or scan.at("SOFT", j)):
            return False
        if not scan.is_word(j) or starts_body(scan, j) or (j > i and scan.breaks_line(j)):
            return False
        j = (scan.at("SOFT", j) or (j + 1, ""))[0] if j == i else j + 1
    return False


FIELD_LIST_WORDS = 6


def _field_list(scan: Scan, j: int) -> bool:
    """True when the words from token `j` close a list of fields with "và" and a capital:
    "Văn hóa, Thể thao và Du lịch"; a comma before anything else ends the name."""
    for k in range(j, min(len(scan), j + FIELD_LIST_WORDS)):
        if scan.words[k] == "và":
            return scan.cap(k + 1)
        if not scan.is_word(k) and scan.words[k] != ",":
            return False
    return False


def _comma_compound(scan: Scan, i: int, lex: Lexicon) -> bool:
    """True when the comma at token `i` sits inside one word the dictionary knows: legal
    Vietnamese writes the pair "phòng, chống" with a comma ("Chi cục Phòng, chống tệ nạn xã
    hội", "Ban Chỉ huy phòng, chống thiên tai và tìm kiếm cứu nạn tỉnh"). `lex.words` holds
    the dictionary's words with a head's syllable, which is where such a pair can meet a name."""
    return (scan.is_word(i - 1) and scan.is_word(i + 1)
            and f"{scan.lower[i - 1]} {scan.lower[i + 1]}" in lex.words)


def _head_in_word(scan: Scan, i: int, lex: Lexicon) -> bool:
    """True when the head noun at token `i` is the first syllable of a word, comma or not:
    "Phòng" in "Ban Chỉ huy Phòng, chống thiên tai …" is no second body."""
    hit = scan.at("HEAD", i)
    if not hit or hit[0] != i + 1:
        return False
    after = i + 2 if scan.words[i + 1:i + 2] == [","] else i + 1
    return scan.is_word(after) and f"{scan.lower[i]} {scan.lower[after]}" in lex.words


def _opener(scan: Scan, i: int, lex: Lexicon) -> bool:
    """An object opener ("các", "về") followed by a word that starts no body: "Quản lý các
    khu …", "Quản lý các Khu kinh tế và Khu công nghiệp tỉnh"."""
    return (scan.lower[i] in lex.object_openers and scan.is_word(i + 1)
            and not starts_body(scan, i + 1))


def _next_step(scan: Scan, i: int, lex: Lexicon, opener_at: int) -> int | None:
    """Where the name goes on from token `i` (the token after the words accepted there), or
    None when it ends before `i`."""
    word = scan.words[i]
    if word in JOINERS or word in (",", "và"):
        j = i + 1
        ok = scan.is_word(j) and not starts_body(scan, j) and not _ends_name(scan, j)
        if word == "," and not scan.cap(j):
            ok = ok and _comma_compound(scan, i, lex)
        elif word != "và":
            ok = ok and scan.cap(j) and not scan.at("KNOWN", j)
            if word == ",":
                ok = ok and _field_list(scan, j)
        return j if ok else None
    if not scan.is_word(i) or word[0].isdigit():
        return None
    if _ends_name(scan, i):
        return i + 1 if i == opener_at and _opener(scan, i, lex) else None
    soft = scan.at("SOFT", i)
    if soft and not _soft_continues(scan, i, lex):
        return None
    return soft[0] if soft else i + 1


TITLE_LINE_WORDS = 8


def _title_line_ends(scan: Scan, i: int) -> bool:
    """True when token `i` opens a line after a short one: a title line ("3. Thanh tra Sở" /
    "Lồng ghép nội dung …") ends its name; a name wrapped in running text comes after a long
    line (and names the gazetteer knows are matched across the break anyway)."""
    if not scan.breaks_line(i):
        return False
    words = 0
    k = i - 1
    while k >= 0:
        words += scan.is_word(k)
        if words > TITLE_LINE_WORDS:
            return False
        if scan.breaks_line(k):
            break
        k -= 1
    return True


def _first_word_ok(scan: Scan, i: int, head: Head, lex: Lexicon) -> bool:
    """The word after the head starts a name: capitalised (or lowercase after a head that
    allows it, or an object opener after a head that holds a verb: "Ban Quản lý các …"), and
    no clause verb that opens a task rather than a name ("Văn phòng" / "Xây dựng Hệ thống …")."""
    if not scan.is_word(i) or scan.words[i][0].isdigit() or scan.at("KNOWN", i):
        return False
    if scan.at("COUNCIL", i):
        return False
    if _ends_name(scan, i):
        return len(head.phrase.split()) > 1 and _opener(scan, i, lex)
    soft = scan.at("SOFT", i)
    if soft and soft[1] not in lex.name_verbs and not _soft_continues(scan, i, lex):
        return False
    return scan.cap(i) or head.lower


def _cap_run_end(scan: Scan, i: int) -> int:
    """End of the run of capitalised words that starts at token `i`."""
    while i < len(scan) and scan.cap(i) and not scan.breaks_line(i) and not starts_body(scan, i):
        i += 1
    return i


def read_name(scan: Scan, hs: int, he: int, head: Head, lex: Lexicon) -> Name | None:
    """The name built on the head noun at tokens hs..he-1, or None if no name follows it."""
    place = place_at(scan, he, lex)
    if place:
        return Name(hs, place.end, he, place) if head.bare else None
    province = _province_closes(scan, he, lex)
    if province:  # "Báo Lào Cai - Mở chuyên mục …", "Viễn thông Hải Dương": the place closes it
        return Name(hs, province.end, he, province)
    if head.place_only or _title_line_ends(scan, he) or not _first_word_ok(scan, he, head, lex):
        return None
    i, core_end, lower = he + 1, he + 1, 0
    opener_at = he if len(head.phrase.split()) > 1 else _cap_run_end(scan, he + 1)
    while i < len(scan):
        if scan.breaks_paragraph(i):  # "1. Phòng Kinh tế, Hạ tầng và Đô thị" / "" / "a) …"
            break
        joined = scan.words[i - 1] in JOINERS or scan.words[i - 1] in (",", "và")
        if scan.breaks_line(i) and scan.cap(i) and not joined and not place_at(scan, i, lex):
            break
        place = (place_at(scan, i, lex) or _levels_close(scan, i, lex)
                 or (None if joined else _province_closes(scan, i, lex)))
        if place:
            return Name(hs, place.end, core_end, place)
        if starts_body(scan, i) and not _head_in_word(scan, i, lex):
            owner = _owner_end(scan, i, lex)
            if owner:
                return Name(hs, owner, owner, None)
            break
        nxt = _next_step(scan, i, lex, opener_at)
        if nxt is None:
            break
        if scan.is_word(i) and scan.words[i] != "và":
            lower = 0 if scan.cap(i) else lower + (nxt - i)
            if lower > lex.max_lower:
                break
            core_end = nxt
            if head.type == "central" and _mirrors_department(scan, he, core_end, lex):
                place = place_at(scan, core_end, lex)
                return Name(hs, place.end if place else core_end, core_end, place)
        i = nxt
    return _closed(scan, Name(hs, core_end, core_end, None), he, lex)


def _levels_close(scan: Scan, i: int, lex: Lexicon) -> Place | None:
    """"các huyện, thị xã, thành phố" after a name: the body of every district, named by its
    level as the committees are ("Phòng GDĐT các huyện, thị xã, thành phố" is "Phòng Giáo dục
    và Đào tạo cấp huyện", like "UBND cấp huyện")."""
    body = read_plural_levels(scan, i, lex)
    if body is None or len(body.names) != 1:
        return None
    return Place(body.end, body.names[0].removeprefix("UBND "), False)


def _province_closes(scan: Scan, i: int, lex: Lexicon) -> Place | None:
    """A province's name at token `i` that closes the name before it, written as the place
    ("tỉnh", or "Thành phố" for a centrally-governed city): a name goes no further than its
    place, so in "Báo Quảng Bình tăng thời lượng …" the duty starts after "Quảng Bình"."""
    hit = province_name_at(scan, i)
    if not hit:
        return None
    city = fold(hit[1]) in lex.central_cities
    return Place(hit[0], "Thành phố" if city else "tỉnh", True)


def _mirrors_department(scan: Scan, he: int, end: int, lex: Lexicon) -> bool:
    """True when tokens he..end-1 name what a listed department does ("Tài chính", "Khoa học và
    Công nghệ"): a ministry is named like the department that mirrors it, and its name ends
    there ("báo cáo Bộ Tài chính tình hình …")."""
    return fold(" ".join(scan.lower[he:end])) in lex.department_fields


def _owner_end(scan: Scan, i: int, lex: Lexicon) -> int | None:
    """End of the issuing body that owns a name, right after it ("Ban Tổ chức Tỉnh ủy", "Ban
    Kinh tế - Ngân sách HĐND tỉnh"), or None."""
    if scan.breaks_line(i):
        return None
    for end, alias in scan.all_at("KNOWN", i):
        if lex.known[alias].type == "issuer" and lex.known[alias].needs_cap == scan.cap(i):
            return end
    return None


def _closed(scan: Scan, name: Name, he: int, lex: Lexicon) -> Name:
    """A name that ends in a province's name without "tỉnh": the province is its place."""
    trailing = trailing_province(scan, he, name.core_end, lex)
    if trailing:
        k, place = trailing
        return Name(name.start, name.end, k, place)
    return name

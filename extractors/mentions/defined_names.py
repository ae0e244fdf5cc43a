"""Abbreviations a document defines for its bodies, and the mentions they make later.

Plans name a body in full once and then by a short form they define in brackets: "Chi cục
Quản lý đất đai (sau đây viết tắt là Chi cục QLĐĐ)", "Văn phòng Đăng ký đất đai tỉnh An Giang
(sau đây viết tắt là VPĐKĐĐ)", "Sở Lao động - Thương binh và Xã hội (Sở LĐTBXH)". Those short
forms are the document's own, so no gazetteer lists them: each later occurrence is read here as
a mention of the body defined, with that body's canonical name.

A definition is a bracket right after a mention (a place name may stand between: "… tỉnh An
Giang (…)") that holds an optional "sau đây viết tắt là" / "gọi tắt là" and a short form with an
acronym in capitals. An occurrence replaces the mentions that start inside it ("Chi cục QLĐĐ"
read from its head noun alone, or run on into the verb after it); a mention that starts before
it ("Chi nhánh VPĐKĐĐ", a branch) is another body and stays. (The target reader expands the
acronyms a plan defines for phrases, "(DNNVV)", on its own: `targets/abbreviations.py`.)
"""

from __future__ import annotations

from dataclasses import replace

import regex

from extractors.mentions.agencies import AgencyMention

_DEFINITION = regex.compile(
    r"(?P<gap>(?:\s+\p{Lu}[\p{Ll}\p{M}]*){0,4})\s*\(\s*"
    r"(?i:(?:sau\s+đây\s+)?(?:được\s+)?(?:viết\s+tắt\s+là|gọi\s+tắt\s+là|gọi\s+là|viết\s+tắt)"
    r"\s*:?\s*)?(?P<short>[^()\n]{2,40}?)\s*\)"
)
_ACRONYM = regex.compile(r"(?<![\p{L}\p{M}])\p{Lu}[\p{Lu}&]{1,9}(?![\p{L}\p{M}])")
MAX_SHORT_WORDS = 4


def _short_form(short: str, name: str) -> bool:
    """A short form of `name`: a few words from a capital, no figure, sentence or Roman
    numeral ("Phụ lục II", "Mẫu số 02/BC", "Quý IV/2024" define nothing), whose words are the
    name's and whose acronyms spell initials of the name's words in order ("Chi cục QLĐĐ" of
    "Chi cục Quản lý đất đai"; "CCHC" is no short form of "Sở Nội vụ")."""
    words = short.split()
    acronyms = [w for w in words if _ACRONYM.fullmatch(w)]
    if not (0 < len(words) <= MAX_SHORT_WORDS and words[0][0].isupper() and acronyms
            and not regex.search(r"[\d,;:./]", short)
            and not any(regex.fullmatch(r"[IVXLC]+", w) for w in acronyms)):
        return False
    name_words = name.split()
    folded = {w.lower() for w in name_words}
    if any(w.lower() not in folded for w in words if w not in acronyms):
        return False
    initials = [w[0].upper() for w in name_words]
    return all(_spells(a.replace("&", ""), initials) for a in acronyms)


def _spells(letters: str, initials: list[str]) -> bool:
    """True when `letters` are initials of the name's words, in order (words may be skipped:
    "tỉnh", a place)."""
    k = 0
    for initial in initials:
        if k < len(letters) and initial == letters[k]:
            k += 1
    return k == len(letters)


def definitions(text: str, mentions: list[AgencyMention]) -> list[tuple[str, AgencyMention, int]]:
    """(short form, the mention it abbreviates, where the bracket starts), in text order."""
    out = []
    for m in mentions:
        if not m.assignable:
            continue
        d = _DEFINITION.match(text, m.end)
        if d is None or not _short_form(d["short"], text[m.start:d.end("gap")]):
            continue
        short = " ".join(d["short"].split())
        if short != " ".join(m.text.split()):
            out.append((short, m, d.end("gap")))
    return out


def with_defined(text: str, mentions: list[AgencyMention]) -> list[AgencyMention]:
    """`mentions` with the later occurrences of every defined short form read as the body it
    abbreviates (module docstring), the definition's own included, in text order."""
    found = definitions(text, mentions)
    if not found:
        return mentions
    out = list(mentions)
    for short, body, after in found:
        pattern = regex.compile(r"(?<![\p{L}\p{M}\d])" + regex.escape(short).replace(r"\ ", r"\s+")
                                + r"(?![\p{L}\p{M}\d])")
        for occ in pattern.finditer(text, after):
            s, e = occ.span()
            if any(m.start < s < m.end for m in out):
                continue  # inside a longer name ("Chi nhánh VPĐKĐĐ"): another body
            out = [m for m in out if not (s <= m.start < e)]  # read short, or run on past it
            out.append(replace(body, start=s, end=e, text=text[s:e]))
    return sorted(out, key=lambda m: (m.start, m.end))

"""What an issuing body's name says about where it stands: national, a province, or below.

"ỦY BAN NHÂN DÂN TỈNH BẮC NINH" is the province of Bắc Ninh, "UBND TỈNH NGHỆ AN / SỞ Y TẾ" a
department of Nghệ An, "THỦ TƯỚNG CHÍNH PHỦ" and "BỘ TÀI CHÍNH" national, "ỦY BAN NHÂN DÂN
HUYỆN X" or "thành phố Biên Hòa" below a province. The words come from
pipeline/data/issuers.yaml and the province names from the lists in places.py.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

import regex

from pipeline.describe.places import CITY, province_at
from pipeline.describe.text import fold, folded_words
from pipeline.yamldata import load_yaml

NATIONAL = "Việt Nam"  # the `province` of a national document; its id starts `vietnam-`
UNLISTED_MAX_WORDS = 4


@dataclass(frozen=True)
class Body:
    """An issuing body: its level ("national", "province" or "local", the last for units
    below a province) and its province (NATIONAL for national bodies, None when unnamed)."""

    name: str
    level: str
    province: str | None


@cache
def _vocabulary() -> dict[str, list[str]]:
    text = resources.files("pipeline.data").joinpath("issuers.yaml").read_text("utf-8")
    data = load_yaml(text)
    return {key: [folded_words(str(w)) for w in words] for key, words in data.items()}


def _alternation(key: str) -> str:
    words = sorted(_vocabulary()[key], key=len, reverse=True)
    return "|".join(regex.escape(w).replace(r"\ ", " +") for w in words)


@cache
def _patterns() -> dict[str, regex.Pattern]:
    return {
        "place": regex.compile(rf"(?<![a-z0-9])(?P<word>{_alternation('province_words')})"
                               r" +(?P<rest>.*)"),
        "national": regex.compile(rf"^ *(?:{_alternation('national')})(?![a-z0-9])"),
        "authority": regex.compile(rf"^ *(?:{_alternation('authority')})(?![a-z0-9])"),
        "below": regex.compile(rf"^(?:(?:{_alternation('local_heads')}) +)?"
                               rf"(?:{_alternation('sub_provincial')}) +[a-z0-9]"),
        "head": regex.compile(rf"^(?:{_alternation('body_heads')})(?![a-z0-9])"),
    }


def names_a_body(text: str) -> bool:
    """True when `text` starts the way a decision's authority line does ("ỦY BAN NHÂN DÂN
    TỈNH …", "THỦ TƯỚNG CHÍNH PHỦ")."""
    return bool(_patterns()["authority"].match(fold(text)))


def _unlisted_name(text: str, folded: str, start: int) -> str | None:
    """A province name the lists do not hold, as printed after "tỉnh": the words in capitals
    (or with a capital) up to another body's name, title-cased ("BÌNH SƠN" → "Bình Sơn")."""
    words = []
    for m in regex.finditer(r"\S+", folded[start:]):
        original = text[start + m.start():start + m.end()]
        if (not original[:1].isupper() or _patterns()["head"].match(folded[start + m.start():])
                or len(words) == UNLISTED_MAX_WORDS):
            break
        words.append(original)
    return " ".join(words).title() or None


def _province_in(text: str, folded: str, date: str | None) -> tuple[str, bool] | None:
    """(province, is it listed) named after "tỉnh", "thành phố" or "tỉnh ủy" in the name."""
    for m in _patterns()["place"].finditer(folded):
        word, rest = m["word"], " ".join(m["rest"].split())
        kind = CITY if word.startswith(("thanh", "tp")) else None
        hit = province_at(rest, date, kind)
        if hit:
            return hit[0].name, True
        if kind is None and rest:
            unlisted = _unlisted_name(text, folded, m.start("rest"))
            if unlisted:
                return unlisted, False
    return None


def read_body(text: str, date: str | None = None, listed_only: bool = False) -> Body | None:
    """The body an issuer block, authority line or "của …" phrase names, or None when the text
    names none. A province named in it wins over everything else ("BỘ CHỈ HUY QUÂN SỰ TỈNH GIA
    LAI" is Gia Lai's); then national bodies; then units below a province. With
    `listed_only`, a province must be one of the lists (for phrases outside the letterhead)."""
    folded = fold(text)
    name = " ".join(text.split())
    found = _province_in(text, folded, date)
    if found and (found[1] or not listed_only):
        return Body(name, "province", found[0])
    if _patterns()["national"].match(folded):
        return Body(name, "national", NATIONAL)
    if _patterns()["below"].match(" ".join(folded.split())):
        return Body(name, "local", None)
    if _patterns()["authority"].match(folded):
        return Body(name, "province", None)  # a province's body that does not say which
    return None

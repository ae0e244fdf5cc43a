"""The contract's way of writing a name it does not list (ANNOTATION §3): as printed, with
whitespace collapsed, "Ủy ban nhân dân" as "UBND", the abbreviations of agencies.yaml expanded,
dashes between words as " - ", and the place the name ends with written as `places.py` says:
"Liên minh Hợp tác xã Tỉnh" → "Liên minh Hợp tác xã tỉnh", "Báo Sơn La" → "Báo tỉnh",
"Chi cục Văn thư – Lưu trữ tỉnh Hà Tĩnh" → "Chi cục Văn thư - Lưu trữ tỉnh".
"""

from __future__ import annotations

from functools import lru_cache

import regex

from extractors.fold import collapse
from extractors.mentions.agency.engine import Scan
from extractors.mentions.agency.lexicon import Lexicon, lexicon
from extractors.mentions.agency.places import Place

_UBND = regex.compile(r"(?<!\w)[UỦ][yỷ] ban nhân dân(?!\w)", regex.IGNORECASE)
_DASH = regex.compile(r"(?<=\w)\s*[-–—]\s*(?=\w)")


@lru_cache(maxsize=1)
def _abbreviations() -> tuple[regex.Pattern, dict[str, str]]:
    table = lexicon().abbreviations
    keys = {regex.sub(r"\s+", "", k): v for k, v in table.items()}
    alts = []
    for key in sorted(keys, key=len, reverse=True):
        alts.append(r"\s*".join(regex.escape(ch) for ch in key))
    return regex.compile(r"(?<!\w)(?:" + "|".join(alts) + r")(?!\w)"), keys


def expand(text: str) -> str:
    """`text` with the abbreviations of agencies.yaml written out ("Báo VHĐS" → "Báo Văn hóa
    đời sống", "Trung tâm CNTT" → "Trung tâm Công nghệ thông tin")."""
    pattern, keys = _abbreviations()
    return pattern.sub(lambda m: keys[regex.sub(r"\s+", "", m.group())], text)


def written(text: str) -> str:
    """A span of a name as the contract writes it (module docstring), its place aside."""
    out = expand(collapse(text))
    out = _UBND.sub("UBND", out)
    return _DASH.sub(" - ", out)


def name_text(scan: Scan, start: int, core_end: int, place: Place | None) -> str:
    """The canonical name of tokens start..core_end-1 closed by `place`."""
    core = written(scan.span_text(start, core_end))
    if place and place.written:
        return f"{core} {place.written}"
    return core


def is_central(scan: Scan, start: int, core_end: int, place: Place | None, lex: Lexicon) -> bool:
    """A name of a central body: it holds "quốc gia", "Việt Nam", "Trung ương" … and no place
    of the province or below follows ("Trung tâm Dữ liệu quốc gia", but "Ủy ban Mặt trận Tổ
    quốc Việt Nam tỉnh" is the province's)."""
    if place is not None:
        return False
    return any(scan.at("CENTRAL", k) for k in range(start, core_end))


def sentence_case(text: str) -> str:
    """`text` with a capital first letter: "các nhà đầu tư …" → "Các nhà đầu tư …"."""
    return text[:1].upper() + text[1:]

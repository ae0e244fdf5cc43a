"""Agency mentions and their canonical names (ANNOTATION §3).

One engine (`agency/engine.py`: syllable tokens, spaCy PhraseMatchers on a folded NORM) finds
every phrase of the lexicon (`data/agencies.yaml`, the role cues of `data/roles.yaml`); readers
then build the mentions, in this order, a later one never inside an earlier one:
1. names the gazetteer lists, with their abbreviations and collectives (`agency/known.py`);
2. People's Committees by level: collectives, named districts and communes, the issuer
   (`agency/local.py`);
3. bodies no list names, from their head noun and the grammar of names (`agency/names.py`):
   "Ban Quản lý các khu công nghệ cao và khu công nghiệp", "Trung tâm Chuyển đổi số Thành phố";
4. bodies described where a plan asks them to act (`agency/groups.py`): "Các doanh nghiệp hoạt
   động trong lĩnh vực …".
Overlaps are resolved to the longest mention; a mention that names several bodies ("UBND các
cấp") gives one `AgencyMention` per body, on the same span.
"""

from __future__ import annotations

import datetime as dt
import itertools
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache

import regex
from rapidfuzz import fuzz, process

from extractors.fold import collapse, fold
from extractors.mentions.agency.engine import Scan, engine
from extractors.mentions.agency.groups import group_bodies
from extractors.mentions.agency.heads import head_bodies
from extractors.mentions.agency.known import known_bodies
from extractors.mentions.agency.lexicon import lexicon
from extractors.mentions.agency.listed import listed_departments
from extractors.mentions.agency.local import Body, read_council, read_plural_levels

EXCLUDED_TYPES = {"central", "issuer"}
FUZZY_MIN_SCORE = 88


@dataclass(frozen=True)
class AgencyMention:
    """One agency named in the text: its span, canonical name and type."""

    start: int
    end: int
    text: str
    canonical: str
    type: str

    @property
    def assignable(self) -> bool:
        """False for central bodies and the issuing UBND/HĐND, which get no assignment rows."""
        return self.type not in EXCLUDED_TYPES


def _council_bodies(scan: Scan, taken: list[Body]) -> list[Body]:
    lex = lexicon()
    covered = {k for b in taken for k in range(b.start, b.end)}
    starts = set(scan.found["COUNCIL"]) | {s - 1 for s in scan.found["LEVEL"] if s > 0}
    out: list[Body] = []
    last = 0
    for i in sorted(starts):
        if i < last or i in covered:
            continue
        body = read_council(scan, i, lex) or read_plural_levels(scan, i, lex)
        if body:
            out.append(body)
            last = body.end
    return out


def _resolve(scan: Scan, bodies: list[Body]) -> list[AgencyMention]:
    """Mentions in text order, overlaps resolved to the longest; several names of one span
    (an expanded mention) all kept."""
    bodies = sorted(bodies, key=lambda b: (b.start, -(b.end - b.start)))
    out: list[AgencyMention] = []
    last_end = -1
    for body in bodies:
        if body.start < last_end:
            continue
        start, end = scan.starts[body.start], scan.ends[body.end - 1]
        for name in dict.fromkeys(body.names):
            out.append(AgencyMention(start, end, scan.text[start:end], name, body.type))
        last_end = body.end
    return out


@lru_cache(maxsize=4096)
def _find(text: str, signed: dt.date | None) -> tuple[AgencyMention, ...]:
    lex = lexicon()
    scan = engine().scan(text)
    bodies = listed_departments(scan, lex) + known_bodies(scan, lex, signed)
    bodies += _council_bodies(scan, bodies)
    bodies += head_bodies(scan, lex, bodies)
    bodies += group_bodies(scan, lex, bodies)
    return tuple(_resolve(scan, [_central_if_prefixed(scan, b) for b in bodies]))


def _central_if_prefixed(scan: Scan, body: Body) -> Body:
    """A body named right after "Trung ương" is the national one: "Trung ương Đoàn Thanh niên
    Cộng sản Hồ Chí Minh", "Trung ương Hội Liên hiệp Phụ nữ Việt Nam" (no rows)."""
    if body.type == "central" or body.start < 2:
        return body
    if scan.lower[body.start - 2:body.start] == ["trung", "ương"]:
        return Body(body.start, body.end, body.names, "central")
    return body


def forget_texts() -> None:
    """Drop the mentions cached for the texts read so far (one document's clauses and cells:
    kept across documents they only grow memory with the corpus)."""
    _find.cache_clear()


def find_agencies(text: str, signed: dt.date | str | None = None) -> list[AgencyMention]:
    """Every agency mention in `text`, in order (module docstring). `signed`, the plan's
    signing date (a date or ISO "2025-11-24"), decides the bodies the contract names by period:
    "các địa phương" are "UBND cấp huyện" before 1 July 2025 and "UBND cấp xã" after."""
    if isinstance(signed, str):
        signed = dt.date.fromisoformat(signed[:10])
    return list(_find(text, signed))


def canonical_name(name: str) -> str | None:
    """Canonical name of a whole cell or heading, fuzzy-matched when the text is garbled (and
    names no body at all: "Bộ Tài nguyên và Môi trường" is a ministry, not a near miss of the
    department "Sở Tài nguyên và Môi trường")."""
    mentions = find_agencies(name)
    found = [m for m in mentions if m.assignable]
    if found:
        return found[0].canonical
    if mentions:
        return None
    aliases = _fuzzy_names()
    best = process.extractOne(collapse(name), list(aliases), scorer=fuzz.ratio)
    if best and best[1] >= FUZZY_MIN_SCORE:
        return aliases[best[0]]
    return None


@lru_cache(maxsize=1)
def _fuzzy_names() -> dict[str, str]:
    """Alias → canonical name, for the aliases that name one assignable body."""
    return {alias: known.names[0] for alias, known in lexicon().known.items()
            if len(known.names) == 1 and known.type not in EXCLUDED_TYPES}


_KEY_GAPS = regex.compile(r"[\s,;&\-–]+")


def _key(text: str) -> str:
    """A name folded and without spaces, commas, "&" and dashes, to compare written forms."""
    return _KEY_GAPS.sub("", fold(text))


@lru_cache(maxsize=1)
def _sorted_keys() -> list[str]:
    return sorted({_key(alias) for alias in lexicon().known} | _council_keys())


def _council_keys() -> set[str]:
    """The written forms of People's Committees by level, for names cut by a table line."""
    lex = lexicon()
    keys = set()
    for council in lex.councils:
        for noun in lex.levels:
            keys |= {_key(f"{council} {noun}"), _key(f"{council} các {noun}")}
        for first, second in itertools.permutations(("cấp huyện", "cấp xã")):
            for joined in (f"{first}, {second}", f"{first}, {council} {second}",
                           f"{first} và {second}"):
                keys.add(_key(f"{council} {joined}"))
    return keys


@lru_cache(maxsize=65536)
def is_name_prefix(text: str) -> bool:
    """True when `text` is the start of a known name cut short ("Ban QLDA đầu tư xây dựng các
    công"): an OCR'd table wraps a name over lines, and its pieces must be joined back.

    Cached: the scanned-table search asks it of the same few cell tails thousands of times."""
    k = _key(text)
    if len(k) < 4:
        return False
    keys = _sorted_keys()
    i = bisect_left(keys, k)
    if i < len(keys) and keys[i] == k:
        i += 1
    return i < len(keys) and keys[i].startswith(k)

"""Agency mentions and their canonical names (ANNOTATION §3), from the gazetteer in data/.

Known names and abbreviations come from `data/agencies.yaml` and are matched on diacritic-folded
text; unseen names ("Sở Du lịch", "Trung tâm Phục vụ hành chính công tỉnh") are caught by generic
head-word patterns. Longest match wins where mentions overlap.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import regex
import yaml
from rapidfuzz import fuzz, process

from extractors.fold import collapse, fold, pattern_of

DATA = Path(__file__).parents[1] / "data" / "agencies.yaml"
EXCLUDED_TYPES = {"central", "issuer"}


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


@dataclass
class _Gazetteer:
    regex: regex.Pattern
    keys: dict[str, tuple[list[str], str, bool]]
    tails: dict[str, regex.Pattern]
    generic: regex.Pattern
    lower_max: int
    stop: set[str]
    stop_folded: set[str]
    heads_folded: set[str]
    central_heads: set[str]
    fuzzy_names: dict[str, tuple[str, str]]
    proper: set[str]


_KEY_GAPS = regex.compile(r"[\s,;&\-–]+")


def _key(folded: str) -> str:
    return _KEY_GAPS.sub("", folded)


def _by_first_char(pats: list[str]) -> str:
    """The alternation of `pats`, factored by first letter: "s(?:o\\s+tai…|o\\s+y…)|c(?:…)".

    The same matches as `"|".join(pats)`: alternatives that start with different letters cannot
    match at the same place, and within a letter the order (longest first) is kept. The regex
    engine then tries one group per position instead of every name, about twice as fast; table
    reading runs it on thousands of cell fragments. Falls back to the plain join when a pattern
    does not start with a letter or digit followed by something that can stand alone."""
    groups: dict[str, list[str]] = {}
    for p in pats:
        if not p[:1].isalnum() or p[1:2] in ("*", "+", "?", "{"):
            return "|".join(pats)
        groups.setdefault(p[0], []).append(p[1:])
    return "|".join(f"{c}(?:{'|'.join(rest)})" for c, rest in groups.items())


@lru_cache(maxsize=1)
def _gazetteer() -> _Gazetteer:
    data = yaml.safe_load(DATA.read_text(encoding="utf-8"))
    keys: dict[str, tuple[list[str], str, bool]] = {}
    tails: dict[str, regex.Pattern] = {}
    pats: list[str] = []
    fuzzy: dict[str, tuple[str, str]] = {}
    for e in data["entries"]:
        for alias in e["aliases"]:
            needs_cap = alias[:1].isupper()
            keys[_key(fold(alias))] = ([e["canonical"]], e["type"], needs_cap)
            pats.append(pattern_of(alias))
            fuzzy[alias] = (e["canonical"], e["type"])
        if e.get("tail"):
            alt = "|".join(pattern_of(t) for t in sorted(e["tail"], key=len, reverse=True))
            tails[e["canonical"]] = regex.compile(rf"\s*(?:{alt})(?!\w)")
    for alias, names in data["expand"].items():
        keys[_key(fold(alias))] = (list(names), "collective", False)
        pats.append(pattern_of(alias))
    pats.sort(key=len, reverse=True)
    big = regex.compile(r"(?<!\w)(?:" + _by_first_char(pats) + r")(?!\w)")
    g = data["generic"]
    heads = sorted(g["heads"] + g["central_heads"], key=len, reverse=True)
    generic = regex.compile(r"(?<!\w)(?:" + "|".join(regex.escape(h) for h in heads) + r")(?=\s)")
    return _Gazetteer(
        regex=big,
        keys=keys,
        tails=tails,
        generic=generic,
        lower_max=int(g["lower"]),
        stop={w.lower() for w in g["stop_words"]},
        stop_folded={fold(w) for w in g["stop_words"]},
        heads_folded={fold(h.split()[0]) for h in heads} | {"cac", "ubnd", "uy"},
        central_heads=set(g["central_heads"]),
        fuzzy_names=fuzzy,
        proper={e["canonical"] for e in data["entries"] if e.get("proper_suffix")},
    )


def _province_end(text: str, end: int, gz: _Gazetteer) -> int:
    """End of a trailing " tỉnh <Name>" or " <Name>" after a name that ends in "tỉnh"."""
    m = regex.match(r"\s+(?:tỉnh|thành phố)(?!\w)", text[end:])
    if m:
        end += m.end()
    elif not regex.search(r"(?:tỉnh|Tỉnh ủy|Thành phố)$", text[:end]):
        return end
    for _ in range(4):
        w = _WORD.match(text, end)
        if not w:
            break
        tok = w.group(1)
        if not tok[:1].isupper() or fold(tok) in gz.heads_folded or tok.isupper() and len(tok) > 2:
            break
        end = w.end()
    return end


_WORD = regex.compile(r"[ \t]+(\w+)")
_PROPER = regex.compile(r"[ \t]+((?:[A-ZĐÀ-Ỹ]\w*)(?:[ \t]+[A-ZĐÀ-Ỹ]\w*){0,2})")


def _known(text: str, folded: str, gz: _Gazetteer) -> list[AgencyMention]:
    out: list[AgencyMention] = []
    for m in gz.regex.finditer(folded, overlapped=False):
        names, typ, needs_cap = gz.keys.get(_key(m.group()), ([], "", False))
        if not names or (needs_cap and not text[m.start()].isupper()):
            continue
        end = m.end()
        tail = gz.tails.get(names[0]) if len(names) == 1 else None
        if tail:
            t = tail.match(folded, end)
            end = t.end() if t else end
        if typ not in ("collective",):
            end = _province_end(text, end, gz)
        if names[0] in gz.proper:
            p = _PROPER.match(text, end)
            if p:
                names = [f"{names[0]} {p.group(1)}"]
                end = p.end()
        for name in names:
            out.append(AgencyMention(m.start(), end, text[m.start():end], name, typ))
    return out


def _is_stop(tok: str, gz: _Gazetteer) -> bool:
    """A word that ends a generic name. Words with tone marks compare as written: folded,
    "dõi" (theo dõi) would stop "Báo Văn hóa đời sống" and "có" would stop "Đài Truyền thanh
    cơ sở". A word printed without marks (OCR lost them) compares folded."""
    low = tok.lower()
    return low in gz.stop or (low == fold(low) and low in gz.stop_folded)


def _generic_name_end(text: str, start: int, gz: _Gazetteer) -> int:
    """End of a name that starts with a head word at `start`, or `start` if none follows."""
    end, seen_cap, lower = start, False, 0
    for w in regex.finditer(r" *(,|&|-|–|[\w&.]+)", text[start:]):
        if w.start() != 0 and start + w.start() != end:
            break
        tok = w.group(1)
        if tok in (",", "&", "-", "–"):
            nxt = regex.match(r"[ \t]*(\w+)", text[start + w.end():])
            if not nxt or not nxt.group(1)[:1].isupper() or fold(nxt.group(1)) in gz.heads_folded:
                break
            end = start + w.end()
            continue
        if tok[:1].isdigit():
            break
        cap = tok[:1].isupper()
        if not seen_cap and not cap:
            break
        if cap:
            if seen_cap and fold(tok) in gz.heads_folded:
                break
            seen_cap, lower = True, 0
        else:
            if _is_stop(tok, gz) or lower >= gz.lower_max:
                break
            lower += 1 if tok != "và" else 0
        end = start + w.end()
    return end


def _generic(text: str, taken: list[tuple[int, int]], gz: _Gazetteer) -> list[AgencyMention]:
    out: list[AgencyMention] = []
    for m in gz.generic.finditer(text):
        if any(a <= m.start() < b for a, b in taken):
            continue
        end = _generic_name_end(text, m.end(), gz)
        if end == m.end():
            continue
        name = collapse(text[m.start():end]).rstrip(",.&- ")
        end = _province_end(text, m.start() + len(text[m.start():end].rstrip(",.&- ")), gz)
        typ = "central" if m.group() in gz.central_heads else "unit"
        canonical = regex.sub(r"Ủy ban nhân dân", "UBND", name)
        out.append(AgencyMention(m.start(), end, text[m.start():end], canonical, typ))
    return out


_LOCAL = regex.compile(
    r"(?<!\w)(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân)[ \t]+(huyện|thị xã|thành phố|quận|xã|phường|"
    r"thị trấn|Thành phố)[ \t]+((?:[A-ZĐÀ-Ỹ]\w*)(?:[ \t]+[A-ZĐÀ-Ỹ]\w*){0,3})(?![ \t]*[,;]?[ \t]*(?:"
    r"thị xã|thành phố|huyện)(?!\w))"
)


def _local(text: str) -> list[AgencyMention]:
    out = []
    for m in _LOCAL.finditer(text):
        canonical = f"UBND {m.group(1).lower()} {m.group(2)}"
        out.append(AgencyMention(m.start(), m.end(), m.group(), canonical, "local"))
    return out


def find_agencies(text: str) -> list[AgencyMention]:
    """Every agency mention in `text`, in order, overlaps resolved to the longest."""
    gz = _gazetteer()
    cands = _known(text, fold(text), gz) + _local(text)
    cands += _generic(text, [(c.start, c.end) for c in cands], gz)
    cands.sort(key=lambda c: (c.start, -(c.end - c.start)))
    out: list[AgencyMention] = []
    for c in cands:
        if out and c.start < out[-1].end:
            last = out[-1]
            same = c.start == last.start and c.end == last.end and c.canonical != last.canonical
            if same and c.type == last.type == "collective":
                out.append(c)  # an expanded mention ("UBND các cấp")
            continue
        out.append(c)
    return out


def canonical_name(name: str) -> str | None:
    """Canonical name of a whole cell or heading, fuzzy-matched when the text is garbled."""
    found = [m for m in find_agencies(name) if m.assignable]
    if found:
        return found[0].canonical
    gz = _gazetteer()
    best = process.extractOne(collapse(name), list(gz.fuzzy_names), scorer=fuzz.ratio)
    if best and best[1] >= 88:
        return gz.fuzzy_names[best[0]][0]
    return None


@lru_cache(maxsize=1)
def _sorted_keys() -> list[str]:
    return sorted(_gazetteer().keys)


@lru_cache(maxsize=65536)
def is_name_prefix(text: str) -> bool:
    """True when `text` is the start of a known name cut short ("Ban QLDA đầu tư xây dựng các
    công"): an OCR'd table wraps a name over lines, and its pieces must be joined back.

    Cached: the scanned-table search asks it of the same few cell tails thousands of times."""
    k = _key(fold(text))
    if len(k) < 4:
        return False
    keys = _sorted_keys()
    i = bisect_left(keys, k)
    if i < len(keys) and keys[i] == k:
        i += 1
    return i < len(keys) and keys[i].startswith(k)

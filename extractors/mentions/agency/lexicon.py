"""Everything the agency recogniser knows, read once: `data/agencies.yaml`, the role cues of
`data/roles.yaml`, the province names of `pipeline/data/provinces.txt`, and the words of
underthesea's Viet74K list that tell a head noun or a place word inside a longer word ("Báo
cáo", "Hội nghị", "xã hội", "hợp tác xã") from one that starts or ends a name.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from extractors.fold import fold
from extractors.mentions.tasks import roles_data
from pipeline.yamldata import load_yaml

DATA = Path(__file__).parents[2] / "data" / "agencies.yaml"


@dataclass(frozen=True)
class Known:
    """What one alias of the gazetteer names: one body, or several for an expanded mention."""

    names: tuple[str, ...]
    type: str
    needs_cap: bool
    proper_suffix: bool = False


@dataclass(frozen=True)
class Period:
    """Names a reform changed: in a plan signed on or after `since`, a mention holding one of
    `words` names `rename[name]` instead of `name`."""

    since: dt.date
    words: tuple[str, ...]
    rename: dict[str, str]


@dataclass(frozen=True)
class Head:
    """A head noun and how a name is built on it (agencies.yaml, `heads`)."""

    phrase: str
    type: str
    bare: bool = False
    place_only: bool = False
    lower: bool = False
    of_body: bool = False  # its name may be another body's: "Thanh tra Sở Giao thông vận tải"


@dataclass(frozen=True)
class Lexicon:
    """The recogniser's data, one object for the engine and the grammars to share."""

    known: dict[str, Known]
    periods: tuple[Period, ...]
    heads: dict[str, Head]
    qualifiers: tuple[str, ...]
    councils: tuple[str, ...]
    levels: dict[str, str]
    both_levels: tuple[str, ...]
    issuer_levels: dict[str, str]
    local_separators: frozenset[str]
    central_markers: tuple[str, ...]
    group_heads: tuple[str, ...]
    group_determiners: tuple[str, ...]
    group_inner: frozenset[str]
    group_cues: tuple[str, ...]
    group_max_words: int
    hard_ends: tuple[str, ...]
    soft_ends: tuple[str, ...]
    role_cues: tuple[str, ...]
    object_openers: frozenset[str]
    name_verbs: frozenset[str]
    max_lower: int
    lookahead: int
    province_words: tuple[str, ...]
    city_words: tuple[str, ...]
    local_words: tuple[str, ...]
    area_words: tuple[str, ...]
    central_cities: frozenset[str]
    provinces: tuple[str, ...]
    abbreviations: dict[str, str]
    words: frozenset[str]
    department_fields: dict[str, str]


def _known(data: dict) -> dict[str, Known]:
    known: dict[str, Known] = {}
    for entry in data["entries"]:
        for alias in entry["aliases"]:
            known[alias] = Known((entry["canonical"],), entry["type"], alias[:1].isupper(),
                                 bool(entry.get("proper_suffix")))
    for alias, names in data["expand"].items():
        known[alias] = Known(tuple(names), "collective", False)
    return known


def _department_fields(data: dict) -> dict[str, str]:
    """What the listed departments do, folded, their head aside, and the department's
    canonical name: "tai chinh" is "Sở Tài chính", "khoa hoc va cong nghe" "Sở Khoa học và
    Công nghệ" (commas spaced as tokens: "van hoa , the thao va du lich")."""
    out: dict[str, str] = {}
    for entry in data["entries"]:
        if entry["type"] != "so":
            continue
        for alias in entry["aliases"]:
            head, _, field = alias.partition(" ")
            if head == "Sở" and field:
                out[fold(" ".join(field.replace(",", " , ").split()))] = entry["canonical"]
    return out


def _field_abbreviations(data: dict) -> dict[str, str]:
    """The abbreviations of what departments do, from the gazetteer's own aliases: "Sở GDĐT"
    beside "Sở Giáo dục và Đào tạo" makes "GDĐT" read "Giáo dục và Đào tạo" after any head
    ("Phòng GDĐT", "Trung tâm GDĐT"); the table's own entries come first."""
    out: dict[str, str] = {}
    for entry in data["entries"]:
        head, _, field = entry["canonical"].partition(" ")
        if entry["type"] != "so" or head != "Sở":
            continue
        for alias in entry["aliases"]:
            short = alias.partition(" ")[2] if alias.startswith("Sở ") else ""
            if short and " " not in short and not any(c.islower() for c in short):
                out.setdefault(short, field)
    return {**out, **data["abbreviations"]}


def _roles(keys: list[str]) -> tuple[str, ...]:
    roles = roles_data()
    return tuple(phrase for key in keys for phrase in roles[key])


def viet74k_path() -> Path | None:
    """Where the installed underthesea keeps Viet74K (None if underthesea is not installed)."""
    spec = importlib.util.find_spec("underthesea")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(spec.submodule_search_locations[0]) / "corpus" / "data" / "Viet74K.txt"
    return path if path.exists() else None


def _words(syllables: set[str]) -> frozenset[str]:
    """Viet74K's words of two or three syllables that hold one of `syllables`, lowercased."""
    path = viet74k_path()
    if path is None:
        return frozenset()
    out = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.strip().lower().split()
        if 2 <= len(parts) <= 3 and syllables.intersection(parts):
            out.add(" ".join(parts))
    return frozenset(out)


def _provinces() -> tuple[str, ...]:
    """Every name a province or centrally governed city signed under (before and after the
    2025 merger, old spellings too), with a hyphen written either way ("Bà Rịa - Vũng Tàu")."""
    from pipeline.describe.places import provinces

    names = {n for p in provinces() for n in (p.name, *p.spellings)}
    names |= {n.replace(" - ", " – ") for n in names} | {n.replace(" – ", " - ") for n in names}
    return tuple(sorted(names))


def _heads(entries: list[dict]) -> dict[str, Head]:
    """Head nouns by phrase. Heads are matched without case, so two entries that differ only
    by case would be one match with two readings: refused."""
    heads: dict[str, Head] = {}
    seen: dict[str, str] = {}
    for h in entries:
        phrase = h["head"]
        if phrase.lower() in seen:
            raise ValueError(f"agencies.yaml: heads {seen[phrase.lower()]!r} and {phrase!r} "
                             "differ only by case (heads match without case)")
        seen[phrase.lower()] = phrase
        heads[phrase] = Head(phrase, h["type"], bool(h.get("bare") or h.get("place")),
                             bool(h.get("place")), bool(h.get("lower")), bool(h.get("of_body")))
    return heads


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The lexicon, loaded once per process."""
    data = load_yaml(DATA.read_text(encoding="utf-8"))
    local, groups, ends, places = (data["local_government"], data["groups"], data["name_ends"],
                                   data["places"])
    heads = _heads(data["heads"])
    levels = {noun: key for key, nouns in local["levels"].items() for noun in nouns}
    place_words = places["province"] + places["city"] + places["local"]
    hard = tuple(ends["hard"]) + _roles(ends["roles_hard"])
    soft = _roles(ends["roles_soft"])
    role_cues = _roles(["lead_partner", "lead", "partner", "request"])
    cues = [w for w in hard + soft + role_cues + tuple(groups["cues"]) if " " not in w]
    syllables = {s.lower() for phrase in list(heads) + place_words + cues
                 for s in phrase.split()}
    return Lexicon(
        known=_known(data), heads=heads,
        periods=tuple(Period(p["date"], tuple(p["words"]), dict(p["rename"]))
                      for p in data["periods"]), qualifiers=tuple(data["qualifiers"]),
        councils=tuple(local["councils"]), levels=levels, both_levels=tuple(local["both"]),
        issuer_levels=dict(local["issuer"]), local_separators=frozenset(local["separators"]),
        central_markers=tuple(data["central_markers"]), group_heads=tuple(groups["heads"]),
        group_determiners=tuple(groups["determiners"]), group_inner=frozenset(groups["inner"]),
        group_cues=tuple(groups["cues"]), group_max_words=int(groups["max_words"]),
        hard_ends=hard, soft_ends=soft, role_cues=role_cues,
        object_openers=frozenset(ends["object_openers"]), max_lower=int(ends["max_lower"]),
        name_verbs=frozenset(ends["name_verbs"]),
        lookahead=int(ends["lookahead"]), province_words=tuple(places["province"]),
        city_words=tuple(places["city"]), local_words=tuple(places["local"]),
        area_words=tuple(places["area"]),
        central_cities=frozenset(fold(c) for c in places["central_cities"]),
        provinces=_provinces(), abbreviations=_field_abbreviations(data),
        words=_words(syllables), department_fields=_department_fields(data),
    )

"""Names the gazetteer lists, with what may follow them in the text.

A known alias found by the engine (leftmost, longest) names its canonical body. After it:
- a collective takes its qualifiers ("các sở, ban, ngành tỉnh có liên quan");
- another body takes its place ("Công an tỉnh Đồng Nai", "Kho bạc Nhà nước tỉnh Hải Dương",
  "Văn phòng Tỉnh ủy Hà Tĩnh"), dropped from the name, which the gazetteer already writes;
- a central marker makes it a central body's ("Cổng thông tin điện tử Chính phủ"), unless the
  name is a department's or already ends with its place (a scanned table's next cell);
- an entry marked `proper_suffix` keeps the proper name after it ("BQL KKT Đông Nam");
- a name a reform changed is read by the plan's signing date (agencies.yaml `periods`: "các
  địa phương" are the districts before 1 July 2025, the communes after).
"""

from __future__ import annotations

import datetime as dt

from extractors.fold import collapse
from extractors.mentions.agency.engine import Scan
from extractors.mentions.agency.lexicon import Known, Lexicon
from extractors.mentions.agency.local import Body
from extractors.mentions.agency.places import place_at, proper_end, province_name_at

QUALIFIER_ROUNDS = 2
PLACE_ENDINGS = ("tỉnh", "phố", "ủy")


def _qualified_end(scan: Scan, end: int) -> int:
    """End of the qualifiers after a collective ("tỉnh", "có liên quan"); a qualifier that only
    repeats the words before it belongs to the next cell of a scanned table, not to this name."""
    for _ in range(QUALIFIER_ROUNDS):
        hit = scan.at("QUAL", end)
        if not hit:
            break
        size = hit[0] - end
        if scan.lower[end - size:end] == scan.lower[end:hit[0]]:
            break
        end = hit[0]
    return end


def _place_end(scan: Scan, end: int, lex: Lexicon) -> int:
    """End of the place after a known name: "tỉnh Đồng Nai", a province name, or the proper
    name after an alias that ends in "tỉnh" / "Thành phố"."""
    if scan.lower[end - 1] in PLACE_ENDINGS:
        return proper_end(scan, end)
    place = place_at(scan, end, lex)
    if place and place.provincial:
        return place.end
    province = province_name_at(scan, end)
    return province[0] if province else end


def _renamed(scan: Scan, i: int, end: int, names: tuple[str, ...], lex: Lexicon,
             signed: dt.date | None) -> tuple[str, ...]:
    """`names` as a plan signed on `signed` means them (agencies.yaml `periods`)."""
    if signed is None:
        return names
    written = " ".join(scan.lower[i:end])
    for period in lex.periods:
        if signed >= period.since and any(w in written for w in period.words):
            names = tuple(period.rename.get(n, n) for n in names)
    return names


def _body(scan: Scan, i: int, end: int, known: Known, lex: Lexicon,
          signed: dt.date | None) -> Body:
    names, typ = _renamed(scan, i, end, known.names, lex, signed), known.type
    if typ == "collective":
        return Body(i, _qualified_end(scan, end), names, typ)
    central = scan.at("CENTRAL", end)
    if central and typ not in ("so", "vertical") and scan.lower[end - 1] not in PLACE_ENDINGS:
        return Body(i, central[0], (collapse(scan.span_text(i, central[0])),), "central")
    if known.proper_suffix:
        stop = proper_end(scan, end)
        if stop > end:
            return Body(i, stop, (f"{names[0]} {collapse(scan.span_text(end, stop))}",), typ)
    return Body(i, _place_end(scan, end, lex), names, typ)


def known_bodies(scan: Scan, lex: Lexicon, signed: dt.date | None) -> list[Body]:
    """Every listed name in `scan`, leftmost-longest, none inside another."""
    out: list[Body] = []
    last = 0
    for i in sorted(scan.found.get("KNOWN", {})):
        if i < last:
            continue
        for end, alias in scan.all_at("KNOWN", i):
            known = lex.known[alias]
            if known.needs_cap and not scan.cap(i):
                continue
            body = _body(scan, i, end, known, lex, signed)
            out.append(body)
            last = body.end
            break
    return out

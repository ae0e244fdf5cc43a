"""The issuing body of a document, and so its province, from the best evidence it gives.

The issuer is who signs, never a place the text mentions (ANNOTATION §4): a city's plan that
cites a province's decision is the city's, a national decision signed in Hà Nội is national.
Evidence, strongest first:

1. the letterhead's issuer block ("ỦY BAN NHÂN DÂN / THÀNH PHỐ HỒ CHÍ MINH");
2. a decision's authority line ("UỶ BAN NHÂN DÂN TỈNH NGHỆ AN" between title and "Căn cứ");
3. an issuer code only national bodies use in the number ("2629/QĐ-TTg").

An issuer below a province ("UBND HUYỆN X") ends the search: it names no province. Only when
none of these names a province (the letterhead lost, or "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH"
without the name) do weaker signs count, each of which still speaks of the issuer: the place of
signing, when it is a province; the appendix note's "của UBND tỉnh X" under the document's own
number; the enacting clause "Ủy ban nhân dân tỉnh X ban hành …"; and last the province the
title is about ("… của cơ quan nhà nước tỉnh Hà Tĩnh năm 2017").
"""

from __future__ import annotations

from functools import cache
from importlib import resources

import regex

from pipeline.describe.bodies import NATIONAL, Body, read_body
from pipeline.describe.letterhead import Letterhead
from pipeline.describe.places import province_named
from pipeline.vi.legal import LETTERHEAD_CHARS, Reference, find_attached_to
from pipeline.yamldata import load_yaml

_ENACTING = regex.compile(
    r"(?:(?:Ủy|Uỷ)\s+ban\s+nhân\s+dân|UBND)\s+(?:tỉnh|thành\s+phố)\s+[^,.;:()\n]{2,40}?"
    r"(?=\s+ban\s+hành)",
    regex.IGNORECASE,
)


@cache
def national_codes() -> frozenset[str]:
    """Issuer codes of document numbers that only national bodies use ("TTg", "CP", "BTC")."""
    text = resources.files("pipeline.data").joinpath("issuers.yaml").read_text("utf-8")
    return frozenset(str(c).upper() for c in load_yaml(text)["national_codes"])


def _settled(body: Body | None) -> bool:
    return body is not None and (body.province is not None or body.level == "local")


def _weak_evidence(text: str, head: Letterhead, number: str | None, title: str | None,
                   date: str | None) -> Body | None:
    """The first of the weaker signs of a provincial issuer that names a province."""
    unit = province_named(head.place, date) if head.place else None
    if unit:
        return Body(head.place, "province", unit.name)
    note = find_attached_to(text, number) if number else None
    if note and note.issued_by:
        body = read_body(note.issued_by, date)
        if body and body.province:
            return body
    clause = _ENACTING.search(text[:LETTERHEAD_CHARS])
    if clause:
        body = read_body(clause.group(), date, listed_only=True)
        if body and body.province:
            return body
    body = read_body(title, date, listed_only=True) if title else None
    return body if body and body.level == "province" and body.province else None


def find_issuer(text: str, head: Letterhead, ref: Reference | None, title: str | None,
                date: str | None) -> Body | None:
    """The body that issued `text`, from its letterhead `head`, its own number `ref`, its
    `title` and signing `date`: national (province "Việt Nam"), a province, a unit below a
    province (no province), or None when the text does not say."""
    known: Body | None = None
    for line in (head.issuer, head.authority):
        body = read_body(line, date) if line else None
        if _settled(body):
            return body
        known = known or body
    if known is None and ref and ref.issuer_code.upper() in national_codes():
        return Body(ref.number, "national", NATIONAL)
    return _weak_evidence(text, head, ref.number if ref else None, title, date) or known

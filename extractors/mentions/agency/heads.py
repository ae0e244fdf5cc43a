"""Bodies read from their head noun (`names.read_name`), typed and canonically named."""

from __future__ import annotations

from extractors.mentions.agency.canonical import is_central, name_text
from extractors.mentions.agency.engine import Scan
from extractors.mentions.agency.lexicon import Head, Lexicon
from extractors.mentions.agency.local import Body
from extractors.mentions.agency.names import head_at, read_name


def _shouting(scan: Scan, i: int) -> bool:
    """A head printed in capitals ("ỦY BAN", "SỞ"): a letterhead or title line, where every word
    is capitalised and the grammar of names cannot see where a name ends."""
    word = scan.words[i]
    return len(word) > 1 and word.isupper()


def _body_of(scan: Scan, at: int, head: Head, lex: Lexicon, taken: list[Body]) -> Body | None:
    """The department, bank … whose unit the head at token `at` names ("Thanh tra | Sở Giao
    thông vận tải"): a listed body starting there, else one read from its own head noun."""
    for body in taken:
        if body.start == at and body.type not in ("central", "issuer", "collective"):
            return body
    inner = head_at(scan, at, lex)
    if inner is None or inner.of_body:
        return None
    name = read_name(scan, at, scan.at("HEAD", at)[0], inner, lex)
    if name is None or is_central(scan, at, name.core_end, name.place, lex):
        return None
    return Body(at, name.end, (name_text(scan, at, name.core_end, name.place),), inner.type)


def head_bodies(scan: Scan, lex: Lexicon, taken: list[Body]) -> list[Body]:
    """Every name built on a head noun outside the spans in `taken`, left to right."""
    covered = {k for b in taken for k in range(b.start, b.end)}
    out: list[Body] = []
    last = 0
    for i in sorted(scan.found.get("HEAD", {})):
        if i < last or i in covered or scan.at("COUNCIL", i) or _shouting(scan, i):
            continue
        head = head_at(scan, i, lex)
        if head is None:
            continue
        end = scan.at("HEAD", i)[0]
        owned = _body_of(scan, end, head, lex, taken) if head.of_body else None
        if owned:
            out.append(Body(i, owned.end, tuple(f"{head.phrase} {n}" for n in owned.names),
                            head.type))
            last = owned.end
            continue
        name = read_name(scan, i, end, head, lex)
        if name is None:
            continue
        typ = "central" if is_central(scan, i, name.core_end, name.place, lex) else head.type
        out.append(Body(i, name.end, (name_text(scan, i, name.core_end, name.place),), typ))
        last = name.end
    return out

"""Bodies read from their head noun (`names.read_name`), typed and canonically named."""

from __future__ import annotations

from extractors.mentions.agency.canonical import is_central, name_text
from extractors.mentions.agency.engine import Scan
from extractors.mentions.agency.lexicon import Lexicon
from extractors.mentions.agency.local import Body
from extractors.mentions.agency.names import head_at, read_name


def _shouting(scan: Scan, i: int) -> bool:
    """A head printed in capitals ("ỦY BAN", "SỞ"): a letterhead or title line, where every word
    is capitalised and the grammar of names cannot see where a name ends."""
    word = scan.words[i]
    return len(word) > 1 and word.isupper()


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
        name = read_name(scan, i, end, head, lex)
        if name is None:
            continue
        typ = "central" if is_central(scan, i, name.core_end, name.place, lex) else head.type
        out.append(Body(i, name.end, (name_text(scan, i, name.core_end, name.place),), typ))
        last = name.end
    return out

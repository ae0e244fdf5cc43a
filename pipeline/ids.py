"""Document ids unique across the whole output set, stable from one refresh to the next.

A document's natural id comes from its letterhead (`haiduong-2016-kh681`) or its file name
(`rep-2` for `rep-2.txt`). Ids already in the set stay as they are; a document keeps its
previous id while its natural id is unchanged; the others take their natural id when no
document of the set holds it, else the first `-2`, `-3` … that is nobody's id, natural or
given. So `rep.txt`, `rep_.txt` and `rep-2.txt` become `rep`, `rep-3` and `rep-2`, and
`cleaned/<doc_id>.txt` never holds two documents. Ids are also made safe as file names and
kept short (a 255-byte file name must not end the batch).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

import regex

MAX_ID = 100  # characters; `cleaned/<id>.txt` and temporary names stay far below NAME_MAX
_UNSAFE = regex.compile(r"[^A-Za-z0-9._-]+")


def safe_id(natural: str) -> str:
    """`natural` as a file-name-safe id of at most MAX_ID characters: unsafe characters
    become "-", and a long id keeps its start plus a hash of the whole."""
    text = _UNSAFE.sub("-", natural).strip("-.") or "document"
    if len(text) <= MAX_ID:
        return text
    digest = hashlib.sha256(natural.encode()).hexdigest()[:10]
    return f"{text[:MAX_ID - 11].rstrip('-.')}-{digest}"


@dataclass
class Claim:
    """A document placed in this run that needs an id."""

    key: str  # its source key (absolute path): the order ids are handed out in
    natural: str
    previous: str | None = None  # its id in the previous set, if it was there


def assign_ids(claims: list[Claim], kept: set[str]) -> dict[str, str]:
    """Source key → doc_id for `claims`, none equal to another's or to one of `kept` (the
    ids of documents carried over unchanged)."""
    taken = set(kept)
    ids: dict[str, str] = {}
    pending = []
    for claim in sorted(claims, key=lambda c: c.key):
        natural = safe_id(claim.natural)
        if claim.previous and claim.previous not in taken and \
                _natural_of(claim.previous, natural):
            ids[claim.key] = claim.previous
            taken.add(claim.previous)
        else:
            pending.append((claim, natural))
    waiting = []
    for claim, natural in pending:
        if natural in taken:
            waiting.append((claim, natural))
        else:
            ids[claim.key] = natural
            taken.add(natural)
    for claim, natural in waiting:
        number = 2
        while f"{natural}-{number}" in taken:
            number += 1
        ids[claim.key] = f"{natural}-{number}"
        taken.add(ids[claim.key])
    return ids


def _natural_of(previous: str, natural: str) -> bool:
    """True when `previous` was given for the natural id `natural` (itself or a suffix)."""
    if previous == natural:
        return True
    stem, _, number = previous.rpartition("-")
    return stem == natural and number.isdigit()

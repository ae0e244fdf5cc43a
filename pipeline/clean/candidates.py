"""Candidate syllables for an OCR'd token, with the channel cost of each (noisy channel).

A candidate shares the token's skeleton (only marks differ: tone, ă/â/ê/ô/ơ/ư, đ) or reaches
it through one or two letter confusions from `corpora/resources/ocr_confusions.tsv` (where "^"
and "$" anchor a confusion to the start or end of the syllable, and an empty side is a lost or
an extra letter).
"""

from __future__ import annotations

import csv
from functools import lru_cache

from pipeline.clean import lexicon
from pipeline.clean.syllable import modifiers, skeleton, split_tone

TONE_COST = 1.0
MARK_COST = 1.0
MAX_COST = 3.0


@lru_cache(maxsize=1)
def confusions() -> tuple[tuple[str, str, float], ...]:
    """Letter confusions (seen, meant, cost) from the data file."""
    rows = []
    with open(lexicon.RESOURCES / "ocr_confusions.tsv", encoding="utf-8") as f:
        for row in csv.reader((ln for ln in f if not ln.startswith("#")), delimiter="\t"):
            if row and row[0] != "seen":
                rows.append((row[0], row[1], float(row[2])))
    return tuple(rows)


def skeleton_variants(sk: str, depth: int = 2) -> dict[str, float]:
    """Skeletons reachable from `sk` by up to `depth` letter confusions, with their cost."""
    sk = f"^{sk}$"  # anchors let the table say "at the start" or "at the end"
    found = {sk: 0.0}
    frontier = {sk: 0.0}
    for _ in range(depth):
        nxt: dict[str, float] = {}
        for s, base in frontier.items():
            for seen, meant, cost in confusions():
                i = s.find(seen)
                while i != -1:
                    v = s[:i] + meant + s[i + len(seen):]
                    c = base + cost
                    if c <= MAX_COST and c < found.get(v, 99.0):
                        found[v] = nxt[v] = c
                    i = s.find(seen, i + 1)
        frontier = nxt
    return {v[1:-1]: c for v, c in found.items() if v.startswith("^") and v.endswith("$")}


def mark_distance(a: str, b: str) -> float:
    """Channel cost of the mark differences between two syllables."""
    ta, ma = _marks(a)
    tb, mb = _marks(b)
    left = list(ma)
    added = 0
    for m in mb:
        if m in left:
            left.remove(m)
        else:
            added += 1
    # a swapped mark (ơ/ô, ư/u+horn lost) is one confusion, not two
    return TONE_COST * (ta != tb) + MARK_COST * max(added, len(left))


@lru_cache(maxsize=65536)
def _marks(syl: str) -> tuple[int, tuple[str, ...]]:
    return split_tone(syl)[1], modifiers(syl)


@lru_cache(maxsize=200_000)
def candidates(token_key: str) -> tuple[tuple[str, float], ...]:
    """(syllable, cost) pairs for a lowercase token, the token itself first at cost 0."""
    lex = lexicon.load()
    out = {token_key: 0.0}
    for sk, letter_cost in skeleton_variants(skeleton(token_key)).items():
        for cand in lex.by_skeleton.get(sk, ()):
            cost = letter_cost + mark_distance(token_key, cand)
            if cost <= MAX_COST and cost < out.get(cand, 99.0):
                out[cand] = cost
    own = out.pop(token_key)
    rest = sorted(out.items(), key=lambda kv: (kv[1], -lex.uni.get(kv[0], 0.0), kv[0]))
    return ((token_key, own), *rest)

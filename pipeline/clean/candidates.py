"""Candidate syllables for an OCR'd token, with the channel cost of each (noisy channel).

A candidate shares the token's skeleton (only marks differ: tone, ă/â/ê/ô/ơ/ư, đ) or reaches
it through one or two letter confusions (where "^" and "$" anchor a confusion to the start or
end of the syllable, and an empty side is a lost or an extra letter). Costs are −log10
P(observed | intended) learned from Tesseract output on rendered general text
(`corpora/resources/ocr_channel.tsv`, `scripts/train_channel.py`): per tone pair, per vowel-mark
or đ/d pair, per letter confusion. The hand-written `ocr_confusions.tsv` fills in the letter
confusions the training pages never showed (real scans have some that rendered fonts lack),
at HAND_SCALE log10 per unit of its cost. A speckled scan (`speckled.py`) gets the channel
learned from the speckled training renders alone (`ocr_channel_speckled.tsv`): specks make
their own confusions, and make every confusion more frequent.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from pipeline.clean import lexicon
from pipeline.clean.speckled import current_regime
from pipeline.clean.syllable import modifiers, skeleton, split_tone

MAX_COST = 4.5  # log10: letter confusion paths less likely than this are not followed
MARK_MAX_COST = 5.5  # log10: nor candidates (marks included) less likely than 10^-5.5
HAND_SCALE = 2.0  # log10 per unit of a hand-written confusion cost (≈ a learned tone swap)
LETTER_CAP = 3.0  # rarer learned letter confusions are not tried (each one costs speed)
MARK_FALLBACK = 2.3  # per mark change when the skeletons differ (positions cannot be paired)
CHANNEL_WEIGHT = 0.7  # weight of the channel log10 P(observed | intended) against the LM
CHANNEL_FILES = {"clean": "ocr_channel.tsv", "speckled": "ocr_channel_speckled.tsv"}


@dataclass(frozen=True)
class Channel:
    """Learned costs: tone[(intended, observed)], mark[(intended, observed)], and the
    unseen-pair cost per intended tone / letter (the smoothing floor)."""

    tone: dict[tuple[int, int], float]
    mark: dict[tuple[str, str], float]
    unseen: dict[tuple[str, str], float]
    letters: tuple[tuple[str, str, float], ...]  # (seen, meant, cost)
    vowel: dict[tuple[str, str], float]  # whole marked vowels, tone included: ("á", "ầ")


def _rows(name: str) -> Iterator[list[str]]:
    """Data rows of a TSV resource (no quoting: '"' is an OCR'd mark like any other)."""
    with open(lexicon.RESOURCES / name, encoding="utf-8") as f:
        for line in f:
            row = line.rstrip("\n").split("\t")
            if len(row) > 1 and not line.startswith("#") and row[0] not in ("seen", "kind"):
                yield row


@lru_cache(maxsize=2)
def channel(regime: str = "clean") -> Channel:
    """The learned channel of a scan regime, with the hand-written letter confusions it
    lacks."""
    tone: dict[tuple[int, int], float] = {}
    mark: dict[tuple[str, str], float] = {}
    unseen: dict[tuple[str, str], float] = {}
    letters: dict[tuple[str, str], float] = {}
    vowel: dict[tuple[str, str], float] = {}
    for kind, meant, seen, _n, total, cost in _rows(CHANNEL_FILES[regime]):
        c = float(cost)
        unseen[kind, meant] = min(4.0, -math.log10(0.5 / (int(total) + 1)))
        if kind == "tone":
            tone[int(meant), int(seen)] = c
        elif kind == "mark":
            mark[meant, seen] = c
        elif kind == "vowel":
            vowel[meant, seen] = c
        elif kind == "letter" and c <= LETTER_CAP:
            letters[seen, meant] = c
    for seen, meant, cost in _rows("ocr_confusions.tsv"):
        letters.setdefault((seen, meant), float(cost) * HAND_SCALE)
    return Channel(tone, mark, unseen, tuple((s, m, c) for (s, m), c in letters.items()),
                   vowel)


def confusions(regime: str = "clean") -> tuple[tuple[str, str, float], ...]:
    """Letter confusions (seen, meant, cost)."""
    return channel(regime).letters


@lru_cache(maxsize=2)
def _confusions_by_seen(regime: str) -> tuple[int, dict[str, tuple[tuple[str, float], ...]]]:
    """The confusions indexed by their observed side, and its longest length: a syllable is
    then scanned position by position instead of searched once per confusion."""
    index: dict[str, list[tuple[str, float]]] = {}
    for seen, meant, cost in confusions(regime):
        index.setdefault(seen, []).append((meant, cost))
    return max(map(len, index)), {k: tuple(v) for k, v in index.items()}


@lru_cache(maxsize=50_000)
def skeleton_variants(sk: str, depth: int = 2, regime: str = "clean") -> dict[str, float]:
    """Skeletons reachable from `sk` by up to `depth` letter confusions, with their cost
    (cached: "tin", "tín" and "tỉn" share one skeleton; callers must not change the dict)."""
    longest, index = _confusions_by_seen(regime)
    sk = f"^{sk}$"  # anchors let the table say "at the start" or "at the end"
    found = {sk: 0.0}
    frontier = {sk: 0.0}
    for _ in range(depth):
        nxt: dict[str, float] = {}
        for s, base in frontier.items():
            for i in range(len(s)):
                for j in range(i + 1, min(len(s), i + longest) + 1):
                    for meant, cost in index.get(s[i:j], ()):
                        v = s[:i] + meant + s[j:]
                        c = base + cost
                        if c <= MAX_COST and c < found.get(v, 99.0):
                            found[v] = nxt[v] = c
        frontier = nxt
    return {v[1:-1]: c for v, c in found.items() if v.startswith("^") and v.endswith("$")}


def mark_distance(seen: str, meant: str, regime: str = "clean") -> float:
    """Channel cost of the mark differences between an OCR'd syllable and a candidate:
    −log10 P(seen tone | meant tone) plus, letter by letter, −log10 P(seen letter | meant
    letter) for the marked ones (ă/â/a, ê/e, ô/ơ/o, ư/u, đ/d)."""
    ch = channel(regime)
    base_s, ts = split_tone(seen)
    base_m, tm = split_tone(meant)
    cost = 0.0 if ts == tm else ch.tone.get((tm, ts), ch.unseen.get(("tone", str(tm)), 4.0))
    if len(base_s) == len(base_m) and skeleton(base_s) == skeleton(base_m):
        for x, y in zip(base_m, base_s, strict=True):
            if x != y:
                cost += ch.mark.get((x, y), ch.unseen.get(("mark", x), 4.0))
        if len(seen) == len(meant):  # the same, vowel by vowel with its tone: the cheaper
            joint = 0.0
            for x, y in zip(meant, seen, strict=True):
                if x != y:
                    joint += ch.vowel.get((x, y), ch.unseen.get(("vowel", x), 4.0))
            cost = min(cost, joint)
        return cost
    ms, mm = list(modifiers(seen)), modifiers(meant)
    added = 0
    for m in mm:
        if m in ms:
            ms.remove(m)
        else:
            added += 1
    # a swapped mark (ơ/ô, ư/u+horn lost) is one confusion, not two
    return cost + MARK_FALLBACK * max(added, len(ms))


def candidates(token_key: str) -> tuple[tuple[str, float], ...]:
    """(syllable, cost) pairs for a lowercase token, the token itself first at cost 0, under
    the channel of the document being cleaned (`speckled.current_regime`)."""
    return regime_candidates(token_key, current_regime())


@lru_cache(maxsize=200_000)
def regime_candidates(token_key: str, regime: str) -> tuple[tuple[str, float], ...]:
    """`candidates` under the channel of `regime`."""
    lex = lexicon.load()
    out = {token_key: 0.0}
    for sk, letter_cost in skeleton_variants(skeleton(token_key), 2, regime).items():
        for cand in lex.by_skeleton.get(sk, ()):
            cost = letter_cost + mark_distance(token_key, cand, regime)
            if cost <= MARK_MAX_COST and cost < out.get(cand, 99.0):
                out[cand] = cost
    own = out.pop(token_key)
    # ranked as the decision will weigh them, channel against how common the syllable is, so
    # that the lattice's cut keeps "cán" (3.2 from "cần", a common word) before ten rare
    # syllables a little closer ("cẩn", "cấn")
    rest = sorted(out.items(), key=lambda kv: (
        CHANNEL_WEIGHT * kv[1] - math.log10((lex.uni.get(kv[0], 0.0) + 0.5) / lex.total),
        kv[0]))
    return ((token_key, own), *rest)


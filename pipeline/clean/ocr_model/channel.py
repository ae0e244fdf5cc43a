"""Candidate syllables for an OCR'd token, with the channel cost of each (noisy channel).

A candidate shares the token's skeleton (only marks differ: tone, ă/â/ê/ô/ơ/ư, đ) or reaches
it through one or two letter confusions (where "^" and "$" anchor a confusion to the start or
end of the syllable, and an empty side is a lost or an extra letter). Costs are −log10
P(observed | intended) learned from Tesseract output on rendered general text
(`pipeline/clean/resources/ocr_channel.tsv`, `scripts/train_channel.py`): per tone pair, per
vowel-mark or đ/d pair, per letter confusion. The hand-written `ocr_confusions.tsv` fills in
the letter confusions the training pages never showed (real scans have some that rendered
fonts lack), at `hand_scale` log10 per unit of its cost. A speckled scan gets the channel
learned from the speckled training renders alone (`ocr_channel_speckled.tsv`): specks make
their own confusions, and make every confusion more frequent.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from pipeline.clean.config import ChannelConfig
from pipeline.clean.ocr_model.lexicon import Lexicon
from pipeline.vi.syllable import modifiers, skeleton, split_tone


@dataclass(frozen=True)
class Channel:
    """Learned costs: tone[(intended, observed)], mark[(intended, observed)], and the
    unseen-pair cost per intended tone / letter (the smoothing floor)."""

    tone: dict[tuple[int, int], float]
    mark: dict[tuple[str, str], float]
    unseen: dict[tuple[str, str], float]
    letters: tuple[tuple[str, str, float], ...]  # (seen, meant, cost)
    vowel: dict[tuple[str, str], float]  # whole marked vowels, tone included: ("á", "ầ")


def _rows(path: Path) -> Iterator[list[str]]:
    """Data rows of a TSV resource (no quoting: '"' is an OCR'd mark like any other)."""
    with open(path, encoding="utf-8") as f:
        for line in f:
            row = line.rstrip("\n").split("\t")
            if len(row) > 1 and not line.startswith("#") and row[0] not in ("seen", "kind"):
                yield row


def read_channel(learned: Path, hand_written: Path, config: ChannelConfig) -> Channel:
    """A learned channel table with the hand-written letter confusions it lacks."""
    tone: dict[tuple[int, int], float] = {}
    mark: dict[tuple[str, str], float] = {}
    unseen: dict[tuple[str, str], float] = {}
    letters: dict[tuple[str, str], float] = {}
    vowel: dict[tuple[str, str], float] = {}
    for kind, meant, seen, _n, total, cost in _rows(learned):
        c = float(cost)
        unseen[kind, meant] = min(4.0, -math.log10(0.5 / (int(total) + 1)))
        if kind == "tone":
            tone[int(meant), int(seen)] = c
        elif kind == "mark":
            mark[meant, seen] = c
        elif kind == "vowel":
            vowel[meant, seen] = c
        elif kind == "letter" and c <= config.letter_cap:
            letters[seen, meant] = c
    for seen, meant, cost in _rows(hand_written):
        letters.setdefault((seen, meant), float(cost) * config.hand_scale)
    return Channel(tone, mark, unseen, tuple((s, m, c) for (s, m), c in letters.items()),
                   vowel)


class OcrChannel:
    """One scan regime's channel over a lexicon: the candidates of a token and their costs.
    Candidates are memoized on the object (a plan repeats its syllables), so one object
    serves every document of a process."""

    def __init__(self, channel: Channel, lexicon: Lexicon, config: ChannelConfig):
        self.channel, self.lexicon, self.config = channel, lexicon, config
        index: dict[str, list[tuple[str, float]]] = {}
        for seen, meant, cost in channel.letters:
            index.setdefault(seen, []).append((meant, cost))
        # confusions indexed by their observed side: a syllable is scanned position by position
        self._longest = max(map(len, index))
        self._by_seen = {k: tuple(v) for k, v in index.items()}
        self.skeleton_variants = lru_cache(maxsize=50_000)(self._skeleton_variants)
        self.candidates = lru_cache(maxsize=200_000)(self._candidates)

    @property
    def confusions(self) -> tuple[tuple[str, str, float], ...]:
        """Letter confusions (seen, meant, cost)."""
        return self.channel.letters

    def _skeleton_variants(self, sk: str, depth: int = 2) -> dict[str, float]:
        """Skeletons reachable from `sk` by up to `depth` letter confusions, with their cost
        ("tin", "tín" and "tỉn" share one skeleton; callers must not change the dict)."""
        sk = f"^{sk}$"  # anchors let the table say "at the start" or "at the end"
        found = {sk: 0.0}
        frontier = {sk: 0.0}
        for _ in range(depth):
            nxt: dict[str, float] = {}
            for s, base in frontier.items():
                for i in range(len(s)):
                    for j in range(i + 1, min(len(s), i + self._longest) + 1):
                        for meant, cost in self._by_seen.get(s[i:j], ()):
                            v = s[:i] + meant + s[j:]
                            c = base + cost
                            if c <= self.config.max_cost and c < found.get(v, 99.0):
                                found[v] = nxt[v] = c
            frontier = nxt
        return {v[1:-1]: c for v, c in found.items() if v.startswith("^") and v.endswith("$")}

    def mark_distance(self, seen: str, meant: str) -> float:
        """Channel cost of the mark differences between an OCR'd syllable and a candidate:
        −log10 P(seen tone | meant tone) plus, letter by letter, −log10 P(seen letter | meant
        letter) for the marked ones (ă/â/a, ê/e, ô/ơ/o, ư/u, đ/d)."""
        ch = self.channel
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
        return cost + self.config.mark_fallback * max(added, len(ms))

    def _candidates(self, token_key: str) -> tuple[tuple[str, float], ...]:
        """(syllable, cost) pairs for a lowercase token, the token itself first at cost 0."""
        lex = self.lexicon
        out = {token_key: 0.0}
        for sk, letter_cost in self.skeleton_variants(skeleton(token_key), 2).items():
            for cand in lex.by_skeleton.get(sk, ()):
                cost = letter_cost + self.mark_distance(token_key, cand)
                if cost <= self.config.mark_max_cost and cost < out.get(cand, 99.0):
                    out[cand] = cost
        own = out.pop(token_key)
        # ranked as the decision will weigh them, channel against how common the syllable is,
        # so that the lattice's cut keeps "cán" (3.2 from "cần", a common word) before ten
        # rare syllables a little closer ("cẩn", "cấn")
        weight = self.config.weight
        rest = sorted(out.items(), key=lambda kv: (
            weight * kv[1] - math.log10((lex.uni.get(kv[0], 0.0) + 0.5) / lex.total), kv[0]))
        return ((token_key, own), *rest)

"""Scoring a run of syllables: the language model mixed with the document cache, plus the
channel; the best path through a lattice of candidates (Viterbi with a beam), and the score of
one candidate with its neighbours fixed (the margin check)."""

from __future__ import annotations

from dataclasses import dataclass

from pipeline.clean.ocr_model.doccache import DocCache
from pipeline.clean.ocr_model.lm import BigramLM

Lattice = list[tuple[tuple[str, float], ...]]  # per position: (candidate key, channel cost)


def broken_compounds(lm: BigramLM, keys: list[str]) -> list[bool]:
    """Per position j of a run: True if the OCR'd syllables j-1 and j are both orphans (part
    of no listed word with either neighbour), which is what a compound broken by OCR leaves
    ("lễ lời" for "lề lối"); only there may a candidate pair earn the compound bonus. A
    syllable already inside a word ("đạt hiệu quả") earns nothing for making another one."""
    pair = [j > 0 and lm.is_compound(keys[j - 1], keys[j]) for j in range(len(keys))] + [False]
    orphan = [not pair[j] and not pair[j + 1] for j in range(len(keys))]
    return [j > 0 and orphan[j - 1] and orphan[j] for j in range(len(keys))]


@dataclass(frozen=True)
class Scorer:
    """The path score of one document: `lm` mixed with its `cache`, the channel's log10 P
    weighted by `channel_weight`."""

    lm: BigramLM
    cache: DocCache
    channel_weight: float

    def viterbi(self, lattice: Lattice, broken: list[bool], obs: list[str | None],
                beam: int) -> list[str]:
        """Best key sequence through a run of joined tokens (trigram context taken from each
        state's best predecessor), keeping the best `beam` states per position; `obs` are the
        OCR'd keys whose own counts the cache leaves out (None where not counted)."""
        lm, cache, w = self.lm, self.cache, self.channel_weight
        scores = {c: cache.mix(lm.logp(None, c), None, c, None, obs[0]) - w * cost
                  for c, cost in lattice[0]}
        back: list[dict[str, str]] = [{c: None for c in scores}]
        for j, opts in enumerate(lattice[1:], 1):
            nxt: dict[str, float] = {}
            ptr: dict[str, str] = {}
            before = back[-1]
            oa, oc = obs[j - 1], obs[j]
            for c, cost in opts:
                best_p, best_s = None, None
                for p, ps in scores.items():
                    s = ps + cache.mix(lm.path_logp(before[p], p, c, broken[j]), p, c, oa, oc)
                    if best_s is None or s > best_s:
                        best_p, best_s = p, s
                nxt[c] = best_s - w * cost
                ptr[c] = best_p
            back.append(ptr)
            scores = nxt if len(nxt) <= beam else dict(
                sorted(nxt.items(), key=lambda kv: kv[1], reverse=True)[:beam])
        path = [max(scores, key=scores.__getitem__)]
        for ptr in reversed(back[1:]):
            path.append(ptr[path[-1]])
        return path[::-1]

    def local(self, around: list[str | None], c: str, cost: float,
              broken: tuple[bool, bool, bool], obs: list[str | None]) -> float:
        """Score of key `c` with fixed neighbours `around` = [two before, one before, one
        after, two after] (None where the run ends); `broken` says where the compound bonus
        may apply (into c, into the next, into the one after); `obs` are the OCR'd keys [one
        before, here, one after, two after] whose own counts the cache leaves out."""
        lm, cache = self.lm, self.cache
        z, a, n, n2 = around
        s = cache.mix(lm.path_logp(z, a, c, broken[0]), a, c, obs[0], obs[1]) \
            - self.channel_weight * cost
        if n is not None:
            s += cache.mix(lm.path_logp(a, c, n, broken[1]), c, n, obs[1], obs[2])
            if n2 is not None:
                s += cache.mix(lm.path_logp(c, n, n2, broken[2]), n, n2, obs[2], obs[3])
        return s

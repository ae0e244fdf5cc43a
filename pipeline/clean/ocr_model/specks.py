"""What specks do to a scan, as learned tables: the regime threshold and confusion rates
(`pipeline/clean/data/speck_channel.tsv`, `scripts/train_specks.py`), and what clean text
writes around a comma and a semicolon (`pipeline/vi/data/punct_context.tsv`), the context a
speckled scan's ";" is weighed in (`speckled.py`)."""

from __future__ import annotations

import csv
import math
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class SpeckChannel:
    """Regime threshold and P(observed | intended) per regime ("clean", "speckled")."""

    threshold: float  # speck signatures per 1,000 characters that make a page speckled
    rates: dict[tuple[str, str, str, str], float]  # (regime, kind, intended, observed) -> P

    def rate(self, regime: str, kind: str, intended: str, observed: str) -> float:
        """P(observed | intended) in `regime`; 0 for a pair never counted."""
        return self.rates.get((regime, kind, intended, observed), 0.0)

    @classmethod
    def read(cls, path: Path) -> SpeckChannel:
        """The table `scripts/train_specks.py` writes."""
        threshold, rates = 0.0, {}
        with open(path, encoding="utf-8") as f:
            for row in csv.DictReader(f, delimiter="\t"):
                if row["kind"] == "threshold":
                    threshold = float(row["p"])
                else:
                    rates[row["regime"], row["kind"], row["intended"], row["observed"]] = \
                        float(row["p"])
        return cls(threshold, rates)


@dataclass(frozen=True)
class PunctContext:
    """What clean text has on each side of a mid-line comma and semicolon: counts per (side,
    word), side "left" for the word before the mark, "right" for the one after."""

    counts: dict[tuple[str, str], tuple[int, int]]  # (side, word) -> (commas, semicolons)
    totals: tuple[int, int]  # all commas, all semicolons

    def log_odds(self, left: str, right: str, weight: float) -> float:
        """log P(",", left, right) − log P(";", left, right): naive Bayes over the two words,
        each mark's word distribution smoothed toward the pooled one with `weight`
        pseudo-counts."""
        n_comma, n_semicolon = self.totals
        n = n_comma + n_semicolon
        out = math.log(n_comma / n_semicolon)
        for side, word in (("left", left), ("right", right)):
            a, b = self.counts.get((side, word), (0, 0))
            pooled = (a + b + 0.5) / (n + 0.5 * len(self.counts))
            out += math.log((a + weight * pooled) / (n_comma + weight))
            out -= math.log((b + weight * pooled) / (n_semicolon + weight))
        return out

    @classmethod
    def from_counts(cls, commas: dict[tuple[str, str], int],
                    semicolons: dict[tuple[str, str], int]) -> PunctContext:
        """From per-(side, word) counts of commas and of semicolons."""
        counts = {k: (commas.get(k, 0), semicolons.get(k, 0))
                  for k in set(commas) | set(semicolons)}
        return cls(counts, (sum(v for (side, _), v in commas.items() if side == "left"),
                            sum(v for (side, _), v in semicolons.items() if side == "left")))

    @classmethod
    def read(cls, path: Path) -> PunctContext:
        """The table `scripts/build_resources.py` writes."""
        commas, semicolons = {}, {}
        with open(path, encoding="utf-8") as f:
            for row in csv.reader(f, delimiter="\t"):
                if row[0] != "side":
                    commas[row[0], row[1]], semicolons[row[0], row[1]] = int(row[2]), int(row[3])
        return cls.from_counts(commas, semicolons)

"""Counts and rates: precision/recall/F1 from TP/FP/FN, accuracy from correct/total.

Kept apart from matching so every table of the report computes its rates the same way,
per document and micro-averaged (counts summed over documents, then rates).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field


@dataclass
class Counts:
    """True positives, false positives, false negatives of one document or of all of them."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    def rates(self) -> dict[str, float]:
        """P, R, F1; nothing to find and nothing found scores 1.0, an empty denominator 0.0."""
        if self.tp + self.fp + self.fn == 0:
            return {"precision": 1.0, "recall": 1.0, "f1": 1.0}
        precision = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        recall = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f1 = 2 * self.tp / (2 * self.tp + self.fp + self.fn)
        return {"precision": precision, "recall": recall, "f1": f1}

    def as_dict(self) -> dict:
        """Counts and rounded rates, the form stored in report.json."""
        rates = {key: round(value, 4) for key, value in self.rates().items()}
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, **rates}


@dataclass
class Tally:
    """Correct out of total, for an attribute compared on matched pairs."""

    correct: int = 0
    total: int = 0

    def __add__(self, other: Tally) -> Tally:
        return Tally(self.correct + other.correct, self.total + other.total)

    def add(self, ok: bool) -> None:
        """Count one compared pair."""
        self.correct += int(ok)
        self.total += 1

    def as_dict(self) -> dict:
        """Counts and the rounded accuracy (None when nothing was compared)."""
        accuracy = round(self.correct / self.total, 4) if self.total else None
        return {"correct": self.correct, "total": self.total, "accuracy": accuracy}


def micro(items: Iterable[Counts | Tally]) -> Counts | Tally | None:
    """Sum of per-document counts (None for no documents)."""
    total = None
    for item in items:
        total = item if total is None else total + item
    return total


@dataclass
class Part:
    """What one scorer found in one document: counts, attribute tallies, listed errors, and
    the (gold, predicted) values of matched pairs that agreement (Cohen's kappa) is read from."""

    counts: dict[str, Counts] = field(default_factory=dict)
    tallies: dict[str, Tally] = field(default_factory=dict)
    errors: dict[str, list[dict]] = field(default_factory=dict)
    pairs: dict[str, list[tuple]] = field(default_factory=dict)

    def tally_field(self, tally: str, table: str, doc_id: str, field: str,
                    pairs: list[tuple[dict, dict]], section_of, detail) -> None:
        """Accuracy of `field` over matched (gold, pred) pairs; each disagreement listed
        under `table` with `detail(gold, pred)`, both records and the gold evidence's section."""
        from pipeline.score.match import same

        counter = self.tallies.setdefault(tally, Tally())
        for g, p in pairs:
            agree = same(g.get(field), p.get(field))
            counter.add(agree)
            if not agree:
                self.error(table, doc_id, f"wrong {field}", g.get("evidence", ""),
                           section_of(g.get("evidence", "")), detail(g, p), gold=[g], pred=[p],
                           fields=[field])

    def error(self, table: str, doc_id: str, kind: str, text: str, section: str,
              detail: str = "", *, gold: list[dict] | None = None,
              pred: list[dict] | None = None, fields: list[str] | None = None) -> None:
        """List one error under `table`: FN, FP, a near miss (a gold and a predicted record at
        the same place that differ in `fields`) or a wrong attribute of a matched pair."""
        self.errors.setdefault(table, []).append(
            {"doc_id": doc_id, "table": table, "error": kind, "text": text, "section": section,
             "detail": detail, "fields": list(fields or []), "gold": list(gold or []),
             "pred": list(pred or [])})

    def merge(self, other: Part) -> None:
        """Add another scorer's findings on the same document."""
        self.counts.update(other.counts)
        self.tallies.update(other.tallies)
        for table, errors in other.errors.items():
            self.errors.setdefault(table, []).extend(errors)
        for name, pairs in other.pairs.items():
            self.pairs.setdefault(name, []).extend(pairs)

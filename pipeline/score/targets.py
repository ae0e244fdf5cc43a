"""Targets: strict and lenient one-to-one matches, attribute accuracy, listed misses.

Strict asks for the number, its range, unit, year and scope to be right; lenient only for the
number, so the gap between the two shows how much is lost on the details (ANNOTATION §2).
"""

from __future__ import annotations

from pipeline.score.context import GoldSections, PredSections
from pipeline.score.data import DocInput
from pipeline.score.locate import evidence_overlaps
from pipeline.score.match import Pair, blank, one_to_one, same
from pipeline.score.metrics import Counts, Part, Tally

STRICT_FIELDS = ("value", "value_max", "unit", "year", "scope_level")
ATTRIBUTES = ("code", "comparator", "kind", "period_start")


def describe(row: dict) -> str:
    """Short form of a target's fields for error lists: '30 % = year 2020 DVC_L3'."""
    value = _number(row.get("value"))
    if blank(row.get("value_max")) is not None:
        value += f"–{_number(row['value_max'])}"
    parts = [value, row.get("unit"), row.get("comparator"),
             f"year {_number(row.get('year'))}", f"scope {row.get('scope_level') or '-'}",
             row.get("code"), row.get("kind")]
    return " ".join(str(part) for part in parts if blank(part) is not None)


def _number(value) -> str:
    value = blank(value)
    return "-" if value is None else f"{float(value):g}"


def _edges(doc: DocInput) -> tuple[dict[Pair, float], dict[Pair, float]]:
    """Candidate pairs: lenient (value and evidence) and strict (all strict fields too)."""
    gold, pred = doc.gold.get("targets", []), doc.pred["targets"]
    lenient, strict = {}, {}
    fields = STRICT_FIELDS + ATTRIBUTES
    for g_index, g in enumerate(gold):
        for p_index, p in enumerate(pred):
            if not same(g.get("value"), p.get("value")):
                continue
            if not evidence_overlaps(g.get("evidence"), p, doc.locator):
                continue
            agree = sum(same(g.get(f), p.get(f)) for f in fields) / len(fields)
            lenient[(g_index, p_index)] = agree
            if all(same(g.get(f), p.get(f)) for f in STRICT_FIELDS):
                strict[(g_index, p_index)] = agree
    return lenient, strict


def _differences(g: dict, p: dict) -> str:
    wrong = [f"{f} {p.get(f)!s} (gold {g.get(f)!s})" for f in STRICT_FIELDS
             if not same(g.get(f), p.get(f))]
    return "lenient match, pred differs: " + ", ".join(wrong)


def score_targets(doc: DocInput, gold_ctx: GoldSections, pred_ctx: PredSections) -> Part:
    """Counts, attribute tallies, kappa pairs and errors of one document's targets."""
    gold, pred = doc.gold.get("targets", []), doc.pred["targets"]
    lenient_edges, strict_edges = _edges(doc)
    strict = one_to_one(len(gold), len(pred), strict_edges)
    lenient = one_to_one(len(gold), len(pred), lenient_edges)
    part = Part()
    for name, pairs in (("targets_strict", strict), ("targets_lenient", lenient)):
        part.counts[name] = Counts(len(pairs), len(pred) - len(pairs), len(gold) - len(pairs))
    matched = [(gold[g], pred[p]) for g, p in strict]
    for attribute in ATTRIBUTES:
        part.tally_field(f"target_{attribute}", "targets", doc.doc_id, attribute, matched,
                         gold_ctx.of, lambda g, p, a=attribute:
                         f"pred {p.get(a)!s}, gold {g.get(a)!s}")
    year = part.tallies.setdefault("target_year", Tally())
    for g, p in lenient:  # on strict pairs the year is right by definition
        year.add(same(gold[g].get("year"), pred[p].get("year")))
    part.pairs["code"] = [(gold[g].get("code"), pred[p].get("code")) for g, p in lenient]
    _list_misses(doc, part, strict, lenient, gold_ctx, pred_ctx)
    return part


def _list_misses(doc: DocInput, part: Part, strict: list[Pair], lenient: list[Pair],
                 gold_ctx: GoldSections, pred_ctx: PredSections) -> None:
    """FN and FP, except that a gold and a predicted target paired leniently but not strictly
    are one near miss: the same number at the same place, a strict field differing."""
    gold, pred = doc.gold.get("targets", []), doc.pred["targets"]
    gold_hit, pred_hit = {g for g, _ in strict}, {p for _, p in strict}
    near = [(g, p) for g, p in lenient if g not in gold_hit and p not in pred_hit]
    for g, p in near:
        wrong = [f for f in STRICT_FIELDS if not same(gold[g].get(f), pred[p].get(f))]
        evidence = gold[g].get("evidence", "")
        part.error("targets", doc.doc_id, "near miss", evidence, gold_ctx.of(evidence),
                   describe(gold[g]) + "; " + _differences(gold[g], pred[p]),
                   gold=[gold[g]], pred=[pred[p]], fields=wrong)
    near_gold, near_pred = {g for g, _ in near}, {p for _, p in near}
    for index, g in enumerate(gold):
        if index not in gold_hit and index not in near_gold:
            evidence = g.get("evidence", "")
            part.error("targets", doc.doc_id, "FN", evidence, gold_ctx.of(evidence),
                       describe(g), gold=[g])
    for index, p in enumerate(pred):
        if index not in pred_hit and index not in near_pred:
            part.error("targets", doc.doc_id, "FP", p.get("evidence") or "", pred_ctx.of(p),
                       describe(p), pred=[p])

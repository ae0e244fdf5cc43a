"""Sections: level 1-2 headings matched on number and heading, then label and level accuracy.

Only the contract's two levels are gold (ANNOTATION §1); deeper predicted headings are not
counted against the extractor.
"""

from __future__ import annotations

from rapidfuzz import fuzz

from pipeline.score.context import GoldSections, PredSections, heading_title
from pipeline.score.data import DocInput
from pipeline.score.locate import norm_text
from pipeline.score.match import one_to_one
from pipeline.score.metrics import Counts, Part, Tally

HEADING_CUTOFF = 85.0
NEAR_CUTOFF = 60.0  # a numbered heading read with a damaged or cut title


def norm_number(number: str | None) -> str:
    """'II.', 'ii', ' 2) ' → 'ii', '2': casefolded, without trailing punctuation."""
    return norm_text(number).rstrip(".):;, ").lstrip("(")


def norm_heading(heading: str | None) -> str:
    """Comparison form of a heading: casefolded, collapsed, without trailing punctuation."""
    return norm_text(heading).strip(" .:;,")


def scored_pred_sections(rows: list[dict]) -> list[dict]:
    """Predicted headings the contract covers: level 1 or 2, in document order."""
    keep = [row for row in rows if row.get("level") in (1, 2)]
    return sorted(keep, key=lambda row: (row.get("start") or 0, row.get("sec_id") or 0))


def _edges(gold: list[dict], pred: list[dict]) -> dict[tuple[int, int], float]:
    edges = {}
    for g_index, g in enumerate(gold):
        number, heading = norm_number(g.get("number")), norm_heading(g.get("heading"))
        for p_index, p in enumerate(pred):
            if norm_number(p.get("number")) != number:
                continue
            ratio = fuzz.ratio(heading, norm_heading(p.get("heading")))
            if ratio < HEADING_CUTOFF:
                continue
            order = abs(g_index / len(gold) - p_index / len(pred))
            edges[(g_index, p_index)] = ratio / 100 - 0.5 * order
    return edges


def score_sections(doc: DocInput, gold_ctx: GoldSections, pred_ctx: PredSections) -> Part:
    """Heading counts, label and level tallies, label pairs and errors of one document's
    sections."""
    gold, pred = doc.gold.get("sections", []), scored_pred_sections(doc.pred_sections)
    pairs = one_to_one(len(gold), len(pred), _edges(gold, pred))
    part = Part()
    part.counts["sections"] = Counts(len(pairs), len(pred) - len(pairs), len(gold) - len(pairs))
    part.pairs["label"] = [(gold[g].get("label"), pred[p].get("label")) for g, p in pairs]
    for field in ("label", "level"):
        tally = part.tallies.setdefault(f"section_{field}", Tally())
        for g_index, p_index in pairs:
            g, p = gold[g_index], pred[p_index]
            tally.add(g.get(field) == p.get(field))
            if g.get(field) != p.get(field):
                part.error("sections", doc.doc_id, f"wrong {field}",
                           heading_title(g.get("number"), g.get("heading")),
                           gold_ctx.parent_of(g_index, gold),
                           f"pred {p.get(field)!s}, gold {g.get(field)!s}", gold=[g], pred=[p],
                           fields=[field])
    _list_misses(doc.doc_id, part, gold, pred, pairs, gold_ctx, pred_ctx)
    return part


def _near_misses(gold: list[dict], pred: list[dict], gold_left: list[int],
                 pred_left: list[int]) -> list[tuple[int, int]]:
    """Unmatched headings that are one heading seen two ways: the same number with a heading
    that differs more than matching allows, or the same heading under another number."""
    edges = {}
    for g in gold_left:
        number, heading = norm_number(gold[g].get("number")), norm_heading(gold[g].get("heading"))
        for p in pred_left:
            ratio = fuzz.ratio(heading, norm_heading(pred[p].get("heading")))
            same_number = norm_number(pred[p].get("number")) == number
            if (same_number and ratio >= NEAR_CUTOFF) or ratio >= HEADING_CUTOFF:
                edges[(g, p)] = ratio / 100
    return one_to_one(len(gold), len(pred), edges)


def _differing(g: dict, p: dict) -> list[str]:
    """Fields of two headings that differ (number and heading in comparison form)."""
    norms = {"number": norm_number, "heading": norm_heading}
    return [f for f in ("number", "heading", "level", "label")
            if norms.get(f, lambda v: v)(g.get(f)) != norms.get(f, lambda v: v)(p.get(f))]


def _list_misses(doc_id: str, part: Part, gold: list[dict], pred: list[dict],
                 pairs: list[tuple[int, int]], gold_ctx: GoldSections,
                 pred_ctx: PredSections) -> None:
    matched_gold, matched_pred = {g for g, _ in pairs}, {p for _, p in pairs}
    gold_left = [i for i in range(len(gold)) if i not in matched_gold]
    pred_left = [i for i in range(len(pred)) if i not in matched_pred]
    near = _near_misses(gold, pred, gold_left, pred_left)
    for g_index, p_index in near:
        g, p = gold[g_index], pred[p_index]
        wrong = _differing(g, p)
        part.error("sections", doc_id, "near miss",
                   heading_title(g.get("number"), g.get("heading")),
                   gold_ctx.parent_of(g_index, gold),
                   f"pred {heading_title(p.get('number'), p.get('heading'))!r}",
                   gold=[g], pred=[p], fields=wrong)
    near_gold, near_pred = {g for g, _ in near}, {p for _, p in near}
    for index in gold_left:
        if index not in near_gold:
            g = gold[index]
            part.error("sections", doc_id, "FN", heading_title(g.get("number"), g.get("heading")),
                       gold_ctx.parent_of(index, gold), f"level {g.get('level')}, {g.get('label')}",
                       gold=[g])
    for index in pred_left:
        if index not in near_pred:
            p = pred[index]
            part.error("sections", doc_id, "FP", heading_title(p.get("number"), p.get("heading")),
                       pred_ctx.parent_of(p), f"level {p.get('level')}, {p.get('label')}",
                       pred=[p])

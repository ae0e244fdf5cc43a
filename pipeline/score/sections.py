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
    """Heading counts, label and level tallies, and errors of one document's sections."""
    gold, pred = doc.gold.get("sections", []), scored_pred_sections(doc.pred_sections)
    pairs = one_to_one(len(gold), len(pred), _edges(gold, pred))
    part = Part()
    part.counts["sections"] = Counts(len(pairs), len(pred) - len(pairs), len(gold) - len(pairs))
    for field in ("label", "level"):
        tally = part.tallies.setdefault(f"section_{field}", Tally())
        for g_index, p_index in pairs:
            g, p = gold[g_index], pred[p_index]
            tally.add(g.get(field) == p.get(field))
            if g.get(field) != p.get(field):
                part.error("sections", doc.doc_id, f"wrong {field}",
                           heading_title(g.get("number"), g.get("heading")),
                           gold_ctx.parent_of(g_index, gold),
                           f"pred {p.get(field)!s}, gold {g.get(field)!s}")
    matched_gold, matched_pred = {g for g, _ in pairs}, {p for _, p in pairs}
    for index, g in enumerate(gold):
        if index not in matched_gold:
            part.error("sections", doc.doc_id, "FN",
                       heading_title(g.get("number"), g.get("heading")),
                       gold_ctx.parent_of(index, gold), f"level {g.get('level')}, {g['label']}")
    for index, p in enumerate(pred):
        if index not in matched_pred:
            part.error("sections", doc.doc_id, "FP",
                       heading_title(p.get("number"), p.get("heading")), pred_ctx.parent_of(p),
                       f"level {p.get('level')}, {p.get('label')}")
    return part

"""Assignments: records matched on (agency, role) and task, the set of (agency, role) pairs,
and deadline accuracy on matched records.

Record scores depend on how finely an extractor splits duties; the set score does not, so
the two together tell "wrong agencies" apart from "same agencies, other granularity".
"""

from __future__ import annotations

import re

from rapidfuzz import fuzz

from pipeline.score.context import GoldSections, PredSections
from pipeline.score.data import DocInput
from pipeline.score.locate import evidence_overlaps, norm_text, text_overlap
from pipeline.score.match import one_to_one, same
from pipeline.score.metrics import Counts, Part

DEADLINE_FIELDS = {"deadline_due_end": "due_end", "deadline_due_start": "due_start",
                   "deadline_recurrence": "recurrence"}
COMPARED = ("agency", "role", "task", "deadline_text", "due_start", "due_end", "recurrence")
_CITY = re.compile(r"\bthành phố\b")


def norm_agency(name: str | None) -> str:
    """Comparison form of an agency: casefolded, collapsed, 'Ủy ban nhân dân' as 'ubnd', and a
    centrally-governed city's 'Thành phố' read as 'tỉnh' (ANNOTATION §3)."""
    text = norm_text(name).replace("uỷ", "ủy").replace("ủy ban nhân dân", "ubnd")
    return _CITY.sub("tỉnh", text)


def _key(row: dict) -> tuple[str, str]:
    return norm_agency(row.get("agency")), (row.get("role") or "").strip().casefold()


def _at_same_place(g: dict, p: dict, doc: DocInput) -> bool:
    return (evidence_overlaps(g.get("evidence"), p, doc.locator)
            or text_overlap(g.get("task"), p.get("task")))


def _edges(doc: DocInput, same_role: bool = True) -> dict[tuple[int, int], float]:
    """Candidate pairs: the same agency (and role), at the same place; scored by task
    similarity."""
    gold, pred = doc.gold.get("assignments", []), doc.pred["assignments"]
    pred_keys = [_key(p) for p in pred]
    edges = {}
    for g_index, g in enumerate(gold):
        key = _key(g)
        for p_index, p in enumerate(pred):
            if pred_keys[p_index][0] != key[0] or (same_role and pred_keys[p_index] != key):
                continue
            if not _at_same_place(g, p, doc):
                continue
            edges[(g_index, p_index)] = fuzz.ratio(norm_text(g.get("task")),
                                                   norm_text(p.get("task"))) / 100
    return edges


def _differing(g: dict, p: dict) -> list[str]:
    """Fields of a near miss that differ (agencies and tasks compared normalized)."""
    wrong = []
    for name in COMPARED:
        if name == "agency":
            differs = norm_agency(g.get(name)) != norm_agency(p.get(name))
        elif name == "task":
            differs = norm_text(g.get(name)) != norm_text(p.get(name))
        else:
            differs = not same(g.get(name), p.get(name))
        if differs:
            wrong.append(name)
    return wrong


def _near_misses(doc: DocInput, gold_left: list[int], pred_left: list[int]
                 ) -> list[tuple[int, int]]:
    """Unmatched gold and predicted records at the same place, paired one to one, the pairs
    sharing the agency or the role first."""
    gold, pred = doc.gold.get("assignments", []), doc.pred["assignments"]
    edges = {}
    for g_index in gold_left:
        for p_index in pred_left:
            g, p = gold[g_index], pred[p_index]
            if _at_same_place(g, p, doc):
                gk, pk = _key(g), _key(p)
                edges[(g_index, p_index)] = 0.6 * (gk[0] == pk[0]) + 0.4 * (gk[1] == pk[1])
    return one_to_one(len(gold), len(pred), edges)


def score_assignments(doc: DocInput, gold_ctx: GoldSections, pred_ctx: PredSections) -> Part:
    """Record and set counts, deadline tallies, role pairs and errors of one document's
    assignments."""
    gold, pred = doc.gold.get("assignments", []), doc.pred["assignments"]
    pairs = one_to_one(len(gold), len(pred), _edges(doc))
    part = Part()
    part.counts["assignments"] = Counts(len(pairs), len(pred) - len(pairs),
                                        len(gold) - len(pairs))
    matched = [(gold[g], pred[p]) for g, p in pairs]
    for name, field in DEADLINE_FIELDS.items():
        part.tally_field(name, "assignments", doc.doc_id, field, matched, gold_ctx.of,
                         lambda g, p, f=field: f"{g.get('agency')} ({g.get('role')}): "
                         f"pred {p.get(f)!s}, "
                         f"gold {g.get(f)!s} [{g.get('deadline_text')!s}]")
    role_pairs = one_to_one(len(gold), len(pred), _edges(doc, same_role=False))
    part.pairs["role"] = [(gold[g].get("role"), pred[p].get("role")) for g, p in role_pairs]
    _list_misses(doc, part, pairs, gold_ctx, pred_ctx)
    _score_agency_set(doc, part, gold_ctx, pred_ctx)
    return part


def _list_misses(doc: DocInput, part: Part, pairs: list[tuple[int, int]],
                 gold_ctx: GoldSections, pred_ctx: PredSections) -> None:
    gold, pred = doc.gold.get("assignments", []), doc.pred["assignments"]
    matched_gold, matched_pred = {g for g, _ in pairs}, {p for _, p in pairs}
    gold_left = [i for i in range(len(gold)) if i not in matched_gold]
    pred_left = [i for i in range(len(pred)) if i not in matched_pred]
    near = _near_misses(doc, gold_left, pred_left)
    for g_index, p_index in near:
        g, p = gold[g_index], pred[p_index]
        wrong = _differing(g, p)
        detail = "; ".join(f"{f} {p.get(f)!s} (gold {g.get(f)!s})" for f in wrong
                           if f != "task")
        part.error("assignments", doc.doc_id, "near miss", g.get("evidence", ""),
                   gold_ctx.of(g.get("evidence", "")),
                   f"{g.get('agency')} ({g.get('role')}): {g.get('task')}"
                   + (f"; {detail}" if detail else ""),
                   gold=[g], pred=[p], fields=wrong)
    near_gold, near_pred = {g for g, _ in near}, {p for _, p in near}
    for index in gold_left:
        if index not in near_gold:
            g = gold[index]
            evidence = g.get("evidence", "")
            part.error("assignments", doc.doc_id, "FN", evidence, gold_ctx.of(evidence),
                       f"{g.get('agency')} ({g.get('role')}): {g.get('task')}", gold=[g])
    for index in pred_left:
        if index not in near_pred:
            p = pred[index]
            part.error("assignments", doc.doc_id, "FP", p.get("evidence") or "",
                       pred_ctx.of(p), f"{p.get('agency')} ({p.get('role')}): {p.get('task')}",
                       pred=[p])


def _score_agency_set(doc: DocInput, part: Part, gold_ctx: GoldSections,
                      pred_ctx: PredSections) -> None:
    """P/R/F1 over the distinct (agency, role) pairs; each miss listed with a first example."""
    gold_first: dict[tuple[str, str], dict] = {}
    pred_first: dict[tuple[str, str], dict] = {}
    for row in doc.gold.get("assignments", []):
        gold_first.setdefault(_key(row), row)
    for row in doc.pred["assignments"]:
        pred_first.setdefault(_key(row), row)
    both = gold_first.keys() & pred_first.keys()
    part.counts["agency_set"] = Counts(len(both), len(pred_first) - len(both),
                                       len(gold_first) - len(both))
    for key, row in gold_first.items():
        if key not in both:
            evidence = row.get("evidence") or ""
            part.error("agency_set", doc.doc_id, "FN", evidence, gold_ctx.of(evidence),
                       f"{row.get('agency')} ({row.get('role')})", gold=[row])
    for key, row in pred_first.items():
        if key not in both:
            part.error("agency_set", doc.doc_id, "FP", row.get("evidence") or "",
                       pred_ctx.of(row), f"{row.get('agency')} ({row.get('role')})", pred=[row])

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
from pipeline.score.match import one_to_one
from pipeline.score.metrics import Counts, Part

DEADLINE_FIELDS = {"deadline_due_end": "due_end", "deadline_due_start": "due_start",
                   "deadline_recurrence": "recurrence"}
_CITY = re.compile(r"\bthành phố\b")


def norm_agency(name: str | None) -> str:
    """Comparison form of an agency: casefolded, collapsed, 'Ủy ban nhân dân' as 'ubnd', and a
    centrally-governed city's 'Thành phố' read as 'tỉnh' (ANNOTATION §3)."""
    text = norm_text(name).replace("uỷ", "ủy").replace("ủy ban nhân dân", "ubnd")
    return _CITY.sub("tỉnh", text)


def _key(row: dict) -> tuple[str, str]:
    return norm_agency(row.get("agency")), (row.get("role") or "").strip().casefold()


def _edges(doc: DocInput) -> dict[tuple[int, int], float]:
    gold, pred = doc.gold.get("assignments", []), doc.pred["assignments"]
    pred_keys = [_key(p) for p in pred]
    edges = {}
    for g_index, g in enumerate(gold):
        key = _key(g)
        for p_index, p in enumerate(pred):
            if pred_keys[p_index] != key:
                continue
            if not (evidence_overlaps(g.get("evidence"), p, doc.locator)
                    or text_overlap(g.get("task"), p.get("task"))):
                continue
            edges[(g_index, p_index)] = fuzz.ratio(norm_text(g.get("task")),
                                                   norm_text(p.get("task"))) / 100
    return edges


def score_assignments(doc: DocInput, gold_ctx: GoldSections, pred_ctx: PredSections) -> Part:
    """Record and set counts, deadline tallies and errors of one document's assignments."""
    gold, pred = doc.gold.get("assignments", []), doc.pred["assignments"]
    pairs = one_to_one(len(gold), len(pred), _edges(doc))
    part = Part()
    part.counts["assignments"] = Counts(len(pairs), len(pred) - len(pairs),
                                        len(gold) - len(pairs))
    matched = [(gold[g], pred[p]) for g, p in pairs]
    for name, field in DEADLINE_FIELDS.items():
        part.tally_field(name, "assignments", doc.doc_id, field, matched, gold_ctx.of,
                         lambda g, p, f=field: f"{g['agency']} ({g['role']}): pred {p.get(f)!s}, "
                         f"gold {g.get(f)!s} [{g.get('deadline_text')!s}]")
    matched_gold, matched_pred = {g for g, _ in pairs}, {p for _, p in pairs}
    for index, g in enumerate(gold):
        if index not in matched_gold:
            evidence = g.get("evidence", "")
            part.error("assignments", doc.doc_id, "FN", evidence, gold_ctx.of(evidence),
                       f"{g['agency']} ({g['role']}): {g['task']}")
    for index, p in enumerate(pred):
        if index not in matched_pred:
            part.error("assignments", doc.doc_id, "FP", p.get("evidence") or "",
                       pred_ctx.of(p), f"{p.get('agency')} ({p.get('role')}): {p.get('task')}")
    _score_agency_set(doc, part, gold_ctx, pred_ctx)
    return part


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
            part.error("agency_set", doc.doc_id, "FN", row["evidence"],
                       gold_ctx.of(row["evidence"]), f"{row['agency']} ({row['role']})")
    for key, row in pred_first.items():
        if key not in both:
            part.error("agency_set", doc.doc_id, "FP", row.get("evidence") or "",
                       pred_ctx.of(row), f"{row.get('agency')} ({row.get('role')})")

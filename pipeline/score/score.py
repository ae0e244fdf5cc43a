"""Score a prediction folder against a gold folder: the report as one plain dict.

The dict is what report.json holds; the Markdown, HTML and stdout renderers only read it.
"""

from __future__ import annotations

from pathlib import Path

from pipeline.gold import collapse
from pipeline.score.assignments import score_assignments
from pipeline.score.context import GoldSections, PredSections
from pipeline.score.data import DocInput, load_inputs
from pipeline.score.metrics import Part, micro
from pipeline.score.sections import score_sections
from pipeline.score.targets import score_targets

PRF_METRICS = {
    "targets_strict": "Targets, strict (value, range, unit, year, scope + evidence)",
    "targets_lenient": "Targets, lenient (value + evidence)",
    "assignments": "Assignments, records (agency, role + task)",
    "agency_set": "Assignments, set of (agency, role) per document",
    "sections": "Section headings, levels 1-2 (number + heading)",
}
ACCURACY_METRICS = {
    "target_code": "Target code, on strict matches",
    "target_comparator": "Target comparator, on strict matches",
    "target_kind": "Target kind, on strict matches",
    "target_period_start": "Target period_start, on strict matches",
    "deadline_due_end": "Deadline due_end, on matched assignments",
    "deadline_due_start": "Deadline due_start, on matched assignments",
    "deadline_recurrence": "Deadline recurrence, on matched assignments",
    "section_label": "Section label, on matched headings",
    "section_level": "Section level, on matched headings",
}
LOCATE_KINDS = ("exact", "ignoring case", "fuzzy", "not found", "no cleaned text")
ERROR_TABLES = ("targets", "assignments", "agency_set", "sections")
HEADLINE = {
    "targets_strict_f1": ("targets_strict", "f1"),
    "agency_set_f1": ("agency_set", "f1"),
    "section_label_accuracy": ("section_label", "accuracy"),
    "deadline_accuracy": ("deadline_due_end", "accuracy"),
}


def score_document(doc: DocInput) -> Part:
    """Every count, tally and error of one document."""
    gold_ctx = GoldSections(doc.gold.get("sections", []), doc.reference)
    pred_ctx = PredSections(doc.pred_sections)
    total = Part()
    for table, scorer in (("targets", score_targets), ("assignments", score_assignments),
                          ("sections", score_sections)):
        if table not in doc.gold:  # a gold file that omits a table does not annotate it
            continue
        part = scorer(doc, gold_ctx, pred_ctx)
        total.counts.update(part.counts)
        total.tallies.update(part.tallies)
        for table, errors in part.errors.items():
            total.errors.setdefault(table, []).extend(errors)
    return total


def locate_stats(doc: DocInput) -> dict[str, int]:
    """How the document's gold evidence strings were found in the predicted cleaned text."""
    stats = dict.fromkeys(LOCATE_KINDS, 0)
    for kind in ("targets", "assignments"):
        for record in doc.gold.get(kind, []):
            evidence = record.get("evidence") or ""
            if doc.locator is None:
                stats["no cleaned text"] += 1
                continue
            doc.locator.find(evidence)
            stats[doc.locator.how.get(collapse(evidence), "not found")] += 1
    return stats


def _metric_tables(parts: dict[str, Part]) -> dict[str, dict]:
    """Per-document and micro figures of every metric some gold file annotates."""
    tables = {}
    for name, title in PRF_METRICS.items():
        per_doc = {doc_id: part.counts[name] for doc_id, part in parts.items()
                   if name in part.counts}
        if not per_doc:
            continue
        tables[name] = {"title": title, "type": "prf", "micro": micro(per_doc.values()).as_dict(),
                        "documents": {d: c.as_dict() for d, c in per_doc.items()}}
    for name, title in ACCURACY_METRICS.items():
        per_doc = {doc_id: part.tallies[name] for doc_id, part in parts.items()
                   if name in part.tallies}
        if not per_doc:
            continue
        tables[name] = {"title": title, "type": "accuracy",
                        "micro": micro(per_doc.values()).as_dict(),
                        "documents": {d: t.as_dict() for d, t in per_doc.items()}}
    return tables


def score_dirs(gold_dir: Path | str, pred_dir: Path | str) -> dict:
    """The full report of `pred_dir` (a `vnplan run` output folder) against `gold_dir`.

    Raises ScoreInputError when a folder is missing or holds nothing to score.
    """
    gold_dir, pred_dir = Path(gold_dir), Path(pred_dir)
    inputs, unscored = load_inputs(gold_dir, pred_dir)
    parts = {doc.doc_id: score_document(doc) for doc in inputs}
    metrics = _metric_tables(parts)
    errors = {table: [error for part in parts.values() for error in part.errors.get(table, [])]
              for table in ERROR_TABLES}
    headline = {key: metrics[name]["micro"][field] for key, (name, field) in HEADLINE.items()
                if name in metrics}
    no_pred = [doc.doc_id for doc in inputs
               if not any(doc.pred[t] for t in ("sections", "targets", "assignments"))]
    return {
        "schema": 1, "gold": str(gold_dir), "pred": str(pred_dir),
        "documents": [doc.doc_id for doc in inputs],
        "documents_without_predictions": no_pred, "unscored_predictions": unscored,
        "headline": headline, "metrics": metrics,
        "evidence_located": {doc.doc_id: locate_stats(doc) for doc in inputs},
        "errors": errors,
    }

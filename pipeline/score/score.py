"""Score a prediction folder against a gold folder: the report as one plain dict.

The dict is what report.json holds; the Markdown, HTML and stdout renderers only read it.
"""

from __future__ import annotations

from pathlib import Path

from pipeline.gold import collapse, load_contract
from pipeline.score.agreement import agreement_inputs
from pipeline.score.assignments import score_assignments
from pipeline.score.browse import DocView, enrich, merge_misses
from pipeline.score.context import GoldSections, PredSections
from pipeline.score.data import (
    DocInput,
    ScoreInputError,
    is_gold_folder,
    load_gold_dir,
    load_inputs,
)
from pipeline.score.kappa import kappa_tables
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
    "target_year": "Target year, on lenient matches (value + evidence)",
    "deadline_due_end": "Deadline due_end, on matched assignments",
    "deadline_due_start": "Deadline due_start, on matched assignments",
    "deadline_recurrence": "Deadline recurrence, on matched assignments",
    "section_label": "Section label, on matched headings",
    "section_level": "Section level, on matched headings",
}
LOCATE_KINDS = ("exact", "ignoring case", "fuzzy", "not found", "no cleaned text")
ERROR_TABLES = ("targets", "assignments", "agency_set", "sections")
HEADLINE = {  # every figure a reader needs first, in the order the report shows them
    "targets_strict_f1": ("targets_strict", "f1"),
    "targets_lenient_f1": ("targets_lenient", "f1"),
    "target_code_accuracy": ("target_code", "accuracy"),
    "target_comparator_accuracy": ("target_comparator", "accuracy"),
    "target_kind_accuracy": ("target_kind", "accuracy"),
    "target_year_accuracy": ("target_year", "accuracy"),
    "assignments_f1": ("assignments", "f1"),
    "agency_set_f1": ("agency_set", "f1"),
    "deadline_accuracy": ("deadline_due_end", "accuracy"),
    "sections_f1": ("sections", "f1"),
    "section_label_accuracy": ("section_label", "accuracy"),
}
RECORD_FIELDS = {kind: list(load_contract()["fields"][kind])
                 for kind in ("sections", "targets", "assignments")}


def score_document(doc: DocInput) -> tuple[Part, list[dict]]:
    """Every count, tally and kappa pair of one document, and its errors as browser entries."""
    gold_ctx = GoldSections(doc.gold.get("sections", []), doc.reference)
    pred_ctx = PredSections(doc.pred_sections)
    total = Part()
    for table, scorer in (("targets", score_targets), ("assignments", score_assignments),
                          ("sections", score_sections)):
        if table not in doc.gold:  # a gold file that omits a table does not annotate it
            continue
        total.merge(scorer(doc, gold_ctx, pred_ctx))
    view = DocView(doc, gold_ctx, pred_ctx)
    entries = [enrich(entry, view, RECORD_FIELDS)
               for table in ERROR_TABLES
               for entry in merge_misses(total.errors.get(table, []))]
    return total, entries


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


def _headline(metrics: dict[str, dict]) -> tuple[dict, dict]:
    """Micro figures and the mean of the per-document figures (documents with a value)."""
    micro_values, means = {}, {}
    for key, (name, field) in HEADLINE.items():
        if name not in metrics:
            continue
        micro_values[key] = metrics[name]["micro"][field]
        values = [d[field] for d in metrics[name]["documents"].values()
                  if d[field] is not None]
        means[key] = round(sum(values) / len(values), 4) if values else None
    return micro_values, means


def score_dirs(gold_dir: Path | str, pred_dir: Path | str,
               corpus_dirs: list[Path] | None = None) -> dict:
    """The full report of `pred_dir` (a `vnplan run` output folder, or a second annotator's
    gold folder) against `gold_dir`.

    Raises ScoreInputError when a folder is missing or holds nothing to score.
    """
    gold_dir, pred_dir = Path(gold_dir), Path(pred_dir)
    agreement = is_gold_folder(pred_dir)
    if agreement:  # a second annotator's gold folder
        inputs, unscored = agreement_inputs(load_gold_dir(gold_dir), gold_dir,
                                            load_gold_dir(pred_dir), pred_dir, corpus_dirs or [])
    else:
        inputs, unscored = load_inputs(gold_dir, pred_dir, corpus_dirs)
    if not inputs:
        raise ScoreInputError(f"no document of {pred_dir} has gold in {gold_dir}")
    scored = {doc.doc_id: score_document(doc) for doc in inputs}
    parts = {doc_id: part for doc_id, (part, _) in scored.items()}
    metrics = _metric_tables(parts)
    entries = [entry for _, doc_entries in scored.values() for entry in doc_entries]
    for number, entry in enumerate(entries):
        entry["id"] = number
    headline, headline_mean = _headline(metrics)
    no_pred = [doc.doc_id for doc in inputs
               if not any(doc.pred[t] for t in ("sections", "targets", "assignments"))]
    return {
        "schema": 2, "mode": "agreement" if agreement else "prediction",
        "gold": str(gold_dir), "pred": str(pred_dir),
        "documents": [doc.doc_id for doc in inputs],
        "documents_without_predictions": no_pred, "unscored_predictions": unscored,
        "context_text": {doc.doc_id: doc.text_name if doc.locator else None for doc in inputs},
        "headline": headline, "headline_mean": headline_mean, "metrics": metrics,
        "kappa": kappa_tables({doc_id: part.pairs for doc_id, part in parts.items()}),
        "evidence_located": {doc.doc_id: locate_stats(doc) for doc in inputs},
        "errors": {table: [e for e in entries if e["table"] == table]
                   for table in ERROR_TABLES},
    }

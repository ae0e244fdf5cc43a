"""`vnplan gold export --format label-studio`: Label Studio tasks from gold and predictions.

One task per document: of the prediction folder (its cleaned text, the extracted records as
predictions, i.e. pre-annotations) and of the gold folder (the reference text the gold strings
are checked against, the gold records as an annotation). A document with gold shows its
reference text, so every gold string can be placed and every highlight read back as a string
the contract check accepts. What the import needs to rebuild the gold file byte for byte (its
schema, which tables it annotates, fields beyond the records) rides along in `data.vnplan`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.gold import RECORD_KINDS, collapse, load_contract
from pipeline.goldflow.fields import SPAN_FIELD
from pipeline.goldflow.lsregions import region_results
from pipeline.goldflow.spans import Placer, Utf16Offsets, span_string, task_text
from pipeline.score.data import load_gold_dir, load_pred_dir, reference_file
from pipeline.score.sections import scored_pred_sections

MODEL_VERSION = "vnplan"


@dataclass
class ExportNotes:
    """What the export could not do, per document, for the command to print."""

    unplaced: dict[str, list[str]] = field(default_factory=dict)
    no_text: list[str] = field(default_factory=list)

    def miss(self, doc_id: str, what: str) -> None:
        """Record one string that could not be placed in the document's text."""
        self.unplaced.setdefault(doc_id, []).append(what)


def _gold_state(gold: dict) -> dict:
    """Which tables the gold file annotates ("list"), writes null, or leaves out."""
    return {kind: "absent" if kind not in gold else ("null" if gold[kind] is None else "list")
            for kind in RECORD_KINDS}


def _needle(kind: str, record: dict) -> str:
    """The string a record is highlighted by: its span field, else (in a partial file that
    lacks it) its first other verbatim field."""
    for name in (SPAN_FIELD[kind], *load_contract()["verbatim"][kind]):
        if isinstance(record.get(name), str) and record[name].strip():
            return record[name]
    return ""


def missing_fields(gold: dict) -> dict[str, list[str]]:
    """Region id → contract fields its record lacks (a partial file, such as expected records
    written for a test), so the import leaves them out again."""
    fields = load_contract()["fields"]
    missing = {}
    for kind in RECORD_KINDS:
        for index, record in enumerate(gold.get(kind) or []):
            absent = [name for name in fields[kind] if name not in record]
            if absent:
                missing[f"{kind[0]}{index}"] = absent
    return missing


def gold_results(doc_id: str, gold: dict, text: str, notes: ExportNotes) -> list[dict]:
    """Every gold record as a region; headings placed in order, each after the previous."""
    placer, offsets = Placer(text), Utf16Offsets(text)
    results: list[dict] = []
    for kind in RECORD_KINDS:
        cursor = 0
        for index, record in enumerate(gold.get(kind) or []):
            needle = _needle(kind, record)
            placed = placer.place(needle, after=cursor if kind == "sections" else 0)
            if placed is None:
                notes.miss(doc_id, f"{kind}[{index}] {SPAN_FIELD[kind]} {needle[:60]!r}")
                continue
            if kind == "sections":
                cursor = placed.end
            results += region_results(kind, record, f"{kind[0]}{index}", text, placed.start,
                                      placed.end, offsets, placed.exact)
    return results


def _clean_number(value):
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def pred_results(doc_id: str, pred: dict[str, list[dict]], text: str,
                 notes: ExportNotes) -> list[dict]:
    """Predicted records as regions at their own offsets (a heading inside its heading line)."""
    placer, offsets = Placer(text), Utf16Offsets(text)
    fields = load_contract()["fields"]
    results: list[dict] = []
    rows = {"sections": scored_pred_sections(pred.get("sections", [])),
            "targets": pred.get("targets", []), "assignments": pred.get("assignments", [])}
    for kind in RECORD_KINDS:
        for index, row in enumerate(rows[kind]):
            record = {name: _clean_number(row.get(name)) for name in fields[kind]}
            span = _pred_span(kind, row, placer)
            if span is None:
                notes.miss(doc_id, f"predicted {kind} {record[SPAN_FIELD[kind]]!r:.60}")
                continue
            start, end, exact = span
            results += region_results(kind, record, f"p{kind[0]}{index}", text, start, end,
                                      offsets, exact)
    return results


def _pred_span(kind: str, row: dict, placer: Placer) -> tuple[int, int, bool] | None:
    if kind == "sections":
        start, end = row.get("heading_start"), row.get("heading_end")
        if start is not None and end is not None:
            found = placer.place_within(row.get("heading") or "", int(start), int(end))
            if found is not None:
                return found.start, found.end, found.exact
            return int(start), int(end), False
        found = placer.place(row.get("heading") or "")
    else:
        start, end = row.get("start"), row.get("end")
        if start is not None and end is not None and int(end) > int(start):
            start, end = int(start), int(end)
            return start, end, span_string(placer.text, start, end) == collapse(
                row.get("evidence") or "")
        found = placer.place(row.get("evidence") or "")
    return None if found is None else (found.start, found.end, found.exact)


def build_task(doc_id: str, text: str, origin: str, gold: dict | None, results: list[dict],
               ) -> dict:
    """One Label Studio task: the text, and the records as an annotation (gold) or as a
    prediction (extraction)."""
    meta = {"origin": origin}
    if gold is not None:
        meta.update({"schema": gold.get("schema"), "tables": _gold_state(gold),
                     "keys": list(gold), "missing": missing_fields(gold),
                     "extra": {k: v for k, v in gold.items()
                               if k not in RECORD_KINDS and k not in ("doc_id", "schema")}})
    task = {"data": {"doc_id": doc_id, "text": text, "vnplan": meta}}
    if gold is not None:
        task["annotations"] = [{"result": results, "ground_truth": True}]
    else:
        task["predictions"] = [{"model_version": MODEL_VERSION, "result": results}]
    return task


def find_reference(doc_id: str, gold: dict, gold_dir: Path, corpus_dirs: list[Path]
                   ) -> tuple[Path, str] | None:
    """The reference text of a gold document (the scorer's `reference_file`) and where it was
    found: "reference:gold-clean" or "reference:corpus"."""
    path = reference_file(doc_id, gold, gold_dir, corpus_dirs)
    if path is None:
        return None
    return path, "reference:gold-clean" if path.parent == gold_dir / "clean" else "reference:corpus"


def export_tasks(pred_dir: Path | None, gold_dir: Path | None,
                 corpus_dirs: list[Path]) -> tuple[list[dict], ExportNotes]:
    """Tasks for every document of `pred_dir` and `gold_dir`, sorted by doc_id."""
    golds = load_gold_dir(gold_dir, keep_null=True) if gold_dir is not None else {}
    preds = load_pred_dir(pred_dir) if pred_dir is not None else {}
    cleaned = {p.stem: p for p in sorted((pred_dir / "cleaned").glob("*.txt"))} \
        if pred_dir is not None else {}
    notes = ExportNotes()
    tasks = []
    for doc_id in sorted(set(golds) | set(cleaned)):
        gold = golds.get(doc_id)
        found = find_reference(doc_id, gold, gold_dir, corpus_dirs) if gold is not None else None
        if found is None and doc_id not in cleaned:
            notes.no_text.append(doc_id)
            continue
        path, origin = found if found else (cleaned[doc_id], "cleaned")
        text = task_text(path.read_text(encoding="utf-8-sig"))
        if gold is not None:
            results = gold_results(doc_id, gold, text, notes)
        else:
            results = pred_results(doc_id, preds.get(doc_id, {}), text, notes)
        tasks.append(build_task(doc_id, text, origin, gold, results))
    return tasks, notes


def write_tasks(tasks: list[dict], out: Path, config: str) -> Path:
    """TASKS.json, and the labeling config beside it (TASKS.label_config.xml)."""
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(tasks, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    config_path = out.with_name(out.stem + ".label_config.xml")
    config_path.write_text(config, encoding="utf-8")
    return config_path

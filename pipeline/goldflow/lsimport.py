"""`vnplan gold import --format label-studio`: gold files from a Label Studio export.

Reads the JSON export of a project (or the tasks `gold export` wrote), takes one annotation per
task (the ground truth if one is marked, else the latest submitted; or every annotator's own
with `per_annotator`), turns each region back into a record and checks the file against the
contract with the task's text as reference.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.contract import REFERENCE_FORMS
from pipeline.gold import RECORD_KINDS, check_gold, load_contract
from pipeline.goldflow.lsregions import group_regions, read_region
from pipeline.goldflow.spans import Utf16Offsets


class ImportInputError(Exception):
    """The file is not a Label Studio export of vnplan tasks."""


@dataclass
class ImportedGold:
    """One gold file rebuilt from a task: where it goes, its text, and contract problems."""

    doc_id: str
    gold: dict
    text: str
    origin: str
    annotator: str | None = None
    problems: list[str] = field(default_factory=list)


def read_export(path: Path) -> list[dict]:
    """The tasks of a Label Studio JSON export (a list of tasks, each with `data`)."""
    try:
        tasks = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ImportInputError(f"{path}: not a readable JSON export: {exc}") from exc
    if isinstance(tasks, dict):
        tasks = [tasks]
    if not isinstance(tasks, list) or not all(isinstance(t, dict) and "data" in t
                                              for t in tasks):
        raise ImportInputError(f"{path}: not a Label Studio JSON export (a list of tasks with "
                               f"'data'); export the project as JSON, not JSON_MIN or CSV")
    return tasks


def annotator_of(annotation: dict) -> str:
    """A stable name for who made an annotation (e-mail, else user id)."""
    who = annotation.get("completed_by")
    if isinstance(who, dict):
        return str(who.get("email") or who.get("id") or "unknown")
    return "unknown" if who is None else f"user{who}"


def chosen_annotations(task: dict, per_annotator: bool) -> list[dict]:
    """The annotation(s) to import: submitted ones only; the ground truth (else the latest)
    per task, or each annotator's latest."""
    live = [a for a in task.get("annotations") or [] if not a.get("was_cancelled")]
    if not live:
        return []
    latest = lambda items: max(items, key=lambda a: (str(a.get("updated_at") or ""),  # noqa: E731
                                                     a.get("id") or 0))
    if per_annotator:
        by_person: dict[str, list[dict]] = {}
        for annotation in live:
            by_person.setdefault(annotator_of(annotation), []).append(annotation)
        return [latest(items) for _, items in sorted(by_person.items())]
    truth = [a for a in live if a.get("ground_truth")]
    return [latest(truth or live)]


def _empty_table(kind: str, meta: dict) -> list | None:
    state = meta.get("tables", {}).get(kind, "list")
    return None if state == "null" else []


def gold_from_annotation(task: dict, annotation: dict) -> ImportedGold:
    """The gold file one annotation of one task stands for."""
    data = task["data"]
    doc_id, text = data.get("doc_id"), data.get("text")
    if not isinstance(doc_id, str) or not isinstance(text, str):
        raise ImportInputError(f"task {task.get('id', '?')}: no doc_id or text in its data; "
                               f"was it made by `vnplan gold export`?")
    meta = data.get("vnplan") or {}
    offsets = Utf16Offsets(text)
    records: dict[str, list[tuple[int, dict]]] = {kind: [] for kind in RECORD_KINDS}
    missing = meta.get("missing") or {}
    for label, parts in group_regions(annotation.get("result") or []):
        kind, record, (start, _) = read_region(label, parts, text, offsets)
        for name in missing.get(label.get("id"), []):
            record.pop(name, None)
        records[kind].append((start, record))
    records["sections"].sort(key=lambda item: item[0])  # headings in document order
    gold = _assemble(doc_id, meta, {k: [r for _, r in v] for k, v in records.items()})
    # strings of a web copy may be quoted as crawled or as printed, as `gold check` accepts
    references = {name: form(text) for name, form in REFERENCE_FORMS.items()}
    imported = ImportedGold(doc_id, gold, text, meta.get("origin", "cleaned"))
    imported.problems = check_gold(gold, f"{doc_id}.json", references) + _unnamed(gold, doc_id)
    return imported


def _unnamed(gold: dict, doc_id: str) -> list[str]:
    """Assignments whose agency field was left empty (the contract check accepts any string)."""
    return [f"{doc_id}.json: assignments[{index}].agency: empty"
            for index, record in enumerate(gold.get("assignments") or [])
            if isinstance(record, dict) and record.get("agency") == ""]


def _assemble(doc_id: str, meta: dict, records: dict[str, list[dict]]) -> dict:
    """The gold dict in the key order of the file the task came from."""
    tables = {}
    for kind in RECORD_KINDS:
        state = meta.get("tables", {}).get(kind, "list")
        if records[kind]:
            tables[kind] = records[kind]
        elif state != "absent":
            tables[kind] = _empty_table(kind, meta)
    values = {"doc_id": doc_id, "schema": meta.get("schema") or load_contract()["schema"],
              **(meta.get("extra") or {}), **tables}
    keys = [k for k in meta.get("keys") or [] if k in values]
    keys += [k for k in ("doc_id", "schema", *(meta.get("extra") or {}), *RECORD_KINDS)
             if k in values and k not in keys]
    return {k: values[k] for k in keys}


def import_tasks(tasks: list[dict], per_annotator: bool = False
                 ) -> tuple[list[ImportedGold], list[str]]:
    """Gold of every annotated task, and the doc_ids of tasks nobody annotated."""
    imported, skipped = [], []
    for task in tasks:
        chosen = chosen_annotations(task, per_annotator)
        if not chosen:
            skipped.append(str(task.get("data", {}).get("doc_id", task.get("id", "?"))))
            continue
        for annotation in chosen:
            one = gold_from_annotation(task, annotation)
            one.annotator = annotator_of(annotation) if per_annotator else None
            imported.append(one)
    return imported, skipped


def write_gold(imported: ImportedGold, out_dir: Path) -> Path:
    """GOLD2/[annotator/]<doc_id>.json in the house format, and the task's text as
    clean/<doc_id>.txt unless it was a corpus file (the reference stays where it is)."""
    folder = out_dir / imported.annotator if imported.annotator else out_dir
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{imported.doc_id}.json"
    path.write_text(json.dumps(imported.gold, ensure_ascii=False, indent=1) + "\n",
                    encoding="utf-8")
    if imported.origin != "reference:corpus":
        clean = folder / "clean"
        clean.mkdir(exist_ok=True)
        (clean / f"{imported.doc_id}.txt").write_text(imported.text, encoding="utf-8")
    return path

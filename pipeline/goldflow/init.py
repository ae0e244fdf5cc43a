"""`vnplan gold init FILE...`: a contract-valid draft gold file from extraction.

An annotator starts from what vnplan found rather than from an empty file: the document is
processed (any input form: text, PDF, scan, DOCX), its cleaned text becomes the reference text
(`gold/clean/<doc_id>.txt`, the text every gold string is checked against) and its extracted
sections, targets and assignments, reduced to the contract's fields, the draft
(`gold/<doc_id>.json`). A record the contract check rejects is repaired where the fix is
mechanical (evidence re-read from its span) and otherwise left out and named.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path

from pipeline.gold import RECORD_KINDS, check_gold, collapse, load_contract
from pipeline.model import Document


@dataclass
class Draft:
    """A draft gold file, its reference text, and the records left out (with the reason)."""

    doc_id: str
    gold: dict
    reference: str
    left_out: list[str] = field(default_factory=list)


def _number(value):
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _as_record(kind: str, item: object) -> dict:
    row = asdict(item)
    return {name: _number(row.get(name)) for name in load_contract()["fields"][kind]}


def _problems(kind: str, record: dict, doc_id: str, reference: str) -> list[str]:
    schema = load_contract()["schema"]
    probe = {"doc_id": doc_id, "schema": schema, "sections": [], "targets": [],
             "assignments": []}
    probe[kind] = [record]
    return check_gold(probe, f"{doc_id}.json", reference)


def _repaired(kind: str, record: dict, item: object, text: str) -> dict:
    """The record with its strings re-read from the text where the extractor's own string is
    not verbatim (evidence from its span, an indicator or task cut to the evidence)."""
    fixed = {k: collapse(v) if isinstance(v, str) else v for k, v in record.items()}
    start, end = getattr(item, "start", None), getattr(item, "end", None)
    if kind != "sections" and start is not None and end is not None and end > start:
        fixed["evidence"] = collapse(text[start:end])
    return fixed


def _records(kind: str, doc: Document) -> list[tuple[dict, object]]:
    items = getattr(doc, kind)
    if kind == "sections":
        items = [s for s in items if s.level in (1, 2)]
    return [(_as_record(kind, item), item) for item in items]


def draft_from_document(doc: Document, doc_id: str | None = None) -> Draft:
    """The draft gold of a processed document; every record kept passes the contract check."""
    doc_id = doc_id or doc.doc_id
    text = doc.text or ""
    reference = collapse(text)
    gold = {"doc_id": doc_id, "schema": load_contract()["schema"]}
    draft = Draft(doc_id, gold, text)
    for kind in RECORD_KINDS:
        kept = []
        for index, (record, item) in enumerate(_records(kind, doc)):
            problems = _problems(kind, record, doc_id, reference)
            if problems:
                record = _repaired(kind, record, item, text)
                problems = _problems(kind, record, doc_id, reference)
            if problems:
                what = record.get("evidence") or record.get("heading") or ""
                reason = problems[0].split(": ", 2)[-1]
                draft.left_out.append(f"{kind} #{index} ({what[:60]!r}): {reason}")
                continue
            kept.append(record)
        gold[kind] = kept
    return draft


def write_draft(draft: Draft, gold_dir: Path, force: bool = False) -> tuple[Path, Path]:
    """gold/<doc_id>.json and gold/clean/<doc_id>.txt; an existing file is kept (FileExistsError)
    unless `force`: a draft must never overwrite hand annotations."""
    path = gold_dir / f"{draft.doc_id}.json"
    clean = gold_dir / "clean" / f"{draft.doc_id}.txt"
    existing = [p for p in (path, clean) if p.exists()]
    if existing and not force:
        raise FileExistsError(f"{', '.join(map(str, existing))} already exist(s); "
                              f"pass --force to replace with a new draft")
    clean.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(draft.gold, ensure_ascii=False, indent=1) + "\n",
                    encoding="utf-8")
    clean.write_text(draft.reference, encoding="utf-8")
    return path, clean

"""Gold annotations: load them, find their reference text, and check them against the contract.

A gold file that breaks the contract silently corrupts every score computed from it, so
`vnplan gold check` runs these checks before anyone trusts a number (ANNOTATION.md, schema 2;
the rules themselves are in `pipeline.gold_rules`).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from pipeline.contract import REFERENCE_FORMS, collapse, load_contract
from pipeline.gold_rules import (
    RECORD_KINDS,
    check_assignment_rules,
    check_choices,
    check_consistency,
    check_document,
    check_duplicates,
    check_fields,
    check_nfc,
    check_verbatim,
)

__all__ = ["check_gold", "check_gold_dir", "collapse", "gold_subset", "load_contract", "load_gold",
           "reference_forms", "reference_path", "reference_text"]


def load_gold(path: Path | str) -> dict[str, Any]:
    """One gold file as a dict (raises ValueError on bad JSON or bad UTF-8)."""
    path = Path(path)
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ValueError(f"{path.name}: not UTF-8 JSON: {exc}") from exc


def reference_path(doc_id: str, gold_dir: Path | str, corpus_dir: Path | str) -> Path:
    """Where the reference text lives: gold/clean/<id>.txt if written, else the raw document."""
    clean = Path(gold_dir) / "clean" / f"{doc_id}.txt"
    return clean if clean.exists() else Path(corpus_dir) / f"{doc_id}.txt"


def reference_text(doc_id: str, gold_dir: Path | str, corpus_dir: Path | str) -> str:
    """The collapsed text that every verbatim gold string must be a substring of."""
    path = reference_path(doc_id, gold_dir, corpus_dir)
    return collapse(path.read_text(encoding="utf-8-sig"))


def reference_forms(doc_id: str, gold_dir: Path | str, corpus_dir: Path | str) -> dict[str, str]:
    """Every form of the reference text a verbatim gold string may be quoted from: collapsed
    (the web copy's markup as crawled, only `**` dropped) and printed (all its markup dropped,
    table cells joined), since annotators quote web copies either way."""
    raw = reference_path(doc_id, gold_dir, corpus_dir).read_text(encoding="utf-8-sig")
    return {name: form(raw) for name, form in REFERENCE_FORMS.items()}


def _check_records(gold: dict, name: str, references: Mapping[str, str] | None) -> list[str]:
    contract = load_contract()
    problems: list[str] = []
    for kind in RECORD_KINDS:
        records = gold.get(kind)
        if not isinstance(records, list):
            continue
        for index, record in enumerate(records):
            where = f"{name}: {kind}[{index}]"
            problems += check_fields(record, contract["fields"][kind], where)
            if not isinstance(record, dict):
                continue
            problems += check_choices(record, kind, where)
            problems += check_consistency(record, kind, where)
            if kind == "assignments":
                problems += check_assignment_rules(record, where)
            if references is not None:
                problems += check_verbatim(record, kind, where, references)
        problems += check_duplicates(records, kind, name)
    return problems


def check_gold(gold: Any, name: str, reference: str | Mapping[str, str] | None) -> list[str]:
    """Every contract problem of one parsed gold file. `reference` is the collapsed reference
    text, or several forms of it (see `reference_forms`); None skips the verbatim checks."""
    contract = load_contract()
    problems = check_fields(gold, contract["fields"]["document"], name,
                            contract["optional_fields"]["document"])
    if not isinstance(gold, dict):
        return problems
    problems += check_document(gold, name, Path(name).stem)
    problems += check_nfc(gold, name)
    references = {"collapsed": reference} if isinstance(reference, str) else reference
    return problems + _check_records(gold, name, references)


def check_gold_dir(gold_dir: Path, corpus_dir: Path) -> list[str]:
    """Human-readable problems of every gold/<doc_id>.json; an empty list means all pass."""
    gold_dir, corpus_dir = Path(gold_dir), Path(corpus_dir)
    if not gold_dir.is_dir():
        return [f"{gold_dir}: no such gold folder"]
    files = sorted(gold_dir.glob("*.json"))
    if not files:
        return [f"{gold_dir}: no gold files (*.json)"]
    problems: list[str] = []
    for path in files:
        try:
            gold = load_gold(path)
        except ValueError as exc:
            problems.append(str(exc))
            continue
        try:
            references: dict[str, str] | None = reference_forms(path.stem, gold_dir, corpus_dir)
        except FileNotFoundError:
            problems.append(f"{path.name}: no reference text (looked for "
                            f"{gold_dir / 'clean' / (path.stem + '.txt')} and "
                            f"{corpus_dir / (path.stem + '.txt')})")
            references = None
        problems += check_gold(gold, path.name, references)
    return problems


def gold_subset(gold_dir: Path | str, doc_ids: list[str], dest: Path | str) -> Path:
    """A gold folder in `dest` holding only the gold files of `doc_ids` (and a link to the
    clean references), so that a score covers one document set and no other gold document
    counts as unpredicted. Returns the folder."""
    gold_dir, dest = Path(gold_dir), Path(dest)
    dest.mkdir(parents=True, exist_ok=True)
    for doc_id in doc_ids:
        source = gold_dir / f"{doc_id}.json"
        if source.exists():
            (dest / source.name).write_bytes(source.read_bytes())
    clean = gold_dir / "clean"
    if clean.is_dir() and not (dest / "clean").exists():
        (dest / "clean").symlink_to(clean.resolve())
    return dest

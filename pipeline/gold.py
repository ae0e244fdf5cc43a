"""Gold annotations: load them, find their reference text, and check them against the contract.

A gold file that breaks the contract silently corrupts every score computed from it, so
`vnplan gold check` runs these checks before anyone trusts a number (ANNOTATION.md, schema 1).
"""

from __future__ import annotations

import json
import re
import unicodedata
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

import yaml

CONTRACT_PATH = Path(__file__).parent / "data" / "contract.yaml"
RECORD_KINDS = ("sections", "targets", "assignments")
_SPACE = re.compile(r"\s+")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


@cache
def load_contract() -> dict[str, Any]:
    """The contract's value lists and record fields, read once from data/contract.yaml."""
    with CONTRACT_PATH.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def collapse(text: str) -> str:
    """Reference-text form: NFC, markdown `**` removed, every whitespace run one space."""
    text = unicodedata.normalize("NFC", text).replace("**", "")
    return _SPACE.sub(" ", text).strip()


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


def _type_ok(value: Any, spec: str) -> bool:
    if spec.endswith("?"):
        if value is None:
            return True
        spec = spec[:-1]
    if spec == "str":
        return isinstance(value, str)
    if spec == "int":
        return isinstance(value, int) and not isinstance(value, bool)
    if spec == "number":
        return isinstance(value, int | float) and not isinstance(value, bool)
    if spec == "list":
        return isinstance(value, list)
    if spec == "date":
        return isinstance(value, str) and _is_iso_date(value)
    raise ValueError(f"unknown type {spec!r} in contract.yaml")


def _is_iso_date(value: str) -> bool:
    if not _ISO_DATE.fullmatch(value):
        return False
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True


def _check_fields(record: Any, spec: dict[str, str], where: str) -> list[str]:
    """Exact key set and JSON types of one record."""
    if not isinstance(record, dict):
        return [f"{where}: not a JSON object"]
    problems = [f"{where}: missing field {key!r}" for key in spec if key not in record]
    problems += [f"{where}: unknown field {key!r}" for key in record if key not in spec]
    for key, kind in spec.items():
        if key in record and not _type_ok(record[key], kind):
            base = kind.rstrip("?")
            what = "an ISO date YYYY-MM-DD" if base == "date" else base
            null = " or null" if kind.endswith("?") else ""
            problems.append(f"{where}.{key}: {record[key]!r} is not {what}{null}")
    return problems


def _check_choices(record: dict, kind: str, where: str) -> list[str]:
    contract = load_contract()
    problems = []
    for key, list_name in contract["choices"][kind].items():
        value = record.get(key)
        if key in record and value is not None and value not in contract[list_name]:
            problems.append(f"{where}.{key}: {value!r} is not one of the contract's "
                            f"{list_name} ({', '.join(map(str, contract[list_name]))})")
    return problems


def _check_consistency(record: dict, kind: str, where: str) -> list[str]:
    """Rules that tie two fields together (ranges, date windows)."""
    problems = []
    if kind == "targets":
        low, high = record.get("value"), record.get("value_max")
        ranged = record.get("comparator") == "range"
        if ranged and high is None:
            problems.append(f"{where}: comparator 'range' needs value_max")
        if high is not None and not ranged:
            problems.append(f"{where}: value_max is set but comparator is not 'range'")
        if _type_ok(low, "number") and _type_ok(high, "number") and high < low:
            problems.append(f"{where}: value_max {high} is below value {low}")
    if kind == "assignments":
        start, end = record.get("due_start"), record.get("due_end")
        if _type_ok(start, "date") and _type_ok(end, "date") and end < start:
            problems.append(f"{where}: due_end {end} is before due_start {start}")
    return problems


def _strings(value: Any, where: str):
    if isinstance(value, str):
        yield where, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, f"{where}.{key}" if where else key)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _strings(item, f"{where}[{index}]")


def _check_nfc(gold: Any, name: str) -> list[str]:
    return [f"{name}: {where}: not NFC: {text[:60]!r}" for where, text in _strings(gold, "")
            if unicodedata.normalize("NFC", text) != text]


def _check_verbatim(record: dict, kind: str, where: str, reference: str) -> list[str]:
    problems = []
    for key in load_contract()["verbatim"][kind]:
        text = record.get(key)
        if isinstance(text, str) and collapse(text) not in reference:
            problems.append(f"{where}.{key}: not found in the reference text: {text[:80]!r}")
        if isinstance(text, str) and not text.strip() and key != "heading":
            problems.append(f"{where}.{key}: empty")
    return problems


def check_gold(gold: Any, name: str, reference: str | None) -> list[str]:
    """Every contract problem of one parsed gold file; `reference` None skips verbatim checks."""
    contract = load_contract()
    problems = _check_fields(gold, contract["fields"]["document"], name)
    if not isinstance(gold, dict):
        return problems
    if gold.get("schema") != contract["schema"]:
        problems.append(f"{name}: schema is {gold.get('schema')!r}, expected {contract['schema']}")
    if gold.get("doc_id") != Path(name).stem:
        problems.append(f"{name}: doc_id {gold.get('doc_id')!r} does not match the file name")
    problems += _check_nfc(gold, name)
    for kind in RECORD_KINDS:
        records = gold.get(kind)
        for index, record in enumerate(records if isinstance(records, list) else []):
            where = f"{name}: {kind}[{index}]"
            found = _check_fields(record, contract["fields"][kind], where)
            problems += found
            if isinstance(record, dict):
                problems += _check_choices(record, kind, where)
                problems += _check_consistency(record, kind, where)
                if reference is not None:
                    problems += _check_verbatim(record, kind, where, reference)
    return problems


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
            reference = reference_text(path.stem, gold_dir, corpus_dir)
        except FileNotFoundError:
            problems.append(f"{path.name}: no reference text (looked for "
                            f"{gold_dir / 'clean' / (path.stem + '.txt')} and "
                            f"{corpus_dir / (path.stem + '.txt')})")
            reference = None
        problems += check_gold(gold, path.name, reference)
    return problems

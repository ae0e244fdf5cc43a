"""The rules `vnplan gold check` applies to one parsed gold file (ANNOTATION.md, schema 2).

Each check returns human-readable problems naming the file, the record and the reason, so an
annotator can fix a file from the messages alone. The value lists come from the contract data
file; the rules here are those a machine can decide without reading the document.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterator, Mapping
from datetime import date
from typing import Any

from pipeline.contract import REFERENCE_FORMS, collapse, load_contract

RECORD_KINDS = ("sections", "targets", "assignments")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def type_ok(value: Any, spec: str) -> bool:
    """Whether `value` has the JSON type `spec` of contract.yaml ("str", "int?", "date"…)."""
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


def check_fields(record: Any, spec: dict[str, str], where: str,
                 optional: dict[str, str] | None = None) -> list[str]:
    """Exact key set (plus the optional keys) and JSON types of one record."""
    if not isinstance(record, dict):
        return [f"{where}: not a JSON object"]
    allowed = {**(optional or {}), **spec}
    problems = [f"{where}: missing field {key!r}" for key in spec if key not in record]
    problems += [f"{where}: unknown field {key!r}" for key in record if key not in allowed]
    for key, kind in allowed.items():
        if key in record and not type_ok(record[key], kind):
            base = kind.rstrip("?")
            what = "an ISO date YYYY-MM-DD" if base == "date" else base
            null = " or null" if kind.endswith("?") else ""
            problems.append(f"{where}.{key}: {record[key]!r} is not {what}{null}")
    return problems


def check_document(gold: dict, name: str, stem: str) -> list[str]:
    """Schema version, doc_id (file name and form) and at least one annotated table."""
    contract = load_contract()
    problems = []
    schema = gold.get("schema")
    upgrade = contract["upgrades"].get(schema) if isinstance(schema, int) else None
    if upgrade:
        problems.append(f"{name}: schema is {schema}, expected {contract['schema']}: {upgrade}")
    elif schema != contract["schema"]:
        problems.append(f"{name}: schema is {schema!r}, expected {contract['schema']}")
    doc_id = gold.get("doc_id")
    if doc_id != stem:
        problems.append(f"{name}: doc_id {doc_id!r} does not match the file name")
    if isinstance(doc_id, str) and not re.fullmatch(contract["doc_id_pattern"], doc_id):
        problems.append(f"{name}: doc_id {doc_id!r} is not <province>-<year>-<type><number> "
                        f"in lowercase ASCII (e.g. hatinh-2016-kh496, vietnam-2025-qd2629)")
    if all(gold.get(kind) is None for kind in RECORD_KINDS):
        problems.append(f"{name}: every table is null: the file annotates nothing")
    return problems


def _strings(value: Any, where: str) -> Iterator[tuple[str, str]]:
    if isinstance(value, str):
        yield where, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, f"{where}.{key}" if where else key)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _strings(item, f"{where}[{index}]")


def check_nfc(gold: Any, name: str) -> list[str]:
    """Every string of the file in Unicode NFC (gold strings are compared character by
    character with NFC text)."""
    return [f"{name}: {where}: not NFC: {text[:60]!r}" for where, text in _strings(gold, "")
            if unicodedata.normalize("NFC", text) != text]


def check_choices(record: dict, kind: str, where: str) -> list[str]:
    """Coded fields (label, code, unit, comparator, role…) take a value the contract lists."""
    contract = load_contract()
    problems = []
    for key, list_name in contract["choices"][kind].items():
        value = record.get(key)
        if key in record and value is not None and value not in contract[list_name]:
            problems.append(f"{where}.{key}: {value!r} is not one of the contract's "
                            f"{list_name} ({', '.join(map(str, contract[list_name]))})")
    return problems


def check_consistency(record: dict, kind: str, where: str) -> list[str]:
    """Rules that tie two fields together (ranges, year windows, date windows)."""
    if kind == "targets":
        return _target_consistency(record, where)
    if kind == "assignments":
        start, end = record.get("due_start"), record.get("due_end")
        if type_ok(start, "date") and type_ok(end, "date") and end < start:
            return [f"{where}: due_end {end} is before due_start {start}"]
    return []


def _target_consistency(record: dict, where: str) -> list[str]:
    problems = []
    low, high = record.get("value"), record.get("value_max")
    ranged = record.get("comparator") == "range"
    if ranged and high is None:
        problems.append(f"{where}: comparator 'range' needs value_max")
    if high is not None and not ranged:
        problems.append(f"{where}: value_max is set but comparator is not 'range'")
    if type_ok(low, "number") and type_ok(high, "number") and high < low:
        problems.append(f"{where}: value_max {high} is below value {low}")
    start, year = record.get("period_start"), record.get("year")
    if type_ok(start, "int") and type_ok(year, "int") and start > year:
        problems.append(f"{where}: period_start {start} is after year {year}")
    return problems


def check_verbatim(record: dict, kind: str, where: str,
                   references: Mapping[str, str]) -> list[str]:
    """Text fields the contract quotes (heading, indicator, task, evidence) occur in one form of
    the reference text (`references`: form name of contract.REFERENCE_FORMS → that form of the
    text), and only a heading may be empty."""
    problems = []
    for key in load_contract()["verbatim"][kind]:
        text = record.get(key)
        if isinstance(text, str) and not any(REFERENCE_FORMS[form](text) in reference
                                             for form, reference in references.items()):
            problems.append(f"{where}.{key}: not found in the reference text: {text[:80]!r}")
        if isinstance(text, str) and not text.strip() and key != "heading":
            problems.append(f"{where}.{key}: empty")
    return problems


def check_assignment_rules(record: dict, where: str) -> list[str]:
    """Schema-2 rules of one assignment: canonical agency wording, no closing-article rows."""
    contract = load_contract()
    problems = []
    agency = record.get("agency")
    if isinstance(agency, str):
        for form, instead in contract["agency_forms"].items():
            if form in agency:
                problems.append(f"{where}.agency: {agency!r} writes {form!r}; the contract "
                                f"writes {instead}")
    evidence = record.get("evidence")
    if isinstance(evidence, str) and re.search(contract["closing_article"], evidence):
        problems.append(f"{where}: quotes a decision's closing article ({evidence[-60:]!r}), "
                        f"which assigns no duty: no row")
    return problems


def check_duplicates(records: list, kind: str, name: str) -> list[str]:
    """One record per (duty, agency, role) and per target: two records with the same key and
    the same evidence are one duty or one restated target written twice."""
    if kind == "assignments":
        fields: tuple[str, ...] = ("agency", "role")
    elif kind == "targets":
        fields = ("value", "unit", "year")
    else:
        return []
    keys = Counter(
        tuple(str(record.get(f)) for f in fields) + (collapse(str(record.get("evidence"))),)
        for record in records if isinstance(record, dict))
    return [f"{name}: {kind}: {count} records share {', '.join(key[:-1])} and the evidence "
            f"{key[-1][:60]!r}: one record per {'duty' if kind == 'assignments' else 'target'}"
            for key, count in keys.items() if count > 1]

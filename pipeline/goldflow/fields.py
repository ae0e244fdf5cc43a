"""How each field of a gold record is shown in Label Studio, derived from the contract.

A record is one highlighted span of the document (its `SPAN_FIELD`: a heading, or the evidence)
labelled Heading, Target or Assignment; every other field is a per-region control: a choice
where the contract lists the values, a number, a date, or a free text. The table comes from
`pipeline/data/contract.yaml`, so a schema change reaches the labeling config and both
directions of the round trip without code changes.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from pipeline.gold import RECORD_KINDS, load_contract

SPAN_FIELD = {"sections": "heading", "targets": "evidence", "assignments": "evidence"}
REGION_LABEL = {"sections": "Heading", "targets": "Target", "assignments": "Assignment"}
KIND_OF_LABEL = {label: kind for kind, label in REGION_LABEL.items()}
PREFIX = {"sections": "section", "targets": "target", "assignments": "assignment"}
LABELS_NAME, TEXT_NAME = "record", "text"


@dataclass(frozen=True)
class FieldControl:
    """One record field as a Label Studio control: its tag, name and value type."""

    kind: str  # sections, targets, assignments
    field: str
    tag: str  # Choices, Number, DateTime, TextArea
    name: str  # the control's name in the labeling config and in results
    type_spec: str  # the contract's JSON type ("str", "int?", "number", "date?" …)
    options: tuple[str, ...] = ()

    @property
    def nullable(self) -> bool:
        """True when the contract allows null for the field."""
        return self.type_spec.endswith("?")

    @property
    def base_type(self) -> str:
        """The JSON type without its null marker."""
        return self.type_spec.rstrip("?")

    @property
    def result_type(self) -> str:
        """The `type` of this control's results in a Label Studio annotation."""
        return self.tag.lower()

    @property
    def value_key(self) -> str:
        """The key of the value inside a result's `value` object."""
        return {"Choices": "choices", "Number": "number", "DateTime": "datetime",
                "TextArea": "text"}[self.tag]


def _tag_of(kind: str, field: str, type_spec: str) -> str:
    if field in load_contract()["choices"][kind]:
        return "Choices"
    base = type_spec.rstrip("?")
    return {"int": "Number", "number": "Number", "date": "DateTime"}.get(base, "TextArea")


@cache
def controls(kind: str) -> tuple[FieldControl, ...]:
    """The per-region controls of one record kind, in the contract's field order. The span
    field is among them: its text box holds the string as written in the reference text when
    that differs from the highlighted span (a fuzzy placement)."""
    contract = load_contract()
    found = []
    for field, type_spec in contract["fields"][kind].items():
        tag = _tag_of(kind, field, type_spec)
        options: tuple[str, ...] = ()
        if tag == "Choices":
            options = tuple(str(v) for v in contract[contract["choices"][kind][field]])
        found.append(FieldControl(kind, field, tag, f"{PREFIX[kind]}_{field}", type_spec,
                                  options))
    return tuple(found)


@cache
def control_by_name() -> dict[str, FieldControl]:
    """Every control of every record kind, by its name in results."""
    return {c.name: c for kind in RECORD_KINDS for c in controls(kind)}

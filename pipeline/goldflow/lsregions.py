"""One record as Label Studio results and back: a labelled span plus per-region controls.

The span stands for the record's `SPAN_FIELD` (heading or evidence); its control box holds the
string as written only when the highlight does not collapse to it, so a record placed exactly
costs nothing extra and a moved highlight is read as the new string.
"""

from __future__ import annotations

import math
import re

from pipeline.gold import collapse
from pipeline.goldflow.fields import (
    KIND_OF_LABEL,
    LABELS_NAME,
    REGION_LABEL,
    SPAN_FIELD,
    TEXT_NAME,
    FieldControl,
    control_by_name,
    controls,
)
from pipeline.goldflow.spans import Utf16Offsets, span_string


def _control_value(control: FieldControl, value) -> object | None:
    """A record value as the control stores it (None: no result for this control)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    if control.tag == "Choices":
        return [str(value)]
    if control.tag == "TextArea":
        return [value] if value != "" else None
    return value


def region_results(kind: str, record: dict, region_id: str, text: str, start: int, end: int,
                   offsets: Utf16Offsets, exact: bool = True) -> list[dict]:
    """The results of one record placed at text[start:end] (Python offsets)."""
    js_start, js_end = offsets.to_js(start), offsets.to_js(end)
    base = {"id": region_id, "to_name": TEXT_NAME}
    shown = text[start:end]
    results = [{**base, "from_name": LABELS_NAME, "type": "labels",
                "value": {"start": js_start, "end": js_end, "text": shown,
                          "labels": [REGION_LABEL[kind]]}}]
    for control in controls(kind):
        value = record.get(control.field)
        if control.field == SPAN_FIELD[kind] and exact:
            continue
        stored = _control_value(control, value)
        if stored is None:
            continue
        value_box = {"start": js_start, "end": js_end}
        if control.tag != "TextArea":
            value_box["text"] = shown
        value_box[control.value_key] = stored
        results.append({**base, "from_name": control.name, "type": control.result_type,
                        "value": value_box})
    return results


def _typed(control: FieldControl, raw) -> object | None:
    """A control's stored value as the contract's JSON type (text stays text when it cannot be
    read: the contract check then names it)."""
    if isinstance(raw, list):
        raw = " ".join(str(item) for item in raw) if control.tag == "TextArea" else (
            raw[0] if raw else None)
    if raw is None:
        return None
    if control.tag == "TextArea":
        return collapse(str(raw))
    base = control.base_type
    if base in ("int", "number") and isinstance(raw, str):
        try:
            raw = float(raw.replace(",", "."))
        except ValueError:
            return raw
    if base == "int" and isinstance(raw, float) and raw.is_integer():
        return int(raw)
    if base == "date" and isinstance(raw, str):
        return raw[:10]
    return raw


def _empty(control: FieldControl) -> object | None:
    return None if control.nullable or control.base_type != "str" else ""


def strip_number(heading: str, number: str) -> str:
    """A highlighted heading without the number the annotator took with it ("II. MỤC TIÊU"
    under number "II" is "MỤC TIÊU")."""
    if number:
        match = re.match(re.escape(number) + r"\s*[.):]?\s+", heading)
        if match:
            return heading[match.end():]
    return heading


def read_region(label: dict, parts: list[dict], text: str, offsets: Utf16Offsets
                ) -> tuple[str, dict, tuple[int, int]]:
    """(kind, record, Python span) of one region from its labels result and control results;
    controls of another kind's fields (left after a relabel) are ignored."""
    kind = KIND_OF_LABEL[label["value"]["labels"][0]]
    start, end = offsets.to_py(label["value"]["start"]), offsets.to_py(label["value"]["end"])
    values = {}
    by_name = control_by_name()
    for part in parts:
        control = by_name.get(part.get("from_name"))
        if control is None or control.kind != kind:
            continue
        values[control.field] = _typed(control, part["value"].get(control.value_key))
    record = {}
    for control in controls(kind):
        value = values.get(control.field)
        if control.field == SPAN_FIELD[kind] and not value:
            value = span_string(text, start, end)
            if kind == "sections":
                value = strip_number(value, values.get("number") or "")
        record[control.field] = _empty(control) if value is None else value
    return kind, record, (start, end)


def group_regions(results: list[dict]) -> list[tuple[dict, list[dict]]]:
    """Results grouped by region id, in the order their labels appear: (labels, controls)."""
    labels: dict[str, dict] = {}
    parts: dict[str, list[dict]] = {}
    for result in results:
        region = result.get("id")
        if result.get("type") == "labels" and result.get("from_name") == LABELS_NAME:
            value = result.get("value", {})
            if value.get("labels") and value["labels"][0] in KIND_OF_LABEL:
                labels.setdefault(region, result)
        else:
            parts.setdefault(region, []).append(result)
    return [(label, parts.get(region, [])) for region, label in labels.items()]

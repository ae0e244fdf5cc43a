"""The Label Studio labeling config for vnplan gold: the document, three span labels and, for
the selected region, the controls of its record's fields (fields.py)."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from pipeline.gold import RECORD_KINDS
from pipeline.goldflow.fields import (
    LABELS_NAME,
    REGION_LABEL,
    SPAN_FIELD,
    TEXT_NAME,
    FieldControl,
    controls,
)

COLOURS = {"sections": "#9ecae1", "targets": "#fdae6b", "assignments": "#a1d99b"}
STYLE = (".htx-text{white-space:pre-wrap;font-size:14px;line-height:1.5}"
         ".vnplan-fields{position:sticky;top:0;max-height:90vh;overflow-y:auto}")
HINTS = {
    "span": "as written in the reference text, when the highlight differs (leave empty)",
    "number": "as printed and repaired: II, 2, 2.1, Phần I, Điều 2; empty for a lone PHỤ LỤC",
}


def _control(parent: ET.Element, control: FieldControl) -> None:
    """One field's control, its header naming the field (and whether it may stay empty)."""
    optional = control.nullable or control.field == SPAN_FIELD[control.kind]
    ET.SubElement(parent, "Header", value=control.field + (" (optional)" if optional else ""),
                  size="6")
    attrs = {"name": control.name, "toName": TEXT_NAME, "perRegion": "true"}
    if control.tag == "Choices":
        element = ET.SubElement(parent, "Choices", attrs, choice="single", showInline="true")
        for option in control.options:
            ET.SubElement(element, "Choice", value=option)
    elif control.tag == "Number":
        ET.SubElement(parent, "Number", attrs, step="any" if control.base_type == "number"
                      else "1")
    elif control.tag == "DateTime":
        ET.SubElement(parent, "DateTime", attrs, only="date")
    else:
        hint = HINTS["span"] if control.field == SPAN_FIELD[control.kind] else (
            HINTS["number"] if control.field == "number" else "")
        ET.SubElement(parent, "TextArea", attrs, rows="1", editable="true",
                      maxSubmissions="1", placeholder=hint)


def labeling_config() -> str:
    """The XML labeling config (one Text, the Heading/Target/Assignment labels, and for each
    label the per-region controls of its record's fields, shown when such a region is
    selected)."""
    root = ET.Element("View")
    ET.SubElement(root, "Style").text = STYLE
    ET.SubElement(root, "Header", value="$doc_id")
    labels = ET.SubElement(root, "Labels", name=LABELS_NAME, toName=TEXT_NAME)
    for kind in RECORD_KINDS:
        ET.SubElement(labels, "Label", value=REGION_LABEL[kind], background=COLOURS[kind])
    columns = ET.SubElement(root, "View", style="display:flex;gap:1em")
    ET.SubElement(ET.SubElement(columns, "View", style="flex:3"), "Text", name=TEXT_NAME,
                  value="$text", granularity="symbol")
    panel = ET.SubElement(columns, "View", style="flex:2", className="vnplan-fields")
    for kind in RECORD_KINDS:
        # no whenTagName: with it, Label Studio 1.23 never shows the box
        box = ET.SubElement(panel, "View", visibleWhen="region-selected",
                            whenLabelValue=REGION_LABEL[kind])
        ET.SubElement(box, "Header", value=f"{REGION_LABEL[kind]} fields")
        for control in controls(kind):
            _control(box, control)
    ET.indent(root)
    return ET.tostring(root, encoding="unicode") + "\n"

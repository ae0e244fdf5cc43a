"""The annotation contract as data: its value lists (data/contract.yaml) and its text form.

Gold files, the checker and the scorer all read the contract from here, so that a schema
change is an edit to one data file (ANNOTATION.md, schema 2).
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from pathlib import Path
from typing import Any

from pipeline.yamldata import load_yaml

CONTRACT_PATH = Path(__file__).parent / "data" / "contract.yaml"
_SPACE = re.compile(r"\s+")
_CELL_RULE = re.compile(r"^[ \t]*\|[ \t]*$", re.MULTILINE)
_EMPHASIS = re.compile(r"\*+")


@cache
def load_contract() -> dict[str, Any]:
    """The contract's value lists and record fields, read once from data/contract.yaml."""
    with CONTRACT_PATH.open(encoding="utf-8") as handle:
        return load_yaml(handle)


def collapse(text: str) -> str:
    """Reference-text form: NFC, markdown `**` removed, every whitespace run one space.

    Gold strings are "verbatim" in this form, whatever the line breaks of the source."""
    text = unicodedata.normalize("NFC", text).replace("**", "")
    return _SPACE.sub(" ", text).strip()


def printed(text: str) -> str:
    """The printed-text form: as `collapse`, with all the markup of a crawled web copy dropped.

    Web copies carry markdown emphasis (`**bold**`, `*italic*`, stray `** **`) and write table
    cells one per line between lines holding a lone `|`. Annotators who quote the document as
    printed join cells with a space and leave the markup out, so their strings are verbatim in
    this form. A lone `*` between spaces is text ("479 xã) * 20 triệu", a multiplication) and
    stays, and so does a `|` inside a line."""
    text = unicodedata.normalize("NFC", text)
    text = _CELL_RULE.sub(" ", text)
    text = _EMPHASIS.sub(_drop_emphasis, text)
    return _SPACE.sub(" ", text).strip()


def _drop_emphasis(match: re.Match[str]) -> str:
    run, text = match.group(), match.string
    start, end = match.span()
    spaced = (start == 0 or text[start - 1].isspace()) and (end == len(text)
                                                            or text[end].isspace())
    return run if len(run) == 1 and spaced else ""


REFERENCE_FORMS = {"collapsed": collapse, "printed": printed}

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

import yaml

CONTRACT_PATH = Path(__file__).parent / "data" / "contract.yaml"
_SPACE = re.compile(r"\s+")


@cache
def load_contract() -> dict[str, Any]:
    """The contract's value lists and record fields, read once from data/contract.yaml."""
    with CONTRACT_PATH.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def collapse(text: str) -> str:
    """Reference-text form: NFC, markdown `**` removed, every whitespace run one space.

    Gold strings are "verbatim" in this form, whatever the line breaks of the source."""
    text = unicodedata.normalize("NFC", text).replace("**", "")
    return _SPACE.sub(" ", text).strip()

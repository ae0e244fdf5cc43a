"""The project's document sets: which files of corpora/raw are seeds and which the development
set, read from corpora/manifest.tsv.

Regression tests and benchmarks measured on the five seeds must keep measuring those five
when other plans join the corpus, so they ask for a set by name instead of globbing a folder.
"""

from __future__ import annotations

import csv
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MANIFEST = ROOT / "corpora" / "manifest.tsv"
RAW = ROOT / "corpora" / "raw"
SETS = ("seed", "devset")


@cache
def manifest() -> tuple[dict[str, str], ...]:
    """Every row of corpora/manifest.tsv (document, set, source, sha256), in file order."""
    with MANIFEST.open(encoding="utf-8", newline="") as handle:
        return tuple(csv.DictReader(handle, delimiter="\t"))


def document_ids(set_name: str | None = None) -> list[str]:
    """Document ids of one set ("seed", "devset"), or of the whole corpus, in manifest order."""
    if set_name is not None and set_name not in SETS:
        raise ValueError(f"unknown document set {set_name!r} (known: {', '.join(SETS)})")
    return [row["document"] for row in manifest() if set_name in (None, row["set"])]


def document_paths(set_name: str | None = None) -> list[Path]:
    """corpora/raw/<id>.txt of every document of the set, in manifest order."""
    return [RAW / f"{doc_id}.txt" for doc_id in document_ids(set_name)]

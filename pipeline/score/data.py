"""Read what scoring needs: gold files, the predicted tables and cleaned texts, reference texts.

Everything is turned into plain Python rows (None for missing values) grouped by document, so
the matchers never see pandas types.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from pipeline.gold import load_gold, reference_text
from pipeline.score.locate import Locator

TABLES = ("sections", "targets", "assignments")


class ScoreInputError(Exception):
    """A gold or prediction folder is missing or holds nothing to score."""


@dataclass
class DocInput:
    """One document's gold, predictions and the texts used to locate gold strings."""

    doc_id: str
    gold: dict
    pred: dict[str, list[dict]]
    locator: Locator | None = None
    reference: str | None = None
    pred_sections: list[dict] = field(default_factory=list)


def load_gold_dir(gold_dir: Path, keep_null: bool = False) -> dict[str, dict]:
    """Every gold file of the folder, keyed by its `doc_id` (the file name when it has none:
    a second annotator's folder may name files otherwise, e.g. by source file). Tables written
    null are dropped unless `keep_null` (they are not annotated, see `_annotated`)."""
    if not gold_dir.is_dir():
        raise ScoreInputError(f"no such gold folder: {gold_dir}")
    golds: dict[str, dict] = {}
    for path in sorted(gold_dir.glob("*.json")):
        try:
            gold = load_gold(path)
        except ValueError as exc:
            raise ScoreInputError(f"{gold_dir}: {exc}") from exc
        if not isinstance(gold, dict):
            raise ScoreInputError(f"{path}: not a gold file (a JSON object with doc_id)")
        doc_id = gold.get("doc_id") if isinstance(gold.get("doc_id"), str) else path.stem
        if doc_id in golds:
            raise ScoreInputError(f"{path}: a second gold file for {doc_id} in {gold_dir}")
        golds[doc_id] = gold if keep_null else _annotated(gold)
    if not golds:
        raise ScoreInputError(f"no gold files (*.json) in {gold_dir}")
    return golds


def _annotated(gold: dict) -> dict:
    """The gold without tables written `null`: schema 2 says such a table was not annotated
    (not that it is empty), so it is left out of scoring like an omitted one."""
    return {k: v for k, v in gold.items() if not (k in TABLES and v is None)}


def _read_table(pred_dir: Path, name: str) -> pd.DataFrame | None:
    parquet, csv = pred_dir / f"{name}.parquet", pred_dir / f"{name}.csv"
    if parquet.exists():
        return pd.read_parquet(parquet)
    if csv.exists():
        return pd.read_csv(csv, dtype={"doc_id": str}, keep_default_na=True)
    return None


def _records(frame: pd.DataFrame) -> list[dict]:
    frame = frame.astype(object)
    return frame.where(frame.notna(), None).to_dict("records")


def load_pred_dir(pred_dir: Path) -> dict[str, dict[str, list[dict]]]:
    """Predicted rows of the three scored tables, grouped by doc_id then table."""
    if not pred_dir.is_dir():
        raise ScoreInputError(f"no such prediction folder: {pred_dir}")
    by_doc: dict[str, dict[str, list[dict]]] = {}
    found = False
    for name in TABLES + ("documents",):
        frame = _read_table(pred_dir, name)
        if frame is None:
            continue
        found = found or name in TABLES
        for row in _records(frame):
            doc = by_doc.setdefault(str(row["doc_id"]), {t: [] for t in TABLES + ("documents",)})
            doc[name].append(row)
    if not found:
        raise ScoreInputError(f"no prediction tables (targets, assignments, sections as .parquet "
                              f"or .csv) in {pred_dir}; run `vnplan run … --out {pred_dir}`")
    return by_doc


def _reference(doc_id: str, gold_dir: Path, pred: dict[str, list[dict]]) -> str | None:
    """The gold reference text, looked for beside the gold folder and at the document's source."""
    corpora = [gold_dir.parent / "corpora" / "raw", Path("corpora") / "raw"]
    corpora += [Path(row["source"]).parent for row in pred.get("documents", [])
                if row.get("source")]
    for corpus in corpora:
        try:
            return reference_text(doc_id, gold_dir, corpus)
        except (FileNotFoundError, UnicodeDecodeError):
            continue
    return None


def load_inputs(gold_dir: Path, pred_dir: Path) -> tuple[list[DocInput], list[str]]:
    """Inputs of every gold document (empty predictions where none were made), and the ids of
    predicted documents that have no gold file."""
    golds = load_gold_dir(gold_dir)
    preds = load_pred_dir(pred_dir)
    inputs = []
    for doc_id, gold in golds.items():
        pred = preds.get(doc_id, {name: [] for name in TABLES + ("documents",)})
        cleaned = pred_dir / "cleaned" / f"{doc_id}.txt"
        locator = Locator(cleaned.read_text(encoding="utf-8")) if cleaned.exists() else None
        inputs.append(DocInput(doc_id, gold, pred, locator, _reference(doc_id, gold_dir, pred),
                               pred_sections=pred["sections"]))
    unscored = sorted(set(preds) - set(golds))
    return inputs, unscored

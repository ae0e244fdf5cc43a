"""Read what scoring needs: gold files, the predicted tables and cleaned texts, reference texts.

Everything is turned into plain Python rows (None for missing values) grouped by document, so
the matchers never see pandas types.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from pipeline.gold import collapse, load_gold
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
    text_name: str = "cleaned text"  # what the locator's text is, for the report


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


def reference_file(doc_id: str, gold: dict, gold_dir: Path, corpus_dirs: list[Path]
                   ) -> Path | None:
    """Where a gold document's reference text is: <gold>/clean/<id>.txt, else <corpus>/<id>.txt,
    else <corpus>/<source> for a gold file that names its source file (the first corpus folder
    holding it)."""
    clean = gold_dir / "clean" / f"{doc_id}.txt"
    if clean.is_file():
        return clean
    names = [f"{doc_id}.txt"]
    if isinstance(gold.get("source"), str):
        names.append(Path(gold["source"]).name)
    for corpus in corpus_dirs:
        for name in names:
            if (corpus / name).is_file():
                return corpus / name
    return None


def corpus_dirs_for(gold_dir: Path, extra: list[Path] | None = None,
                    pred: dict[str, list[dict]] | None = None) -> list[Path]:
    """Folders to look for reference texts in: those given, corpora/raw beside the gold folder
    and here, and the folders the predicted documents were read from."""
    dirs = [*(extra or []), gold_dir.parent / "corpora" / "raw", Path("corpora") / "raw"]
    dirs += [Path(row["source"]).parent for row in (pred or {}).get("documents", [])
             if row.get("source")]
    return list(dict.fromkeys(dirs))


def read_reference(path: Path | None) -> str | None:
    """The raw reference text (NFC, `\n` line ends), None when missing or unreadable."""
    if path is None:
        return None
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return None
    return unicodedata.normalize("NFC", text).replace("\r\n", "\n")


def is_gold_folder(folder: Path) -> bool:
    """A folder of gold files rather than of predicted tables (agreement between annotators)."""
    has_tables = any((folder / f"{name}.{ext}").exists() for name in TABLES
                     for ext in ("parquet", "csv"))
    return folder.is_dir() and not has_tables and any(folder.glob("*.json"))


def load_inputs(gold_dir: Path, pred_dir: Path, corpus_dirs: list[Path] | None = None
                ) -> tuple[list[DocInput], list[str]]:
    """Inputs of every gold document (empty predictions where none were made), and the ids of
    predicted documents that have no gold file."""
    golds = load_gold_dir(gold_dir)
    preds = load_pred_dir(pred_dir)
    inputs = []
    for doc_id, gold in golds.items():
        pred = preds.get(doc_id, {name: [] for name in TABLES + ("documents",)})
        cleaned = pred_dir / "cleaned" / f"{doc_id}.txt"
        locator = Locator(cleaned.read_text(encoding="utf-8")) if cleaned.exists() else None
        path = reference_file(doc_id, gold, gold_dir, corpus_dirs_for(gold_dir, corpus_dirs, pred))
        reference = read_reference(path)
        inputs.append(DocInput(doc_id, gold, pred, locator,
                               collapse(reference) if reference is not None else None,
                               pred_sections=pred["sections"]))
    unscored = sorted(set(preds) - set(golds))
    return inputs, unscored

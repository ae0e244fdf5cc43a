"""Agreement between two annotations of the same documents, through the official scorer.

    .venv/bin/python scripts/gold_agreement.py                      # gold/ vs shared seedgold
    .venv/bin/python scripts/gold_agreement.py --other DIR --report out/agreement

The second annotation (`--other`, files named anything, each keyed by its `doc_id`) is written
as a prediction folder (the three tables as CSV, each record located in the reference text, and
that text as the cleaned text), then scored against the first (`--gold`) with `score_dirs`: the
figures are those of `vnplan score`, read as agreement. Only documents both sides annotate count.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.gold import collapse, load_gold, reference_text  # noqa: E402
from pipeline.score.cli import write_reports  # noqa: E402
from pipeline.score.score import score_dirs  # noqa: E402

SEEDGOLD = ROOT.parent / "shared" / "devset" / "seedgold"
TABLES = ("sections", "targets", "assignments")
FIGURES = (("targets strict F1", "targets_strict", "f1"),
           ("(agency, role) F1", "agency_set", "f1"),
           ("assignment records F1", "assignments", "f1"),
           ("sections F1", "sections", "f1"),
           ("label agreement", "section_label", "accuracy"))


def _located(records: list[dict], text: str, field: str) -> list[dict]:
    """Records with start/end of their `field` in `text` (first occurrence; none if absent)."""
    rows, cursor = [], 0
    for record in records:
        needle = collapse(record.get(field) or "")
        start = text.find(needle, cursor) if needle else -1
        if start < 0 and needle:
            start = text.find(needle)
        row = dict(record)
        row["start"], row["end"] = (start, start + len(needle)) if start >= 0 else (None, None)
        if field == "heading" and start >= 0:
            cursor = start + len(needle)
        rows.append(row)
    return rows


def write_prediction(other: dict[str, dict], gold_dir: Path, corpus: Path, out: Path) -> None:
    """The other annotation as a `vnplan run` output folder in `out`."""
    (out / "cleaned").mkdir(parents=True)
    frames: dict[str, list[dict]] = {name: [] for name in TABLES}
    for doc_id, gold in other.items():
        text = reference_text(doc_id, gold_dir, corpus)
        (out / "cleaned" / f"{doc_id}.txt").write_text(text, encoding="utf-8")
        for name, field in (("sections", "heading"), ("targets", "evidence"),
                            ("assignments", "evidence")):
            for index, row in enumerate(_located(gold.get(name) or [], text, field)):
                frames[name].append({"doc_id": doc_id, "sec_id": index, **row})
    for name, rows in frames.items():
        pd.DataFrame(rows).to_csv(out / f"{name}.csv", index=False)


def load_other(folder: Path, gold_dir: Path) -> dict[str, dict]:
    """The other side's files keyed by doc_id, for documents the first side also annotates."""
    ours = {path.stem for path in gold_dir.glob("*.json")}
    files = (load_gold(path) for path in sorted(folder.glob("*.json")))
    return {gold["doc_id"]: gold for gold in files if gold.get("doc_id") in ours}


def agreement(gold_dir: Path, other_dir: Path, corpus: Path, tmp: Path) -> dict:
    """The scorer's report of `other_dir` against `gold_dir`, on their shared documents."""
    other = load_other(other_dir, gold_dir)
    shared = tmp / "gold"
    shared.mkdir()
    for doc_id in other:
        (shared / f"{doc_id}.json").write_bytes((gold_dir / f"{doc_id}.json").read_bytes())
    if (gold_dir / "clean").is_dir():
        (shared / "clean").symlink_to((gold_dir / "clean").resolve())
    write_prediction(other, gold_dir, corpus, tmp / "pred")
    return score_dirs(shared, tmp / "pred")


def figure_table(report: dict) -> str:
    """Markdown table: one row per document, then micro, with the five agreement figures."""
    metrics = report["metrics"]
    header = "| document | " + " | ".join(name for name, _, _ in FIGURES) + " |"
    lines = [header, "|---" * (len(FIGURES) + 1) + "|"]
    for doc_id in [*report["documents"], "micro"]:
        cells = []
        for _, metric, field in FIGURES:
            table = metrics.get(metric, {})
            figures = table.get("micro") if doc_id == "micro" else \
                table.get("documents", {}).get(doc_id)
            value = (figures or {}).get(field)
            cells.append("–" if value is None else f"{value:.3f}")
        lines.append(f"| {doc_id} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Print the agreement table; optionally write the scorer's reports (every disagreement)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", default=str(ROOT / "gold"), help="first annotation")
    parser.add_argument("--other", default=str(SEEDGOLD), help="second annotation")
    parser.add_argument("--corpus", default=str(ROOT / "corpora" / "raw"))
    parser.add_argument("--report", help="write report.json/.md/.html here")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="vnplan-agree-") as tmp:
        report = agreement(Path(args.gold), Path(args.other), Path(args.corpus), Path(tmp))
    if args.report:
        write_reports(report, Path(args.report))
    print(figure_table(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())

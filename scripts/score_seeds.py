"""Headline scores of the pipeline against gold, through the official scorer.

    .venv/bin/python scripts/score_seeds.py               # the five seeds vs gold/
    .venv/bin/python scripts/score_seeds.py --set devset  # the development set (seven with gold)
    .venv/bin/python scripts/score_seeds.py --set all     # both
    .venv/bin/python scripts/score_seeds.py --fixtures    # the genre fixtures vs their gold
    .venv/bin/python scripts/score_seeds.py --report DIR  # also report.md/.html/.json (errors)

Documents are processed as plain functions in this process (no Prefect start-up); the tables
go to a temporary folder unless --out is given.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.corpora import document_paths  # noqa: E402
from pipeline.gold import gold_subset  # noqa: E402
from pipeline.score.cli import write_reports  # noqa: E402
from pipeline.score.corpus import score_documents  # noqa: E402
from pipeline.score.summary import summary_text  # noqa: E402

FIXTURES = ROOT / "tests" / "fixtures" / "genre"


def inputs(fixtures: bool, tmp: Path, doc_set: str = "seed") -> tuple[list[Path], Path]:
    """Documents and their gold folder: one document set of corpora/ with a gold folder of that
    set alone (in `tmp`), or the genre fixtures that have gold files."""
    if not fixtures:
        names = None if doc_set == "all" else doc_set
        paths = document_paths(names)
        gold = gold_subset(ROOT / "gold", [p.stem for p in paths], tmp / "gold")
        return paths, gold
    gold = FIXTURES / "gold"
    texts = {p.stem.replace("-", "_"): p for p in FIXTURES.glob("*.txt")}
    return [texts[p.stem.replace("-", "_")] for p in sorted(gold.glob("*.json"))], gold


def main(argv: list[str] | None = None) -> int:
    """Score, print the summary table, optionally write the reports."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fixtures", action="store_true", help="score the genre fixtures")
    parser.add_argument("--set", default="seed", choices=("seed", "devset", "all"),
                        help="which documents of corpora/ (default: the five seeds)")
    parser.add_argument("--out", help="keep the tables here")
    parser.add_argument("--report", help="write report.json/.md/.html here")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="vnplan-score-") as tmp:
        paths, gold = inputs(args.fixtures, Path(tmp), args.set)
        report = score_documents(paths, gold, Path(args.out) if args.out else Path(tmp) / "out")
    if args.report:
        write_reports(report, Path(args.report))
    print(summary_text(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())

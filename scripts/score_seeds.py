"""Headline scores of the pipeline against gold, through the official scorer.

    .venv/bin/python scripts/score_seeds.py               # the five seeds vs gold/
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

from pipeline.score.cli import write_reports  # noqa: E402
from pipeline.score.corpus import score_documents  # noqa: E402
from pipeline.score.summary import summary_text  # noqa: E402

FIXTURES = ROOT / "tests" / "fixtures" / "genre"


def inputs(fixtures: bool) -> tuple[list[Path], Path]:
    """Documents and their gold folder: the seeds, or the fixtures that have gold files."""
    if not fixtures:
        return sorted((ROOT / "corpora" / "raw").glob("*.txt")), ROOT / "gold"
    gold = FIXTURES / "gold"
    texts = {p.stem.replace("-", "_"): p for p in FIXTURES.glob("*.txt")}
    return [texts[p.stem.replace("-", "_")] for p in sorted(gold.glob("*.json"))], gold


def main(argv: list[str] | None = None) -> int:
    """Score, print the summary table, optionally write the reports."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fixtures", action="store_true", help="score the genre fixtures")
    parser.add_argument("--out", help="keep the tables here")
    parser.add_argument("--report", help="write report.json/.md/.html here")
    args = parser.parse_args(argv)
    paths, gold = inputs(args.fixtures)
    with tempfile.TemporaryDirectory(prefix="vnplan-score-") as tmp:
        report = score_documents(paths, gold, Path(args.out or tmp))
    if args.report:
        write_reports(report, Path(args.report))
    print(summary_text(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())

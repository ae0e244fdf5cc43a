"""Process documents as plain functions, write their tables, and score them against gold.

One path for every in-process evaluation: the seed regression tests, the scanned-plan test,
the genre fixtures and `scripts/score_seeds.py`.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from pipeline.refresh import run_refresh
from pipeline.score.score import score_dirs


def score_documents(paths: Iterable[str | Path], gold_dir: Path, out_dir: Path) -> dict:
    """The scorer's report for `paths` processed in this process, tables left in `out_dir`."""
    report = run_refresh([str(p) for p in paths], str(out_dir), mode="replace")
    if report.failures:
        raise RuntimeError(f"documents failed: {report.failures}")
    return score_dirs(gold_dir, out_dir)

"""Process documents as plain functions, write their tables, and score them against gold.

One path for every in-process evaluation: the seed regression tests, the scanned-plan test,
the genre fixtures and `scripts/score_seeds.py`.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from pipeline.process import process_path
from pipeline.score.score import score_dirs
from pipeline.tables import build_frames, write_cleaned, write_frames


def score_documents(paths: Iterable[str | Path], gold_dir: Path, out_dir: Path) -> dict:
    """The scorer's report for `paths` processed in this process, tables left in `out_dir`."""
    outcomes = [process_path(path) for path in paths]
    failures = [o.failure for o in outcomes if o.failure]
    if failures:
        raise RuntimeError(f"documents failed: {failures}")
    docs = [o.document for o in outcomes]
    write_cleaned(docs, out_dir)
    write_frames(build_frames(docs, []), out_dir)
    return score_dirs(gold_dir, out_dir)

"""Scoring predicted tables against gold annotations (`vnplan score`).

`score_dirs(gold_dir, pred_dir)` returns the report as a plain dict; `cli.run_score` prints it
or writes report.json, report.md and report.html. How matching works: docs/scoring.md.
"""

from pipeline.score.score import score_dirs

__all__ = ["score_dirs"]

"""`vnplan score`: run the scorer, then print a summary or write report.json/.md/.html."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from pipeline.score.data import ScoreInputError
from pipeline.score.report_html import render_html
from pipeline.score.report_md import render_markdown
from pipeline.score.score import score_dirs
from pipeline.score.summary import headline_lines, summary_text

EXIT_OK, EXIT_USAGE = 0, 2


def write_reports(report: dict, out_dir: Path) -> list[Path]:
    """index.html (the report with its error browser), report.md and report.json in
    `out_dir` (created if needed)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    files = {
        "index.html": render_html(report),
        "report.md": render_markdown(report),
        "report.json": json.dumps(report, ensure_ascii=False, indent=1, sort_keys=False) + "\n",
    }
    paths = []
    for name, text in files.items():
        path = out_dir / name
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def run_score(args: argparse.Namespace) -> int:
    """Score args.pred against args.gold; 0 whatever the scores, 2 when a folder is missing."""
    corpus = [Path(c) for c in getattr(args, "corpus", None) or []]
    try:
        report = score_dirs(Path(args.gold), Path(args.pred), corpus)
    except ScoreInputError as exc:
        print(f"vnplan score: {exc}", file=sys.stderr)
        return EXIT_USAGE
    if getattr(args, "report", None):
        write_reports(report, Path(args.report))
        print("\n".join(headline_lines(report)))
        print(f"vnplan score: open {Path(args.report) / 'index.html'} (report.md and "
              f"report.json beside it)")
    else:
        print(summary_text(report))
    return EXIT_OK

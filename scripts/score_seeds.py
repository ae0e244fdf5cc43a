"""Run the pipeline on corpora/ and print the headline scores against gold/.

Thin on purpose: `vnplan run` does the work and `pipeline.score` does the scoring.
Usage: .venv/bin/python scripts/score_seeds.py [--out DIR] [--no-run] [--report DIR]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.cli import main as vnplan  # noqa: E402
from pipeline.score import score_dirs  # noqa: E402
from pipeline.score.cli import write_reports  # noqa: E402
from pipeline.score.summary import headline_lines  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    """Run (unless --no-run), score, print the four headline figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(ROOT / "out"), help="pipeline output folder")
    parser.add_argument("--gold", default=str(ROOT / "gold"))
    parser.add_argument("--no-run", action="store_true", help="score the existing --out folder")
    parser.add_argument("--report", help="also write report.json/.md/.html here")
    args = parser.parse_args(argv)
    if not args.no_run:
        status = vnplan(["run", str(ROOT / "corpora"), "--out", args.out, "--quiet"])
        if status not in (0, 3):  # 3: some documents failed, the rest can still be scored
            return status
    report = score_dirs(args.gold, args.out)
    if args.report:
        write_reports(report, Path(args.report))
    print("\n".join(headline_lines(report)))
    return 0


if __name__ == "__main__":
    sys.exit(main())

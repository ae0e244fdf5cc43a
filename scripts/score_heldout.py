"""Score a held-out set of plans of other policy domains (tests/fixtures/<set>), in this process.

    .venv/bin/python scripts/score_heldout.py [--set heldout|heldout2|…] [--report DIR]

The plans were written in the genre by the team, for first-look measurement: nothing in the
pipeline may be tuned on a set before its first look is recorded (the README of each set in
tests/fixtures/heldout*/).
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

FIXTURES = ROOT / "tests" / "fixtures"
SETS = tuple(sorted(p.name for p in FIXTURES.glob("heldout*") if (p / "gold").is_dir()))


def main(argv: list[str] | None = None) -> int:
    """Process, score and print the summary; optionally write the error report."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", dest="set_name", choices=SETS, default="heldout",
                        help="which held-out set to score (default: heldout)")
    parser.add_argument("--report", help="write report.md/.html/.json into this folder")
    args = parser.parse_args(argv)
    heldout = FIXTURES / args.set_name
    with tempfile.TemporaryDirectory() as tmp:
        report = score_documents(sorted(heldout.glob("*.txt")), heldout / "gold", Path(tmp))
    print(summary_text(report))
    if args.report:
        write_reports(report, Path(args.report))
    return 0


if __name__ == "__main__":
    sys.exit(main())

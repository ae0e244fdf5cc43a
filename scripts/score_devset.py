"""Per-plan assignment scores on the development set (../shared/devset), in this process.

    .venv/bin/python scripts/score_devset.py                # the devset plans with assignment gold
    .venv/bin/python scripts/score_devset.py --seedgold     # the seeds vs the independent seed gold
    .venv/bin/python scripts/score_devset.py --report DIR   # also the scorer's error report

The development set's gold files are named by their source file with the doc id inside, and
two of them do not annotate assignments (`"assignments": null`); they are copied under their
doc ids into a temporary gold folder so the official scorer reads them. Prints (agency, role)
set and record P/R/F1 per plan and in total: the figures docs/assignments.md reports.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.score.cli import write_reports  # noqa: E402
from pipeline.score.corpus import score_documents  # noqa: E402

DEVSET = ROOT.parent / "shared" / "devset"
SEEDS = ROOT.parent / "shared" / "seeds"


def gold_by_id(gold_files: list[Path], into: Path) -> dict[str, str]:
    """Copy each gold file that annotates assignments to `into/<doc_id>.json`; source by id."""
    sources = {}
    for path in gold_files:
        gold = json.loads(path.read_text(encoding="utf-8"))
        if gold.get("assignments") is None:
            continue
        shutil.copy(path, into / f"{gold['doc_id']}.json")
        sources[gold["doc_id"]] = gold.get("source") or path.stem
    return sources


def rows(report: dict, sources: dict[str, str]) -> list[str]:
    """One line per plan and a total line: agency-set and record P/R/F1."""
    sets, recs = report["metrics"]["agency_set"], report["metrics"]["assignments"]
    out = [f"{'plan':34} {'set P':>6} {'set R':>6} {'set F1':>6}  {'rec F1':>6}"]
    for doc_id in report["documents"]:
        s, r = sets["documents"].get(doc_id), recs["documents"].get(doc_id)
        if s is None:
            continue
        out.append(f"{doc_id:34} {s['precision']:6.3f} {s['recall']:6.3f} {s['f1']:6.3f}  "
                   f"{r['f1']:6.3f}   {sources.get(doc_id, '')}")
    s, r = sets["micro"], recs["micro"]
    out.append(f"{'all (micro)':34} {s['precision']:6.3f} {s['recall']:6.3f} {s['f1']:6.3f}  "
               f"{r['f1']:6.3f}")
    return out


def main(argv: list[str] | None = None) -> int:
    """Process the plans that have assignment gold, score them and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seedgold", action="store_true",
                        help="score the five seeds against the independent seed gold")
    parser.add_argument("--report", help="write report.md/.html/.json into this folder")
    args = parser.parse_args(argv)
    gold_dir = DEVSET / ("seedgold" if args.seedgold else "gold")
    docs = SEEDS if args.seedgold else DEVSET / "docs"
    with tempfile.TemporaryDirectory(prefix="vnplan-devset-") as tmp:
        gold, out = Path(tmp) / "gold", Path(tmp) / "out"
        gold.mkdir()
        sources = gold_by_id(sorted(gold_dir.glob("*.json")), gold)
        paths = [docs / name for name in sorted(set(sources.values()))]
        report = score_documents(paths, gold, out)
    missing = [d for d in report["documents"] if d in report["documents_without_predictions"]]
    print("\n".join(rows(report, sources)))
    if missing:
        print(f"no predictions under the gold's doc id for: {', '.join(missing)}")
    if args.report:
        write_reports(report, Path(args.report))
    return 0


if __name__ == "__main__":
    sys.exit(main())

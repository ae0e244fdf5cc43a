"""Targets figures per plan: strict and lenient F1, code/comparator/kind accuracy on strict
pairs, year and unit accuracy on lenient pairs, through the official scorer's matching.

    .venv/bin/python scripts/score_targets.py seeds      # corpora/raw against gold/
    .venv/bin/python scripts/score_targets.py devset     # shared devset against its gold
    .venv/bin/python scripts/score_targets.py fixtures   # tests/fixtures/genre against its gold
    .venv/bin/python scripts/score_targets.py devset --errors   # also every FN and FP

The development set's gold files are named by source file; they are copied, renamed to the
doc id they hold, into a temporary folder. Documents are processed in this process.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.corpora import document_paths  # noqa: E402
from pipeline.refresh import run_refresh  # noqa: E402
from pipeline.score.data import load_inputs  # noqa: E402
from pipeline.score.match import one_to_one, same  # noqa: E402
from pipeline.score.targets import _edges, describe  # noqa: E402

DEVSET = Path(os.environ.get("VNPLAN_DEVSET", ROOT.parent / "shared" / "devset"))
FIXTURES = ROOT / "tests" / "fixtures" / "genre"


def corpus(name: str, gold_tmp: Path) -> tuple[list[Path], Path, dict[str, str]]:
    """Documents, a gold folder named by doc id, and the gold doc id of each source file name
    (the development set's gold names its source), for one of the three sets."""
    if name == "seeds":
        return document_paths("seed"), ROOT / "gold", {}
    if name == "fixtures":
        gold = FIXTURES / "gold"
        texts = {p.stem.replace("-", "_"): p for p in FIXTURES.glob("*.txt")}
        paths = [texts[p.stem.replace("-", "_")] for p in sorted(gold.glob("*.json"))]
        return paths, gold, {}
    ids = {}
    for path in sorted((DEVSET / "gold").glob("*.json")):
        doc = json.loads(path.read_text(encoding="utf-8"))
        shutil.copy(path, gold_tmp / f"{doc['doc_id']}.json")
        ids[Path(doc.get("source") or path.with_suffix(".txt").name).name] = doc["doc_id"]
    return sorted((DEVSET / "docs").glob("*.txt")), gold_tmp, ids


def _gold_under_predicted_ids(gold_dir: Path, out: Path, ids: dict[str, str],
                              folder: Path) -> Path:
    """A copy of the gold with each file under the id the pipeline gave its source."""
    import pandas as pd

    folder.mkdir()
    documents = pd.read_csv(out / "documents.csv")
    for source, doc_id in zip(documents["source"], documents["doc_id"], strict=True):
        right = ids.get(Path(source).name)
        if right is None:
            continue
        if right != doc_id:
            print(f"(doc id {doc_id} read as {right} for scoring)")
        gold = json.loads((gold_dir / f"{right}.json").read_text(encoding="utf-8"))
        gold["doc_id"] = doc_id
        (folder / f"{doc_id}.json").write_text(json.dumps(gold, ensure_ascii=False), "utf-8")
    return folder


def _rate(num: int, den: int) -> str:
    return f"{num / den:.2f}" if den else "-"


def _f1(tp: int, fp: int, fn: int) -> str:
    return f"{2 * tp / (2 * tp + fp + fn):.2f}" if (tp + fp + fn) else "1.00"


def plan_row(doc) -> tuple[list, list[str]]:
    """Counts and figures of one document's targets, and its error lines."""
    gold, pred = doc.gold.get("targets", []), doc.pred["targets"]
    lenient_edges, strict_edges = _edges(doc)
    strict = one_to_one(len(gold), len(pred), strict_edges)
    lenient = one_to_one(len(gold), len(pred), lenient_edges)
    tp, ltp = len(strict), len(lenient)
    acc = [sum(same(gold[g].get(f), pred[p].get(f)) for g, p in strict)
           for f in ("code", "comparator", "kind", "period_start")]
    lacc = [sum(same(gold[g].get(f), pred[p].get(f)) for g, p in lenient)
            for f in ("year", "unit")]
    row = [doc.doc_id, len(gold), len(pred), tp, _f1(tp, len(pred) - tp, len(gold) - tp),
           _f1(ltp, len(pred) - ltp, len(gold) - ltp)]
    row += [_rate(a, tp) for a in acc] + [_rate(a, ltp) for a in lacc]
    errors = []
    hit_g, hit_p = {g for g, _ in strict}, {p for _, p in strict}
    for i, g in enumerate(gold):
        if i not in hit_g:
            errors.append(f"  FN {doc.doc_id}: {describe(g)} | {g.get('evidence', '')[:110]}")
    for i, p in enumerate(pred):
        if i not in hit_p:
            errors.append(f"  FP {doc.doc_id}: {describe(p)} | {(p.get('evidence') or '')[:110]}")
    for g, p in strict:
        wrong = [f"{f} {pred[p].get(f)} (gold {gold[g].get(f)})"
                 for f in ("code", "comparator", "kind", "period_start")
                 if not same(gold[g].get(f), pred[p].get(f))]
        if wrong:
            errors.append(f"  ATTR {doc.doc_id}: {', '.join(wrong)} | "
                          f"{gold[g].get('evidence', '')[:90]}")
    return row, errors


HEADER = ["plan", "gold", "pred", "tp", "strict F1", "lenient F1", "code", "comp", "kind",
          "period", "year*", "unit*"]


def main(argv: list[str] | None = None) -> int:
    """Process one set, print the per-plan table (and errors), micro totals last."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("set", choices=("seeds", "devset", "fixtures"))
    parser.add_argument("--errors", action="store_true", help="list FN, FP, wrong attributes")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="vnplan-targets-") as tmp:
        gold_tmp, out = Path(tmp) / "gold", Path(tmp) / "out"
        gold_tmp.mkdir()
        paths, gold_dir, ids = corpus(args.set, gold_tmp)
        run_refresh([str(p) for p in paths], str(out), mode="replace", use_cache=False)
        if ids:  # targets are scored whatever the metadata makes of the id
            gold_dir = _gold_under_predicted_ids(gold_dir, out, ids, Path(tmp) / "gold-as-read")
        inputs, _ = load_inputs(gold_dir, out)
        rows, errors = [], []
        for doc in inputs:
            if "targets" not in doc.gold:
                continue
            row, errs = plan_row(doc)
            rows.append(row)
            errors += errs
    print(" | ".join(HEADER))
    for row in rows:
        print(" | ".join(str(x) for x in row))
    g, p, tp = (sum(r[i] for r in rows) for i in (1, 2, 3))
    print(f"micro | {g} | {p} | {tp} | {_f1(tp, p - tp, g - tp)} | mean per plan "
          f"{sum(float(r[4]) for r in rows) / len(rows):.3f}")
    print("(code, comparator, kind, period_start: accuracy on strict pairs; year*, unit*: on "
          "lenient pairs)")
    if args.errors:
        print("\n".join(errors))
    return 0


if __name__ == "__main__":
    sys.exit(main())

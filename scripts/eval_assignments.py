"""Score extracted assignments against gold, per seed document.

Usage: .venv/bin/python scripts/eval_assignments.py [--errors] [doc_id ...]

Without doc ids it also scores the genre fixtures tests/fixtures/genre/assign_*.json (expected
records written by hand for plans of other provinces), read from their .txt with no cleaner.

Prints per document: the (agency, role) set P/R/F1; record-level P/R/F1 where a record matches a
gold one with the same (agency, role) and overlapping task words; deadline accuracy (due_end and
recurrence) on matched pairs; with --errors, the missed and spurious records.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from extractors.assignments import extract_assignments  # noqa: E402
from extractors.fold import fold  # noqa: E402
from pipeline.model import DocumentMeta  # noqa: E402

SEEDS = ["hatinh-2016-kh496", "haiduong-2016-kh681", "daklak-2018-qd168", "nghean-2013-qd526",
         "thanhhoa-2019-qd1118"]
FIXTURES = ROOT / "tests" / "fixtures" / "genre"


def load_text(doc_id: str) -> tuple[str, list]:
    """The seed as the extractor sees it in the pipeline: cleaned, with its sections."""
    from pipeline.clean import clean_text
    from pipeline.segment import segment

    raw = (ROOT / "corpora" / "raw" / f"{doc_id}.txt").read_text(encoding="utf-8")
    text = clean_text(raw).text
    return text, segment(text)


def load_gold(doc_id: str) -> list[dict] | None:
    """Gold assignments of `doc_id` from gold/<doc_id>.json, None without a gold file."""
    path = ROOT / "gold" / f"{doc_id}.json"
    if not path.exists():
        return None
    return json.loads(path.read_text(encoding="utf-8")).get("assignments") or None


def norm_agency(name: str) -> str:
    """Agency names compared without case, with "Thành phố" and "tỉnh" treated alike."""
    return " ".join(fold(name).replace("thanh pho", "tinh").split())


def words(s: str) -> set[str]:
    return set(fold(s).replace(",", " ").replace(";", " ").split())


def overlap(a: str, b: str) -> float:
    wa, wb = words(a), words(b)
    return len(wa & wb) / max(1, min(len(wa), len(wb)))


def prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def match(pred: list[dict], gold: list[dict]) -> list[tuple[int, int]]:
    """Greedy one-to-one pairs with the same (agency, role), best task overlap first."""
    cands = []
    for i, p in enumerate(pred):
        for j, g in enumerate(gold):
            if norm_agency(p["agency"]) == norm_agency(g["agency"]) and p["role"] == g["role"]:
                o = overlap(p["task"], g["task"])
                if o >= 0.5:
                    cands.append((o, i, j))
    used_p, used_g, pairs = set(), set(), []
    for _, i, j in sorted(cands, reverse=True):
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            pairs.append((i, j))
    return pairs


def evaluate(doc_id: str, show_errors: bool) -> dict | None:
    gold = load_gold(doc_id)
    text, sections = load_text(doc_id)
    pred = [a.__dict__ for a in extract_assignments(text, sections, DocumentMeta())]
    if gold is None:
        print(f"{doc_id}: no gold yet; {len(pred)} records extracted")
        return None
    return report(doc_id, pred, gold, show_errors)


def evaluate_fixture(path: Path, show_errors: bool) -> dict:
    """A genre fixture: its .txt read as is, scored against the expected records in `path`."""
    text = path.with_suffix(".txt").read_text(encoding="utf-8")
    gold = json.loads(path.read_text(encoding="utf-8"))["assignments"]
    pred = [a.__dict__ for a in extract_assignments(text, [], DocumentMeta())]
    return report(f"fixture {path.stem}", pred, gold, show_errors)


def report(doc_id: str, pred: list[dict], gold: list[dict], show_errors: bool) -> dict:
    """Print and return the set, record and deadline scores of one document."""
    ps = {(norm_agency(a["agency"]), a["role"]) for a in pred}
    gs = {(norm_agency(a["agency"]), a["role"]) for a in gold}
    sp, sr, sf = prf(len(ps & gs), len(ps), len(gs))
    pairs = match(pred, gold)
    rp, rr, rf = prf(len(pairs), len(pred), len(gold))
    ok = sum(1 for i, j in pairs if pred[i]["due_end"] == gold[j]["due_end"]
             and pred[i]["recurrence"] == gold[j]["recurrence"])
    acc = ok / len(pairs) if pairs else 0.0
    print(f"{doc_id}: gold {len(gold)} pred {len(pred)} | set P {sp:.2f} R {sr:.2f} F1 {sf:.2f} | "
          f"records P {rp:.2f} R {rr:.2f} F1 {rf:.2f} | deadline acc {acc:.2f} ({ok}/{len(pairs)})")
    if show_errors:
        print_errors(pred, gold, pairs, ps, gs)
    return {"set_f1": sf, "rec_f1": rf, "deadline": acc}


def print_errors(pred, gold, pairs, ps, gs) -> None:
    for a, r in sorted(gs - ps):
        print(f"   set-missed  {r:7} {a}")
    for a, r in sorted(ps - gs):
        print(f"   set-extra   {r:7} {a}")
    mp, mg = {i for i, _ in pairs}, {j for _, j in pairs}
    for j, g in enumerate(gold):
        if j not in mg:
            print(f"   missed   {g['role']:7} {g['agency']} | {g['task'][:90]}")
    for i, p in enumerate(pred):
        if i not in mp:
            print(f"   extra    {p['role']:7} {p['agency']} | {p['task'][:90]}")
    for i, j in pairs:
        p, g = pred[i], gold[j]
        if (p["due_end"], p["recurrence"]) != (g["due_end"], g["recurrence"]):
            print(f"   deadline {p['agency']} | {g['task'][:50]} | got {p['deadline_text']!r} "
                  f"{p['due_end']} {p['recurrence']} want {g['deadline_text']!r} {g['due_end']} "
                  f"{g['recurrence']}")


def main(argv: list[str]) -> None:
    show = "--errors" in argv
    docs = [a for a in argv if not a.startswith("--")]
    for doc_id in docs or SEEDS:
        evaluate(doc_id, show)
    if not docs:
        for path in sorted(FIXTURES.glob("assign_*.json")):
            evaluate_fixture(path, show)


if __name__ == "__main__":
    main(sys.argv[1:])

"""Score the section tree against gold: heading precision/recall/F1 and label accuracy.

Runs `clean_text` then `segment` on each seed that has `gold/<doc_id>.json`, and compares the
level-1/2 headings on number + heading text (case and whitespace ignored). Usage:
    .venv/bin/python scripts/eval_sections.py [--show] [doc_id ...]
"""

from __future__ import annotations

import argparse
import json
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from rapidfuzz.distance import Levenshtein  # noqa: E402

from pipeline.clean.runner import clean_text  # noqa: E402
from pipeline.segment import contract_sections, segment, unmatched_headings  # noqa: E402


def key(number: str, heading: str) -> tuple[str, str]:
    """Comparison key: NFC, lower case, whitespace collapsed."""
    def norm(s: str) -> str:
        return " ".join(unicodedata.normalize("NFC", s).lower().split())
    return norm(number), norm(heading)


def near(a: tuple[str, str], b: tuple[str, str]) -> bool:
    """Same number and a heading at most 5% of characters away (OCR errors left in words)."""
    return a[0] == b[0] and Levenshtein.normalized_distance(a[1], b[1]) <= 0.05


def align(gold: list[dict], pred: list[dict], fuzzy: bool = False) -> list[tuple[dict, dict]]:
    """Pairs of gold and predicted headings with equal keys, greedily in document order."""
    used: set[int] = set()
    pairs = []
    for g in gold:
        gk = key(g["number"], g["heading"])
        for j, p in enumerate(pred):
            pk = key(p["number"], p["heading"])
            if j not in used and (pk == gk or (fuzzy and near(pk, gk))):
                used.add(j)
                pairs.append((g, p))
                break
    return pairs


def clean(raw: str, layout_only: bool) -> str:
    """The cleaned text: the whole cleaner, or normalize + layout only."""
    if not layout_only:
        try:
            return clean_text(raw).text
        except ImportError as err:  # a cleaning step under construction
            print(f"  (full cleaner unavailable: {err}; using normalize + layout)")
    from pipeline.clean import layout, normalize
    steps = [("normalize", normalize.edits), ("layout", layout.edits)]
    return clean_text(raw, steps=steps).text


def evaluate(doc_id: str, show: bool, layout_only: bool = False) -> dict:
    """Scores of one document."""
    gold = json.loads((ROOT / "gold" / f"{doc_id}.json").read_text(encoding="utf-8"))["sections"]
    raw = (ROOT / "corpora" / "raw" / f"{doc_id}.txt").read_text(encoding="utf-8")
    sections = segment(clean(raw, layout_only))
    pred = [{"number": s.number, "heading": s.heading, "level": s.level, "label": s.label}
            for s in contract_sections(sections)]
    pairs = align(gold, pred)
    tp = len(pairs)
    p = tp / len(pred) if pred else 0.0
    r = tp / len(gold) if gold else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    labels = sum(1 for g, q in pairs if g["label"] == q["label"])
    levels = sum(1 for g, q in pairs if g["level"] == q["level"])
    fuzzy = len(align(gold, pred, fuzzy=True))
    f1_ocr = 2 * fuzzy / (len(gold) + len(pred)) if gold or pred else 0.0
    if show:
        _show(gold, pred, pairs, sections)
    return {"doc": doc_id, "gold": len(gold), "pred": len(pred), "P": p, "R": r, "F1": f1,
            "label": labels / tp if tp else 0.0, "level": levels / tp if tp else 0.0,
            "F1~": f1_ocr}


def _show(gold: list[dict], pred: list[dict], pairs: list, sections: list) -> None:
    matched_g = {id(g) for g, _ in pairs}
    matched_p = {id(q) for _, q in pairs}
    for g in gold:
        if id(g) not in matched_g:
            print(f"  missed  {g['level']} {g['number']!r} {g['heading'][:90]}")
    for q in pred:
        if id(q) not in matched_p:
            print(f"  extra   {q['level']} {q['number']!r} {q['heading'][:90]}")
    for g, q in pairs:
        if g["label"] != q["label"] or g["level"] != q["level"]:
            print(f"  label   {g['number']!r} {g['heading'][:50]}: gold {g['label']}/{g['level']}"
                  f" got {q['label']}/{q['level']}")
    for u in unmatched_headings(sections):
        print(f"  unmatched label: {u[:90]}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("docs", nargs="*")
    ap.add_argument("--show", action="store_true", help="list misses, extras, label errors")
    ap.add_argument("--layout-only", action="store_true", help="clean with normalize + layout")
    args = ap.parse_args()
    docs = args.docs or sorted(p.stem for p in (ROOT / "gold").glob("*.json"))
    cols = ["P", "R", "F1", "label", "level", "F1~"]
    print(f"{'doc':24} {'gold':>4} {'pred':>4} " + " ".join(f"{c:>6}" for c in cols))
    print("(F1~: headings may differ by OCR errors in up to 5% of their characters)")
    for d in docs:
        if not (ROOT / "corpora" / "raw" / f"{d}.txt").exists():
            continue
        if args.show:
            print(d)
        s = evaluate(d, args.show, args.layout_only)
        print(f"{s['doc']:24} {s['gold']:4d} {s['pred']:4d} {s['P']:6.3f} {s['R']:6.3f} "
              f"{s['F1']:6.3f} {s['label']:6.3f} {s['level']:6.3f} {s['F1~']:6.3f}")


if __name__ == "__main__":
    main()

"""Score the target extractor against gold: per-document P/R/F1, false positives and negatives.

Usage: .venv/bin/python scripts/eval_targets.py [--quiet] [doc_id ...]

After the seeds it prints the GENERALIZATION score: the same strict matching over the genre
fixtures written by hand (`tests/fixtures/genre/<doc>.txt` with expected `<doc>.json`), plans
of other provinces, years and styles that the rules were not tuned on.

Text is the cleaner's output (`pipeline.clean.clean_text`) and sections come from
`pipeline.segment.segment`; gold is `gold/<doc_id>.json`.
Matching is one-to-one within a document: strict = value, value_max, unit, year, scope_level
equal and evidence overlapping; lenient = value equal and evidence overlapping.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from extractors.targets import extract_targets  # noqa: E402
from pipeline.model import DocumentMeta  # noqa: E402

RAW = ROOT / "corpora" / "raw"
GOLD = ROOT / "gold"
FIXTURES = ROOT / "tests" / "fixtures" / "genre"
STRICT = ("value", "value_max", "unit", "year", "scope_level")


def prepare(raw: str) -> str:
    """The text the extractor sees in the pipeline: the cleaner's output."""
    from pipeline.clean import clean_text

    return clean_text(raw).text


def sections_of(text: str) -> list:
    """The segmenter's sections of the cleaned text."""
    from pipeline.segment import segment

    return segment(text)


def _norm(s: str) -> str:
    return " ".join(s.split()).lower()


def _lcs_len(a: str, b: str) -> int:
    """Length of the longest common substring (dynamic programming, short strings)."""
    best, prev = 0, [0] * (len(b) + 1)
    for ca in a:
        cur = [0] * (len(b) + 1)
        for j, cb in enumerate(b, 1):
            if ca == cb:
                cur[j] = prev[j - 1] + 1
                best = max(best, cur[j])
        prev = cur
    return best


def overlaps(gold_ev: str, pred_ev: str) -> bool:
    """Evidence overlap: one contains the other, or a long common substring."""
    g, p = _norm(gold_ev), _norm(pred_ev)
    if not g or not p:
        return False
    short = min(len(g), len(p))
    if (g in p or p in g) and short >= 12:
        return True
    return _lcs_len(g[:400], p[:400]) >= max(12, min(25, 0.5 * short))


def _eq(a, b) -> bool:  # noqa: ANN001
    if isinstance(a, int | float) and isinstance(b, int | float):
        return abs(float(a) - float(b)) < 1e-6
    return a == b


def match(gold: list[dict], pred: list[dict], fields: tuple[str, ...]) -> list[tuple[int, int]]:
    """One-to-one matching: candidate pairs (fields equal, evidence overlapping) are taken
    best overlap first, so one greedy choice cannot steal a better pair's partner."""
    cands = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            if all(_eq(g.get(f), p.get(f)) for f in fields) and overlaps(
                g["evidence"], p["evidence"]
            ):
                score = _lcs_len(_norm(g["evidence"])[:400], _norm(p["evidence"])[:400])
                cands.append((-score, gi, pi))
    used_g, used_p, pairs = set(), set(), []
    for _, gi, pi in sorted(cands):
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            pairs.append((gi, pi))
    return sorted(pairs)


def prf(n_match: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    """Precision, recall, F1."""
    p = n_match / n_pred if n_pred else 0.0
    r = n_match / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def gold_for(doc_id: str) -> list[dict] | None:
    """Gold targets of `doc_id`, or None when no gold file exists yet."""
    path = GOLD / f"{doc_id}.json"
    if not path.exists():
        return None
    return json.loads(path.read_text(encoding="utf-8")).get("targets")


def _show(t: dict) -> str:
    rng = f"-{t['value_max']}" if t.get("value_max") is not None else ""
    return (f"{t['value']}{rng} {t['unit']} {t.get('comparator')} y={t.get('year')} "
            f"sc={t.get('scope_level')} {t.get('code')} | {t['evidence'][:110]}")


def evaluate(doc_id: str, quiet: bool, raw_dir: Path = RAW, gold: list[dict] | None = None
             ) -> tuple[int, int, int, int, int] | None:
    """Print one document's scores; return (strict, lenient, n_pred, n_gold, code correct)."""
    gold = gold if gold is not None else gold_for(doc_id)
    text = prepare((raw_dir / f"{doc_id}.txt").read_text(encoding="utf-8"))
    preds = [t.__dict__ for t in extract_targets(text, sections_of(text), DocumentMeta())]
    if gold is None:
        print(f"{doc_id}: no gold; {len(preds)} predicted")
        return None
    strict, lenient = match(gold, preds, STRICT), match(gold, preds, ("value",))
    codes = sum(gold[g]["code"] == preds[p]["code"] for g, p in strict)
    sp, sr, sf = prf(len(strict), len(preds), len(gold))
    lp, lr, lf = prf(len(lenient), len(preds), len(gold))
    print(f"{doc_id}: gold {len(gold)} pred {len(preds)} | strict P {sp:.2f} R {sr:.2f} "
          f"F1 {sf:.2f} | lenient P {lp:.2f} R {lr:.2f} F1 {lf:.2f} | code {codes}/{len(strict)}")
    if not quiet:
        mg, mp = {g for g, _ in strict}, {p for _, p in strict}
        for gi, g in enumerate(gold):
            if gi not in mg:
                print("   FN", _show(g))
        for pi, p in enumerate(preds):
            if pi not in mp:
                print("   FP", _show(p))
        for gi, pi in strict:
            if gold[gi]["code"] != preds[pi]["code"]:
                print(f"   CODE {preds[pi]['code']} (gold {gold[gi]['code']}) | "
                      f"{preds[pi]['evidence'][:100]}")
    return len(strict), len(lenient), len(preds), len(gold), codes


def fixture_docs() -> list[str]:
    """Genre fixtures with expected targets (`<doc>.json` holding "targets" beside `<doc>.txt`)."""
    return sorted(p.stem for p in FIXTURES.glob("*.json")
                  if (FIXTURES / f"{p.stem}.txt").exists()
                  and "targets" in json.loads(p.read_text(encoding="utf-8")))


def generalization(quiet: bool) -> tuple[float, float, float, float]:
    """Strict P, R, F1 and code accuracy over the genre fixtures (printed too)."""
    tot = [0, 0, 0, 0, 0]
    for d in fixture_docs():
        expected = json.loads((FIXTURES / f"{d}.json").read_text(encoding="utf-8"))["targets"]
        r = evaluate(d, quiet, FIXTURES, expected)
        tot = [a + b for a, b in zip(tot, r, strict=True)]
    p, r, f = prf(tot[0], tot[2], tot[3])
    acc = tot[4] / tot[0] if tot[0] else 0.0
    print(f"GENERALIZATION (fixtures) strict P {p:.2f} R {r:.2f} F1 {f:.2f}  code {acc:.3f}")
    return p, r, f, acc


def main() -> None:
    """Evaluate the seeds (or the doc ids given), print micro-averaged totals, then the
    generalization score over the genre fixtures."""
    ap = argparse.ArgumentParser()
    ap.add_argument("docs", nargs="*")
    ap.add_argument("--quiet", action="store_true")
    args = ap.parse_args()
    docs = args.docs or sorted(p.stem for p in RAW.glob("*.txt"))
    tot = [0, 0, 0, 0, 0]
    for d in docs:
        r = evaluate(d, args.quiet)
        if r:
            tot = [a + b for a, b in zip(tot, r, strict=True)]
    if tot[3]:
        strict, lenient = prf(tot[0], tot[2], tot[3])[2], prf(tot[1], tot[2], tot[3])[2]
        acc = tot[4] / tot[0] if tot[0] else 0.0
        print(f"TOTAL strict F1 {strict:.3f}  lenient F1 {lenient:.3f}  code {acc:.3f}")
    if not args.docs:
        generalization(args.quiet)


if __name__ == "__main__":
    main()

"""Learn what specks do to a scan: the regime threshold and its confusion rates.

Run: `.venv/bin/python scripts/train_specks.py` (after `scripts/train_channel.py` has cached
the OCR'd training renders in `bench_out/channel/`; seconds afterwards).

The training renders (`scripts/ocr_render.py`: general text, no seed, fonts and settings the
benchmark does not use) are labelled by their config: speckled (salt-and-pepper noise) or
clean. For each page the debris step's speck signatures per 1,000 characters are measured
(`pipeline.clean.speckled.speck_rate`); the threshold is the geometric mean of the highest
clean and the lowest speckled page's rate. Per regime, the aligned pages give
- `case`: a small letter starting a word read as its capital (by first letter);
- `punct`: "," read as ";".
Case rates are shrunk toward the regime's rate over all letters (PRIOR_WEIGHT pseudo-counts),
so a letter seen a few times gets its regime's rate, not a guess; punctuation rates use
P = (count + 0.5) / (total + 1). Output: `pipeline/clean/data/speck_channel.tsv`.
"""

from __future__ import annotations

import difflib
import math
import sys
import unicodedata
from collections import Counter
from pathlib import Path

import regex

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from build_resources import general_text  # noqa: E402
from ocr_render import detokenize, labelled_pairs  # noqa: E402

from pipeline.clean import debris, layout, normalize, speckled  # noqa: E402
from pipeline.clean.context import CleanContext  # noqa: E402
from pipeline.clean.runner import clean_text  # noqa: E402

RESOURCES = ROOT / "pipeline" / "clean" / "data"  # the OCR model's data, in the source tree
OUT = RESOURCES / "speck_channel.tsv"
PAGES = 30
_TOKEN = regex.compile(r"[\p{L}\p{M}0-9]+|[^\s\p{L}\p{M}0-9]")
PUNCT_PAIRS = ((",", ";"),)
PRIOR_WEIGHT = 50  # pseudo-counts of the pooled case rate behind each letter's own


def page_rate(hyp: str) -> float:
    """Speck signatures per 1,000 characters, measured as the debris step sees the page."""
    text = clean_text(hyp, origin="ocr", steps=[("normalize", normalize.edits),
                                                ("layout", layout.edits)]).text
    return speckled.speck_rate(debris.base_edits(text, CleanContext.create(origin="ocr")), text)


def count_page(ref: str, hyp: str, pairs: Counter, totals: Counter, regime: str) -> None:
    """Case-preserving token alignment of one page, counted into `pairs` and `totals`."""
    r = _TOKEN.findall(unicodedata.normalize("NFC", ref))
    h = _TOKEN.findall(unicodedata.normalize("NFC", hyp))
    sm = difflib.SequenceMatcher(None, [x.lower() for x in r], [x.lower() for x in h],
                                 autojunk=False)
    for op, i1, i2, j1, j2 in sm.get_opcodes():
        if op != "equal":
            for a, b in zip(r[i1:i2], h[j1:j2], strict=True) if i2 - i1 == j2 - j1 else ():
                for meant, seen in PUNCT_PAIRS:
                    if a == meant:
                        totals[regime, "punct", meant] += 1
                        pairs[regime, "punct", meant, seen] += b == seen
            continue
        for a, b in zip(r[i1:i2], h[j1:j2], strict=True):
            if a[:1].islower() and a.isalpha():
                totals[regime, "case", a[0]] += 1
                pairs[regime, "case", a[0], a[0].upper()] += b[:1].isupper()
            for meant, _seen in PUNCT_PAIRS:
                if a == meant:
                    totals[regime, "punct", meant] += 1


def main() -> None:
    """Measure, count, write."""
    text = "\n".join(detokenize(s) for s in general_text().splitlines())
    pairs, totals = Counter(), Counter()
    rates: dict[str, list[float]] = {"clean": [], "speckled": []}
    for cfg, ref, hyp in labelled_pairs(text, PAGES):
        regime = "speckled" if cfg.noise else "clean"
        rates[regime].append(page_rate(hyp))
        count_page(ref, hyp, pairs, totals, regime)
    top_clean, low_speckled = max(rates["clean"]), min(rates["speckled"])
    if top_clean >= low_speckled:
        sys.exit(f"speck rates overlap: clean up to {top_clean:.2f}, speckled from "
                 f"{low_speckled:.2f}")
    threshold = math.sqrt(max(top_clean, 0.1) * low_speckled)
    pooled = {}
    for regime in rates:
        n = sum(v for k, v in pairs.items() if k[:2] == (regime, "case"))
        total = sum(v for k, v in totals.items() if k[:2] == (regime, "case"))
        pooled[regime] = (n + 0.5) / (total + 1)
    rows = [("", "threshold", "", "", "", "", f"{threshold:.3f}")]
    for key, total in sorted(totals.items()):
        regime, kind, meant = key
        seen = meant.upper() if kind == "case" else dict(PUNCT_PAIRS)[meant]
        n = pairs[regime, kind, meant, seen]
        p = (n + PRIOR_WEIGHT * pooled[regime]) / (total + PRIOR_WEIGHT) if kind == "case" \
            else (n + 0.5) / (total + 1)
        rows.append((regime, kind, meant, seen, str(n), str(total), f"{p:.5f}"))
    with open(OUT, "w", encoding="utf-8") as f:
        f.write("regime\tkind\tintended\tobserved\tcount\ttotal\tp\n")
        for row in rows:
            f.write("\t".join(row) + "\n")
    print(f"threshold {threshold:.2f} (clean pages up to {top_clean:.2f}, speckled from "
          f"{low_speckled:.2f}); {len(rows)} rows -> {OUT}")


if __name__ == "__main__":
    main()

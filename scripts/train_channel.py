"""Learn the OCR noisy channel P(observed | intended) from pages rendered and OCR'd here.

Run: `.venv/bin/python scripts/train_channel.py [--pages N]` (Tesseract output is cached under
`bench_out/channel/`; about 10 minutes on two cores the first time, seconds afterwards).

Training text is the VLSP 2013 POS test set shipped with underthesea, rendered by
`scripts/ocr_render.py` in fonts, sizes and degradations the benchmark does not use: no seed,
no gold text, nothing the bench scores. OCR output is aligned to its source token by token
(difflib over the page, then an edit-distance alignment inside each replaced block) and the
aligned syllable pairs are counted into
- `tone`: intended tone → observed tone (0 none, 1 huyền, 2 sắc, 3 hỏi, 4 ngã, 5 nặng);
- `mark`: intended → observed letter among a/ă/â, e/ê, o/ô/ơ, u/ư, d/đ (same skeleton only);
- `letter`: an intended skeleton substring → what OCR printed ("^"/"$" anchor it), the
  candidates' letter confusions;
- `punct`: an intended mark → the observed one ("" for none; intended "" means inserted).
Each row gets cost = −log10 P with add-half smoothing, P = (count + 0.5) / (total + 1), capped
at COST_CAP. Output: `pipeline/clean/data/ocr_channel.tsv` from every setting, and
`ocr_channel_speckled.tsv` from the salt-and-pepper settings alone (the channel a speckled
scan gets, `pipeline/clean/speckled.py`); sorted, deterministic for a given OCR cache.
"""

from __future__ import annotations

import argparse
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

from pipeline.vi.syllable import VOWELS, skeleton, split_tone  # noqa: E402

RESOURCES = ROOT / "pipeline" / "clean" / "data"  # the OCR model's data, in the source tree
OUT = RESOURCES / "ocr_channel.tsv"  # every training setting
OUT_SPECKLED = RESOURCES / "ocr_channel_speckled.tsv"  # the speckled settings alone
COST_CAP = 4.0  # log10: a confusion never seen costs at most this (the floor on P)
LETTER_MIN = 2  # a letter confusion must be seen this often to become a candidate rule
MARK_LETTERS = frozenset("aăâeêoôơuưdđ")
PUNCT = frozenset(",;:.")
_TOKEN = regex.compile(r"[\p{L}\p{M}0-9]+|[^\s\p{L}\p{M}0-9]")


def tokens(text: str) -> list[str]:
    """Lowercase NFC word and punctuation tokens."""
    return _TOKEN.findall(unicodedata.normalize("NFC", text).lower())


def _dist(a: str, b: str) -> float:
    """Substitution cost of two tokens in the block alignment (0 same … 1 unrelated)."""
    return 1.0 - difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()


def align_block(ref: list[str], hyp: list[str]) -> list[tuple[str, str]]:
    """Levenshtein alignment of two short token lists: (ref, hyp) pairs, "" for a gap."""
    n, m = len(ref), len(hyp)
    d = [[float(i + j) if i == 0 or j == 0 else 0.0 for j in range(m + 1)] for i in range(n + 1)]
    for i in range(1, n + 1):
        for j in range(1, m + 1):
            d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1,
                          d[i - 1][j - 1] + _dist(ref[i - 1], hyp[j - 1]))
    out, i, j = [], n, m
    while i or j:
        if i and j and d[i][j] == d[i - 1][j - 1] + _dist(ref[i - 1], hyp[j - 1]):
            out.append((ref[i - 1], hyp[j - 1]))
            i, j = i - 1, j - 1
        elif i and d[i][j] == d[i - 1][j] + 1:
            out.append((ref[i - 1], ""))
            i -= 1
        else:
            out.append(("", hyp[j - 1]))
            j -= 1
    return out[::-1]


def align(ref: str, hyp: str) -> list[tuple[str, str]]:
    """Token alignment of a page's source and its OCR output."""
    r, h = tokens(ref), tokens(hyp)
    out: list[tuple[str, str]] = []
    sm = difflib.SequenceMatcher(None, r, h, autojunk=False)
    for op, i1, i2, j1, j2 in sm.get_opcodes():
        if op == "equal":
            out.extend(zip(r[i1:i2], h[j1:j2], strict=True))
        elif (i2 - i1) * (j2 - j1) <= 400:
            out.extend(align_block(r[i1:i2], h[j1:j2]))
    return out


def letter_rules(meant: str, seen: str) -> list[tuple[str, str]] | None:
    """(meant, seen) substring pairs turning skeleton `meant` into `seen`, with one letter of
    left context where a side is empty (so every rule has something to find); None when the
    two are too different to be a confusion."""
    a, b = f"^{meant}$", f"^{seen}$"
    ops = [o for o in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
           if o[0] != "equal"]
    if not ops or len(ops) > 2:
        return None
    out = []
    for _op, i1, i2, j1, j2 in ops:
        if i2 - i1 > 3 or j2 - j1 > 3:
            return None
        if i1 == i2 or j1 == j2:
            i1, j1 = i1 - 1, j1 - 1  # widen by the letter (or anchor) on the left
        out.append((a[i1:i2], b[j1:j2]))
    return out


class Counts:
    """Confusion counts and their denominators."""

    def __init__(self) -> None:
        self.pairs: Counter = Counter()  # (kind, intended, observed)
        self.totals: Counter = Counter()  # (kind, intended)
        self.skeletons: Counter = Counter()  # anchored intended skeletons (letter denominators)

    def add_word(self, ref: str, hyp: str) -> None:
        """Count one aligned word pair (identical or not)."""
        base_r, tr = split_tone(ref)
        base_h, th = split_tone(hyp)
        self.pairs["tone", str(tr), str(th)] += 1
        self.totals["tone", str(tr)] += 1
        sk_r, sk_h = skeleton(ref), skeleton(hyp)
        self.skeletons[f"^{sk_r}$"] += 1
        if sk_r == sk_h and len(base_r) == len(base_h):
            for x, y in zip(base_r, base_h, strict=True):
                if x in MARK_LETTERS:
                    self.pairs["mark", x, y] += 1
                    self.totals["mark", x] += 1
        if sk_r == sk_h and len(ref) == len(hyp):
            # whole marked vowels: at low resolution a tone and a vowel mark go wrong
            # together ("cán" read "cần": the acute and the a merge into ầ), far more often
            # than the two rates multiplied say
            for x, y in zip(ref.lower(), hyp.lower(), strict=True):
                if split_tone(x)[0] in VOWELS:
                    self.pairs["vowel", x, y] += 1
                    self.totals["vowel", x] += 1
        elif sk_r != sk_h:
            for meant, seen in letter_rules(sk_r, sk_h) or ():
                self.pairs["letter", meant, seen] += 1

    def add(self, ref: str, hyp: str) -> None:
        """Count one aligned token pair."""
        if ref in PUNCT or (not ref and hyp in PUNCT):
            self.pairs["punct", ref, hyp] += 1
        if ref in PUNCT:
            self.totals["punct", ref] += 1
        elif ref.isalpha() and hyp and hyp.isalnum():
            self.add_word(ref, hyp)
        if ref.isalpha():
            self.totals["punct", ""] += 1  # a word boundary where a mark may be inserted

    def letter_totals(self) -> None:
        """Occurrences of each learned rule's intended substring in intended skeletons."""
        for _kind, meant, _seen in [k for k in self.pairs if k[0] == "letter"]:
            if ("letter", meant) not in self.totals:
                self.totals["letter", meant] = sum(
                    n * _occurrences(sk, meant) for sk, n in self.skeletons.items())


def _occurrences(s: str, sub: str) -> int:
    return sum(1 for i in range(len(s)) if s.startswith(sub, i))


def cost(count: int, total: int) -> float:
    """−log10 P with add-half smoothing, capped (the floor on P)."""
    return round(min(COST_CAP, -math.log10((count + 0.5) / (total + 1))), 3)


def write(c: Counts, out: Path = OUT) -> int:
    """Write the channel table; returns the number of rows."""
    rows = []
    for (kind, meant, seen), n in c.pairs.items():
        if kind in ("letter", "vowel") and meant != seen and n < LETTER_MIN:
            continue
        total = c.totals[kind, meant]
        rows.append((kind, meant, seen, n, total, cost(n, total)))
    rows.sort()
    with open(out, "w", encoding="utf-8") as f:
        f.write("# learned by scripts/train_channel.py; cost = -log10 P(observed | intended)\n")
        f.write("kind\tintended\tobserved\tcount\ttotal\tcost\n")
        for r in rows:
            f.write("\t".join(map(str, r)) + "\n")
    return len(rows)


def main() -> None:
    """Render, OCR, align, count, write."""
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--pages", type=int, default=30, help="pages per rendering config")
    args = ap.parse_args()
    text = "\n".join(detokenize(s) for s in general_text().splitlines())
    every, speckled = Counts(), Counts()
    for cfg, ref, hyp in labelled_pairs(text, args.pages):
        for r, h in align(ref, hyp):
            every.add(r, h)
            if cfg.noise:
                speckled.add(r, h)
    for counts, out in ((every, OUT), (speckled, OUT_SPECKLED)):
        counts.letter_totals()
        print(f"{write(counts, out)} rows -> {out}")


if __name__ == "__main__":
    main()

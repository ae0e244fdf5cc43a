"""Benchmarks for the cleaning stage: synthetic Tesseract, noise injector, thanhhoa vs gold,
do-no-harm on the clean seeds, speed and memory.

Run: `.venv/bin/python scripts/bench_clean.py [--parts ocr,pipeline,noise,gold,harm,speed]
[--loo] [--pages all]` (pages of each seed for the ocr part: all of them, 36 pages, by
default; or a range such as 1-2, 3-4 or 5-8).
OCR output is cached under `bench_out/ocr/` (ignored by git); delete it to re-run Tesseract.
Metrics normalization: `pipeline/clean/metrics.py` (NFC, tone placement canonical, page-number
lines and digital-signature stamp lines ("Ký bởi: …" + timestamp, page furniture) dropped on
both sides, all whitespace collapsed to one space).
"""

from __future__ import annotations

import argparse
import io
import os
import random
import re
import subprocess
import sys
import time
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.clean.metrics import cer, normalize_for_metric, wer  # noqa: E402
from pipeline.synth import draw_page, wrap_lines  # noqa: E402

CLEAN_SEEDS = ["hatinh-2016-kh496", "haiduong-2016-kh681", "daklak-2018-qd168",
               "nghean-2013-qd526"]
OCR_SEED = "thanhhoa-2019-qd1118"
RAW = ROOT / "corpora" / "raw"
OUT = ROOT / "bench_out"
FONT = "/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf"
PAGES_PER_DOC = 2  # pages of each seed for the slower parts (pipeline OCR)
ALL_PAGES = 99  # more than any seed has: "every page"
LEVELS = ["300dpi", "150dpi-blur", "100dpi", "72dpi", "150dpi-noisy"]


# ---------------------------------------------------------------- metrics

def cer_wer(ref: str, hyp: str) -> tuple[float, float]:
    """Character and word error rates of `hyp` against `ref` after normalization."""
    return cer(ref, hyp), wer(ref, hyp)


# ---------------------------------------------------------------- rendering and OCR

def source_lines(doc_id: str) -> list[str]:
    """The seed as plain lines to render: markdown bold and tabs removed, long lines wrapped."""
    from PIL import ImageFont

    font = ImageFont.truetype(FONT, _px(13, 300))
    width = _px_in(6.3, 300)  # 210 mm page minus 2 x 25 mm margins ~ 6.3 in
    text = (RAW / f"{doc_id}.txt").read_text(encoding="utf-8").replace("**", "")
    return wrap_lines(text, font, width)


def _px(points: float, dpi: int) -> int:
    return round(points / 72 * dpi)


def _px_in(inches: float, dpi: int) -> int:
    return round(inches * dpi)


def pages(doc_id: str, lines_per_page: int = 40) -> list[list[str]]:
    """Lines split into pages (40 lines each, as the renderer lays them out)."""
    lines = source_lines(doc_id)
    return [lines[i:i + lines_per_page] for i in range(0, len(lines), lines_per_page)]


def render(lines: list[str], dpi: int):
    """A4 page image of `lines` in Liberation Serif 13 pt at `dpi`."""
    from PIL import ImageFont

    font = ImageFont.truetype(FONT, _px(13, dpi))
    return draw_page(lines, font, (_px_in(8.27, dpi), _px_in(11.69, dpi)), _px_in(1.0, dpi),
                     round(_px(13, dpi) * 1.35))


def degrade(img, level: str, seed: int):
    """Apply the degradation named by `level` (blur, noise, skew, JPEG, low resolution)."""
    from PIL import Image, ImageFilter

    rng = random.Random(seed)
    if level == "150dpi-blur":
        img = img.filter(ImageFilter.GaussianBlur(1.0))
    if level == "150dpi-noisy":
        img = img.rotate(rng.uniform(-1.2, 1.2), fillcolor=255, resample=Image.BILINEAR)
        img = img.filter(ImageFilter.GaussianBlur(0.7))
        px = img.load()
        w, h = img.size
        for _ in range(w * h // 60):
            x, y = rng.randrange(w), rng.randrange(h)
            px[x, y] = 0 if rng.random() < 0.5 else 255
        buf = io.BytesIO()
        img.save(buf, "JPEG", quality=25)
        img = Image.open(io.BytesIO(buf.getvalue())).convert("L")
    return img


def level_dpi(level: str) -> int:
    """Rendering resolution of a degradation level."""
    return int(level.split("dpi")[0])


def ocr_page(doc_id: str, page_no: int, level: str, lines: list[str]) -> str:
    """Tesseract output for one rendered, degraded page (cached in bench_out/ocr)."""
    cache = OUT / "ocr" / f"{doc_id}.p{page_no}.{level}.txt"
    if cache.exists():
        return cache.read_text(encoding="utf-8")
    cache.parent.mkdir(parents=True, exist_ok=True)
    img = degrade(render(lines, level_dpi(level)), level, seed=page_no * 7 + len(level))
    png = cache.with_suffix(".png")
    img.save(png)
    env = dict(os.environ, OMP_THREAD_LIMIT="1")
    res = subprocess.run(["tesseract", str(png), "-", "-l", "vie", "--dpi",
                          str(level_dpi(level))], capture_output=True, env=env, check=True)
    text = res.stdout.decode("utf-8")
    cache.write_text(text, encoding="utf-8")
    png.unlink()
    return text


def pipeline_ocr_page(doc_id: str, page_no: int, level: str, lines: list[str]) -> str:
    """The same page read by the pipeline's own OCR (`pipeline.ingest.ocr.ocr_image`, which
    despeckles a speckled page first), cached in bench_out/ocr-pipeline."""
    cache = OUT / "ocr-pipeline" / f"{doc_id}.p{page_no}.{level}.txt"
    if cache.exists():
        return cache.read_text(encoding="utf-8")
    from pipeline.ingest.ocr import ocr_image

    cache.parent.mkdir(parents=True, exist_ok=True)
    img = degrade(render(lines, level_dpi(level)), level, seed=page_no * 7 + len(level))
    img.info["dpi"] = (level_dpi(level), level_dpi(level))  # as a scanner tags its files
    text = ocr_image(img, f"{doc_id} page {page_no}")
    cache.write_text(text, encoding="utf-8")
    return text


@dataclass
class Pair:
    """One benchmark item: a reference text and a damaged version of it."""

    doc_id: str
    level: str
    ref: str
    hyp: str


def ocr_pairs(first_page: int = 0, count: int = PAGES_PER_DOC, reader=None) -> list[Pair]:
    """(clean source, OCR output) for `count` pages of each clean seed, from `first_page`
    (0-based), at every level; `reader` is the OCR (plain Tesseract by default)."""
    reader = reader or ocr_page
    out = []
    for doc_id in CLEAN_SEEDS:
        for page_no, lines in enumerate(pages(doc_id)[first_page:first_page + count],
                                        first_page):
            for level in LEVELS:
                out.append(Pair(doc_id, level, "\n".join(lines),
                                reader(doc_id, page_no, level, lines)))
    return out



# ---------------------------------------------------------------- cleaning under test

def loo_steps(exclude: str | None):
    """The default clean steps with the language model built without seed `exclude` (leave
    one out), for the word step and for every other step that asks `words.model()` (the
    debris bigram tests), and the casing and punctuation-context tables rebuilt without it
    too. The other small tables built from all clean seeds (citations, punctuation gaps,
    acronyms) are not rebuilt."""
    from unittest import mock

    from pipeline.clean import casing, runner, speckled, words

    steps = runner.default_steps()
    if exclude is None or exclude not in CLEAN_SEEDS:
        return steps
    lm = _loo_model(exclude)
    tables = _loo_tables(exclude)

    def with_loo_model(step):
        def run(text: str, given=None):
            with mock.patch.object(words, "model", lambda: lm), \
                    mock.patch.object(casing, "counts", lambda: tables[0]), \
                    mock.patch.object(speckled, "punct_context", lambda: tables[1]):
                return words.edits(text, None, lm) if step is words.edits else step(text, given)
        return run

    return [(n, with_loo_model(f)) for n, f in steps]


@lru_cache(maxsize=4)
def _loo_model(exclude: str):
    """The language model over every source but the clean seed `exclude`."""
    from build_resources import dictionary_counts, domain_text, lexicon_sources, shaped_counts

    from pipeline.clean import lexicon
    from pipeline.clean.lm import BigramLM

    return BigramLM(lexicon.combine(lexicon_sources(), shaped_counts(domain_text(exclude)),
                                    _general_counts(), dictionary_counts()))


@lru_cache(maxsize=4)
def _loo_tables(exclude: str):
    """Casing counts and the comma/semicolon contexts without `exclude`."""
    from build_resources import domain_text, general_text, punct_context_counts

    from pipeline.clean import casing
    from pipeline.clean.speckled import PunctContext

    text = domain_text(exclude) + "\n" + general_text()
    lower, upper = casing.text_counts(text)
    return ({k: (lower[k], upper[k]) for k in set(lower) | set(upper)},
            PunctContext.from_counts(*punct_context_counts(text)))


@lru_cache(maxsize=1)
def _general_counts():
    """General-text counts, built once per run."""
    from build_resources import general_text, shaped_counts

    return shaped_counts(general_text())



def clean(text: str, steps=None):
    """Run the whole clean stage."""
    from pipeline.clean.runner import clean_text

    return clean_text(text, steps=steps)


def correction_precision(raw: str, ref: str, corrections) -> tuple[int, int]:
    """(right, judged) for word-level corrections, by aligning raw words to reference words."""
    from difflib import SequenceMatcher

    from pipeline.clean.normalize import DECLARED_REASONS

    tok = re.compile(r"\S+")
    raw_words = [(m.start(), normalize_for_metric(m.group())) for m in tok.finditer(raw)]
    ref_words = [normalize_for_metric(w) for w in ref.split()]
    aligned: dict[int, str] = {}
    sm = SequenceMatcher(None, [w for _, w in raw_words], ref_words, autojunk=False)
    for op, i1, i2, j1, j2 in sm.get_opcodes():
        if op in ("equal", "replace") and i2 - i1 == j2 - j1:
            aligned.update({i1 + k: ref_words[j1 + k] for k in range(i2 - i1)})
    starts = [s for s, _ in raw_words]
    right = judged = 0
    import bisect
    for c in corrections:
        if c.reason in DECLARED_REASONS or not c.after.strip() or " " in c.after.strip():
            continue
        i = bisect.bisect_right(starts, c.source_start) - 1
        if i < 0 or i not in aligned:
            continue
        word = raw_words[i][1]
        fixed = normalize_for_metric(raw[starts[i]:c.source_start] + c.after
                                     + raw[c.source_end:starts[i] + len(raw_words[i][1])])
        judged += 1
        right += fixed == aligned[i] or (word != aligned[i] and c.after in aligned[i]
                                         and c.before not in aligned[i])
    return right, judged


def rate(before: list[tuple[str, str]], after: list[str]) -> tuple[float, float]:
    """Corpus-level CER before and after: total edits over total reference characters."""
    import jiwer

    refs = [normalize_for_metric(r) for r, _ in before]
    return (jiwer.cer(refs, [normalize_for_metric(h) for _, h in before]),
            jiwer.cer(refs, [normalize_for_metric(h) for h in after]))


def bench_pairs(pairs: list[Pair], loo: bool) -> list[tuple]:
    """Rows (group, n, CER before, CER after, WER before, WER after, precision)."""
    import jiwer

    groups: dict[str, list[Pair]] = {}
    for p in pairs:
        groups.setdefault(p.level, []).append(p)
    rows = []
    for level, items in groups.items():
        outs, right, judged = [], 0, 0
        for p in items:
            res = clean(p.hyp, loo_steps(p.doc_id) if loo else None)
            outs.append(res.text)
            r, j = correction_precision(p.hyp, p.ref, res.corrections)
            right, judged = right + r, judged + j
        cb, ca = rate([(p.ref, p.hyp) for p in items], outs)
        refs = [normalize_for_metric(p.ref) for p in items]
        wb = jiwer.wer(refs, [normalize_for_metric(p.hyp) for p in items])
        wa = jiwer.wer(refs, [normalize_for_metric(o) for o in outs])
        rows.append((level, len(items), cb, ca, wb, wa, right / judged if judged else None))
    return rows


def print_table(title: str, rows: list[tuple]) -> None:
    """Print rows of bench_pairs with the relative CER reduction."""
    print(f"\n== {title}")
    print("   (normalized: NFC, tone placement, page numbers and signature stamps dropped)")
    print(f"{'group':<16}{'n':>3} {'CER before':>11}{'CER after':>10}{'reduct.':>9}"
          f"{'WER before':>11}{'WER after':>10}{'precision':>10}")
    for g, n, cb, ca, wb, wa, pr in rows:
        red = (cb - ca) / cb if cb else 0.0
        prs = f"{pr:.3f}" if pr is not None else "-"
        print(f"{g:<16}{n:>3} {cb:>10.2%} {ca:>9.2%} {red:>8.1%} {wb:>10.2%} {wa:>9.2%}"
              f"{prs:>10}")


# ---------------------------------------------------------------- the parts

def part_ocr(loo: bool, pages_: tuple[int, int] = (1, ALL_PAGES)) -> None:
    """Synthetic Tesseract benchmark on pages `pages_` (1-based, inclusive) of each clean seed
    (every page by default: three seeds have 8, one 19). Pages 1-2 were read error by error
    while the cleaner was built (sessions 1-3), 3-4 in session 3, and the commonest residues
    of all pages in session 4: no range is unseen any more (LOO is the honest figure)."""
    first, last = pages_
    shown = "all pages" if pages_ == (1, ALL_PAGES) else f"pages {first}-{last}"
    print_table(f"synthetic Tesseract ({shown} of the 4 clean seeds, per level"
                f"{', leave-one-out LM' if loo else ''})",
                bench_pairs(ocr_pairs(first - 1, last - first + 1), loo))


def part_pipeline(loo: bool) -> None:
    """What a user gets: the pipeline's OCR (despeckling speckled pages) and the cleaner."""
    print_table(f"pipeline OCR + cleaner (pages 1-{PAGES_PER_DOC} x 4 clean seeds per level"
                f"{', leave-one-out LM' if loo else ''})",
                bench_pairs(ocr_pairs(reader=pipeline_ocr_page), loo))


def part_noise(loo: bool) -> None:
    """Noise-injector benchmark on the first 8 KB of each clean seed."""
    from pipeline.clean.noise import inject

    pairs = []
    for rate_ in (0.02, 0.05, 0.10):
        for k, doc_id in enumerate(CLEAN_SEEDS):
            ref = "\n".join(source_lines(doc_id))[:8000]
            pairs.append(Pair(doc_id, f"noise {rate_:.0%}", ref, inject(ref, rate_, seed=k)))
    print_table("noise injector (syllable damage rate)", bench_pairs(pairs, loo))


def part_gold() -> None:
    """Seed thanhhoa against its hand-corrected reference, if present."""
    gold = ROOT / "gold" / "clean" / f"{OCR_SEED}.txt"
    if not gold.exists():
        print(f"\n== thanhhoa vs gold: {gold.relative_to(ROOT)} not present yet, skipped")
        return
    raw = (RAW / f"{OCR_SEED}.txt").read_text(encoding="utf-8").split("\n")
    ref = gold.read_text(encoding="utf-8").split("\n")
    keep = [i for i in range(len(raw)) if i + 1 not in GOLD_GARBAGE_LINES]
    print_table("thanhhoa vs gold (whole clean stage)", bench_pairs([
        Pair(OCR_SEED, "whole document", "\n".join(ref), "\n".join(raw)),
        Pair(OCR_SEED, "excl. 4 garbage", "\n".join(ref[i] for i in keep),
             "\n".join(raw[i] for i in keep))], loo=False))


# appendix headings OCR'd into word salad, listed in gold/clean/README.md
GOLD_GARBAGE_LINES = {407, 419, 449, 509}


def harm_of(text: str, steps) -> tuple[int, int, list[str]]:
    """(characters changed by non-declared edits other than joins and breaks, text length,
    examples): word and structure repairs, and page furniture removed (a clean seed has
    none)."""
    from pipeline.clean.normalize import DECLARED_REASONS

    res = clean(text, steps)
    mine = [c for c in res.corrections if c.reason not in DECLARED_REASONS
            and c.reason.split(":")[0] in MY_REASON_CLASSES]
    chars = sum(max(len(c.before), len(c.after)) for c in mine)
    return chars, len(text), [f"{c.before!r}->{c.after!r} ({c.reason})" for c in mine]


MY_REASON_CLASSES = {"ocr word", "debris", "speckled", "list marker", "roman numeral", "acronym",
                     "date", "document number", "percent", "page number", "running header"}
GENRE_FIXTURES = ROOT / "tests" / "fixtures" / "genre"  # hand-written plans no model saw


def part_harm(verbose: bool) -> None:
    """Do-no-harm on the four clean seeds, with the full and the leave-one-out LM, and on the
    hand-written genre fixtures (one of them written as an OCR'd table)."""
    print("\n== do-no-harm on clean seeds (chars changed by non-declared word/structure edits)")
    for loo in (False, True):
        tot_c = tot_n = 0
        for doc_id in CLEAN_SEEDS:
            text = (RAW / f"{doc_id}.txt").read_text(encoding="utf-8")
            c, n, ex = harm_of(text, loo_steps(doc_id) if loo else None)
            tot_c, tot_n = tot_c + c, tot_n + n
            print(f"  {'LOO ' if loo else 'full'} {doc_id:<22} {c:>4} / {n} = {c / n * 1000:.2f}"
                  " per 1000")
            if verbose:
                for e in ex:
                    print("      ", e)
        print(f"  {'LOO ' if loo else 'full'} {'ALL':<22} {tot_c:>4} / {tot_n} = "
              f"{tot_c / tot_n * 1000:.2f} per 1000")
    tot_c = tot_n = 0
    for doc_id in CLEAN_SEEDS:  # tables one cell per line, as a scan that lost the tabs
        text = (RAW / f"{doc_id}.txt").read_text(encoding="utf-8").replace("\t", "\n")
        c, n, _ = harm_of(text, None)
        tot_c, tot_n = tot_c + c, tot_n + n
    print(f"  full {'ALL, tabs as line breaks':<22} {tot_c:>4} / {tot_n} = "
          f"{tot_c / tot_n * 1000:.2f} per 1000")
    tot_c = tot_n = 0
    examples = []
    for path in sorted(GENRE_FIXTURES.glob("*.txt")):
        c, n, ex = harm_of(path.read_text(encoding="utf-8"), None)
        tot_c, tot_n = tot_c + c, tot_n + n
        examples += ex
    print(f"  genre fixtures (text in no model) {tot_c:>4} / {tot_n} = "
          f"{tot_c / tot_n * 1000:.2f} per 1000 {examples if verbose else ''}")


SPEED_CODE = """
import statistics, sys, time
from pathlib import Path
sys.path.insert(0, {root!r})
from pipeline.clean.runner import clean_text
texts = [p.read_text(encoding="utf-8") for p in sorted(Path({raw!r}).glob("*.txt"))]
clean_text("warm up: Chính quyền diện tử")
speeds, cpu = [], 0.0
for t in texts:
    t0 = time.process_time()
    clean_text(t)
    dt = time.process_time() - t0
    cpu += dt
    speeds.append(len(t.encode("utf-8")) / 1024 / dt)
size = sum(len(t.encode("utf-8")) for t in texts)
# VmHWM is this process image's peak (ru_maxrss would carry the parent's across exec)
hwm = next(int(ln.split()[1]) for ln in open("/proc/self/status") if ln.startswith("VmHWM"))
print(statistics.median(speeds), size / 1024 / cpu, hwm / 1024)
"""


def part_speed() -> None:
    """Whole clean stage KB/s per core (CPU time, after a one-line warm-up) and peak RSS, in a
    fresh process: the median over the five seeds (the bar's measure) and all five together
    (the first document also pays for filling the candidate caches)."""
    code = SPEED_CODE.format(root=str(ROOT), raw=str(RAW))
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout.split()
    print(f"\n== speed: median {float(out[0]):.0f} KB/s per core over the five seeds "
          f"(all five together {float(out[1]):.0f} KB/s; whole clean stage), "
          f"peak memory {float(out[2]):.0f} MB")


def main() -> None:
    """Parse arguments and run the chosen parts."""
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--parts", default="ocr,pipeline,noise,gold,harm,speed")
    ap.add_argument("--loo", action="store_true", help="leave-one-out LM for ocr/noise")
    ap.add_argument("--pages", default="all",
                    help="pages of each seed for the ocr part: all, or 1-based, e.g. 3-4")
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args()
    sys.path.insert(0, str(ROOT / "scripts"))
    parts = args.parts.split(",")
    t0 = time.time()
    if "ocr" in parts:
        first, _, last = ("1-" + str(ALL_PAGES) if args.pages == "all" else args.pages) \
            .partition("-")
        part_ocr(args.loo, (int(first), int(last or first)))
    if "pipeline" in parts:
        part_pipeline(args.loo)
    if "noise" in parts:
        part_noise(args.loo)
    if "gold" in parts:
        part_gold()
    if "harm" in parts:
        part_harm(args.verbose)
    if "speed" in parts:
        part_speed()
    print(f"\n({time.time() - t0:.0f} s)")


if __name__ == "__main__":
    if "--ocr-only" in sys.argv:
        print(len(ocr_pairs()), "pairs")
    else:
        main()

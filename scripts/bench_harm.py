"""Do-no-harm benchmark of the clean stage: what it changes in text that needs no repair.

Three sets of typed text, none of it OCR'd:
- the four clean seeds, cleaned as the pipeline cleans them (text files: `origin="text"`,
  judged typed or OCR'd by the assess step) and, for the corrector alone, as if they were
  OCR output (`origin="ocr"`, with the full and the leave-one-out language model), and with
  their tables one cell per line (a scan that lost its tabs);
- the hand-written genre fixtures (`tests/fixtures/genre/`, text no model saw);
- the development set's eight 2025 plans (`/work/shared/devset/docs` or `--devset DIR`: web
  copies of official texts, born-digital), read by the pipeline's own ingest (with its
  layout) and cleaned as text files, then also as OCR output for comparison.
Harm is every change beyond the declared normalization, layout joins (and restored breaks),
markdown and table layout: word and structure repairs, debris, dropped marks, furniture.

Run alone: `.venv/bin/python scripts/bench_harm.py [--devset DIR] [-v]`, or as the `harm`
part of `scripts/bench_clean.py`.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.clean.normalize import DECLARED_REASONS  # noqa: E402
from pipeline.clean.runner import clean_text  # noqa: E402

CLEAN_SEEDS = ["hatinh-2016-kh496", "haiduong-2016-kh681", "daklak-2018-qd168",
               "nghean-2013-qd526"]
RAW = ROOT / "corpora" / "raw"
GENRE_FIXTURES = ROOT / "tests" / "fixtures" / "genre"  # hand-written plans no model saw
DEVSET = ROOT.parent / "shared" / "devset" / "docs"
# changes that are layout, not repair: joins of lines the source wrapped, breaks restored in
# a text that lost them, markdown, tables written as tab rows
LAYOUT_REASONS = frozenset({"line join", "line join (layout)", "hyphenation", "restored break",
                            "markdown", "table layout"})


def harmful(reason: str) -> bool:
    """True for a change that is neither declared normalization nor layout."""
    return reason not in DECLARED_REASONS and reason not in LAYOUT_REASONS


def harm_of(text: str, *, origin: str, layout=None, resources=None
            ) -> tuple[int, list[str], str | None]:
    """(characters changed by harmful edits, examples "before→after (reason)", the assess
    step's judgement) for one text."""
    res = clean_text(text, origin=origin, layout=layout, resources=resources)
    mine = [c for c in res.corrections if harmful(c.reason)]
    chars = sum(max(len(c.before), len(c.after)) for c in mine)
    return chars, [f"{c.before!r}→{c.after!r} ({c.reason})" for c in mine], res.reads_as


def _line(label: str, chars: int, size: int, extra: str = "") -> None:
    print(f"  {label:<44} {chars:>5} / {size:>7} = {chars / size * 1000:5.2f} per 1000 {extra}")


def seeds_part(loo_resources: Callable[[str], object] | None, verbose: bool) -> None:
    """The four clean seeds: as text files, as OCR output (full and leave-one-out LM), and
    with tabs as line breaks."""
    runs = [("text file", "text", None), ("as OCR output", "ocr", None)]
    if loo_resources is not None:
        runs.append(("as OCR output, leave-one-out LM", "ocr", loo_resources))
    for name, origin, loo in runs:
        tot_c = tot_n = 0
        for doc_id in CLEAN_SEEDS:
            text = (RAW / f"{doc_id}.txt").read_text(encoding="utf-8")
            res = loo(doc_id) if loo else None
            c, ex, judged = harm_of(text, origin=origin, resources=res)
            tot_c, tot_n = tot_c + c, tot_n + len(text)
            _line(f"{name}: {doc_id}", c, len(text), f"({judged})" if judged else "")
            for e in ex if verbose else ():
                print("      ", e)
        _line(f"{name}: ALL", tot_c, tot_n)
    for origin in ("text", "ocr"):
        tot_c = tot_n = 0
        for doc_id in CLEAN_SEEDS:  # tables one cell per line, as a scan that lost the tabs
            text = (RAW / f"{doc_id}.txt").read_text(encoding="utf-8").replace("\t", "\n")
            c, _, _ = harm_of(text, origin=origin)
            tot_c, tot_n = tot_c + c, tot_n + len(text)
        _line(f"tabs as line breaks, origin {origin}: ALL", tot_c, tot_n)


def fixtures_part(verbose: bool) -> None:
    """The hand-written genre fixtures, as text files and as OCR output."""
    for origin in ("text", "ocr"):
        tot_c = tot_n = 0
        examples = []
        for path in sorted(GENRE_FIXTURES.glob("*.txt")):
            text = path.read_text(encoding="utf-8")
            c, ex, _ = harm_of(text, origin=origin)
            tot_c, tot_n = tot_c + c, tot_n + len(text)
            examples += ex
        _line(f"genre fixtures, origin {origin}", tot_c, tot_n,
              str(examples) if verbose else "")


def devset_part(devset: Path, verbose: bool) -> None:
    """The development set's plans through the pipeline's ingest, cleaned as text files (what
    the pipeline does) and as OCR output (what the corrector alone would do)."""
    from pipeline.ingest import ingest

    paths = sorted(devset.glob("*.txt"))
    if not paths:
        print(f"  development set: no documents in {devset}, skipped")
        return
    for origin in ("text", "ocr"):
        tot_c = tot_n = 0
        kinds: Counter = Counter()
        for path in paths:
            doc = ingest(path)
            c, ex, judged = harm_of(doc.raw_text, origin=origin, layout=doc.ingested)
            tot_c, tot_n = tot_c + c, tot_n + len(doc.raw_text)
            kinds.update(e.rsplit("(", 1)[1].split(":")[0].rstrip(")") for e in ex)
            _line(f"devset, origin {origin}: {path.name[:30]}", c, len(doc.raw_text),
                  f"({judged}) {len(ex)} changes" if judged else f"{len(ex)} changes")
            for e in ex[:40] if verbose else ():
                print("      ", e)
        _line(f"devset, origin {origin}: ALL", tot_c, tot_n, str(dict(kinds.most_common())))


def run(loo_resources: Callable[[str], object] | None = None, verbose: bool = False,
        devset: Path = DEVSET) -> None:
    """Every harm measure, printed."""
    print("\n== do-no-harm (characters changed beyond declared normalization and layout)")
    seeds_part(loo_resources, verbose)
    fixtures_part(verbose)
    devset_part(devset, verbose)


def main() -> None:
    """Parse arguments and run."""
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--devset", type=Path, default=DEVSET)
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args()
    run(None, args.verbose, args.devset)


if __name__ == "__main__":
    main()

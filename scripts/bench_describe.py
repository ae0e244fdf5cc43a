"""How well the describe stage reads document ids, and how long it takes.

Part 1, real documents: the five seeds (corpora/raw, their ids are their file names) and the
eight plans of the development set (../shared/devset/docs, ids from its gold; 02 has none and
is dongnai-2025-kh179), each run through the whole pipeline (`process_path`) under its own
file name. Part 2, generated letterheads: every issuer of tests/test_metadata.py in every text
form of tests/letterheads.py. Part 3: the median time of `extract_metadata` on the cleaned
texts of part 1.

    .venv/bin/python scripts/bench_describe.py [--raw]   # --raw: skip cleaning (faster)
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from letterheads import FORMS  # noqa: E402
from test_metadata import DEVSET, DEVSET_IDS, LETTERS  # noqa: E402

from pipeline.describe import extract_metadata, make_doc_id  # noqa: E402
from pipeline.process import process_path  # noqa: E402


def _real_documents() -> list[tuple[Path, str]]:
    seeds = [(p, p.stem) for p in sorted((ROOT / "corpora" / "raw").glob("*.txt"))]
    return seeds + [(DEVSET / "docs" / s, doc_id) for s, doc_id in sorted(DEVSET_IDS.items())]


def real_part(raw: bool) -> list[str]:
    """Each real document's id as the pipeline reads it; returns the texts described."""
    texts, right = [], 0
    documents = _real_documents()
    print(f"{'document':40} {'expected':24} {'got':24} province / signer / horizon")
    for path, expected in documents:
        if raw:
            text = path.read_text(encoding="utf-8")
            meta = extract_metadata(text)
            got = make_doc_id(meta, str(path))
        else:
            doc = process_path(path).document
            text, meta, got = doc.text, doc.meta, doc.doc_id
        texts.append(text)
        right += got == expected
        flag = "" if got == expected else "  <-- wrong"
        print(f"{path.name[:40]:40} {expected:24} {got:24} {meta.province} / {meta.signer} / "
              f"{meta.period_start}-{meta.period_end}{flag}")
    print(f"\ndoc_id right on real documents: {right} / {len(documents)}")
    return texts


def generated_part() -> None:
    """Every generated letter in every form."""
    right, wrong = 0, []
    for doc_id, letter in LETTERS.items():
        for form, render in FORMS.items():
            got = make_doc_id(extract_metadata(render(letter)), "renamed.txt")
            right += got == doc_id
            if got != doc_id:
                wrong.append(f"{doc_id} ({form}): {got}")
    total = len(LETTERS) * len(FORMS)
    print(f"doc_id right on generated letterheads: {right} / {total} "
          f"({len(LETTERS)} issuers x {len(FORMS)} forms)")
    for line in wrong:
        print("  wrong:", line)


def timing_part(texts: list[str], repeats: int = 5) -> None:
    """Median milliseconds of extract_metadata per document."""
    per_doc = []
    for text in texts:
        runs = []
        for _ in range(repeats):
            started = time.perf_counter()
            extract_metadata(text)
            runs.append(time.perf_counter() - started)
        per_doc.append(statistics.median(runs))
    print(f"extract_metadata: median {1000 * statistics.median(per_doc):.1f} ms per document, "
          f"max {1000 * max(per_doc):.1f} ms ({len(texts)} documents, median of {repeats})")


def main() -> None:
    """Run the three parts and print their figures."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--raw", action="store_true", help="describe the texts as published, "
                        "without ingest and clean")
    args = parser.parse_args()
    texts = real_part(args.raw)
    generated_part()
    timing_part(texts)


if __name__ == "__main__":
    main()

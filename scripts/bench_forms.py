"""The same plans as text, DOCX, born-digital PDF and 300 dpi scan, scored against gold.

    .venv/bin/python scripts/bench_forms.py                  # the five seeds, every form
    .venv/bin/python scripts/bench_forms.py --forms txt,pdf  # some forms
    .venv/bin/python scripts/bench_forms.py --report DIR     # error reports per form too

Each plan of corpora/raw that has a gold file is typeset (tests/forms.py), run through the
pipeline as plain functions and scored; the table shows each figure and its ratio to the text
form's. Renders are kept under bench_out/forms (delete it to render afresh).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from forms import FORMS, render_forms  # noqa: E402

from pipeline.corpora import document_paths  # noqa: E402
from pipeline.gold import gold_subset  # noqa: E402
from pipeline.score.cli import write_reports  # noqa: E402
from pipeline.score.corpus import score_documents  # noqa: E402

FIGURES = (("targets_strict", "f1", "targets strict F1"), ("agency_set", "f1", "(agency, role) F1"),
           ("assignments", "f1", "assignment records F1"), ("sections", "f1", "sections F1"),
           ("section_label", "accuracy", "label accuracy"))


def figures(report: dict) -> dict[str, float | None]:
    """The micro figures the forms are compared on."""
    out = {}
    for metric, field, name in FIGURES:
        table = report["metrics"].get(metric)
        out[name] = table["micro"].get(field) if table else None
    return out


def rendered(sources: list[Path], forms: tuple[str, ...], cache: Path) -> dict[str, list[Path]]:
    """Every source in every form, rendered once into `cache`."""
    by_form: dict[str, list[Path]] = {f: [] for f in forms}
    for src in sources:
        ext = {"txt": ".txt", "docx": ".docx", "pdf": ".pdf", "scan": ".pdf"}
        have = {f: cache / f / f"{src.stem}{ext[f]}" for f in forms}
        if not all(p.exists() for p in have.values()):
            have = render_forms(src, cache, forms)
        for f in forms:
            by_form[f].append(have[f])
    return by_form


def cache_scan_reading(cache: Path) -> None:
    """Keep each scan's reading (the ingested document: Tesseract's words, tables found) in
    `cache`, keyed by the file's bytes and the ingest code, so re-runs skip the OCR."""
    import hashlib
    import pickle

    from pipeline import process
    from pipeline.ingest import ingest

    code = hashlib.sha256(b"".join(p.read_bytes() for p in sorted(
        (ROOT / "pipeline" / "ingest").glob("*.py")))).hexdigest()[:12]

    def cached_ingest(path):
        path = Path(path)
        if path.parent.name != "scan":
            return ingest(path)
        key = hashlib.sha256(path.read_bytes()).hexdigest()[:16]
        pkl = cache / "ingested" / f"{path.stem}.{key}.{code}.pkl"
        if pkl.exists():
            return pickle.loads(pkl.read_bytes())
        doc = ingest(path)
        pkl.parent.mkdir(parents=True, exist_ok=True)
        pkl.write_bytes(pickle.dumps(doc))
        return doc

    process.ingest = cached_ingest


def main(argv: list[str] | None = None) -> int:
    """Render, run, score and print one row per form."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--forms", default=",".join(FORMS))
    parser.add_argument("--gold", default=str(ROOT / "gold"))
    parser.add_argument("--set", default="seed", choices=("seed", "devset"),
                        help="which document set of corpora/ to typeset (default the seeds)")
    parser.add_argument("--cache", default=str(ROOT / "bench_out" / "forms"))
    parser.add_argument("--report", help="write each form's error report under this folder")
    args = parser.parse_args(argv)
    forms = tuple(args.forms.split(","))
    gold = Path(args.gold)
    sources = [p for p in document_paths(args.set) if (gold / f"{p.stem}.json").exists()]
    by_form = rendered(sources, forms, Path(args.cache))
    cache_scan_reading(Path(args.cache))
    rows: dict[str, dict[str, float | None]] = {}
    for form in forms:
        started = time.perf_counter()
        with tempfile.TemporaryDirectory() as tmp:
            subset = gold_subset(gold, [p.stem for p in sources], Path(tmp) / "gold")
            report = score_documents(by_form[form], subset, Path(tmp) / "out")
        if args.report:
            write_reports(report, Path(args.report) / form)
        rows[form] = figures(report)
        print(f"{form}: {time.perf_counter() - started:.0f} s", file=sys.stderr)
    names = [name for _, _, name in FIGURES]
    print("| form | " + " | ".join(names) + " |")
    print("|---|" + "---|" * len(names))
    base = rows.get("txt", {})
    for form, values in rows.items():
        cells = []
        for name in names:
            v, b = values[name], base.get(name)
            cell = "-" if v is None else f"{v:.3f}"
            if form != "txt" and v is not None and b:
                cell += f" ({v / b:.2f})"
            cells.append(cell)
        print(f"| {form} | " + " | ".join(cells) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())

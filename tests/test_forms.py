"""The same five plans as text, DOCX, born-digital PDF and a 300 dpi scan give the same tables.

Each seed is typeset (tests/forms.py: justified paragraphs that wrap, bold headings, ruled
tables whose cells wrap), run through the pipeline and scored against gold; every figure of the
DOCX and PDF forms must reach 0.97 of the text form's, and of the scan 0.90. Slow: the scan is
read by Tesseract (about 45 A4 pages).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from forms import render_forms

from pipeline.corpora import document_paths
from pipeline.gold import gold_subset
from pipeline.process import process_path
from pipeline.score.corpus import score_documents

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "gold"
SEEDS = document_paths("seed")
FIGURES = {"targets_strict": "f1", "agency_set": "f1", "assignments": "f1", "sections": "f1"}
RATIO = {"docx": 0.97, "pdf": 0.97, "scan": 0.90}

pytestmark = [pytest.mark.slow, pytest.mark.ocr]


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[Path]]:
    folder = tmp_path_factory.mktemp("forms")
    by_form: dict[str, list[Path]] = {}
    for seed in SEEDS:
        for form, path in render_forms(seed, folder).items():
            by_form.setdefault(form, []).append(path)
    return by_form


@pytest.fixture(scope="module")
def scores(rendered: dict[str, list[Path]], tmp_path_factory: pytest.TempPathFactory) -> dict:
    out = {}
    gold = gold_subset(GOLD, [p.stem for p in SEEDS], tmp_path_factory.mktemp("gold"))
    for form, paths in rendered.items():
        report = score_documents(paths, gold, tmp_path_factory.mktemp(form))
        out[form] = {m: report["metrics"][m]["micro"][f] for m, f in FIGURES.items()}
    return out


@pytest.mark.parametrize("form", ["docx", "pdf", "scan"])
def test_every_figure_holds_against_the_text_form(scores: dict, form: str):
    base = scores["txt"]
    low = {m: (round(v, 3), round(base[m], 3)) for m, v in scores[form].items()
           if v < RATIO[form] * base[m]}
    assert not low, f"{form}: figures below {RATIO[form]} of the text form's: {low}"


def test_every_target_and_assignment_of_a_pdf_is_on_its_page(rendered: dict[str, list[Path]]):
    for path in rendered["pdf"]:
        doc = process_path(path).document
        for row in [*doc.targets, *doc.assignments]:
            page = doc.pages[row.page - 1]
            assert page.start <= row.source_start < page.end, (path.name, row)

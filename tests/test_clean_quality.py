"""Regression thresholds for the cleaner on a small, fast slice (a little below measured values;
the full benchmark is `scripts/bench_clean.py`)."""

import time
from pathlib import Path

import pytest

from pipeline.clean.metrics import cer
from pipeline.clean.noise import inject
from pipeline.clean.normalize import DECLARED_REASONS
from pipeline.clean.runner import clean_text

ROOT = Path(__file__).resolve().parents[1]
CLEAN = ["hatinh-2016-kh496", "daklak-2018-qd168"]
OCR_SEED = "thanhhoa-2019-qd1118"
MINE = ("ocr word", "list marker", "roman numeral", "acronym", "date", "percent", "debris")


def seed(doc_id: str) -> str:
    return (ROOT / "corpora" / "raw" / f"{doc_id}.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize("doc_id", CLEAN)
def test_noise_injected_clean_text_is_repaired(doc_id):
    # measured: CER 0.8 % -> 0.02-0.05 % (reduction > 90 %)
    ref = clean_text(seed(doc_id)[:6000]).text
    damaged = inject(ref, 0.05, seed=1)
    before, after = cer(ref, damaged), cer(ref, clean_text(damaged).text)
    assert before > 0.005
    assert after < 0.25 * before


@pytest.mark.parametrize("doc_id", CLEAN)
def test_clean_seed_is_not_harmed(doc_id):
    # measured: at most 0.2 changed characters per 1000 on the clean seeds
    text = seed(doc_id)
    result = clean_text(text)
    changed = sum(max(len(c.before), len(c.after)) for c in result.corrections
                  if c.reason not in DECLARED_REASONS and c.reason.startswith(MINE))
    assert changed / len(text) < 0.0005


def test_ocr_seed_against_gold():
    gold = ROOT / "gold" / "clean" / f"{OCR_SEED}.txt"
    if not gold.exists():
        pytest.skip("gold reference not written yet")
    raw = seed(OCR_SEED)
    ref = gold.read_text(encoding="utf-8")
    # measured: 1.53 % -> 1.07 % on the whole document (garbage table headings included;
    # signature-stamp lines dropped on both sides by the metric)
    assert cer(ref, clean_text(raw).text) < 0.71 * cer(ref, raw)


def test_speed_of_the_whole_clean_stage():
    text = seed(OCR_SEED)
    clean_text(text)  # warm the caches and the lexicon
    start = time.process_time()
    clean_text(text)
    kb_per_s = len(text.encode("utf-8")) / 1024 / (time.process_time() - start)
    assert kb_per_s > 100  # measured ~215 KB/s per core on cold text, more when warm

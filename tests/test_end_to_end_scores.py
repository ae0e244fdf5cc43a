"""Regression guard: the whole pipeline on the corpus, scored against gold, set by set.

The five seeds are scored against our own gold alone; they are in-sample, so their floors
guard against regressions, not claim generalization. The development set (eight 2025 plans,
seven with independent gold) has floors of its own, per plan and per field, set at what the
pipeline measured when the plans joined the corpus; the lead raises them as the extractors
learn the genre. The three held-out sets of other policy domains have micro floors. Each
floor is the measured figure rounded down, named in its comment.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest

from pipeline.corpora import document_paths
from pipeline.gold import gold_subset
from pipeline.refresh import run_refresh
from pipeline.score.corpus import score_documents
from pipeline.score.score import score_dirs

GOLD = Path("gold")
SEEDS = document_paths("seed")
DEVSET = document_paths("devset")


@pytest.fixture(scope="module")
def report(tmp_path_factory) -> dict:
    """The seeds against a gold folder holding the seeds' gold alone."""
    tmp = tmp_path_factory.mktemp("e2e")
    gold = gold_subset(GOLD, [p.stem for p in SEEDS], tmp / "gold")
    return score_documents(SEEDS, gold, tmp / "out")


def _micro(report: dict, metric: str) -> dict:
    return report["metrics"][metric]["micro"]


def test_targets_strict_f1(report):
    assert _micro(report, "targets_strict")["f1"] >= 0.97


def test_targets_strict_f1_per_document(report):
    per_doc = report["metrics"]["targets_strict"]["documents"]
    assert {doc: m["f1"] for doc, m in per_doc.items() if m["f1"] < 0.95} == {}


def test_agency_role_set_f1(report):
    # 0.948 against the schema-2 gold (the extractor still follows schema 1: it keeps the
    # closing article's rows and names "Cục Thuế tỉnh"); 0.97 before the gold moved
    assert report["headline"]["agency_set_f1"] >= 0.947


def test_assignment_records_f1(report):
    # 0.936 against the schema-2 gold (one record per ";"-part with its own verb, no rows for
    # a decision's closing article); 0.97 before the gold moved
    assert _micro(report, "assignments")["f1"] >= 0.935


def test_target_code_accuracy(report):
    assert report["metrics"]["target_code"]["micro"]["accuracy"] >= 0.95


def test_section_labels_and_headings(report):
    assert report["headline"]["section_label_accuracy"] >= 0.95
    assert _micro(report, "sections")["f1"] >= 0.95


def test_deadline_accuracy(report):
    # 0.991 against the schema-2 gold: rows of a table with no time column take the time its
    # title states (Nghệ An's Phụ lục 1, "… ĐẾN NĂM 2020"); 0.897 before they did
    assert report["headline"]["deadline_accuracy"] >= 0.985


# ----- the development set ------------------------------------------------------------------

# Floors per plan and field, at the figures measured when the plans joined the corpus (main at
# 3710490 merged), each document scored under its own id; 01 and 08 annotate no assignments.
# The first look (docs/scoring.md, before any change for these plans) is far below them.
DEVSET_FLOORS: dict[str, dict[str, float]] = {
    "bacninh-2025-kh144": {"targets_strict": 0.92, "sections": 0.98, "section_label": 1.00},
    "dongthap-2025-kh597": {"targets_strict": 1.00, "agency_set": 0.86, "assignments": 0.89,
                            "sections": 0.97, "section_label": 1.00},
    "dongthap-2025-kh617": {"targets_strict": 0.88, "agency_set": 0.83, "assignments": 0.80,
                            "sections": 0.88, "section_label": 0.94},
    "hanoi-2025-kh308": {"targets_strict": 1.00, "agency_set": 1.00, "assignments": 0.82,
                         "sections": 0.94, "section_label": 1.00},
    "hanoi-2025-kh310": {"targets_strict": 0.88, "agency_set": 0.73, "assignments": 0.58,
                         "sections": 1.00, "section_label": 1.00},
    "hochiminh-2025-qd2820": {"targets_strict": 1.00, "agency_set": 0.77, "assignments": 0.77,
                              "sections": 0.78, "section_label": 0.95},
    "vietnam-2025-qd2629": {"targets_strict": 0.75, "sections": 0.68, "section_label": 0.92},
}
# Micro over the seven plans with gold: targets 0.848, (agency, role) 0.825, records 0.775,
# sections 0.908, labels 0.981.
DEVSET_MICRO = {"targets_strict": 0.84, "agency_set": 0.82, "assignments": 0.77,
                "sections": 0.90, "section_label": 0.98}
# 7 of 8 ids right: the national decision 08 is named after a city it mentions.
DEVSET_IDS_RIGHT = 7


def _figure(table: dict) -> float:
    return table["f1"] if "f1" in table else table["accuracy"]


def _under_own_ids(out: Path, dest: Path) -> dict[str, str]:
    """Copy the scored tables and cleaned texts of `out` into `dest` with every document under
    its own id (its file's stem); returns the id the pipeline gave each document."""
    documents = pd.read_parquet(out / "documents.parquet")
    given = {Path(source).stem: doc_id for doc_id, source in zip(documents.doc_id,
                                                                 documents.source, strict=True)}
    own = {doc_id: stem for stem, doc_id in given.items()}
    (dest / "cleaned").mkdir(parents=True)
    for table in ("documents", "sections", "targets", "assignments"):
        frame = pd.read_parquet(out / f"{table}.parquet")
        frame["doc_id"] = frame["doc_id"].map(own)
        frame.to_parquet(dest / f"{table}.parquet", index=False)
    for doc_id, stem in own.items():
        shutil.copy(out / "cleaned" / f"{doc_id}.txt", dest / "cleaned" / f"{stem}.txt")
    return given


@pytest.fixture(scope="module")
def devset(tmp_path_factory) -> tuple[dict, dict[str, str]]:
    """The development set's report, each plan scored under its own id (so a wrong doc_id
    costs the doc_id figure, not every field), and the ids the pipeline gave."""
    tmp = tmp_path_factory.mktemp("devset")
    run = run_refresh([str(p) for p in DEVSET], str(tmp / "out"), mode="replace")
    assert run.failures == []
    ids = _under_own_ids(tmp / "out", tmp / "scored")
    gold = gold_subset(GOLD, [p.stem for p in DEVSET], tmp / "gold")
    return score_dirs(gold, tmp / "scored"), ids


def test_devset_plans_with_gold_are_all_scored(devset):
    report, _ = devset
    assert sorted(report["documents"]) == sorted(DEVSET_FLOORS)


@pytest.mark.parametrize(("doc", "metric", "floor"), [
    (doc, metric, floor) for doc, floors in DEVSET_FLOORS.items()
    for metric, floor in floors.items()])
def test_devset_floor_per_plan_and_field(devset, doc, metric, floor):
    report, _ = devset
    assert _figure(report["metrics"][metric]["documents"][doc]) >= floor


@pytest.mark.parametrize(("metric", "floor"), DEVSET_MICRO.items())
def test_devset_micro_floor(devset, metric, floor):
    report, _ = devset
    assert _figure(report["metrics"][metric]["micro"]) >= floor


def test_devset_doc_ids(devset):
    _, ids = devset
    right = [doc for doc, given in ids.items() if given == doc]
    assert len(right) >= DEVSET_IDS_RIGHT, ids


# ----- the held-out plans of other policy domains ---------------------------------------------

# Micro floors at the figures of 2026-12-07 (third session), rounded down. Sets 1 and 2 have been
# tuned on (set 1 since 24f1c18, set 2 this session: it was 0.906, 0.916, 0.840, 0.990, 0.990
# untuned, first look 0.863, 0.859, 0.750, 0.963, 0.946). Set 3's first look (85e1de0) was
# 0.950, 0.935, 0.913, 0.973, 1.000; it has been tuned on since. Set 4 is at its first look
# (a33b96a: 0.930, 0.901, 0.920, 0.979, 1.000) and has not been tuned on: read its scores only.
# Set 5's first look (df933bb) was 0.769, 0.808, 0.711, 0.978, 1.000; tuned on since (4th session).
# Set 6's first look (2011390) was 0.851, 0.927, 0.883, 0.974, 0.962; tuned on since (5th session).
# Set 4 moved with changes made for other sets (5th session): 0.923, 0.916, 0.933.
HELDOUT_MICRO = {
    "heldout": {"targets_strict": 0.95, "agency_set": 0.95, "assignments": 0.96,
                "sections": 0.97, "section_label": 0.98},
    "heldout2": {"targets_strict": 0.90, "agency_set": 0.99, "assignments": 0.97,
                 "sections": 0.98, "section_label": 0.98},
    "heldout3": {"targets_strict": 0.94, "agency_set": 0.97, "assignments": 0.96,
                 "sections": 0.98, "section_label": 0.99},
    "heldout4": {"targets_strict": 0.92, "agency_set": 0.91, "assignments": 0.92,
                 "sections": 0.97, "section_label": 0.99},
    "heldout5": {"targets_strict": 0.89, "agency_set": 0.96, "assignments": 0.96,
                 "sections": 0.97, "section_label": 0.99},
    "heldout6": {"targets_strict": 0.89, "agency_set": 0.94, "assignments": 0.93,
                 "sections": 0.96, "section_label": 0.95},
}


@pytest.fixture(scope="module", params=sorted(HELDOUT_MICRO))
def heldout(request, tmp_path_factory) -> tuple[str, dict]:
    folder = Path("tests/fixtures") / request.param
    tmp = tmp_path_factory.mktemp(request.param)
    return request.param, score_documents(sorted(folder.glob("*.txt")), folder / "gold", tmp)


def test_heldout_micro_floors_and_every_id(heldout):
    name, report = heldout
    assert report["documents_without_predictions"] == [] and report["unscored_predictions"] == []
    for metric, floor in HELDOUT_MICRO[name].items():
        assert _figure(report["metrics"][metric]["micro"]) >= floor, (name, metric)


def test_no_cache_keyed_by_a_documents_texts_outlives_it():
    # kept across a corpus they grew a process by about 0.1 MB a plan (README, Scale)
    from extractors.mentions.agencies import _find
    from extractors.tables.spaced_cells import _mentions
    from pipeline.process import process_path

    process_path(SEEDS[0])
    assert _find.cache_info().currsize == 0 and _mentions.cache_info().currsize == 0

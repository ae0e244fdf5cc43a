"""Agreement between two annotators: `vnplan score --gold A --pred B` on two gold folders gives
the same figures as a prediction run, plus Cohen's kappa on labels, codes and roles."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from pipeline.score import score_dirs
from pipeline.score.kappa import kappa

DOC = "daklak-2018-qd168"


@pytest.mark.parametrize(("pairs", "expected"), [
    ([("a", "a"), ("b", "b"), ("a", "a"), ("b", "b")], 1.0),
    ([("a", "a"), ("b", "b"), ("a", "b")], 0.4),  # observed 2/3, chance 4/9
    ([("a", "b"), ("b", "a")], -1.0),
    ([("lead", "lead")] * 5, None),  # one label on both sides: chance agreement is 1
    ([], None),
])
def test_cohens_kappa(pairs, expected):
    result = kappa(pairs)
    assert result["n"] == len(pairs)
    assert result["kappa"] == (None if expected is None else pytest.approx(expected, abs=1e-4))


def _second_annotator(folder: Path) -> dict:
    """Annotator B: our gold with one label, one code and one role read otherwise, filed under
    another name (as ../shared/devset/seedgold names files by seed)."""
    gold = json.loads(Path(f"gold/{DOC}.json").read_text("utf-8"))
    gold["sections"][3]["label"] = "KHAC" if gold["sections"][3]["label"] != "KHAC" else "MUC_TIEU"
    gold["targets"][0]["code"] = "OTHER"
    lead = next(a for a in gold["assignments"] if a["role"] == "lead")
    lead["role"] = "partner"
    folder.mkdir()
    (folder / "002_seed.json").write_text(json.dumps(gold, ensure_ascii=False), "utf-8")
    return gold


def test_two_gold_folders_are_compared_with_kappa(tmp_path):
    a = tmp_path / "a"
    a.mkdir()
    shutil.copy(f"gold/{DOC}.json", a)
    changed = _second_annotator(tmp_path / "b")
    report = score_dirs(a, tmp_path / "b", [Path("corpora/raw")])
    assert report["mode"] == "agreement" and report["documents"] == [DOC]
    assert report["metrics"]["sections"]["micro"]["f1"] == 1.0
    label = report["metrics"]["section_label"]["micro"]
    assert label["total"] - label["correct"] == 1
    for item in ("label", "code", "role"):
        assert report["kappa"][item]["pooled"]["kappa"] is not None
        assert report["kappa"][item]["pooled"]["kappa"] < 1.0, item
    [role] = [e for e in report["errors"]["assignments"] if e["error"] == "near miss"]
    assert role["fields"] == ["role"] and role["pred"][0]["role"] == "partner"
    assert role["context_source"] == "reference text"
    [code] = [e for e in report["errors"]["targets"] if e["error"] == "wrong code"]
    assert code["pred"][0]["code"] == "OTHER" == changed["targets"][0]["code"]


def test_a_folder_agrees_with_itself(tmp_path):
    a = tmp_path / "a"
    shutil.copytree("gold", a, ignore=shutil.ignore_patterns("notes", "README.md"))
    report = score_dirs(a, a)
    assert report["mode"] == "agreement"
    assert all(v == 1.0 for v in report["headline"].values())
    assert all(not errors for errors in report["errors"].values())
    assert {item["pooled"]["kappa"] for item in report["kappa"].values()} <= {1.0, None}

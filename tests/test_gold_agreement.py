"""scripts/gold_agreement.py: a second annotation scored against ours through the scorer."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DOC = "haiduong-2016-kh681"


@pytest.fixture(scope="module")
def agreement_module():
    spec = importlib.util.spec_from_file_location("gold_agreement",
                                                  ROOT / "scripts" / "gold_agreement.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _other(tmp_path: Path, edit) -> Path:
    """A folder with one other annotation of the seed, named as the seed gold names its files."""
    gold = json.loads((ROOT / "gold" / f"{DOC}.json").read_text("utf-8"))
    edit(gold)
    folder = tmp_path / "other"
    folder.mkdir()
    (folder / "001_e0a745d1b6aa5ecf.json").write_text(json.dumps(gold, ensure_ascii=False),
                                                      "utf-8")
    return folder


def _run(module, tmp_path: Path, other: Path) -> dict:
    work = tmp_path / "work"
    work.mkdir()
    return module.agreement(ROOT / "gold", other, ROOT / "corpora" / "raw", work)


def test_an_annotation_agrees_with_itself(agreement_module, tmp_path):
    report = _run(agreement_module, tmp_path, _other(tmp_path, lambda g: None))
    assert report["documents"] == [DOC]
    table = agreement_module.figure_table(report)
    assert f"| {DOC} | 1.000 | 1.000 | 1.000 | 1.000 | 1.000 |" in table
    assert "| micro | 1.000 | 1.000 | 1.000 | 1.000 | 1.000 |" in table


def test_disagreements_are_counted_record_by_record(agreement_module, tmp_path):
    def edit(gold):
        gold["targets"][0]["value"] = 35          # one target read differently
        gold["assignments"].pop(0)                # one duty left out
        gold["sections"][0]["label"] = "KHAC"     # one label disagrees
    report = _run(agreement_module, tmp_path, _other(tmp_path, edit))
    metrics = report["metrics"]
    assert (metrics["targets_strict"]["micro"]["tp"], metrics["targets_strict"]["micro"]["fn"],
            metrics["targets_strict"]["micro"]["fp"]) == (11, 1, 1)
    assert (metrics["assignments"]["micro"]["tp"], metrics["assignments"]["micro"]["fn"],
            metrics["assignments"]["micro"]["fp"]) == (125, 1, 0)
    assert metrics["section_label"]["micro"]["correct"] == 23

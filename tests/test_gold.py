"""`vnplan gold check`: the committed gold passes, and each kind of breakage is named."""

from __future__ import annotations

import copy
import json
import unicodedata
from pathlib import Path

import pytest

from pipeline.gold import (
    check_gold_dir,
    collapse,
    load_contract,
    load_gold,
    reference_text,
)

ROOT = Path(__file__).resolve().parents[1]
GOLD, CORPUS = ROOT / "gold", ROOT / "corpora" / "raw"
SEED = "haiduong-2016-kh681"


def test_every_committed_gold_file_passes():
    assert sorted(GOLD.glob("*.json")), "no gold files committed"
    assert check_gold_dir(GOLD, CORPUS) == []


def test_contract_lists_come_from_the_data_file():
    contract = load_contract()
    assert "TO_CHUC_THUC_HIEN" in contract["labels"]
    assert "DVC_L34" in contract["codes"]
    assert contract["units"] == ["%", "count", "rank", "per100", "score"]
    assert contract["roles"] == ["lead", "partner"]


def test_reference_text_collapses_whitespace_and_markdown_bold(tmp_path):
    (tmp_path / "x.txt").write_text("**I. MỤC TIÊU**\n\n1.\u00a0Mục   tiêu\tchung\n", "utf-8")
    assert reference_text("x", tmp_path / "gold", tmp_path) == "I. MỤC TIÊU 1. Mục tiêu chung"


def test_ocr_seed_reference_is_the_gold_clean_text():
    doc_id = "thanhhoa-2019-qd1118"
    clean = collapse((GOLD / "clean" / f"{doc_id}.txt").read_text("utf-8"))
    assert reference_text(doc_id, GOLD, CORPUS) == clean
    assert clean != collapse((CORPUS / f"{doc_id}.txt").read_text("utf-8"))


def _broken(tmp_path: Path, edit, name: str = SEED) -> list[str]:
    """Problems of a copy of the seed's gold after `edit(gold)`; the copy sits alone."""
    gold = copy.deepcopy(load_gold(GOLD / f"{SEED}.json"))
    edit(gold)
    folder = tmp_path / "gold"
    folder.mkdir()
    (folder / f"{name}.json").write_text(json.dumps(gold, ensure_ascii=False), "utf-8")
    if name != SEED:
        (tmp_path / f"{name}.txt").write_text((CORPUS / f"{SEED}.txt").read_text("utf-8"))
        return check_gold_dir(folder, tmp_path)
    return check_gold_dir(folder, CORPUS)


def test_wrong_section_label_is_named(tmp_path):
    problems = _broken(tmp_path, lambda g: g["sections"][0].update(label="MUC_TIEUX"))
    assert len(problems) == 1
    assert "sections[0].label" in problems[0] and "'MUC_TIEUX'" in problems[0]


def test_missing_target_field_is_named(tmp_path):
    problems = _broken(tmp_path, lambda g: g["targets"][1].pop("unit"))
    assert problems == [f"{SEED}.json: targets[1]: missing field 'unit'"]


def test_unknown_field_is_named(tmp_path):
    problems = _broken(tmp_path, lambda g: g["assignments"][0].update(agencies="x"))
    assert problems == [f"{SEED}.json: assignments[0]: unknown field 'agencies'"]


def test_evidence_not_in_the_text_is_named(tmp_path):
    problems = _broken(tmp_path, lambda g: g["targets"][0].update(
        evidence="35% dịch vụ công được cung cấp trực tuyến ở mức độ 3"))
    assert len(problems) == 1
    assert "targets[0].evidence: not found in the reference text" in problems[0]


def test_heading_and_task_are_checked_verbatim_too(tmp_path):
    def edit(gold):
        gold["sections"][2]["heading"] = "Mục tiêu riêng"
        gold["assignments"][3]["task"] = "Làm một việc không có trong văn bản"
    problems = _broken(tmp_path, edit)
    assert any("sections[2].heading: not found" in p for p in problems)
    assert any("assignments[3].task: not found" in p for p in problems)


def test_non_nfc_string_is_named(tmp_path):
    def edit(gold):
        gold["assignments"][0]["agency"] = unicodedata.normalize("NFD", "Văn phòng UBND tỉnh")
    problems = _broken(tmp_path, edit)
    assert problems == [f"{SEED}.json: assignments[0].agency: not NFC: "
                        f"{unicodedata.normalize('NFD', 'Văn phòng UBND tỉnh')!r}"]


@pytest.mark.parametrize(("field", "value", "expected"), [
    ("due_end", "2019-13-01", "assignments[0].due_end: '2019-13-01' is not an ISO date"),
    ("due_end", "30/6/2019", "assignments[0].due_end: '30/6/2019' is not an ISO date"),
    ("role", "chủ trì", "assignments[0].role: 'chủ trì' is not one of the contract's roles"),
    ("recurrence", "yearly", "assignments[0].recurrence: 'yearly' is not one of"),
])
def test_bad_assignment_values_are_named(tmp_path, field, value, expected):
    problems = _broken(tmp_path, lambda g: g["assignments"][0].update({field: value}))
    assert len(problems) == 1 and expected in problems[0]


@pytest.mark.parametrize(("field", "value", "expected"), [
    ("value", "30", "targets[0].value: '30' is not number"),
    ("year", 2017.0, "targets[0].year: 2017.0 is not int or null"),
    ("code", "DVC_L5", "targets[0].code: 'DVC_L5' is not one of the contract's codes"),
    ("comparator", "range", "targets[0]: comparator 'range' needs value_max"),
    ("scope_level", "province", "targets[0].scope_level: 'province' is not one of"),
])
def test_bad_target_values_are_named(tmp_path, field, value, expected):
    problems = _broken(tmp_path, lambda g: g["targets"][0].update({field: value}))
    assert len(problems) == 1 and expected in problems[0]


def test_schema_and_doc_id_are_checked(tmp_path):
    problems = _broken(tmp_path, lambda g: g.update(schema=2, doc_id="other-2016-kh1"))
    assert f"{SEED}.json: schema is 2, expected 1" in problems
    assert f"{SEED}.json: doc_id 'other-2016-kh1' does not match the file name" in problems


def test_doc_id_must_match_the_file_name(tmp_path):
    problems = _broken(tmp_path, lambda g: None, name="copy-2016-kh681")
    assert problems == ["copy-2016-kh681.json: doc_id 'haiduong-2016-kh681' does not match "
                        "the file name"]


def test_missing_reference_text_is_named(tmp_path):
    folder = tmp_path / "gold"
    folder.mkdir()
    (folder / f"{SEED}.json").write_text((GOLD / f"{SEED}.json").read_text("utf-8"), "utf-8")
    problems = check_gold_dir(folder, tmp_path / "nowhere")
    assert len(problems) == 1 and "no reference text" in problems[0]


def test_bad_json_is_a_problem_not_a_crash(tmp_path):
    folder = tmp_path / "gold"
    folder.mkdir()
    (folder / "x-2020-kh1.json").write_text("{not json", "utf-8")
    problems = check_gold_dir(folder, CORPUS)
    assert len(problems) == 1 and "not UTF-8 JSON" in problems[0]

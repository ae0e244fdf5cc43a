"""`vnplan gold check`: the committed gold passes, and each kind of breakage is named
(ANNOTATION.md, schema 2: each rule has a case that fails and a case that passes)."""

from __future__ import annotations

import copy
import json
import tempfile
import unicodedata
from pathlib import Path

import pytest

from pipeline.gold import (
    check_gold_dir,
    collapse,
    load_contract,
    load_gold,
    reference_forms,
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
    assert contract["schema"] == 2
    assert contract["units"] == ["%", "count", "rank", "per100", "per1000", "per10000", "score",
                                 "VND", "USD", "tonne", "ha", "km", "MW", "day", "year", "times"]
    assert contract["comparators"] == ["=", ">=", ">", "<=", "<", "~", "range"]
    assert contract["roles"] == ["lead", "partner"]


def test_reference_text_collapses_whitespace_and_markdown_bold(tmp_path):
    (tmp_path / "x.txt").write_text("**I. MỤC TIÊU**\n\n1.\u00a0Mục   tiêu\tchung\n", "utf-8")
    assert reference_text("x", tmp_path / "gold", tmp_path) == "I. MỤC TIÊU 1. Mục tiêu chung"


@pytest.mark.parametrize(("raw", "expected"), [
    # a web copy's table: one cell per line between lines holding a lone "|"
    ("|\n4\n|\nXây dựng Bộ tiêu chí.\n|\nSở KH&CN\n|\n|",
     "4 Xây dựng Bộ tiêu chí. Sở KH&CN"),
    # markdown bold and italic, opened or closed next to a word, and empty bold
    ("hằng năm ***(hoặc đột xuất) *báo cáo", "hằng năm (hoặc đột xuất) báo cáo"),
    ("**ỦY BAN NHÂN\nDÂN **\n** **\nTỈNH", "ỦY BAN NHÂN DÂN TỈNH"),
    # text, not markup: a lone "*" between spaces and a "|" inside a line
    ("(35 sở + 479 xã) * 20 triệu/đơn vị", "(35 sở + 479 xã) * 20 triệu/đơn vị"),
    ("Quý I | Quý II", "Quý I | Quý II"),
])
def test_printed_form_drops_web_copy_markup(tmp_path, raw, expected):
    (tmp_path / "x.txt").write_text(raw, "utf-8")
    forms = reference_forms("x", tmp_path / "gold", tmp_path)
    assert forms["printed"] == expected
    assert forms["collapsed"] == reference_text("x", tmp_path / "gold", tmp_path)


WEB_TABLE = "**PHỤ LỤC**\n|\n4\n|\nXây dựng Bộ tiêu\nchí.\n|\nSở KH&CN\n|\nQuí IV-2025\n|\n"


@pytest.mark.parametrize(("evidence", "ok"), [
    ("Xây dựng Bộ tiêu chí. | Sở KH&CN", True),   # quoted as crawled, cell rules kept
    ("Xây dựng Bộ tiêu chí. Sở KH&CN", True),     # quoted as printed, cells joined
    ("Xây dựng Bộ tiêu chí. | | Sở KH&CN", False),
    ("Xây dựng Bộ tiêu chí Sở KH&CN", False),
])
def test_a_web_copy_may_be_quoted_as_crawled_or_as_printed(tmp_path, evidence, ok):
    gold = {"doc_id": "dongthap-2025-kh617", "schema": 2, "sections": [], "targets": [],
            "assignments": [{"agency": "Sở Khoa học và Công nghệ", "role": "lead",
                             "task": "Xây dựng Bộ tiêu chí", "deadline_text": "Quí IV-2025",
                             "due_start": "2025-10-01", "due_end": "2025-12-31",
                             "recurrence": None, "evidence": evidence}]}
    (tmp_path / "gold").mkdir()
    (tmp_path / "gold" / "dongthap-2025-kh617.json").write_text(json.dumps(gold), "utf-8")
    (tmp_path / "dongthap-2025-kh617.txt").write_text(WEB_TABLE, "utf-8")
    problems = check_gold_dir(tmp_path / "gold", tmp_path)
    assert problems == ([] if ok else [f"dongthap-2025-kh617.json: assignments[0].evidence: not "
                                       f"found in the reference text: {evidence!r}"])


def test_ocr_seed_reference_is_the_gold_clean_text():
    doc_id = "thanhhoa-2019-qd1118"
    clean = collapse((GOLD / "clean" / f"{doc_id}.txt").read_text("utf-8"))
    assert reference_text(doc_id, GOLD, CORPUS) == clean
    assert clean != collapse((CORPUS / f"{doc_id}.txt").read_text("utf-8"))


def _broken(tmp_path: Path, edit, name: str = SEED) -> list[str]:
    """Problems of a copy of the seed's gold after `edit(gold)`; the copy sits alone."""
    gold = copy.deepcopy(load_gold(GOLD / f"{SEED}.json"))
    edit(gold)
    root = Path(tempfile.mkdtemp(dir=tmp_path))  # a fresh folder per call
    folder = root / "gold"
    folder.mkdir()
    (folder / f"{name}.json").write_text(json.dumps(gold, ensure_ascii=False), "utf-8")
    if name != SEED:
        (root / f"{name}.txt").write_text((CORPUS / f"{SEED}.txt").read_text("utf-8"))
        return check_gold_dir(folder, root)
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
    problems = _broken(tmp_path, lambda g: g.update(schema=3, doc_id="other-2016-kh1"))
    assert f"{SEED}.json: schema is 3, expected 2" in problems
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


def test_a_schema_1_file_is_told_what_to_change(tmp_path):
    problems = _broken(tmp_path, lambda g: g.update(schema=1))
    assert len(problems) == 1
    message = problems[0]
    assert message.startswith(f"{SEED}.json: schema is 1, expected 2: ")
    assert 'set "schema": 2' in message and "closing article" in message
    assert "one record per duty" in message and '"~"' in message


@pytest.mark.parametrize("unit", ["per1000", "per10000", "VND", "USD", "tonne", "ha", "km", "MW",
                                  "day", "year", "times"])
def test_schema_2_units_pass(tmp_path, unit):
    assert _broken(tmp_path, lambda g: g["targets"][0].update(unit=unit)) == []


@pytest.mark.parametrize("unit", ["vnd", "tấn", "hectare", "per 1000"])
def test_units_outside_the_contract_are_named(tmp_path, unit):
    problems = _broken(tmp_path, lambda g: g["targets"][0].update(unit=unit))
    assert len(problems) == 1 and f"targets[0].unit: {unit!r} is not one of" in problems[0]


@pytest.mark.parametrize(("comparator", "ok"), [("<", True), ("~", True), ("≈", False),
                                                ("≥", False)])
def test_comparators_less_and_about(tmp_path, comparator, ok):
    problems = _broken(tmp_path, lambda g: g["targets"][0].update(comparator=comparator))
    assert (problems == []) is ok
    if not ok:
        assert f"targets[0].comparator: {comparator!r} is not one of" in problems[0]


def test_a_table_written_null_is_not_annotated(tmp_path):
    assert _broken(tmp_path, lambda g: g.update(assignments=None)) == []
    assert _broken(tmp_path, lambda g: g.update(targets=None, sections=None)) == []


def test_a_file_whose_tables_are_all_null_is_named(tmp_path):
    problems = _broken(tmp_path, lambda g: g.update(sections=None, targets=None,
                                                   assignments=None))
    assert problems == [f"{SEED}.json: every table is null: the file annotates nothing"]


def test_a_table_that_is_neither_a_list_nor_null_is_named(tmp_path):
    problems = _broken(tmp_path, lambda g: g.update(targets={"x": 1}))
    assert problems == [f"{SEED}.json.targets: {{'x': 1}} is not list or null"]


def test_the_source_field_is_accepted_and_must_be_text(tmp_path):
    assert _broken(tmp_path, lambda g: g.update(source="001_e0a745d1b6aa5ecf.txt")) == []
    problems = _broken(tmp_path, lambda g: g.update(source=1))
    assert problems == [f"{SEED}.json.source: 1 is not str"]


def test_an_unknown_document_field_is_named(tmp_path):
    problems = _broken(tmp_path, lambda g: g.update(annotator="x"))
    assert problems == [f"{SEED}.json: unknown field 'annotator'"]


@pytest.mark.parametrize(("doc_id", "ok"), [
    ("vietnam-2025-qd2629", True), ("hochiminh-2025-qd2820", True),
    ("HaiDuong-2016-KH681", False), ("haiduong-16-kh681", False), ("hải-dương-2016-kh681", False),
    ("haiduong-2016-681", False)])
def test_doc_id_form(tmp_path, doc_id, ok):
    problems = _broken(tmp_path, lambda g: g.update(doc_id=doc_id), name=doc_id)
    assert (problems == []) is ok
    if not ok:
        assert problems == [f"{doc_id}.json: doc_id {doc_id!r} is not <province>-<year>-"
                            f"<type><number> in lowercase ASCII (e.g. hatinh-2016-kh496, "
                            f"vietnam-2025-qd2629)"]


def test_period_start_after_the_year_is_named(tmp_path):
    assert _broken(tmp_path, lambda g: g["targets"][0].update(period_start=2016)) == []
    problems = _broken(tmp_path, lambda g: g["targets"][0].update(period_start=2018))
    assert problems == [f"{SEED}.json: targets[0]: period_start 2018 is after year 2017"]


def _closing_row(gold):
    gold["assignments"].append({
        "agency": "Văn phòng UBND tỉnh", "role": "lead", "task": "thi hành Quyết định này",
        "deadline_text": None, "due_start": None, "due_end": None, "recurrence": None,
        "evidence": "Chánh Văn phòng UBND tỉnh … chịu trách nhiệm thi hành Quyết định này"})


def test_rows_for_a_decisions_closing_article_are_named(tmp_path):
    problems = _broken(tmp_path, _closing_row)
    index = len(load_gold(GOLD / f"{SEED}.json")["assignments"])
    closing = [p for p in problems if "closing article" in p]
    assert closing == [f"{SEED}.json: assignments[{index}]: quotes a decision's closing article "
                       f"('n phòng UBND tỉnh … chịu trách nhiệm thi hành Quyết định này'), which "
                       f"assigns no duty: no row"]


@pytest.mark.parametrize(("agency", "expected"), [
    ("Ủy ban nhân dân cấp huyện", "writes 'Ủy ban nhân dân'; the contract writes UBND"),
    ("Uỷ ban nhân dân cấp xã", "writes 'Uỷ ban nhân dân'; the contract writes UBND"),
    ("Sở TT&TT", "writes '&'; the contract writes the expanded name"),
    ("UBND cấp huyện", None),
])
def test_agency_wording_the_contract_rules_out(tmp_path, agency, expected):
    problems = _broken(tmp_path, lambda g: g["assignments"][0].update(agency=agency))
    if expected is None:
        assert problems == []
    else:
        assert len(problems) == 1
        assert problems[0].startswith(f"{SEED}.json: assignments[0].agency: {agency!r} ")
        assert expected in problems[0]


def test_a_duty_written_twice_is_named(tmp_path):
    problems = _broken(tmp_path, lambda g: g["assignments"].append(dict(g["assignments"][0])))
    assert problems == [f"{SEED}.json: assignments: 2 records share Văn phòng UBND tỉnh, lead "
                        f"and the evidence 'Văn phòng Ủy ban nhân dân tỉnh a) Duy trì, đảm bảo "
                        f"việc kết ': one record per duty"]


def test_one_duty_for_two_roles_or_two_agencies_is_not_a_duplicate(tmp_path):
    def edit(gold):
        gold["assignments"].append(dict(gold["assignments"][0], role="partner"))
        gold["assignments"].append(dict(gold["assignments"][0], agency="Sở Nội vụ"))
    assert _broken(tmp_path, edit) == []


def test_a_restated_target_written_twice_is_named(tmp_path):
    problems = _broken(tmp_path, lambda g: g["targets"].append(dict(g["targets"][0])))
    assert problems == [f"{SEED}.json: targets: 2 records share 30, %, 2017 and the evidence "
                        f"'30% dịch vụ công được cung cấp trực tuyến ở mức độ 3': one record per "
                        f"target"]
    assert _broken(tmp_path, lambda g: g["targets"].append(
        dict(g["targets"][0], year=2020))) == []

"""`vnplan score` on tiny hand-built gold and prediction folders."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import pandas as pd
import pytest

from pipeline.score import score_dirs
from pipeline.score.assignments import norm_agency
from pipeline.score.cli import run_score
from pipeline.score.locate import Locator, collapse_with_map, text_overlap
from pipeline.score.match import one_to_one
from pipeline.score.score import HEADLINE
from pipeline.tables import SCHEMAS

DOC = "hanoi-2019-kh1"
TEXT = ("**I. MỤC TIÊU**\n1. Mục tiêu cụ thể\nĐến năm 2020, 80% dịch vụ công trực tuyến mức độ 3;"
        "\n30% hồ sơ được xử lý trực tuyến.\nII. TỔ CHỨC THỰC HIỆN\n1. Công an Thành phố\n"
        "Chủ trì triển khai bảo đảm an toàn thông tin, hoàn thành trong Quý II/2019.\n"
        "2. Sở Tài chính\nBố trí kinh phí thực hiện Kế hoạch; hướng dẫn thanh quyết toán.\n")

SECTIONS = [
    {"number": "I", "heading": "MỤC TIÊU", "level": 1, "label": "MUC_TIEU"},
    {"number": "1", "heading": "Mục tiêu cụ thể", "level": 2, "label": "MUC_TIEU"},
    {"number": "II", "heading": "TỔ CHỨC THỰC HIỆN", "level": 1, "label": "TO_CHUC_THUC_HIEN"},
    {"number": "1", "heading": "Công an Thành phố", "level": 2, "label": "TO_CHUC_THUC_HIEN"},
    {"number": "2", "heading": "Sở Tài chính", "level": 2, "label": "TO_CHUC_THUC_HIEN"},
]
T80 = {"indicator": "dịch vụ công trực tuyến mức độ 3", "code": "DVC_L3", "value": 80,
       "value_max": None, "unit": "%", "comparator": "=", "kind": "level",
       "scope_level": None, "year": 2020, "period_start": None,
       "evidence": "80% dịch vụ công trực tuyến mức độ 3"}
T30 = {**T80, "indicator": "hồ sơ được xử lý trực tuyến", "code": "DVC_DOSSIERS", "value": 30,
       "evidence": "30% hồ sơ được xử lý trực tuyến"}
A_POLICE = {"agency": "Công an Thành phố", "role": "lead",
            "task": "triển khai bảo đảm an toàn thông tin", "deadline_text": "Quý II/2019",
            "due_start": "2019-04-01", "due_end": "2019-06-30", "recurrence": None,
            "evidence": "Công an Thành phố Chủ trì triển khai bảo đảm an toàn thông tin, hoàn "
                        "thành trong Quý II/2019"}
A_FINANCE = {"agency": "Sở Tài chính", "role": "lead",
             "task": "Bố trí kinh phí thực hiện Kế hoạch", "deadline_text": None,
             "due_start": None, "due_end": None, "recurrence": None,
             "evidence": "Sở Tài chính Bố trí kinh phí thực hiện Kế hoạch"}


def write_gold(root: Path, sections=SECTIONS, targets=(T80, T30),
               assignments=(A_POLICE, A_FINANCE)) -> Path:
    """gold/<doc>.json and corpora/raw/<doc>.txt under `root`; returns the gold folder."""
    gold = root / "gold"
    gold.mkdir(parents=True, exist_ok=True)
    (root / "corpora" / "raw").mkdir(parents=True, exist_ok=True)
    (root / "corpora" / "raw" / f"{DOC}.txt").write_text(TEXT, "utf-8")
    payload = {"doc_id": DOC, "schema": 1, "sections": list(sections),
               "targets": list(targets), "assignments": list(assignments)}
    (gold / f"{DOC}.json").write_text(json.dumps(payload, ensure_ascii=False), "utf-8")
    return gold


def _span(text: str, evidence: str) -> tuple[int, int]:
    spans = Locator(text).find(evidence)
    return spans[0] if spans else (None, None)


def _frame(name: str, rows: list[dict]) -> pd.DataFrame:
    schema = SCHEMAS[name]
    return pd.DataFrame([{k: r.get(k) for k in schema} for r in rows],
                        columns=list(schema)).astype(schema)


def pred_sections(text: str = TEXT, gold=SECTIONS) -> list[dict]:
    """Predicted sections rows made from gold headings, with offsets into `text`."""
    rows = []
    for i, s in enumerate(gold):
        start, end = _span(text, s["heading"])
        rows.append({**s, "sec_id": i + 1, "depth": s["level"], "kind": "heading",
                     "parent": None, "start": start, "end": end, "heading_start": start,
                     "heading_end": end})
    return rows


def write_pred(root: Path, targets=(T80, T30), assignments=(A_POLICE, A_FINANCE),
               sections=None, text: str = TEXT) -> Path:
    """A `vnplan run`-like output folder: tables as CSV and cleaned/<doc>.txt."""
    pred = root / "pred"
    (pred / "cleaned").mkdir(parents=True, exist_ok=True)
    (pred / "cleaned" / f"{DOC}.txt").write_text(text, "utf-8")
    rows = {"targets": [dict(r) for r in targets],
            "assignments": [dict(r) for r in assignments]}
    for table in rows.values():
        for row in table:
            row["doc_id"] = DOC
            if "start" not in row:
                row["start"], row["end"] = _span(text, row["evidence"])
    rows["sections"] = [{**r, "doc_id": DOC}
                        for r in (pred_sections(text) if sections is None else sections)]
    for name, table in rows.items():
        _frame(name, table).to_csv(pred / f"{name}.csv", index=False)
    return pred


def test_exact_match_scores_one_everywhere(tmp_path):
    report = score_dirs(write_gold(tmp_path), write_pred(tmp_path))
    for name, table in report["metrics"].items():
        if table["type"] == "prf":
            assert table["micro"]["f1"] == 1.0, name
        elif table["micro"]["total"]:
            assert table["micro"]["accuracy"] == 1.0, name
    assert report["headline"] == dict.fromkeys(HEADLINE, 1.0)
    assert report["headline_mean"] == dict.fromkeys(HEADLINE, 1.0)
    assert all(not errors for errors in report["errors"].values())


def test_missing_target_is_a_false_negative_listed_with_its_evidence(tmp_path):
    report = score_dirs(write_gold(tmp_path), write_pred(tmp_path, targets=[T80]))
    strict = report["metrics"]["targets_strict"]["micro"]
    assert (strict["tp"], strict["fp"], strict["fn"]) == (1, 0, 1)
    [error] = report["errors"]["targets"]
    assert error["error"] == "FN" and error["text"] == T30["evidence"]
    assert error["section"] == "1. Mục tiêu cụ thể"


def test_wrong_year_fails_strict_but_passes_lenient(tmp_path):
    report = score_dirs(write_gold(tmp_path),
                        write_pred(tmp_path, targets=[T80, {**T30, "year": 2019}]))
    assert report["metrics"]["targets_strict"]["micro"]["tp"] == 1
    assert report["metrics"]["targets_lenient"]["micro"]["f1"] == 1.0
    [near] = report["errors"]["targets"]  # one near miss, not an FN and an FP
    assert near["error"] == "near miss" and near["fields"] == ["year"]
    assert "year 2019 (gold 2020)" in near["detail"]
    assert (near["gold"][0]["year"], near["pred"][0]["year"]) == (2020, 2019)
    assert report["metrics"]["target_year"]["micro"] == {"correct": 1, "total": 2,
                                                         "accuracy": 0.5}


def test_same_value_elsewhere_in_the_text_is_not_a_match(tmp_path):
    elsewhere = {**T30, "evidence": "Đến năm 2020, 80%", "value": 30}
    elsewhere.update(start=TEXT.index("Đến năm"), end=TEXT.index("Đến năm") + 10)
    report = score_dirs(write_gold(tmp_path), write_pred(tmp_path, targets=[T80, elsewhere]))
    assert report["metrics"]["targets_lenient"]["micro"]["fn"] == 1


def test_overlapping_span_matches_even_with_other_evidence_words(tmp_path):
    shorter = {**T30, "evidence": "30% hồ sơ"}
    report = score_dirs(write_gold(tmp_path), write_pred(tmp_path, targets=[T80, shorter]))
    assert report["metrics"]["targets_strict"]["micro"]["f1"] == 1.0


def test_wrong_code_counts_in_code_accuracy_only(tmp_path):
    report = score_dirs(write_gold(tmp_path),
                        write_pred(tmp_path, targets=[T80, {**T30, "code": "ONE_STOP"}]))
    assert report["metrics"]["targets_strict"]["micro"]["f1"] == 1.0
    assert report["metrics"]["target_code"]["micro"] == {"correct": 1, "total": 2,
                                                         "accuracy": 0.5}


def test_split_duty_costs_records_but_not_the_agency_set(tmp_path):
    second = {**A_FINANCE, "task": "hướng dẫn thanh quyết toán",
              "evidence": "hướng dẫn thanh quyết toán"}
    report = score_dirs(write_gold(tmp_path),
                        write_pred(tmp_path, assignments=[A_POLICE, A_FINANCE, second]))
    records = report["metrics"]["assignments"]["micro"]
    assert (records["tp"], records["fp"], records["fn"]) == (2, 1, 0)
    assert report["metrics"]["agency_set"]["micro"]["f1"] == 1.0


def test_wrong_agency_costs_the_agency_set(tmp_path):
    other = {**A_FINANCE, "agency": "Sở Kế hoạch và Đầu tư"}
    report = score_dirs(write_gold(tmp_path), write_pred(tmp_path,
                                                         assignments=[A_POLICE, other]))
    agency_set = report["metrics"]["agency_set"]["micro"]
    assert (agency_set["tp"], agency_set["fp"], agency_set["fn"]) == (1, 1, 1)
    assert {e["detail"] for e in report["errors"]["agency_set"]} == {
        "Sở Tài chính (lead)", "Sở Kế hoạch và Đầu tư (lead)"}


def test_cong_an_thanh_pho_equals_cong_an_tinh(tmp_path):
    assert norm_agency("Công an Thành phố") == norm_agency("Công an tỉnh")
    assert norm_agency("Ủy ban nhân dân cấp huyện") == norm_agency("UBND cấp huyện")
    province = {**A_POLICE, "agency": "Công an tỉnh"}
    report = score_dirs(write_gold(tmp_path),
                        write_pred(tmp_path, assignments=[province, A_FINANCE]))
    assert report["metrics"]["assignments"]["micro"]["f1"] == 1.0
    assert report["metrics"]["agency_set"]["micro"]["f1"] == 1.0


def test_wrong_role_is_not_a_match(tmp_path):
    partner = {**A_POLICE, "role": "partner"}
    report = score_dirs(write_gold(tmp_path),
                        write_pred(tmp_path, assignments=[partner, A_FINANCE]))
    assert report["metrics"]["assignments"]["micro"]["tp"] == 1


def test_deadline_accuracy_compares_due_end_on_matched_pairs(tmp_path):
    late = {**A_POLICE, "due_end": "2019-12-31"}
    finance_dated = {**A_FINANCE, "due_end": "2020-12-31"}
    report = score_dirs(write_gold(tmp_path),
                        write_pred(tmp_path, assignments=[late, finance_dated]))
    assert report["metrics"]["deadline_due_end"]["micro"] == {"correct": 0, "total": 2,
                                                              "accuracy": 0.0}
    assert report["metrics"]["deadline_due_start"]["micro"]["accuracy"] == 1.0
    report = score_dirs(tmp_path / "gold", write_pred(tmp_path, assignments=[late, A_FINANCE]))
    assert report["headline"]["deadline_accuracy"] == 0.5


def test_sections_ignore_deeper_levels_and_check_labels(tmp_path):
    rows = pred_sections()
    rows[1]["label"] = "NHIEM_VU"
    rows.append({**rows[4], "sec_id": 9, "level": None, "depth": 3, "number": "a",
                 "heading": "Chi tiết"})
    report = score_dirs(write_gold(tmp_path), write_pred(tmp_path, sections=rows))
    assert report["metrics"]["sections"]["micro"]["f1"] == 1.0
    assert report["metrics"]["section_label"]["micro"]["correct"] == 4
    [error] = report["errors"]["sections"]
    assert error["error"] == "wrong label" and error["text"] == "1. Mục tiêu cụ thể"


def test_missing_heading_is_a_false_negative_with_its_parent(tmp_path):
    rows = [r for r in pred_sections() if r["heading"] != "Sở Tài chính"]
    report = score_dirs(write_gold(tmp_path), write_pred(tmp_path, sections=rows))
    [error] = report["errors"]["sections"]
    assert (error["error"], error["text"], error["section"]) == (
        "FN", "2. Sở Tài chính", "II. TỔ CHỨC THỰC HIỆN")


def test_ocr_damaged_cleaned_text_still_locates_gold_evidence(tmp_path):
    ocr = TEXT.replace("hồ sơ được xử lý", "hồ so đuợc xứ lý")
    damaged = {**T30, "evidence": "30% hồ so đuợc xứ lý trực tuyến"}
    report = score_dirs(write_gold(tmp_path),
                        write_pred(tmp_path, targets=[T80, damaged], text=ocr,
                                   sections=pred_sections(ocr)))
    assert report["metrics"]["targets_strict"]["micro"]["f1"] == 1.0
    located = report["evidence_located"][DOC]
    assert (located["exact"], located["fuzzy"], located["not found"]) == (3, 1, 0)


def test_missing_document_predictions_are_all_false_negatives(tmp_path):
    gold = write_gold(tmp_path)
    pred = write_pred(tmp_path)
    for name in ("targets", "assignments", "sections"):
        (pred / f"{name}.csv").write_text(",".join(SCHEMAS[name]) + "\n", "utf-8")
    report = score_dirs(gold, pred)
    assert report["documents_without_predictions"] == [DOC]
    assert report["metrics"]["targets_strict"]["micro"] == {
        "tp": 0, "fp": 0, "fn": 2, "precision": 0.0, "recall": 0.0, "f1": 0.0}


def _args(tmp_path: Path, report: Path | None = None, pred: Path | None = None):
    return argparse.Namespace(gold=str(tmp_path / "gold"), pred=str(pred or tmp_path / "pred"),
                              report=str(report) if report else None)


def test_report_files_are_written_and_deterministic(tmp_path, capsys):
    write_gold(tmp_path)
    write_pred(tmp_path, targets=[T80])
    assert run_score(_args(tmp_path, tmp_path / "r1")) == 0
    assert run_score(_args(tmp_path, tmp_path / "r2")) == 0
    for name in ("report.json", "report.md", "index.html"):
        assert (tmp_path / "r1" / name).read_bytes() == (tmp_path / "r2" / name).read_bytes()
    report = json.loads((tmp_path / "r1" / "report.json").read_text("utf-8"))
    assert report["metrics"]["targets_strict"]["micro"]["fn"] == 1
    html = (tmp_path / "r1" / "index.html").read_text("utf-8")
    assert html.count("data:image/png;base64,") == len(report["metrics"])
    assert "<script src" not in html and "<link" not in html  # self-contained
    markdown = (tmp_path / "r1" / "report.md").read_text("utf-8")
    assert T30["evidence"] in markdown and "| micro |" in markdown
    out = capsys.readouterr().out
    assert "targets: strict F1 0.667" in out and "index.html" in out


def test_summary_is_printed_without_report_folder(tmp_path, capsys):
    write_gold(tmp_path)
    write_pred(tmp_path)
    assert run_score(_args(tmp_path)) == 0
    out = capsys.readouterr().out
    assert "targets_strict" in out and "agency-role set F1 1.000" in out
    assert "deadline (due_end) 2/2 = 1.000" in out


def test_missing_folder_exits_2_with_a_message(tmp_path, capsys):
    write_gold(tmp_path)
    assert run_score(_args(tmp_path, pred=tmp_path / "nowhere")) == 2
    assert "no such prediction folder" in capsys.readouterr().err


def test_empty_prediction_folder_exits_2(tmp_path, capsys):
    write_gold(tmp_path)
    (tmp_path / "empty").mkdir()
    assert run_score(_args(tmp_path, pred=tmp_path / "empty")) == 2
    assert "no prediction tables" in capsys.readouterr().err


def test_collapse_map_points_back_into_the_raw_text():
    raw = "**a**\n\n b\u00a0 c"
    text, offsets = collapse_with_map(raw)
    assert text == "a b c"
    assert [raw[offsets[i]] for i in range(len(text))] == ["a", "\n", "b", "\u00a0", "c"]


@pytest.mark.parametrize(("a", "b", "expected"), [
    ("30% hồ sơ", "Đạt 30% HỒ SƠ   được xử lý", True),
    ("bảo đảm an toàn thông tin mạng", "triển khai bảo đảm an toàn thông tin", True),
    ("bảo đảm an toàn thông tin", "bố trí kinh phí thực hiện", False),
    ("", "x", False),
])
def test_text_overlap(a, b, expected):
    assert text_overlap(a, b) is expected


def test_one_to_one_prefers_more_pairs_over_a_better_pair():
    edges = {(0, 0): 1.0, (0, 1): 0.2, (1, 0): 0.2}
    assert one_to_one(2, 2, edges) == [(0, 1), (1, 0)]


@pytest.mark.parametrize("leave_out", ["omitted", "null"])
def test_a_table_the_gold_file_omits_or_writes_null_is_not_scored(tmp_path, leave_out):
    gold = write_gold(tmp_path)
    path = gold / f"{DOC}.json"
    payload = json.loads(path.read_text("utf-8"))
    for table in ("assignments", "sections"):  # a file annotating targets only
        if leave_out == "null":
            payload[table] = None  # schema 2: not annotated, not empty
        else:
            del payload[table]
    path.write_text(json.dumps(payload, ensure_ascii=False), "utf-8")
    report = score_dirs(gold, write_pred(tmp_path))
    assert report["metrics"]["targets_strict"]["micro"]["f1"] == 1.0
    assert "assignments" not in report["metrics"] and "sections" not in report["metrics"]
    assert set(report["headline"]) == {k for k in HEADLINE if k.startswith("target")}

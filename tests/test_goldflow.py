"""The Label Studio round trip: gold → tasks → gold is lossless on every gold file, and what an
annotator changes in Label Studio is read back as the contract asks."""

from __future__ import annotations

import json
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from pipeline.cli import main
from pipeline.gold import collapse, load_contract
from pipeline.goldflow.fields import controls
from pipeline.goldflow.lsconfig import labeling_config
from pipeline.goldflow.lsexport import build_task, export_tasks, gold_results
from pipeline.goldflow.lsimport import (
    ImportInputError,
    gold_from_annotation,
    import_tasks,
    read_export,
    write_gold,
)
from pipeline.goldflow.spans import Utf16Offsets

SHARED = Path(__file__).resolve().parents[2] / "shared" / "devset"  # ../shared beside the checkout
FIXTURES = Path("tests/fixtures/genre")
HELDOUT = tuple(sorted(Path("tests/fixtures").glob("heldout*")))
FIXTURE_TEXTS = {"assign-2023-chuyendoiso": "assign_2023_chuyendoiso.txt"}


def _gold_files() -> list[tuple[Path, Path]]:
    """Every gold file we hold, with its reference text."""
    pairs = []
    for path in sorted(Path("gold").glob("*.json")):
        clean = Path("gold/clean") / f"{path.stem}.txt"
        pairs.append((path, clean if clean.exists() else Path("corpora/raw") / f"{path.stem}.txt"))
    for path in sorted((FIXTURES / "gold").glob("*.json")):
        pairs.append((path, FIXTURES / FIXTURE_TEXTS.get(path.stem, f"{path.stem}.txt")))
    for folder in HELDOUT:
        for path in sorted((folder / "gold").glob("*.json")):
            pairs.append((path, folder / f"{path.stem}.txt"))
    for folder, texts in (("gold", SHARED / "docs"), ("seedgold", SHARED.parent / "seeds")):
        for path in sorted((SHARED / folder).glob("*.json")):
            pairs.append((path, texts / json.loads(path.read_text("utf-8"))["source"]))
    return pairs


def _round_trip(tasks: list[dict]) -> list[dict]:
    return json.loads(json.dumps(tasks, ensure_ascii=False))  # as a file would carry them


@pytest.mark.parametrize(("gold_path", "text_path"), _gold_files(),
                         ids=lambda p: p.name if isinstance(p, Path) else str(p))
def test_gold_to_tasks_to_gold_is_lossless(tmp_path, gold_path, text_path):
    doc_id = json.loads(gold_path.read_text("utf-8"))["doc_id"]
    gold_dir, corpus = tmp_path / "gold", tmp_path / "corpus"
    corpus.mkdir()
    (gold_dir / "clean").mkdir(parents=True)
    shutil.copy(gold_path, gold_dir / gold_path.name)
    in_clean = text_path.parent == Path("gold/clean")
    shutil.copy(text_path, (gold_dir / "clean" if in_clean else corpus) / f"{doc_id}.txt")
    tasks, notes = export_tasks(None, gold_dir, [corpus])
    assert not notes.unplaced and not notes.no_text
    [imported], skipped = import_tasks(_round_trip(tasks))
    assert not skipped
    written = write_gold(imported, tmp_path / "gold2")
    assert written.read_bytes() == gold_path.read_bytes()


TEXT = ("**I. MỤC TIÊU**\n1. Mục tiêu cụ thể\nĐến năm 2020, 80% dịch vụ công trực tuyến mức độ 3;"
        "\n30% hồ sơ được xử lý trực tuyến.\nII. TỔ CHỨC THỰC HIỆN\n1. Sở Tài chính\n"
        "Bố trí kinh phí thực hiện Kế hoạch; hướng dẫn thanh quyết toán.\n")
T80 = {"indicator": "dịch vụ công trực tuyến mức độ 3", "code": "DVC_L3", "value": 80,
       "value_max": None, "unit": "%", "comparator": "=", "kind": "level", "scope_level": None,
       "year": 2020, "period_start": None, "evidence": "80% dịch vụ công trực tuyến mức độ 3"}
A_FIN = {"agency": "Sở Tài chính", "role": "lead", "task": "Bố trí kinh phí thực hiện Kế hoạch",
         "deadline_text": None, "due_start": None, "due_end": None, "recurrence": None,
         "evidence": "Sở Tài chính Bố trí kinh phí thực hiện Kế hoạch"}
GOLD = {"doc_id": "hanoi-2019-kh1", "schema": load_contract()["schema"],
        "sections": [{"number": "I", "heading": "MỤC TIÊU", "level": 1, "label": "MUC_TIEU"}],
        "targets": [T80], "assignments": [A_FIN]}


def _task(text: str = TEXT, gold: dict = GOLD) -> dict:
    from pipeline.goldflow.lsexport import ExportNotes

    notes = ExportNotes()
    task = build_task(gold["doc_id"], text, "cleaned", gold,
                      gold_results(gold["doc_id"], gold, text, notes))
    assert not notes.unplaced
    return _round_trip([task])[0]


def _regions(task: dict, region: str) -> list[dict]:
    return [r for r in task["annotations"][0]["result"] if r["id"] == region]


def _reimport(task: dict) -> dict:
    imported = gold_from_annotation(task, task["annotations"][0])
    return imported.gold, imported.problems


def test_a_moved_highlight_is_read_as_the_new_evidence():
    task = _task()
    start = TEXT.index("30% hồ sơ")
    for result in _regions(task, "t0"):
        result["value"].update(start=start, end=start + len("30% hồ sơ được xử lý trực tuyến"))
    gold, problems = _reimport(task)
    assert gold["targets"][0]["evidence"] == "30% hồ sơ được xử lý trực tuyến"
    assert problems == []


def test_a_string_placed_only_fuzzily_is_kept_as_written():
    damaged = TEXT.replace("dịch vụ công trực tuyến", "dich vu cong truc tuyen")
    gold = {**GOLD, "sections": [], "assignments": []}
    task = _task(damaged, gold)
    kept = [r for r in _regions(task, "t0") if r["from_name"] == "target_evidence"]
    assert kept and kept[0]["value"]["text"] == [T80["evidence"]]
    assert _reimport(task)[0]["targets"] == [T80]


def test_a_relabelled_region_takes_only_its_new_kinds_fields():
    task = _task()
    for result in _regions(task, "t0"):
        if result["type"] == "labels":
            result["value"]["labels"] = ["Assignment"]
    gold, problems = _reimport(task)
    assert gold["targets"] == [] and gold["assignments"][1] == A_FIN
    record = gold["assignments"][0]  # its target fields are gone, its own are still to fill
    assert record == {**dict.fromkeys(A_FIN, None), "agency": "", "role": "", "task": "",
                      "evidence": T80["evidence"]}
    assert any("assignments[0].role: ''" in p for p in problems)
    assert any(p.endswith("assignments[0].agency: empty") for p in problems)


def test_a_heading_highlighted_with_its_number_loses_the_number():
    task = _task()
    line = TEXT.index("II. TỔ CHỨC THỰC HIỆN")
    task["annotations"][0]["result"] += [
        {"id": "new1", "from_name": "record", "to_name": "text", "type": "labels",
         "value": {"start": line, "end": line + len("II. TỔ CHỨC THỰC HIỆN"),
                   "text": "II. TỔ CHỨC THỰC HIỆN", "labels": ["Heading"]}},
        {"id": "new1", "from_name": "section_number", "to_name": "text", "type": "textarea",
         "value": {"start": line, "end": line + 21, "text": ["II"]}},
        {"id": "new1", "from_name": "section_level", "to_name": "text", "type": "choices",
         "value": {"start": line, "end": line + 21, "choices": ["1"]}},
        {"id": "new1", "from_name": "section_label", "to_name": "text", "type": "choices",
         "value": {"start": line, "end": line + 21, "choices": ["TO_CHUC_THUC_HIEN"]}},
    ]
    gold, problems = _reimport(task)
    assert gold["sections"][-1] == {"number": "II", "heading": "TỔ CHỨC THỰC HIỆN", "level": 1,
                                    "label": "TO_CHUC_THUC_HIEN"}
    assert problems == []


@pytest.mark.parametrize(("control", "stored", "expected"), [
    ("target_value", {"number": "12,5"}, 12.5),
    ("target_year", {"number": 2021.0}, 2021),
    ("target_code", {"choices": ["EDOC"]}, "EDOC"),
    ("target_indicator", {"text": ["  dịch vụ công\n trực tuyến "]}, "dịch vụ công trực tuyến"),
])
def test_values_typed_in_label_studio_take_the_contracts_types(control, stored, expected):
    task = _task()
    field = control.removeprefix("target_")
    results = task["annotations"][0]["result"]
    results[:] = [r for r in results if not (r["id"] == "t0" and r["from_name"] == control)]
    start, end = _regions(task, "t0")[0]["value"]["start"], _regions(task, "t0")[0]["value"]["end"]
    results.append({"id": "t0", "from_name": control, "to_name": "text",
                    "type": "number" if "number" in stored else
                    "choices" if "choices" in stored else "textarea",
                    "value": {"start": start, "end": end, **stored}})
    value = _reimport(task)[0]["targets"][0][field]
    assert value == expected and type(value) is type(expected)


def test_offsets_count_utf16_units_as_label_studio_does():
    text = "🙂 " + TEXT  # one character in Python, two in a browser
    task = _task(text, {**GOLD, "sections": [], "assignments": []})
    [label] = [r for r in _regions(task, "t0") if r["type"] == "labels"]
    assert label["value"]["start"] == text.index("80%") + 1
    assert _reimport(task)[0]["targets"] == [T80]
    offsets = Utf16Offsets(text)
    assert [offsets.to_py(offsets.to_js(i)) for i in range(len(text))] == list(range(len(text)))


def _annotation(result: list[dict], **extra) -> dict:
    return {"result": result, "was_cancelled": False, "ground_truth": False, **extra}


def test_which_annotation_is_imported():
    task = _task()
    full = task["annotations"][0]["result"]
    heading_only = [r for r in full if r["id"] == "s0"]
    task["annotations"] = [
        _annotation(full, id=1, updated_at="2026-01-01T10:00:00Z",
                    completed_by={"id": 1, "email": "an@x.vn"}),
        _annotation(heading_only, id=2, updated_at="2026-01-02T10:00:00Z",
                    completed_by={"id": 2, "email": "binh@x.vn"}),
        _annotation([], id=3, updated_at="2026-01-03T10:00:00Z", was_cancelled=True,
                    completed_by={"id": 3, "email": "chi@x.vn"}),
    ]
    [latest], _ = import_tasks([task])
    assert latest.gold["targets"] == []  # binh's, the latest submitted
    task["annotations"][0]["ground_truth"] = True
    [truth], _ = import_tasks([task])
    assert truth.gold["targets"] == [T80]
    each, _ = import_tasks([task], per_annotator=True)
    assert [(one.annotator, len(one.gold["targets"])) for one in each] == [("an@x.vn", 1),
                                                                          ("binh@x.vn", 0)]


def test_tasks_nobody_annotated_are_skipped_and_named():
    task = _task()
    del task["annotations"]
    assert import_tasks([task]) == ([], ["hanoi-2019-kh1"])


@pytest.mark.parametrize("payload", ['{"text": "x"}', '[{"id": 1, "label": "Target"}]', "{"])
def test_a_file_that_is_not_a_json_export_is_refused_with_the_reason(tmp_path, payload):
    path = tmp_path / "export.json"
    path.write_text(payload, "utf-8")
    with pytest.raises(ImportInputError, match="export"):
        read_export(path)


def test_labeling_config_offers_every_contract_field_and_value():
    root = ET.fromstring(labeling_config())
    contract = load_contract()
    labels = [e.get("value") for e in root.iter("Label")]
    assert labels == ["Heading", "Target", "Assignment"]
    names = {e.get("name"): e for e in root.iter() if e.get("perRegion") == "true"}
    for kind in ("sections", "targets", "assignments"):
        assert {c.name for c in controls(kind)} <= set(names)
        assert len(controls(kind)) == len(contract["fields"][kind])
    assert [c.get("value") for c in names["target_code"].iter("Choice")] == contract["codes"]
    assert [c.get("value") for c in names["assignment_role"].iter("Choice")] == contract["roles"]
    assert names["assignment_due_end"].tag == "DateTime"
    boxes = [v for v in root.iter("View") if v.get("visibleWhen") == "region-selected"]
    assert [v.get("whenLabelValue") for v in boxes] == labels
    assert not any(v.get("whenTagName") for v in boxes)  # Label Studio then hides the box


def test_cli_export_and_import_give_back_the_gold_folder(tmp_path, capsys):
    tasks = tmp_path / "tasks.json"
    assert main(["gold", "export", "--gold", "gold", "--out", str(tasks)]) == 0
    assert (tmp_path / "tasks.label_config.xml").exists()
    assert main(["gold", "import", str(tasks), "--out", str(tmp_path / "gold2")]) == 0
    for path in Path("gold").glob("*.json"):
        assert (tmp_path / "gold2" / path.name).read_bytes() == path.read_bytes()
    clean = Path("gold/clean/thanhhoa-2019-qd1118.txt").read_text("utf-8")
    assert collapse((tmp_path / "gold2/clean/thanhhoa-2019-qd1118.txt").read_text("utf-8")) == \
        collapse(clean)
    assert not (tmp_path / "gold2/clean/hatinh-2016-kh496.txt").exists()  # a corpus text
    out = capsys.readouterr().out
    n = len(list(Path("gold").glob("*.json")))
    assert f"{n} tasks ({n} with gold as annotations" in out


def test_cli_export_needs_something_to_export(tmp_path, capsys):
    assert main(["gold", "export", "--out", str(tmp_path / "t.json")]) == 2
    assert "--pred" in capsys.readouterr().err

"""`vnplan gold init` drafts contract-valid gold from any input form, and the same records
reach Label Studio as predictions and come back as gold."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import generate
import pytest

from pipeline.cli import main
from pipeline.gold import check_gold, check_gold_dir, collapse
from pipeline.goldflow.init import draft_from_document
from pipeline.goldflow.lsexport import export_tasks
from pipeline.goldflow.lsimport import import_tasks
from pipeline.process import process_path
from pipeline.refresh import run_refresh

SEED = Path("corpora/raw/daklak-2018-qd168.txt")


@pytest.fixture(scope="module")
def inputs(workdir: Path) -> dict[str, Path]:
    """One document of every input form."""
    shutil.copy(SEED, workdir / "plan.txt")
    return {"txt": workdir / "plan.txt", "pdf": generate.make_pdf(workdir).path,
            "docx": generate.make_docx(workdir).path,
            "scan": generate.make_scanned_pdf(workdir, pages=1).path}


@pytest.mark.parametrize("form", ["txt", "pdf", "docx",
                                  pytest.param("scan", marks=[pytest.mark.ocr,
                                                              pytest.mark.slow])])
def test_init_drafts_contract_valid_gold_with_its_reference_text(inputs, tmp_path, capsys,
                                                                 form):
    gold = tmp_path / "gold"
    assert main(["gold", "init", str(inputs[form]), "--gold", str(gold)]) == 0
    [path] = gold.glob("*.json")
    draft = json.loads(path.read_text("utf-8"))
    assert check_gold_dir(gold, tmp_path / "no-corpus") == []  # reference: gold/clean/<id>.txt
    assert sum(len(draft[k]) for k in ("sections", "targets", "assignments")) > 0
    capsys.readouterr()
    assert main(["clean", str(inputs[form])]) == 0
    reference = (gold / "clean" / f"{path.stem}.txt").read_text("utf-8")
    assert reference == capsys.readouterr().out  # the text `vnplan clean` prints


def test_init_keeps_an_existing_gold_file_unless_forced(inputs, tmp_path, capsys):
    gold = tmp_path / "gold"
    args = ["gold", "init", str(inputs["txt"]), "--gold", str(gold), "--doc-id", "daklak-test"]
    assert main(args) == 0
    path = gold / "daklak-test.json"
    edited = path.read_bytes() + b" "
    path.write_bytes(edited)
    assert main(args) == 3
    assert "already exist" in capsys.readouterr().err and path.read_bytes() == edited
    assert main([*args, "--force"]) == 0 and path.read_bytes() != edited


def test_doc_id_names_one_document_only(inputs, tmp_path, capsys):
    assert main(["gold", "init", str(inputs["txt"]), str(inputs["docx"]), "--gold",
                 str(tmp_path), "--doc-id", "x"]) == 2
    assert "one FILE" in capsys.readouterr().err


def test_predictions_accepted_in_label_studio_come_back_as_the_draft(tmp_path):
    outcome = process_path(SEED)
    doc = outcome.document
    out = tmp_path / "out"
    run_refresh([str(SEED)], str(out), mode="replace")
    tasks, notes = export_tasks(out, None, [])
    assert not notes.unplaced
    [task] = json.loads(json.dumps(tasks))
    assert "annotations" not in task and task["predictions"][0]["result"]
    task["annotations"] = [{"result": task["predictions"][0]["result"]}]  # accepted as they are
    [imported], _ = import_tasks([task])
    draft = draft_from_document(doc)
    key = lambda record: json.dumps(record, ensure_ascii=False, sort_keys=True)  # noqa: E731
    assert imported.gold["sections"] == draft.gold["sections"]  # in document order both ways
    for kind in ("targets", "assignments"):  # the tables sort rows by offset
        assert sorted(imported.gold[kind], key=key) == sorted(draft.gold[kind], key=key), kind
    assert check_gold(imported.gold, f"{doc.doc_id}.json", collapse(doc.text)) == []

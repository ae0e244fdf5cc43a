"""The command line: help, usage errors, and the single-file commands."""

import json
import subprocess
import sys

import pytest

from pipeline.cli import EXIT_OK, EXIT_USAGE, collect_inputs, main
from pipeline.corpora import document_ids
from pipeline.inputs import unsupported_in

SEED = "corpora/raw/daklak-2018-qd168.txt"


@pytest.mark.parametrize("command", [[], ["run"], ["clean"], ["segment"], ["extract"], ["score"],
                                     ["gold", "check"], ["gold", "init"], ["gold", "export"],
                                     ["gold", "import"]])
def test_help_everywhere(command, capsys):
    assert main([*command, "--help"]) == EXIT_OK
    assert "usage: vnplan" in capsys.readouterr().out


def test_unknown_command_is_a_usage_error():
    assert main(["bogus"]) == EXIT_USAGE


def test_missing_path_is_a_usage_error(tmp_path, capsys):
    assert main(["run", str(tmp_path / "nope"), "--out", str(tmp_path)]) == EXIT_USAGE
    assert "no such file or folder" in capsys.readouterr().err


def test_folders_are_searched_recursively_skipping_resources_and_readmes():
    found = collect_inputs(["corpora"])
    assert found == sorted(f"corpora/raw/{doc_id}.txt" for doc_id in document_ids())
    assert len(found) == 13  # the five seeds and the eight plans of the development set


def test_clean_prints_the_cleaned_text_without_starting_prefect():
    code = ("import sys; from pipeline.cli import main; rc = main(['clean', sys.argv[1]]); "
            "assert 'prefect' not in sys.modules, 'clean must not import Prefect'; sys.exit(rc)")
    proc = subprocess.run([sys.executable, "-c", code, SEED], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert "Sở Thông tin và Truyền thông" in proc.stdout and "**" not in proc.stdout


def test_clean_suggest_lists_corrections_as_json_lines(capsys):
    assert main(["clean", "corpora/raw/thanhhoa-2019-qd1118.txt", "--suggest"]) == EXIT_OK
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert rows and not any(r["applied"] for r in rows)
    assert any(r["before"] == "diện" and r["after"] == "điện" for r in rows)


def test_extract_prints_contract_fields_as_json(capsys):
    assert main(["extract", SEED]) == EXIT_OK
    payload = json.loads(capsys.readouterr().out)
    assert payload["doc_id"] == "daklak-2018-qd168"
    assert payload["targets"] and {"value", "unit", "code", "start", "end"} <= set(
        payload["targets"][0])


def test_version_names_the_installed_package(capsys):
    from importlib.metadata import version

    assert main(["--version"]) == EXIT_OK
    assert capsys.readouterr().out.strip() == f"vnplan {version('vnplan')}"


@pytest.mark.parametrize("argv", [["--debug", "score"], ["score", "--debug"], ["score"]])
def test_debug_prints_the_full_traceback_of_an_internal_error(monkeypatch, capsys, argv):
    import pipeline.score.cli

    def broken(args):
        raise KeyError("no such column: page")

    monkeypatch.setattr(pipeline.score.cli, "run_score", broken)
    assert main(argv) == 1
    err = capsys.readouterr().err
    assert "internal error: KeyError: 'no such column: page'" in err
    assert ("Traceback (most recent call last)" in err) == ("--debug" in argv)
    assert ("run with --debug" in err) == ("--debug" not in argv)


def test_a_closed_pipe_ends_quietly():
    code = "import sys; from pipeline.cli import main; sys.exit(main(sys.argv[1:]))"
    proc = subprocess.Popen([sys.executable, "-c", code, "clean",
                             "corpora/raw/nghean-2013-qd526.txt"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    proc.stdout.close()  # the reader goes away before anything is written (`| head -0`)
    stderr = proc.stderr.read().decode("utf-8")
    assert proc.wait() == 141
    assert stderr == ""


def test_a_batch_names_the_files_it_skips_as_unsupported(tmp_path, capsys):
    import shutil

    folder = tmp_path / "plans"
    folder.mkdir()
    shutil.copy(SEED, folder / "plan.txt")
    for name in ("old plan.doc", "targets.xlsx", "notes.xyz"):
        (folder / name).write_bytes(b"\xd0\xcf\x11\xe0")
    assert collect_inputs([str(folder)]) == [str(folder / "plan.txt")]
    skipped = unsupported_in([str(folder)])
    assert sorted(p.name for p in skipped) == ["notes.xyz", "old plan.doc", "targets.xlsx"]
    assert main(["gold", "init", str(folder), "--gold", str(tmp_path / "gold")]) == EXIT_OK
    err = capsys.readouterr().err
    assert "Word 97-2003 document: save it as .docx or PDF): " in err and "old plan.doc" in err
    assert "spreadsheet" in err and "targets.xlsx" in err and "'.xyz' is not a type" in err

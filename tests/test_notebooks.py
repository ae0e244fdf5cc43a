"""The exploration notebook runs top to bottom on real pipeline output."""

import os
import shutil
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from pipeline.flows import run_corpus

NOTEBOOK = Path("notebooks/explore_tables.ipynb")


@pytest.fixture(scope="module")
def out_dir(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("nb_out")
    corpus = tmp_path_factory.mktemp("nb_corpus")
    for name in ("haiduong-2016-kh681", "daklak-2018-qd168"):
        shutil.copy(f"corpora/raw/{name}.txt", corpus)
    run_corpus(sorted(str(p) for p in corpus.iterdir()), str(out))
    return out


def test_exploration_notebook_executes(out_dir, monkeypatch):
    monkeypatch.setenv("VNPLAN_OUT", str(out_dir))
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    client = NotebookClient(notebook, timeout=120, kernel_name="python3",
                            resources={"metadata": {"path": str(NOTEBOOK.parent)}})
    client.execute(env=dict(os.environ))
    outputs = [o for cell in notebook.cells if cell.cell_type == "code" for o in cell.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    assert any("[[" in o.get("text", "") for o in outputs)  # a target shown in its context

"""The notebooks run top to bottom on real pipeline output, and every chart cell draws."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from pipeline.refresh import run_refresh

NOTEBOOKS = Path("notebooks")
DOCS = ("haiduong-2016-kh681", "daklak-2018-qd168")


def _disagreeing_gold(folder: Path) -> None:
    """The seeds' gold, one of them read otherwise (a target's value and another's year, an
    assignment's agency), so the evaluators' notebook has misses of every kind to show."""
    for name in DOCS:
        shutil.copy(f"gold/{name}.json", folder)
    path = folder / f"{DOCS[1]}.json"
    gold = json.loads(path.read_text("utf-8"))
    gold["targets"][0]["value"] += 1
    gold["targets"][1]["year"] = (gold["targets"][1]["year"] or 2020) + 1
    gold["assignments"][0]["agency"] = "Sở Nội vụ"
    path.write_text(json.dumps(gold, ensure_ascii=False), "utf-8")


@pytest.fixture(scope="module")
def env(tmp_path_factory) -> dict[str, str]:
    """Two seeds processed into an output folder, and gold that disagrees in places."""
    out, gold = tmp_path_factory.mktemp("nb_out"), tmp_path_factory.mktemp("nb_gold")
    run_refresh([f"corpora/raw/{name}.txt" for name in DOCS], str(out), mode="replace")
    _disagreeing_gold(gold)
    return {**os.environ, "VNPLAN_OUT": str(out), "VNPLAN_GOLD": str(gold),
            "VNPLAN_CORPUS": str(Path("corpora/raw").resolve())}


def _execute(name: str, env: dict[str, str]) -> nbformat.NotebookNode:
    notebook = nbformat.read(NOTEBOOKS / name, as_version=4)
    client = NotebookClient(notebook, timeout=180, kernel_name="python3",
                            resources={"metadata": {"path": str(NOTEBOOKS)}})
    client.execute(env=env)
    return notebook


def _chart_cells(notebook: nbformat.NotebookNode) -> list:
    return [c for c in notebook.cells if "chart" in c.metadata.get("tags", [])]


@pytest.mark.parametrize("name", ["explore_tables.ipynb", "evaluate_scores.ipynb"])
def test_notebook_runs_and_every_chart_cell_draws_an_image(env, name):
    notebook = _execute(name, env)
    outputs = [o for c in notebook.cells if c.cell_type == "code" for o in c.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    charts = _chart_cells(notebook)
    assert charts, "a notebook with charts tags their cells 'chart'"
    for cell in charts:
        images = [o for o in cell.outputs if "image/png" in o.get("data", {})]
        assert images, f"chart cell drew nothing: {cell.source[:80]!r}"
    if name == "explore_tables.ipynb":
        assert any("[[" in o.get("text", "") for o in outputs)  # a target in its context
    else:
        shown = [o["data"]["text/html"] for o in outputs if "text/html" in o.get("data", {})]
        worst = [html for html in shown if "mean F1" in html]
        assert worst and all(k in worst[0] for k in ("<mark", "FN", "near miss (year)"))

"""A real Label Studio (its own virtual environment, SQLite): tasks exported by vnplan are
imported through its API, an annotator's annotation is submitted, the project is exported and
`vnplan gold import` turns the export back into gold."""

from __future__ import annotations

import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from browser import chromium
from selenium.webdriver.support.ui import WebDriverWait

from pipeline.cli import main
from pipeline.gold import check_gold_dir
from pipeline.refresh import run_refresh

pytestmark = pytest.mark.slow
LS_VENV = Path(".venv-ls")
LABEL_STUDIO, TEMPLATE = LS_VENV / "bin" / "label-studio", LS_VENV / "template-data"
GOLD_DOC, NEW_DOC = "daklak-2018-qd168", "hoaphong-2014-kh112"
START_TIMEOUT = 300


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class LabelStudio:
    """A Label Studio server on a copy of the migrated template, and calls to its API."""

    def __init__(self, root: Path):
        self.data = root / "ls-data"
        shutil.copytree(TEMPLATE, self.data)
        self.port, self.token = _free_port(), secrets.token_hex(20)
        self.email, self.password = "annotator@vnplan.test", secrets.token_hex(8)
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = root / "label-studio.log"
        env = {**os.environ, "LABEL_STUDIO_BASE_DATA_DIR": str(self.data), "HOME": str(root),
               "LATEST_VERSION_CHECK": "false", "COLLECT_ANALYTICS": "false",
               "LABEL_STUDIO_DISABLE_SIGNUP_WITHOUT_LINK": "true"}
        with self.log.open("wb") as log:
            self.process = subprocess.Popen(
                [str(LABEL_STUDIO), "start", "--no-browser", "--data-dir", str(self.data),
                 "--internal-host", "127.0.0.1", "--port", str(self.port),
                 "--username", self.email, "--password", self.password,
                 "--user-token", self.token, "--enable-legacy-api-token"],
                stdout=log, stderr=subprocess.STDOUT, env=env, start_new_session=True)

    def wait(self) -> None:
        """Until /health answers (the process must stay alive meanwhile)."""
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"Label Studio exited: {self.log.read_text()[-2000:]}")
            try:
                with urllib.request.urlopen(f"{self.url}/health", timeout=2) as response:
                    if response.status == 200:
                        return
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                pass
            time.sleep(1)
        raise RuntimeError(f"Label Studio did not start: {self.log.read_text()[-2000:]}")

    def call(self, method: str, path: str, body=None):
        """One API call with the user's token; the decoded JSON answer."""
        request = urllib.request.Request(
            self.url + path, method=method,
            data=None if body is None else json.dumps(body).encode("utf-8"),
            headers={"Authorization": f"Token {self.token}", "Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=120) as response:
            raw = response.read()
        return json.loads(raw) if raw else None

    def stop(self) -> None:
        """Stop the server and everything it started (its own process group)."""
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()


@pytest.fixture(scope="module")
def label_studio(tmp_path_factory):
    assert LABEL_STUDIO.exists() and TEMPLATE.is_dir(), \
        "Label Studio is not installed: run `make setup` (scripts/setup_label_studio.sh)"
    server = LabelStudio(tmp_path_factory.mktemp("label_studio"))
    try:
        server.wait()
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="module")
def tasks_file(tmp_path_factory) -> Path:
    """Tasks for one document with gold (annotation) and one without (predictions)."""
    root = tmp_path_factory.mktemp("ls_tasks")
    (root / "gold").mkdir()
    shutil.copy(f"gold/{GOLD_DOC}.json", root / "gold")
    run_refresh([f"tests/fixtures/genre/{NEW_DOC}.txt"], str(root / "out"), mode="replace")
    assert main(["gold", "export", "--pred", str(root / "out"), "--gold", str(root / "gold"),
                 "--out", str(root / "tasks.json")]) == 0
    return root / "tasks.json"


def _annotate(result: list[dict]) -> tuple[list[dict], str]:
    """What an annotator does to the pre-annotations: corrects one target's code and deletes
    one target; returns the new result and the evidence of the corrected target."""
    labels = [r for r in result if r["type"] == "labels" and r["value"]["labels"] == ["Target"]]
    fixed, dropped = labels[0]["id"], labels[-1]["id"]
    kept = [r for r in result if r["id"] != dropped]
    for r in kept:
        if r["id"] == fixed and r["from_name"] == "target_code":
            r["value"]["choices"] = ["EDUCATION"]
    return kept, labels[0]["value"]["text"]


@pytest.fixture(scope="module")
def project(label_studio, tasks_file) -> dict:
    """A project with vnplan's labeling config and the two tasks imported."""
    config = tasks_file.with_name("tasks.label_config.xml").read_text("utf-8")
    created = label_studio.call("POST", "/api/projects",
                                {"title": "vnplan gold", "label_config": config})
    tasks = json.loads(tasks_file.read_text("utf-8"))
    imported = label_studio.call("POST", f"/api/projects/{created['id']}/import", tasks)
    assert (imported["task_count"], imported["annotation_count"],
            imported["prediction_count"]) == (2, 1, 1)
    listed = label_studio.call("GET", f"/api/tasks?project={created['id']}&fields=all")
    return {"id": created["id"], "tasks": tasks,
            "task_ids": {t["data"]["doc_id"]: t["id"] for t in listed["tasks"]}}


def test_round_trip_through_a_real_label_studio(label_studio, project, tmp_path):
    new_task = label_studio.call("GET", f"/api/tasks/{project['task_ids'][NEW_DOC]}")
    result, evidence = _annotate(new_task["predictions"][0]["result"])
    label_studio.call("POST", f"/api/tasks/{new_task['id']}/annotations",
                      {"result": result, "was_cancelled": False, "ground_truth": False})
    export = label_studio.call("GET", f"/api/projects/{project['id']}/export?exportType=JSON")
    export_file = tmp_path / "export.json"
    export_file.write_text(json.dumps(export, ensure_ascii=False), "utf-8")
    gold2 = tmp_path / "gold2"
    assert main(["gold", "import", str(export_file), "--out", str(gold2)]) == 0
    assert (gold2 / f"{GOLD_DOC}.json").read_bytes() == Path(f"gold/{GOLD_DOC}.json").read_bytes()
    new_gold = json.loads((gold2 / f"{NEW_DOC}.json").read_text("utf-8"))
    predicted = [r for r in project["tasks"][1]["predictions"][0]["result"]
                 if r["type"] == "labels" and r["value"]["labels"] == ["Target"]]
    assert len(new_gold["targets"]) == len(predicted) - 1
    [corrected] = [t for t in new_gold["targets"] if t["evidence"] in " ".join(evidence.split())]
    assert corrected["code"] == "EDUCATION"
    assert check_gold_dir(gold2, Path("corpora/raw")) == []


def test_selecting_a_region_shows_its_fields_in_the_labeling_interface(label_studio, project):
    driver = chromium(1500, 1000)
    try:
        driver.get(f"{label_studio.url}/user/login")
        WebDriverWait(driver, 60).until(lambda d: d.find_elements("name", "email"))
        driver.find_element("name", "email").send_keys(label_studio.email)
        driver.find_element("name", "password").send_keys(label_studio.password)
        driver.find_element("css selector", "button[type=submit]").click()
        WebDriverWait(driver, 60).until(lambda d: "/user/login" not in d.current_url)
        driver.get(f"{label_studio.url}/projects/{project['id']}/data"
                   f"?task={project['task_ids'][GOLD_DOC]}")
        meetings = WebDriverWait(driver, 120).until(lambda d: [
            s for s in d.find_elements("css selector", "span.htx-highlight")
            if s.text.startswith("30% cuộc họp")])
        driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", meetings[0])
        meetings[0].click()
        panel = WebDriverWait(driver, 30).until(lambda d: [
            p for p in d.find_elements("css selector", ".vnplan-fields")
            if "Target fields" in p.text])
        assert "Heading fields" not in panel[0].text and "indicator" in panel[0].text
        checked = [box.find_element("xpath", "ancestor::label[1]").text for box in
                   panel[0].find_elements("css selector", "input[type=checkbox]")
                   if box.is_selected()]
        assert "MEETINGS" in " ".join(checked)
    finally:
        driver.quit()

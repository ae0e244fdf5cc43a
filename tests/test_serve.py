"""`vnplan serve`: a Prefect deployment that refreshes the tables on its cron schedule
against a running `prefect server start`; a run given a folder that is gone ends Failed."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pandas as pd
import pytest
from plans import write_plans

from pipeline.cli import EXIT_USAGE, main


@pytest.fixture(scope="module")
def prefect_server(tmp_path_factory):
    """A long-lived Prefect server of its own (its own PREFECT_HOME), as a data team runs."""
    home = tmp_path_factory.mktemp("prefect-home")
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    env = {**os.environ, "PREFECT_HOME": str(home), "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
           "DO_NOT_TRACK": "1", "PREFECT_UI_ENABLED": "false"}
    env.pop("PREFECT_API_URL", None)
    server = subprocess.Popen([sys.executable, "-m", "prefect", "server", "start", "--host",
                               "127.0.0.1", "--port", str(port)], env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/api"
    deadline = time.monotonic() + 300
    while True:
        try:
            urllib.request.urlopen(f"{url}/health", timeout=2)
            break
        except OSError:
            if time.monotonic() > deadline or server.poll() is not None:
                server.kill()
                pytest.fail("prefect server start did not answer")
            time.sleep(0.5)
    yield url, home
    server.terminate()
    server.wait(timeout=60)


def test_serve_without_a_prefect_server_says_how_to_start_one(tmp_path, monkeypatch, capsys):
    write_plans(tmp_path / "corpus", 1)
    monkeypatch.delenv("PREFECT_API_URL", raising=False)
    assert main(["serve", str(tmp_path / "corpus"), "--out", str(tmp_path / "out")]) \
        == EXIT_USAGE
    assert "prefect server start" in capsys.readouterr().err


def test_serve_of_a_folder_that_does_not_exist_is_a_usage_error(tmp_path, capsys):
    assert main(["serve", str(tmp_path / "nope"), "--out", str(tmp_path / "out")]) == EXIT_USAGE
    assert "no such file or folder" in capsys.readouterr().err


def _flow_runs(url: str, deployment: str) -> list:
    import asyncio

    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import DeploymentFilter, DeploymentFilterName
    from prefect.settings import PREFECT_API_URL, temporary_settings

    async def read():
        async with get_client() as client:
            return await client.read_flow_runs(deployment_filter=DeploymentFilter(
                name=DeploymentFilterName(any_=[deployment])))

    with temporary_settings(updates={PREFECT_API_URL: url}):
        return asyncio.run(read())


@pytest.mark.slow
def test_a_served_deployment_refreshes_on_its_schedule_and_a_bad_folder_fails(
        prefect_server, tmp_path):
    url, home = prefect_server
    corpus, out = tmp_path / "corpus", tmp_path / "out"
    write_plans(corpus, 2)
    env = {**os.environ, "PREFECT_API_URL": url, "PREFECT_HOME": str(home),
           "PREFECT_RUNNER_POLL_FREQUENCY": "2"}
    serve = subprocess.Popen([sys.executable, "-m", "pipeline.cli", "serve", str(corpus),
                              "--out", str(out), "--cron", "* * * * *", "--name", "every-minute"],
                             env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 420
        completed = []
        while time.monotonic() < deadline and not completed:
            assert serve.poll() is None, serve.stderr.read().decode()
            time.sleep(3)
            completed = [r for r in _flow_runs(url, "every-minute")
                         if r.state and r.state.is_completed()]
        assert completed, "no scheduled run completed within 7 minutes"
        assert completed[0].auto_scheduled  # started by the schedule, not by hand
        assert len(pd.read_parquet(out / "documents.parquet")) == 2

        from prefect.deployments import run_deployment
        from prefect.settings import PREFECT_API_URL, temporary_settings

        with temporary_settings(updates={PREFECT_API_URL: url}):
            bad = run_deployment("process_corpus/every-minute", timeout=240,
                                 parameters={"paths": [str(tmp_path / "moved-away")]})
        assert bad.state.is_failed(), bad.state
        assert len(pd.read_parquet(out / "documents.parquet")) == 2  # the set is untouched
    finally:
        serve.send_signal(signal.SIGINT)  # Ctrl-C
        try:
            serve.wait(timeout=120)
        except subprocess.TimeoutExpired:
            serve.kill()
            serve.wait()


def test_the_deployment_runs_the_flow_by_module_path():
    from pipeline.flows import process_corpus

    assert process_corpus.name == "process_corpus"
    assert Path(sys.modules["pipeline.flows"].__file__).name == "flows.py"

"""The temporary Prefect server of a run: waited for while slow, with a clear message when
it never answers, and never left running after its run, however the run ends (kill -9 is in
test_crash)."""

from __future__ import annotations

import http.server
import os
import signal
import socket
import subprocess
import sys
import threading
import time

import pytest
from plans import write_plans
from servers import servers_while_running, wait_gone

from pipeline import tempserver


def without_api_url() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"}


def test_sigterm_of_a_run_stops_its_temporary_server(tmp_path):
    corpus = tmp_path / "corpus"
    write_plans(corpus, 3)
    process = subprocess.Popen([sys.executable, "-m", "pipeline.cli", "run", str(corpus),
                                "--out", str(tmp_path / "out"), "--quiet"],
                               env=without_api_url(), stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE, text=True)
    servers = servers_while_running(process, until=bool)
    assert servers, "the run ended before starting a server"
    time.sleep(1.0)
    process.send_signal(signal.SIGTERM)
    process.wait(timeout=120)
    assert process.returncode == 128 + signal.SIGTERM, process.stderr.read()
    assert not wait_gone(servers), "the temporary Prefect server outlived its run"
    assert not list((tmp_path / "out" / ".versions").glob(".build-*"))


def test_a_server_that_never_answers_fails_the_run_clearly_and_is_stopped(tmp_path):
    corpus = tmp_path / "corpus"
    write_plans(corpus, 1)
    env = without_api_url() | {"VNPLAN_SERVER_START_TIMEOUT": "0.5"}
    process = subprocess.Popen([sys.executable, "-m", "pipeline.cli", "run", str(corpus),
                                "--out", str(tmp_path / "out"), "--quiet"], env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    servers = servers_while_running(process)
    message = process.stderr.read()
    assert process.returncode == 1
    assert "did not answer within 0.5 s" in message
    assert "VNPLAN_SERVER_START_TIMEOUT" in message and "prefect server start" in message
    assert not wait_gone(servers)


class _Health(http.server.BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 - the http.server API
        self.send_response(200 if self.path == "/api/health" else 404)
        self.end_headers()
        self.wfile.write(b"true")

    def log_message(self, *args):
        pass


def test_a_slow_server_is_waited_for_with_a_notice(monkeypatch, capsys):
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    servers: list[http.server.HTTPServer] = []

    def start_late() -> None:  # nothing listens on the port for the first 2 s
        servers.append(http.server.HTTPServer(("127.0.0.1", port), _Health))
        servers[0].serve_forever()

    stand_in = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    monkeypatch.setattr(tempserver, "_NOTICE_EVERY", 0.5)
    starter = threading.Timer(2.0, start_late)
    started = time.monotonic()
    starter.start()
    try:
        tempserver._wait(stand_in, f"http://127.0.0.1:{port}/api", timeout=30)
        assert time.monotonic() - started >= 1.9
    finally:
        stand_in.kill()
        stand_in.wait()
        starter.cancel()
        if servers:
            servers[0].shutdown()
    assert "waiting for Prefect's temporary server" in capsys.readouterr().err


@pytest.mark.parametrize(("value", "seconds"), [("", 180.0), ("42", 42.0), (" 7.5 ", 7.5)])
def test_the_start_timeout_is_a_setting(monkeypatch, value, seconds):
    monkeypatch.setenv(tempserver.START_TIMEOUT_ENV, value)
    assert tempserver.start_timeout() == seconds

"""A temporary Prefect API server for this process, that never outlives it.

Without `PREFECT_API_URL`, Prefect starts its own temporary server, gives it 20 s to answer
(on a loaded machine it takes longer, and the run failed with exit 1), and stops it only
from an `atexit` hook: SIGTERM or kill -9 of the run left it running, orphaned. This module
starts the same server itself instead, once per process:

- the kernel sends it SIGTERM when the process that started it dies, however it dies
  (`PR_SET_PDEATHSIG`, armed in the child before it becomes the server);
- it is waited for up to `VNPLAN_SERVER_START_TIMEOUT` seconds (default 180), with a line on
  stderr every 15 s while it is slow, and a message saying what to do if it never answers;
- it is stopped at exit (SIGTERM of a `vnplan` command exits through Python, so this runs),
  after Prefect's queued events are sent.

With `PREFECT_API_URL` set (a long-lived `prefect server start`), nothing is started.
"""

from __future__ import annotations

import atexit
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from pipeline.env import UNUSED_OPTIONAL_IMPORTS

START_TIMEOUT_ENV = "VNPLAN_SERVER_START_TIMEOUT"
DEFAULT_START_TIMEOUT = 180.0
_PR_SET_PDEATHSIG = 1
_NOTICE_EVERY = 15.0
# Run in the child, which then becomes the server: ask the kernel for SIGTERM when the parent
# dies, give up if the parent died before the request, turn off the optional imports every
# vnplan process turns off (`pipeline.env`), then run uvicorn in this same process.
_ARM_AND_RUN = (
    "import ctypes, os, runpy, signal, sys; "
    f"ctypes.CDLL(None, use_errno=True).prctl({_PR_SET_PDEATHSIG}, signal.SIGTERM, 0, 0, 0); "
    "os.getppid() == int(sys.argv[1]) or os._exit(1); "
    f"[sys.modules.setdefault(name, None) for name in {UNUSED_OPTIONAL_IMPORTS!r}]; "
    "sys.argv = ['uvicorn', *sys.argv[2:]]; "
    "runpy.run_module('uvicorn', run_name='__main__', alter_sys=True)"
)


def start_timeout() -> float:
    """Seconds to wait for the temporary server (the setting, else the default)."""
    raw = os.environ.get(START_TIMEOUT_ENV, "").strip()
    try:
        return float(raw) if raw else DEFAULT_START_TIMEOUT
    except ValueError as exc:
        raise ValueError(f"{START_TIMEOUT_ENV}={raw!r} is not a number of seconds") from exc


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _server_command(port: int) -> list[str]:
    import importlib.util

    # where Prefect is installed, without importing it (the CLI starts the server first)
    app_dir = str(Path(importlib.util.find_spec("prefect").origin).parent.parent)
    return [sys.executable, "-c", _ARM_AND_RUN, str(os.getpid()),
            "--app-dir", app_dir, "--factory", "prefect.server.api.server:create_app",
            "--host", "127.0.0.1", "--port", str(port), "--log-level", "error",
            "--lifespan", "on"]


def _healthy(url: str) -> bool:
    import httpx

    try:
        return httpx.get(f"{url}/health", timeout=5).status_code == 200
    except httpx.HTTPError:
        return False


def _wait(process: subprocess.Popen, url: str, timeout: float) -> None:
    started = time.monotonic()
    notice = started + _NOTICE_EVERY
    while not _healthy(url):
        now = time.monotonic()
        if process.poll() is not None:
            raise RuntimeError(f"Prefect's temporary server exited with status "
                               f"{process.returncode} before answering")
        if now - started > timeout:
            raise RuntimeError(
                f"Prefect's temporary server did not answer within {timeout:g} s (a loaded "
                f"machine?): set {START_TIMEOUT_ENV} higher, or run `prefect server start` "
                "and export PREFECT_API_URL=http://127.0.0.1:4200/api")
        if now >= notice:
            print(f"vnplan: waiting for Prefect's temporary server ({now - started:.0f} s so "
                  f"far, up to {timeout:g} s: {START_TIMEOUT_ENV})", file=sys.stderr)
            notice = now + _NOTICE_EVERY
        time.sleep(0.2)


class _Server:
    """The process's temporary server."""

    process: subprocess.Popen | None = None
    url: str = ""
    ready: bool = False

    @classmethod
    def start(cls) -> None:
        """Start the server (again, if it died) without waiting for it to answer."""
        if cls.process is not None and cls.process.poll() is None:
            return
        from pipeline.env import quiet_prefect

        quiet_prefect()  # before the server reads its settings from the environment
        port = _free_port()
        env = {**os.environ, "PREFECT_UI_ENABLED": "0", "PREFECT__SERVER_EPHEMERAL": "1",
               "PREFECT__SERVER_FINAL": "1"}
        env.pop("PREFECT_API_URL", None)
        if cls.process is None:
            atexit.register(cls.stop)
        cls.process = subprocess.Popen(_server_command(port), env=env, stdin=subprocess.DEVNULL)
        cls.url, cls.ready = f"http://127.0.0.1:{port}/api", False

    @classmethod
    def ensure(cls) -> str:
        """The server's API URL once it answers, starting it when needed."""
        cls.start()
        if not cls.ready:
            try:
                _wait(cls.process, cls.url, start_timeout())
            except BaseException:
                _terminate(cls.process)
                cls.process, cls.url = None, ""
                raise
            cls.ready = True
            os.environ["PREFECT_API_URL"] = cls.url  # child processes (Dask workers) too
        return cls.url

    @classmethod
    def owns_environment(cls) -> bool:
        """True when PREFECT_API_URL is this module's server (not the user's)."""
        return bool(cls.url) and os.environ.get("PREFECT_API_URL") == cls.url

    @classmethod
    def stop(cls) -> None:
        """Send queued events, stop the server, forget it."""
        if cls.process is None:
            return
        if cls.process.poll() is None:
            _drain_events()
        _terminate(cls.process)
        if cls.owns_environment():
            os.environ.pop("PREFECT_API_URL", None)
        cls.process, cls.url, cls.ready = None, "", False


def _drain_events() -> None:
    """Send Prefect's queued events before the server goes (else they are retried, noisily,
    against a server that is gone)."""
    from prefect.events.worker import EventsWorker

    EventsWorker.drain_all(timeout=10, at_exit=False)


def _terminate(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@contextmanager
def prefect_api() -> Iterator[str | None]:
    """Inside the block Prefect talks to a server: PREFECT_API_URL's when the user set one
    (yields None), else this process's temporary server (yields its URL)."""
    if os.environ.get("PREFECT_API_URL") and not _Server.owns_environment():
        yield None
        return
    from prefect.settings import PREFECT_API_URL, temporary_settings

    url = _Server.ensure()
    with temporary_settings(updates={PREFECT_API_URL: url}):
        yield url


def start_temporary_server() -> None:
    """Start the temporary server now, unless the user set PREFECT_API_URL: it boots while
    the caller imports Prefect and the pipeline (both take seconds), and `prefect_api`
    then waits only for what is left."""
    if not os.environ.get("PREFECT_API_URL"):
        _Server.start()


def stop_temporary_server() -> None:
    """Stop the temporary server now (it is stopped at exit anyway)."""
    _Server.stop()

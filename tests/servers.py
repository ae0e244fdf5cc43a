"""Watching the temporary Prefect servers a run starts (uvicorn children of its process)."""

from __future__ import annotations

import subprocess
import time

import psutil


def servers_while_running(process: subprocess.Popen, until=lambda seen: False) -> set[int]:
    """Pids of uvicorn processes started by `process`, watched until it ends or `until`."""
    seen: set[int] = set()
    while process.poll() is None and not until(seen):
        try:
            for child in psutil.Process(process.pid).children(recursive=True):
                if "uvicorn" in " ".join(child.cmdline()):
                    seen.add(child.pid)
        except psutil.Error:
            pass
        time.sleep(0.2)
    return seen


def alive(pids: set[int]) -> set[int]:
    """The pids still running (zombies count as gone)."""
    found = set()
    for pid in pids:
        try:
            if psutil.Process(pid).status() != psutil.STATUS_ZOMBIE:
                found.add(pid)
        except psutil.NoSuchProcess:
            pass
    return found


def wait_gone(pids: set[int], seconds: float = 30) -> set[int]:
    """The pids still running after waiting up to `seconds` for them to end."""
    deadline = time.monotonic() + seconds
    while alive(pids) and time.monotonic() < deadline:
        time.sleep(0.3)
    return alive(pids)

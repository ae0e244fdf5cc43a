"""kill -9 at any moment of a run, then a re-run: the output set is the old one or the new
one, never a mix; the re-run resumes from the cache and leaves nothing behind.

A run changes the file system visibly only by renames (everything else is written under
temporary names first), so killing it right after each of its renames, one run per rename,
covers every state a kill can leave; a few kills at arbitrary moments check that no write
escaped that discipline. The killed runs are real `vnplan run` processes (as plain functions,
`--no-prefect`, to keep the test short; one goes through Prefect), with `os.rename` and
`os.replace` wrapped to send SIGKILL after the n-th call.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pandas as pd
import pytest
from plans import small_plan, write_plans
from servers import servers_while_running, wait_gone

from pipeline.tables import RUN_COLUMNS, SCHEMAS

HOOK = r"""
import os, signal, sys
target, count = int(os.environ.get("KILL_AFTER_RENAME", "0")), 0
real = {"rename": os.rename, "replace": os.replace}
def wrap(name):
    def call(*args, **kwargs):
        global count
        result = real[name](*args, **kwargs)
        count += 1
        if count == target:
            os.kill(os.getpid(), signal.SIGKILL)
        return result
    return call
os.rename, os.replace = wrap("rename"), wrap("replace")
from pipeline.cli import main
status = main(sys.argv[1:])
print(f"renames: {count}", file=sys.stderr)
sys.exit(status)
"""
LEFTOVER = re.compile(r"^\.(build-|link-|tmp-|m\d)|\.tmp")


def vnplan(args: list[str], kill_after: int = 0, timeout: float = 600,
           env: dict | None = None) -> subprocess.CompletedProcess:
    environment = {**os.environ, "KILL_AFTER_RENAME": str(kill_after), **(env or {})}
    return subprocess.run([sys.executable, "-c", HOOK, *args], capture_output=True, text=True,
                          timeout=timeout, env=environment)


def visible_set(out: Path) -> dict[str, object]:
    """What a reader of `out` sees: every table (CSV and Parquet), the DuckDB tables and the
    cleaned texts, less the run bookkeeping (two runs over the same documents differ there)."""
    seen: dict[str, object] = {}
    if not (out / "documents.parquet").exists():
        return seen
    for name in SCHEMAS:
        for kind, frame in (("parquet", pd.read_parquet(out / f"{name}.parquet")),
                            ("csv", pd.read_csv(out / f"{name}.csv", dtype=str))):
            seen[f"{name}.{kind}"] = frame.drop(columns=list(RUN_COLUMNS), errors="ignore") \
                .astype(str).to_csv(index=False)
    con = duckdb.connect(str(out / "vnplan.duckdb"), read_only=True)
    try:
        for name in SCHEMAS:
            frame = con.execute(f'SELECT * FROM "{name}"').df()
            seen[f"duckdb.{name}"] = frame.drop(columns=list(RUN_COLUMNS), errors="ignore") \
                .astype(str).to_csv(index=False)
    finally:
        con.close()
    for path in sorted((out / "cleaned").iterdir()):
        seen[f"cleaned/{path.name}"] = path.read_text(encoding="utf-8")
    return seen


def leftovers(out: Path) -> list[str]:
    """Temporary files and folders anywhere under `out`."""
    return [str(p.relative_to(out)) for p in out.rglob("*") if LEFTOVER.search(p.name)]


def from_cache(result: subprocess.CompletedProcess) -> int:
    found = re.search(r"\((\d+) unchanged or from cache\)", result.stdout)
    assert found, result.stdout + result.stderr
    return int(found.group(1))


@pytest.fixture(scope="module")
def scenario(tmp_path_factory):
    """An output set A of three plans; the refresh that changes one and adds one gives B."""
    root = tmp_path_factory.mktemp("crash")
    corpus = root / "corpus"
    write_plans(corpus, 3)
    old = root / "old"
    assert vnplan(["run", str(corpus), "--out", str(old), "--no-prefect"]).returncode == 0
    (corpus / "plan-2.txt").write_text(small_plan(2, percent=91), encoding="utf-8")
    write_plans(corpus, 1, start=4)
    reference = root / "reference"
    shutil.copytree(old, reference, symlinks=True)
    full = vnplan(["run", str(corpus), "--out", str(reference), "--no-prefect"])
    assert full.returncode == 0, full.stderr
    renames = int(re.search(r"renames: (\d+)", full.stderr).group(1))
    return corpus, old, visible_set(old), visible_set(reference), renames, root


def check_killed_then_rerun(scenario, out: Path, killed: subprocess.CompletedProcess,
                            stored: int) -> None:
    """The set after the kill is A or B; a re-run makes it B, takes the `stored` documents
    the killed run had cached back from the cache, and leaves no temporary file."""
    corpus, _, before, after, _, _ = scenario
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    seen = visible_set(out)
    assert seen in (before, after), "a mix of the old and the new set"
    rerun = vnplan(["run", str(corpus), "--out", str(out), "--no-prefect"])
    assert rerun.returncode == 0, rerun.stderr
    assert visible_set(out) == after
    assert leftovers(out) == []
    assert len(list((out / ".versions").iterdir())) <= 2
    # 4 inputs: 2 unchanged, 2 to process (changed, added), stored as each finished
    assert from_cache(rerun) == (4 if seen == after else 2 + stored)


def test_the_refresh_renames_enough_to_be_worth_killing(scenario):
    assert scenario[4] == 6  # two cache entries, two cleaned texts, the version, the switch


@pytest.mark.parametrize("nth", range(1, 7))
def test_kill_after_each_rename_leaves_the_old_or_the_new_set(scenario, nth):
    corpus, old, _, _, _, root = scenario
    out = root / f"killed-{nth}"
    shutil.copytree(old, out, symlinks=True)
    killed = vnplan(["run", str(corpus), "--out", str(out), "--no-prefect"], kill_after=nth)
    check_killed_then_rerun(scenario, out, killed, stored=min(nth, 2))


@pytest.mark.parametrize("seconds", [2.0, 4.0, 6.0])
def test_kill_at_an_arbitrary_moment_leaves_the_old_or_the_new_set(scenario, seconds):
    corpus, old, before, after, _, root = scenario
    out = root / f"timed-{seconds}"
    shutil.copytree(old, out, symlinks=True)
    process = subprocess.Popen([sys.executable, "-m", "pipeline.cli", "run", str(corpus),
                                "--out", str(out), "--no-prefect", "--quiet"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(seconds)
    process.send_signal(signal.SIGKILL)
    process.wait()
    if process.returncode != -signal.SIGKILL:
        pytest.skip("the run finished before the kill")
    assert visible_set(out) in (before, after), "a mix of the old and the new set"
    rerun = vnplan(["run", str(corpus), "--out", str(out), "--no-prefect"])
    assert rerun.returncode == 0 and visible_set(out) == after and leftovers(out) == []


def test_kill_of_a_prefect_run_after_the_switch_leaves_the_new_set_and_no_server(scenario):
    corpus, old, _, after, _, root = scenario
    out = root / "prefect"
    shutil.copytree(old, out, symlinks=True)
    env = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"}
    env["VNPLAN_KILL_AT"] = "publish:switched"
    process = subprocess.Popen([sys.executable, "-m", "pipeline.cli", "run", str(corpus),
                                "--out", str(out), "--quiet"], env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    servers = servers_while_running(process)
    assert process.returncode == -signal.SIGKILL, process.stderr.read()
    assert servers, "the run started no temporary server"
    assert not wait_gone(servers), "the temporary Prefect server outlived its run"
    assert visible_set(out) == after
    killed = subprocess.CompletedProcess(process.args, process.returncode, "", "")
    check_killed_then_rerun(scenario, out, killed, stored=2)

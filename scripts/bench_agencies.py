"""Speed of agency finding on the seeds, against a baseline revision, in one run.

    .venv/bin/python scripts/bench_agencies.py                   # baseline: c3cee50
    .venv/bin/python scripts/bench_agencies.py --baseline REV --runs 7 --diff 20

The workload is what the pipeline really asks: every call of `find_agencies`, `canonical_name`
and `is_name_prefix` made while the five seeds are processed, recorded in order (whole documents,
table cells, fragments of scanned rows). The baseline implementation and its gazetteer are read
from git at REV into a temporary module. Each run replays the whole workload on one
implementation with its caches emptied first, as one pipeline process would; runs alternate
between the two. Prints the median seconds of each and their ratio, and with --diff the calls
whose answers differ (canonical names and spans), to review what the change does.
"""

from __future__ import annotations

import argparse
import importlib.util
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from extractors.mentions import agencies  # noqa: E402
from pipeline.process import process_path  # noqa: E402

SEEDS = sorted((ROOT / "corpora" / "raw").glob("*.txt"))
NAMES = ("find_agencies", "canonical_name", "is_name_prefix")


def record_workload() -> list[tuple[str, str]]:
    """(function name, argument) of every agency call made while processing the seeds."""
    calls: list[tuple[str, str]] = []
    originals = {name: getattr(agencies, name) for name in NAMES}

    def recorder(name):
        def call(text, *args, **kwargs):
            calls.append((name, text))
            return originals[name](text, *args, **kwargs)
        return call

    patched = []
    for module in list(sys.modules.values()):
        for name, func in originals.items():
            if getattr(module, name, None) is func:
                setattr(module, name, recorder(name))
                patched.append((module, name, func))
    try:
        for path in SEEDS:
            process_path(path)
    finally:
        for module, name, func in patched:
            setattr(module, name, func)
    return calls


def load_baseline(rev: str, folder: Path):
    """The agencies module and gazetteer of revision `rev`, as a module of its own."""
    source = subprocess.run(["git", "show", f"{rev}:extractors/mentions/agencies.py"], cwd=ROOT,
                            check=True, capture_output=True, text=True).stdout
    data = subprocess.run(["git", "show", f"{rev}:extractors/data/agencies.yaml"], cwd=ROOT,
                          check=True, capture_output=True, text=True).stdout
    (folder / "agencies.yaml").write_text(data, encoding="utf-8")
    (folder / "baseline_agencies.py").write_text(source, encoding="utf-8")
    spec = importlib.util.spec_from_file_location("baseline_agencies",
                                                  folder / "baseline_agencies.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["baseline_agencies"] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    module.DATA = folder / "agencies.yaml"
    return module


def clear_caches(module) -> None:
    """Empty every lru_cache of `module` (not the loaded data: that is loaded once anyway)."""
    for name in ("_find", "is_name_prefix"):
        func = getattr(module, name, None)
        if func is not None and hasattr(func, "cache_clear"):
            func.cache_clear()


def replay(module, calls: list[tuple[str, str]]) -> tuple[float, list]:
    """Seconds to answer every call with `module`, and the answers."""
    clear_caches(module)
    funcs = {name: getattr(module, name) for name in NAMES}
    t0 = time.perf_counter()
    answers = [funcs[name](arg) for name, arg in calls]
    return time.perf_counter() - t0, answers


def comparable(name: str, answer):
    """An answer as plain values, so the two implementations' answers compare."""
    if name == "find_agencies":
        return [(m.start, m.end, m.canonical, m.type) for m in answer]
    return answer


def main(argv: list[str] | None = None) -> int:
    """Record, replay on both implementations, print medians, ratio and differences."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline", default="c3cee50", help="git revision to compare with")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--diff", type=int, default=0, help="list up to N differing answers")
    args = parser.parse_args(argv)
    calls = record_workload()
    with tempfile.TemporaryDirectory() as tmp:
        base = load_baseline(args.baseline, Path(tmp))
        replay(base, calls[:50])
        replay(agencies, calls[:50])  # both loaded before timing
        times: dict[str, list[float]] = {"baseline": [], "current": []}
        for _ in range(args.runs):
            for label, module in (("baseline", base), ("current", agencies)):
                seconds, answers = replay(module, calls)
                times[label].append(seconds)
                if label == "baseline":
                    base_answers = answers
                else:
                    new_answers = answers
    counts = {name: sum(1 for n, _ in calls if n == name) for name in NAMES}
    print(f"workload: {len(calls)} calls on {len(SEEDS)} seeds "
          + ", ".join(f"{n} {c}" for n, c in counts.items()))
    med = {label: statistics.median(v) for label, v in times.items()}
    for label, value in med.items():
        print(f"{label:9} median {value:.3f} s over {args.runs} runs")
    print(f"ratio current / baseline: {med['current'] / med['baseline']:.2f}")
    differ = [(name, arg, comparable(name, a), comparable(name, b))
              for (name, arg), a, b in zip(calls, base_answers, new_answers, strict=True)
              if comparable(name, a) != comparable(name, b)]
    print(f"answers that differ: {len(differ)} of {len(calls)}")
    seen = set()
    for name, arg, a, b in differ:
        if name == "find_agencies":
            a, b = sorted(set(a) - set(b)), sorted(set(b) - set(a))
            a = [(arg[s:e], c, t) for s, e, c, t in a]
            b = [(arg[s:e], c, t) for s, e, c, t in b]
        key = (name, str(a), str(b))
        if key in seen or len(seen) >= args.diff:
            continue
        seen.add(key)
        print(f"- {name}({arg[:80]!r})\n    baseline only {a}\n    current only  {b}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""What a run changes in the output set: inputs compared with the previous version's members.

The set is one corpus, keyed by each input's absolute path. An input whose bytes and
pipeline are those the set already holds is carried over untouched (its rows are copied in
DuckDB, nothing is unpickled or recomputed); any other input is work: `added` (new),
`changed` (other bytes) or `recomputed` (same bytes, another pipeline, or a failure worth
another try). Members that are not among the inputs are what the mode decides:

- `refresh` (the default): the inputs are the whole set, and a run that would drop members
  is refused (RefusedError: exit 2, nothing written) — a mistyped folder must not empty the
  tables;
- `append`: the inputs are added to the set; the other members stay as they are;
- `replace`: the set becomes exactly the inputs; the others are removed.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

import pyarrow.parquet as pq

from pipeline.errors import RefusedError, UsageError, VnplanError
from pipeline.fingerprint import cache_key, code_fingerprint
from pipeline.ingest.limits import limits_signature
from pipeline.inputs import file_sha256, source_key

MODES = ("refresh", "append", "replace")
MEMBERS = ".members.parquet"
CONFIG = "suggest_only=False"


def run_config() -> str:
    """The configuration part of cache keys: processing options and hostile-input limits."""
    return f"{CONFIG};{limits_signature()}"


def pipeline_id() -> str:
    """Code fingerprint and configuration: rows computed under another id are recomputed."""
    config = hashlib.sha256(run_config().encode()).hexdigest()[:8]
    return f"{code_fingerprint()}-{config}"


@dataclass(frozen=True)
class Member:
    """A document of the previous version, as its manifest records it."""

    source: str
    doc_id: str | None
    natural: str | None
    sha256: str
    pipeline: str
    failed: bool


@dataclass
class WorkItem:
    """An input to place in this run, from the cache or by processing it."""

    path: str  # as given
    key: str  # absolute path: its identity in the set
    sha256: str
    cache_key: str
    previous: Member | None
    kind: str  # added, changed or recomputed


@dataclass
class Unreadable:
    """An input whose bytes could not even be hashed: a failure without a record."""

    path: str
    key: str
    error: VnplanError
    previous: Member | None


@dataclass
class Plan:
    """What the run will carry over, place and remove."""

    mode: str
    inputs: int
    work: list[WorkItem] = field(default_factory=list)
    unreadable: list[Unreadable] = field(default_factory=list)
    keep_docs: list[str] = field(default_factory=list)
    keep_failures: list[str] = field(default_factory=list)
    carried_inputs: list[str] = field(default_factory=list)  # inputs carried over
    unchanged: int = 0
    removed: list[str] = field(default_factory=list)

    def count(self, kind: str) -> int:
        """Work items (and unreadable inputs) of one kind: added, changed, recomputed."""
        unreadable = sum(1 for u in self.unreadable if _kind(u.previous, None) == kind)
        return sum(1 for item in self.work if item.kind == kind) + unreadable


def _kind(previous: Member | None, sha256: str | None) -> str:
    if previous is None:
        return "added"
    return "recomputed" if previous.sha256 == sha256 else "changed"


def input_cache_key(path: str, sha256: str, config: str | None = None) -> str:
    """The cache key of the input at `path` whose bytes hash to `sha256`."""
    # the reader is chosen by the file's suffix: the same bytes as .txt and .pdf differ
    config = run_config() if config is None else config
    return cache_key(sha256, f"{config};reader={Path(path).suffix.lower()}")


def load_members(version: Path | None) -> dict[str, Member]:
    """The manifest of a published version, by source (empty before the first run)."""
    path = version / MEMBERS if version else None
    if path is None or not path.is_file():
        return {}
    rows = pq.read_table(path).to_pylist()
    return {row["source"]: Member(**row) for row in rows}


def check_removals(members: dict[str, Member], keys: set[str], mode: str, out: Path) -> list[str]:
    """Members the run would drop; refused in `refresh` mode (see the module docstring)."""
    if mode not in MODES:
        raise UsageError(f"unknown mode {mode!r} (one of {', '.join(MODES)})")
    missing = sorted(set(members) - keys)
    if missing and mode == "refresh":
        shown = "\n  ".join(missing[:5]) + (f"\n  … and {len(missing) - 5} more"
                                            if len(missing) > 5 else "")
        raise RefusedError(
            f"refusing to drop {len(missing)} document(s) of the set in {out} that are not "
            f"among this run's inputs:\n  {shown}\nPass --append to add these inputs and keep "
            "the others, or --replace to make the set exactly these inputs. Nothing was "
            "written.")
    return missing


def plan_run(members: dict[str, Member], inputs: list[str], mode: str, out: Path,
             has_cached, use_cache: bool = True) -> Plan:
    """Compare inputs with the previous members. `has_cached(key)` says whether the cache
    holds a result (a failure is carried over only then: a crash is tried again)."""
    keyed = {source_key(path): path for path in inputs}
    missing = check_removals(members, set(keyed), mode, out)
    plan = Plan(mode, len(keyed))
    pipeline, config = pipeline_id(), run_config()
    for key, path in sorted(keyed.items()):
        member = members.get(key)
        try:
            sha = file_sha256(path)
        except VnplanError as exc:
            plan.unreadable.append(Unreadable(path, key, exc, member))
            continue
        ckey = input_cache_key(path, sha, config)
        if (use_cache and member is not None and member.sha256 == sha
                and member.pipeline == pipeline and (not member.failed or has_cached(ckey))):
            _carry(plan, member)
            plan.unchanged += 1
            plan.carried_inputs.append(key)
            continue
        plan.work.append(WorkItem(path, key, sha, ckey, member, _kind(member, sha)))
    if mode == "append":
        for key in missing:
            _carry(plan, members[key])
    else:
        plan.removed = missing
    return plan


def _carry(plan: Plan, member: Member) -> None:
    if member.failed:
        plan.keep_failures.append(member.source)
    else:
        assert member.doc_id is not None
        plan.keep_docs.append(member.doc_id)

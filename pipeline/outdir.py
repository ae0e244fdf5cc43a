"""The output folder: versions published whole by one atomic rename, and a lock.

    out/
      documents.csv -> current/documents.csv      fixed links, one per published name
      cleaned -> current/cleaned
      current -> .versions/<run_id>              the one rename that publishes a run
      .versions/<run_id>/                         complete output sets (current + previous)
      .versions/.build-<run_id>/                  the set a run is building
      .cache/                                     results by content (pipeline.store)
      .lock, .vnplan-output                       the writers' lock; "never read as input"

A run builds its whole set (tables, DuckDB, cleaned texts, the runs table) in a build folder,
renames it to a version, and switches `current` to it by renaming a new link over the old:
a reader, and a run killed at any moment (kill -9 included), sees the old set or the new
one, never a mix. Leftovers of killed runs are removed by the next run, under the lock. The
previous version is kept so a reader who resolved `current` just before a switch can finish;
older ones are pruned. Files and folders are created with the modes the umask gives.
"""

from __future__ import annotations

import fcntl
import os
import shutil
import socket
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from pipeline.errors import OutputBusyError
from pipeline.faults import checkpoint
from pipeline.inputs import OUTPUT_MARKER
from pipeline.tables import SCHEMAS

PUBLISHED = [f"{name}.{ext}" for name in (*SCHEMAS, "runs") for ext in ("csv", "parquet")] \
    + ["vnplan.duckdb", "cleaned"]
_BUILD = ".build-"
_TEMP_LINK = ".link-"


class OutputFolder:
    """One output folder and its versions."""

    def __init__(self, path: str | Path):
        self.path = Path(path).absolute()
        self.versions = self.path / ".versions"
        self.current = self.path / "current"
        self.cache_dir = self.path / ".cache"

    @contextmanager
    def locked(self) -> Iterator[None]:
        """Hold the folder's lock for the block; another writer gets OutputBusyError. The
        lock dies with its process, so a killed run never leaves the folder locked."""
        self.path.mkdir(parents=True, exist_ok=True)
        (self.path / OUTPUT_MARKER).touch()
        handle = open(self.path / ".lock", "a+", encoding="utf-8")  # noqa: SIM115
        try:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                handle.seek(0)
                holder = handle.read().strip() or "another process"
                raise OutputBusyError(
                    f"{self.path} is being written by another vnplan run ({holder}); wait "
                    "for it to finish, or write to another --out folder") from None
            handle.seek(0)
            handle.truncate()
            handle.write(f"pid {os.getpid()} on {socket.gethostname()}, since "
                         f"{time.strftime('%Y-%m-%d %H:%M:%S')}\n")
            handle.flush()
            yield
        finally:
            handle.close()  # closing releases the lock

    def check_free(self) -> None:
        """Raise OutputBusyError now if another run holds the lock (a check before start-up;
        `locked` is what excludes a second writer)."""
        if (self.path / ".lock").is_file():
            with self.locked():
                pass

    def current_version(self) -> Path | None:
        """The published version folder, or None before the first run."""
        if not self.current.is_symlink():
            return None
        target = self.current.resolve()
        return target if target.is_dir() else None

    def sweep(self) -> list[str]:
        """Remove what killed runs left (build folders, temporary links) and versions that
        are neither current nor the one before; what was removed."""
        removed = []
        if self.versions.is_dir():
            for entry in self.versions.iterdir():
                if entry.name.startswith(_BUILD):
                    shutil.rmtree(entry, ignore_errors=True)
                    removed.append(entry.name)
        for entry in self.path.glob(f"{_TEMP_LINK}*"):
            entry.unlink(missing_ok=True)
            removed.append(entry.name)
        return removed

    def new_build(self, run_id: str) -> Path:
        """An empty build folder for run `run_id`."""
        build = self.versions / f"{_BUILD}{run_id}"
        build.mkdir(parents=True)
        return build

    def publish(self, build: Path, run_id: str) -> Path:
        """Make `build` the current version: one rename of the folder, one of the link."""
        before = self.current_version()
        version = self.versions / run_id
        os.rename(build, version)
        checkpoint("publish:renamed")
        self._adopt_legacy_files(run_id)
        self._link_published_names()
        checkpoint("publish:linked")
        self._relink(self.current, os.path.relpath(version, self.path))
        checkpoint("publish:switched")
        self._prune(keep={version.name, before.name if before else ""})
        return version

    def _relink(self, link: Path, target: str) -> None:
        """Point `link` at `target` atomically (a new link renamed over the old one)."""
        temp = self.path / f"{_TEMP_LINK}{link.name}.{os.getpid()}"
        temp.unlink(missing_ok=True)
        os.symlink(target, temp)
        os.replace(temp, link)

    def _link_published_names(self) -> None:
        """The fixed links `out/<name> -> current/<name>` (made once; they never change)."""
        for name in PUBLISHED:
            link = self.path / name
            if not link.is_symlink():
                self._relink(link, f"current/{name}")

    def _adopt_legacy_files(self, run_id: str) -> None:
        """Move the plain files of an output folder written by an older vnplan (tables in
        place, no versions) aside, so the fixed links can take their names."""
        legacy = [self.path / name for name in PUBLISHED
                  if (self.path / name).exists() and not (self.path / name).is_symlink()]
        if not legacy:
            return
        aside = self.versions / f"legacy-{run_id}"
        aside.mkdir(parents=True, exist_ok=True)
        for path in legacy:
            os.rename(path, aside / path.name)

    def _prune(self, keep: set[str]) -> None:
        for entry in self.versions.iterdir():
            if entry.name not in keep and not entry.name.startswith(_BUILD):
                with suppress(OSError):
                    shutil.rmtree(entry)

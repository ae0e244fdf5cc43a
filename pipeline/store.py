"""The result cache: one `DocumentRecord` per (content, pipeline, configuration) key.

Each entry is written to a temporary file and renamed into place, so a run killed mid-write
leaves either the whole entry or none; an entry that does not load (a disk error, a damaged
file) is a miss, never a crash. A cache that cannot be written (a full disk, a read-only
folder) costs the next run time, never a document: `put` returns False and the run reports
a warning.

Why not Prefect's `ResultStore`: it writes in place (a kill leaves a truncated entry that
fails the next run), and it keeps records in an in-memory cache keyed by content, so two
inputs with the same bytes got one shared, mutable object.
"""

from __future__ import annotations

import os
import pickle
import zlib
from contextlib import suppress
from pathlib import Path

from pipeline.records import DocumentRecord

FORMAT = "v1"
_TEMP = ".tmp-"


class ResultCache:
    """Records on disk under `folder/v1/<key[:2]>/<key>`."""

    def __init__(self, folder: Path):
        self.root = Path(folder) / FORMAT
        self.warnings: list[str] = []

    def _path(self, key: str) -> Path:
        return self.root / key[:2] / key

    def has(self, key: str) -> bool:
        """True when an entry exists for `key` (it may still fail to load)."""
        return self._path(key).is_file()

    def get(self, key: str) -> DocumentRecord | None:
        """The record stored under `key`, or None (missing, or damaged and removed)."""
        path = self._path(key)
        try:
            data = path.read_bytes()
        except (FileNotFoundError, NotADirectoryError):
            return None
        except OSError as exc:
            self.warnings.append(f"cache entry {path} cannot be read ({exc.strerror})")
            return None
        try:
            record = pickle.loads(zlib.decompress(data))
        except Exception:  # noqa: BLE001 - any damage: recompute, and drop the entry
            self.warnings.append(f"cache entry {path} is damaged: recomputed")
            path.unlink(missing_ok=True)
            return None
        return record if isinstance(record, DocumentRecord) else None

    def put(self, key: str, record: DocumentRecord) -> bool:
        """Store `record`; False (with a warning) when the cache cannot be written."""
        path = self._path(key)
        tmp = path.with_name(f"{_TEMP}{path.name}.{os.getpid()}")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp.write_bytes(zlib.compress(pickle.dumps(record, protocol=5), 1))
            os.replace(tmp, path)
        except OSError as exc:
            self.warnings.append(f"cache not written ({exc.strerror or exc}): "
                                 f"the document is kept, the next run recomputes it")
            with suppress(OSError):
                tmp.unlink(missing_ok=True)
            return False
        return True

    def sweep(self) -> int:
        """Remove temporary files left by killed runs; how many there were."""
        if not self.root.is_dir():
            return 0
        removed = 0
        for tmp in self.root.glob(f"*/{_TEMP}*"):
            tmp.unlink(missing_ok=True)
            removed += 1
        return removed

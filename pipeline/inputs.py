"""Which files a run reads, and their content hashes.

Folders are searched recursively for supported files, skipping hidden paths, READMEs,
folders marked `.vnplanignore`, and every vnplan output folder (marked `.vnplan-output`, and
the run's own `--out`): a run's tables, cleaned texts and cache are never read back as
inputs, wherever `--out` points.
"""

from __future__ import annotations

import hashlib
import os
import stat
from collections.abc import Iterable
from pathlib import Path

from pipeline.errors import UnreadableFileError, UsageError

IGNORE_MARKER = ".vnplanignore"
OUTPUT_MARKER = ".vnplan-output"
_CHUNK = 1 << 20


def _inside(path: Path, roots: Iterable[Path]) -> bool:
    return any(path == root or path.is_relative_to(root) for root in roots)


def _documents_in(folder: Path, excluded: list[Path],
                  unsupported: list[Path] | None = None) -> list[str]:
    """Supported files under `folder`, less what a run must not read; files of types vnplan
    does not read go to `unsupported`, so the batch summary can name them."""
    from pipeline.ingest import SUPPORTED

    skipped = [p.parent for p in folder.rglob(IGNORE_MARKER)]
    skipped += [p.parent for p in folder.rglob(OUTPUT_MARKER)]
    found = []
    for p in sorted(folder.rglob("*")):
        rel = p.parts[len(folder.parts):]
        if (not p.is_file() or any(part.startswith(".") for part in rel)
                or p.name.upper().startswith("README")
                or _inside(p, skipped) or _inside(p.resolve(), excluded)):
            continue
        if p.suffix.lower() not in SUPPORTED:
            if unsupported is not None:
                unsupported.append(p)
            continue
        found.append(str(p))
    return found


def unsupported_in(paths: list[str]) -> list[Path]:
    """Files of types vnplan does not read (.doc, .xlsx …) in the folders named."""
    unsupported: list[Path] = []
    for name in paths:
        if Path(name).is_dir():
            _documents_in(Path(name), [], unsupported)
    return unsupported


def output_folders(path: Path) -> list[Path]:
    """The vnplan output folders holding `path` (resolved), innermost first."""
    resolved = path.resolve()
    return [parent for parent in resolved.parents if (parent / OUTPUT_MARKER).is_file()]


def collect_inputs(paths: list[str], exclude: Iterable[str | Path] = ()) -> list[str]:
    """Files named and supported documents found (recursively) in folders named, sorted,
    never inside `exclude` (the run's output folder) or any other output folder."""
    excluded = [Path(p).resolve() for p in exclude]
    found: list[str] = []
    for name in paths:
        path = Path(name)
        if path.is_dir():
            found.extend(_documents_in(path, excluded))
        elif path.exists():
            if _inside(path.resolve(), excluded) or output_folders(path):
                raise UsageError(f"{name} is inside a vnplan output folder: outputs are never "
                                 "read as inputs")
            found.append(str(path))
        else:
            raise UsageError(f"no such file or folder: {name}")
    if not found:
        raise UsageError(f"no supported documents in {', '.join(paths) or 'no paths'}")
    return sorted(dict.fromkeys(found))


def source_key(path: str) -> str:
    """The identity of an input in the output set: its absolute path (not resolved through
    symlinks, so a link names its own document)."""
    return os.path.abspath(path)


def file_sha256(path: str) -> str:
    """SHA-256 of the file's bytes, read in chunks (a huge file costs no memory), or a typed
    error saying why it cannot be read."""
    try:
        mode = os.stat(path).st_mode
        if stat.S_ISDIR(mode):
            raise UnreadableFileError(path, "a directory, not a file")
        if not stat.S_ISREG(mode):
            # reading a FIFO would block until some writer appears, a device may never end
            raise UnreadableFileError(path, "not a regular file (a FIFO, socket or device)")
        digest = hashlib.sha256()
        with open(path, "rb") as handle:
            while chunk := handle.read(_CHUNK):
                digest.update(chunk)
    except PermissionError as exc:
        raise UnreadableFileError(path, "permission denied: the file cannot be read") from exc
    except OSError as exc:
        raise UnreadableFileError(path, f"cannot read the file: {exc.strerror}") from exc
    return digest.hexdigest()

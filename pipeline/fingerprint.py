"""The pipeline's identity for caching: code and data of every stage, plus configuration."""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path

import pipeline

_PACKAGES = ("pipeline", "extractors")
_SUFFIXES = {".py", ".yaml", ".yml", ".tsv", ".txt", ".csv", ".json", ".jsonl", ".gz", ".pkl"}


@cache
def code_fingerprint() -> str:
    """Hash of the source and data files of both packages (the built resources are package
    data: `pipeline/vi/data/`, `pipeline/clean/data/`).

    Any change to a rule, a lexicon or a pattern invalidates cached results; nothing else does.
    """
    root = Path(pipeline.__file__).resolve().parent.parent
    digest = hashlib.sha256(pipeline.__version__.encode())
    for folder in (root / name for name in _PACKAGES):
        if not folder.is_dir():
            continue
        for path in sorted(folder.rglob("*")):
            if path.suffix in _SUFFIXES and "__pycache__" not in path.parts:
                digest.update(str(path.relative_to(root)).encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def cache_key(content_sha256: str, config: str = "") -> str:
    """Key of one document's result: its content, the pipeline version, the configuration."""
    return hashlib.sha256(f"{content_sha256}:{code_fingerprint()}:{config}".encode()).hexdigest()

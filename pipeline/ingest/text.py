"""Plain text and Markdown files."""

from __future__ import annotations

from pathlib import Path

from pipeline.ingest.decode import decode_bytes
from pipeline.ingest.extracted import Extracted, ExtractedPage
from pipeline.ingest.limits import check_text


def read_text(path: Path, data: bytes) -> Extracted:
    """One page holding the decoded file."""
    text, encoding = decode_bytes(data, str(path))
    check_text(text, str(path))
    return Extracted([ExtractedPage(text)], encoding)

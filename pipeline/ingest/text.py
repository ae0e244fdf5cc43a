"""Plain text and Markdown files: the decoded text and the layout its characters show."""

from __future__ import annotations

from pathlib import Path

from pipeline.ingest.decode import decode_bytes
from pipeline.ingest.extracted import Extracted, ExtractedPage
from pipeline.ingest.textlayout import text_layout


def read_text(path: Path, data: bytes) -> Extracted:
    """One page holding the decoded file, with its tables and wrapped bold runs."""
    text, encoding = decode_bytes(data, str(path))
    return Extracted([ExtractedPage(text, layout=text_layout(text))], encoding)

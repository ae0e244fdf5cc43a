"""Unicode normalization of extracted text with a source offset map.

Every reader produces text in the source's own terms (decoded file, per-page PDF text, OCR
output); this module makes it NFC, converts legacy font encodings, and keeps the map from each
normalized character back to the source text.
"""

from __future__ import annotations

from pipeline.ingest.legacy import detect_legacy, legacy_edits
from pipeline.offsets import Edit, OffsetMap, apply_edits
from pipeline.vi.chars import nfc_fixes


def normalize_source(text: str) -> tuple[str, OffsetMap, str | None]:
    """NFC text with legacy encodings converted; its map to `text`; the legacy name found."""
    offset_map = OffsetMap.identity(len(text))
    legacy = detect_legacy(text)
    if legacy:
        text, step, _, _ = apply_edits(text, legacy_edits(text, legacy))
        offset_map = step.compose(offset_map)
    edits = [Edit(*f) for f in nfc_fixes(text)]
    if edits:
        text, step, _, _ = apply_edits(text, edits)
        offset_map = step.compose(offset_map)
    return text, offset_map, legacy

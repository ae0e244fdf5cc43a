"""Cleaning step: the declared Unicode normalization: NFC, Đ, invisible characters, stray
combining marks, line endings and space variants (`pipeline.vi.chars`).

These and the tone placement are the only changes the cleaner makes to typed text beyond its
layout; the do-no-harm measure counts every other change.
"""

from __future__ import annotations

from pipeline.clean.context import CleanContext
from pipeline.offsets import Edit
from pipeline.vi.chars import eth_fixes, layout_character_fixes, nfc_fixes


def edits(text: str, _ctx: CleanContext | None = None) -> list[Edit]:
    """All declared normalizations of `text` as edits."""
    return [Edit(*f) for f in nfc_fixes(text) + layout_character_fixes(text) + eth_fixes(text)]


DECLARED_REASONS = frozenset(
    {"NFC", "stray combining mark", "line ending", "invisible character", "space variant",
     "Ð (U+00D0) to Đ", "tone placement"}
)

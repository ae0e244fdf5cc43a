"""What a cleaning step is given besides the text: one `CleanContext` per document.

It carries the resources (loaded once per process), the frozen tuning config, the reader's
layout (kept in the text's current coordinates by the runner as earlier steps change the
text), where the text came from, and what earlier steps measured about the document: the
scan regime (the first debris pass) and, for a text file, whether it reads as typed or as OCR
(the assess step). Steps read and write these values here, never through module state.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pipeline.clean.config import CleanConfig
from pipeline.clean.resources import Resources, load_resources
from pipeline.model import Layout

ORIGINS = ("ocr", "digital", "text")


@dataclass
class CleanContext:
    """The document being cleaned, as the steps see it.

    `origin` is "ocr" (some page read by Tesseract), "digital" (a PDF text layer or a DOCX:
    typed, never OCR'd) or "text" (a text file, whose history is unknown: it may be an OCR'd
    scan saved as text). `regime` is "clean" or "speckled" once the first debris pass has
    measured it (None before). `reads_as` is "typed" or "ocr" once the assess step has judged
    a text file (None before, and for the other origins)."""

    resources: Resources
    config: CleanConfig
    layout: Layout = field(default_factory=Layout)
    origin: str = "text"
    regime: str | None = None
    reads_as: str | None = None

    def __post_init__(self) -> None:
        if self.origin not in ORIGINS:
            raise ValueError(f"unknown text origin {self.origin!r}: expected one of {ORIGINS}")

    @classmethod
    def create(cls, *, layout: Layout | None = None, origin: str = "text",
               resources: Resources | None = None, config: CleanConfig | None = None,
               regime: str | None = None) -> CleanContext:
        """A context for one document, with the process's resources unless given."""
        config = config or CleanConfig()
        return cls(resources or load_resources(config), config, layout or Layout(), origin,
                   regime)

    @property
    def ocr_repairs(self) -> bool:
        """True if OCR repairs (debris, words, structure tokens, stray line-edge marks) may
        touch the text: on our own OCR always; on a digital text layer (PDF, DOCX) only if it
        reads as OCR output; on a text file unless it reads as typed (a text file not yet
        assessed is treated as OCR, today's default)."""
        if self.origin == "digital":
            return self.reads_as == "ocr"
        return self.origin == "ocr" or self.reads_as != "typed"

    @property
    def keeps_document_usage(self) -> bool:
        """True if a word the document writes often in the same place must be left alone: a
        text file, which may be typed text that OCR-shaped rules would take for errors."""
        return self.origin == "text"

    @property
    def scan_regime(self) -> str:
        """The measured regime, "clean" while none was measured."""
        return self.regime or "clean"

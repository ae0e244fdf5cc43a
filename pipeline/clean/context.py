"""What a cleaning step is given besides the text: the reader's layout, kept in the text's
current coordinates by the runner as earlier steps change the text."""

from __future__ import annotations

from dataclasses import dataclass, field

from pipeline.model import Layout


@dataclass
class StepInput:
    """The reader's layout of the text a step sees, and where the text came from: "ocr" (some
    page read by Tesseract), "digital" (a PDF text layer or a DOCX: typed, never OCR'd) or
    "text" (a text file, whose history is unknown: it may be an OCR'd scan saved as text)."""

    layout: Layout = field(default_factory=Layout)
    origin: str = "text"

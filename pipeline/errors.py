"""Typed errors: each names the document and a reason a user can act on.

The flow turns them into `failures` rows; anything else is an internal error.
"""

from __future__ import annotations


class VnplanError(Exception):
    """Base of all expected, document-specific failures."""

    stage = "pipeline"

    def __init__(self, source: str, reason: str):
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class IngestError(VnplanError):
    """The input could not be read into text."""

    stage = "ingest"


class EmptyDocumentError(IngestError):
    """The file holds no text (zero bytes, only whitespace, or zero pages)."""


class UnsupportedFormatError(IngestError):
    """The file type is not one vnplan reads, or its content does not match its name."""


class CorruptFileError(IngestError):
    """The file is damaged or truncated (a PDF or DOCX that does not parse)."""


class EncryptedPdfError(IngestError):
    """The PDF is password-protected."""


class ImageTooLargeError(IngestError):
    """An image exceeds the pixel limit (decompression-bomb guard)."""


class OcrUnavailableError(IngestError):
    """A page needs OCR but Tesseract with the Vietnamese model is not installed."""


class EncodingError(IngestError):
    """The bytes are not text in any encoding vnplan recognizes."""


class UnreadableFileError(IngestError):
    """The file exists but cannot be opened (permissions, a directory, a device)."""


class OcrFailedError(IngestError):
    """Tesseract crashed or timed out on a page: worth a retry before giving up."""

    transient = True

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

    def __reduce__(self):
        """Pickle by the constructor's arguments, so the error crosses to Dask workers."""
        return type(self), (self.source, self.reason)


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


class LimitExceededError(IngestError):
    """The input goes past one of the limits that protect the machine from hostile files.

    `limit` is the limit's name (see `pipeline.ingest.limits`); the reason names it, its value
    and the environment variable that changes it.
    """

    def __init__(self, source: str, reason: str, limit: str = ""):
        super().__init__(source, reason)
        self.limit = limit

    def __reduce__(self):
        """Pickle with the limit's name."""
        return type(self), (self.source, self.reason, self.limit)


class FileTooLargeError(LimitExceededError):
    """The file is larger than its kind may be (`text_bytes`, `file_bytes`)."""


class ArchiveTooLargeError(LimitExceededError):
    """A DOCX part, or all parts together, would decompress past `docx_part_bytes` or
    `docx_total_bytes`: a zip bomb, or far more than any plan holds."""


class TooManyPagesError(LimitExceededError):
    """The document has more pages (or image frames) than `pages`."""


class PageTooLargeError(LimitExceededError):
    """A PDF page is so large that rendering it for OCR would pass `page_pixels`."""


class OcrBudgetExceededError(LimitExceededError):
    """OCR of this document has used up `ocr_seconds`."""


class NotTextError(LimitExceededError):
    """The decoded text is mostly NUL bytes or other control characters (`control_share`)."""


class RunError(Exception):
    """A whole run cannot go ahead (not one document's problem); `exit_code` is the CLI's."""

    exit_code = 1


class UsageError(RunError):
    """Bad usage: a path that does not exist, no documents, an output folder as input."""

    exit_code = 2


class RefusedError(RunError):
    """The run would drop documents from the output set without `--replace`: nothing is
    written, the tables stay as they were."""

    exit_code = 2


class OutputBusyError(RunError):
    """Another run holds the output folder's lock."""

    exit_code = 4

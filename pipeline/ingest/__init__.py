"""Ingestion: any supported file into a Document with NFC text and a map back to the source."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import regex

from pipeline.errors import EmptyDocumentError, UnreadableFileError, UnsupportedFormatError
from pipeline.ingest.docx import read_docx
from pipeline.ingest.extracted import Extracted
from pipeline.ingest.image import read_image
from pipeline.ingest.pdf import read_pdf
from pipeline.ingest.text import read_text
from pipeline.ingest.textlayer import normalize_source
from pipeline.model import Document, Layout, Page
from pipeline.offsets import OffsetMap

Reader = Callable[[Path, bytes], Extracted]
READERS: dict[str, Reader] = {
    ".txt": read_text,
    ".md": read_text,
    ".text": read_text,
    ".pdf": read_pdf,
    ".docx": read_docx,
    ".png": read_image,
    ".jpg": read_image,
    ".jpeg": read_image,
    ".tif": read_image,
    ".tiff": read_image,
}
SUPPORTED = tuple(sorted(READERS))
_PAGE_SEPARATOR = "\n\n"
_VIET_ONLY = regex.compile(r"[ăâđêôơưĂÂĐÊÔƠƯ\u1ea0-\u1ef9]")
_LETTER = regex.compile(r"\p{L}")


def read_bytes(path: Path) -> bytes:
    """The file's bytes, or a typed error saying why they cannot be read."""
    if path.exists() and not path.is_dir() and not path.is_file():
        # reading a FIFO would block until some writer appears, a device may never end
        raise UnreadableFileError(str(path), "not a regular file (a FIFO, socket or device)")
    try:
        return path.read_bytes()
    except PermissionError as exc:
        raise UnreadableFileError(str(path), "permission denied: the file cannot be read") from exc
    except IsADirectoryError as exc:
        raise UnreadableFileError(str(path), "a directory, not a file") from exc
    except OSError as exc:
        raise UnreadableFileError(str(path), f"cannot read the file: {exc.strerror}") from exc


def language_status(text: str) -> str:
    """'ok' for Vietnamese text, 'not_vietnamese' when the letters show another language."""
    sample = text[:50000]
    letters = len(_LETTER.findall(sample))
    if letters < 50:
        return "ok"
    return "ok" if len(_VIET_ONLY.findall(sample)) / letters > 0.02 else "not_vietnamese"


def assemble(extracted: Extracted, source: str, sha256: str) -> Document:
    """Join the pages into one normalized text, keeping page ranges and the source map."""
    texts, targets, pages, legacies = [], [], [], set()
    layout = Layout()
    pos = src_pos = 0
    for number, page in enumerate(extracted.pages, start=1):
        text, offset_map, legacy = normalize_source(page.text)
        if legacy:
            legacies.add(legacy)
        if texts:
            texts.append(_PAGE_SEPARATOR)
            targets.extend([src_pos - len(_PAGE_SEPARATOR)] * len(_PAGE_SEPARATOR))
            pos += len(_PAGE_SEPARATOR)
        texts.append(text)
        targets.extend(src_pos + offset_map[i] for i in range(len(text)))
        pages.append(Page(number, pos, pos + len(text), page.ocr))
        back = _inverse(offset_map, len(text))
        placed = page.layout.mapped(lambda i, back=back, pos=pos: pos + back[i])
        paged = len(extracted.pages) > 1 or extracted.encoding.startswith(("pdf", "ocr"))
        layout.blocks += [replace(b, page=number if paged else None) for b in placed.blocks]
        layout.tables += [replace(t, page=number if paged else None) for t in placed.tables]
        pos += len(text)
        src_pos += len(page.text) + len(_PAGE_SEPARATOR)
    targets.append(src_pos)
    raw_text = "".join(texts)
    encoding = _encoding_name(extracted.encoding, legacies)
    doc = Document(
        doc_id="", source=source, sha256=sha256, raw_text=raw_text,
        source_map=OffsetMap(targets), pages=pages, ingested=layout, encoding=encoding,
    )
    return doc


def _encoding_name(read_as: str, legacies: set[str]) -> str:
    """How the text was read, naming a legacy font encoding when one was converted:
    "tcvn3" for a TCVN3 text file, "pdf+vni" for a PDF typed in VNI fonts."""
    if not legacies:
        return read_as
    legacy = "+".join(sorted(legacies))
    return legacy if read_as == "latin-1" else f"{read_as}+{legacy}"


def _inverse(offset_map: OffsetMap, length: int) -> list[int]:
    """Source offset → first normalized offset at or after it (for table positions)."""
    size = offset_map[length] + 1
    back = [length] * (size + 1)
    for i in range(length - 1, -1, -1):
        back[offset_map[i]] = i
    for j in range(size - 1, -1, -1):
        back[j] = min(back[j], back[j + 1])
    return back


def ingest(path: str | Path) -> Document:
    """Read one file into a Document (doc_id filled later from its letterhead)."""
    path = Path(path)
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        raise UnsupportedFormatError(
            str(path),
            f"unsupported file type '{path.suffix}' (vnplan reads {', '.join(SUPPORTED)})",
        )
    data = read_bytes(path)
    if not data:
        raise EmptyDocumentError(str(path), "the file is empty (0 bytes)")
    doc = assemble(reader(path, data), str(path), hashlib.sha256(data).hexdigest())
    if not doc.raw_text.strip():
        raise EmptyDocumentError(str(path), "no text after reading the file")
    doc.status = language_status(doc.raw_text)
    if doc.status != "ok":
        doc.warnings.append("few Vietnamese letters: the text does not look Vietnamese")
    return doc

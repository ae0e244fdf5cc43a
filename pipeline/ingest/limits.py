"""Limits for hostile input: checks the readers call before a file can take the machine down.

Each limit has a name, a default and an environment variable (`VNPLAN_LIMIT_<NAME>`) that
changes it; a file past a limit fails alone, as a `failures` row whose error type is the
limit's (`FileTooLargeError`, `ArchiveTooLargeError`, …) and whose message names the limit,
its value and the variable. What each guards against, measured before the limits existed: a
3 MB DOCX zip bomb passed 5 GB of memory in 26 s, a 200 MB .txt passed 6 GB, a 1.3 KB PDF with
one 14400-point page was rendered for OCR past 5 GB, a 3000-page blank PDF was OCR'd for over
an hour, and 100 KB of NUL bytes came out as an `ok` document.

The limits take part in the cache key (`limits_signature`): raise one and the documents it
stopped are read again.
"""

from __future__ import annotations

import io
import os
import time
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from pathlib import Path

import regex

from pipeline.errors import (
    ArchiveTooLargeError,
    FileTooLargeError,
    NotTextError,
    OcrBudgetExceededError,
    PageTooLargeError,
    TooManyPagesError,
)

MB = 1 << 20


@dataclass(frozen=True)
class Limit:
    """One limit: its default value and what it bounds."""

    default: float
    what: str

    def env(self, name: str) -> str:
        """The environment variable that overrides the default."""
        return f"VNPLAN_LIMIT_{name.upper()}"


LIMITS: dict[str, Limit] = {
    "text_bytes": Limit(8 * MB, "size of a .txt/.md file (the longest plan is under 1 MB)"),
    "file_bytes": Limit(256 * MB, "size of a PDF, DOCX or image file"),
    "docx_part_bytes": Limit(32 * MB, "uncompressed size of one part of a DOCX package"),
    "docx_total_bytes": Limit(128 * MB, "uncompressed size of all parts of a DOCX package"),
    "pages": Limit(1000, "pages of a PDF, frames of an image"),
    "page_pixels": Limit(120_000_000, "pixels of a page rendered for OCR (an A0 page at 300 dpi)"),
    "ocr_seconds": Limit(900, "wall-clock seconds from a document's first OCR'd page"),
    "control_share": Limit(0.01, "share of NUL, other control and replacement characters"),
}
TEXT_SUFFIXES = frozenset({".txt", ".md", ".text"})
MIN_RENDER_DPI = 100  # a large page is rendered at a lower resolution, but not below this
_CONTROL = regex.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ufffd]")


def limit(name: str) -> float:
    """The value of limit `name`: its environment variable if set, else the default."""
    spec = LIMITS[name]
    raw = os.environ.get(spec.env(name))
    if raw is None or not raw.strip():
        return spec.default
    try:
        value = float(raw)
    except ValueError as exc:
        raise ValueError(f"{spec.env(name)}={raw!r} is not a number") from exc
    if value <= 0:
        raise ValueError(f"{spec.env(name)}={raw!r} must be positive")
    return value


def describe(name: str) -> str:
    """'limit pages = 1,000 (VNPLAN_LIMIT_PAGES)': how a failure message names a limit."""
    value = limit(name)
    shown = f"{value:,.0f}" if value >= 1 else f"{value:g}"
    return f"limit {name} = {shown} ({LIMITS[name].env(name)})"


def limits_signature() -> str:
    """Every limit's value, for the cache key: a changed limit reads documents again."""
    return ";".join(f"{name}={limit(name):g}" for name in sorted(LIMITS))


def check_file_size(path: Path) -> None:
    """Refuse a file larger than its kind may be, before a byte of it is read."""
    try:
        size = path.stat().st_size
    except OSError:
        return  # reading it will say why it cannot be read
    name = "text_bytes" if path.suffix.lower() in TEXT_SUFFIXES else "file_bytes"
    if size > limit(name):
        raise FileTooLargeError(
            str(path), f"the file is {size:,} bytes, over the {describe(name)}", name)


def check_docx_parts(data: bytes, source: str) -> None:
    """Refuse a DOCX whose parts would decompress past the limits (a zip bomb), reading only
    the sizes its central directory declares; Python's zipfile never inflates a part past
    its declared size, so these bound what python-docx will hold."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            parts = package.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return  # the reader reports a damaged package
    if not parts:
        return
    biggest = max(parts, key=lambda part: part.file_size)
    if biggest.file_size > limit("docx_part_bytes"):
        raise ArchiveTooLargeError(
            source, f"part {biggest.filename} would decompress to {biggest.file_size:,} bytes "
            f"(from {biggest.compress_size:,}), over the {describe('docx_part_bytes')}",
            "docx_part_bytes")
    total = sum(part.file_size for part in parts)
    if total > limit("docx_total_bytes"):
        raise ArchiveTooLargeError(
            source, f"its {len(parts)} parts would decompress to {total:,} bytes, over the "
            f"{describe('docx_total_bytes')}", "docx_total_bytes")


def check_page_count(count: int, source: str) -> None:
    """Refuse a document with more pages than any plan has, before reading one."""
    if count > limit("pages"):
        raise TooManyPagesError(
            source, f"{count:,} pages, over the {describe('pages')}", "pages")


def render_dpi(width_pt: float, height_pt: float, source: str, dpi: int) -> int:
    """The resolution to render a page at for OCR: `dpi`, lowered for a large page so its
    image stays within `page_pixels`; a page too large even at MIN_RENDER_DPI is refused
    before anything is rendered."""
    max_pixels = limit("page_pixels")
    area_in = max(float(width_pt), 0.0) * max(float(height_pt), 0.0) / (72 * 72)
    if area_in * dpi * dpi <= max_pixels:
        return dpi
    fitted = int((max_pixels / area_in) ** 0.5) if area_in else dpi
    if fitted >= MIN_RENDER_DPI:
        return fitted
    pixels = area_in * MIN_RENDER_DPI * MIN_RENDER_DPI
    raise PageTooLargeError(
        source, f"the page is {width_pt:,.0f} × {height_pt:,.0f} pt: even at "
        f"{MIN_RENDER_DPI} dpi its image would have {pixels:,.0f} pixels, over the "
        f"{describe('page_pixels')}", "page_pixels")


def check_text(text: str, source: str) -> None:
    """Refuse decoded 'text' that is binary data: NUL bytes, other control characters or
    undecodable bytes beyond `control_share` of the characters."""
    if not text:
        return
    bad = len(text) - len(_CONTROL.sub("", text))
    share = bad / len(text)
    if share > limit("control_share"):
        raise NotTextError(
            source, f"binary data, not text: {share:.1%} of its {len(text):,} characters are "
            f"NUL, control or undecodable, over the {describe('control_share')}",
            "control_share")


@dataclass
class _OcrClock:
    seconds: float
    started: float | None = None


_OCR_CLOCK: ContextVar[_OcrClock | None] = ContextVar("vnplan_ocr_clock", default=None)


@contextmanager
def ocr_budget() -> Iterator[None]:
    """Give the document read inside this block `ocr_seconds` of OCR, counted from its
    first OCR'd page (ingest opens one per document)."""
    token = _OCR_CLOCK.set(_OcrClock(limit("ocr_seconds")))
    try:
        yield
    finally:
        _OCR_CLOCK.reset(token)


def _remaining(clock: _OcrClock, source: str) -> float:
    now = time.monotonic()
    if clock.started is None:
        clock.started = now
    remaining = clock.seconds - (now - clock.started)
    if remaining <= 0:
        raise OcrBudgetExceededError(
            source, f"OCR has run {now - clock.started:,.0f} s on this document, over the "
            f"{describe('ocr_seconds')}", "ocr_seconds")
    return remaining


def ocr_timeout(source: str, page_timeout: float) -> float:
    """Seconds the next page's OCR may take: `page_timeout`, or less when the document's
    budget is nearly spent; refuses once it is spent. Outside `ocr_budget`, `page_timeout`."""
    clock = _OCR_CLOCK.get()
    return page_timeout if clock is None else min(page_timeout, _remaining(clock, source))


def check_ocr_budget(source: str) -> None:
    """Refuse when the document's OCR budget is spent (after a page's OCR timed out, so the
    timeout is reported as the budget, not retried as a crash)."""
    clock = _OCR_CLOCK.get()
    if clock is not None:
        _remaining(clock, source)

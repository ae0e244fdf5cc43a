"""Bytes to text: BOMs, UTF-8, UTF-16 without BOM, Windows-1258, and legacy font encodings."""

from __future__ import annotations

import codecs

from pipeline.errors import EmptyDocumentError, EncodingError

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def _looks_utf16(data: bytes) -> str | None:
    """UTF-16 without a BOM shows as NUL bytes in every other position."""
    sample = data[:4000]
    if len(sample) < 4:
        return None
    even = sample[0::2].count(0) / (len(sample) / 2)
    odd = sample[1::2].count(0) / (len(sample) / 2)
    if odd > 0.3 and even < 0.05:
        return "utf-16-le"
    if even > 0.3 and odd < 0.05:
        return "utf-16-be"
    return None


def decode_bytes(data: bytes, source: str) -> tuple[str, str]:
    """Decode a text file; return the text and the name of the encoding found."""
    if not data.strip():
        raise EmptyDocumentError(source, "the file is empty")
    for bom, name in _BOMS:
        if data.startswith(bom):
            return data.decode(name), name
    utf16 = _looks_utf16(data)
    if utf16:
        try:
            return data.decode(utf16), utf16
        except UnicodeDecodeError as exc:
            raise EncodingError(source, f"looks like {utf16} but does not decode: {exc}") from exc
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if data.count(0) > len(data) // 100:
        raise EncodingError(source, "binary data, not text (NUL bytes and no known encoding)")
    # Legacy Vietnamese fonts are single-byte: their bytes read as Latin-1 look-alikes, which
    # the legacy detector recognizes. Anything else single-byte is read as Windows-1258.
    from pipeline.ingest.legacy import detect_legacy

    latin = data.decode("latin-1")
    if detect_legacy(latin):
        return latin, "latin-1"
    return data.decode("cp1258", errors="replace"), "cp1258"

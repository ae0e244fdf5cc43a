"""Bytes to text: BOMs, UTF-8, UTF-16 without BOM, Windows-1258, and legacy font encodings."""

from __future__ import annotations

import codecs

import regex

from pipeline.errors import EmptyDocumentError, EncodingError

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


# Legacy-font files were typed on Windows: their quotes and dashes are cp1252 bytes 0x80-0x9F,
# which Latin-1 would turn into control characters. One character per byte keeps offsets.
_CP1252_PUNCTUATION = {
    b: bytes([b]).decode("cp1252") for b in range(0x80, 0xA0)
    if bytes([b]).decode("cp1252", errors="ignore")
}


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

    windows = data.decode("cp1258", errors="replace")
    if _looks_cp1258(windows):
        return windows, "cp1258"
    latin = data.decode("latin-1").translate(_CP1252_PUNCTUATION)
    if detect_legacy(latin):
        return latin, "latin-1"
    return windows, "cp1258"


_VOWEL = regex.compile(r"[aăâeêioôơuưy]", regex.IGNORECASE)
_TONE = regex.compile(r"[\u0300\u0301\u0303\u0309\u0323]")


def _looks_cp1258(text: str) -> bool:
    """Windows-1258 Vietnamese: many combining tones, and every one of them after a vowel.

    TCVN3 and VNI bytes read as cp1258 also yield combining marks (0xCC, 0xEC, 0xF2…), but at
    random places, after consonants and spaces; so does nothing else single-byte.
    """
    sample = text[:20000]
    tones = [m.start() for m in _TONE.finditer(sample)]
    letters = sum(ch.isalpha() for ch in sample)
    if not letters or len(tones) < 0.02 * letters:
        return False
    after_vowel = sum(1 for i in tones if i and _VOWEL.match(sample[i - 1]))
    return after_vowel >= 0.95 * len(tones)

"""Letter-level helpers for reading letterheads: a same-length ASCII fold, slugs, capitals.

Letterheads are compared without tone marks or case (an OCR'd "THANH HOÁ" is Thanh Hóa) but
read back as printed, so the fold keeps one character for every character of its input and an
offset found in the folded text is an offset in the original. This belongs to the Vietnamese
language layer (pipeline/vi) once it exists; it imports only the standard library and numpy.
"""

from __future__ import annotations

import unicodedata
from functools import cache

import numpy as np


def _fold_char(ch: str) -> str:
    if ch in "đĐ":
        return "d"
    if ch.isascii():
        return ch.lower() if ch.isalnum() else " "
    base = unicodedata.normalize("NFD", ch)[0]
    if base.isascii() and base.isalnum():
        return base.lower()
    return " " if not ch.isalnum() else "?"


FOLDED_BELOW = 0x3000  # Latin, Vietnamese, punctuation; anything above folds to "?"


@cache
def _fold_table() -> np.ndarray:
    table = np.array([ord(_fold_char(chr(code))) for code in range(FOLDED_BELOW)] + [ord("?")],
                     dtype=np.uint8)
    return table


def fold(text: str) -> str:
    """`text` lowercased, without tone marks, every non-alphanumeric character a space, and of
    the same length, so that "ỦY BAN NHÂN DÂN" and "Uỷ ban nhân dân" compare equal and a match
    in the fold is a span of the original. (A table look-up over the code points: a whole
    plan folds in about a millisecond.)"""
    codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    return _fold_table()[np.minimum(codes, FOLDED_BELOW)].tobytes().decode("ascii")


def folded_words(text: str) -> str:
    """The fold with runs of spaces collapsed: the key two spellings of one name share."""
    return " ".join(fold(text).split())


def ascii_slug(text: str) -> str:
    """Lowercase ASCII without diacritics or separators: "Đắk Lắk" → "daklak", the form a
    document id takes (ANNOTATION §4)."""
    return "".join(fold(text).split())


def mostly_capitals(text: str, share: float = 0.75) -> bool:
    """True when at least `share` of the letters are capitals: letterhead names are printed in
    capitals, the wrappers and prose around them are not."""
    letters = [ch for ch in text if ch.isalpha()]
    if not letters:
        return False
    return sum(ch.isupper() for ch in letters) >= share * len(letters)

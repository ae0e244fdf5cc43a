"""The numbering grammar of administrative documents: list-marker alphabets, Roman heading
numerals, and references to points.

Items of a list are lettered "a) b) c)". Decrees on document form prescribe the Vietnamese
alphabet (… d đ e g h …, no f, j, w, z), while many drafters type the Latin one (… e f g …);
a document's own references to its points ("điểm f mục 5", "các điểm a, b, c mục 2") tell which
one it uses. Headings are numbered in Roman ("I.", "II.", "IV.") above Arabic ones.
"""

from __future__ import annotations

import regex

VIETNAMESE = "abcdđeghiklmnopqrstuvxy"  # the alphabet of list markers that decrees prescribe
LATIN = "abcdefghijklmnopqrstuvwxyz"
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
# what OCR reads an I stroke of a Roman numeral as: "111." for "III.", "l1" for "II"
_ROMAN_LOOKALIKES = str.maketrans({"1": "I", "l": "I", "|": "I"})

# a reference to points in running text: "điểm f", "các điểm a, b, c, d, e, f", "điểm g và"
POINT_REFERENCE = regex.compile(
    r"\bđiểm\s+(?P<l>[a-zđ](?:\s*,\s*[a-zđ](?![\p{L}0-9]))*)(?![\p{L}0-9])")
# words that name a point or a part of a document before its letter or number ("điểm c",
# "khoản d", "c mục 2"): a lone letter beside one is a name, not a stray letter
POINT_WORDS = frozenset({"điểm", "khoản", "tiết", "mục", "phụ", "lục"})


def next_letter(letter: str, alphabet: str) -> str | None:
    """The marker after `letter` in `alphabet` ("d" → "đ" in VIETNAMESE, "e" in LATIN); None
    after the last letter or for a letter the alphabet lacks."""
    i = alphabet.find(letter)
    return alphabet[i + 1] if 0 <= i < len(alphabet) - 1 else None


def referenced_points(text: str) -> list[list[str]]:
    """The letters of each reference to points in `text`: "các điểm a, b, c mục 2" gives
    ["a", "b", "c"]."""
    return [regex.split(r"\s*,\s*", m.group("l")) for m in POINT_REFERENCE.finditer(text)]


def to_roman(n: int) -> str:
    """Roman numeral of 1..399 ("IV", "XIX")."""
    out = ""
    for v, s in ((100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"),
                 (4, "IV"), (1, "I")):
        while n >= v:
            out, n = out + s, n - v
    return out


def roman_value(s: str) -> int | None:
    """Value of a Roman numeral in its canonical form ("XIV" → 14); None if `s` is not one
    ("IIII", "VX", "")."""
    if not s or any(c not in _ROMAN_VALUES for c in s):
        return None
    total = 0
    for a, b in zip(s, s[1:] + " ", strict=True):
        v = _ROMAN_VALUES[a]
        total += -v if b in _ROMAN_VALUES and _ROMAN_VALUES[b] > v else v
    return total if 0 < total < 400 and to_roman(total) == s else None


def roman_from_lookalikes(token: str) -> str:
    """`token` with the strokes OCR reads for an I ("1", "l", "|") made I again: "111" → "III",
    "l1" → "II". Whether the result is the numeral meant is for the sequence to say."""
    return token.translate(_ROMAN_LOOKALIKES)

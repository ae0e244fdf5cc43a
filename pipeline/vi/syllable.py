"""Vietnamese syllable anatomy: tone, vowel modifiers, skeleton, tone placement, validity.

A syllable is (skeleton, modifiers, tone): "thống" is the skeleton "thong", the circumflex on
o and the sắc tone. OCR confuses marks far more often than letters, so the cleaner's
candidates share a skeleton; a lookup `key` places the tone in one canonical style so "hoà"
and "hòa" are the same entry.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

import regex

# combining tone marks: none, grave (huyền), acute (sắc), hook (hỏi), tilde (ngã), dot (nặng)
TONE_MARKS = ("", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323")
_TONE_SET = frozenset(TONE_MARKS[1:])
_MODIFIERS = frozenset("\u0306\u0302\u031b")  # breve, circumflex, horn
VOWELS = frozenset("aăâeêioôơuưy")
STYLE_OLD = "hòa"  # tone on the first vowel of open oa/oe/uy (traditional, underthesea's choice)
STYLE_NEW = "hoà"  # tone on the second vowel (the 1980s school style)

_ONSETS = ("ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|b|c|d|đ|g|h|k|l|m|n|p|q|r|s|t|v|x")
_NUCLEI = ("uyê|uya|uyu|uơ|uôi|ươi|ươu|oai|oay|oao|oeo|iêu|yêu|uây|"
           "iê|yê|uô|ươ|uy|ua|ưa|ia|oa|oă|oe|uâ|uê|ai|ao|au|ay|âu|ây|eo|êu|iu|oi|ôi|ơi|ui|ưi|ưu|"
           "a|ă|â|e|ê|i|o|ô|ơ|u|ư|y")
_FINALS = "ch|ng|nh|c|m|n|p|t"
_SHAPE = regex.compile(rf"(?:{_ONSETS})?(?:{_NUCLEI})(?:{_FINALS})?")


@lru_cache(maxsize=65536)
def split_tone(syl: str) -> tuple[str, int]:
    """The syllable without its tone mark (NFC) and the tone index 0-5."""
    tone = 0
    out = []
    for ch in unicodedata.normalize("NFD", syl):
        if ch in _TONE_SET:
            tone = TONE_MARKS.index(ch)
        else:
            out.append(ch)
    return unicodedata.normalize("NFC", "".join(out)), tone


@lru_cache(maxsize=65536)
def skeleton(syl: str) -> str:
    """Lowercase letters with every mark removed and đ as d: what OCR rarely gets wrong."""
    base = "".join(c for c in unicodedata.normalize("NFD", syl.lower())
                   if not unicodedata.combining(c))
    return base.replace("đ", "d")


def modifiers(syl: str) -> tuple[str, ...]:
    """The non-tone marks of a syllable in order (breve, circumflex, horn, and 'đ')."""
    out = ["đ"] if "đ" in syl.lower() else []
    out.extend(c for c in unicodedata.normalize("NFD", syl.lower()) if c in _MODIFIERS)
    return tuple(out)


def _nucleus_span(low: str) -> tuple[int, int]:
    """Start and end of the vowel cluster of a lowercase toneless syllable."""
    i = 0
    if len(low) > 2 and (low.startswith("qu") or low.startswith("gi") and low[2] in VOWELS):
        i = 2
    while i < len(low) and low[i] not in VOWELS:
        i += 1
    j = i
    while j < len(low) and low[j] in VOWELS:
        j += 1
    return i, j


@lru_cache(maxsize=65536)
def place_tone(toneless: str, tone: int, style: str = STYLE_OLD) -> str:
    """Put tone `tone` on the right vowel of `toneless` in the given placement style."""
    if tone == 0:
        return toneless
    low = toneless.lower()
    i, j = _nucleus_span(low)
    if i >= j:
        return toneless
    nucleus = low[i:j]
    marked = [k for k in range(i, j) if low[k] in "ăâêôơư"]
    if marked:
        pos = marked[-1] if low[marked[-1]] == "ơ" or len(marked) == 1 else marked[0]
        if nucleus.startswith("ư") and len(marked) == 1:
            pos = marked[0]
    elif j < len(low):  # closed syllable: tone on the last vowel
        pos = j - 1
    elif len(nucleus) == 3 or (nucleus in ("oa", "oe", "uy") and style == STYLE_NEW):
        pos = i + 1
    else:
        pos = i
    ch = toneless[pos] + TONE_MARKS[tone]
    return toneless[:pos] + unicodedata.normalize("NFC", ch) + toneless[pos + 1:]


def syllable_style(syl: str) -> str | None:
    """STYLE_OLD or STYLE_NEW if the tone placement of `syl` shows a style ("hòa" / "hoà"),
    else None ("hoa", "toán": both styles write them alike)."""
    base, t = split_tone(syl)
    if t == 0:
        return None
    old, new = place_tone(base, t, STYLE_OLD), place_tone(base, t, STYLE_NEW)
    if old == new:
        return None
    if syl == old:
        return STYLE_OLD
    return STYLE_NEW if syl == new else None


def canonical(syl: str, style: str = STYLE_OLD) -> str:
    """The syllable with its tone placed by `style`; other characters unchanged."""
    base, tone = split_tone(syl)
    return place_tone(base, tone, style)


_SYL = regex.compile(r"\p{L}+")


def canonical_tone_text(text: str, style: str = STYLE_OLD) -> str:
    """`text` with every syllable's tone placed by `style` (used by the metrics)."""
    return _SYL.sub(lambda m: canonical(m.group(), style), text)


@lru_cache(maxsize=65536)
def is_shaped(syl: str) -> bool:
    """True if the syllable has Vietnamese onset + vowel cluster + final shape."""
    base, _ = split_tone(syl.lower())
    return _SHAPE.fullmatch(base) is not None


_FOREIGN_LETTERS = str.maketrans("øØðÐıłŁšŠžŽ", "oOđĐilLsSzZ")
_VIETNAMESE_COMBINING = _TONE_SET | _MODIFIERS


@lru_cache(maxsize=65536)
def fold_foreign(word: str) -> str:
    """`word` with the letters and marks Vietnamese never writes replaced by the nearest
    Vietnamese letter ("töân" → "toân", "theø" → "theo", "ðược" → "được", "UBÑD" → "UBND"):
    on a page of Vietnamese they are OCR noise, not the drafter's spelling. A mark on a
    consonant is dropped too."""
    out: list[str] = []
    for c in unicodedata.normalize("NFD", word.translate(_FOREIGN_LETTERS)):
        if unicodedata.combining(c) and (c not in _VIETNAMESE_COMBINING or not out
                                         or out[-1].lower() not in "aeiouy"
                                         and not unicodedata.combining(out[-1])):
            continue
        out.append(c)
    return unicodedata.normalize("NFC", "".join(out))


def key(token: str) -> str:
    """The lookup form of a syllable: lowercase, tone placed in the canonical style
    ("Hoà" → "hòa")."""
    return canonical(token.lower())


def has_vietnamese_marks(word: str) -> bool:
    """True if any letter carries a Vietnamese diacritic or is đ."""
    return skeleton(word) != word.lower()


def recase(word: str, like: str) -> str:
    """`word` in the letter case of `like` (UPPER, Title or lower)."""
    if like.isupper() and len(like) > 1:
        return word.upper()
    if like[:1].isupper():
        return word[:1].upper() + word[1:]
    return word

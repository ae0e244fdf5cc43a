"""Legacy Vietnamese font encodings (TCVN3/ABC and VNI-Windows) to Unicode.

Text typed in .VnTime or VNI-Times fonts reaches us as Latin-1 look-alikes ("Céng hoµ x· héi"
for "Cộng hoà xã hội", "Coäng hoøa" for "Cộng hòa"). Detection compares how Vietnamese the text
looks before and after conversion; conversion is a table lookup kept as offset-carrying edits.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

import regex

from pipeline.offsets import Edit

# Letters that only Vietnamese uses in Unicode: their share tells converted text from raw.
_VIET_ONLY = regex.compile(r"[ăâđêôơưĂÂĐÊÔƠƯ\u1ea0-\u1ef9]")
# Vietnamese letters and tone marks beyond Latin-1: a legacy text read as Latin-1 has none, while
# VNI text is full of â, ê, ô (its circumflex and horn keys), so those cannot tell the two apart.
_UNICODE_ONLY = regex.compile(r"[ăđĩũơưĂĐĨŨƠƯ\u0300-\u0323\u1ea0-\u1ef9]")
_LETTER = regex.compile(r"\p{L}")


@cache
def conversion_table(name: str) -> dict[str, str]:
    """The conversion table `pipeline/data/<name>` as legacy sequence → Unicode."""
    text = resources.files("pipeline.data").joinpath(name).read_text(encoding="utf-8")
    table: dict[str, str] = {}
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        key, value = line.split("\t")
        table[chr(int(key[2:], 16)) if key.startswith("U+") else key] = value
    return table


@cache
def _pattern(name: str) -> regex.Pattern:
    keys = sorted(conversion_table(name), key=len, reverse=True)
    return regex.compile("|".join(regex.escape(k) for k in keys))


def _edits(text: str, name: str, reason: str) -> list[Edit]:
    table = conversion_table(name)
    return [Edit(m.start(), m.end(), table[m.group()], reason)
            for m in _pattern(name).finditer(text)]


def tcvn3_edits(text: str) -> list[Edit]:
    """Edits converting TCVN3 (ABC) text to Unicode."""
    edits = _edits(text, "legacy_tcvn3.tsv", "TCVN3 to Unicode")
    return [_capitalized(text, e) for e in edits]


def vni_edits(text: str) -> list[Edit]:
    """Edits converting VNI-Windows text to Unicode."""
    return _edits(text, "legacy_vni.tsv", "VNI to Unicode")


@cache
def _caseless() -> frozenset[str]:
    """Lowercase letters whose capitals TCVN3 has no code for (Ủ, Ế, Ị…)."""
    values = set(conversion_table("legacy_tcvn3.tsv").values())
    return frozenset(v for v in values if v.islower() and v.upper() not in values)


def _letter_case(ch: str) -> str | None:
    """'U' or 'L' for a letter (TCVN3 codes by what they convert to), None when unknown."""
    value = conversion_table("legacy_tcvn3.tsv").get(ch, ch)
    if value in _caseless() or not value.isalpha():
        return None
    return "U" if value.isupper() else "L"


def _capitalized(text: str, edit: Edit) -> Edit:
    """Capitals typed in a .VnTimeH font reuse the lowercase codes: in a word written all
    in capitals ("CHñ TÞCH" → "CHỦ TỊCH") the converted letter is a capital too.

    A capital initial says nothing ("Hµ" is "Hà" or "HÀ"), so the word's other letters decide,
    or, when there are none ("KÕ HO¹CH"), the words on either side, which must all be capitals.
    """
    if edit.replacement not in _caseless():
        return edit
    start, end = _word(text, edit.start)
    cases = _cases(text, start, end, edit.start)
    if not cases:
        before, after = _word(text, _skip_space(text, start - 1, -1)), _word(
            text, _skip_space(text, end, 1))
        cases = _cases(text, *before, -1) | _cases(text, *after, -1)
    if cases == {"U"}:
        return Edit(edit.start, edit.end, edit.replacement.upper(), edit.reason, edit.score)
    return edit


def _wordish(ch: str) -> bool:
    return ch.isalpha() or ch in conversion_table("legacy_tcvn3.tsv")


def _word(text: str, pos: int) -> tuple[int, int]:
    """The run of letters (and TCVN3 codes) around `pos`; empty when `pos` is not in one."""
    if not 0 <= pos < len(text) or not _wordish(text[pos]):
        return pos, pos
    start, end = pos, pos + 1
    while start > 0 and _wordish(text[start - 1]):
        start -= 1
    while end < len(text) and _wordish(text[end]):
        end += 1
    return start, end


def _skip_space(text: str, pos: int, step: int) -> int:
    """The first position from `pos` in direction `step` that is not a space or tab."""
    while 0 <= pos < len(text) and text[pos] in " \t":
        pos += step
    return pos


def _cases(text: str, start: int, end: int, skip: int) -> set[str]:
    """Letter cases that show a word's case: its non-initial letters, a lowercase initial."""
    cases = {_letter_case(text[i]) for i in range(start + 1, end) if i != skip}
    if start < end and start != skip and _letter_case(text[start]) == "L":
        cases.add("L")
    return cases - {None}


def _viet_share(text: str) -> float:
    letters = len(_LETTER.findall(text))
    return len(_VIET_ONLY.findall(text)) / letters if letters else 0.0


def _converted(text: str, edits: list[Edit]) -> str:
    from pipeline.offsets import apply_edits

    return apply_edits(text, edits)[0]


def detect_legacy(text: str) -> str | None:
    """'tcvn3', 'vni' or None: which legacy encoding `text` is typed in, if any.

    Unicode Vietnamese has about one Vietnamese-only letter in five; a legacy text has almost
    none until converted. The sample keeps detection fast on long documents.
    """
    sample = text[:20000]
    letters = len(_LETTER.findall(sample))
    if letters and len(_UNICODE_ONLY.findall(sample)) / letters > 0.03:
        return None
    best, best_share = None, 0.08
    for name, make in (("tcvn3", tcvn3_edits), ("vni", vni_edits)):
        edits = make(sample)
        if not edits:
            continue
        share = _viet_share(_converted(sample, edits))
        if share > best_share:
            best, best_share = name, share
    return best


def legacy_edits(text: str, encoding: str) -> list[Edit]:
    """Conversion edits for a detected legacy encoding."""
    return tcvn3_edits(text) if encoding == "tcvn3" else vni_edits(text)

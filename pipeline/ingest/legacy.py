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
_LETTER = regex.compile(r"\p{L}")


@cache
def _table(name: str) -> dict[str, str]:
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
    keys = sorted(_table(name), key=len, reverse=True)
    return regex.compile("|".join(regex.escape(k) for k in keys))


def _edits(text: str, name: str, reason: str) -> list[Edit]:
    table = _table(name)
    return [Edit(m.start(), m.end(), table[m.group()], reason)
            for m in _pattern(name).finditer(text)]


def tcvn3_edits(text: str) -> list[Edit]:
    """Edits converting TCVN3 (ABC) text to Unicode."""
    return _edits(text, "legacy_tcvn3.tsv", "TCVN3 to Unicode")


def vni_edits(text: str) -> list[Edit]:
    """Edits converting VNI-Windows text to Unicode."""
    return _edits(text, "legacy_vni.tsv", "VNI to Unicode")


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
    if _viet_share(sample) > 0.03:
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

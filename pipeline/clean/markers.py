"""List markers ("a)", "b)" ...) and Roman heading numerals restored from their sequence.

OCR reads "a)" as "8)", "l)" as "1)", "III." as "111.". A marker is only rewritten when the
document's own sequence says what it must be: the letter after the previous item, confirmed
by a later item that lands where the sequence predicts, or a known look-alike of the
expected letter (`pipeline/clean/data/marker_confusions.tsv`). The alphabets and numerals
themselves are the language layer's (`pipeline.vi.markers`).
"""

from __future__ import annotations

import bisect

import regex

from pipeline.offsets import Edit
from pipeline.vi.markers import (
    LATIN,
    VIETNAMESE,
    next_letter,
    referenced_points,
    roman_from_lookalikes,
    to_roman,
)
from pipeline.vi.syllable import skeleton

_ITEM = regex.compile(r"^(?P<m>[\p{L}0-9(]{0,2})\)\s|^(?P<u>[0-9\p{Ll}]\p{Ll}?)\s(?=\p{Lu}|\d)",
                      regex.M)
_BREAK = regex.compile(r"^(?:\d+(?:\.\d+)*\.\s|[IVXLC]+\.\s|Phần\s|Điều\s|Mục\s|Chương\s)",
                       regex.M)
# a heading's numeral at a line start: "II." or, its dot lost, "II" before a title in capitals
_ROMAN = regex.compile(r"^(?P<r>[IVXLC1l|]{1,6})(?:(?P<dot>\.)(?=\s)|(?=[ \t]+\p{Lu}{2,}[ ,]))",
                       regex.M)


def _items(text: str) -> list[list]:
    """Runs of list items: [start, end, observed] per item; headings end a run."""
    breaks = [m.start() for m in _BREAK.finditer(text)]
    runs: list[list] = []
    current: list = []
    b = 0
    for m in _ITEM.finditer(text):
        while b < len(breaks) and breaks[b] < m.start():
            b += 1
            if current:
                runs.append(current)
                current = []
        g = "m" if m.group("m") is not None else "u"
        current.append([m.start(g), m.end(g), m.group(g), g == "u"])
    if current:
        runs.append(current)
    return runs


def _pair_votes(letters: list[str]) -> tuple[float, float]:
    """(latin, vietnamese) votes of consecutive letters that only one alphabet puts next to
    each other ("d, e" is Latin, "e, g" or "d, đ" Vietnamese); a pair resting on an "đ" counts
    half, since OCR often adds the bar to a "d"."""
    latin = vietnamese = 0.0
    for x, y in zip(letters, letters[1:], strict=False):
        lat = x in LATIN and y in LATIN and LATIN.index(y) - LATIN.index(x) == 1
        vie = x in VIETNAMESE and y in VIETNAMESE \
            and VIETNAMESE.index(y) - VIETNAMESE.index(x) == 1
        latin += lat and not vie
        vietnamese += (0.5 if "đ" in (x, y) else 1.0) * (vie and not lat)
    return latin, vietnamese


def _votes(groups: list[list[str]]) -> tuple[float, float]:
    """(latin, vietnamese) votes of letter groups: each "f" one Latin vote, each "đ" half a
    Vietnamese one (d/đ is the commonest OCR confusion, "f" is rarely invented), plus pairs."""
    latin = vietnamese = 0.0
    for letters in groups:
        latin += letters.count("f")
        vietnamese += 0.5 * letters.count("đ")
        lat, vie = _pair_votes(letters)
        latin, vietnamese = latin + lat, vietnamese + vie
    return latin, vietnamese


def reference_votes(text: str) -> tuple[float, float]:
    """Votes of the document's cross-references to its points ("điểm f mục 5", "các điểm a, b,
    c, d, e, f mục 2"): letters written in running text, not in the damaged marker column."""
    return _votes(referenced_points(text))


def choose_alphabet(text: str) -> str:
    """LATIN (… e f g …) or VIETNAMESE (… d đ e g …), decided first by the document's own
    cross-references to its points and, only when they are silent or tied, by the markers
    themselves. References come first because they sit in running text, where OCR damages a
    letter less often than in the marker column at the margin (an "f)" read as "(", "0", "6")."""
    latin, vietnamese = reference_votes(text)
    if latin == vietnamese:
        groups = [[o for _s, _e, o, unclosed in run if not unclosed] for run in _items(text)]
        latin, vietnamese = _votes(groups)
    return LATIN if latin > vietnamese else VIETNAMESE


def _confirmed(run: list, i: int, letter: str, alphabet: str) -> bool:
    """True if a later valid item lands exactly where the sequence from `letter` predicts."""
    base = alphabet.index(letter)
    for j in range(i + 1, len(run)):
        o = run[j][2]
        if o in alphabet and not run[j][3]:
            return alphabet.index(o) - base == j - i
    return False


def _run_edits(run: list, alphabet: str, look_alikes: dict[str, frozenset[str]]) -> list[Edit]:
    out = []
    prev: str | None = None
    for i, (start, end, o, unclosed) in enumerate(run):
        expected = "a" if prev is None else next_letter(prev, alphabet)
        if expected is None or o == expected:
            prev = o if o in alphabet else prev
            continue
        follows_digits = o.isdigit() and i + 1 < len(run) and run[i + 1][2] == str(int(o) + 1)
        fits = o in look_alikes.get(expected, ()) or _confirmed(run, i, expected, alphabet) \
            or (o != expected and skeleton(o) == skeleton(expected) and expected != "đ")
        if fits and not follows_digits and (not unclosed or prev is not None):
            new = expected + (")" if unclosed else "")
            out.append(Edit(start, end, new, f"list marker: {o}→{expected}", 0.9))
            prev = expected
        elif o in alphabet and not unclosed:
            prev = o
    return out


def marker_edits(text: str, look_alikes: dict[str, frozenset[str]]) -> list[Edit]:
    """List-marker fixes for the whole text; `look_alikes` maps a marker letter to what OCR
    is known to read it as."""
    alphabet = choose_alphabet(text)
    out: list[Edit] = []
    for run in _items(text):
        out.extend(_run_edits(run, alphabet, look_alikes))
    return out


_ROMANS = {to_roman(n): n for n in range(1, 60)}


def roman_edits(text: str) -> list[Edit]:
    """Heading numerals read with 1, l or | for I, fixed where the previous heading agrees; a
    numeral that lost one stroke of I ("II" for "III"), fixed where the headings before and
    after it leave exactly its place open (II, II, IV); a numeral that lost its dot ("II KHÁI
    QUÁT"), given it back where a neighbour continues the sequence."""
    out = []
    prev = 0
    found = list(_ROMAN.finditer(text))
    # the next numeral of the sequence: digits ("1." is arabic) are no neighbours
    numerals = [m.start() for m in found if not m.group("r").isdigit()]
    value_at = {m.start(): _ROMANS.get(m.group("r")) for m in found}
    for m in found:
        tok = m.group("r")
        k = bisect.bisect_right(numerals, m.start())
        nxt = value_at[numerals[k]] if k < len(numerals) else None
        if tok in _ROMANS:
            value, fixed = _ROMANS[tok], to_roman(prev + 1)
            if (prev and value <= prev and nxt == prev + 2 and len(fixed) == len(tok) + 1
                    and fixed.replace("I", "", 1) == tok):
                out.append(Edit(m.start("r"), m.end("r"), fixed,
                                f"roman numeral: {tok}→{fixed} (a stroke lost)"))
                value = prev + 1
            elif m.group("dot") is None and (value == prev + 1
                                             or (nxt is not None and value <= nxt <= value + 2)):
                out.append(Edit(m.end("r"), m.end("r"), ".", f"roman numeral: {tok}→{tok}."))
            elif m.group("dot") is None:
                continue  # a word in capitals ("CV", "XI") or a numeral nothing confirms
            prev = value
            continue
        if m.group("dot") is None:
            continue
        fixed = roman_from_lookalikes(tok)
        if prev and _ROMANS.get(fixed) == prev + 1:
            out.append(Edit(m.start("r"), m.end("r"), fixed, f"roman numeral: {tok}→{fixed}"))
            prev += 1
    return out


# a numeral alone on its line: a table's group row ("II", then its title on the next line)
# when the scan lost the tab between the cells
_LONE_ROMAN = regex.compile(r"^[ \t]*(?P<r>[IVXHỊÌÍl1|]{1,6})[ \t]*$", regex.M)
# how OCR misreads the strokes of I: two close together as H, a speck as a dot below or an
# accent, a serif as 1, l or |
_I_STROKES = str.maketrans({"Ị": "I", "Ì": "I", "Í": "I", "1": "I", "l": "I", "|": "I"})


def _as_roman(tok: str) -> int | None:
    """The value a lone numeral token was printed with, undoing the I-stroke misreadings."""
    return _ROMANS.get(tok.translate(_I_STROKES).replace("H", "II"))


def lone_roman_edits(text: str) -> list[Edit]:
    """"H" → "II", "IH" → "III", "VỊ" → "VI", "VIH" → "VIII" on lines holding only a numeral,
    where the numeral lines before or after continue the sequence (I, H, IH: 1, 2, 3)."""
    found = [(m, _as_roman(m.group("r"))) for m in _LONE_ROMAN.finditer(text)]
    found = [(m, v) for m, v in found if v is not None and not m.group("r").isdigit()]
    out = []
    for k, (m, v) in enumerate(found):
        tok = m.group("r")
        fixed = to_roman(v)
        if tok == fixed:
            continue
        before = k > 0 and found[k - 1][1] == v - 1
        after = k + 1 < len(found) and found[k + 1][1] == v + 1
        if before or after:
            out.append(Edit(m.start("r"), m.end("r"), fixed, f"roman numeral: {tok}→{fixed}"))
    return out


_REFERENCED = regex.compile(r"\b(Quý|quý|[Pp]hần|[Cc]hương)\s+([IVX1l|]{1,4})(?=[/;,.)\s]|$)")


def roman_reference_edits(text: str) -> list[Edit]:
    """"Quý 11/2019" → "Quý II/2019", "phần 111" → "phần III": a numeral after a word the
    document numbers in Roman elsewhere (quarters always are) read with 1 or l for I."""
    roman_words = {m.group(1).lower() for m in _REFERENCED.finditer(text)
                   if m.group(2) in _ROMANS}
    out = []
    for m in _REFERENCED.finditer(text):
        tok, word = m.group(2), m.group(1).lower()
        fixed = roman_from_lookalikes(tok)
        if tok == fixed or fixed not in _ROMANS:
            continue
        if word == "quý" and _ROMANS[fixed] > 4:
            continue
        if (word == "quý" and (tok.isdigit() and int(tok) > 4)) or word in roman_words:
            out.append(Edit(m.start(2), m.end(2), fixed, f"roman numeral: {tok}→{fixed}"))
    return out

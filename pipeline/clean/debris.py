"""Punctuation debris: specks of dirt that OCR reads as '.', ':', quotes or a tilde.

Only shapes that clean Vietnamese administrative prose does not contain are touched: a lone
punctuation mark between words, a colon glued between two lowercase words, an opening quote
with no closing one on its line, a '.' glued to the front of a word, '~' for a dash, a
mark inside a known two-syllable phrase, and a comma or semicolon inside a listed word that
running text writes often and never with punctuation inside ("cung, cấp", "ứng, dụng").
"""

from __future__ import annotations

import csv
from functools import lru_cache

import regex

from pipeline.clean import lexicon
from pipeline.offsets import Edit

# a lone mark (or a short run of them) with spaces around, inside a line
_LONE = regex.compile(r"(?<=\S) +[.:'`_„\"“”!|\\^ˆ=]{1,3}(?= +\S)")
_LONE_END = regex.compile(r"(?<=\S) +[:'`_„~\"“”|\\^ˆ*=]{1,3} *$", regex.M)
_GLUED_COLON = regex.compile(r"(?<=\p{Ll}):(?=\p{Ll})")
_LEAD_DOT = regex.compile(r"(?<=^|\s)[.'`,]+(?=\p{L}|\d)", regex.M)
_TILDE_DASH = regex.compile(r"(?<=^|\s)[~—](?=\s)", regex.M)
_OPEN_QUOTE = regex.compile(r"(?<=^|\s)[“\"'](?=\p{L})", regex.M)


def _unclosed_quotes(text: str) -> list[Edit]:
    out = []
    for m in _OPEN_QUOTE.finditer(text):
        line_end = text.find("\n", m.end())
        rest = text[m.end():line_end if line_end != -1 else len(text)]
        if not any(q in rest for q in "”\"'"):
            out.append(Edit(m.start(), m.end(), "", "debris: stray quote"))
    return out


_GLUED = regex.compile(r"(?<=(\p{L}+))"
                       r"(?:[.\-'`_]{1,2} ?(?=\p{Ll})|[:;](?=\p{Ll})|(?P<colon>: )(?=\p{Ll}))"
                       r"(?=(\p{L}+))")
COLON_PHRASE_MIN = 3.0  # a ": " is dropped only inside a phrase seen this often


def _word_breaks(text: str) -> list[Edit]:
    """A mark stuck inside a phrase ("cơ. quan", "doanh-nghiệp", "cho.việc"): dropped when the
    words on both sides form a known bigram."""
    from pipeline.clean.lexicon import key
    from pipeline.clean.words import model

    lm = model()
    out = []
    for m in _GLUED.finditer(text):
        a, b = key(m.captures(1)[-1]), key(m.captures(3)[0])
        if m.group("colon") and lm.lex.bi.get((a, b), 0.0) < COLON_PHRASE_MIN:
            continue
        if lm.has_bigram(a, b):
            out.append(Edit(m.start(), m.end(), " ", "debris: mark inside a phrase"))
    return out


# "lượng. giá trị": a full stop between two lowercase words; clean text never has one (a
# lowercase word after ". " is a list marker "b)" or an abbreviation's continuation)
_DOT_IN_SENTENCE = regex.compile(r"(?<=\p{Ll}{2})\.(?= \p{Ll}{2,}[ ,])")
_COMMA = regex.compile(r"(?<![\p{L}])(\p{L}+)[,;] (?=(\p{Ll}+))")
COMMA_PHRASE_MIN = 5.0  # weighted running-text count of the unpunctuated pair


@lru_cache(maxsize=1)
def punct_gaps() -> dict[tuple[str, str], int]:
    """Pairs that clean running text writes with a comma or semicolon between them."""
    with open(lexicon.RESOURCES / "punct_gaps.tsv", encoding="utf-8") as f:
        return {(r[0], r[1]): int(r[2]) for r in csv.reader(f, delimiter="\t")
                if r[0] != "first"}


def _comma_specks(text: str) -> list[Edit]:
    """A "," or ";" that splits a word: dropped only when the two syllables are a listed word,
    running text has the pair often (COMMA_PHRASE_MIN) and never with punctuation between,
    and a lowercase syllable follows. A speck of dirt after a word reads as "," or ";"; real
    punctuation falls between words, and "huyện, thị xã" keeps its comma since clean text
    writes "huyện, thị"."""
    from pipeline.clean.words import model

    lm = model()
    gaps = punct_gaps()
    out = []
    for m in _COMMA.finditer(text):
        a, b = lexicon.key(m.group(1)), lexicon.key(m.group(2))
        if not lm.is_compound(a, b) or (a, b) in gaps:
            continue
        if lm.lex.bi.get((a, b), 0.0) - 1.0 >= COMMA_PHRASE_MIN:  # minus the word-list entry
            out.append(Edit(m.end(1), m.end(1) + 2, " ", "debris: mark inside a word"))
    return out


def edits(text: str) -> list[Edit]:
    """Debris removals and the '~' → '-' fix."""
    out = [Edit(m.start(), m.end(), "", "debris: lone mark") for m in _LONE.finditer(text)
           if not regex.fullmatch(r" *\.{3} *", m.group())]
    out += [Edit(m.start(), m.end(), "", "debris: lone mark") for m in _LONE_END.finditer(text)]
    out += [Edit(m.start(), m.end(), " ", "debris: glued colon")
            for m in _GLUED_COLON.finditer(text)]
    out += [Edit(m.start(), m.end(), "", "debris: leading mark") for m in _LEAD_DOT.finditer(text)]
    out += [Edit(m.start(), m.end(), "-", "debris: dash") for m in _TILDE_DASH.finditer(text)]
    out += [Edit(m.start(), m.end(), "", "debris: full stop inside a sentence")
            for m in _DOT_IN_SENTENCE.finditer(text)]
    return out + _unclosed_quotes(text) + _word_breaks(text) + _comma_specks(text)

"""One matching engine for every phrase list of the agency lexicon: syllable tokens with exact
character offsets, a spaCy `Doc` whose NORM is the diacritic-folded word, and PhraseMatchers.

Text is cut into words and single punctuation marks (`\\w+|[^\\w\\s]`), so "Sở TT&TT" and
"Sở TT & TT", "Sở Tài\\nchính" and "Sở Tài chính" give the same tokens, and every token keeps its
offsets in the text. A spaCy blank multilingual vocabulary computes each word's NORM once, on
first sight: folded (`fold`), with dashes as "-". Known names and qualifiers match on NORM, so a
name whose tone marks OCR lost still matches; short cue and grammar words match on LOWER, and on
NORM only where the text has no marks at all (folded, "đối" and "dõi" would be one word).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

import spacy
from spacy.attrs import NORM
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from extractors.fold import fold
from extractors.mentions.agency.lexicon import Lexicon, lexicon

TOKEN = re.compile(r"\w+|[^\w\s]")
_DASHES = str.maketrans({"–": "-", "—": "-", "‑": "-"})
_AND = {"&": "va"}


def norm_of(word: str) -> str:
    """The NORM of a word: folded, dashes as "-", "&" as "và" ("Sở" → "so", "–" → "-", "&" →
    "va": "Sở Tài nguyên & Môi trường" is "Sở Tài nguyên và Môi trường")."""
    return _AND.get(word) or fold(word).translate(_DASHES)


def tokenize(text: str) -> tuple[list[str], list[int], list[int]]:
    """Words and punctuation marks of `text` with their start and end offsets."""
    spans = [m.span() for m in TOKEN.finditer(text)]
    return [text[s:e] for s, e in spans], [s for s, _ in spans], [e for _, e in spans]


@dataclass
class Scan:
    """One text as tokens, and every lexicon phrase found in it, by category and start token."""

    text: str
    words: list[str]
    starts: list[int]
    ends: list[int]
    lower: list[str]
    found: dict[str, dict[int, list[tuple[int, str]]]] = field(default_factory=dict)
    longest: dict[str, dict[int, tuple[int, str]]] = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self.words)

    def at(self, category: str, i: int) -> tuple[int, str] | None:
        """The longest phrase of `category` that starts at token `i`: (end token, label)."""
        return self.longest[category].get(i)

    def all_at(self, category: str, i: int) -> list[tuple[int, str]]:
        """Every phrase of `category` starting at token `i`, longest first."""
        return self.found[category].get(i, [])

    def is_word(self, i: int) -> bool:
        """True for a word token (letters or digits), False for punctuation or past the end."""
        return 0 <= i < len(self.words) and self.words[i][0].isalnum()

    def cap(self, i: int) -> bool:
        """True when token `i` is a word that starts with a capital letter."""
        return self.is_word(i) and self.words[i][0].isupper()

    def gap(self, i: int) -> str:
        """The text between token `i - 1` and token `i` (whitespace, or "" when they touch)."""
        if i <= 0 or i >= len(self.words):
            return ""
        return self.text[self.ends[i - 1]:self.starts[i]]

    def breaks_line(self, i: int) -> bool:
        """True when a line or cell break separates token `i` from the token before it."""
        gap = self.gap(i)
        return "\n" in gap or "\t" in gap

    def breaks_paragraph(self, i: int) -> bool:
        """True when a blank line separates token `i` from the token before it."""
        return self.gap(i).count("\n") >= 2

    def span_text(self, i: int, j: int) -> str:
        """The text of tokens i..j-1, as written."""
        return self.text[self.starts[i]:self.ends[j - 1]] if j > i else ""


CATEGORIES_ON_NORM = ("KNOWN", "QUAL", "PROVNAME")


class Engine:
    """The PhraseMatchers of the lexicon over one shared vocabulary."""

    def __init__(self, lex: Lexicon) -> None:
        self.words = lex.words
        self.labels: dict[int, tuple[str, str]] = {}
        self.categories: set[str] = set()
        self.nlp = spacy.blank("xx")
        self.nlp.vocab.lex_attr_getters[NORM] = norm_of
        self.norm = PhraseMatcher(self.nlp.vocab, attr="NORM")
        self.lower = PhraseMatcher(self.nlp.vocab, attr="LOWER")
        self.markless = PhraseMatcher(self.nlp.vocab, attr="NORM")
        for alias in lex.known:
            for variant in _variants(alias):
                self._add(self.norm, "KNOWN", alias, variant)
        self._add_all(self.norm, "QUAL", lex.qualifiers)
        self._add_all(self.norm, "PROVNAME", lex.provinces)
        for category, phrases in _lower_categories(lex).items():
            self._add_all(self.lower, category, phrases)
            self._add_all(self.markless, category, phrases)

    def _add(self, matcher: PhraseMatcher, category: str, label: str, phrase: str) -> None:
        words = tokenize(phrase)[0]
        if words:
            key = f"{category}\t{label}"
            matcher.add(key, [Doc(self.nlp.vocab, words=words)])
            self.labels[self.nlp.vocab.strings[key]] = (category, label)
            self.categories.add(category)

    def _add_all(self, matcher: PhraseMatcher, category: str, phrases) -> None:
        for phrase in phrases:
            self._add(matcher, category, phrase, phrase)

    def scan(self, text: str) -> Scan:
        """Tokens of `text` and every phrase of the lexicon in it."""
        words, starts, ends = tokenize(text)
        lower = [w.lower() for w in words]
        found: dict[str, dict[int, list[tuple[int, str]]]] = {c: {} for c in self.categories}
        scan = Scan(text, words, starts, ends, lower, found)
        if words:
            doc = Doc(self.nlp.vocab, words=words, spaces=[True] * len(words))
            hits = self.norm(doc) + self.lower(doc)
            if lost_marks(words):
                hits += self.markless(doc)
            labels = self.labels
            for match_id, s, e in hits:
                category, label = labels[match_id]
                found[category].setdefault(s, []).append((e, label))
            # longest first; phrases of one span in label order, never in set order (which
            # follows the string hash and would change the reading from one process to the next)
            for by_start in found.values():
                for s, ends_ in by_start.items():
                    if len(ends_) > 1:
                        by_start[s] = sorted(set(ends_), key=lambda h: (-h[0], h[1]))
            _drop_word_starts(scan, self.words)
        scan.longest = {c: {s: hits[0] for s, hits in by_start.items()}
                        for c, by_start in found.items()}
        return scan


MARKLESS_SHARE = 0.8
MARKLESS_MIN_WORDS = 4
MARKLESS_SAMPLE = 200
WORD_BOUND = ("HARD", "SOFT", "ROLE", "INVITE")


def lost_marks(words: list[str]) -> bool:
    """True when the text lost its tone marks (OCR without Vietnamese): most of its words are
    plain ASCII. Only then do cue words match without marks, since "La" is not "là"."""
    letters = [w for w in words[:MARKLESS_SAMPLE] if w[0].isalpha()]
    if len(letters) < MARKLESS_MIN_WORDS:
        return False
    return sum(w.isascii() for w in letters) >= MARKLESS_SHARE * len(letters)


def _drop_word_starts(scan: Scan, words: frozenset[str]) -> None:
    """Forget one-syllable cue words inside a longer word: "giao" (a request cue) in "giao
    thông", "tạo" (a clause verb) in "đào tạo", "tại" in "hiện tại"."""
    for category in WORD_BOUND:
        by_start = scan.found.get(category, {})
        for s in list(by_start):
            hits = [(e, label) for e, label in by_start[s]
                    if e - s > 1 or not _starts_word(scan, s, words)]
            if hits:
                by_start[s] = hits
            else:
                del by_start[s]


def _starts_word(scan: Scan, i: int, words: frozenset[str]) -> bool:
    after = (scan.is_word(i + 1) and not scan.breaks_line(i + 1)
             and f"{scan.lower[i]} {scan.lower[i + 1]}" in words)
    before = (scan.is_word(i - 1) and not scan.breaks_line(i)
              and f"{scan.lower[i - 1]} {scan.lower[i]}" in words)
    return after or before


def _variants(alias: str) -> set[str]:
    """An alias as written, without its commas, and without its hyphens: punctuation inside a
    name is optional ("Sở Lao động, Thương binh và Xã hội", "Sở Lao động Thương binh …")."""
    no_comma = alias.replace(",", " ")
    return {alias, no_comma, alias.replace("-", " "), no_comma.replace("-", " ")}


def _lower_categories(lex: Lexicon) -> dict[str, tuple[str, ...]]:
    return {
        "HEAD": tuple(lex.heads), "HARD": lex.hard_ends, "SOFT": lex.soft_ends,
        "ROLE": lex.role_cues, "INVITE": lex.group_cues, "PROV": lex.province_words,
        "CITY": lex.city_words, "LOCAL": lex.local_words, "AREA": lex.area_words,
        "COUNCIL": lex.councils,
        "LEVEL": tuple(lex.levels), "BOTH": lex.both_levels, "GROUP": lex.group_heads,
        "DET": lex.group_determiners, "CENTRAL": lex.central_markers,
    }


@lru_cache(maxsize=1)
def engine() -> Engine:
    """The engine, built once per process."""
    return Engine(lexicon())

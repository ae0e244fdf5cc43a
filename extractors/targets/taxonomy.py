"""Indicator codes from the data-driven taxonomy (`data/taxonomy.yaml`).

A code says what a number counts (ANNOTATION §2), so the words are read in order of closeness
to the number, and the first region that names a code decides:

1. a lead-in clause before the number ("Đào tạo … cho 100% cán bộ": the training is counted);
2. the head noun phrase right after it ("40% doanh nghiệp … tham gia thương mại điện tử" counts
   enterprises), where the population entries (`head: true`: doanh nghiệp, bệnh viện, trường
   học…) also apply;
3. the whole evidence, without the population entries: "dịch vụ công … cho doanh nghiệp" does
   not count enterprises;
4. a fallback (the sentence before the number).

Inside a region, entries are tried in file order, so the file puts specific entries before
general ones. Phrases are found with a spaCy PhraseMatcher over a blank multilingual pipeline
(syllable tokens, LOWER). A neutral entry (`code: NONE`, never a code itself: "người dân và
doanh nghiệp", the users of a service) hides the phrases inside it ("doanh nghiệp"). Phrases of
two or more syllables also match without tone marks, because OCR damages exactly those ("hải lòng").
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import spacy
import yaml
from spacy.matcher import PhraseMatcher

from extractors.targets.cues import fold

DATA = Path(__file__).parents[1] / "data" / "taxonomy.yaml"
NEUTRAL = "NONE"


@dataclass(frozen=True)
class _Entry:
    code: str
    patterns: tuple[tuple[str, ...], ...]
    head_only: bool


def _patterns(raw: dict) -> tuple[tuple[str, ...], ...]:
    return tuple(
        tuple(p.strip().lower() for p in str(pat).split(" + ")) for pat in raw["patterns"]
    )


class Taxonomy:
    """Code lookup for the regions of text around a number."""

    def __init__(self, entries: list[dict]) -> None:
        self.nlp = spacy.blank("xx")
        self.exact = PhraseMatcher(self.nlp.vocab, attr="LOWER")
        self.folded = PhraseMatcher(self.nlp.vocab, attr="LOWER")
        self.entries = [
            _Entry(raw["code"], _patterns(raw), bool(raw.get("head"))) for raw in entries
        ]
        phrases = {p for e in self.entries for pat in e.patterns for p in pat}
        self.neutral = {
            p for e in self.entries if e.code == NEUTRAL for pat in e.patterns for p in pat
        }
        for phrase in sorted(phrases):
            doc = self.nlp.make_doc(phrase)
            self.exact.add(phrase, [doc])
            if len(doc) >= 2:
                self.folded.add(phrase, [self.nlp.make_doc(fold(phrase))])

    def found(self, window: str) -> set[str]:
        """The taxonomy phrases in `window`, less those inside a neutral phrase."""
        text = window.replace("/", " / ")
        doc, fdoc = self.nlp.make_doc(text), self.nlp.make_doc(fold(text))
        spans = list(self.exact(doc))
        if len(fdoc) == len(doc):  # folding keeps the tokens when it keeps the length
            spans += self.folded(fdoc)
        names = [(self.nlp.vocab.strings[mid], s, e) for mid, s, e in spans]
        hidden = [(s, e) for name, s, e in names if name in self.neutral]
        return {
            name for name, s, e in names
            if name in self.neutral or not any(a <= s and e <= b and (a, b) != (s, e)
                                               for a, b in hidden)
        }

    def first(self, window: str, *, heads: bool) -> str | None:
        """The first entry found in `window` (population entries only if `heads`), else None."""
        if not window.strip():
            return None
        found = self.found(window)
        for entry in self.entries:
            if entry.code == NEUTRAL or (entry.head_only and not heads):
                continue
            if any(all(p in found for p in pat) for pat in entry.patterns):
                return entry.code
        return None

    def code(self, head: str, window: str, lead: str = "", fallback: str = "") -> str:
        """The code of a number from its regions, closest first (module docstring); OTHER."""
        for text, heads in ((lead, False), (head, True), (window, False), (fallback, False)):
            code = self.first(text, heads=heads)
            if code:
                return code
        return "OTHER"


@lru_cache(maxsize=1)
def taxonomy() -> Taxonomy:
    """The taxonomy, loaded once."""
    return Taxonomy(yaml.safe_load(DATA.read_text(encoding="utf-8")))


def code_for(head: str, window: str, lead: str = "", fallback: str = "") -> str:
    """Indicator code for the words around a number (see module docstring)."""
    return taxonomy().code(head, window, lead, fallback)

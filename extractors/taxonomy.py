"""Indicator codes from the data-driven taxonomy (`data/taxonomy.yaml`).

Phrases are matched with a spaCy PhraseMatcher over a blank multilingual pipeline: its syllable
tokens line up with the patterns reliably (TOOLCHAIN.md), and matching on LOWER makes the
taxonomy case-insensitive. An entry wins when all phrases of one of its patterns occur in the
window; entries are tried in file order, so the file decides precedence, not the code.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import spacy
import yaml
from spacy.matcher import PhraseMatcher

DATA = Path(__file__).parent / "data" / "taxonomy.yaml"


@dataclass(frozen=True)
class _Entry:
    code: str
    patterns: tuple[tuple[str, ...], ...]


class Taxonomy:
    """Code lookup for the text around a number."""

    def __init__(self, entries: list[dict]) -> None:
        self.nlp = spacy.blank("xx")
        self.matcher = PhraseMatcher(self.nlp.vocab, attr="LOWER")
        self.entries: list[_Entry] = []
        phrases: set[str] = set()
        for raw in entries:
            pats = tuple(
                tuple(p.strip().lower() for p in str(pat).split(" + ")) for pat in raw["patterns"]
            )
            self.entries.append(_Entry(raw["code"], pats))
            phrases.update(p for pat in pats for p in pat)
        for phrase in sorted(phrases):
            self.matcher.add(phrase, [self.nlp.make_doc(phrase)])

    def found(self, window: str) -> set[str]:
        """The taxonomy phrases that occur in `window`."""
        doc = self.nlp.make_doc(window.replace("/", " / "))
        return {self.nlp.vocab.strings[mid] for mid, _, _ in self.matcher(doc)}

    def code(self, window: str, fallback: str = "") -> str:
        """The first entry whose pattern occurs in `window`, else in `fallback`, else OTHER."""
        for text in (window, fallback):
            if not text:
                continue
            found = self.found(text)
            for entry in self.entries:
                if any(all(p in found for p in pat) for pat in entry.patterns):
                    return entry.code
        return "OTHER"


@lru_cache(maxsize=1)
def taxonomy() -> Taxonomy:
    """The taxonomy, loaded once."""
    return Taxonomy(yaml.safe_load(DATA.read_text(encoding="utf-8")))


def code_for(window: str, fallback: str = "") -> str:
    """Indicator code for the words around a number (see module docstring)."""
    return taxonomy().code(window, fallback)

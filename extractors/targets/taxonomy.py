"""Indicator codes from the data-driven taxonomy (`data/taxonomy.yaml`).

A code says what a number counts (ANNOTATION §2), so the words are read in order of closeness
to the number, and the first region that names a code decides:

1. a lead-in clause before the number ("Đào tạo … cho 100% cán bộ": the training is counted),
   then the `predicate` entries on the evidence ("50% cán bộ chuyên trách CNTT được đào tạo":
   the training again, not the IT staff);
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

The codes are about IT and digital government, while plans of every domain set targets: an
entry marked `digital` (populations, training, generic words of administration) gives its code
only when the target's words or clause name IT or digital use (the `DIGITAL` entry's words),
so "100% trạm y tế xã có bác sĩ" or "lao động qua đào tạo nghề" is OTHER while "100% bệnh viện
triển khai bệnh án điện tử" is HEALTH.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import spacy
from spacy.matcher import PhraseMatcher

from extractors.targets.cues import fold
from pipeline.yamldata import load_yaml

DATA = Path(__file__).parents[1] / "data" / "taxonomy.yaml"
NEUTRAL = "NONE"
DIGITAL = "DIGITAL"


@dataclass(frozen=True)
class _Entry:
    code: str
    patterns: tuple[tuple[str, ...], ...]
    head_only: bool
    digital: bool = False
    predicate: bool = False


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
            _Entry(raw["code"], _patterns(raw), bool(raw.get("head")), bool(raw.get("digital")),
                   bool(raw.get("predicate")))
            for raw in entries
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

    def digital(self, window: str) -> bool:
        """True when `window` says the figure is about IT or digital use (the DIGITAL entry)."""
        found = self.found(window)
        return any(all(p in found for p in pat)
                   for e in self.entries if e.code == DIGITAL for pat in e.patterns)

    def first(self, window: str, *, heads: bool, digital: bool = True,
              predicates: bool = False) -> str | None:
        """The first entry found in `window` (population entries only if `heads`, entries
        marked `digital` only if `digital`, only `predicate` entries if `predicates`), else
        None."""
        if not window.strip():
            return None
        found = self.found(window)
        for entry in self.entries:
            if entry.code in (NEUTRAL, DIGITAL) or (entry.head_only and not heads):
                continue
            if predicates != entry.predicate:
                continue
            if entry.digital and not digital:
                continue
            if any(all(p in found for p in pat) for pat in entry.patterns):
                return entry.code
        return None

    def code(self, head: str, window: str, lead: str = "", fallback: str = "",
             context: str = "") -> str:
        """The code of a number from its regions, closest first (module docstring); OTHER.
        `context` is where digital words are looked for (the target's words and clause)."""
        digital = self.digital(" . ".join((lead, head, window, fallback, context)))
        regions = ((lead, False, False), (window, False, True), (head, True, False),
                   (window, False, False), (fallback, False, False))
        for text, heads, predicates in regions:
            code = self.first(text, heads=heads, digital=digital, predicates=predicates)
            if code:
                return code
        return "OTHER"


@lru_cache(maxsize=1)
def taxonomy() -> Taxonomy:
    """The taxonomy, loaded once."""
    return Taxonomy(load_yaml(DATA.read_text(encoding="utf-8")))


def code_for(head: str, window: str, lead: str = "", fallback: str = "",
             context: str = "") -> str:
    """Indicator code for the words around a number (see module docstring)."""
    return taxonomy().code(head, window, lead, fallback, context)

"""Speckled scans: tell them apart, and undo what specks do to real glyphs.

Salt-and-pepper dirt on a scan does two things to OCR output. It adds marks where clean text
has none (a lone ".", "cơ quan: nhà"), which the debris step removes on sight. And it changes
real glyphs a speck touches: a comma gains a dot and reads ";", a small "v", "x" or "s" grows
into a capital, and marks appear glued to words ("điện tử: tỉnh", "-ngành"). These leave
nothing impossible behind, so they can only be undone by knowing how often they happen, and
that depends on the scan: on the training renders about 13 % of commas read ";" on a speckled
page and none do on a clean or a low-resolution one.

The debris step's own count of speck signatures (lone marks, marks inside a phrase) per 1,000
characters tells the two regimes apart (training renders: at most 1.0 on clean pages, at least
4.2 on speckled ones). On a speckled document this module reads the confusion rates from
`corpora/resources/speck_channel.tsv` (learned by `scripts/train_specks.py` from renders of
general text, no seed) and decides each case by Bayes: P(observed | intended) times how often
clean text writes the intended form there (`casing.tsv`, `punct_context.tsv`, the bigrams).
The word step switches to the channel learned on speckled renders (`candidates.py`). A clean
document is not touched (its rates are near zero). A full stop read as ":" (10 % on speckled
renders) is left: the words around a colon do not tell it from a full stop well enough.
"""

from __future__ import annotations

import csv
import math
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from functools import lru_cache

import regex

from pipeline.clean import casing, lexicon
from pipeline.offsets import Edit

SIGNATURE = frozenset({"debris: lone mark", "debris: mark inside a phrase"})
MIN_CHARS = 1000  # a shorter text gives too few chances for a speck to show


@dataclass(frozen=True)
class SpeckChannel:
    """Regime threshold and P(observed | intended) per regime ("clean", "speckled")."""

    threshold: float  # speck signatures per 1,000 characters that make a page speckled
    rates: dict[tuple[str, str, str, str], float]  # (regime, kind, intended, observed) -> P

    def rate(self, regime: str, kind: str, intended: str, observed: str) -> float:
        """P(observed | intended) in `regime`; 0 for a pair never counted."""
        return self.rates.get((regime, kind, intended, observed), 0.0)


@lru_cache(maxsize=1)
def channel() -> SpeckChannel:
    """The learned regime threshold and confusion rates."""
    threshold, rates = 0.0, {}
    with open(lexicon.RESOURCES / "speck_channel.tsv", encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            if row["kind"] == "threshold":
                threshold = float(row["p"])
            else:
                rates[row["regime"], row["kind"], row["intended"], row["observed"]] = \
                    float(row["p"])
    return SpeckChannel(threshold, rates)


def speck_rate(debris_edits: Sequence[Edit], text: str) -> float:
    """Speck signatures among the debris step's edits, per 1,000 characters of `text` (a
    removed quote is not counted: quotes spaced apart are a typesetting habit, not dirt)."""
    if len(text) < MIN_CHARS:
        return 0.0
    n = sum(1 for e in debris_edits if e.reason in SIGNATURE
            and not set(text[e.start:e.end]) & set("“”\"'"))
    return 1000.0 * n / len(text)


def regime(debris_edits: Sequence[Edit], text: str) -> str:
    """"speckled" or "clean" for the document `text`."""
    return "speckled" if speck_rate(debris_edits, text) >= channel().threshold else "clean"


# the regime of the document being cleaned: measured by the first debris pass (before its
# specks are gone), read by the later steps (the word channel, the second debris pass)
_DOCUMENT: ContextVar[dict[str, str] | None] = ContextVar("speckled_document", default=None)


@contextmanager
def document_scope(regime_: str | None = None) -> Iterator[None]:
    """Scope in which one document is cleaned (`runner.clean_text`); `regime_` sets its
    regime instead of measuring it."""
    token = _DOCUMENT.set({} if regime_ is None else {"regime": regime_})
    try:
        yield
    finally:
        _DOCUMENT.reset(token)


def document_regime(debris_edits: Sequence[Edit], text: str) -> str:
    """The regime of the document in scope, measured on its first debris pass; outside a
    scope, the regime of `text` itself."""
    scope = _DOCUMENT.get()
    if scope is not None and "regime" in scope:
        return scope["regime"]
    found = regime(debris_edits, text)
    if scope is not None:
        scope["regime"] = found
    return found


def current_regime() -> str:
    """The regime of the document in scope ("clean" when none was measured)."""
    scope = _DOCUMENT.get()
    return scope.get("regime", "clean") if scope else "clean"


# a Capitalized word right after a lowercase word on the same line: "và Xà hội", "cải cách Hành"


# a sighting in the document itself against one in other provinces' plans: "Các sở, ban,
# ngành" opening a table cell eight times on one page is that drafter's habit, not specks.
# With the page's seed out of the casing counts, weights 1 / 2 / 5 gave the noisy level
# (all pages) −45.3 / −45.5 / −45.4 % against −45.3 % without it, and lifted the precision of
# the capital repairs from 58 % to 84 % (pages 1-12)
DOCUMENT_WEIGHT = 2.0


def _capitals(text: str, regime_: str) -> list[Edit]:
    """A capital inside a sentence that a speck made of a small letter: lowercased when
    P(capital seen | small letter) x P(small here) beats P(capital here), the latter two from
    how often clean text writes the word each way after a lowercase word."""
    ch = channel()
    counts = casing.counts()
    doc_lower, doc_capital = casing.text_counts(text)
    out = []
    for m in casing.AFTER_LOWERCASE.finditer(text):
        word = m.group()
        if not word[0].isupper():
            continue
        k = lexicon.key(word)
        lower, capital = counts.get(k, (0, 0))
        if lower < casing.MIN_SIGHTINGS:
            continue
        p = ch.rate(regime_, "case", word[0].lower(), word[0])
        # the document's own habit, with the capitals specks would make taken out
        seen = doc_lower[k] + doc_capital[k]
        lower += DOCUMENT_WEIGHT * doc_lower[k]
        capital += DOCUMENT_WEIGHT * max(doc_capital[k] - p * seen, 0.0)
        if p * lower > (1.0 - p) * (capital + 0.5):
            out.append(Edit(m.start(), m.start() + 1, word[0].lower(),
                            "speckled: capital inside a sentence", round(p, 4)))
    return out


# a semicolon inside a line, before a lowercase word: "người dân; doanh nghiệp"
_MID_SEMICOLON = regex.compile(r"(?<![\p{L}\d])(\p{L}+);(?= (\p{Ll}+)(?![\p{L}\d]))")
CONTEXT_WEIGHT = 20.0  # pseudo-counts of the pooled word distribution behind each mark's own


@dataclass(frozen=True)
class PunctContext:
    """What clean text has on each side of a mid-line comma and semicolon: counts per (side,
    word), side "left" for the word before the mark, "right" for the one after."""

    counts: dict[tuple[str, str], tuple[int, int]]  # (side, word) -> (commas, semicolons)
    totals: tuple[int, int]  # all commas, all semicolons

    def log_odds(self, left: str, right: str) -> float:
        """log P(",", left, right) − log P(";", left, right): naive Bayes over the two words,
        each mark's word distribution smoothed toward the pooled one."""
        n_comma, n_semicolon = self.totals
        n = n_comma + n_semicolon
        out = math.log(n_comma / n_semicolon)
        for side, word in (("left", left), ("right", right)):
            a, b = self.counts.get((side, word), (0, 0))
            pooled = (a + b + 0.5) / (n + 0.5 * len(self.counts))
            out += math.log((a + CONTEXT_WEIGHT * pooled) / (n_comma + CONTEXT_WEIGHT))
            out -= math.log((b + CONTEXT_WEIGHT * pooled) / (n_semicolon + CONTEXT_WEIGHT))
        return out

    @classmethod
    def from_counts(cls, commas: dict[tuple[str, str], int],
                    semicolons: dict[tuple[str, str], int]) -> PunctContext:
        """From per-(side, word) counts of commas and of semicolons."""
        counts = {k: (commas.get(k, 0), semicolons.get(k, 0))
                  for k in set(commas) | set(semicolons)}
        return cls(counts, (sum(v for (side, _), v in commas.items() if side == "left"),
                            sum(v for (side, _), v in semicolons.items() if side == "left")))


@lru_cache(maxsize=1)
def punct_context() -> PunctContext:
    """Commas against semicolons (`punct_context.tsv`, scripts/build_resources.py)."""
    commas, semicolons = {}, {}
    with open(lexicon.RESOURCES / "punct_context.tsv", encoding="utf-8") as f:
        for row in csv.reader(f, delimiter="\t"):
            if row[0] != "side":
                commas[row[0], row[1]], semicolons[row[0], row[1]] = int(row[2]), int(row[3])
    return PunctContext.from_counts(commas, semicolons)


def _semicolons(text: str, regime_: str) -> list[Edit]:
    """A ";" inside a line that a speck made of a ",": changed when P(";" seen | ",") times
    the odds of a comma between these two words beats keeping the semicolon."""
    p = channel().rate(regime_, "punct", ",", ";")
    ctx = punct_context()
    out = []
    for m in _MID_SEMICOLON.finditer(text):
        odds = math.log(p / (1 - p)) \
            + ctx.log_odds(lexicon.key(m.group(1)), lexicon.key(m.group(2)))
        if odds > 0:
            out.append(Edit(m.end(1), m.end(), ",", "speckled: comma read as a semicolon",
                            round(odds, 3)))
    return out


# marks glued to the end of a word inside a line: "điện tử: tỉnh", "ở cấp, tỉnh", "Hải. Dương"
_TRAILING_MARK = regex.compile(r"(?<![\p{L}\d])(\p{L}+)([.:,;\-!]{1,3}) (?=(\p{L}+)(?![\p{L}\d]))")
# marks glued to the front of a word inside a line: "ban, -ngành", "chung, :cơ sở", "..-tin"
_LEADING_MARK = regex.compile(r"(?<=\S[ \t]+)[-.:,;_]{1,4}(?=\p{L})")
# how often clean text must write the two words side by side before a mark between them is
# taken for a speck: a comma or semicolon is common between words (about one boundary in 20),
# a colon, full stop or dash inside a sentence rare, while specks add them at 1-4 % of
# boundaries (training renders)
PHRASE_MIN = {":": 1.0, "-": 1.0, "!": 1.0, ".": 3.0, ",": 10.0, ";": 10.0}


def _inserted_marks(text: str) -> list[Edit]:
    """Marks a speck added: glued to the front of a word inside a line, or glued to the end
    of a word that clean text writes, unpunctuated, right before the next one."""
    from pipeline.clean.debris import punct_gaps  # late: both import this module
    from pipeline.clean.words import model

    lm = model()
    gaps = punct_gaps()
    out = [Edit(m.start(), m.end(), "", "speckled: mark before a word")
           for m in _LEADING_MARK.finditer(text)]
    for m in _TRAILING_MARK.finditer(text):
        left, marks, right = m.group(1), m.group(2), m.group(3)
        if left.isupper() and len(left) > 1:  # "QUYẾT ĐỊNH:", "CNTT."
            continue
        a, b = lexicon.key(left), lexicon.key(right)
        if right[0].isupper() and not (lm.is_compound(a, b) or casing.is_name_word(b)):
            continue  # "tỉnh. Đến hết": a capital may start a sentence; "Hải. Dương" is a name
        need = max(PHRASE_MIN[c] for c in marks)
        if lm.pair_count(a, b) >= need and (a, b) not in gaps:
            out.append(Edit(m.start(2), m.end(2), "", "speckled: mark inside a phrase"))
    return out


def edits(text: str, debris_edits: Sequence[Edit]) -> list[Edit]:
    """Edits undoing glyph changes specks make, given the debris step's own edits."""
    regime_ = document_regime(debris_edits, text)
    if regime_ != "speckled":
        return []
    removed = _inserted_marks(text) + _speck_bullets(text, debris_edits)
    spans = {(e.start, e.end) for e in removed}
    changed = [e for e in _semicolons(text, regime_)
               if (e.start, e.end) not in spans]  # no mark at all beats another mark
    return _capitals(text, regime_) + removed + changed


def _speck_bullets(text: str, debris_edits: Sequence[Edit]) -> list[Edit]:
    """Line openings the debris step took for bullets that, on a speckled page, are specks: a
    run with "_" (no bullet is drawn so), or a dash glued to the word ("-Phát", "--Xây").
    On the bench's speckled pages these were real bullets 2 times in 25, while a spaced "~"
    was one 17 times in 21."""
    out = []
    for e in debris_edits:
        run = text[e.start:e.end]
        if e.reason == "debris: bullet" and ("_" in run or run == run.rstrip()):
            out.append(Edit(e.start, e.end, "", "speckled: mark opening a line"))
    return out

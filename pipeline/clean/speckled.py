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
4.2 on speckled ones). The first pass's measure is the
document's regime, kept on the cleaning context (`CleanContext.regime`). On a speckled document
this module reads the confusion rates of `pipeline/clean/data/speck_channel.tsv` (learned by
`scripts/train_specks.py` from renders of general text, no seed) and decides each case by
Bayes: P(observed | intended) times how often clean text writes the intended form there
(`casing.tsv`, `punct_context.tsv`, the bigrams). The word step switches to the channel
learned on speckled renders (`ocr_model/channel.py`). A clean
document is not touched (its rates are near zero). A full stop read as ":" (10 % on speckled
renders) is left: the words around a colon do not tell it from a full stop well enough.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import regex

from pipeline.clean.context import CleanContext
from pipeline.clean.ocr_model.casing import AFTER_LOWERCASE, text_counts
from pipeline.offsets import Edit
from pipeline.vi.syllable import key

SIGNATURE = frozenset({"debris: lone mark", "debris: mark inside a phrase"})


def speck_rate(debris_edits: Sequence[Edit], text: str, min_chars: int = 1000) -> float:
    """Speck signatures among the debris step's edits, per 1,000 characters of `text` (a
    removed quote is not counted: quotes spaced apart are a typesetting habit, not dirt); 0 for
    a text under `min_chars`, which gives too few chances for a speck to show."""
    if len(text) < min_chars:
        return 0.0
    n = sum(1 for e in debris_edits if e.reason in SIGNATURE
            and not set(text[e.start:e.end]) & set("“”\"'"))
    return 1000.0 * n / len(text)


def regime(debris_edits: Sequence[Edit], text: str, ctx: CleanContext) -> str:
    """"speckled" or "clean" for the document `text`, from the debris found on it."""
    rate = speck_rate(debris_edits, text, ctx.config.speck.min_chars)
    return "speckled" if rate >= ctx.resources.specks.threshold else "clean"


# a sighting in the document itself against one in other provinces' plans
# (`SpeckConfig.document_weight`): "Các sở, ban, ngành" opening a table cell eight times on
# one page is that drafter's habit, not specks (docs/cleaning.md has the weights tried)


def _capitals(text: str, ctx: CleanContext) -> list[Edit]:
    """A capital inside a sentence that a speck made of a small letter: lowercased when
    P(capital seen | small letter) x P(small here) beats P(capital here), the latter two from
    how often clean text writes the word each way after a lowercase word."""
    ch, casing = ctx.resources.specks, ctx.resources.casing
    weight = ctx.config.speck.document_weight
    doc_lower, doc_capital = text_counts(text)
    out = []
    for m in AFTER_LOWERCASE.finditer(text):
        word = m.group()
        if not word[0].isupper():
            continue
        k = key(word)
        lower, capital = casing.get(k)
        if lower < casing.config.min_sightings:
            continue
        p = ch.rate(ctx.scan_regime, "case", word[0].lower(), word[0])
        # the document's own habit, with the capitals specks would make taken out
        seen = doc_lower[k] + doc_capital[k]
        lower += weight * doc_lower[k]
        capital += weight * max(doc_capital[k] - p * seen, 0.0)
        if p * lower > (1.0 - p) * (capital + 0.5):
            out.append(Edit(m.start(), m.start() + 1, word[0].lower(),
                            "speckled: capital inside a sentence", round(p, 4)))
    return out


# a semicolon inside a line, before a lowercase word: "người dân; doanh nghiệp"
_MID_SEMICOLON = regex.compile(r"(?<![\p{L}\d])(\p{L}+);(?= (\p{Ll}+)(?![\p{L}\d]))")


def _semicolons(text: str, ctx: CleanContext) -> list[Edit]:
    """A ";" inside a line that a speck made of a ",": changed when P(";" seen | ",") times
    the odds of a comma between these two words beats keeping the semicolon."""
    p = ctx.resources.specks.rate(ctx.scan_regime, "punct", ",", ";")
    punct, weight = ctx.resources.punct_context, ctx.config.speck.context_weight
    out = []
    for m in _MID_SEMICOLON.finditer(text):
        odds = math.log(p / (1 - p)) \
            + punct.log_odds(key(m.group(1)), key(m.group(2)), weight)
        if odds > 0:
            out.append(Edit(m.end(1), m.end(), ",", "speckled: comma read as a semicolon",
                            round(odds, 3)))
    return out


# marks glued to the end of a word inside a line: "điện tử: tỉnh", "ở cấp, tỉnh", "Hải. Dương"
_TRAILING_MARK = regex.compile(r"(?<![\p{L}\d])(\p{L}+)([.:,;\-!]{1,3}) (?=(\p{L}+)(?![\p{L}\d]))")
# marks glued to the front of a word inside a line: "ban, -ngành", "chung, :cơ sở", "..-tin"
_LEADING_MARK = regex.compile(r"(?<=\S[ \t]+)[-.:,;_]{1,4}(?=\p{L})")
# how often clean text must write the two words side by side before a mark between them is
# taken for a speck (`SpeckConfig.phrase_min`): a comma or semicolon is common between words
# (about one boundary in 20), a colon, full stop or dash inside a sentence rare, while specks
# add them at 1-4 % of boundaries (training renders)


def _inserted_marks(text: str, ctx: CleanContext) -> list[Edit]:
    """Marks a speck added: glued to the front of a word inside a line, or glued to the end
    of a word that clean text writes, unpunctuated, right before the next one."""
    lm, gaps, casing = ctx.resources.lm, ctx.resources.punct_gaps, ctx.resources.casing
    phrase_min = dict(ctx.config.speck.phrase_min)
    out = [Edit(m.start(), m.end(), "", "speckled: mark before a word")
           for m in _LEADING_MARK.finditer(text)]
    for m in _TRAILING_MARK.finditer(text):
        left, marks, right = m.group(1), m.group(2), m.group(3)
        if left.isupper() and len(left) > 1:  # "QUYẾT ĐỊNH:", "CNTT."
            continue
        a, b = key(left), key(right)
        if right[0].isupper() and not (lm.is_compound(a, b) or casing.is_name_word(b)):
            continue  # "tỉnh. Đến hết": a capital may start a sentence; "Hải. Dương" is a name
        need = max(phrase_min[c] for c in marks)
        if lm.pair_count(a, b) >= need and (a, b) not in gaps:
            out.append(Edit(m.start(2), m.end(2), "", "speckled: mark inside a phrase"))
    return out


def edits(text: str, debris_edits: Sequence[Edit], ctx: CleanContext) -> list[Edit]:
    """Edits undoing glyph changes specks make, given the debris step's own edits, on a
    document whose regime is speckled."""
    if ctx.scan_regime != "speckled":
        return []
    removed = _inserted_marks(text, ctx) + _speck_bullets(text, debris_edits)
    spans = {(e.start, e.end) for e in removed}
    changed = [e for e in _semicolons(text, ctx)
               if (e.start, e.end) not in spans]  # no mark at all beats another mark
    return _capitals(text, ctx) + removed + changed


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

"""Cleaning step: OCR word correction by a noisy channel over syllables, plus tone placement.

Each syllable token is compared with its candidates (same skeleton with other marks, or a few
OCR letter confusions away) under a bigram language model in both directions. An unknown
syllable is almost surely an error and is replaced by the best candidate; a known syllable is
replaced only when its context prefers another one by a wide margin (real-word errors such as
"Chính quyền diện tử"). Codes, acronyms and foreign words are left alone, and so is, in a text
file, a word the document itself writes often in the same place (`usage.py`). Typed digital
text gets no word repair at all, only the tone-placement normalization.
"""

from __future__ import annotations

import bisect

import regex

from pipeline.clean import stray, tone
from pipeline.clean.config import WordConfig
from pipeline.clean.context import CleanContext
from pipeline.clean.ocr_model import prior
from pipeline.clean.ocr_model.casing import Casing
from pipeline.clean.ocr_model.channel import OcrChannel
from pipeline.clean.ocr_model.decode import Scorer, broken_compounds
from pipeline.clean.ocr_model.doccache import DocCache
from pipeline.clean.ocr_model.lm import BigramLM
from pipeline.clean.tokens import Token, runs, tokenize
from pipeline.clean.usage import DocumentUsage
from pipeline.offsets import Edit, select_edits
from pipeline.vi.syllable import fold_foreign, place_tone, recase, split_tone


def _margin_needed(tok: Token, sentence_start: bool, cfg: WordConfig, casing: Casing,
                   scale: float = 1.0, best: str = "") -> float:
    """How much better candidate `best` must score than the token itself; `scale` is the
    document's adaptive error prior (`prior.margin_scale`), applied to the base margins only."""
    if not tok.known:
        need = cfg.oov_margin * scale
    else:
        need = cfg.real_word_margin * scale
        if tok.text[:1].isupper() and not tok.text.isupper() and not sentence_start \
                and not casing.is_name_word(best):
            need += cfg.capital_extra  # a name (all capitals are a heading's), unless the
            # candidate is itself a word names are made of ("Công" → "Cổng")
    if any(c.isdigit() for c in tok.text):
        need += cfg.mixed_digit_extra
    return need


def _options(lm: BigramLM, channel: OcrChannel, cfg: WordConfig, toks: list[Token],
             i: int) -> tuple[tuple[str, float], ...]:
    """Candidates for token i: just itself when protected or supported by a seen bigram."""
    tok = toks[i]
    own = ((tok.key, 0.0),)
    if not tok.fixable:
        return own
    if tok.known:
        left = i > 0 and toks[i].joined
        right = i + 1 < len(toks) and toks[i + 1].joined
        if left and right:
            supported = lm.has_bigram(toks[i - 1].key, tok.key) \
                and lm.has_bigram(tok.key, toks[i + 1].key)
        elif left or right:  # one side only ("thông tín,"): one listing is too little
            pair = (toks[i - 1].key, tok.key) if left else (tok.key, toks[i + 1].key)
            supported = lm.pair_count(*pair) >= cfg.edge_seen_min
        else:
            supported = True
        if supported:
            return own
    return channel.candidates(tok.key)[:cfg.max_candidates]


def doc_cache(toks: list[Token], lm: BigramLM, cfg: WordConfig) -> DocCache:
    """The document cache over the trusted syllables of `toks`: known and supported by a seen
    bigram on one joined side at least. OCR errors are often systematic (a hook read as an
    acute all through a page: "phát triến"); counting every known syllable would let the
    repeated error vote for itself, while the base LM already doubts such pairs."""
    seen = [False] + [t.joined and t.known and toks[i].known and lm.has_bigram(toks[i].key, t.key)
                      for i, t in enumerate(toks[1:])] + [False]  # seen[i]: pair (i-1, i)
    trusted = [t.known and (not t.fixable or seen[i] or seen[i + 1]) for i, t in enumerate(toks)]
    return DocCache([t.key for t in toks], [t.joined for t in toks], trusted,
                    cfg.cache_lambda, cfg.cache_mu)


def correct_keys(toks: list[Token], ctx: CleanContext) -> list[tuple[str, float]]:
    """Corrected key and margin per token: Viterbi per run, then each change must beat keeping
    the token by its margin, given the chosen neighbours (and, in a text file, must not undo
    the document's own usage)."""
    cfg, lm = ctx.config.words, ctx.resources.lm
    channel = ctx.resources.channel(ctx.scan_regime)
    result = [(t.key, 0.0) for t in toks]
    cache = doc_cache(toks, lm, cfg)
    scorer = Scorer(lm, cache, ctx.config.channel.weight)
    scale = prior.margin_scale(toks, ctx.config.prior)
    usage = DocumentUsage(toks) if ctx.keeps_document_usage else None
    for run in runs(toks):
        lattice = [_options(lm, channel, cfg, toks, i) for i in run]
        if all(len(o) == 1 for o in lattice):
            continue
        broken = broken_compounds(lm, [toks[i].key for i in run]) + [False, False]
        obs = [toks[i].key if cache.counted[i] else None for i in run]
        path = scorer.viterbi(lattice, broken, obs, cfg.beam)
        for j, i in enumerate(run):
            best = path[j]
            if best == toks[i].key:
                continue
            around = [path[k] if 0 <= k < len(path) else None for k in (j - 2, j - 1, j + 1, j + 2)]
            cost = dict(lattice[j])[best]
            br = (broken[j], broken[j + 1], broken[j + 2])
            ob = [obs[k] if 0 <= k < len(obs) else None for k in (j - 1, j, j + 1, j + 2)]
            margin = scorer.local(around, best, cost, br, ob) \
                - scorer.local(around, toks[i].key, 0.0, br, ob)
            if margin < _margin_needed(toks[i], j == 0, cfg, ctx.resources.casing, scale, best):
                continue
            if usage and usage.keeps(toks, i, best, ctx.config.origin.usage_min):
                continue
            result[i] = (best, margin)
    return result


def render(key: str, like: str, style: str) -> str:
    """A lexicon key written in the document's tone style and the original token's case."""
    base, t = split_tone(key)
    return recase(place_tone(base, t, style), like)


def word_edits(text: str, ctx: CleanContext, style: str) -> list[Edit]:
    """OCR word corrections for `text`, rendered in the document's tone-placement `style`."""
    lm = ctx.resources.lm
    toks = tokenize(text, lm, ctx.resources.channel(ctx.scan_regime), ctx.config.words.cheap_fix)
    out: list[Edit] = []
    for tok, (best, margin) in zip(toks, correct_keys(toks, ctx), strict=True):
        if tok.foreign and not tok.fixable:
            new = _folded_code(tok.text, ctx.resources.acronyms)
            if new:
                out.append(Edit(tok.start, tok.end, new, f"ocr word: {tok.text}→{new}", 0.9))
            continue
        if best == tok.key and not (tok.foreign and best in lm.lex.uni):
            continue  # a foreign letter is folded when that makes a syllable
        new = render(best, tok.text, style)
        if tok.text[0].isdigit() and _opens_sentence(text, tok.start):
            new = new[:1].upper() + new[1:]  # "(8an hành" → "(Ban hành": no case to copy
        if new != tok.text:
            score = round(1.0 - 10 ** (-margin), 4)
            out.append(Edit(tok.start, tok.end, new, f"ocr word: {tok.text}→{new}", score))
    return out


def _folded_code(token: str, acronyms: dict[str, int]) -> str | None:
    """A code with a letter Vietnamese never writes, as the known acronym it stands for
    ("UBÑD" → "UBND"), the letter either folded or dropped as a doubled stroke
    ("NÑQ" → "NQ"); None when neither makes a known acronym."""
    folded = fold_foreign(token)
    dropped = "".join(c for c in token if fold_foreign(c) == c)
    return next((c for c in (folded, dropped) if c in acronyms), None)


_OPENING = regex.compile(r"(?:^|[.!?]\s+)[(“\"]?\s*$")


def _opens_sentence(text: str, start: int) -> bool:
    """True if the token at `start` opens a line or a sentence (maybe after a bracket)."""
    line_start = text.rfind("\n", 0, start) + 1
    return _OPENING.search(text[line_start:start]) is not None


def edits(text: str, ctx: CleanContext) -> list[Edit]:
    """Word corrections, stray letters dropped, and tone-placement fixes on the words they
    leave alone (never overlapping: the word correction wins); where OCR repairs are not
    allowed (`ctx.ocr_repairs`), the tone placement alone."""
    counts = tone.style_counts(text)
    if not ctx.ocr_repairs:
        return tone.edits(text, counts)
    fixes = select_edits(word_edits(text, ctx, tone.majority_style(counts))
                         + stray.stray_letter_edits(text, ctx.resources.lm.lex.domain_uni)
                         + stray.stray_consonant_edits(text))
    spans = [(e.start, e.end) for e in fixes]
    extra = [e for e in tone.edits(text, counts) if not _overlaps(e, spans)]
    return sorted(fixes + extra, key=lambda e: e.start)


def _overlaps(e: Edit, spans: list[tuple[int, int]]) -> bool:
    """True if `e` overlaps one of the sorted, disjoint `spans`."""
    i = bisect.bisect_right(spans, (e.start, e.start))
    return any(a < e.end and e.start < b for a, b in spans[max(0, i - 1):i + 1])

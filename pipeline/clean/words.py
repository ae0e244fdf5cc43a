"""Cleaning step: OCR word correction by a noisy channel over syllables, plus tone placement.

Each syllable token is compared with its candidates (same skeleton with other marks, or a few
OCR letter confusions away) under a bigram language model in both directions. An unknown
syllable is almost surely an error and is replaced by the best candidate; a known syllable is
replaced only when its context prefers another one by a wide margin (real-word errors such as
"Chính quyền diện tử"). Codes, acronyms and foreign words are left alone.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from functools import lru_cache

import regex

from pipeline.clean import casing, lexicon, prior, stray, tone
from pipeline.clean.candidates import CHANNEL_WEIGHT, candidates
from pipeline.clean.doccache import DocCache
from pipeline.clean.lm import BigramLM
from pipeline.clean.syllable import (
    VOWELS,
    fold_foreign,
    has_vietnamese_marks,
    is_shaped,
    place_tone,
    recase,
    split_tone,
)
from pipeline.offsets import Edit, select_edits

OOV_MARGIN = 0.5  # margin to replace an unknown syllable
REAL_WORD_MARGIN = 0.75  # margin to replace a known syllable
CAPITAL_EXTRA = 2.0  # extra margin for a capitalized known syllable inside a sentence
MIXED_DIGIT_EXTRA = 1.0  # extra margin for letters+digits tokens ("8an" for "Ban")
EDGE_SEEN_MIN = 3.0  # weighted count of its one bigram that keeps a run's end token as it is
MAX_CANDIDATES = 14  # candidates per suspicious token kept in the Viterbi lattice
BEAM = 8  # Viterbi states kept per position (the rest cannot win once the channel weighs in)
CHEAP_FIX = 3.0  # channel cost (log10) under which an unshaped token is taken for a damaged one

_TOKEN = regex.compile(r"[\p{L}\p{M}0-9]+")
_SPACES = regex.compile(r" +")


@dataclass
class Token:
    """One letter (or letter+digit) run of the text and how the corrector may treat it."""

    start: int
    end: int
    text: str
    key: str
    joined: bool  # separated from the previous token by spaces only
    fixable: bool
    known: bool
    foreign: bool = False  # carries letters or marks Vietnamese never writes ("theø", "Läk")


@lru_cache(maxsize=1)
def model() -> BigramLM:
    """The default language model over the committed lexicon."""
    return BigramLM(lexicon.load())


def _fixable(text: str, key: str, known: bool) -> bool:
    """False for numbers, codes, acronyms and foreign words: things to protect."""
    if text.isdigit() or len(text) == 1:
        return False  # numbers; single letters are list markers, initials, point names
    if not text.isalpha() and any(c.isdigit() for c in text):  # isalpha: the fast common case
        letters = [c for c in text if c.isalpha()]
        return len(letters) >= 2 and text[0].isdigit() and len(text) <= 6 \
            and "".join(letters).islower()
    if known:
        return True
    if text.isupper() and len(text) > 1 and split_tone(key)[1] == 0 \
            and (len(text) <= 4 or not has_vietnamese_marks(text)):
        return False  # UBND, CNTT, NQ, HĐND, ĐT, TƯ (a tone mark makes it a word: "GHỦ")
    if text.islower() and len(text) > 1 and not any(c in VOWELS for c in key):
        return True  # a syllable that lost its vowels ("nh" for "tỉnh")
    if is_shaped(key) or has_vietnamese_marks(text):
        return True
    # unshaped and unmarked: a foreign word unless one cheap confusion makes it a syllable
    return any(0 < cost <= CHEAP_FIX for _c, cost in candidates(key))


def tokenize(text: str, lm: BigramLM) -> list[Token]:
    """Tokens of `text` with their lookup keys and protection flags."""
    out: list[Token] = []
    prev_end = -1
    for m in _TOKEN.finditer(text):
        t = m.group()
        folded = fold_foreign(t)
        k = lexicon.key(folded)
        known = k in lm.lex.uni and folded == t
        joined = prev_end >= 0 and _SPACES.fullmatch(text, prev_end, m.start()) is not None
        before = text[m.start() - 1] if m.start() else " "
        after = text[m.end()] if m.end() < len(text) else " "
        # URL, e-mail or path parts; a "." beside a marked syllable is dirt ("các.hỉnh")
        in_code = before in "/@\\" or after in "/@" or (
            before == "." and not has_vietnamese_marks(t))
        fixable = not in_code and _fixable(folded, k, k in lm.lex.uni)
        out.append(Token(m.start(), m.end(), t, k, joined, fixable, known, folded != t))
        prev_end = m.end()
    return out


def _margin_needed(tok: Token, sentence_start: bool, scale: float = 1.0,
                   best: str = "") -> float:
    """How much better candidate `best` must score than the token itself; `scale` is the
    document's adaptive error prior (`prior.margin_scale`), applied to the base margins only."""
    if not tok.known:
        need = OOV_MARGIN * scale
    else:
        need = REAL_WORD_MARGIN * scale
        if tok.text[:1].isupper() and not tok.text.isupper() and not sentence_start \
                and not casing.is_name_word(best):
            need += CAPITAL_EXTRA  # a name (all capitals are a heading's), unless the
            # candidate is itself a word names are made of ("Công" → "Cổng")
    if any(c.isdigit() for c in tok.text):
        need += MIXED_DIGIT_EXTRA
    return need


def _options(lm: BigramLM, toks: list[Token], i: int) -> tuple[tuple[str, float], ...]:
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
            supported = lm.pair_count(*pair) >= EDGE_SEEN_MIN
        else:
            supported = True
        if supported:
            return own
    return candidates(tok.key)[:MAX_CANDIDATES]


def _broken(lm: BigramLM, keys: list[str]) -> list[bool]:
    """Per position j of a run: True if the OCR'd syllables j-1 and j are both orphans (part
    of no listed word with either neighbour), which is what a compound broken by OCR leaves
    ("lễ lời" for "lề lối"); only there may a candidate pair earn the compound bonus. A
    syllable already inside a word ("đạt hiệu quả") earns nothing for making another one."""
    pair = [j > 0 and lm.is_compound(keys[j - 1], keys[j]) for j in range(len(keys))] + [False]
    orphan = [not pair[j] and not pair[j + 1] for j in range(len(keys))]
    return [j > 0 and orphan[j - 1] and orphan[j] for j in range(len(keys))]


def _viterbi(lm: BigramLM, lattice: list[tuple[tuple[str, float], ...]],
             broken: list[bool], cache: DocCache, obs: list[str | None]) -> list[str]:
    """Best key sequence through a run of joined tokens under the LM mixed with the document
    cache, and the channel (trigram context taken from each state's best predecessor)."""
    scores = {c: cache.mix(lm.logp(None, c), None, c, None, obs[0]) - CHANNEL_WEIGHT * cost
              for c, cost in lattice[0]}
    back: list[dict[str, str]] = [{c: None for c in scores}]
    for j, opts in enumerate(lattice[1:], 1):
        nxt: dict[str, float] = {}
        ptr: dict[str, str] = {}
        before = back[-1]
        oa, oc = obs[j - 1], obs[j]
        for c, cost in opts:
            best_p, best_s = None, None
            for p, ps in scores.items():
                s = ps + cache.mix(lm.path_logp(before[p], p, c, broken[j]), p, c, oa, oc)
                if best_s is None or s > best_s:
                    best_p, best_s = p, s
            nxt[c] = best_s - CHANNEL_WEIGHT * cost
            ptr[c] = best_p
        back.append(ptr)
        scores = nxt if len(nxt) <= BEAM else dict(
            sorted(nxt.items(), key=lambda kv: kv[1], reverse=True)[:BEAM])
    path = [max(scores, key=scores.__getitem__)]
    for ptr in reversed(back[1:]):
        path.append(ptr[path[-1]])
    return path[::-1]


def _local(lm: BigramLM, ctx: list[str | None], c: str, cost: float,
           broken: tuple[bool, bool, bool], cache: DocCache, obs: list[str | None]) -> float:
    """Score of key `c` with fixed neighbours ctx = [two before, one before, one after,
    two after] (None where the run ends); `broken` says where the compound bonus may apply
    (into c, into the next, into the one after); `obs` are the OCR'd keys [one before, here,
    one after, two after] whose own counts the cache leaves out."""
    z, a, n, n2 = ctx
    s = cache.mix(lm.path_logp(z, a, c, broken[0]), a, c, obs[0], obs[1]) \
        - CHANNEL_WEIGHT * cost
    if n is not None:
        s += cache.mix(lm.path_logp(a, c, n, broken[1]), c, n, obs[1], obs[2])
        if n2 is not None:
            s += cache.mix(lm.path_logp(c, n, n2, broken[2]), n, n2, obs[2], obs[3])
    return s


def _runs(toks: list[Token]) -> list[range]:
    """Index ranges of tokens joined by spaces only (n-gram context never crosses others)."""
    out, start = [], 0
    for i in range(1, len(toks) + 1):
        if i == len(toks) or not toks[i].joined:
            out.append(range(start, i))
            start = i
    return out


def doc_cache(toks: list[Token], lm: BigramLM) -> DocCache:
    """The document cache over the trusted syllables of `toks`: known and supported by a seen
    bigram on one joined side at least. OCR errors are often systematic (a hook read as an acute all
    through a page: "phát triến"); counting every known syllable would let the repeated error
    vote for itself, while the base LM already doubts such pairs."""
    seen = [False] + [t.joined and t.known and toks[i].known and lm.has_bigram(toks[i].key, t.key)
                      for i, t in enumerate(toks[1:])] + [False]  # seen[i]: pair (i-1, i)
    trusted = [t.known and (not t.fixable or seen[i] or seen[i + 1]) for i, t in enumerate(toks)]
    return DocCache([t.key for t in toks], [t.joined for t in toks], trusted)


def correct_keys(toks: list[Token], lm: BigramLM) -> list[tuple[str, float]]:
    """Corrected key and margin per token: Viterbi per run, then each change must beat keeping
    the token by its margin, given the chosen neighbours."""
    result = [(t.key, 0.0) for t in toks]
    cache = doc_cache(toks, lm)
    scale = prior.margin_scale(toks)
    for run in _runs(toks):
        lattice = [_options(lm, toks, i) for i in run]
        if all(len(o) == 1 for o in lattice):
            continue
        broken = _broken(lm, [toks[i].key for i in run]) + [False, False]
        obs = [toks[i].key if cache.counted[i] else None for i in run]
        path = _viterbi(lm, lattice, broken, cache, obs)
        for j, i in enumerate(run):
            best = path[j]
            if best == toks[i].key:
                continue
            ctx = [path[k] if 0 <= k < len(path) else None for k in (j - 2, j - 1, j + 1, j + 2)]
            cost = dict(lattice[j])[best]
            br = (broken[j], broken[j + 1], broken[j + 2])
            ob = [obs[k] if 0 <= k < len(obs) else None for k in (j - 1, j, j + 1, j + 2)]
            margin = _local(lm, ctx, best, cost, br, cache, ob) \
                - _local(lm, ctx, toks[i].key, 0.0, br, cache, ob)
            if margin >= _margin_needed(toks[i], j == 0, scale, best):
                result[i] = (best, margin)
    return result


def render(key: str, like: str, style: str) -> str:
    """A lexicon key written in the document's tone style and the original token's case."""
    base, t = split_tone(key)
    return recase(place_tone(base, t, style), like)


def word_edits(text: str, lm: BigramLM | None = None) -> list[Edit]:
    """OCR word corrections for `text`, rendered in the document's tone-placement style."""
    lm = lm or model()
    toks = tokenize(text, lm)
    style = tone.document_style(text)
    out: list[Edit] = []
    for tok, (best, margin) in zip(toks, correct_keys(toks, lm), strict=True):
        if tok.foreign and not tok.fixable:
            new = _folded_code(tok.text)
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


def _folded_code(token: str) -> str | None:
    """A code with a letter Vietnamese never writes, as the known acronym it stands for
    ("UBÑD" → "UBND"), the letter either folded or dropped as a doubled stroke
    ("NÑQ" → "NQ"); None when neither makes a known acronym."""
    from pipeline.clean.structure import acronyms

    known = acronyms()
    folded = fold_foreign(token)
    dropped = "".join(c for c in token if fold_foreign(c) == c)
    return next((c for c in (folded, dropped) if c in known), None)


_OPENING = regex.compile(r"(?:^|[.!?]\s+)[(“\"]?\s*$")


def _opens_sentence(text: str, start: int) -> bool:
    """True if the token at `start` opens a line or a sentence (maybe after a bracket)."""
    line_start = text.rfind("\n", 0, start) + 1
    return _OPENING.search(text[line_start:start]) is not None


def edits(text: str, _given: object = None, lm: BigramLM | None = None) -> list[Edit]:
    """Word corrections, stray letters dropped, and tone-placement fixes on the words they
    leave alone (never overlapping: the word correction wins)."""
    lm = lm or model()
    fixes = select_edits(word_edits(text, lm)
                         + stray.stray_letter_edits(text, lm.lex.domain_uni)
                         + stray.stray_consonant_edits(text))
    spans = [(e.start, e.end) for e in fixes]
    extra = [e for e in tone.edits(text) if not _overlaps(e, spans)]
    return sorted(fixes + extra, key=lambda e: e.start)


def _overlaps(e: Edit, spans: list[tuple[int, int]]) -> bool:
    """True if `e` overlaps one of the sorted, disjoint `spans`."""
    i = bisect.bisect_right(spans, (e.start, e.start))
    return any(a < e.end and e.start < b for a, b in spans[max(0, i - 1):i + 1])

"""Seeded OCR-like noise for Vietnamese text: cheap, large tests of the word corrector.

Damages syllables the way Tesseract does on Vietnamese scans: a wrong or missing tone mark,
a lost or wrong vowel modifier (ư/u, ơ/o, ê/e, â/ă/a), đ/d, and letter confusions taken in
reverse from the channel's letter confusions (`pipeline/clean/data/`).
"""

from __future__ import annotations

import random
import unicodedata

import regex

from pipeline.vi.syllable import TONE_MARKS, place_tone, recase, split_tone

_WORD = regex.compile(r"\p{L}+")
_MOD_SWAPS = {"ư": "u", "ơ": "o", "ê": "e", "â": "a", "ă": "a", "ô": "o", "đ": "d",
              "u": "ư", "o": "ơ", "e": "ê", "a": "â", "d": "đ"}
Confusions = tuple[tuple[str, str, float], ...]  # (seen, meant, cost)


def _tone(syl: str, rng: random.Random, _confusions: Confusions) -> str:
    base, t = split_tone(syl)
    return place_tone(base, rng.choice([k for k in range(len(TONE_MARKS)) if k != t]))


def _modifier(syl: str, rng: random.Random, _confusions: Confusions) -> str:
    base, t = split_tone(syl)
    spots = [i for i, c in enumerate(base) if c in _MOD_SWAPS]
    if not spots:
        return syl
    i = rng.choice(spots)
    base = base[:i] + _MOD_SWAPS[base[i]] + base[i + 1:]
    return place_tone(unicodedata.normalize("NFC", base), t)


def _letter(syl: str, rng: random.Random, confusions: Confusions) -> str:
    options = [(seen, meant) for seen, meant, _ in confusions
               if meant in syl and seen.isalpha()]
    if not options:
        return syl
    seen, meant = rng.choice(options)
    return syl.replace(meant, seen, 1)


def inject(text: str, rate: float, seed: int = 0, confusions: Confusions | None = None) -> str:
    """`text` with about `rate` of its syllables damaged; the same seed gives the same text.
    Letter confusions are the clean-regime channel's unless given."""
    if confusions is None:
        from pipeline.clean.resources import load_resources

        confusions = load_resources().channel("clean").confusions
    rng = random.Random(seed)
    kinds = [_tone, _tone, _modifier, _modifier, _letter]

    def damage(m: regex.Match) -> str:
        w = m.group()
        if rng.random() >= rate or not w.islower():
            return w
        return recase(rng.choice(kinds)(w.lower(), rng, confusions), w)

    return _WORD.sub(damage, text)

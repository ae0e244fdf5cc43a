"""Administrative level a target applies to (tinh, huyen, xa), or None.

One level named in the target's words ("80% hồ sơ công việc tại cấp tỉnh") is its scope;
several levels at once ("sở, ban, ngành tỉnh, UBND cấp huyện, cấp xã") or an all-levels phrase
("các cấp", "từ cấp tỉnh đến cấp xã") is province-wide, so None, like no level at all.
"""

from __future__ import annotations

from functools import lru_cache

import regex

from extractors.targets.cues import cue_re, cues, words_re


@lru_cache(maxsize=1)
def _level_res() -> dict[str, regex.Pattern]:
    return {lvl: words_re(words) for lvl, words in cues()["scope_levels"].items()}


def scope_level(window: str) -> str | None:
    """The single administrative level named in `window`, else None."""
    if cue_re("scope_all").search(window):
        return None
    found = [lvl for lvl, rx in _level_res().items() if rx.search(window)]
    return found[0] if len(found) == 1 else None

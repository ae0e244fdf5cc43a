"""The task of a duty as a short phrase: its first clause (house style of the worked example).

The clause ends at the first ";" or "." outside brackets, at a blank line, or at a comma that
starts a new verb phrase (", đảm bảo…") once the clause already has a few words; a comma inside
a list of verbs ("Xây dựng, sửa đổi, bổ sung …") does not end it. A colon does not end it either,
so "quy định về: chi nhuận bút" keeps the first item of its list.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import regex

from extractors.fold import collapse, fold, fold_document
from pipeline.yamldata import load_yaml

ROLES = Path(__file__).parents[1] / "data" / "roles.yaml"


@lru_cache(maxsize=1)
def roles_data() -> dict:
    """The role cue vocabulary, loaded once."""
    return load_yaml(ROLES.read_text(encoding="utf-8"))


def cue_pattern(key: str) -> str:
    """Alternation (folded, longest first) of the cue list `key` in roles.yaml."""
    words = sorted(roles_data()[key], key=len, reverse=True)
    alts = []
    for w in words:
        p = regex.escape(fold(w)).replace(r"\ ", r"\s+").replace(",", r"\s*,?")
        alts.append(p.replace(r"\s+\s*,?", r"\s*,?"))
    return "|".join(alts)


@lru_cache(maxsize=1)
def _new_clause() -> regex.Pattern:
    return regex.compile(rf",\s*(?:{cue_pattern('clause_verbs')})(?!\w)")


def clause_end(
    text: str, start: int, limit: int | None = None, stop_at_bracket: bool = False
) -> int:
    """Offset where the first clause starting at `start` ends (exclusive, trailing space cut)."""
    limit = len(text) if limit is None else limit
    folded = fold_document(text)
    depth, words, i = 0, 0, start
    min_words = int(roles_data()["clause_min_words"])
    while i < limit:
        ch = text[i]
        if ch in "([" and stop_at_bracket and depth == 0:
            break
        if ch in "([":
            depth += 1
        elif ch in ")]" and depth:
            depth -= 1
        elif ch in ")]":
            break  # the clause began inside brackets ("(qua Sở A để tổng hợp)")
        elif _ends_clause(text, folded, i, depth, words >= min_words):
            break
        elif ch.isspace() and i > start and not text[i - 1].isspace():
            words += 1
        i += 1
    while i > start and (text[i - 1].isspace() or text[i - 1] in ",:"):
        i -= 1
    return i


def _ends_clause(text: str, folded: str, i: int, depth: int, long_enough: bool) -> bool:
    """";", a sentence ".", a blank line, or ", <new verb>" once the clause is long enough."""
    ch = text[i]
    if ch == "\n":
        return bool(regex.match(r"\n[ \t]*\n", text[i:]))
    if depth:
        return False
    if ch == ";":
        return True
    if ch == ".":
        return _sentence_dot(text, i)
    if ch != "," or not long_enough or not _new_clause().match(folded, i):
        return False
    return not _noun_list(folded, i)


@lru_cache(maxsize=1)
def _noun_pair() -> tuple[regex.Pattern, regex.Pattern]:
    before = regex.compile(rf"(?<!\w)(?:{cue_pattern('list_nouns')})\s*$")
    after = regex.compile(rf",\s*(?:{cue_pattern('noun_verbs')})(?!\w)")
    return before, after


def _noun_list(folded: str, i: int) -> bool:
    """", tổ chức" after "các cơ quan" lists organisations, it does not start a new verb phrase."""
    before, after = _noun_pair()
    return bool(after.match(folded, i) and before.search(folded, max(0, i - 30), i))


def _sentence_dot(text: str, i: int) -> bool:
    """A "." that ends a sentence, not one inside "1.2", "TP." or "./."."""
    nxt = text[i + 1:i + 2]
    if nxt and nxt.isdigit() and text[i - 1:i].isdigit():
        return False
    return not nxt or nxt.isspace() or nxt in "/\"”"


def skip_prefix(text: str, start: int) -> int:
    """Skip spaces, ":" and a task prefix such as "trong việc", "để" at `start`."""
    words = "|".join(regex.escape(w) for w in sorted(roles_data()["task_prefix"], key=len)[::-1])
    m = regex.match(rf"[\s:,*]*(?:(?:{words})\s+)?", text[start:start + 40].lower())
    return start + (m.end() if m else 0)


def task_text(text: str, start: int, end: int) -> str:
    """The task string: whitespace collapsed, markdown and trailing punctuation removed."""
    return collapse(text[start:end].replace("**", "")).strip(" .;:,")

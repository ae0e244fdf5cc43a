"""Targets (ANNOTATION §2): every quantified commitment of a plan, one record per target.

Sentence by sentence: find the numbers that can be targets (numbers.py), drop baselines,
budgets and qualifiers, read comparator, kind and indicator from the words around each number
(phrases.py), its year from the sentence, the headings above it or the plan's title (years.py,
context.py), its scope (scope.py) and code (taxonomy.py); then merge restatements.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex
from rapidfuzz import fuzz

from extractors.context import Zone, enclosing, sentences, zones_from_sections, zones_from_text
from extractors.cues import cue_re
from extractors.numbers import find_mentions, find_ranks
from extractors.phrases import (
    MARKER,
    indicator_after,
    lead_of,
    lead_phrase,
    subject_before,
    tail_end,
)
from extractors.scope import scope_level
from extractors.taxonomy import code_for
from extractors.years import plan_year, year_for, year_mentions
from pipeline.model import DocumentMeta, Section, Target


@dataclass
class _Num:
    """A candidate number in a sentence, before it becomes a Target."""

    start: int
    end: int
    noun_start: int
    value: float
    value_max: float | None
    unit: str
    comparator: str | None = None


@dataclass
class _Doc:
    text: str
    zones: list[Zone]
    year: int | None
    period: int | None


def extract_targets(text: str, sections: list[Section], meta: DocumentMeta) -> list[Target]:
    """Every quantified commitment in `text`, ordered by position, restatements merged."""
    year, period = plan_year(text, meta)
    zones = zones_from_sections(sections) if sections else zones_from_text(text, year)
    doc = _Doc(text, zones, year, period)
    out: list[Target] = []
    for s, e in sentences(text):
        if any(z.skip for z in enclosing(zones, s)):
            continue
        out.extend(_sentence_targets(doc, s, e))
    return dedup(sorted(out, key=lambda t: (t.start, t.end)))


def _candidates(text: str, s: int, e: int) -> list[_Num]:
    """Numbers in one sentence that can be targets, in order."""
    seg = text[s:e]
    nums = [
        _Num(s + r.start, s + r.end, s + r.end, r.value, None, "rank", r.comparator)
        for r in find_ranks(seg)
    ]
    taken = [(n.start, n.end) for n in nums]
    for m in find_mentions(seg):
        a, b = s + m.start, s + m.end
        if any(x <= a < y for x, y in taken):
            continue
        if text[a - 1 : a] == "(" and text[b : b + 1] == ")":
            continue  # "(100%)": a note on the figure before it
        unit = m.unit
        if unit == "count" and cue_re("per100").search(text[max(s, a - 80) : min(e, b + 40)]):
            unit = "per100"
        nums.append(_Num(a, b, b, m.value, m.value_max, unit))
    return sorted(nums, key=lambda n: n.start)


def _is_baseline(text: str, s: int, e: int, pos: int) -> bool:
    """True when the clause around `pos` reports the past or present, not a commitment."""
    left = max(text.rfind(";", s, pos), text.rfind(". ", s, pos), s - 1) + 1
    right = min(x for x in (text.find(";", pos, e), e) if x >= 0)
    clause = text[left:right]
    return bool(cue_re("baseline_cues").search(clause)) and not cue_re(
        "commitment_cues"
    ).search(text[s:e])


def _sentence_targets(doc: _Doc, s: int, e: int) -> list[Target]:
    text = doc.text
    nums = _candidates(text, s, e)
    if not nums:
        return []
    leads = [lead_of(text, n.start, n.end) for n in nums]
    years = year_mentions(text, s, e)
    out: list[Target] = []
    prev_kind, prev_tail = "level", (-1, -1)
    for i, (n, lead) in enumerate(zip(nums, leads, strict=True)):
        nxt = leads[i + 1].start if i + 1 < len(nums) else e
        tail = (n.end, tail_end(text, n.end, max(n.end, nxt)))
        if n.unit in ("count", "per100") and prev_tail[0] <= n.start < prev_tail[1]:
            continue  # "100% khu công nghiệp có tối thiểu 1 trạm 5G": a qualifier
        if _is_baseline(text, s, e, n.start) or _money(text, n, tail[1]):
            continue
        kind = lead.kind
        between = text[prev_tail[1] : lead.start] if prev_tail[1] > 0 else "x"
        joined = regex.fullmatch(r"[\s,;]*(và)?\s*", between)
        if kind == "level" and prev_kind != "level" and joined:
            kind = prev_kind  # "thêm 400 dịch vụ … và 50 dịch vụ …"
        t = _build(doc, n, lead, kind, tail, s, e, years, nxt)
        if t is not None:
            out.append(t)
            prev_kind, prev_tail = kind, (n.start, tail[1])
    return out


def _money(text: str, n: _Num, tail_stop: int) -> bool:
    words = regex.sub(r"^\s*(?:các\s+)?", "", text[n.end : tail_stop])
    return n.unit == "%" and bool(cue_re("money_context", at_start=True).match(words))


def _build(doc, n, lead, kind, tail, s, e, years, nxt) -> Target | None:  # noqa: ANN001
    """One Target from a number and the words around it."""
    text = doc.text
    comparator = n.comparator or lead.comparator
    if n.value_max is not None:
        comparator = "range"
    ind_start = n.noun_start if n.unit != "count" else n.end
    indicator = indicator_after(text, ind_start, tail[1])
    ev_start, ev_end, method = lead.start, tail[1], n.unit
    scope_win = text[n.start : min(tail[1], n.end + 70)]
    if not indicator:
        subj = subject_before(text, s, n.start)
        if subj:
            indicator = text[subj[0] : subj[1]].split(None, 2)[-1]
            ev_start, ev_end, method = subj[0], max(n.end, tail[1]), method + "+subject"
            scope_win = text[subj[0] : subj[1]]
        else:
            ls, le = lead_phrase(text, s, n.start)
            indicator = text[ls:le].strip()
            ev_start, method = ls, method + "+lead"
            scope_win = text[ls:le] + " " + scope_win
    elif regex.search(r"(?<!\w)(?:đến|tới|cho)\s*$", text[max(s, lead.start - 6) : lead.start]):
        ls, le = lead_phrase(text, s, n.start)
        ev_start, method = ls, method + "+lead"
        indicator = text[ls:le].strip() or indicator
        scope_win = text[ls:le] + " " + scope_win
    if not indicator or len(indicator) < 3:
        return None
    ev_start += len(MARKER.match(text[ev_start:ev_end]).group())
    evidence = text[ev_start:ev_end].strip()
    ev_start = text.find(evidence, ev_start)
    year, period = _year(doc, years, n.start, nxt)
    code = code_for(evidence, text[s:e])
    if n.unit == "rank":
        code = "RANKING"
    return Target(
        indicator=" ".join(indicator.split()), code=code, value=n.value,
        value_max=n.value_max, unit=n.unit, comparator=comparator, kind=kind,
        scope_level=scope_level(scope_win) if n.unit != "rank" else None,
        year=year, period_start=period, evidence=evidence, start=ev_start,
        end=ev_start + len(evidence), method=method,
    )


def _year(doc: _Doc, years, pos: int, nxt: int) -> tuple[int | None, int | None]:  # noqa: ANN001
    """Year of the number at `pos`: its sentence, else its headings, else the plan's title."""
    ym = year_for(years, pos, nxt)
    if ym:
        return ym.year, ym.period_start
    for z in reversed(enclosing(doc.zones, pos)):
        if z.year:
            return z.year, z.period_start
    return doc.year, doc.period


def dedup(targets: list[Target]) -> list[Target]:
    """Drop restatements: same value, unit, code, year and scope as an earlier target."""
    kept: list[Target] = []
    for t in targets:
        key = (t.value, t.value_max, t.unit, t.code, t.year, t.scope_level)
        same = [
            k for k in kept
            if (k.value, k.value_max, k.unit, k.code, k.year, k.scope_level) == key
            and fuzz.token_set_ratio(k.indicator.lower(), t.indicator.lower()) >= 60
        ]
        if not same:
            kept.append(t)
    return kept

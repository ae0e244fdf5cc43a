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

from extractors.mentions.years import annual_plan, plan_year, year_for, year_mentions
from extractors.targets.context import (
    Zone,
    enclosing,
    sentences,
    zones_from_labels,
    zones_from_sections,
    zones_from_text,
)
from extractors.targets.cues import alternation, cue_re, cues
from extractors.targets.numbers import find_mentions, find_ranks
from extractors.targets.phrases import (
    MARKER,
    clause_start,
    head_end,
    indicator_after,
    lead_of,
    lead_phrase,
    list_intro,
    possessor_lead,
    predicate_start,
    share_subject,
    subject_before,
    tail_end,
)
from extractors.targets.restated import appendix_span, restated_year
from extractors.targets.scope import scope_level
from extractors.targets.taxonomy import code_for
from pipeline.model import DocumentMeta, Section, Table, Target


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


def extract_targets(text: str, sections: list[Section], meta: DocumentMeta,
                    tables: list[Table] | None = None) -> list[Target]:
    """Every quantified commitment in `text`, ordered by position, restatements merged;
    `tables` are the document model's tables (cells with spans into `text`)."""
    year, period = plan_year(text, meta)
    zones = zones_from_sections(sections) if sections else zones_from_text(text, year)
    zones += zones_from_labels(text)
    doc = _Doc(text, zones, year, period)
    out: list[Target] = []
    sentence_of: dict[int, int] = {}
    for i, (s, e) in enumerate(sentences(text)):
        if any(z.skip for z in enclosing(zones, s)):
            continue
        for t in _sentence_targets(doc, s, e):
            sentence_of[id(t)] = i
            out.append(t)
    out.sort(key=lambda t: (t.start, t.end))
    if not annual_plan(text, meta):
        _restated_years(text, sections, out)
    return dedup(out, [sentence_of[id(t)] for t in out])


def _restated_years(text: str, sections: list[Section], targets: list[Target]) -> None:
    """Body targets dated only by the plan's horizon take the time of the appendix row that
    restates them (restated.py)."""
    span = appendix_span(text, sections)
    if span is None:
        return
    for t in targets:
        if PLAN_YEAR in t.method and not span[0] <= t.start < span[1]:
            found = restated_year(text, span, t)
            if found:
                t.year, t.period_start = found
                t.method = t.method.replace(PLAN_YEAR, "+appendix_year")


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
        if unit == "count" and _in_parens(text, s, a):
            continue  # "(35 sở, ngành, huyện + 479 xã)": a costing base or a note
        if unit == "count" and PER100.search(text[max(s, a - 80) : min(e, b + 40)]):
            unit = "per100"
        nums.append(_Num(a, b, b, m.value, m.value_max, unit))
    return _drop_qualifiers(text, sorted(nums, key=lambda n: n.start))


PER100 = regex.compile(alternation(cues()["per100"]), regex.I)


def _in_parens(text: str, s: int, pos: int) -> bool:
    return text.rfind("(", s, pos) > text.rfind(")", s, pos)


def _drop_qualifiers(text: str, nums: list[_Num]) -> list[_Num]:
    """Drop numbers that only say what another number counts.

    "100% khu công nghiệp có tối thiểu 1 trạm 5G": the count after a percentage in the same
    clause. "100% cơ quan … bổ sung thêm 20-25% dịch vụ": a percentage of agencies that must
    each add an amount.
    """
    keep: list[_Num] = []
    for i, n in enumerate(nums):
        prev = keep[-1] if keep else None
        gap = text[prev.end : n.start] if prev else ";"
        same_clause = not regex.search(r"[;.]|,\s*(?:đến|vào)?\s*năm", gap)
        if same_clause and prev.unit == "%" and n.unit in ("count", "per100"):
            continue
        nxt = nums[i + 1] if i + 1 < len(nums) else None
        if n.unit == "%" and n.value == 100 and nxt is not None and nxt.unit == "%":
            gap = text[n.end : nxt.start]
            if not regex.search(r"[;.]", gap) and cue_re("amount_verbs").search(gap):
                continue
        keep.append(n)
    return keep


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
    prev: Target | None = None
    prev_end = s
    for i, (n, lead) in enumerate(zip(nums, leads, strict=True)):
        nxt = leads[i + 1].start if i + 1 < len(nums) else e
        tail = (n.end, tail_end(text, n.end, max(n.end, nxt)))
        if _is_baseline(text, s, e, n.start) or _money(text, n, tail[1], s):
            continue
        kind = lead.kind
        if n.unit == "count" and cue_re("increase_after").search(text, n.noun_start, tail[1]):
            kind = "increase"
        joined = regex.fullmatch(r"[\s,;]*(và)?\s*", text[prev_end : lead.start])
        if kind == "level" and prev is not None and prev.kind != "level" and joined:
            kind = prev.kind  # "thêm 400 dịch vụ … và 50 dịch vụ …"
        listed = ";" not in text[prev_end : lead.start]  # "…từ 20% trở lên; 100% …" is new
        if joined and listed and prev is not None and lead.comparator == "=" and (
                prev.comparator != "range"):
            n.comparator = n.comparator or prev.comparator  # "tối thiểu 80% …, 60% … và 30% …"
        t = _build(doc, _Site(n, lead, kind, tail, s, e, nxt, prev_end, prev), years)
        if t is not None:
            out.append(t)
            prev, prev_end = t, tail[1]
    return out


def _money(text: str, n: _Num, tail_stop: int, s: int) -> bool:
    """A share of money: "30% từ ngân sách tỉnh", or a clause that opens with money before the
    number ("trong đó ngân sách tỉnh 70%", "ngân sách cấp huyện bảo đảm 20%")."""
    if n.unit != "%":
        return False
    words = regex.sub(r"^\s*(?:các\s+)?", "", text[n.end : tail_stop])
    clause = text[max(text.rfind(",", s, n.start), text.rfind(";", s, n.start), s - 1) + 1 :
                  n.start]
    clause = regex.sub(r"^\s*(?:trong\s+đó|còn\s+lại)?\s*", "", clause, flags=regex.I)
    money = cue_re("money_context", at_start=True)
    return bool(money.match(words) or money.match(clause))


@dataclass
class _Site:
    """A number in its sentence: the spans that the target's fields are read from."""

    n: _Num
    lead: object
    kind: str
    tail: tuple[int, int]
    s: int
    e: int
    nxt: int
    prev_end: int
    prev: Target | None


@dataclass
class _Words:
    """Where a target's words are: indicator, evidence span, how it was read, the text its
    scope is read from, where its head noun phrase starts, and its lead-in clause if any."""

    indicator: str
    ev_start: int
    ev_end: int
    method: str
    scope_win: str
    head_start: int
    lead: tuple[int, int] | None = None


def _words(doc: _Doc, site: _Site) -> _Words | None:
    """The words that say what one number counts (three shapes, see phrases.py)."""
    text, n, tail, s = doc.text, site.n, site.tail, site.s
    indicator = indicator_after(text, n.noun_start if n.unit != "count" else n.end, tail[1])
    own = cue_re("increase_after").sub("", indicator)  # "239 xã còn lại": the noun is "xã"
    thin = n.unit in ("count", "per100") and len(own.split()) <= 2
    w = _Words(indicator, site.lead.start, tail[1], n.unit, _scope_words(text, n, tail[1]), n.end)
    subj = subject_before(text, s, n.start) if (not indicator or thin) else None
    subj = subj or share_subject(text, s, site.lead.start)
    before_prep = regex.search(r"(?<!\w)(?:đến|tới|cho)\s*$", text[s : site.lead.start])
    owner = possessor_lead(text, s, site.lead.start) if not subj else None
    ls, le = owner or lead_phrase(text, s, n.start)
    intro = list_intro(text, s) if (thin and not subj and le - ls < 3) else None
    if subj:
        w.indicator = text[subj[2] : subj[1]].strip()
        w.ev_start, w.ev_end, w.method = subj[0], max(n.end, tail[1]), n.unit + "+subject"
        w.scope_win, w.head_start = text[subj[0] : subj[1]], subj[2]
    elif not indicator or before_prep or owner or intro:
        clause = (clause_start(text, s, ls), n.start)
        if le - ls < 3 and site.prev is not None and "+lead" in site.prev.method:
            ls = site.prev.start  # "…đến 60% xã vào năm 2015, và đến 100% xã…"
            le = ls + len(site.prev.indicator)
        elif intro:  # "+ 2012-2015: 240 xã" under "Triển khai phần mềm … cho …:"
            ls, le, clause = intro[0], intro[1], (intro[0], intro[2])
        w.indicator = text[ls:le].strip() if (le > ls + 2 or not indicator) else indicator
        w.ev_start, w.method, w.lead = ls, n.unit + "+lead", clause
        w.scope_win = text[ls:le] + " " + w.scope_win
    return _finish(text, site, w)


def _finish(text: str, site: _Site, w: _Words) -> _Words | None:
    """Drop a target with no words; read the scope of an administrative-unit count."""
    n = site.n
    if not w.indicator or len(w.indicator) < 3:
        return None
    first = (text[n.end : n.end + 12].split() or [""])[0].strip(",;.").lower()
    unit_level = cues()["admin_units"].get(first)
    if unit_level:  # "240 xã", "100% xã có cáp quang": the unit counted is the level
        w.scope_win = {"xa": "cấp xã", "huyen": "cấp huyện"}[unit_level]
    elif scope_level(w.scope_win) is None and not LEVEL_WORD.search(w.scope_win):
        w.scope_win = text[site.prev_end : n.start] + " " + w.scope_win
    return w


def _scope_words(text: str, n: _Num, tail_end: int) -> str:
    """The counted noun phrase after the number, up to its predicate ("30% cấp xã bảo đảm …
    cấp tỉnh" is at xã); when that names no level, the first words of the tail."""
    words = text[n.start : predicate_start(text, n.end, tail_end)]
    if scope_level(words) is None and not LEVEL_WORD.search(words):
        words = text[n.start : min(tail_end, n.end + 70)]
    return words


LEVEL_WORD = regex.compile(r"(?<!\w)(?:tỉnh|huyện|xã|các cấp|sở)(?!\w)", regex.I)
PARENS = regex.compile(r"\([^()]*\)")


def _build(doc: _Doc, site: _Site, years: list) -> Target | None:
    """One Target from a number and the words around it."""
    w = _words(doc, site)
    if w is None:
        return None
    text, n = doc.text, site.n
    comparator = n.comparator or site.lead.comparator
    if n.value_max is not None:
        comparator = "range"
    ev_start = w.ev_start + len(MARKER.match(text[w.ev_start : w.ev_end]).group())
    evidence = text[ev_start : w.ev_end].strip()
    ev_start = text.find(evidence, ev_start)
    year, period, from_title = _year(doc, years, n.start, site.nxt, site.e)
    code = "RANKING" if n.unit == "rank" else _code(text, site, w, evidence)
    return Target(
        indicator=" ".join(w.indicator.split()), code=code, value=n.value,
        value_max=n.value_max, unit=n.unit, comparator=comparator, kind=site.kind,
        scope_level=scope_level(w.scope_win) if n.unit != "rank" else None,
        year=year, period_start=period, evidence=evidence, start=ev_start,
        end=ev_start + len(evidence), method=w.method + (PLAN_YEAR if from_title else ""),
    )


def _code(text: str, site: _Site, w: _Words, evidence: str) -> str:
    """Code from the regions around the number, closest first (taxonomy.py)."""
    head = text[w.head_start : head_end(text, w.head_start, max(w.head_start, w.ev_end))]
    lead = text[w.lead[0] : w.lead[1]] if w.lead else ""
    clause_end = text.find(";", w.ev_end, site.e)
    clause_end = clause_end if clause_end >= 0 else site.e
    # the predicate a list of numbers shares: "100% A và 80% B | sử dụng thư điện tử"
    rest = text[predicate_start(text, w.ev_end, clause_end) : clause_end]
    return code_for(
        PARENS.sub(" ", head), PARENS.sub(" ", evidence), PARENS.sub(" ", lead),
        PARENS.sub(" ", rest + " . " + text[site.s : site.n.start]),
    )


PLAN_YEAR = "+plan_year"
LABEL_DEPTH = 99  # zones_from_labels: a paragraph label, which a stated year overrides


def _year(doc: _Doc, years: list, pos: int, nxt: int, e: int) -> tuple[int | None, int | None,
                                                                        bool]:
    """(year, period start, from the title) of the number at `pos`: its sentence, its table
    row's time cell, its headings or period labels, else the plan's title."""
    ym = year_for(years, pos, nxt)
    if ym and ym.period_start is None:  # "đến cuối năm 2025" closes "Giai đoạn 2021 - 2025"
        same = [z for z in enclosing(doc.zones, pos)
                if z.year == ym.year and z.period_start and z.depth < LABEL_DEPTH]
        return ym.year, (same[-1].period_start if same else None), False
    if ym:
        return ym.year, ym.period_start, False
    cell = ROW_TIME.match(doc.text, e)
    if cell:
        y1, y2 = int(cell["y1"]), int(cell["y2"]) if cell["y2"] else None
        return ((y2, y1) if y2 else (y1, None)) + (False,)
    for z in reversed(enclosing(doc.zones, pos)):
        if z.year:
            return z.year, z.period_start, False
    return doc.year, doc.period, True


ROW_TIME = regex.compile(
    r"[ \t]*\n[ \t]*(?P<y1>(?:19|20)\d\d)(?:\s*[-–]\s*(?P<y2>(?:19|20)\d\d))?[ \t]*\n"
)


def _bare(indicator: str) -> str:
    return " ".join(PARENS.sub(" ", indicator).lower().split())


def dedup(targets: list[Target], groups: list[int] | None = None) -> list[Target]:
    """Drop restatements: same value, unit, code, year and scope as an earlier target, with an
    indicator that aligns with the earlier one ("dịch vụ công ở mức độ 3" / "dịch vụ công mức
    3"; sharing a few words is not enough: "… công nghệ thông tin" is in half the targets),
    stated in another sentence (one sentence never restates itself)."""
    groups = groups if groups is not None else list(range(len(targets)))
    kept: list[tuple[Target, int]] = []
    for t, g in zip(targets, groups, strict=True):
        key = (t.value, t.value_max, t.unit, t.code, t.year, t.scope_level)
        same = [
            k for k, kg in kept
            if (k.value, k.value_max, k.unit, k.code, k.year, k.scope_level) == key
            and kg != g
            and fuzz.partial_ratio(_bare(k.indicator), _bare(t.indicator)) >= 80
        ]
        if not same:
            kept.append((t, g))
    return [t for t, _ in kept]

"""Who is lead and who is partner in one duty (ANNOTATION §3 "Who is who in a sentence").

A duty belongs to its owners (the agencies heading its numbered paragraph) unless it opens with
its own subject. "Chủ trì, phối hợp với B, C <task>": owners lead, B and C partners.
"Phối hợp với B <task>": owners partner, B lead. A later "; chủ trì, phối hợp với …" clause
is a second task. "Yêu cầu A, B <task>" and "… về A để tổng hợp …" name leads anywhere. A later
";"-part or sentence that opens with agencies and their verb is theirs ("…. Tỉnh đoàn chủ trì
…"). No rows: a standing role ("Là cơ quan thường trực"), a generic closing ("Yêu cầu các sở,
ngành … triển khai thực hiện Kế hoạch này"), the conditional reporting line.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from functools import lru_cache

import regex

from extractors.fold import fold
from extractors.mentions.agencies import AgencyMention
from extractors.mentions.deadlines import find_deadlines
from extractors.mentions.tasks import clause_end, cue_pattern, roles_data, skip_prefix


@lru_cache(maxsize=1)
def _sep() -> regex.Pattern:
    """What may stand between two names of one list (matched on folded text): punctuation,
    "và", and filler nouns such as "hệ thống" ("…, hệ thống Đài Truyền thanh cơ sở")."""
    return regex.compile(
        rf"[\s,;*]*(?:(?:va|cung voi|cung|voi)(?!\w)[\s,;*]*)?"
        rf"(?:(?:{cue_pattern('chain_fillers')})(?!\w)\s*)?"
    )


# between a collective and the members it names: "của tỉnh", "trên địa bàn", a colon or dash
_APPOSITION = regex.compile(
    r"\s*(?:(?:cua|tren dia ban)\s+(?:tinh|thanh pho)\s*)?[:\-–(]?\s*")


@dataclass
class Role:
    """One (agency, role) on a task span, with where its evidence starts."""

    agency: str
    role: str
    task_start: int
    task_end: int
    ev_start: int
    duty_start: int
    duty_end: int
    deadline_from: int = -1


@dataclass
class Ctx:
    """The document text, its folded copy and every agency mention in it."""

    text: str
    folded: str
    mentions: list[AgencyMention]

    def chain_at(self, pos: int, limit: int) -> tuple[list[AgencyMention], int]:
        """Agencies listed from `pos` ("Sở A, Sở B và các đơn vị liên quan") and the list's end."""
        m = regex.match(r"[\s*:]*", self.text[pos:limit])
        pos += m.end() if m else 0
        chain: list[AgencyMention] = []
        end = pos
        for ag in self.mentions:
            if ag.start < pos or ag.start >= limit:
                continue
            if chain and ag.start == chain[-1].start:
                chain.append(ag)  # expanded mention
                continue
            gap = self.text[end:ag.start]
            if ag.start != pos and not (chain and _sep().fullmatch(fold(gap))):
                break
            chain.append(ag)
            end = ag.end
        return self._members_instead(chain, end, limit)

    def _members_instead(self, chain: list[AgencyMention], end: int,
                         limit: int) -> tuple[list[AgencyMention], int]:
        """A collective followed by its members ("Các cơ quan báo chí của tỉnh: Báo A, Đài
        B …") stands for them: the named members are the chain."""
        if not chain or chain[0].type != "collective":
            return chain, end
        k = next((i for i, a in enumerate(chain) if a.type != "collective"), None)
        if k is None:  # the members may follow a colon or dash the list does not cross
            gap = _APPOSITION.match(self.folded, end, limit)
            if gap and gap.end() > end:
                members, after = self.chain_at(gap.end(), limit)
                if members and members[0].type != "collective":
                    return members, after
            return chain, end
        gap = self.folded[chain[k - 1].end:chain[k].start]
        if _APPOSITION.fullmatch(gap) and regex.search(r"[:\n\-–(]|\w", gap):
            return chain[k:], end  # not a list ("A, B và C"): the members the title names
        return chain, end


@lru_cache(maxsize=1)
def _cues() -> dict[str, regex.Pattern]:
    return {
        k: regex.compile(rf"(?:{cue_pattern(k)})(?!\w)\s*,?\s*")
        for k in ("lead_partner", "lead", "partner", "request", "lead_in", "closing",
                  "standing_role")
    }


def _rows(agencies: list[AgencyMention], role: str, ts: int, te: int, ev: int, d: tuple[int, int]):
    return [Role(a.canonical, role, ts, te, ev, *d) for a in agencies if a.assignable]


def parse_duty(ctx: Ctx, ds: int, de: int, owners: list[AgencyMention], ev: int) -> list[Role]:
    """Role rows for the duty text[ds:de] of `owners` (evidence for owners starts at `ev`)."""
    cues = _cues()
    pos = skip_prefix(ctx.text, ds)
    if cues["closing"].match(ctx.folded, pos):
        return []  # "Trong quá trình thực hiện, nếu có khó khăn … báo cáo về Sở …" (§3)
    if cues["lead_in"].match(ctx.folded, pos):
        pos = _after_lead_in(ctx, pos, de)
    pos = past_standing_role(ctx, pos, de)
    if pos >= de:
        return []
    req = cues["request"].match(ctx.folded, pos)
    requested, after = ctx.chain_at(req.end(), de) if req else ([], pos)
    if requested:
        if _generic_closing(ctx, requested, after):
            return []
        pos = req.end()  # "Yêu cầu A, B <task>" as its own paragraph: A, B are its subjects
    subject, after = ctx.chain_at(pos, de)
    if any(a.assignable for a in subject):
        owners, ev = subject, subject[0].start
        pos = skip_prefix(ctx.text, after_aside(ctx.text, after, de))
        # "Giao Ban Dân tộc tỉnh là cơ quan thường trực, chủ trì, phối hợp với …"
        pos = past_standing_role(ctx, pos, de)
        if pos >= de:
            return []
    rows, first_end = _first_task(ctx, pos, de, owners, ev, (ds, de))
    first = list(rows)
    rows += _secondary(ctx, ds, de, first_end, owners, ev)
    rows += _verb_parts(ctx, first_end, de, owners, ev, (ds, de), first)
    rows += _subject_parts(ctx, first_end, de)
    return rows + _report_to(ctx, pos, (ds, de), pos)


def past_standing_role(ctx: Ctx, pos: int, de: int) -> int:
    """Past a standing role's clause at `pos` ("Là cơ quan thường trực, chủ trì …": the role
    is no duty, what follows it is), or `pos` when none stands there."""
    if not _cues()["standing_role"].match(ctx.folded, pos):
        return pos
    pos = skip_prefix(ctx.text, clause_end(ctx.text, pos, de))
    return pos + len(regex.match(r"[\s,;.:\-–]*", ctx.text[pos:de])[0])


def _first_task(ctx: Ctx, pos: int, de: int, owners, ev: int, d) -> tuple[list[Role], int]:
    cues = _cues()
    m = cues["lead_partner"].match(ctx.folded, pos)
    if m:
        partners, after = ctx.chain_at(m.end(), de)
        ts = skip_prefix(ctx.text, after)
        te = clause_end(ctx.text, ts, de)
        pev = m.start() + ctx.folded[m.start():m.end()].find("phoi")
        return _rows(owners, "lead", ts, te, ev, d) + _rows(partners, "partner", ts, te, pev, d), te
    m = cues["partner"].match(ctx.folded, pos)
    if m:
        leads, after = ctx.chain_at(m.end(), de)
        if leads:
            ts = skip_prefix(ctx.text, after)
            te = clause_end(ctx.text, ts, de)
            leads, extra = _split_related(leads)
            if not leads and owners:
                # "A phối hợp với các đơn vị liên quan …": only the vague collective to work
                # with, so A leads and the collective partners (ANNOTATION §3)
                return (_rows(owners, "lead", ts, te, ev, d)
                        + _rows(extra, "partner", ts, te, m.start(), d)), te
            rows = _rows(owners, "partner", ts, te, ev, d)
            rows += _rows(leads, "lead", ts, te, m.start(), d)
            return rows + _rows(extra, "partner", ts, te, m.start(), d), te
        # "Phối hợp <task>" naming no one to coordinate with: the owners partner it, no lead
        ts = skip_prefix(ctx.text, m.end())
        te = clause_end(ctx.text, ts, de)
        return _rows(owners, "partner", ts, te, ev, d), te
    m = cues["lead"].match(ctx.folded, pos)
    ts = skip_prefix(ctx.text, m.end()) if m else pos
    te = clause_end(ctx.text, ts, de)
    return _rows(owners, "lead", ts, te, ev, d), te


@lru_cache(maxsize=1)
def _whole_plan() -> regex.Pattern:
    """The task of a generic closing, on folded text: "triển khai thực hiện Kế hoạch này", the
    manner word before the verb or after it ("… triển khai thực hiện nghiêm túc Kế hoạch này")."""
    manner = rf"(?:(?:{cue_pattern('whole_plan_manner')})\s+)?"
    return regex.compile(rf"\s*{manner}(?:{cue_pattern('whole_plan_verbs')})\s+{manner}"
                         rf"(?:{cue_pattern('whole_plan_nouns')})\s+nay(?!\w)")


def _generic_closing(ctx: Ctx, chain: list[AgencyMention], after: int) -> bool:
    """"Yêu cầu các sở, ban, ngành, UBND các huyện … triển khai thực hiện Kế hoạch này":
    collectives asked to carry out the document itself, which hands no duty."""
    return (all(a.type == "collective" for a in chain)
            and bool(_whole_plan().match(ctx.folded, skip_prefix(ctx.text, after))))


def _split_related(leads: list[AgencyMention]) -> tuple[list, list]:
    """"Phối hợp với B và các đơn vị liên quan": B leads; "the related units" only ever
    coordinate (ANNOTATION §3: "… và các đơn vị liên quan" adds a partner row)."""
    related = set(roles_data()["partner_collectives"])
    named = [a for a in leads if a.canonical not in related]
    return named, [a for a in leads if a.canonical in related]


def _after_lead_in(ctx: Ctx, pos: int, de: int) -> int:
    """Skip "Căn cứ …, các cơ quan, đơn vị" to the verb or role cue that starts the duty."""
    verb = regex.compile(
        rf"(?:{cue_pattern('clause_verbs')}|{cue_pattern('lead_partner')}|{cue_pattern('partner')}"
        rf"|{cue_pattern('lead')})(?!\w)"
    )
    subj = regex.compile(r"\s*(?:cac\s+)?(?:co quan|don vi|dia phuong)(?:\s*,\s*(?:co quan|don vi|"
                         r"dia phuong))*\s*")
    comma = ctx.text.find(",", pos, de)
    de_m = regex.search(r"\sđể\s+", ctx.text[pos:comma if comma > 0 else de])
    if de_m:
        return pos + de_m.end()
    for c in regex.finditer(r",", ctx.text[:de], pos=pos):
        start = skip_prefix(ctx.text, c.end())
        chain, after = ctx.chain_at(start, de)
        s = after if chain else start
        m = subj.match(ctx.folded, s)
        s = m.end() if m and m.end() > s else s
        s = skip_prefix(ctx.text, s)
        if verb.match(ctx.folded, s):
            return s
    return pos


def _secondary(ctx: Ctx, ds: int, de: int, pos: int, owners=(), ev: int = 0) -> list[Role]:
    """Later clauses: "; chủ trì, phối hợp với …", "Yêu cầu A …", "về A để tổng hợp …"."""
    rows: list[Role] = []
    d = (ds, de)
    lp = rf"[;,.]\s*(?:{cue_pattern('lead_partner')})(?!\w)\s*,?\s*"
    for m in regex.finditer(lp, ctx.folded[:de], pos=pos):
        if owners:
            at = m.start() + 1 + _ws(ctx.text, m.start() + 1)
            rows += _first_task(ctx, at, de, owners, ev, d)[0]
    rows += _clauses(ctx, pos, de, owners, ev, d)
    req = rf"(?<!\w)(?:{cue_pattern('request')})(?!\w)\s+"
    for m in regex.finditer(req, ctx.folded[:de], pos=pos):
        chain, after = ctx.chain_at(m.end(), de)
        if chain and not _generic_closing(ctx, chain, after):
            ts = skip_prefix(ctx.text, after)
            rows += _rows(chain, "lead", ts, clause_end(ctx.text, ts, de), m.start(), d)
    return rows


def _report_to(ctx: Ctx, pos: int, d: tuple[int, int], cycle_from: int) -> list[Role]:
    """"… (qua / gửi về A để tổng hợp)": A leads the compiling. Searched over the whole duty,
    brackets included, since the remark often sits in a bracket inside the first clause; the
    compiling recurs with the reports, so its deadline is read from the duty (`cycle_from`)."""
    rows: list[Role] = []
    de = d[1]
    rt = rf"(?<!\w)(?:{cue_pattern('report_to')})\s+"
    for m in regex.finditer(rt, ctx.folded[:de], pos=pos):
        if _conditional(ctx, d[0], m.start()):
            continue
        chain, after = ctx.chain_at(m.end(), de)
        de_word = regex.match(r"\s*để\s+", ctx.text[after:de])
        v = de_word and regex.match(rf"(?:{cue_pattern('report_verbs')})(?!\w)",
                                    ctx.folded[after + de_word.end():de])
        if chain and v:
            ts = after + de_word.end()
            te = clause_end(ctx.text, ts, de)
            rows += [Role(a.canonical, "lead", ts, te, chain[0].start, *d, deadline_from=cycle_from)
                     for a in chain if a.assignable]
    return rows


@lru_cache(maxsize=1)
def _conditional_re() -> regex.Pattern:
    return regex.compile(rf"(?<!\w)(?:{cue_pattern('conditional_report')})(?!\w)")


def _conditional(ctx: Ctx, ds: int, at: int) -> bool:
    """Whether the sentence holding `at` is the standard conditional reporting line."""
    start = max(ctx.text.rfind(". ", ds, at), ctx.text.rfind("\n", ds, at), ds)
    return bool(_conditional_re().search(ctx.folded, start, at))


def _clauses(ctx: Ctx, pos: int, de: int, owners, ev: int, d) -> list[Role]:
    """"; trong đó phối hợp B để …", "…. Phối hợp với B …" (B lead, owners partner) and "; đồng
    thời …" (owners lead)."""
    rows: list[Role] = []
    if not owners:
        return rows
    pc = rf"(?:[;,]|\.(?=\s))\s*(?:{cue_pattern('partner_clause')})(?!\w)\s*"
    lead_cue = regex.compile(rf"(?:{cue_pattern('lead')})\s*$")
    for m in regex.finditer(pc, ctx.folded[:de], pos=pos):
        if lead_cue.search(ctx.folded, max(0, m.start() - 30), m.start()):
            continue  # "chủ trì, phối hợp với": a lead clause, read by `_secondary`
        leads, after = ctx.chain_at(m.end(), de)
        if leads:
            ts = skip_prefix(ctx.text, after)
            te = clause_end(ctx.text, ts, de)
            rows += _rows(owners, "partner", ts, te, ev, d)
            rows += _rows(leads, "lead", ts, te, leads[0].start, d)
    oc = rf";\s*(?:{cue_pattern('own_clause')})(?!\w)\s*"
    for m in regex.finditer(oc, ctx.folded[:de], pos=pos):
        te = clause_end(ctx.text, m.end(), de)
        rows += _rows(owners, "lead", m.end(), te, ev, d)
    return rows


_READ_ELSEWHERE = ("lead_partner", "lead", "partner", "request", "partner_clause", "own_clause",
                   "closing")


@lru_cache(maxsize=1)
def _read_elsewhere() -> regex.Pattern:
    """Openings of a ";"-part that `_secondary` and `_clauses` read already."""
    return regex.compile(rf"(?:{'|'.join(cue_pattern(k) for k in _READ_ELSEWHERE)})(?!\w)")


_TAGGER_LOCK = threading.Lock()  # underthesea's tagger is not thread-safe on first use


# The tagger learnt from sentences that have subjects; a duty is written without one, and alone
# "lồng ghép nội dung …", "rà soát, điều chỉnh …" read as nouns. Behind a subject they are verbs.
_SUBJECT = "Cơ quan"


@lru_cache(maxsize=4096)
def _opens_with_verb(words: str) -> bool:
    """Whether a clause opens with a verb ("gắn kết …", "tăng cường …"), by underthesea's
    part-of-speech tagger (offline; it sees the clause's first words only, behind a stand-in
    subject). A word listed before a verb is one of the verbs ("tổng hợp, báo cáo …"), and an
    adverb may come first ("kịp thời đưa tin …"). Calls are serialised: a flow's thread pool
    would otherwise race the tagger's lazy loading."""
    from underthesea import pos_tag

    with _TAGGER_LOCK:
        tagged = pos_tag(f"{_SUBJECT} {words}")
    if tagged and tagged[0][0] == _SUBJECT:
        tagged = tagged[1:]
    tags = [tag for _, tag in tagged]
    if not tags:
        return False
    listed = tags[1:3] == ["CH", "V"] and tagged[1][0] == ","
    adverb = tags[0] in ("A", "R") and tags[1:2] == ["V"]
    return tags[0] == "V" or listed or adverb


def _verb_parts(ctx: Ctx, pos: int, de: int, owners, ev: int, d,
                first: list[Role]) -> list[Role]:
    """"…; gắn kết …; tăng cường kiểm tra …", "…. Hướng dẫn …": each ";"-part or sentence of
    a duty that opens with a verb of its own is another duty of its owners (ANNOTATION §3: one
    record per duty). A ";"-part in the first task's sentence keeps the roles that sentence
    named ("A chủ trì, phối hợp với B <task>; <task 2>": B partners task 2 as well, as roles
    named at an item's head hold for each of its duties); after a full stop the owners lead."""
    rows: list[Role] = []
    if not owners:
        return rows
    same_sentence = True
    for at in part_starts(ctx, pos, de):
        same_sentence = same_sentence and ctx.text[at - 1] == ";"
        ts = skip_prefix(ctx.text, at)
        if (ts >= de or _read_elsewhere().match(ctx.folded, ts)
                or ctx.chain_at(ts, de)[0]):
            continue
        vs = _after_time(ctx.text, ts, de)
        if _opens_with_verb(" ".join(ctx.text[vs:min(de, vs + 60)].split()[:4])):
            te = clause_end(ctx.text, vs, de)
            if same_sentence and first:
                rows += [Role(r.agency, r.role, vs, te, r.ev_start, *d, deadline_from=ts)
                         for r in first]
            else:
                rows += [Role(a.canonical, "lead", vs, te, ev, *d, deadline_from=ts)
                         for a in owners if a.assignable]
    return rows


def _after_time(text: str, ts: int, de: int) -> int:
    """Past a time phrase that opens a part ("Định kỳ hằng quý tổng hợp, báo cáo …",
    "Hằng năm, rà soát …"): the duty is the verb after it, the time its deadline."""
    found = find_deadlines(text[ts:min(de, ts + 60)])
    if not found or found[0].start != 0:
        return ts
    m = regex.match(r"[\s,]*", text[ts + found[0].end:de])
    return ts + found[0].end + (m.end() if m else 0)


_PART_BREAK = regex.compile(r";|\.(?=\s+\p{Lu})")


def part_starts(ctx: Ctx, pos: int, de: int) -> list[int]:
    """Where the ";"-parts and sentences after `pos` start (outside brackets)."""
    starts, depth = [], 0
    for i in range(pos, de):
        ch = ctx.text[i]
        if ch in "([":
            depth += 1
        elif ch in ")]" and depth:
            depth -= 1
        elif depth == 0 and _PART_BREAK.match(ctx.text, i):
            starts.append(i + 1)
    return starts


def _subject_parts(ctx: Ctx, pos: int, de: int) -> list[Role]:
    """"…. Tỉnh đoàn chủ trì thực hiện …; Hội Liên hiệp Phụ nữ tỉnh duy trì …": a part of a
    duty that opens with agencies and then their verb or role is their own duty, not the
    owners' (a run-on paragraph that hands out work body by body)."""
    return subject_parts(ctx, part_starts(ctx, pos, de), de)


def subject_parts(ctx: Ctx, starts: list[int], de: int, carry: bool = False) -> list[Role]:
    """Role rows of the parts starting at `starts` (up to `de`) that open with agencies and
    then their role cue or verb: "Sở Tài chính hướng dẫn …", "Sở Kế hoạch và Đầu tư (Sở
    KH&ĐT) chủ trì …" (a bracket after the names, an abbreviation they define, is skipped).
    With `carry`, the agencies' sentence keeps them over its later ";"-parts that name no doer
    ("UBND các huyện … chủ trì thay thế đèn …; bố trí kinh phí duy tu …": both theirs)."""
    rows: list[Role] = []
    opened = [_opens_with_agencies(ctx, at, de) for at in starts]
    for k, at in enumerate(starts):
        if not opened[k]:
            continue
        ts = skip_prefix(ctx.text, at)
        chain, after = ctx.chain_at(ts, de)
        nxt = k + 1
        while (carry and nxt < len(starts) and not opened[nxt]
               and ctx.text[starts[nxt] - 1] == ";" and _carried(ctx, starts[nxt], de)):
            nxt += 1
        end = starts[nxt] - 1 if nxt < len(starts) else de
        rest = skip_prefix(ctx.text, after_aside(ctx.text, after, end))
        opens = (_read_elsewhere().match(ctx.folded, rest)
                 or _opens_with_verb(" ".join(ctx.text[rest:min(end, rest + 60)].split()[:4])))
        if opens and rest < end:
            rows += parse_duty(ctx, ts, end, chain, ts)
    return rows


def _carried(ctx: Ctx, at: int, de: int) -> bool:
    """Whether the ";"-part at `at` goes on with the sentence's agencies: it opens with a verb
    ("bố trí kinh phí …"), not with a doer of its own ("người dân tham gia …") or an objective
    ("phấn đấu đến năm 2025 có 100% xã …")."""
    words = " ".join(ctx.text[at:min(de, at + 60)].split()[:4])
    return (not _OBJECTIVE.match(fold(words))) and _opens_with_verb(words)


_OBJECTIVE = regex.compile(r"(?:phan dau|muc tieu|chi tieu)(?!\w)")


def _opens_with_agencies(ctx: Ctx, at: int, de: int) -> bool:
    """Whether the part at `at` opens with assignable agencies that start no list's tail."""
    ts = skip_prefix(ctx.text, at)
    chain, _ = ctx.chain_at(ts, de)
    return (any(a.assignable for a in chain) and chain[0].start == ts
            and not _continues_a_list(ctx, at))


@lru_cache(maxsize=1)
def _list_cue() -> regex.Pattern:
    """A role cue right before a list of names, on folded text ("… phối hợp với ")."""
    return regex.compile(rf"(?:{cue_pattern('partner')}|{cue_pattern('lead')})\s+$")


def _continues_a_list(ctx: Ctx, at: int) -> bool:
    """Whether the part before the ";" at `at - 1` ends in a role cue and agencies with no task
    ("… phối hợp Ban Quản lý các khu công nghệ cao và khu công nghiệp; các doanh nghiệp viễn
    thông và các đơn vị liên quan rà soát …"): the ";" separates names of one list."""
    before = [m for m in ctx.mentions if m.end <= at - 1 and at - 1 - m.end <= 1]
    if not before or ctx.text[at - 1] != ";":
        return False
    first = before[-1]
    for m in reversed([m for m in ctx.mentions if m.end <= first.start]):
        if not _sep().fullmatch(fold(ctx.text[m.end:first.start])):
            break
        first = m
    return bool(_list_cue().search(ctx.folded, max(0, first.start - 30), first.start))


_ASIDE = regex.compile(r"\s*\([^()]{1,200}\)")


def after_aside(text: str, pos: int, end: int) -> int:
    """Past a bracket at `pos`, if one closes before `end` within its paragraph: an abbreviation
    the names define ("(sau đây viết tắt là Sở KH&CN)") or the standing role they hold ("Công
    an tỉnh (cơ quan Thường trực Ban Chỉ đạo phòng, chống tội phạm …): chủ trì, …")."""
    m = _ASIDE.match(text, pos, end)
    return m.end() if m and "\n\n" not in m.group() else pos


def _ws(text: str, i: int) -> int:
    m = regex.match(r"\s*", text[i:])
    return m.end() if m else 0


def make_ctx(text: str, mentions: list[AgencyMention]) -> Ctx:
    """Bundle the text, its folded copy and its agency mentions for the role parser."""
    return Ctx(text, fold(text), mentions)

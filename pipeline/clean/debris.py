"""Punctuation debris: specks of dirt that OCR reads as '.', ':', quotes or a tilde.

Only shapes that clean Vietnamese administrative prose does not contain are touched: a lone
punctuation mark between words, a colon glued between two lowercase words, an opening quote
with no closing one on its line, a '.' glued to the front of a word, '~' for a dash, a
mark inside a known two-syllable phrase, and a comma or semicolon inside a listed word that
running text writes often and never with punctuation inside ("cung, cấp", "ứng, dụng").
"""

from __future__ import annotations

import csv
from functools import lru_cache

import regex

from pipeline.clean import lexicon
from pipeline.clean.context import StepInput
from pipeline.clean.syllable import has_vietnamese_marks
from pipeline.offsets import Edit

# a lone mark (or a short run of them) with spaces around, inside a line
_LONE = regex.compile(r"(?<=\S) +[.:'`_„\"“”!|\\^ˆ=]{1,3}(?= +\S)")
_LONE_END = regex.compile(r"(?<=\S) +[:'`_„~\"“”|\\^ˆ*=]{1,3} *$", regex.M)
# marks after a line's final punctuation: "biết viết. :", "(B/c); .,", "thế: : :"
# marks spaced off a line's last word where the sentence runs on to the next line: "doanh -."
# + "nghiệp", "xây dựng hệ ;" + "thống" (clean text glues a mark to its word; a spaced "-" is a
# dash, "Kinh tế -" + "xã hội", and "..." an ellipsis)
_RUN_ON_END = regex.compile(r"(?<=\p{L}) +(?P<run>[-–.,:;'`_„~\"“”|^ˆ*=]{1,4})[ \t]*"
                            r"(?P<br>\n[ \t]*)(?=\p{Ll})(?P<marker>[a-zđ]\))?")
_TRAILING = regex.compile(r"(?<=[\p{L}\d)%”\"][.;:,])(?: +[.:,;'`_„~\"“”|^ˆ*=\-]{1,3})+ *$",
                          regex.M)
_LEAD_DOT = regex.compile(r"(?<=^|\s)[.'`,]+(?=\p{L}|\d)", regex.M)
_TILDE_DASH = regex.compile(r"(?<=^|\s)[~—](?=\s)", regex.M)
_OPEN_QUOTE = regex.compile(r"(?<=^|\s)[“\"'](?=\p{L})", regex.M)


def _unclosed_quotes(text: str) -> list[Edit]:
    out = []
    for m in _OPEN_QUOTE.finditer(text):
        line_end = text.find("\n", m.end())
        rest = text[m.end():line_end if line_end != -1 else len(text)]
        if not any(q in rest for q in "”\"'"):
            out.append(Edit(m.start(), m.end(), "", "debris: stray quote"))
    return out


# marks glued between two tokens with no space on either side: clean prose never writes
# "tục,và", "cứ:Nghị", "đạt.70%", "hậu,:chưa" (codes "NQ-CP", URLs and numbers aside)
_GLUED = regex.compile(r"(?<![\p{L}\d])(\p{L}+|\d+)([.,:;'`_\-\"“”]{1,3})(?=(\p{L}+|\d+))")
# a mark inside a phrase with a space after it: "cơ. quan", "doanh- nghiệp", "cơ quan: nhà"
_SPACED = regex.compile(r"(?<=(\p{L}+))(?:[.\-'`_]{1,2}|(?P<colon>:)) (?=(\p{Ll}+))")
COLON_PHRASE_MIN = 3.0  # a ": " is dropped only inside a phrase seen this often


def _is_url_part(text: str, end: int, right: str) -> bool:
    """True if the token ending at `end` continues as a URL, path or e-mail ("hatinh.gov")."""
    nxt = text[end:end + 2]
    return nxt[:1] in ("@", "/") or (nxt[:1] == "." and nxt[1:].isalpha()
                                     and not has_vietnamese_marks(right))


def _glued_marks(text: str) -> list[Edit]:
    """Marks stuck between two tokens. Between two words that form a known bigram which clean
    text never punctuates ("cơ.quan", "tục,và", "doanh-nghiệp", "quan:Đảng") they are dirt and
    become a space, and so is a colon between two lowercase words and a mark between a
    lowercase word and a number ("đạt.70%", "năm:2015"). Otherwise a leading "," or ";" is
    a real mark that lost its space ("hậu,:chưa" → "hậu, chưa"). A "-" goes only between
    lowercase words (codes "NQ-CP" keep theirs), a "." before a capital only inside a listed
    word (else it may end a sentence); URLs, e-mails and numbers ("2.0") are left alone."""
    from pipeline.clean.words import model

    lm = model()
    gaps = punct_gaps()
    out = []
    for m in _GLUED.finditer(text):
        left, marks, right = m.group(1), m.group(2), m.group(3)
        if _is_url_part(text, m.end() + len(right), right) or (
                text[m.start() - 1:m.start()] in ("/", "@", ".")
                and not has_vietnamese_marks(left)):
            continue
        if left.isdigit():
            if right.islower() and len(right) >= 2 and not set(marks) & set(",;-.\"“”"):
                out.append(Edit(m.start(2), m.end(2), " ", "debris: mark after a number"))
            elif marks[0] in ",;" and not marks[1:].strip(".:'`_") and right[:1].isupper() \
                    and len(right) >= 2:  # "năm 2017,:Hải Dương"
                out.append(Edit(m.start(2), m.end(2), marks[0] + " ",
                                "debris: mark lost its space"))
            continue
        if right.isdigit():
            if left.islower() and len(left) >= 2 and not set(marks) & set(",;-\"“”") \
                    and not (":" in marks and lexicon.key(left) == "số"):
                out.append(Edit(m.start(2), m.end(2), " ", "debris: mark before a number"))
            continue
        a, b = lexicon.key(left), lexicon.key(right)
        lower = left.islower() and right.islower()
        if "-" in marks and (not right.islower() or (len(left) > 1 and left.isupper())):
            continue
        if "." in marks and not right.islower() and not lm.is_compound(a, b):
            continue
        # "CNTT.trong", "các.hình": no URL has a marked syllable or an acronym in capitals
        dotted_word = marks == "." and right.islower() \
            and (len(right) >= 2 or has_vietnamese_marks(right)) and (
            left.isupper() or has_vietnamese_marks(left) or has_vietnamese_marks(right))
        if (lm.has_bigram(a, b) and (a, b) not in gaps) or (marks == ":" and lower) \
                or dotted_word:
            out.append(Edit(m.start(2), m.end(2), " ", "debris: mark inside a phrase"))
        elif marks[0] in ",;" and not marks[1:].strip(".:;,'`_") and right.islower() \
                and min(len(left), len(right)) >= 2:  # not "h,i" nor "VT,QLCTTĐT"
            out.append(Edit(m.start(2), m.end(2), marks[0] + " ", "debris: mark lost its space"))
    return out


_SPACED_DASH = regex.compile(r"(?<=(?<![\p{L}\d])(?<![-–—][ \t]?)(\p{Ll}+)) [-–—~]{1,2} "
                             r"(?=(\p{Ll}+)(?![ \t]*[-–—]))")


def _dash_inside_words(text: str) -> list[Edit]:
    """A spaced dash inside a listed word ("thông - tin", "địa - phương", "công - việc"): a
    speck, since the dashes of clean prose stand between words ("kinh tế - xã hội", "khoa
    học - công nghệ"), never between the syllables of one, except in a chain of them ("nông –
    lâm – thủy sản", left alone)."""
    from pipeline.clean.words import model

    lm = model()
    return [Edit(m.start(), m.end(), " ", "debris: dash inside a word")
            for m in _SPACED_DASH.finditer(text)
            if lm.is_compound(lexicon.key(m.group(1)), lexicon.key(m.group(2)))]


def _spaced_marks(text: str) -> list[Edit]:
    """A mark inside a phrase with a space after it ("cơ. quan", "doanh- nghiệp"): dropped
    when the words form a known bigram; a ": " only inside a phrase seen COLON_PHRASE_MIN
    times (a real colon may introduce a lowercase list)."""
    from pipeline.clean.words import model

    lm = model()
    out = []
    for m in _SPACED.finditer(text):
        a, b = lexicon.key(m.captures(1)[-1]), lexicon.key(m.captures(3)[0])
        need = COLON_PHRASE_MIN if m.group("colon") else 1.0
        if lm.pair_count(a, b) >= need and (a, b) not in punct_gaps():
            out.append(Edit(m.start(), m.end(), " ", "debris: mark inside a phrase"))
    return out


# "lượng. giá trị": a full stop between two lowercase words; clean text never has one (a
# lowercase word after ". " is a list marker "b)" or an abbreviation's continuation)
_DOT_IN_SENTENCE = regex.compile(r"(?<=\p{Ll}{2})(?:\.(?= \p{Ll}{2,}[ ,])"
                              r"|\.{1,2}(?= \d+(?:[/%]|\s+\p{Ll})))")  # "ngày.. 13/6/2011"
_COMMA = regex.compile(r"(?<![\p{L}])(\p{L}+)[,;] (?=(\p{Ll}+))")
COMMA_PHRASE_MIN = 5.0  # weighted running-text count of the unpunctuated pair


@lru_cache(maxsize=1)
def punct_gaps() -> dict[tuple[str, str], int]:
    """Pairs that clean running text writes with a comma or semicolon between them."""
    with open(lexicon.RESOURCES / "punct_gaps.tsv", encoding="utf-8") as f:
        return {(r[0], r[1]): int(r[2]) for r in csv.reader(f, delimiter="\t")
                if r[0] != "first"}


def _comma_specks(text: str) -> list[Edit]:
    """A "," or ";" that splits a word: dropped only when the two syllables are a listed word,
    running text has the pair often (COMMA_PHRASE_MIN) and never with punctuation between,
    and a lowercase syllable follows. A speck of dirt after a word reads as "," or ";"; real
    punctuation falls between words, and "huyện, thị xã" keeps its comma since clean text
    writes "huyện, thị"."""
    from pipeline.clean.words import model

    lm = model()
    gaps = punct_gaps()
    out = []
    for m in _COMMA.finditer(text):
        a, b = lexicon.key(m.group(1)), lexicon.key(m.group(2))
        if not lm.is_compound(a, b) or (a, b) in gaps:
            continue
        if lm.pair_count(a, b) - 1.0 >= COMMA_PHRASE_MIN:  # minus the word-list entry
            out.append(Edit(m.end(1), m.end(1) + 2, " ", "debris: mark inside a word"))
    return out


# a run of marks opening a line: "~Tỷ lệ", "-.= 100%", ".~'Tỷ", "-Hải Dương" (OCR'd bullets
# and specks); a clean line opens with "- ", "+ ", a marker, a quote or a word
_LINE_OPENING = regex.compile(r"^(?P<run>[-~—–+=_.'`:,]{1,4})(?P<gap>[ \t]*)(?=(?P<next>\S))",
                              regex.M)
_DASH = set("-~—–+=_")
_DAMAGED_NUMERAL = regex.compile(r"[^.]\.")
# a heading number glued to its title: "I.MỤC TIÊU", "1:Quan điểm", "1..Mục tiêu"; a list
# marker glued to its item: "b).Hạ tầng", "b)Hạ tầng"
_GLUED_NUMBER = regex.compile(r"^[ \t]*(?:\d+|[IVXLC]+)\K[.:;,]{1,2}(?=\p{Lu})", regex.M)
_GLUED_MARKER = regex.compile(r"^[ \t]*[a-zđ]\)\K[.:;,]{0,2}(?=\p{Lu})", regex.M)
# "SởNN&PTNT", "BộTT&TT": a capitalized word glued to the acronym after it (a narrow space)
_GLUED_ACRONYM = regex.compile(r"(?<![\p{L}\d])(\p{Lu}\p{Ll}{1,6})(?=(\p{Lu}{2,}(?:&\p{Lu}+)*)"
                               r"(?![\p{L}\d]))")
# "1: Mục tiêu tổng quát", "IV: Nội dung", ". 3: Sở Nội vụ": a heading number whose full stop
# was read as a colon; clean text never follows a small number or a numeral at a line's or
# a sentence's start with a colon ("Bước 1:" and "năm 2020:" have a word or four digits)
_COLON_NUMBER = regex.compile(r"(?:^[ \t]*|(?<=[.;!?] ))(?:\d{1,2}|[IVX]{1,4})\K:"
                              r"(?=[ \t]*\n?[ \t]*\p{Lu})", regex.M)
_NUMBERED_HEADING = regex.compile(r"\s*(?:\d+|[IVX]+)[.:)]")  # "1. Mục tiêu" ends no sentence
_ARTICLE = regex.compile(r"(?:Điều|Chương|Phần)\b")  # "Điều 1." is no list item


def _line_openings(text: str) -> list[Edit]:
    """A run of marks at a line's start. Where the line before ends a sentence (or there is
    none), a run with a dash-like mark before a capital or a figure is the item's bullet and
    becomes "- "; where the line before runs on, the run is dirt on a continued sentence and
    goes. A run of dots, commas or colons before a capital or a bullet goes too (no line opens
    with them). A clean "- " or "+ " bullet stays unless it splits a listed word, and so does a
    run before a lowercase word after a finished line."""
    from pipeline.clean.words import model

    out = []
    for m in _LINE_OPENING.finditer(text):
        run, gap, nxt = m.group("run"), m.group("gap"), m.group("next")
        if run == "..." or not (nxt.isalnum() or nxt in "-+"):
            continue
        prefix = text[:m.start()]
        before = prefix.rstrip()
        last = before[before.rfind("\n") + 1:]
        ended = not before or before[-1] in ".;:,!?" or prefix[len(before):].count("\n") > 1 \
            or last.isupper() or _NUMBERED_HEADING.match(last) is not None
        if run in ("-", "+") and gap:  # a clean bullet, unless it splits a word
            if not ended and nxt.islower() and prefix[len(before):] == "\n" \
                    and _splits_word(model(), before, text, m.end()):
                out.append(Edit(len(before), m.end(), " ", "debris: bullet inside a word"))
            continue
        if not ended:
            out.append(Edit(m.start(), m.end(), "", "debris: marks opening a continued line"))
        elif set(run) & _DASH and (nxt.isupper() or nxt.isdigit()) \
                and not _ARTICLE.match(text, m.end()):
            out.append(Edit(m.start(), m.end(), "- ", "debris: bullet"))
        elif not set(run) & _DASH and gap and (nxt.isupper() or nxt in "-+") \
                and not _DAMAGED_NUMERAL.fullmatch(run):
            # ".. Chủ trì", ".. - Chú trọng": no line opens with dots or commas ("`. Các giải
            # pháp" is a heading numeral read as a mark, and stays)
            out.append(Edit(m.start(), m.end(), "", "debris: marks opening a line"))
    return out


_LAST_WORD = regex.compile(r"(\p{L}+)$")
_FIRST_WORD = regex.compile(r"\p{L}+")


def _splits_word(lm, before: str, text: str, at: int) -> bool:
    """True if the last word of `before` and the word at `at` are two syllables of one listed
    word ("trực" + "- tuyến", "kết" + "- nối"): a speck at the line's start read as a bullet
    inside a word. A bullet opens a capital ("- Phát triển"), and one before a lowercase word
    ("gồm" + "- các sở") is left alone: its list may matter more than the phrase."""
    left, right = _LAST_WORD.search(before), _FIRST_WORD.match(text, at)
    return bool(left and right) and lm.is_compound(lexicon.key(left.group(1)),
                                                   lexicon.key(right.group()))


def edits(text: str, _given: StepInput | None = None) -> list[Edit]:
    """Debris removals and the '~' → '-' fix; on a speckled scan (told by the debris found),
    also the glyphs specks changed (`speckled.py`)."""
    from pipeline.clean import speckled

    out = base_edits(text)
    extra = speckled.edits(text, out)
    replaced = {(e.start, e.end) for e in extra}  # a speckled reading overrides the base one
    return [e for e in out if (e.start, e.end) not in replaced] + extra


def _glued_acronyms(text: str) -> list[Edit]:
    """A space back between a known capitalized syllable and the acronym glued to it, when
    the acronym is a known one or an "&" compound ("NN&PTNT")."""
    from pipeline.clean.structure import acronyms  # late: structure imports this module

    out = []
    for m in _GLUED_ACRONYM.finditer(text):
        word, acronym = m.group(1), m.group(2)
        if lexicon.key(word) in lexicon.load().uni and ("&" in acronym or acronym in acronyms()):
            out.append(Edit(m.end(1), m.end(1), " ", "debris: word glued to an acronym"))
    return out


def base_edits(text: str) -> list[Edit]:
    """Debris removals and the '~' → '-' fix: the shapes clean text never has."""
    out = [Edit(m.start(), m.end(), "", "debris: lone mark") for m in _LONE.finditer(text)
           if not regex.fullmatch(r" *\.{3} *", m.group())]
    out += [Edit(m.start(), m.end(), "", "debris: lone mark") for m in _LONE_END.finditer(text)]
    out += [Edit(m.start(), m.end(), "", "debris: marks after the line's end")
            for m in _TRAILING.finditer(text) if m.group().strip() not in ("...", "…")]
    out += [Edit(m.start(), m.start("br"), "", "debris: marks before a continued line")
            if m.group("marker") else  # the next line is a list item: the break stays
            Edit(m.start(), m.end("br"), " ", "debris: marks before a continued line")
            for m in _RUN_ON_END.finditer(text) if m.group("run") not in ("-", "–", "...", "…")]
    out += [Edit(m.start(), m.end(), "", "debris: leading mark") for m in _LEAD_DOT.finditer(text)]
    out += [Edit(m.start(), m.end(), "-", "debris: dash") for m in _TILDE_DASH.finditer(text)]
    out += [Edit(m.start(), m.end(), "", "debris: full stop inside a sentence")
            for m in _DOT_IN_SENTENCE.finditer(text)]
    out += [Edit(m.start(), m.end(), ". ", "debris: number glued to its title")
            for m in _GLUED_NUMBER.finditer(text)]
    out += [Edit(m.start(), m.end(), " ", "debris: marker glued to its item")
            for m in _GLUED_MARKER.finditer(text)]
    out += _glued_acronyms(text)
    out += [Edit(m.start(), m.end(), ".", "debris: heading number's full stop read as a colon")
            for m in _COLON_NUMBER.finditer(text)]
    return out + _line_openings(text) + _unclosed_quotes(text) + _glued_marks(text) \
        + _spaced_marks(text) + _dash_inside_words(text) + _comma_specks(text)

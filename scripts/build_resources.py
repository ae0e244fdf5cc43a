"""Build the language layer's counts in pipeline/vi/data/ from sources on this machine.

Sources (all shipped with packages installed here, nothing downloaded):
- word lists: underthesea's Viet74K and pyvi's `models/words.txt` (syllables, and the
  within-word bigrams that are the compound evidence), hunspell-vi's syllable list;
- domain text: the born-digital documents listed in `corpora/domain_text.tsv` (today the four
  clean seeds; never an OCR'd document, never gold text). A plan added there makes the
  language model stronger for every scanned plan (one more plan: about +0.5 points of CER
  reduction on the speckled bench level);
- general text: the VLSP 2013 POS test set shipped with underthesea (about 68K tokens of
  running Vietnamese, news and legal genre), for contexts four seeds never show;
- dictionary text: the definitions and usage examples of the Vietnamese dictionary in the npm
  package @vntk/dictionary (MIT; fetched at setup by `scripts/fetch_sources.sh` into the
  environment's `share/vnplan/`, pinned by checksum), about 820K words; syllables and bigrams
  only.
Output is deterministic (sorted rows). Run: `.venv/bin/python scripts/build_resources.py`.
`percent_context.tsv` and `formula_phrases.txt` in the same folder are hand-written data and
are not touched; the OCR model's tables (`pipeline/clean/data/`) are learned by
`scripts/train_channel.py` and `scripts/train_specks.py`.
"""

from __future__ import annotations

import csv
import json
import sys
import unicodedata
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.clean.ocr_model import casing  # noqa: E402
from pipeline.clean.ocr_model.lexicon import Counts, count_punct_gaps, text_counts  # noqa: E402
from pipeline.ingest import ingest  # noqa: E402
from pipeline.vi.legal import citations  # noqa: E402
from pipeline.vi.resources import shared_dir  # noqa: E402
from pipeline.vi.syllable import is_shaped, key  # noqa: E402

RESOURCES = ROOT / "pipeline" / "vi" / "data"  # the language layer's data, in the source tree
DOMAIN_MANIFEST = ROOT / "corpora" / "domain_text.tsv"
DICTIONARY = shared_dir() / "vntk-dictionary.json"
HUNSPELL = Path("/usr/share/hunspell/vi_VN.dic")
PHRASE_REPEAT = 3  # weight of one formula phrase, in occurrences of domain text
VLSP_TEST = Path("pipeline/pos_tag/models/pos_crf_vlsp2013_20230303/test_output.txt")


def _package_dir(name: str) -> Path:
    """Folder of an installed package."""
    import importlib

    return Path(importlib.import_module(name).__file__).parent


def viet74k_path() -> Path:
    """Where the installed underthesea keeps Viet74K."""
    return _package_dir("underthesea") / "corpus" / "data" / "Viet74K.txt"


def word_list_counts(words: Iterable[str]) -> Counts:
    """Syllables and within-word bigrams of a word list, one count per entry."""
    out = Counts()
    for line in words:
        syls = [key(s) for s in unicodedata.normalize("NFC", line).strip().split()]
        if not syls or not all(s.isalpha() and is_shaped(s) for s in syls):
            continue
        out.uni.update(syls)
        out.bi.update(zip(syls, syls[1:], strict=False))
    return out


def formula_phrases() -> list[str]:
    """The genre's formula phrases ("Căn cứ", "Xét đề nghị", "chịu trách nhiệm thi hành"),
    each PHRASE_REPEAT times: evidence general to the genre that a few seeds may lack."""
    lines = (RESOURCES / "formula_phrases.txt").read_text(encoding="utf-8").splitlines()
    phrases = [ln.strip() for ln in lines if ln.strip() and not ln.startswith("#")]
    return phrases * PHRASE_REPEAT


def domain_documents() -> list[Path]:
    """The documents `corpora/domain_text.tsv` lists (paths relative to corpora/)."""
    with open(DOMAIN_MANIFEST, encoding="utf-8") as f:
        rows = [r for r in csv.DictReader(f, delimiter="\t")]
    paths = [ROOT / "corpora" / r["document"] for r in rows]
    missing = [str(p.relative_to(ROOT)) for p in paths if not p.exists()]
    if missing:
        raise SystemExit(f"{DOMAIN_MANIFEST.name} lists documents that do not exist: {missing}")
    return paths


@lru_cache(maxsize=8)
def domain_text(exclude: str | None = None) -> str:
    """The listed documents' text (read by the pipeline's own ingest, so a PDF or DOCX can be
    listed), markdown bold removed, and the formula phrases, as one text; `exclude` leaves out
    the document with that file stem (the benchmark's leave-one-out)."""
    parts = [ingest(p).raw_text for p in domain_documents() if p.stem != exclude]
    return "\n".join([p.replace("**", "") for p in parts] + formula_phrases())


def general_text() -> str:
    """The VLSP 2013 POS test set as running text: one token per line (a multi-syllable word
    keeps its spaces), tags after a tab, a blank line between sentences. Tokens are joined by
    spaces, so punctuation tokens still break the n-gram runs."""
    path = _package_dir("underthesea") / VLSP_TEST
    if not path.exists():
        return ""
    sentences, current = [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        tok = line.split("\t")[0].strip()
        if tok:
            current.append(tok)
        elif current:
            sentences.append(" ".join(current))
            current = []
    sentences.append(" ".join(current))
    return unicodedata.normalize("NFC", "\n".join(sentences))


def dictionary_text() -> str:
    """The dictionary's definitions and usage examples, one a line (a sense's examples are
    joined by "~"); headwords alone are left to the word lists. Raises if the dictionary was not
    fetched: resources built without it would silently differ from the committed ones."""
    if not DICTIONARY.exists():
        raise SystemExit(f"{DICTIONARY} is missing: run `bash scripts/fetch_sources.sh`")
    entries = json.loads(DICTIONARY.read_text(encoding="utf-8"))
    lines = []
    for headword in sorted(entries):
        for sense in entries[headword]:
            for field in ("definition", "example"):
                lines += [s.strip() for s in (sense.get(field) or "").split("~") if s.strip()]
    return unicodedata.normalize("NFC", "\n".join(lines))


@lru_cache(maxsize=1)
def dictionary_counts() -> Counts:
    """Syllable and bigram counts of the dictionary text (its trigrams are not used); built
    once per process."""
    c = shaped_counts(dictionary_text())
    return Counts(c.uni, c.bi)


def lexicon_sources() -> Counts:
    """Word-list counts from Viet74K, pyvi's word list and hunspell-vi syllables."""
    lines = viet74k_path().read_text(encoding="utf-8").splitlines()
    pyvi_words = _package_dir("pyvi") / "models" / "words.txt"
    if pyvi_words.exists():
        known = {ln.strip().lower() for ln in lines}
        lines += [w for w in pyvi_words.read_text(encoding="utf-8").splitlines()
                  if w.strip().lower() not in known]
    if HUNSPELL.exists():
        lines += [ln.split("/")[0] for ln in HUNSPELL.read_text(encoding="utf-8").splitlines()[1:]]
    return word_list_counts(lines)


def shaped_counts(text: str) -> Counts:
    """N-gram counts of running text, keeping only Vietnamese-shaped syllables."""
    c = text_counts(text)
    uni = Counter({s: n for s, n in c.uni.items() if is_shaped(s)})
    return Counts(uni, Counter({p: n for p, n in c.bi.items() if all(s in uni for s in p)}),
                  Counter({t: n for t, n in c.tri.items() if all(s in uni for s in t)}))


def acronym_counts(text: str) -> Counter:
    """All-capital tokens of 2-8 letters seen at least twice in clean text (UBND, HĐND)."""
    import regex

    counts = Counter(regex.findall(r"(?<![\p{L}0-9])\p{Lu}{2,8}(?![\p{L}0-9])", text))
    return Counter({a: c for a, c in counts.items() if c >= 2})


def punct_context_counts(text: str) -> tuple[Counter, Counter]:
    """How often each word stands before ("left") and after ("right") a comma and a semicolon
    inside a line, where a lowercase word follows ("người dân, doanh nghiệp"; "...; tạo"): the
    context a speckled scan's ";" is weighed in (`pipeline/clean/speckled.py`)."""
    import regex

    comma, semicolon = Counter(), Counter()
    for m in regex.finditer(r"(?<![\p{L}\d])(\p{L}+) ?([,;]) (\p{Ll}+)(?![\p{L}\d])", text):
        counter = comma if m.group(2) == "," else semicolon
        counter["left", key(m.group(1))] += 1
        counter["right", key(m.group(3))] += 1
    return comma, semicolon


def citation_counts(text: str) -> Counter:
    """(number, kind-issuer, date) of the legal documents clean text cites ("36a", "NQ-CP",
    "14/10/2015"): national resolutions and decisions every provincial plan cites."""
    return Counter((c.number, c.kind, c.date) for c in citations(text))


def _write_table(path: Path, header: list[str], columns: list[Counter], width: int) -> None:
    """One TSV row per key seen in any column, counts side by side."""
    keys = set().union(*columns)
    with open(path, "w", encoding="utf-8") as f:
        f.write("\t".join(header) + "\n")
        for k in sorted(keys):
            parts = [k] if width == 1 else list(k)
            f.write("\t".join(parts + [str(c[k]) for c in columns]) + "\n")


def write(out: Path = RESOURCES) -> None:
    """Write syllables.tsv, bigrams.tsv, trigrams.tsv, punct_gaps.tsv, acronyms.tsv,
    casing.tsv, punct_context.tsv and citations.tsv."""
    words, domain, general = lexicon_sources(), shaped_counts(domain_text()), \
        shaped_counts(general_text())
    dictionary = dictionary_counts()
    out.mkdir(parents=True, exist_ok=True)
    _write_table(out / "syllables.tsv", ["syllable", "lexicon", "domain", "general", "dictionary"],
                 [words.uni, domain.uni, general.uni, dictionary.uni], 1)
    _write_table(out / "bigrams.tsv",
                 ["first", "second", "lexicon", "domain", "general", "dictionary"],
                 [words.bi, domain.bi, general.bi, dictionary.bi], 2)
    _write_table(out / "trigrams.tsv", ["first", "second", "third", "domain", "general"],
                 [domain.tri, general.tri], 3)
    gaps = count_punct_gaps(domain_text() + "\n" + general_text())
    _write_table(out / "punct_gaps.tsv", ["first", "second", "count"], [gaps], 2)
    with open(out / "acronyms.tsv", "w", encoding="utf-8") as f:
        f.write("acronym\tcount\n")
        for a, c in sorted(acronym_counts(domain_text()).items()):
            f.write(f"{a}\t{c}\n")
    _write_table(out / "casing.tsv", ["syllable", "lower", "capital"],
                 list(casing.text_counts(domain_text() + "\n" + general_text())), 1)
    _write_table(out / "punct_context.tsv", ["side", "word", "comma", "semicolon"],
                 list(punct_context_counts(domain_text() + "\n" + general_text())), 2)
    _write_table(out / "citations.tsv", ["number", "kind", "date", "count"],
                 [citation_counts(domain_text())], 3)
    print(f"{len(set(words.uni) | set(domain.uni) | set(general.uni) | set(dictionary.uni))} "
          f"syllables, {len(set(words.bi) | set(domain.bi) | set(general.bi) | set(dictionary.bi))}"
          " bigrams, "
          f"{len(set(domain.tri) | set(general.tri))} trigrams -> {out}")


if __name__ == "__main__":
    write()

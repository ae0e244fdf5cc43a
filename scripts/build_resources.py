"""Build the word corrector's resources in corpora/resources/ from sources on this machine.

Sources: underthesea's Viet74K word list (syllables and within-word bigrams), hunspell-vi's
syllable list, and the four CLEAN born-digital seeds as domain text (never the OCR seed, never
gold text). Output is deterministic (sorted rows).
Run: `.venv/bin/python scripts/build_resources.py`.
`ocr_confusions.tsv` in the same folder is hand-written data and is not touched.
"""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.clean.lexicon import RESOURCES, count_text, count_trigrams, key  # noqa: E402
from pipeline.clean.syllable import is_shaped  # noqa: E402

DOMAIN_SEEDS = ["hatinh-2016-kh496", "haiduong-2016-kh681", "daklak-2018-qd168",
                "nghean-2013-qd526"]
HUNSPELL = Path("/usr/share/hunspell/vi_VN.dic")


def viet74k_path() -> Path:
    """Where the installed underthesea keeps Viet74K."""
    import underthesea

    return Path(underthesea.__file__).parent / "corpus" / "data" / "Viet74K.txt"


def word_list_counts(words: Iterable[str]) -> tuple[Counter, Counter]:
    """Syllables and within-word bigrams of a word list, one count per entry."""
    uni: Counter = Counter()
    bi: Counter = Counter()
    for line in words:
        syls = [key(s) for s in line.strip().split()]
        if not syls or not all(s.isalpha() and is_shaped(s) for s in syls):
            continue
        uni.update(syls)
        bi.update(zip(syls, syls[1:], strict=False))
    return uni, bi


def domain_text(seeds: Iterable[str] = DOMAIN_SEEDS) -> str:
    """The clean seeds, markdown bold removed, as one text."""
    parts = [(ROOT / "corpora" / "raw" / f"{s}.txt").read_text(encoding="utf-8") for s in seeds]
    return "\n".join(p.replace("**", "") for p in parts)


def lexicon_sources() -> tuple[Counter, Counter]:
    """Word-list counts from Viet74K plus hunspell-vi syllables."""
    lines = viet74k_path().read_text(encoding="utf-8").splitlines()
    if HUNSPELL.exists():
        lines += [ln.split("/")[0] for ln in HUNSPELL.read_text(encoding="utf-8").splitlines()[1:]]
    return word_list_counts(lines)


def acronym_counts(text: str) -> Counter:
    """All-capital tokens of 2-8 letters seen at least twice in clean text (UBND, HĐND)."""
    import regex

    counts = Counter(regex.findall(r"(?<![\p{L}0-9])\p{Lu}{2,8}(?![\p{L}0-9])", text))
    return Counter({a: c for a, c in counts.items() if c >= 2})


def write(out: Path = RESOURCES) -> None:
    """Write syllables.tsv, bigrams.tsv, trigrams.tsv and acronyms.tsv."""
    lex_uni, lex_bi = lexicon_sources()
    dom_uni, dom_bi = count_text(domain_text())
    dom_uni = Counter({s: c for s, c in dom_uni.items() if is_shaped(s)})
    dom_bi = Counter({p: c for p, c in dom_bi.items() if p[0] in dom_uni and p[1] in dom_uni})
    out.mkdir(parents=True, exist_ok=True)
    with open(out / "syllables.tsv", "w", encoding="utf-8") as f:
        f.write("syllable\tlexicon\tdomain\n")
        for s in sorted(set(lex_uni) | set(dom_uni)):
            f.write(f"{s}\t{lex_uni[s]}\t{dom_uni[s]}\n")
    with open(out / "bigrams.tsv", "w", encoding="utf-8") as f:
        f.write("first\tsecond\tlexicon\tdomain\n")
        for a, b in sorted(set(lex_bi) | set(dom_bi)):
            f.write(f"{a}\t{b}\t{lex_bi[(a, b)]}\t{dom_bi[(a, b)]}\n")
    tri = count_trigrams(domain_text())
    with open(out / "trigrams.tsv", "w", encoding="utf-8") as f:
        f.write("first\tsecond\tthird\tdomain\n")
        for k in sorted(t for t, c in tri.items() if all(s in dom_uni for s in t)):
            f.write("\t".join(k) + f"\t{tri[k]}\n")
    with open(out / "acronyms.tsv", "w", encoding="utf-8") as f:
        f.write("acronym\tcount\n")
        for a, c in sorted(acronym_counts(domain_text()).items()):
            f.write(f"{a}\t{c}\n")
    print(f"{len(set(lex_uni) | set(dom_uni))} syllables, {len(set(lex_bi) | set(dom_bi))} "
          f"bigrams -> {out}")


if __name__ == "__main__":
    write()

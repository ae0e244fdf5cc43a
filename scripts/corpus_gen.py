"""Many realistic plans from a few: the seeds (and the development set, when present) with
their numbers, agencies, dates and sentence order varied, for the scale benchmark.

Each generated plan is a real plan's text with: the document number and signing date of the
letterhead changed (so doc ids differ), every percentage and most small counts redrawn,
years shifted together by up to ±3, agencies swapped for others of the same kind, and the
sentences of some paragraphs put in another order. Deterministic for a given seed number.
"""

from __future__ import annotations

import random
from pathlib import Path

import regex

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "corpora" / "raw").glob("*.txt"))
DEVSET_PLACES = (ROOT / "corpora" / "dev", ROOT.parent / "shared" / "devset" / "docs")
AGENCIES = ("Sở Thông tin và Truyền thông", "Sở Nội vụ", "Sở Tài chính",
            "Sở Kế hoạch và Đầu tư", "Sở Khoa học và Công nghệ", "Văn phòng UBND tỉnh",
            "Sở Giáo dục và Đào tạo", "Sở Y tế", "Công an tỉnh", "Sở Tư pháp")
_AGENCY = regex.compile("|".join(regex.escape(a) for a in AGENCIES))
_PERCENT = regex.compile(r"\b(\d{1,2})(\s?%)")
_YEAR = regex.compile(r"\b(20[0-3]\d)\b")
_NUMBER = regex.compile(r"(Số:\s*)(\d+)")
_DAY = regex.compile(r"(ngày\s+)(\d{1,2})(\s+tháng)")
_SENTENCE = regex.compile(r"(?<=[.;])\s+(?=\p{Lu})")


def sources() -> list[Path]:
    """The texts to vary: the seeds, and the development set's plans if present."""
    found = list(SEEDS)
    for place in DEVSET_PLACES:
        if place.is_dir():
            found += sorted(place.glob("*.txt"))
            break
    return found


def _shuffle_sentences(paragraph: str, rng: random.Random) -> str:
    parts = _SENTENCE.split(paragraph)
    if len(parts) > 2 and rng.random() < 0.5:
        head, rest = parts[0], parts[1:]
        rng.shuffle(rest)
        return " ".join([head, *rest])
    return paragraph


def vary(text: str, index: int) -> str:
    """One variant of `text`; `index` decides every choice (and the document number)."""
    rng = random.Random(index)
    shift = rng.randint(-3, 3)
    text = _NUMBER.sub(lambda m: f"{m.group(1)}{10000 + index}", text, count=1)
    text = _DAY.sub(lambda m: f"{m.group(1)}{rng.randint(1, 28)}{m.group(3)}", text, count=1)
    text = _YEAR.sub(lambda m: str(int(m.group(1)) + shift), text)
    text = _PERCENT.sub(lambda m: f"{rng.randint(5, 99)}{m.group(2)}", text)
    text = _AGENCY.sub(lambda m: rng.choice(AGENCIES) if rng.random() < 0.3 else m.group(),
                       text)
    return "\n".join(_shuffle_sentences(line, rng) for line in text.split("\n"))


def generate(folder: Path, count: int, start: int = 0) -> list[Path]:
    """`count` varied plans written into `folder` (numbered from `start`)."""
    folder.mkdir(parents=True, exist_ok=True)
    texts = [(p.stem, p.read_text(encoding="utf-8")) for p in sources()]
    paths = []
    for index in range(start, start + count):
        stem, text = texts[index % len(texts)]
        path = folder / f"{index:05d}-{stem[:40]}.txt"
        path.write_text(vary(text, index), encoding="utf-8")
        paths.append(path)
    return paths

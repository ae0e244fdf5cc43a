"""Everything the clean stage learned or was given, loaded once from package data.

`load_resources()` builds one `Resources` per process (and per configuration) from the
language layer's data (`pipeline/vi/data/`: n-gram counts, casing, punctuation contexts,
acronyms, citations) and the OCR model's own (`pipeline/clean/data/`: the learned channels,
the speck channel, hand-written confusions). Steps never load anything: they read the object
their context carries, so a benchmark can hand them another one (a language model without
the page's own document: `dataclasses.replace(resources, lm=...)`).
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources as package_files
from pathlib import Path

from pipeline.clean.config import CleanConfig
from pipeline.clean.ocr_model.casing import Casing
from pipeline.clean.ocr_model.channel import OcrChannel, read_channel
from pipeline.clean.ocr_model.lexicon import Lexicon, combine, read_counts
from pipeline.clean.ocr_model.lm import BigramLM
from pipeline.clean.ocr_model.specks import PunctContext, SpeckChannel
from pipeline.vi.resources import data_dir as language_data_dir

CHANNEL_FILES = {"clean": "ocr_channel.tsv", "speckled": "ocr_channel_speckled.tsv"}


def ocr_data_dir() -> Path:
    """The OCR model's data folder inside the installed package (`pipeline/clean/data/`)."""
    return Path(str(package_files.files("pipeline.clean.data")))


@dataclass(frozen=True)
class Resources:
    """The clean stage's data: `lexicon` (the full one, which candidates are drawn from),
    `lm` (the language model the decisions score with, over that lexicon or another), the
    channels per scan regime, and the small tables of clean text the rules consult."""

    lexicon: Lexicon
    lm: BigramLM
    channels: dict[str, OcrChannel]  # scan regime ("clean", "speckled") -> channel
    specks: SpeckChannel
    punct_context: PunctContext
    casing: Casing
    punct_gaps: dict[tuple[str, str], int]  # pairs clean text writes with "," or ";" between
    acronyms: dict[str, int]  # known acronyms and their counts in clean domain text
    citations: dict[tuple[str, str], frozenset[str]]  # (kind-issuer, date) -> numbers cited
    percent_cues: tuple[frozenset[str], frozenset[str]]  # words before / after a percentage
    marker_lookalikes: dict[str, frozenset[str]]  # marker letter -> what OCR reads it as

    def channel(self, regime: str) -> OcrChannel:
        """The channel of a scan regime."""
        return self.channels[regime]


def _rows(path: Path) -> Iterator[list[str]]:
    """Rows of a TSV table, "#" comment lines left out."""
    with open(path, encoding="utf-8") as f:
        yield from csv.reader((ln for ln in f if not ln.startswith("#")), delimiter="\t")


def _percent_cues(path: Path) -> tuple[frozenset[str], frozenset[str]]:
    before, after = set(), set()
    for row in _rows(path):
        if row and row[0] in ("before", "after"):
            (before if row[0] == "before" else after).add(row[1])
    return frozenset(before), frozenset(after)


def _lookalikes(path: Path) -> dict[str, frozenset[str]]:
    out: dict[str, set[str]] = {}
    for row in _rows(path):
        if row and row[0] != "seen":
            out.setdefault(row[1], set()).add(row[0])
    return {k: frozenset(v) for k, v in out.items()}


def _citations(path: Path) -> dict[tuple[str, str], frozenset[str]]:
    out: dict[tuple[str, str], set[str]] = {}
    for row in _rows(path):
        if row[0] != "number":
            out.setdefault((row[1], row[2]), set()).add(row[0])
    return {k: frozenset(v) for k, v in out.items()}


def build_resources(config: CleanConfig, language: Path, ocr: Path) -> Resources:
    """Resources from the data folders `language` (n-gram counts and clean-text tables) and
    `ocr` (channels and confusions), under `config`."""
    lexicon = combine(*read_counts(language), weights=config.lexicon)
    hand = ocr / "ocr_confusions.tsv"
    channels = {regime: OcrChannel(read_channel(ocr / name, hand, config.channel), lexicon,
                                   config.channel)
                for regime, name in CHANNEL_FILES.items()}
    return Resources(
        lexicon=lexicon,
        lm=BigramLM(lexicon, config.lm),
        channels=channels,
        specks=SpeckChannel.read(ocr / "speck_channel.tsv"),
        punct_context=PunctContext.read(language / "punct_context.tsv"),
        casing=Casing.read(language / "casing.tsv", config.casing),
        punct_gaps={(r[0], r[1]): int(r[2]) for r in _rows(language / "punct_gaps.tsv")
                    if r[0] != "first"},
        acronyms={r[0]: int(r[1]) for r in _rows(language / "acronyms.tsv")
                  if r[0] != "acronym"},
        citations=_citations(language / "citations.tsv"),
        percent_cues=_percent_cues(language / "percent_context.tsv"),
        marker_lookalikes=_lookalikes(ocr / "marker_confusions.tsv"),
    )


def load_resources(config: CleanConfig | None = None) -> Resources:
    """The resources of the installed package, built once per process (about a second: the
    bigram table is the bulk) and again only for a configuration that changes what they are
    built with (lexicon weights, language model, channel, casing)."""
    c = config or CleanConfig()
    return _load(CleanConfig(lexicon=c.lexicon, lm=c.lm, channel=c.channel, casing=c.casing))


@cache
def _load(config: CleanConfig) -> Resources:
    return build_resources(config, language_data_dir(), ocr_data_dir())

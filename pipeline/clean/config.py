"""The clean stage's tuning constants, in one frozen value.

Every number here was fitted on a benchmark (`scripts/bench_clean.py`; the history of which
value gave which figure is in docs/cleaning.md). A step reads them from the context it is
given (`context.config`), so a benchmark or a test can run the stage with another value
without patching a module: `CleanConfig(words=WordConfig(real_word_margin=1.0))`.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class LexiconConfig:
    """Count-merging weights of the n-gram sources (a MAP mix where the domain decides)."""

    word_list: float = 1.0  # one word-list entry counts like one domain occurrence
    domain: float = 1.0
    general: float = 0.3  # about four times the domain text: it fills unseen contexts
    dictionary: float = 0.2  # probabilities only, never `evidence`


@dataclass(frozen=True)
class LanguageModelConfig:
    """The syllable language model."""

    oov_logp: float = -8.0  # log10 P of a syllable the lexicon does not know
    compound_bonus: float = 0.5  # log10 for a pair of a listed word where OCR broke one
    seen_min: float = 1.0  # weighted count from which a bigram counts as seen


@dataclass(frozen=True)
class ChannelConfig:
    """The noisy channel: which candidates a token gets and what they cost."""

    max_cost: float = 4.5  # log10: letter confusion paths less likely are not followed
    mark_max_cost: float = 5.5  # log10: nor candidates (marks included) less likely
    hand_scale: float = 2.0  # log10 per unit of a hand-written confusion cost
    letter_cap: float = 3.0  # rarer learned letter confusions are not tried
    mark_fallback: float = 2.3  # per mark change when the skeletons differ
    weight: float = 0.7  # weight of the channel log10 P against the LM


@dataclass(frozen=True)
class WordConfig:
    """The word corrector's decision."""

    oov_margin: float = 0.5  # margin to replace an unknown syllable
    real_word_margin: float = 0.75  # margin to replace a known syllable
    capital_extra: float = 2.0  # for a capitalized known syllable inside a sentence
    mixed_digit_extra: float = 1.0  # for letters+digits tokens ("8an" for "Ban")
    edge_seen_min: float = 3.0  # count of its one bigram that keeps a run's end token
    max_candidates: int = 14  # candidates per suspicious token in the lattice
    beam: int = 8  # Viterbi states kept per position
    cheap_fix: float = 3.0  # channel cost under which an unshaped token is a damaged one
    cache_lambda: float = 0.05  # weight of the document cache against the base LM
    cache_mu: float = 0.7  # weight of the cache bigram against the cache unigram


@dataclass(frozen=True)
class PriorConfig:
    """The adaptive error prior: margins scaled by the document's unknown-syllable share."""

    clean_rate: float = 0.005  # share up to which a text counts as clean (scale 1)
    slope: float = 80.0  # scale lost per unit of share above clean_rate
    floor: float = 0.35  # lowest scale
    strict_rate: float = 0.002  # at or below this share a text is taken for born-digital
    strict_scale: float = 1.3  # scale for a born-digital text
    min_tokens: int = 200  # fewer counted tokens: scale 1


@dataclass(frozen=True)
class CasingConfig:
    """What mid-sentence capitals say."""

    min_sightings: int = 5  # fewer mid-sentence sightings say nothing
    name_word_share: float = 0.2  # capitalized at least this often: a word names are made of


@dataclass(frozen=True)
class SpeckConfig:
    """Speckled scans (`speckled.py`)."""

    min_chars: int = 1000  # a shorter text gives too few chances for a speck to show
    document_weight: float = 2.0  # a sighting in the document against one in other plans
    context_weight: float = 20.0  # pseudo-counts behind each mark's word distribution
    # weighted count of the unpunctuated pair before a mark glued to a word's end is a speck
    phrase_min: tuple[tuple[str, float], ...] = (
        (":", 1.0), ("-", 1.0), ("!", 1.0), (".", 3.0), (",", 10.0), (";", 10.0))


@dataclass(frozen=True)
class DebrisConfig:
    """Punctuation debris (`debris.py`)."""

    colon_phrase_min: float = 3.0  # a ": " is dropped only inside a phrase seen this often
    comma_phrase_min: float = 5.0  # weighted running-text count of the unpunctuated pair


@dataclass(frozen=True)
class StructureConfig:
    """Structure tokens (`structure.py`, `numbers.py`)."""

    truncated_min_uses: int = 3  # how often the document writes the full acronym
    doubled_min_count: int = 5  # how often clean text writes the acronym
    year_min_uses: int = 2  # how often the document writes a year for it to be a repair


@dataclass(frozen=True)
class LayoutConfig:
    """Page furniture and lost line breaks (`pagination.py`, `breaks.py`)."""

    max_step: int = 3  # a page number may skip up to two pages
    min_link_chars: int = 250  # characters per page between two page numbers, at least
    median_page_chars: int = 1000  # and at the median of the chain
    row_reach: int = 400  # a neighbour value this close makes a number a table's row number
    long_line: int = 2000  # a line this long holds a document whose breaks were lost
    # in such a document, a line this long is a piece of it (the rest of a paragraph a page
    # break cut, a short page) and gets its breaks back too
    piece_line: int = 500
    title_max: int = 200  # a title longer than this has run into its body


@dataclass(frozen=True)
class OriginConfig:
    """How much repair a text's origin allows (`policy.py`)."""

    # a text file whose unknown syllables (beyond those it writes `usage_min` times: names)
    # are at most this share of its words, and that is not a speckled scan, reads as typed
    typed_noise_rate: float = 0.002
    # a word is left as the document writes it when the document writes it beside the same
    # neighbour this often, and at least as often as the repair's form there
    usage_min: int = 3


@dataclass(frozen=True)
class CleanConfig:
    """Every tuning constant of the clean stage."""

    lexicon: LexiconConfig = field(default_factory=LexiconConfig)
    lm: LanguageModelConfig = field(default_factory=LanguageModelConfig)
    channel: ChannelConfig = field(default_factory=ChannelConfig)
    words: WordConfig = field(default_factory=WordConfig)
    prior: PriorConfig = field(default_factory=PriorConfig)
    casing: CasingConfig = field(default_factory=CasingConfig)
    speck: SpeckConfig = field(default_factory=SpeckConfig)
    debris: DebrisConfig = field(default_factory=DebrisConfig)
    structure: StructureConfig = field(default_factory=StructureConfig)
    layout: LayoutConfig = field(default_factory=LayoutConfig)
    origin: OriginConfig = field(default_factory=OriginConfig)

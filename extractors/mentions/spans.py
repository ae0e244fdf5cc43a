"""The mentions of a document as span groups (`Document.spans`): what the extractors found,
one `Span` type for all, for the tables' readers, the report and annotation tools.

    doc.spans["agency"]    canonical, type
    doc.spans["deadline"]  deadline_text, due_start, due_end, recurrence
    doc.spans["year"]      year, period_start
"""

from __future__ import annotations

from extractors.mentions.agencies import AgencyMention
from extractors.mentions.deadlines import find_deadlines
from extractors.mentions.years import year_mentions
from pipeline.model import Span, make_span


def mention_spans(text: str, agencies: list[AgencyMention]) -> dict[str, list[Span]]:
    """Agency, deadline and year mentions of `text` as span groups."""
    return {
        "agency": [make_span(a.start, a.end, "agency", canonical=a.canonical, type=a.type)
                   for a in agencies],
        "deadline": [make_span(d.start, d.end, "deadline", **vars(d.deadline))
                     for d in find_deadlines(text)],
        "year": [make_span(y.start, y.end, "year", year=y.year, period_start=y.period_start)
                 for y in year_mentions(text)],
    }

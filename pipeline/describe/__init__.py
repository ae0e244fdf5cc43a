"""describe: document metadata from the letterhead, the title and the signature block.

The stage between clean and segment. It reads the cleaned text only, so every input form
(text, web copy, PDF, DOCX, scan) is described by the same rules: issuer and province
(issuer.py, from the letterhead's issuer block: cells.py and letterhead.py), type, number and
date (the language layer's legal references, pipeline/vi/legal.py), title (title.py) and the
plan's horizon (horizon.py), signer (signer.py), and the document id (doc_id.py). Data:
pipeline/data/provinces_63.txt, provinces_34.txt, issuers.yaml, doc_types.yaml.
"""

from __future__ import annotations

from pipeline.describe.doc_id import make_doc_id
from pipeline.describe.horizon import horizon
from pipeline.describe.issuer import find_issuer
from pipeline.describe.letterhead import read_letterhead
from pipeline.describe.signer import find_signer
from pipeline.describe.text import ascii_slug, folded_words
from pipeline.describe.title import find_type_and_title
from pipeline.model import Document, DocumentMeta
from pipeline.vi.legal import (
    LETTERHEAD_CHARS,
    Reference,
    find_attached_to,
    find_date,
    find_reference,
)

__all__ = ["ascii_slug", "describe", "extract_metadata", "make_doc_id"]


def _own_reference(text: str) -> Reference | None:
    """The document's own number: the letterhead's "Số: …", else the note that attaches the
    text to the document issuing it. A plan "Ban hành kèm theo Quyết định số 168/QĐ-UBND"
    that has no number of its own is known by its decision's (daklak-2018-qd168), as the
    decision and its plan are one document when the letterhead is there."""
    ref = find_reference(text[:LETTERHEAD_CHARS])
    return ref if ref is not None else find_attached_to(text)


def extract_metadata(text: str) -> DocumentMeta:
    """Everything the document says about itself: issuer and province, type, number, signing
    date, title, horizon and signer. A field the text does not give stays None."""
    head = read_letterhead(text)
    title_kind, title = find_type_and_title(head)
    ref = _own_reference(text)
    signed_date = head.date or find_date(text[:LETTERHEAD_CHARS]) or (ref.date if ref else None)
    doc_type = ref.kind if ref else title_kind
    if doc_type and folded_words(doc_type) == "qd":
        doc_type = "QĐ"
    issuer = find_issuer(text, head, ref, title, signed_date)
    period_start, period_end = horizon(title)
    return DocumentMeta(
        province=issuer.province if issuer else None,
        issuer=head.issuer or head.authority,
        doc_type=doc_type,
        doc_number=ref.number if ref else None,
        signed_date=signed_date,
        title=title,
        signer=find_signer(text),
        period_start=period_start,
        period_end=period_end,
    )


def describe(doc: Document) -> Document:
    """The describe stage: the cleaned text's metadata and the document id made from it."""
    doc.meta = extract_metadata(doc.text if doc.text is not None else doc.raw_text)
    doc.doc_id = make_doc_id(doc.meta, doc.source)
    return doc

"""Document ids (ANNOTATION §4): `<province>-<year>-<type><number>`, lowercase ASCII.

The province is the issuer's as it signed ("hochiminh"; "vietnam" for a national document),
the year the signing year, the type and number those of the letterhead's "Số: …" line
("haiduong-2016-kh681"). A document that does not give all four keeps a slug of its file name.
"""

from __future__ import annotations

from pathlib import Path

import regex

from pipeline.describe.text import ascii_slug, fold
from pipeline.model import DocumentMeta


def make_doc_id(meta: DocumentMeta, source: str) -> str:
    """The ANNOTATION §4 id when the metadata gives province, type, number and date, else a
    slug of the file name ("Kế hoạch số 12.pdf" → "ke-hoach-so-12")."""
    if meta.province and meta.doc_type and meta.doc_number and meta.signed_date:
        number = regex.match(r"\d+[a-zA-Z]?", meta.doc_number)
        if number:
            return (f"{ascii_slug(meta.province)}-{meta.signed_date[:4]}-"
                    f"{ascii_slug(meta.doc_type)}{number.group().lower()}")
    return "-".join(fold(Path(source).stem).split()) or "document"

"""The clean stage: normalize → layout → debris → words → structure tokens (debris again).

Each step is a function `text -> list[Edit]`; `clean_text` applies them in order, composes
the offset maps and turns every edit into a `Correction`. In suggestion mode nothing is applied
and every step sees the normalized text.
"""

from pipeline.clean.runner import CleanResult, clean_document, clean_text

__all__ = ["CleanResult", "clean_document", "clean_text"]

"""The clean stage: normalize → blocks → assess → layout → breaks → debris → words → structure.

Each step is a function `(text, CleanContext) -> list[Edit]`; `clean_text` applies them in
order, composes the offset maps and turns every edit into a `Correction`. The context carries
the resources (loaded once per process), the tuning config, the reader's layout, the text's
origin and what earlier steps measured (the scan regime, whether a text file reads as typed).
In suggestion mode nothing is applied and every step sees the input text.
"""

from pipeline.clean.runner import CleanResult, clean_document, clean_text

__all__ = ["CleanResult", "clean_document", "clean_text"]

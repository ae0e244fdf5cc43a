"""The typed document model every stage reads and writes (one module per kind of item)."""

from pipeline.model.assignment import Assignment
from pipeline.model.correction import Correction
from pipeline.model.document import Document, DocumentMeta, Page, TableBlock
from pipeline.model.failure import Failure
from pipeline.model.section import Section
from pipeline.model.target import Target

__all__ = [
    "Assignment",
    "Correction",
    "Document",
    "DocumentMeta",
    "Failure",
    "Page",
    "Section",
    "TableBlock",
    "Target",
]

"""The typed document model every stage reads and writes (one module per kind of item)."""

from pipeline.model.assignment import Assignment
from pipeline.model.correction import Correction
from pipeline.model.document import Document, DocumentMeta, Page
from pipeline.model.failure import Failure
from pipeline.model.layout import Block, Box, Cell, Layout, Table
from pipeline.model.section import Section
from pipeline.model.span import Span, make_span
from pipeline.model.target import Target
from pipeline.model.tree import SectionTree

__all__ = [
    "Assignment",
    "Block",
    "Box",
    "Cell",
    "Correction",
    "Document",
    "DocumentMeta",
    "Failure",
    "Layout",
    "Page",
    "Section",
    "SectionTree",
    "Span",
    "Table",
    "Target",
    "make_span",
]

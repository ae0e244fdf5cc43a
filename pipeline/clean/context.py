"""What a cleaning step is given besides the text: the reader's layout, kept in the text's
current coordinates by the runner as earlier steps change the text."""

from __future__ import annotations

from dataclasses import dataclass, field

from pipeline.model import Layout


@dataclass
class StepInput:
    """The reader's layout of the text a step sees."""

    layout: Layout = field(default_factory=Layout)

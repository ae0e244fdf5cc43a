"""Shared fixtures: a per-module folder of generated inputs (rebuilt on every run)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))  # `import generate` from the test modules


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh folder per test module for generated inputs and outputs."""
    return tmp_path_factory.mktemp("inputs")

"""The codebook and the contract page cover every value the contract and the extractors use."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.gold import load_contract
from pipeline.process import process_path

CODES = Path("docs/codes.md").read_text(encoding="utf-8")
CONTRACT_PAGE = Path("docs/annotation.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("code", load_contract()["codes"])
def test_every_indicator_code_has_an_entry_with_an_example(code):
    [row] = [line for line in CODES.splitlines() if line.startswith(f"| `{code}` |")]
    assert row.count('"') >= 2  # an example quoted from a plan


@pytest.mark.parametrize("values", ["labels", "units", "comparators", "kinds", "scope_levels",
                                    "roles", "recurrences"])
def test_the_contract_page_names_every_listed_value(values):
    for value in load_contract()[values]:
        assert f"`{value}`" in CONTRACT_PAGE, value


def test_every_method_the_extractors_write_is_explained():
    sources = ["corpora/raw/nghean-2013-qd526.txt", "corpora/raw/haiduong-2016-kh681.txt",
               "corpora/raw/thanhhoa-2019-qd1118.txt"]
    methods = set()
    for source in sources:
        doc = process_path(source).document
        methods |= {row.method for row in doc.targets + doc.assignments}
    parts = {part for method in methods for part in method.split("+")}
    assert {"duty", "table", "subject", "lead", "plan_year", "appendix_year"} <= parts
    for part in parts:
        assert f"`{part}`" in CODES or part in load_contract()["units"], part

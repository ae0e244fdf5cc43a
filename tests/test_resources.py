"""The committed language resources are what `scripts/build_resources.py` builds from the
sources on this machine: a resource edited by hand, or a source changed without a rebuild,
would make the cleaner's behaviour unexplainable."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

import build_resources  # noqa: E402

BUILT = ["syllables.tsv", "bigrams.tsv", "trigrams.tsv", "punct_gaps.tsv", "acronyms.tsv",
         "casing.tsv", "punct_context.tsv", "citations.tsv"]


@pytest.fixture(scope="module")
def rebuilt(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not build_resources.DICTIONARY.exists():
        pytest.skip("the dictionary source was not fetched (scripts/fetch_sources.sh needs npm)")
    out = tmp_path_factory.mktemp("resources")
    build_resources.write(out)
    return out


@pytest.mark.parametrize("name", BUILT)
def test_committed_resource_equals_a_fresh_build(rebuilt: Path, name: str) -> None:
    committed = (build_resources.RESOURCES / name).read_bytes()
    assert (rebuilt / name).read_bytes() == committed, \
        f"{name} is stale: run .venv/bin/python scripts/build_resources.py and commit it"


def test_domain_manifest_lists_vietnamese_documents_that_exist() -> None:
    documents = build_resources.domain_documents()
    assert len(documents) == len(set(documents)) >= 4
    for path in documents:
        assert build_resources.ingest(path).status == "ok", path.name


def test_leave_one_out_domain_text_drops_exactly_that_document() -> None:
    whole = build_resources.domain_text()
    without = build_resources.domain_text("daklak-2018-qd168")
    size = len((ROOT / "corpora" / "raw" / "daklak-2018-qd168.txt").read_text(encoding="utf-8")
               .replace("**", "")) + 1
    assert len(whole) - len(without) == size
    assert build_resources.domain_text("no-such-document") == whole

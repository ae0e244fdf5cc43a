"""The corpus manifest: which raw documents exist, which set each belongs to, and that none
was edited (the raw input must stay as received, byte for byte)."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from pipeline.corpora import RAW, document_ids, document_paths, manifest

ROOT = Path(__file__).resolve().parents[1]


def test_the_manifest_lists_exactly_the_raw_documents():
    assert sorted(p.name for p in RAW.glob("*")) == sorted(f"{d}.txt" for d in document_ids())


@pytest.mark.parametrize("row", manifest(), ids=lambda row: row["document"])
def test_raw_documents_are_byte_for_byte_as_received(row):
    data = (RAW / f"{row['document']}.txt").read_bytes()
    assert hashlib.sha256(data).hexdigest() == row["sha256"]


def test_sets():
    assert document_ids("seed") == ["hatinh-2016-kh496", "haiduong-2016-kh681",
                                    "daklak-2018-qd168", "nghean-2013-qd526",
                                    "thanhhoa-2019-qd1118"]
    assert len(document_ids("devset")) == 8 and "vietnam-2025-qd2629" in document_ids("devset")
    assert document_paths() == [RAW / f"{d}.txt" for d in document_ids()]
    with pytest.raises(ValueError, match="unknown document set 'heldout'"):
        document_ids("heldout")


def test_every_gold_file_has_its_document_and_only_dongnai_lacks_gold():
    gold = {p.stem for p in (ROOT / "gold").glob("*.json")}
    assert gold <= set(document_ids())
    assert set(document_ids()) - gold == {"dongnai-2025-kh179"}

"""Letterhead metadata and document ids (ANNOTATION §4)."""

from pathlib import Path

import pytest

from pipeline.ingest.metadata import ascii_slug, extract_metadata, make_doc_id


def test_slug_drops_diacritics_and_separators():
    assert ascii_slug("Đắk Lắk") == "daklak"
    assert ascii_slug("Bà Rịa - Vũng Tàu") == "bariavungtau"


def test_letterhead_of_a_plan():
    header = ("ỦY BAN NHÂN DÂN\nTỈNH QUẢNG TRỊ\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
              "Số: 2034/KH-UBND\nQuảng Trị, ngày 05 tháng 5 năm 2022\n\nKẾ HOẠCH\n"
              "Chuyển đổi số tỉnh Quảng Trị năm 2022\n\nI. MỤC ĐÍCH, YÊU CẦU\n")
    meta = extract_metadata(header)
    assert (meta.province, meta.doc_type, meta.doc_number, meta.signed_date) == (
        "Quảng Trị", "KH", "2034/KH-UBND", "2022-05-05")
    assert meta.title == "Chuyển đổi số tỉnh Quảng Trị năm 2022"
    assert make_doc_id(meta, "x.pdf") == "quangtri-2022-kh2034"


def test_number_and_date_from_the_appendix_note_when_the_letterhead_is_missing():
    text = ("QUYẾT ĐỊNH\nPhê duyệt Đề án\nUBND TỈNH BẮC NINH\n...\nPHỤ LỤC\n(Kèm theo Quyết định "
            "số 88/QĐ-UBND ngày 09/02/2021 của UBND tỉnh Bắc Ninh)")
    meta = extract_metadata(text)
    assert meta.doc_number == "88/QĐ-UBND" and meta.signed_date == "2021-02-09"
    assert make_doc_id(meta, "a.txt") == "bacninh-2021-qd88"


def test_falls_back_to_a_slug_of_the_file_name():
    meta = extract_metadata("Một văn bản không có tiêu đề.")
    assert make_doc_id(meta, "/data/Kế hoạch số 12.pdf") == "ke-hoach-so-12"


@pytest.mark.parametrize("name", ["hatinh-2016-kh496", "haiduong-2016-kh681", "daklak-2018-qd168",
                                  "nghean-2013-qd526", "thanhhoa-2019-qd1118"])
def test_seed_ids_come_from_their_own_text(name):
    text = Path(f"corpora/raw/{name}.txt").read_text(encoding="utf-8")
    assert make_doc_id(extract_metadata(text), "renamed.txt") == name

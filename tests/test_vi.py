"""The Vietnamese language layer (`pipeline/vi/`): one fold, syllables and tones, the line and
marker grammar, legal references, and no stage behind any of it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.vi import chars, fold, legal, lines, markers, syllable, vocabulary

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize(("text", "folded"), [
    ("Sở Tài chính", "so tai chinh"),
    ("ĐẮK LẮK", "dak lak"),
    ("Thành phố Hồ Chí Minh", "thanh pho ho chi minh"),
    ("Ủy ban nhân dân tỉnh Đồng Tháp", "uy ban nhan dan tinh dong thap"),
    ("KH&CN, 5G/IoT", "kh&cn, 5g/iot"),
])
def test_fold_takes_marks_off_one_character_for_one(text, folded):
    assert fold.fold(text) == folded
    assert len(fold.fold(text)) == len(text)  # offsets in the folded text hold in the original


def test_every_caller_folds_with_the_one_fold():
    from extractors import fold as extractor_fold

    assert extractor_fold.fold is fold.fold and extractor_fold.pattern_of is fold.pattern_of


@pytest.mark.parametrize(("text", "separator", "slug"), [
    ("Đắk Lắk", "", "daklak"),
    ("Thừa Thiên Huế", "", "thuathienhue"),
    ("QĐ", "", "qd"),
    ("Kế hoạch 144 (bản sửa)", "-", "ke-hoach-144-ban-sua"),
    ("１１１８", "", "1118"),  # full-width digits
])
def test_ascii_slug(text, separator, slug):
    assert fold.ascii_slug(text, separator) == slug


def test_syllable_key_places_the_tone_in_one_style():
    assert syllable.key("Hoà") == syllable.key("hòa") == "hòa"
    assert syllable.syllable_style("hoà") == syllable.STYLE_NEW
    assert syllable.syllable_style("hòa") == syllable.STYLE_OLD
    assert syllable.syllable_style("toán") is None  # both styles write it alike
    assert syllable.skeleton("Đường") == "duong"


def test_declared_character_fixes():
    text = "\u00d0\u1ea2NG Xa\u0303 ho\u0323\u0302i\u200b\r\n"
    fixes = chars.nfc_fixes(text) + chars.eth_fixes(text) + chars.layout_character_fixes(text)
    assert {f.reason for f in fixes} == {"NFC", "Ð (U+00D0) to Đ", "invisible character",
                                        "line ending"}
    out = text
    for f in sorted(fixes, key=lambda f: f.start, reverse=True):
        out = out[:f.start] + f.replacement + out[f.end:]
    assert out == "ĐẢNG Xã hội\n"


@pytest.mark.parametrize(("line", "opens"), [
    ("2.1. Mục tiêu cụ thể", True), ("a) Hạ tầng kỹ thuật", True), ("đ) Đào tạo", True),
    ("IV. TỔ CHỨC THỰC HIỆN", True), ("Điều 2. Quyết định này có hiệu lực", True),
    ("- Sở Tài chính", True), ("Nơi nhận:", True), ("PHẦN THỨ NHẤT", True),
    ("Ủy ban nhân dân tỉnh", False), ("2020 và những năm tiếp theo", False),
])
def test_line_grammar_knows_what_opens_a_heading_or_an_item(line, opens):
    assert lines.starts_with_marker(line) is opens


def test_line_grammar_word_lists():
    assert {"và", "của", "nhằm"} <= lines.connectors()
    assert "Chủ trì" in lines.sentence_openers()
    first, second = lines.split_lines("một\nhai")
    assert (second.start, second.end, second.text) == (4, 7, "hai")


def test_roman_numerals_and_marker_alphabets():
    assert [markers.to_roman(n) for n in (4, 9, 14, 40, 399)] == ["IV", "IX", "XIV", "XL",
                                                                  "CCCXCIX"]
    assert markers.roman_value("XIV") == 14
    assert markers.roman_value("IIII") is None and markers.roman_value("VX") is None
    assert markers.roman_from_lookalikes("111") == "III"
    assert markers.next_letter("d", markers.VIETNAMESE) == "đ"
    assert markers.next_letter("e", markers.LATIN) == "f"
    assert markers.referenced_points("các điểm a, b, c mục 2 và điểm g") == [["a", "b", "c"],
                                                                            ["g"]]


def test_letterhead_number_and_date_of_issue():
    head = "Số: 1118 /QĐ-UBND   Thanh Hóa, ngày 29 tháng 3 năm 2019\nQUYẾT ĐỊNH\n"
    number = legal.find_reference(head)
    assert (number.number, number.kind) == ("1118/QĐ-UBND", "QĐ")
    assert legal.find_date(head) == "2019-03-29"
    assert legal.find_reference("Số: 32/2017/TT-BTTTT").kind == "TT"
    assert legal.find_reference("Số: 09-NQ/TU").number == "09-NQ/TU"  # the party's form
    assert legal.find_reference("Kế hoạch phát triển") is None


@pytest.mark.parametrize(("note", "expected"), [
    ("(Ban hành kèm theo Quyết định số 526/QĐ-UBND ngày 05/02/2013 của UBND tỉnh)",
     ("526", "QĐ-UBND", "2013-02-05")),
    ("(Kèm theo Kế hoạch số 681 /KH - UBND ngày 01 tháng 4 năm 2016)",
     ("681", "KH-UBND", "2016-04-01")),
    ("(Kèn định số: 141 /QĐ-UBND ngày 29/3/2019 của UBND tỉnh)",  # OCR'd "Kèm theo Quyết"
     ("141", "QĐ-UBND", "2019-03-29")),
])
def test_attachment_notes_name_the_issuing_document(note, expected):
    (ref,) = legal.attachment_notes(note)
    assert (ref.number, ref.kind, ref.date) == expected
    assert note[ref.start:ref.end] == expected[0]


def test_citations_carry_number_kind_and_date():
    text = "thực hiện Quyết định số 06/QĐ-TTg ngày 02/01/2025 và Nghị quyết 36a/NQ-CP ngày " \
           "14/10/2015 của Chính phủ"
    found = [(c.number, c.kind, c.date) for c in legal.citations(text)]
    assert found == [("06", "QĐ-TTg", "2/1/2025"), ("36a", "NQ-CP", "14/10/2015")]


def test_unknown_share_tells_vietnamese_from_text_that_lost_its_marks():
    assert vocabulary.unknown_share("Chính quyền điện tử tỉnh Thanh Hóa") == 0.0
    assert vocabulary.unknown_share("Chinh quyen dien tu tinh Thanh Hoa") > 0.25


def test_the_language_layer_imports_no_stage():
    code = ("import sys\n"
            "import pipeline.vi.chars, pipeline.vi.fold, pipeline.vi.legal, pipeline.vi.lines\n"
            "import pipeline.vi.markers, pipeline.vi.syllable, pipeline.vi.vocabulary\n"
            "pipeline.vi.vocabulary.known_syllables()\n"
            "print(sorted(m for m in sys.modules if m.startswith('pipeline')))\n")
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True,
                         text=True, cwd=ROOT).stdout
    loaded = eval(out)  # a printed list of module names
    assert loaded and all(m == "pipeline" or m.startswith("pipeline.vi") for m in loaded), loaded

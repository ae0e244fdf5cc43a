"""What a text's origin allows the clean stage (`policy.py`, `usage.py`): typed text (a PDF's
text layer, a DOCX, a text file that reads as typed) gets its layout and the declared
normalization only; an OCR'd text file gets the repairs, but never loses a word it writes
again and again in the same place. Lines are from the development set's 2025 plans (typed)
and from seed thanhhoa (OCR'd)."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.clean.context import CleanContext
from pipeline.clean.normalize import DECLARED_REASONS
from pipeline.clean.runner import clean_text

ROOT = Path(__file__).resolve().parents[1]
LAYOUT = {"line join", "line join (layout)", "hyphenation", "restored break", "markdown",
          "table layout"}

# real lines of Đồng Nai's and Bắc Ninh's plans that the OCR corrector used to "repair"
TYPED = [
    "Giúp các Sở, ban, ngành, UBND các phường, xã, các tổ chức, doanh nghiệp nắm bắt xu thế.",
    "Xây dựng và định kỳ hàng năm công bố báo cáo dự báo về nhu cầu nhân lực số của tỉnh.",
    "Đầu tư, bổ sung trang thiết bị công nghệ thông tin phục vụ chuyển đổi số.",
    "Bảo đảm dữ liệu được kết nối, an toàn, phủ rộng đến cơ sở; dữ liệu trở thành yếu tố mới.",
    "Xã hội hóa, đối tác đầu tư công - tư: huy động các doanh nghiệp tham gia.",
    "Thúc đẩy mỗi người dân tuổi thành niên đều có danh tính số.",
]
# a task table as the reader writes it: cells between tabs, the partner cell repeating
TABLE = [f"{i}\tTriển khai nhiệm vụ số {i}\tSở Khoa học và Công nghệ\t"
         "Các sở, ban, ngành; UBND các phường, xã\tNăm 2026" for i in range(1, 9)]
# lines of seed thanhhoa as its OCR reads them
OCR_LINES = [
    "xây dựng và phát triển Chính quyền diện rử tình nhằm nâng cao hiệu lực",
    "Triển khai thực biện biệu quả các mục tiêu, nhiệm vụ của Nghị quyết số",
    "cao hiệu lực, hiệu quả hoạt động của các co quan hành chính nhà nước",
    "các kế hoạch phát triểu của ngành, địa phương bảo đảm đồng bộ",
]


def plan(*extra: str) -> str:
    """A typed plan: the typed lines, `extra` lines, the task table."""
    return "KẾ HOẠCH\n" + "\n".join([*TYPED, *extra, *TABLE]) + "\n"


def repairs(result) -> list[tuple[str, str, str]]:
    """(before, after, reason) of every change beyond declared normalization and layout."""
    return [(c.before, c.after, c.reason) for c in result.corrections
            if c.reason not in DECLARED_REASONS and c.reason not in LAYOUT]


def test_the_corrector_alone_would_damage_typed_text():
    # the harm this policy exists for: as OCR output the plan loses its own words
    found = repairs(clean_text(plan(), origin="ocr"))
    assert ("phường", "phương", "ocr word: phường→phương") in found
    assert ("hàng", "hằng", "ocr word: hàng→hằng") in found


@pytest.mark.parametrize("origin", ["digital", "text"])
def test_typed_text_gets_layout_and_normalization_only(origin):
    result = clean_text(plan(), origin=origin)
    assert repairs(result) == []
    assert result.reads_as == "typed"
    for phrase in ("UBND các phường, xã", "định kỳ hàng năm", "trang thiết bị",
                   "cơ sở; dữ liệu", "công - tư", "mỗi người dân"):
        assert phrase in result.text


@pytest.mark.parametrize("origin", ["digital", "text"])
def test_typed_text_keeps_the_mark_before_a_wrapped_line(origin):
    filler = "Tăng cường công tác kiểm tra, đôn đốc các đơn vị khai thác, sử dụng hiệu quả;"
    text = "\n".join([filler] * 25 + [
        "dữ liệu mở phục vụ phát triển kinh tế số, xã hội số trong các lĩnh vực trọng điểm:",
        "nông nghiệp và môi trường, y tế, giáo dục, du lịch, giao thông vận tải."]) + "\n"
    assert "lĩnh vực trọng điểm: nông nghiệp" in clean_text(text, origin=origin).text
    # an OCR'd page's line-end mark before a lowercase continuation is a speck
    assert "lĩnh vực trọng điểm nông nghiệp" in clean_text(text, origin="ocr").text


@pytest.mark.parametrize("origin", ["digital", "text"])
def test_ocr_output_in_a_text_file_or_a_digital_layer_is_repaired(origin):
    # the text layer of a scan made by another engine, or OCR output pasted into a DOCX,
    # is OCR output whatever file carries it
    result = clean_text(plan(*OCR_LINES), origin=origin)
    assert result.reads_as == "ocr"
    assert "Chính quyền điện tử" in result.text


def test_an_ocrd_text_file_is_repaired_but_keeps_the_words_it_writes_often():
    result = clean_text(plan(*OCR_LINES), origin="text")
    assert result.reads_as == "ocr"
    for repaired in ("Chính quyền điện tử", "thực hiện hiệu quả", "các cơ quan hành chính",
                     "kế hoạch phát triển của ngành"):
        assert repaired in result.text
    # "các phường" is written nine times: the document's own word, whatever the LM prefers
    assert result.text.count("UBND các phường, xã") == 9
    assert not [r for r in repairs(result) if r[0] == "phường"]


def test_a_pair_written_often_but_less_than_its_repair_is_still_repaired():
    # thanhhoa writes "nền táng" three times and "nền tảng" more often: the OCR'd form is not
    # the document's usage
    lines = ["đưa vào sử dụng nền táng tích hợp, chia sẻ dữ liệu của tỉnh"] * 3 \
        + ["xây dựng nền tảng tích hợp, chia sẻ dữ liệu cấp tỉnh"] * 4
    result = clean_text(plan(*OCR_LINES, *lines), origin="text")
    assert "nền táng" not in result.text and result.text.count("nền tảng") == 7


@pytest.mark.parametrize(("doc_id", "reads_as"), [
    ("hatinh-2016-kh496", "typed"), ("haiduong-2016-kh681", "typed"),
    ("daklak-2018-qd168", "typed"),  # "Đắk Lắk" unknown to the lexicon, but written 10 times
    ("nghean-2013-qd526", "typed"), ("thanhhoa-2019-qd1118", "ocr"),
])
def test_seed_text_files_are_judged_by_what_ocr_leaves(doc_id, reads_as):
    text = (ROOT / "corpora" / "raw" / f"{doc_id}.txt").read_text(encoding="utf-8")
    assert clean_text(text, origin="text").reads_as == reads_as


def test_an_unknown_origin_is_refused_with_its_name():
    with pytest.raises(ValueError, match="unknown text origin 'scan'"):
        CleanContext.create(origin="scan")

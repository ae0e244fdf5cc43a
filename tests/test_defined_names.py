"""Short forms a document defines for its bodies (extractors/mentions/defined_names.py)."""

from __future__ import annotations

from extractors.assignments.extract import extract_assignments
from extractors.mentions.agencies import find_agencies
from extractors.mentions.defined_names import with_defined
from pipeline.model import DocumentMeta
from pipeline.segment import segment

TEXT = ("IV. TỔ CHỨC THỰC HIỆN\n"
        "a) Chi cục Quản lý đất đai (sau đây viết tắt là Chi cục QLĐĐ): theo dõi việc thực hiện "
        "Kế hoạch.\n"
        "b) Văn phòng Đăng ký đất đai tỉnh An Giang (sau đây viết tắt là VPĐKĐĐ): chủ trì số hóa "
        "hồ sơ địa chính; chỉ đạo các Chi nhánh VPĐKĐĐ cập nhật dữ liệu.\n"
        "c) Văn phòng Sở: phối hợp với Chi cục QLĐĐ đánh giá kết quả hằng năm.\n"
        "d) Các đơn vị gửi báo cáo về Sở Nông nghiệp và Môi trường (qua Chi cục QLĐĐ).\n"
        "đ) VPĐKĐĐ báo cáo tiến độ trước ngày 20 hằng tháng.\n")


def test_later_short_forms_name_the_body_defined():
    named = {(m.text, m.canonical) for m in with_defined(TEXT, find_agencies(TEXT))}
    assert ("Chi cục QLĐĐ", "Chi cục Quản lý đất đai") in named
    assert ("VPĐKĐĐ", "Văn phòng Đăng ký đất đai tỉnh") in named
    assert not any(canonical == "Chi cục QLĐĐ" for _, canonical in named)
    # a branch of the office is another body, and "(qua …)" defines nothing
    assert not any(text.startswith("Chi nhánh") and canonical.startswith("Văn phòng Đăng ký")
                   for text, canonical in named)
    assert not any(canonical == "Sở Nông nghiệp và Môi trường" and "QLĐĐ" in text
                   for text, canonical in named)


def test_duties_of_a_short_form_go_to_the_body_defined():
    got = {(a.agency, a.role, a.task)
           for a in extract_assignments(TEXT, segment(TEXT), DocumentMeta())}
    assert ("Chi cục Quản lý đất đai", "lead", "đánh giá kết quả hằng năm") in got
    assert ("Văn phòng Đăng ký đất đai tỉnh", "lead",
            "báo cáo tiến độ trước ngày 20 hằng tháng") in got


def test_brackets_that_define_no_short_form_of_the_body_are_not_read():
    for text in ("Sở Y tế phối hợp thực hiện (Phụ lục II). Chi tiết tại Phụ lục II.",
                 "Sở Tài chính thẩm định (Mẫu số 02/BC) và gửi Mẫu số 02/BC.",
                 "Giao Sở Nội vụ chủ trì (CCHC). Công tác CCHC được đẩy mạnh.",
                 "Sở Y tế chủ trì (Quý IV/2024), xong trước Quý IV/2024."):
        mentions = find_agencies(text)
        assert with_defined(text, mentions) == mentions, text


"""Assignments from "Tổ chức thực hiện" sections: roles, tasks, evidence, merging."""

from pathlib import Path

from extractors.assignments import extract_assignments
from pipeline.model import DocumentMeta

FIXTURE = Path(__file__).parent / "fixtures" / "genre" / "assign_2025_chuyendoiso.txt"


def rows(text: str) -> set[tuple[str, str, str]]:
    return {(a.agency, a.role, a.task) for a in extract_assignments(text, [], DocumentMeta())}


def test_lead_with_partners_one_line():
    text = ("IV. TỔ CHỨC THỰC HIỆN 1. Sở Nội vụ Chủ trì, phối hợp với các sở, ban, ngành tỉnh, "
            "Ủy ban nhân dân các huyện, thị xã, thành phố thực hiện có hiệu quả Chương trình cải "
            "cách hành chính. Nơi nhận:")
    task = "thực hiện có hiệu quả Chương trình cải cách hành chính"
    assert rows(text) == {("Sở Nội vụ", "lead", task), ("Các sở, ban, ngành", "partner", task),
                          ("UBND cấp huyện", "partner", task)}


def test_owner_coordinates_with_named_leads():
    text = ("V. TỔ CHỨC THỰC HIỆN\n1. Sở Thông tin và Truyền thông\na) Phối hợp với Sở Tài chính, "
            "Sở Kế hoạch và Đầu tư đề xuất bố trí ngân sách hàng năm.\n")
    got = extract_assignments(text, [], DocumentMeta())
    assert {(a.agency, a.role) for a in got} == {
        ("Sở Thông tin và Truyền thông", "partner"), ("Sở Tài chính", "lead"),
        ("Sở Kế hoạch và Đầu tư", "lead")}
    assert {a.recurrence for a in got} == {"annual"}


def test_each_lettered_duty_is_one_record_with_cumulative_evidence():
    text = ("V. TỔ CHỨC THỰC HIỆN\n1. Văn phòng UBND tỉnh\na) Duy trì hệ thống quản lý văn bản.\n"
            "b) Tổng hợp tình hình thực hiện.\n")
    got = extract_assignments(text, [], DocumentMeta())
    assert [a.task for a in got] == ["Duy trì hệ thống quản lý văn bản",
                                     "Tổng hợp tình hình thực hiện"]
    assert got[1].evidence.startswith("Văn phòng UBND tỉnh a) Duy trì")


def test_executing_article_gives_leads():
    text = ("Điều 3. Chánh Văn phòng UBND tỉnh, Giám đốc Sở Thông tin và Truyền thông, Chủ tịch "
            "UBND các huyện, thị xã, thành phố chịu trách nhiệm thi hành Quyết định này./.")
    assert {(a, r) for a, r, _ in rows(text)} == {
        ("Văn phòng UBND tỉnh", "lead"), ("Sở Thông tin và Truyền thông", "lead"),
        ("UBND cấp huyện", "lead")}


def test_receiving_reports_gives_no_record():
    text = ("V. TỔ CHỨC THỰC HIỆN\n1. Các sở, ban, ngành\nXây dựng kế hoạch của đơn vị mình, gửi "
            "Sở Thông tin và Truyền thông theo dõi, tổng hợp.\n")
    assert {a for a, _, _ in rows(text)} == {"Các sở, ban, ngành"}


def test_genre_fixture_2025_science_department_and_communes():
    got = rows(FIXTURE.read_text(encoding="utf-8"))
    assert ("Sở Khoa học và Công nghệ", "lead", "tổ chức triển khai Kế hoạch này") in got
    assert ("UBND cấp xã", "partner", "tổ chức triển khai Kế hoạch này") in got
    assert ("Sở Khoa học và Công nghệ", "lead", "triển khai nền tảng số dùng chung") in got
    assert ("Các doanh nghiệp viễn thông", "lead",
            "Bảo đảm hạ tầng viễn thông phục vụ chính quyền hai cấp") in got


def test_restated_table_row_merges_into_duty():
    text = ("IV. TỔ CHỨC THỰC HIỆN 1. Sở Tư pháp Đẩy mạnh cải cách thủ tục hành chính. Nơi nhận: "
            "PHỤ LỤC STT Tên nhiệm vụ Cơ quan chủ trì Cơ quan phối hợp Thời gian thực hiện "
            "1 Đẩy mạnh cải cách thủ tục hành chính Sở Tư pháp Sở Nội vụ 2016-2020")
    got = extract_assignments(text, [], DocumentMeta())
    lead = [a for a in got if a.role == "lead"]
    assert len(lead) == 1 and lead[0].method == "duty" and lead[0].due_end == "2020-12-31"
    assert [(a.agency, a.role) for a in got if a.method == "table"] == [("Sở Nội vụ", "partner")]

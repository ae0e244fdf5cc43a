"""Appendix task tables in the layouts the genre produces."""

from pathlib import Path

from extractors.mentions.agencies import find_agencies
from extractors.tables.columns import column_kind
from extractors.tables.text_rows import task_rows

FIXTURES = Path(__file__).parent / "fixtures" / "genre"


def read(text: str):
    return [(text[r.task_start:r.task_end], [n for n, _ in r.leads], [n for n, _ in r.partners],
             r.deadline.due_end) for r in task_rows(text, find_agencies(text))]


def test_header_synonyms():
    assert column_kind("Cơ quan chủ trì") == "lead"
    assert column_kind("Đơn vị phối hợp") == "partner"
    assert column_kind("Thời gian hoàn thành") == "time"
    assert column_kind("Chủ đầu tư") == "lead"


def test_tab_rows_with_wrapped_continuation():
    text = ("STT\tNhiệm vụ\tCơ quan chủ trì\tCơ quan phối hợp\tThời gian hoàn thành\n"
            "1\tXây dựng kho dữ liệu\tSở KH&CN\tCác sở, ban, ngành\tQuý IV/2025\n"
            "\tdùng chung của tỉnh\t\tUBND cấp xã\t\n")
    assert read(text) == [("Xây dựng kho dữ liệu", ["Sở Khoa học và Công nghệ"],
                           ["Các sở, ban, ngành", "UBND cấp xã"], "2025-12-31")]


def test_one_cell_per_line_with_lead_and_partner_in_one_cell():
    text = ("\tTT\n\tCác dự án\n\tThời gian thực hiện\n\tĐơn vị chủ trì\n\n"
            "\tII\n\tHoàn thiện hạ tầng công nghệ thông tin\n\t2013 - 2020\n"
            "\tSở TT&TT chủ trì phối hợp với các huyện, xã\n\n")
    assert read(text) == [("Hoàn thiện hạ tầng công nghệ thông tin",
                           ["Sở Thông tin và Truyền thông"], ["UBND cấp huyện", "UBND cấp xã"],
                           "2020-12-31")]


def test_group_row_repeating_its_title_is_skipped():
    text = ("\tTT\n\tCác dự án\n\tĐơn vị chủ trì\n\n\tA\n\tỨng dụng CNTT\n\tỨng dụng CNTT\n\n")
    assert read(text) == []


def test_flattened_row_task_ending_in_agency_name():
    text = ("STT Tên nhiệm vụ, dự án Cơ quan chủ trì Cơ quan phối hợp Thời gian thực hiện "
            "1 Xây dựng cổng thông tin điện tử của Ủy ban nhân dân cấp xã Ủy ban nhân dân cấp xã "
            "Sở Thông tin và Truyền thông, Ủy ban nhân dân cấp huyện 2016-2017")
    assert read(text) == [("Xây dựng cổng thông tin điện tử của Ủy ban nhân dân cấp xã",
                           ["UBND cấp xã"], ["Sở Thông tin và Truyền thông", "UBND cấp huyện"],
                           "2017-12-31")]


def test_cited_approval_is_not_the_task():
    text = ("STT\tQuyết định\tChủ đầu tư\tThời gian thực hiện\n"
            "1.\tQuyết định số 949/QĐ-UBND ngày 23/3/2015 của UBND tỉnh về việc phê duyệt chủ "
            "trương đầu tư Ứng dụng CNTT trong CCHC huyện Can Lộc\tUBND huyện Can Lộc\t2014-2016\n")
    assert read(text) == [("Ứng dụng CNTT trong CCHC huyện Can Lộc", ["UBND huyện Can Lộc"], [],
                           "2016-12-31")]


def test_scanned_table_with_interleaved_wrapped_cells():
    """A scanned table (pdftotext -layout / Tesseract): columns cut by runs of spaces, row
    numbers at each row's vertical middle, cells wrapped over lines between other cells, an
    OCR-damaged name ("Thông tỉn"), a name wrapped mid-word ("Sở Kế hoạch và" / "Đầu tư"), a
    name printed in reverse line order ("UBND tỉnh" / "Văn phòng") and a remark whose cited
    date is not a deadline."""
    text = (FIXTURES / "assign_scanned_table.txt").read_text(encoding="utf-8")
    assert read(text) == [
        ("Xây dựng Kho dữ liệu dùng chung của tỉnh", ["Sở Thông tin và Truyền thông"],
         ["Các sở, ban, ngành", "UBND cấp huyện"], "2022-09-30"),
        ("Triển khai hệ thống giám sát an toàn thông", ["Sở Thông tin và Truyền thông"],
         ["Sở Kế hoạch và Đầu tư", "Sở Tài chính"], "2022-12-31"),
        ("Số hóa hồ sơ, kết quả giải quyết thủ tục hành", ["Các sở, ban, ngành", "UBND cấp huyện"],
         ["Sở Thông tin và Truyền thông"], None),
        ("Vận hành Trung tâm Phục vụ hành chính công tỉnh", ["Văn phòng UBND tỉnh"],
         ["Các sở, ban, ngành"], None),
    ]


def test_scanned_table_time_cell_recurrence():
    text = ("STT   Nhiệm vụ   Cơ quan chủ trì   Cơ quan phối hợp   Thời gian thực hiện\n"
            "1   Tập huấn kỹ năng số cho cán bộ   Sở Nội vụ   Sở TT&TT   Thực hiện hàng năm\n")
    rows = task_rows(text, find_agencies(text))
    assert [(r.deadline.recurrence, r.deadline.due_end) for r in rows] == [("annual", None)]


def test_scanned_row_partner_list_starts_above_the_number_line():
    """The taller partner cell begins on the line above the row number; the one-line lead
    cell sits on the number line."""
    text = ("STT   Nội dung   Cơ quan chủ trì   Cơ quan phối hợp   Thời gian\n"
            "Tham mưu quy định quản lý, vận hành và cung cấp   Các sở, ban, ngành,\n"
            "1   thông tin cho cổng dịch vụ công   Sở TT&TT   UBND cấp huyện   Quý III/2019\n")
    assert read(text) == [("Tham mưu quy định quản lý", ["Sở Thông tin và Truyền thông"],
                           ["Các sở, ban, ngành", "UBND cấp huyện"], "2019-09-30")]


def test_agency_name_wrapped_onto_continuation_row_is_joined():
    text = ("STT\tQuyết định\tChủ đầu tư\tTổng mức đầu tư\tThời gian thực hiện\n"
            "2.\tQuyết định số 4133/QĐ-UBND ngày 28/10/2015 của UBND\tUBND huyện Kỳ\t4.500\t"
            "2015 - 2017\n\n\ttỉnh về việc phê duyệt chủ trương dự án Ứng dụng CNTT trong CCHC "
            "huyện Kỳ Anh\tAnh\t\t\n")
    assert read(text) == [("Ứng dụng CNTT trong CCHC huyện Kỳ Anh", ["UBND huyện Kỳ Anh"], [],
                           "2017-12-31")]

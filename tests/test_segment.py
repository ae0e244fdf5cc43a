"""The section tree: headings vs paragraphs, levels, labels, and look-ups by offset."""

from pipeline.model import SectionTree
from pipeline.segment import segment, unmatched_headings


def heads(text: str) -> list[tuple]:
    return [(s.number, s.heading, s.level, s.label) for s in SectionTree(segment(text)).contract()]


def test_hatinh_repeated_and_skipped_numbers_nest_by_shape():
    text = ("I. MỤC TIÊU\n\n1. Mục tiêu tổng quát\n\nPhát triển đồng bộ hạ tầng.\n\n"
            "IV. Nội dung kế hoạch\n\n1. Hạ tầng kỹ thuật\n\n- Tiếp tục nâng cấp.\n\n"
            "3. Ứng dụng CNTT\n\n- Triển khai.\n\n3. Nguồn nhân lực cho ứng dụng CNTT\n\n"
            "IV. Kinh phí thực hiện (Có phụ lục danh mục dự án và kinh phí kèm theo)\n\n"
            "1. Kinh phí dự kiến bố trí trong năm 2017: 43.114.117.000 (Bốn ba tỷ).\n\n"
            "2. Kinh phí các dự án dự kiến lập mới trong năm 2017\n\nCăn cứ khả năng.\n")
    assert heads(text) == [
        ("I", "MỤC TIÊU", 1, "MUC_TIEU"), ("1", "Mục tiêu tổng quát", 2, "MUC_TIEU"),
        ("IV", "Nội dung kế hoạch", 1, "NHIEM_VU"), ("1", "Hạ tầng kỹ thuật", 2, "NHIEM_VU"),
        ("3", "Ứng dụng CNTT", 2, "NHIEM_VU"),
        ("3", "Nguồn nhân lực cho ứng dụng CNTT", 2, "NHIEM_VU"),
        ("IV", "Kinh phí thực hiện (Có phụ lục danh mục dự án và kinh phí kèm theo)", 1,
         "KINH_PHI"),
        ("2", "Kinh phí các dự án dự kiến lập mới trong năm 2017", 2, "KINH_PHI"),
    ]


def test_run_on_numbered_paragraph_is_not_a_heading():
    text = ("V. TỔ CHỨC THỰC HIỆN\n"
            "1. Giao Sở Thông tin và Truyền thông:\n- Chủ trì tổ chức triển khai.\n"
            "2. Các Sở, ban, ngành và UBND các huyện: Căn cứ chức năng, nhiệm vụ được giao.\n"
            "3. Sở Kế hoạch và Đầu tư chủ trì, phối hợp với Sở Tài chính lập kế hoạch vốn.\n")
    secs = segment(text)
    assert [(s.number, s.kind, s.level) for s in secs if s.number in ("1", "2", "3")] == [
        ("1", "heading", 2), ("2", "paragraph", None), ("3", "paragraph", None)]
    assert secs[1].heading == "Giao Sở Thông tin và Truyền thông"


def test_nghean_phan_above_roman_levels():
    text = ("QUYẾT ĐỊNH:\n"
            "Điều 1. Phê duyệt Điều chỉnh Quy hoạch đến năm 2020 với nội dung như sau:\n"
            "Phần I. Quan điểm và mục tiêu phát triển\nI. Quan điểm phát triển\nCông nghệ.\n"
            "II. Mục tiêu phát triển\n1. Mục tiêu tổng quát\nỨng dụng.\n"
            "Phần III. Giải pháp thực hiện\nII. Huy động vốn đầu tư\nNgân sách.\n"
            "Điều 2. Tổ chức thực hiện\n1. Giao Sở Thông tin và Truyền thông:\n- Chủ trì.\n")
    assert heads(text) == [
        ("Điều 1", "Phê duyệt Điều chỉnh Quy hoạch đến năm 2020 với nội dung như sau", 1,
         "QUYET_DINH"),
        ("Phần I", "Quan điểm và mục tiêu phát triển", 1, "MUC_TIEU"),
        ("I", "Quan điểm phát triển", 2, "QUAN_DIEM"),
        ("II", "Mục tiêu phát triển", 2, "MUC_TIEU"),
        ("Phần III", "Giải pháp thực hiện", 1, "GIAI_PHAP"),
        ("II", "Huy động vốn đầu tư", 2, "KINH_PHI"),
        ("Điều 2", "Tổ chức thực hiện", 1, "TO_CHUC_THUC_HIEN"),
        ("1", "Giao Sở Thông tin và Truyền thông", 2, "TO_CHUC_THUC_HIEN"),
    ]


def test_decision_articles_and_attached_plan_are_both_level_one():
    text = ("QUYẾT ĐỊNH:\n\n"
            "Điều 1. Ban hành kèm theo Quyết định này “Kế hoạch ICT Index năm 2018”.\n"
            "\nĐiều 2. Quyết định có hiệu lực thi hành kể từ ngày ký.\n\n"
            "Điều 3. Chánh Văn phòng UBND tỉnh chịu trách nhiệm thi hành Quyết định này./.\n\n"
            "Nơi nhận:\n- Bộ TT&TT (B/c);\n\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nKẾ HOẠCH\n\n"
            "(Ban hành kèm theo Quyết định số 168/QĐ-UBND)\n\nI. MỤC TIÊU, YÊU CẦU\n\n"
            "1. Mục đích\n\nPhân tích.\n")
    assert heads(text) == [
        ("Điều 1", "Ban hành kèm theo Quyết định này “Kế hoạch ICT Index năm 2018”", 1,
         "QUYET_DINH"),
        ("Điều 2", "Quyết định có hiệu lực thi hành kể từ ngày ký", 1, "QUYET_DINH"),
        ("Điều 3", "Chánh Văn phòng UBND tỉnh chịu trách nhiệm thi hành Quyết định này", 1,
         "QUYET_DINH"),
        ("I", "MỤC TIÊU, YÊU CẦU", 1, "MUC_DICH_YEU_CAU"),
        ("1", "Mục đích", 2, "MUC_DICH_YEU_CAU"),
    ]


def test_second_level_takes_its_own_label_where_its_title_says_so():
    text = ("III. MỘT SỐ GIẢI PHÁP CHỦ YẾU\n1. Về cơ chế chính sách\na) Xây dựng.\n"
            "2. Về kinh phí\na) Tăng cường.\n")
    assert [h[3] for h in heads(text)] == ["GIAI_PHAP", "GIAI_PHAP", "KINH_PHI"]


def test_unmatched_heading_gets_khac_and_is_reported():
    secs = segment("I. BỐI CẢNH CHUNG\nNội dung.\nII. NHỮNG VẤN ĐỀ ĐẶT RA\nNội dung.\n")
    assert [s.label for s in SectionTree(secs).contract()] == ["KHAC", "KHAC"]
    assert unmatched_headings(secs) == ["II NHỮNG VẤN ĐỀ ĐẶT RA"]


def test_digital_transformation_plan_2023_headings():
    text = ("I. MỤC ĐÍCH, YÊU CẦU\n1. Mục đích\nTriển khai.\n"
            "II. NHIỆM VỤ, GIẢI PHÁP TRỌNG TÂM\n1. Phát triển hạ tầng số\na) Phủ sóng 5G.\n"
            "III. KINH PHÍ THỰC HIỆN\nNgân sách tỉnh.\n"
            "IV. TỔ CHỨC THỰC HIỆN\n1. Sở Thông tin và Truyền thông\na) Chủ trì.\n"
            "PHỤ LỤC I\nDANH MỤC NHIỆM VỤ CHUYỂN ĐỔI SỐ NĂM 2023\n"
            "(Kèm theo Kế hoạch số 12/KH-UBND)\n")
    assert heads(text) == [
        ("I", "MỤC ĐÍCH, YÊU CẦU", 1, "MUC_DICH_YEU_CAU"),
        ("1", "Mục đích", 2, "MUC_DICH_YEU_CAU"),
        ("II", "NHIỆM VỤ, GIẢI PHÁP TRỌNG TÂM", 1, "NHIEM_VU"),
        ("1", "Phát triển hạ tầng số", 2, "NHIEM_VU"),
        ("III", "KINH PHÍ THỰC HIỆN", 1, "KINH_PHI"),
        ("IV", "TỔ CHỨC THỰC HIỆN", 1, "TO_CHUC_THUC_HIEN"),
        ("1", "Sở Thông tin và Truyền thông", 2, "TO_CHUC_THUC_HIEN"),
        ("PHỤ LỤC I", "DANH MỤC NHIỆM VỤ CHUYỂN ĐỔI SỐ NĂM 2023", 1, "PHU_LUC"),
    ]


def test_single_appendix_has_empty_number_and_keeps_its_word():
    text = "PHỤ LỤC\nDanh mục dự án đầu tư ứng dụng CNTT\n(Kèm theo Kế hoạch số 496)\n"
    assert heads(text) == [("", "PHỤ LỤC Danh mục dự án đầu tư ứng dụng CNTT", 1, "PHU_LUC")]


def test_ocr_s_for_5_repaired_when_it_fits_the_sequence():
    text = ("III. NHIỆM VỤ VÀ GIẢI PHÁP\n4. Bảo đảm an toàn thông tin\na) Xây dựng.\n"
            "S. Bảo đảm các nguồn lực triển khai xây dựng Chính quyền điện tử\nb) Xây dựng.\n")
    assert [h[0] for h in heads(text)] == ["III", "4", "5"]


def test_heading_broken_over_two_lines():
    text = ("III. NHIỆM VỤ\n6. Ban quản lý dự án đầu tư xây dựng các công trình dân dụng và\n"
            "công nghiệp\nChủ trì, phối hợp với các đơn vị.\n")
    assert heads(text)[1][1] == ("Ban quản lý dự án đầu tư xây dựng các công trình dân dụng và "
                                 "công nghiệp")


def test_heading_cut_after_a_joiner_takes_the_next_line_whatever_its_case():
    """A web copy wraps a heading at its width: a line that stops on a dash, a comma or a
    word that needs more ("và", "đến") goes on below, even with a number or a capital."""
    text = ("II. MỤC TIÊU VÀ CÁC CHỈ TIÊU GIAI ĐOẠN 2021 -\n2025\n1. Mục tiêu chung\nTiết kiệm.\n"
            "III. NHIỆM VỤ\n1. Phối hợp với Sở Giáo dục và\nĐào tạo\nTổ chức tập huấn.\n"
            "2. Kế hoạch hằng năm\nXây dựng kế hoạch.\n")
    assert [h[:2] for h in heads(text)] == [
        ("II", "MỤC TIÊU VÀ CÁC CHỈ TIÊU GIAI ĐOẠN 2021 - 2025"), ("1", "Mục tiêu chung"),
        ("III", "NHIỆM VỤ"), ("1", "Phối hợp với Sở Giáo dục và Đào tạo"),
        ("2", "Kế hoạch hằng năm")]


def test_table_inside_body_makes_no_headings():
    text = "PHỤ LỤC SỐ 2\nDANH MỤC CÁC DỰ ÁN\n\tTT\n\tA\n\tI\n\tỨng dụng CNTT\n"
    assert heads(text) == [("PHỤ LỤC SỐ 2", "DANH MỤC CÁC DỰ ÁN", 1, "PHU_LUC")]


def test_lookups_by_offset_find_period_heading_and_duty_paragraph():
    text = ("II. MỤC TIÊU\n2. Các chỉ tiêu cụ thể\n2.1. Giai đoạn 2019 - 2020\n"
            "d) 20% số lượng người dân được xác thực.\n"
            "V. TỔ CHỨC THỰC HIỆN\n3. Sở Nội vụ\nChủ trì cải cách hành chính.\n")
    secs = segment(text)
    at = text.index("20%")
    assert SectionTree(secs).innermost(at, kinds={"heading"}).heading == "Giai đoạn 2019 - 2020"
    assert SectionTree(secs).innermost(at).kind == "item"
    duty = text.index("Chủ trì")
    assert SectionTree(secs).innermost(duty).heading == "Sở Nội vụ"
    assert SectionTree(secs).enclosing(duty, "TO_CHUC_THUC_HIEN").number == "V"
    assert SectionTree(secs).enclosing(at, "TO_CHUC_THUC_HIEN") is None


def test_recipients_block_closes_sections():
    text = "IV. TỔ CHỨC THỰC HIỆN\n1. Sở Tư pháp\nĐẩy mạnh.\nNơi nhận:\n- Văn phòng Chính phủ;\n"
    secs = segment(text)
    assert all(s.end <= text.index("Nơi nhận") for s in secs)
    assert [s.number for s in secs] == ["IV", "1"]


def test_group_rows_of_a_table_are_no_sections(tmp_path):
    # a web copy's task table whose group rows ("I." across every column) become lines of
    # their own: the reader saw the table, so its lines are table content
    from pipeline.process import process_path

    rows = [["STT", "Tên nhiệm vụ", "Cơ quan chủ trì", "Thời gian"],
            ["I. NÂNG CAO NHẬN THỨC"],
            ["1", "Tổ chức tập huấn chuyển đổi số", "Sở Khoa học và Công nghệ", "2026"],
            ["II. HOÀN THIỆN CƠ CHẾ, CHÍNH SÁCH"],
            ["2", "Xây dựng bộ tiêu chí đánh giá", "Sở Tài chính", "2027"]]
    table = "".join("|\n" + "\n|\n".join(row) + "\n|\n" for row in rows)
    text = ("ỦY BAN NHÂN DÂN TỈNH NAM HÀ\nSố: 7/KH-UBND\nNam Hà, ngày 02 tháng 3 năm 2026\n\n"
            "KẾ HOẠCH\nChuyển đổi số doanh nghiệp\n\nI. MỤC TIÊU\nNâng cao nhận thức.\n\n"
            "II. TỔ CHỨC THỰC HIỆN\nCác sở triển khai.\n\nPHỤ LỤC\nDANH MỤC NHIỆM VỤ\n\n" + table)
    path = tmp_path / "plan.txt"
    path.write_text(text, encoding="utf-8")
    doc = process_path(path).document
    assert doc.layout.tables  # the reader saw the table
    headings = [(s.level, s.number, s.heading) for s in doc.sections if s.level]
    assert headings == [(1, "I", "MỤC TIÊU"), (1, "II", "TỔ CHỨC THỰC HIỆN"),
                        (1, "", "PHỤ LỤC DANH MỤC NHIỆM VỤ")]


def test_lettered_parts_above_roman_headings():
    # older plans and reports: "A." / "B." parts in capitals above "I."; the "1." below a
    # Roman heading is then the third level, and capitals in a sentence open nothing
    text = ("A. KẾT QUẢ THỰC HIỆN NĂM 2015\n\nI. Công tác chỉ đạo\n\nĐã ban hành.\n\n"
            "II. Tồn tại, hạn chế\n\nCòn chậm.\n\n"
            "B. NHIỆM VỤ NĂM 2016\n\nI. MỤC ĐÍCH, YÊU CẦU\n\n1. Mục đích\n\nNâng cao.\n\n"
            "II. TỔ CHỨC THỰC HIỆN\n\nC. Nguyễn Văn An phụ trách.\n\n"
            "D. KINH PHÍ\n\nKhông có mục C nên D không mở phần.\n")
    assert heads(text) == [
        ("A", "KẾT QUẢ THỰC HIỆN NĂM 2015", 1, "KHAC"),
        ("I", "Công tác chỉ đạo", 2, "KHAC"), ("II", "Tồn tại, hạn chế", 2, "KHAC"),
        ("B", "NHIỆM VỤ NĂM 2016", 1, "NHIEM_VU"),
        ("I", "MỤC ĐÍCH, YÊU CẦU", 2, "MUC_DICH_YEU_CAU"),
        ("II", "TỔ CHỨC THỰC HIỆN", 2, "TO_CHUC_THUC_HIEN"),
    ]


def test_titles_a_web_copy_broke_over_lines():
    # each line of a heading bolded apart, a title under its part's number, an article's first
    # sentence cut by a hard break, a numbered paragraph whose sentence goes on below its colon
    text = ("Phần I\nKẾT QUẢ THỰC HIỆN GIAI ĐOẠN 2016 - 2020\n\nI. Tình hình\n\nĐã làm.\n\n"
            "Phần II\nKẾ HOẠCH GIAI ĐOẠN 2021 - 2025\n\nI. MỤC TIÊU\n\nGiảm thiệt hại.\n\n"
            "II. TỔ CHỨC\nTHỰC HIỆN\n\n1. Sở Tài chính\n\nBố trí kinh phí.\n\n"
            "2. Sở Văn hóa và Thể thao:\nchủ trì tổ chức các sự kiện văn hóa.\n\n"
            "PHỤ LỤC I\n\nCHỈ TIÊU CHỦ YẾU VỀ\nPHÒNG, CHỐNG THIÊN TAI\n\nTT\tChỉ tiêu\n")
    assert [(n, h, lv) for n, h, lv, _label in heads(text)] == [
        ("Phần I", "KẾT QUẢ THỰC HIỆN GIAI ĐOẠN 2016 - 2020", 1),
        ("I", "Tình hình", 2),
        ("Phần II", "KẾ HOẠCH GIAI ĐOẠN 2021 - 2025", 1),
        ("I", "MỤC TIÊU", 2),
        ("II", "TỔ CHỨC THỰC HIỆN", 2),
        ("PHỤ LỤC I", "CHỈ TIÊU CHỦ YẾU VỀ PHÒNG, CHỐNG THIÊN TAI", 1),
    ]
    decision = ("Điều 2. Giao Sở Giáo dục và\nĐào tạo chủ trì triển khai Kế hoạch; báo cáo UBND "
                "tỉnh.\n\nĐiều 3. Quyết định này có hiệu lực thi hành kể từ ngày ký.\n")
    assert [h for _n, h, _lv, _label in heads(decision)] == [
        "Giao Sở Giáo dục và Đào tạo chủ trì triển khai Kế hoạch; báo cáo UBND tỉnh",
        "Quyết định này có hiệu lực thi hành kể từ ngày ký"]


def test_a_title_ending_in_a_colon_over_lettered_items_stays_a_heading():
    text = ("II. MỤC TIÊU\n1. Hạ tầng kỹ thuật:\na) Hạ tầng kỹ thuật xã hội: gồm 08 chỉ tiêu.\n"
            "2. Chỉ số Nhân lực CNTT:\na) Trong các CQNN:\n- Đảm bảo 100% cán bộ.\n")
    assert [(n, h) for n, h, _lv, _lab in heads(text)] == [
        ("II", "MỤC TIÊU"), ("1", "Hạ tầng kỹ thuật"), ("2", "Chỉ số Nhân lực CNTT")]


def test_an_untitled_article_runs_past_a_colon_that_opens_a_list_on_its_line():
    # "Giám đốc các sở: Nông nghiệp …, Công Thương …" lists on; a colon at a line's end closes
    text = ("QUYẾT ĐỊNH:\nĐiều 1. Phê duyệt Kế hoạch với nội dung như sau:\n- Mục tiêu.\n"
            "Điều 3. Chánh Văn phòng UBND tỉnh; Giám đốc các sở: Nông nghiệp và Môi\n"
            "trường, Công Thương chịu trách nhiệm thi hành Quyết định này./.\n")
    assert [h[:2] for h in heads(text)] == [
        ("Điều 1", "Phê duyệt Kế hoạch với nội dung như sau"),
        ("Điều 3", "Chánh Văn phòng UBND tỉnh; Giám đốc các sở: Nông nghiệp và Môi trường, "
                   "Công Thương chịu trách nhiệm thi hành Quyết định này")]


def test_numbered_lines_indented_by_a_tab_are_structure_not_table_rows():
    # a word processor's plain text indents each paragraph's first line with a tab
    text = ("V. TỔ CHỨC THỰC HIỆN\n\t1. Sở Nội vụ: chủ trì theo dõi.\n\t2. Các sở, ban, ngành\n"
            "\t- Xây dựng kế hoạch.\n")
    assert [(s.number, s.kind, s.level) for s in segment(text)] == [
        ("V", "heading", 1), ("1", "paragraph", None), ("2", "heading", 2), ("-", "item", None)]

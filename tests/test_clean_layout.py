"""Layout cleaning: page furniture out, wrapped lines joined, lost breaks restored."""

from collections import Counter
from pathlib import Path

import pytest

from pipeline.clean import breaks, layout, normalize
from pipeline.clean.runner import clean_text

RAW = Path(__file__).resolve().parents[1] / "corpora" / "raw"
STEPS = [("normalize", normalize.edits), ("layout", layout.edits), ("breaks", breaks.edits)]


def run(text: str) -> str:
    return clean_text(text, steps=STEPS).text


def reasons(text: str) -> Counter:
    return Counter(c.reason for c in clean_text(text, steps=STEPS).corrections)


def wrapped(*lines: str) -> str:
    """A text hard-wrapped like an OCR'd page: enough full-width filler lines around `lines`."""
    filler = "Tăng cường công tác kiểm tra, đôn đốc các đơn vị khai thác, sử dụng hiệu quả;"
    return "\n".join([filler] * 25 + list(lines) + [filler] * 5) + "\n"


def test_markdown_bold_removed():
    assert run("a) **Sở Tài chính:** Tổng hợp, trình cấp có thẩm quyền.\n") == (
        "a) Sở Tài chính: Tổng hợp, trình cấp có thẩm quyền.\n")


def page_of_text() -> list[str]:
    """About a page of running text (30 wrapped lines, 2,400 characters)."""
    return ["Tăng cường công tác kiểm tra, đôn đốc các đơn vị khai thác, sử dụng hiệu quả;"] * 30


def test_page_numbers_in_sequence_removed():
    text = wrapped(
        "tuyển thực hiện ở mức độ 4 bảo đảm theo quy định tại Thông tư số 32/2017/TT-", "2",
        "BTTTT ngày 15/11/2017 của Bộ Thông tin và Truyền thông quy định về việc cung",
        *page_of_text(),
        "cấp dịch vụ công trực tuyến và đảm bảo khả năng truy cập thuận tiện đối với", "3",
        *page_of_text(),
        "các cơ quan nhà nước, phục vụ người dân và doanh nghiệp ngày càng hiệu quả và", "4",
        "đảm bảo an toàn thông tin.")
    out = run(text)
    assert "Thông tư số 32/2017/TT-BTTTT ngày 15/11/2017" in out
    assert "\n2\n" not in out and "\n3\n" not in out and "\n4\n" not in out
    assert reasons(text)["page number"] == 3


def test_table_row_numbers_and_repeated_cells_are_not_page_furniture():
    """Nghệ An's appendix table OCR'd one cell per line (a scan loses the tabs): the STT
    column rises 16, 17, 18 … and "Sở Xây dựng" repeats, but rows are not pages."""
    rows = [("16", "Quản lý hoạt động, thông tin kỹ thuật về bảo hộ, an toàn lao động",
             "Sở Lao động Thương binh và Xã hội"),
            ("17", "Quản lý và cấp phép xây dựng trực tuyến", "Sở Xây dựng"),
            ("18", "Thống kê về xây dựng", "Sở Xây dựng"),
            ("19", "Quản lý quy hoạch đô thị và đầu tư xây dựng cơ bản", "Sở Xây dựng"),
            ("20", "Quản lý về đất đai, tài nguyên môi trường và khoáng sản",
             "Sở Tài nguyên & Môi trường")]
    text = "\n".join("\n".join(row) + "\n" for row in rows)
    found = reasons(text)
    assert found["page number"] == 0 and found["running header"] == 0
    out = run(text)
    assert out.count("Sở Xây dựng") == 3 and "\n18\n" in out
    # with page numbers a page apart around it, the table still keeps its rows
    paged = wrapped("3", *page_of_text(), "4", *page_of_text(), text, "5")
    assert reasons(paged)["page number"] == 3
    assert run(paged).count("Sở Xây dựng") == 3


def test_lone_number_without_sequence_kept():
    text = "STT\tNội dung\n28\ncấp huyện,\n"
    assert run(text) == text


def test_stray_line_end_dot_joined():
    text = wrapped("Điều 1. Ban hành kèm theo Quyết định này Kế hoạch hành động thực.",
                   "hiện Nghị quyết số 17/NQ-CP ngày 07/3/2019 của Chính phủ, về một số nhiệm.",
                   "vụ, giải pháp trọng tâm phát triển Chính phủ điện tử.")
    out = run(text)
    assert "Kế hoạch hành động thực hiện Nghị quyết số 17/NQ-CP" in out
    assert "một số nhiệm vụ, giải pháp" in out
    assert reasons(text)["stray line-end punctuation"] == 2


def test_stray_dot_before_a_figure_that_runs_on():
    """Seed 004's "giai đoạn." + "2019 - 2020, …": a figure that continues the sentence; a
    numbered item ("2. Mục tiêu") is not one, and in a table only the "." goes."""
    text = wrapped("trọng tâm phát triển Chính phủ điện tử giai đoạn.",
                   "2019 - 2020, định hướng đến 2025 (sau đây viết tắt là Nghị quyết số 17).",
                   "Các nhiệm vụ chủ yếu của giai đoạn.", "2. Mục tiêu cụ thể")
    out = run(text)
    assert "Chính phủ điện tử giai đoạn 2019 - 2020, định hướng" in out
    assert "giai đoạn.\n2. Mục tiêu cụ thể" in out
    table = ("UBND tỉnh giao tại Kế hoạch số 196/KH-UBND ngày.\n"
             "29/11/2018, ứng dụng CNTT trong hoạt động của cơ quan   Các sở, ban,\n")
    assert run(table) == table.replace("ngày.\n", "ngày\n")


def test_heading_broken_over_two_lines_joined():
    text = wrapped("III. NHIỆM VỤ VÀ GIẢI PHÁP TRỌNG TÂM",
                   "1. Xây dựng, hoàn thiện thể chế tạo cơ sở pháp lý đầy đủ, toàn diện",
                   "cho việc triển khai xây dựng, phát triển Chính quyền điện tử tỉnh",
                   "a) Xây dựng ban hành các quy chế, quy định của tỉnh.")
    out = run(text)
    assert ("\n1. Xây dựng, hoàn thiện thể chế tạo cơ sở pháp lý đầy đủ, toàn diện cho việc "
            "triển khai xây dựng, phát triển Chính quyền điện tử tỉnh\na) Xây dựng") in out


def test_title_line_keeps_its_upper_case_paragraph():
    text = wrapped("8. Các cơ quan báo chí của tỉnh",
                   "Báo Thanh Hóa, Đài Phát thanh và Truyền hình tỉnh xây dựng các chuyên trang.",
                   "IV. KINH PHÍ THỰC HIỆN",
                   "Kinh phí thực hiện Kế hoạch này được bố trí từ các nguồn hợp pháp khác.")
    out = run(text)
    assert "\n8. Các cơ quan báo chí của tỉnh\nBáo Thanh Hóa" in out
    assert "\nIV. KINH PHÍ THỰC HIỆN\nKinh phí" in out


def test_table_rows_never_joined():
    text = ("STT\tQuyết định\tChủ đầu tư\n"
            "2.\tQuyết định số 1177/QĐ-UBND ngày 04/5/2013 của UBND\tUBND thành phố Hà Tĩnh\n"
            "\tthành phố Hà Tĩnh\t\t\n")
    assert run(text) == text


def test_page_break_inside_sentence_joined_in_born_digital_text():
    text = ("- Hỗ trợ đào tạo CNTT cho cán bộ đoàn. Mở rộng đào tạo tin học trong cộng\n\n"
            "đồng, xã hội nhằm nâng cao nhận thức.\n\n- Tiếp tục hỗ trợ phát triển khoa CNTT.\n")
    out = run(text)
    assert "tin học trong cộng đồng, xã hội" in out
    assert ".\n\n- Tiếp tục" in out


def test_list_items_keep_their_lines():
    text = "2. Mục tiêu cụ thể\n\na) Ứng dụng CNTT trong CQNN\n\n- Tiếp tục xây dựng hạ tầng\n"
    assert run(text) == text


def test_a_bullet_figure_under_a_title_ending_in_a_year_is_no_range():
    """"… đến năm 2020" / "- 100% trẻ em …" is a title and its first item; "giai đoạn 2021" /
    "- 2025 …" is a range the line cut."""
    text = ("2. Mục tiêu cụ thể đến năm 2020\n- 100% trẻ em mẫu giáo được uống sữa.\n"
            "- Giảm tỷ lệ suy dinh dưỡng.\n")
    assert run(text) == text
    cut = "Thực hiện Chương trình giai đoạn 2021\n- 2025 trên địa bàn tỉnh.\n"
    assert "giai đoạn 2021 - 2025 trên" in run(cut)


def test_hyphenation_at_line_end():
    text = wrapped("Xây dựng Chính quyền điện tử và phát triển các dịch vụ Chính quyền điện-",
                   "tử của tỉnh theo Thông tư số 32/2017/TT-",
                   "BTTTT của Bộ Thông tin và Truyền thông.")
    out = run(text)
    assert "Chính quyền điện tử của tỉnh" in out
    assert "32/2017/TT-BTTTT" in out


def test_signature_stamp_removed():
    text = "Ký bởi: Văn phòng Ủy ban Nhân dân\n30/03/2019 15:28:51\nỦY BAN NHÂN DÂN\n"
    assert run(text) == "ỦY BAN NHÂN DÂN\n"


def test_signer_line_alone_is_not_a_stamp():
    text = "Ký bởi: Văn phòng Ủy ban Nhân dân\nỦY BAN NHÂN DÂN\n"
    assert run(text) == text


def test_one_line_document_gets_its_breaks_back():
    out = run((RAW / "haiduong-2016-kh681.txt").read_text(encoding="utf-8"))
    lines = out.split("\n")
    for heading in ("I. MỤC TIÊU", "1. Mục tiêu chung", "II. CÁC NHIỆM VỤ CHÍNH",
                    "III. MỘT SỐ GIẢI PHÁP CHỦ YẾU", "IV. TỔ CHỨC THỰC HIỆN", "3. Sở Nội vụ",
                    "5. Tuyên truyền, phổ biến việc ứng dụng công nghệ thông tin",
                    "PHỤ LỤC DANH MỤC MỘT SỐ NHIỆM VỤ, DỰ ÁN CỤ THỂ", "Nơi nhận:"):
        assert heading in lines
    assert any(ln.startswith("đ) Xây dựng Kiến trúc Chính quyền điện tử") for ln in lines)
    assert "Nghị quyết số 36a/NQ-CP ngày 14/10/2015" in out
    assert "dịch vụ công trực tuyến ở mức độ 3, 4 trên" in out


def test_restored_breaks_need_sequence_and_context():
    filler = "Nâng cao chất lượng dịch vụ công trực tuyến mức độ 3, 4 trên môi trường mạng. "
    body = (filler * 30 + "như sau: I. MỤC TIÊU 1. Mục tiêu chung Đẩy mạnh phát triển. "
            "xếp thứ 31. Tiếp theo. 2. Mục tiêu cụ thể a) Tập trung đẩy mạnh. "
            "b) Nâng cao chỉ số, đạt 1.000 người.")
    lines = run(body).split("\n")
    assert "I. MỤC TIÊU" in lines and "1. Mục tiêu chung" in lines
    assert "2. Mục tiêu cụ thể" in lines
    assert not any(ln.startswith("31.") for ln in lines)
    assert any(ln.startswith("b) Nâng cao chỉ số, đạt 1.000 người") for ln in lines)


@pytest.mark.parametrize("doc", ["hatinh-2016-kh496", "haiduong-2016-kh681",
                                 "daklak-2018-qd168", "nghean-2013-qd526"])
def test_clean_seeds_change_only_by_certain_layout_operations(doc):
    counts = reasons((RAW / f"{doc}.txt").read_text(encoding="utf-8"))
    allowed = {"markdown", "line join", "restored break"} | normalize.DECLARED_REASONS
    assert set(counts) <= allowed
    assert counts["line join"] <= 5


@pytest.mark.parametrize("seed", ["hatinh-2016-kh496", "haiduong-2016-kh681",
                                  "daklak-2018-qd168", "nghean-2013-qd526"])
def test_clean_seed_tables_read_one_cell_per_line_lose_nothing(seed):
    """A scan of these plans loses the tabs, and the tables come out one cell per line;
    Nghệ An's sub-tables each restart their STT column (1, 2, 3 …), which once formed a
    chain 2, 3, 4 across them. None of it is page furniture."""
    text = (RAW / f"{seed}.txt").read_text(encoding="utf-8").replace("\t", "\n")
    found = reasons(text)
    assert found["page number"] == 0 and found["running header"] == 0


def test_a_web_copy_wrapped_in_its_paragraphs_only_gets_its_names_joined():
    # headings, short paragraphs and each paragraph's short first line keep most lines short;
    # the lines a sentence runs on from are full, so a name cut at the width is joined back
    para = ("Phát triển du lịch\ntrở thành ngành kinh tế mũi nhọn, bảo đảm vệ sinh môi trường "
            "tại các\nđiểm du lịch và nâng cao chất lượng dịch vụ lưu trú trên địa bàn tỉnh.")
    heads = "\n\n".join(f"{i}. Nhiệm vụ phát triển du lịch số {i}" for i in range(1, 30))
    text = (f"{heads}\n\n" + f"{para}\n\n" * 12 + "9. UBND các huyện:\n\nxây dựng kế hoạch "
            "phát triển du lịch năm 2024; bảo đảm vệ sinh môi trường tại điểm. UBND thành phố\n"
            "Nha Trang chủ trì xây dựng Đề án phát triển kinh tế đêm.\n")
    assert "UBND thành phố Nha Trang chủ trì" in run(text)
    assert "số 1\n\n2. Nhiệm vụ" in run(text)

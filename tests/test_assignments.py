"""Assignments from "Tổ chức thực hiện" sections: roles, tasks, evidence, merging."""

import json
from pathlib import Path

from extractors.assignments.extract import extract_assignments
from pipeline.model import DocumentMeta
from pipeline.segment import segment

FIXTURE = Path(__file__).parent / "fixtures" / "genre" / "assign_2025_chuyendoiso.txt"


def rows(text: str) -> set[tuple[str, str, str]]:
    return {(a.agency, a.role, a.task) for a in extract_assignments(text, [], DocumentMeta())}


def extracted(text: str) -> list:
    """The assignments of `text` read with its own section tree, as the pipeline does."""
    return extract_assignments(text, segment(text), DocumentMeta())


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


def test_a_decisions_closing_article_gives_no_rows():
    closing = ("Điều 3. Chánh Văn phòng UBND tỉnh, Giám đốc Sở Thông tin và Truyền thông, Chủ "
               "tịch UBND các huyện, thị xã, thành phố chịu trách nhiệm thi hành Quyết định này./.")
    assert not rows(closing)  # schema 2: it names who executes the decision, not a duty
    duty = "Điều 2. Giao Sở Tài chính chủ trì, bố trí kinh phí thực hiện Kế hoạch.\n"
    assert {(a, r) for a, r, _ in rows(duty + closing)} == {("Sở Tài chính", "lead")}


def test_a_standing_role_before_the_lead_cue_of_a_giao_article_is_skipped():
    article = ("Điều 2. Giao Ban Dân tộc tỉnh là cơ quan thường trực, chủ trì, phối hợp với các "
               "sở, ban, ngành, UBND các huyện, thành phố tổ chức triển khai thực hiện Kế hoạch "
               "này.\n")
    assert {(a, r) for a, r, _ in rows(article)} == {
        ("Ban Dân tộc tỉnh", "lead"), ("Các sở, ban, ngành", "partner"),
        ("UBND cấp huyện", "partner")}


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


def test_media_outlets_named_under_a_summary_title_each_lead():
    text = ("V. TỔ CHỨC THỰC HIỆN\n1. Sở Nội vụ\nTổng hợp kết quả.\n2. Các cơ quan báo chí của "
            "tỉnh\nBáo Bình Sơn, Đài Phát thanh và Truyền hình tỉnh, Báo Văn hóa đời sống, hệ thống"
            " Đài Truyền thanh cơ sở xây dựng các chuyên mục tuyên truyền về Kế hoạch.\n")
    got = {a for a, r, t in rows(text) if t.startswith("xây dựng các chuyên mục")}
    assert got == {"Báo Bình Sơn", "Đài Phát thanh và Truyền hình tỉnh", "Báo Văn hóa đời sống",
                   "Đài Truyền thanh cơ sở"}


def test_collective_title_not_in_gazetteer_is_the_agency():
    text = ("V. TỔ CHỨC THỰC HIỆN\n\n1. Sở Nội vụ\n\nTổng hợp kết quả.\n\n2. Các cơ quan chủ trì "
            "các dự án, nhiệm vụ được nêu trong Kế hoạch\n\nCó trách nhiệm tổ chức xây dựng, phê "
            "duyệt và triển khai các dự án được giao theo quy định, bảo đảm lồng ghép.\n")
    task = "tổ chức xây dựng, phê duyệt và triển khai các dự án được giao theo quy định"
    assert ("Các cơ quan chủ trì các dự án, nhiệm vụ được nêu trong Kế hoạch", "lead",
            task) in rows(text)


def test_responsibility_title_names_its_owner():
    text = ("V. TỔ CHỨC THỰC HIỆN\n1. Trách nhiệm của Sở Tư pháp\nRà soát các văn bản quy phạm "
            "pháp luật về chuyển đổi số.\n")
    assert rows(text) == {("Sở Tư pháp", "lead", "Rà soát các văn bản quy phạm pháp luật về "
                           "chuyển đổi số")}


def test_related_units_beside_a_named_lead_are_partners():
    text = ("V. TỔ CHỨC THỰC HIỆN\n1. Văn phòng UBND tỉnh\nb) Phối hợp với Sở Thông tin và Truyền "
            "thông và các đơn vị liên quan trong việc triển khai xây dựng Chính quyền điện tử.\n")
    assert {(a, r) for a, r, _ in rows(text)} == {
        ("Văn phòng UBND tỉnh", "partner"), ("Sở Thông tin và Truyền thông", "lead"),
        ("Các cơ quan, đơn vị liên quan", "partner")}


def test_compiling_body_in_a_bracket_leads_with_the_report_cycle():
    text = ("V. TỔ CHỨC THỰC HIỆN\n1. Các sở, ban, ngành\na) Báo cáo tình hình thực hiện hàng quý "
            "(thời gian chốt số liệu theo quy định) chậm nhất vào ngày 17 tháng cuối quý (qua Sở "
            "Thông tin và Truyền thông để tổng hợp).\n")
    got = [a for a in extract_assignments(text, [], DocumentMeta())
           if a.agency == "Sở Thông tin và Truyền thông"]
    assert [(a.role, a.task, a.recurrence) for a in got] == [("lead", "tổng hợp", "quarterly")]


def test_cycle_word_after_semicolon_belongs_to_the_next_clause():
    text = ("V. TỔ CHỨC THỰC HIỆN\n1. Sở Thông tin và Truyền thông:\n- Chủ trì tổ chức triển khai "
            "Quy hoạch; Hàng năm đánh giá kết quả thực hiện.\n- Lập kế hoạch vốn, hàng năm phân bổ "
            "vốn ngân sách.\n")
    got = {a.task[:12]: a.recurrence for a in extract_assignments(text, [], DocumentMeta())}
    # the part after ";" is a duty of its own, dated by its cycle (ANNOTATION §3)
    assert got == {"tổ chức triể": None, "đánh giá kết": "annual", "Lập kế hoạch": "annual"}


def test_second_lead_clause_is_not_read_as_a_partner_clause():
    text = ("V. TỔ CHỨC THỰC HIỆN\n1. Sở Thông tin và Truyền thông\nf) Nâng cấp Cổng thông tin "
            "điện tử; chủ trì, phối hợp với các sở, ban, ngành xây dựng hệ thống tích hợp.\n")
    got = {(a, r) for a, r, t in rows(text) if t == "xây dựng hệ thống tích hợp"}
    assert got == {("Sở Thông tin và Truyền thông", "lead"), ("Các sở, ban, ngành", "partner")}


def test_table_task_cut_at_a_bracket_restates_the_duty():
    text = ("IV. TỔ CHỨC THỰC HIỆN\n1. Sở Khoa học và Công nghệ\na) Chủ trì, phối hợp với Sở "
            "Nội vụ triển khai ứng dụng công nghệ thông tin kết hợp với Hệ thống quản lý chất "
            "lượng ISO "
            "(ISO điện tử) trong hoạt động của các cơ quan, tổ chức thuộc hệ thống hành chính nhà "
            "nước.\nNơi nhận:\nPHỤ LỤC\nSTT\tTên nhiệm vụ\tCơ quan chủ trì\tCơ quan phối hợp\t"
            "Thời gian thực hiện\n1\tTriển khai ứng dụng công nghệ thông tin kết hợp với Hệ thống "
            "quản lý chất lượng ISO (ISO điện tử) trong hoạt động của các cơ quan, tổ chức thuộc hệ"
            " thống hành chính nhà nước\tSở Khoa học và Công nghệ\tSở Nội vụ\t2016-2020\n")
    got = extract_assignments(text, [], DocumentMeta())
    assert len(got) == 2 and all(a.method == "duty" and a.due_end == "2020-12-31" for a in got)
    assert got[0].task.endswith("các cơ quan, tổ chức thuộc hệ thống hành chính nhà nước")


def test_genre_fixture_2023_digital_transformation_expected_records():
    """Every hand-written record of the 2023 fixture is found (task as its prefix, same
    deadline window and cycle) and nothing else is extracted."""
    gold = FIXTURE.parent / "gold" / "namha-2023-kh215.json"
    want = json.loads(gold.read_text(encoding="utf-8"))["assignments"]
    text = (FIXTURE.parent / "namha-2023-kh215.txt").read_text(encoding="utf-8")
    got = extract_assignments(text, [], DocumentMeta())
    assert len(got) == len(want)
    for w in want:
        hits = [a for a in got if (a.agency, a.role) == (w["agency"], w["role"])
                and a.task.startswith(w["task"])]
        assert hits, w
        assert (hits[0].due_end, hits[0].recurrence) == (w["due_end"], w["recurrence"]), w


def test_rows_of_a_table_without_a_time_column_take_the_time_its_title_states(tmp_path):
    from pipeline.process import process_path

    plan = ("ỦY BAN NHÂN DÂN TỈNH NAM HÀ\nSố: 12/KH-UBND\nNam Hà, ngày 02 tháng 3 năm 2021\n\n"
            "KẾ HOẠCH\nPhát triển y tế cơ sở\n\nI. MỤC TIÊU\nNâng cao chất lượng khám bệnh.\n\n"
            "PHỤ LỤC\nDANH MỤC CÁC DỰ ÁN CẦN TRIỂN KHAI ĐẾN NĂM 2025\n"
            "STT\tTên dự án\tĐơn vị chủ trì\n"
            "1\tNâng cấp trạm y tế xã\tSở Y tế\n"
            "2\tĐào tạo y tế thôn bản\tTrường Cao đẳng Y tế\n")
    path = tmp_path / "plan.txt"
    path.write_text(plan, encoding="utf-8")
    rows = {(a.agency, a.task): a for a in process_path(path).document.assignments}
    assert rows[("Sở Y tế", "Nâng cấp trạm y tế xã")].due_end == "2025-12-31"
    assert {a.due_end for a in rows.values()} == {"2025-12-31"}


def test_a_labelled_block_after_an_unlabelled_duty_paragraph_owns_its_duties():
    # the heading is a title; the paragraph between it and the labels holds the duties
    text = ("II. NHIỆM VỤ\n\n3. Cấp mã số vùng trồng\n\n"
            "Hướng dẫn các hợp tác xã đăng ký cấp mã số vùng trồng; áp dụng hệ thống truy xuất "
            "nguồn gốc điện tử cho các sản phẩm quả chủ lực.\n\n"
            "- Đơn vị chủ trì: Sở Nông nghiệp và Môi trường.\n\n"
            "- Đơn vị phối hợp: Sở Khoa học và Công nghệ.\n\n"
            "- Thời gian thực hiện: Hằng năm.\n")
    got = extracted(text)
    first = "Hướng dẫn các hợp tác xã đăng ký cấp mã số vùng trồng"
    second = "áp dụng hệ thống truy xuất nguồn gốc điện tử cho các sản phẩm quả chủ lực"
    assert {(a.agency, a.role, a.task) for a in got} == {
        (agency, role, task) for task in (first, second)
        for agency, role in (("Sở Nông nghiệp và Môi trường", "lead"),
                             ("Sở Khoa học và Công nghệ", "partner"))}
    assert {a.recurrence for a in got} == {"annual"}


def test_parts_of_a_run_on_paragraph_with_their_own_subject_are_theirs():
    text = ("IV. TỔ CHỨC THỰC HIỆN\n\n9. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh: vận động "
            "Nhân dân chấp hành pháp luật. Tỉnh đoàn chủ trì thực hiện phong trào thanh niên; "
            "Hội Liên hiệp Phụ nữ tỉnh duy trì mô hình an toàn; Liên đoàn Lao động tỉnh phối hợp "
            "với Ban Quản lý các khu công nghiệp tỉnh tuyên truyền cho công nhân.\n")
    got = {(a.agency, a.role, a.task)
           for a in extracted(text)}
    assert got == {
        ("Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "lead", "vận động Nhân dân chấp hành pháp luật"),
        ("Tỉnh đoàn", "lead", "thực hiện phong trào thanh niên"),
        ("Hội Liên hiệp Phụ nữ tỉnh", "lead", "duy trì mô hình an toàn"),
        ("Liên đoàn Lao động tỉnh", "partner", "tuyên truyền cho công nhân"),
        ("Ban Quản lý các khu công nghiệp tỉnh", "lead", "tuyên truyền cho công nhân")}


def test_a_generic_closing_asking_collectives_to_carry_out_the_plan_gives_no_rows():
    text = ("IV. TỔ CHỨC THỰC HIỆN\n\n1. Sở Nội vụ\n\nChủ trì tổng hợp kết quả.\n\n"
            "Yêu cầu các sở, ban, ngành, UBND các huyện, thành phố triển khai thực hiện Kế hoạch "
            "này.\n\nYêu cầu các sở, ngành báo cáo kết quả về Sở Nội vụ.\n\nĐề nghị các sở, ban, "
            "ngành nghiêm túc triển khai thực hiện Kế hoạch này.\n\nYêu cầu các sở, ban, ngành, "
            "UBND các xã, phường triển khai thực hiện nghiêm túc Kế hoạch này.\n")
    got = {(a.agency, a.role, a.task)
           for a in extracted(text)}
    assert got == {("Sở Nội vụ", "lead", "tổng hợp kết quả"),
                   ("Các sở, ban, ngành", "lead", "báo cáo kết quả về Sở Nội vụ")}


def test_a_collective_title_over_its_named_members_gives_the_members():
    # thanhhoa-2019-qd1118 "8. Các cơ quan báo chí của tỉnh" / "Báo Thanh Hóa, Đài … xây dựng …"
    from pipeline.process import process_path

    seed = Path(__file__).parent.parent / "corpora" / "raw" / "thanhhoa-2019-qd1118.txt"
    doc = process_path(seed).document
    press = {a.agency for a in doc.assignments if "chuyên trang" in a.task}
    assert "Báo tỉnh" in press and "Các cơ quan báo chí" not in press


def test_each_sentence_with_a_verb_is_a_duty_and_a_standing_role_is_none():
    text = ("IV. TỔ CHỨC THỰC HIỆN\n\n1. Sở Y tế: nâng cao năng lực cấp cứu người bị nạn. Hướng "
            "dẫn các cơ sở y tế thống kê số người bị thương.\n\n2. Sở Nội vụ\n\na) Là cơ quan "
            "thường trực, chủ trì, phối hợp với Sở Tài chính hướng dẫn thực hiện Kế hoạch.\n\n"
            "Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, các cơ quan, đơn vị báo cáo về "
            "Sở Nội vụ để tổng hợp, trình UBND tỉnh xem xét.\n")
    got = {(a.agency, a.role, a.task)
           for a in extracted(text)}
    assert got == {
        ("Sở Y tế", "lead", "nâng cao năng lực cấp cứu người bị nạn"),
        ("Sở Y tế", "lead", "Hướng dẫn các cơ sở y tế thống kê số người bị thương"),
        ("Sở Nội vụ", "lead", "hướng dẫn thực hiện Kế hoạch"),
        ("Sở Tài chính", "partner", "hướng dẫn thực hiện Kế hoạch")}


def test_a_time_field_holding_only_a_period_dates_the_block():
    text = ("II. NHIỆM VỤ\n\n2. Chuyển đổi cơ cấu cây trồng\n\nTriển khai chính sách hỗ trợ "
            "chuyển đổi diện tích ngô trên đất dốc.\n\n- Đơn vị chủ trì: UBND các huyện, thành "
            "phố.\n\n- Thời gian thực hiện: 2019 - 2021.\n")
    got = extracted(text)
    assert [(a.agency, a.due_start, a.due_end) for a in got] == [
        ("UBND cấp huyện", "2019-01-01", "2021-12-31")]


def test_who_carries_out_a_numbered_task_leads_and_partners_it():
    # an annual plan's numbered tasks, each followed by "Đơn vị thực hiện" and "Thời gian"
    # lines; the "thực hiện" field names both roles as a table's lead cell does
    text = ("II. NHIỆM VỤ\n\n1. Tổ chức ít nhất 20 hội nghị phổ biến luật mới cho cán bộ chủ "
            "chốt cấp tỉnh, cấp huyện.\n\nĐơn vị thực hiện: Sở Tư pháp chủ trì, phối hợp với các "
            "sở, ban, ngành tỉnh.\n\nThời gian: Quý II/2016.\n\n2. Phổ biến pháp luật cho người bị "
            "tạm giữ, tạm giam.\n\nĐơn vị thực hiện: Công an tỉnh.\n\nThời gian: Hằng quý.\n")
    got = extracted(text)
    first = ("Tổ chức ít nhất 20 hội nghị phổ biến luật mới cho cán bộ chủ chốt cấp tỉnh, "
             "cấp huyện")
    assert {(a.agency, a.role, a.task, a.due_end or a.recurrence) for a in got} == {
        ("Sở Tư pháp", "lead", first, "2016-06-30"),
        ("Các sở, ban, ngành", "partner", first, "2016-06-30"),
        ("Công an tỉnh", "lead", "Phổ biến pháp luật cho người bị tạm giữ, tạm giam",
         "quarterly")}


def test_task_sections_give_the_duties_whose_sentence_names_the_doer():
    # duties count wherever they stand (ANNOTATION §3): a task section that hands out work in
    # its sentences, an abbreviation defined in brackets after a name
    text = ("III. NHIỆM VỤ VÀ GIẢI PHÁP\n\n1. Hoàn thiện cơ chế, chính sách\n\nSở Khoa học và "
            "Công nghệ (sau đây viết tắt là Sở KH&CN) chủ trì, phối hợp với Sở Tư pháp rà soát "
            "chính sách hỗ trợ khởi nghiệp; Sở Tài chính hướng dẫn cơ chế sử dụng ngân sách. "
            "Hoàn thiện quy chế quản lý quỹ.\n\n2. Phát triển nguồn nhân lực\n\nSở Nội vụ phối "
            "hợp bồi dưỡng kiến thức cho công chức.\n\nIV. KINH PHÍ THỰC HIỆN\n\nDoanh nghiệp "
            "viễn thông, tổ chức bảo đảm kinh phí thực hiện các nhiệm vụ do mình triển khai.\n")
    got = {(a.agency, a.role, a.task)
           for a in extracted(text)}
    assert got == {
        ("Sở Khoa học và Công nghệ", "lead", "rà soát chính sách hỗ trợ khởi nghiệp"),
        ("Sở Tư pháp", "partner", "rà soát chính sách hỗ trợ khởi nghiệp"),
        ("Sở Tài chính", "lead", "hướng dẫn cơ chế sử dụng ngân sách"),
        ("Sở Nội vụ", "partner", "bồi dưỡng kiến thức cho công chức")}


def test_a_task_sentence_keeps_its_agencies_over_its_later_parts():
    """In a task section, "X chủ trì A; B." hands B to X too; the next sentence, and a part
    that names its own doer, do not inherit."""
    text = ("III. NHIỆM VỤ VÀ GIẢI PHÁP\n\n3. Thúc đẩy ứng dụng công nghệ\n\n"
            "a) UBND các huyện, thị xã, thành phố chủ trì thay thế đèn chiếu sáng bằng đèn LED; "
            "bố trí kinh phí bảo dưỡng hệ thống chiếu sáng hằng năm; Sở Xây dựng hướng dẫn áp "
            "dụng quy chuẩn. Hoàn thiện quy chế quản lý.\n")
    got = {(a.agency, a.role, a.task) for a in extracted(text)}
    assert got == {
        ("UBND cấp huyện", "lead", "thay thế đèn chiếu sáng bằng đèn LED"),
        ("UBND cấp huyện", "lead", "bố trí kinh phí bảo dưỡng hệ thống chiếu sáng hằng năm"),
        ("Sở Xây dựng", "lead", "hướng dẫn áp dụng quy chuẩn")}


def test_roles_named_in_a_sentence_hold_for_its_later_parts():
    # "A chủ trì, phối hợp với B <task>; <task 2>; tổng hợp, báo cáo …": B partners every
    # ";"-part; "tổng hợp, báo cáo" opens with verbs; a new sentence's cycle is its own
    text = ("IV. TỔ CHỨC THỰC HIỆN\n\n1. Sở Du lịch: chủ trì, phối hợp với các sở, ngành tổ "
            "chức triển khai Kế hoạch; xây dựng Chương trình xúc tiến du lịch trước ngày "
            "31/01/2024; tổng hợp, báo cáo UBND tỉnh kết quả thực hiện. Định kỳ hằng quý kiểm "
            "tra các khu du lịch.\n\n2. Sở Nội vụ: Phối hợp với Công an tỉnh quản lý dịch vụ "
            "đưa người lao động đi làm việc ở nước ngoài; xử lý các hành vi tuyển dụng trái "
            "phép.\n")
    got = {(a.agency, a.role, a.task, a.due_end, a.recurrence)
           for a in extracted(text)}
    plan, program, report = ("tổ chức triển khai Kế hoạch",
                             "xây dựng Chương trình xúc tiến du lịch trước ngày 31/01/2024",
                             "tổng hợp, báo cáo UBND tỉnh kết quả thực hiện")
    services = "quản lý dịch vụ đưa người lao động đi làm việc ở nước ngoài"
    hiring = "xử lý các hành vi tuyển dụng trái phép"
    assert got == {
        ("Sở Du lịch", "lead", plan, None, None),
        ("Các sở, ban, ngành", "partner", plan, None, None),
        ("Sở Du lịch", "lead", program, "2024-01-31", None),
        ("Các sở, ban, ngành", "partner", program, "2024-01-31", None),
        ("Sở Du lịch", "lead", report, None, None),
        ("Các sở, ban, ngành", "partner", report, None, None),
        ("Sở Du lịch", "lead", "kiểm tra các khu du lịch", None, "quarterly"),
        ("Sở Nội vụ", "partner", services, None, None),
        ("Công an tỉnh", "lead", services, None, None),
        ("Sở Nội vụ", "partner", hiring, None, None),
        ("Công an tỉnh", "lead", hiring, None, None)}


def test_a_sentence_opening_with_its_time_is_a_duty_dated_by_it():
    text = ("IV. TỔ CHỨC THỰC HIỆN\n\n1. Giao Sở Văn hóa, Thể thao và Du lịch chủ trì, phối hợp "
            "với các sở, ban, ngành tổ chức triển khai thực hiện Kế hoạch. Định kỳ hằng quý tổng "
            "hợp, báo cáo Chủ tịch UBND tỉnh kết quả thực hiện.\n")
    got = {(a.agency, a.role, a.task, a.recurrence)
           for a in extracted(text)}
    assert ("Sở Văn hóa, Thể thao và Du lịch", "lead",
            "tổng hợp, báo cáo Chủ tịch UBND tỉnh kết quả thực hiện", "quarterly") in got


def test_each_lettered_task_owns_the_labelled_lines_below_it():
    # lettered tasks, each followed at once by its own "Đơn vị chủ trì / phối hợp / Thời gian"
    text = ("III. NHIỆM VỤ VÀ GIẢI PHÁP\n\n2. Mở rộng đối tượng tham gia\n\n"
            "a) Rà soát dữ liệu doanh nghiệp đăng ký thành lập mới.\n"
            "Đơn vị chủ trì: Bảo hiểm xã hội tỉnh.\nĐơn vị phối hợp: Cục Thuế tỉnh.\n"
            "Thời gian thực hiện: Định kỳ 6 tháng một lần.\n\n"
            "b) Tổ chức thu bảo hiểm xã hội tự nguyện qua đại lý thu.\n"
            "Đơn vị chủ trì: Bưu điện tỉnh.\nĐơn vị phối hợp: Bảo hiểm xã hội tỉnh.\n"
            "Thời gian thực hiện: Thường xuyên.\n")
    got = {(a.agency, a.role, a.task)
           for a in extracted(text)}
    first = "Rà soát dữ liệu doanh nghiệp đăng ký thành lập mới"
    second = "Tổ chức thu bảo hiểm xã hội tự nguyện qua đại lý thu"
    assert got == {("Bảo hiểm xã hội tỉnh", "lead", first), ("Cục Thuế tỉnh", "partner", first),
                   ("Bưu điện tỉnh", "lead", second),
                   ("Bảo hiểm xã hội tỉnh", "partner", second)}


def test_a_semicolon_inside_a_list_of_partners_opens_no_duty():
    text = ("IV. TỔ CHỨC THỰC HIỆN\n\n1. Sở Khoa học và Công nghệ\n\n- Tham mưu phương án phát "
            "triển hạ tầng viễn thông; phối hợp Ban Quản lý các khu công nghệ cao và khu công "
            "nghiệp; các doanh nghiệp viễn thông và các đơn vị liên quan rà soát, điều chỉnh, bổ "
            "sung quy hoạch hạ tầng viễn thông.\n")
    got = {(a.agency, a.role) for a in extracted(text)
           if a.task.startswith("rà soát")}
    assert ("Các doanh nghiệp viễn thông", "lead") not in got


def test_a_part_holding_only_names_is_no_duty_and_no_crash():
    # the verb check must see no words at all without failing (it lost a document's duties)
    text = "IV. TỔ CHỨC THỰC HIỆN\n\n1. Sở Nội vụ: chủ trì tổng hợp kết quả; Sở Tài chính\n"
    got = extracted(text)
    assert [(a.agency, a.task) for a in got] == [("Sở Nội vụ", "tổng hợp kết quả")]


def test_duty_verbs_the_tagger_reads_as_nouns_alone_are_verbs_behind_a_subject():
    # "lồng ghép", "ứng dụng", "rà soát" open subjectless duties; alone the tagger reads nouns
    text = ("IV. TỔ CHỨC THỰC HIỆN\n\n1. Sở Giáo dục và Đào tạo: chỉ đạo các trường học kiểm tra "
            "bếp ăn bán trú; lồng ghép nội dung giáo dục an toàn thực phẩm vào hoạt động ngoại "
            "khóa.\n\n2. Báo Hưng Yên: xây dựng chuyên mục về an toàn thực phẩm; kịp thời đưa "
            "tin về các cơ sở vi phạm.\n")
    got = {(a.agency, a.task) for a in extracted(text)}
    assert ("Sở Giáo dục và Đào tạo",
            "lồng ghép nội dung giáo dục an toàn thực phẩm vào hoạt động ngoại khóa") in got
    assert ("Báo tỉnh", "kịp thời đưa tin về các cơ sở vi phạm") in got


def test_a_standing_role_in_brackets_and_a_sentence_opening_with_phoi_hop():
    text = ("IV. TỔ CHỨC THỰC HIỆN\n\n1. Công an tỉnh (cơ quan Thường trực Ban Chỉ đạo phòng, "
            "chống tội phạm, tệ nạn xã hội tỉnh): chủ trì, phối hợp với Bộ Chỉ huy Bộ đội Biên "
            "phòng tỉnh tổ chức triệt phá các đường dây mua bán ma túy.\n\n2. Sở Y tế: chủ trì "
            "mở rộng điều trị nghiện bằng thuốc Methadone. Phối hợp với Công an tỉnh xét nghiệm "
            "chất ma túy trong cơ thể người nghiện.\n")
    got = {(a.agency, a.role, a.task)
           for a in extracted(text)}
    raid = "tổ chức triệt phá các đường dây mua bán ma túy"
    test = "xét nghiệm chất ma túy trong cơ thể người nghiện"
    assert {("Công an tỉnh", "lead", raid), ("Bộ Chỉ huy Bộ đội Biên phòng tỉnh", "partner", raid),
            ("Sở Y tế", "partner", test), ("Công an tỉnh", "lead", test)} <= got


def test_a_request_heading_with_a_colon_names_its_owners():
    text = ("IV. TỔ CHỨC THỰC HIỆN\n\n1. Đề nghị: Hiệp hội Doanh nghiệp tỉnh, Hội Nông dân tỉnh\n\n"
            "a) Tuyên truyền, vận động hội viên tham gia chuyển đổi số.\n")
    got = {(a.agency, a.role) for a in extracted(text)}
    assert got == {("Hiệp hội Doanh nghiệp tỉnh", "lead"), ("Hội Nông dân tỉnh", "lead")}


def test_implementation_part_that_holds_roman_sections():
    # "Phần III. TỔ CHỨC THỰC HIỆN" over "I. TRÁCH NHIỆM …", "II. KINH PHÍ …": each Roman part
    # numbers its own owner blocks, and the first of them no longer ends the section
    text = ("KẾ HOẠCH\nPhổ biến, giáo dục pháp luật năm 2015\n\n"
            "Phần I. MỤC ĐÍCH, YÊU CẦU\n\nNâng cao ý thức chấp hành pháp luật của Nhân dân.\n\n"
            "Phần II. TỔ CHỨC THỰC HIỆN\n\nI. TRÁCH NHIỆM CỦA CÁC CƠ QUAN\n\n"
            "1. Sở Tư pháp chủ trì, phối hợp với các sở, ban, ngành hướng dẫn, kiểm tra việc "
            "thực hiện Kế hoạch này.\n\n2. Sở Nội vụ đưa nội dung phổ biến pháp luật vào chương "
            "trình bồi dưỡng cán bộ, công chức.\n\nII. KINH PHÍ THỰC HIỆN\n\n"
            "Sở Tài chính chủ trì, phối hợp với Sở Tư pháp bố trí kinh phí cho các hoạt động "
            "phổ biến pháp luật.\n\n| Nơi nhận: - Bộ Tư pháp; | TM. ỦY BAN NHÂN DÂN |\n")
    got = {(a.agency, a.role, a.task) for a in extracted(text)}
    assert got == {
        ("Sở Tư pháp", "lead", "hướng dẫn, kiểm tra việc thực hiện Kế hoạch này"),
        ("Các sở, ban, ngành", "partner", "hướng dẫn, kiểm tra việc thực hiện Kế hoạch này"),
        ("Sở Nội vụ", "lead",
         "đưa nội dung phổ biến pháp luật vào chương trình bồi dưỡng cán bộ, công chức"),
        ("Sở Tài chính", "lead", "bố trí kinh phí cho các hoạt động phổ biến pháp luật"),
        ("Sở Tư pháp", "partner", "bố trí kinh phí cho các hoạt động phổ biến pháp luật")}

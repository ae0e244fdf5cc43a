"""Deadline parsing per ANNOTATION §3."""

import pytest

from extractors.mentions.deadlines import duty_deadline, parse_deadline


def window(s: str) -> tuple:
    d = parse_deadline(s)
    return d.due_start, d.due_end, d.recurrence


def test_quarter():
    assert window("Quý II/2019") == ("2019-04-01", "2019-06-30", None)


def test_quarter_ocr_eleven_is_two():
    assert window("Quý 11/2019") == ("2019-04-01", "2019-06-30", None)


def test_year_and_bare_year():
    assert window("Năm 2020") == window("2020") == ("2020-01-01", "2020-12-31", None)


def test_range_with_ocr_dashes():
    assert window("2016-- 2017") == ("2016-01-01", "2017-12-31", None)


def test_before_date_is_open_start():
    assert window("trước 30/6/2019") == (None, "2019-06-30", None)


def test_until_end_of_year():
    assert window("đến hết năm 2017") == (None, "2017-12-31", None)


def test_annual_and_continuous():
    assert window("Hàng năm") == (None, None, "annual")
    assert window("Thực hiện thường xuyên") == (None, None, "continuous")


def test_period_beats_continuous():
    assert window("thường xuyên, hằng năm") == (None, None, "annual")


def test_end_of_quarter_is_quarterly():
    assert window("chậm nhất vào ngày 20 tháng cuối quý") == (None, None, "quarterly")


def test_conditional_keeps_text_only():
    d = parse_deadline("Sau khi có hướng dẫn của Văn phòng Chính phủ")
    assert d.deadline_text and (d.due_start, d.due_end) == (None, None)


def test_first_half_and_month():
    assert window("6 tháng đầu năm 2019") == ("2019-01-01", "2019-06-30", None)
    assert window("Tháng 6/2019") == ("2019-06-01", "2019-06-30", None)


def test_year_and_following_years():
    assert window("Năm 2016 và các năm tiếp theo") == ("2016-01-01", None, "annual")


def test_budget_yearly_in_duty_sentence():
    d = duty_deadline("đề xuất trình Ủy ban nhân dân tỉnh bố trí ngân sách hàng năm cho hoạt động")
    assert (d.deadline_text, d.recurrence) == ("hàng năm", "annual")


def test_kinds_of_plan_are_not_a_cycle():
    text = "các chương trình, kế hoạch công tác dài hạn và hàng năm"
    assert duty_deadline(text).recurrence is None


def test_recurrent_spending_is_not_continuous():
    assert duty_deadline("bố trí kinh phí chi thường xuyên nguồn ngân sách").recurrence is None


def test_plan_horizon_is_not_a_deadline():
    d = duty_deadline("triển khai điều chỉnh Quy hoạch công nghệ thông tin tỉnh đến năm 2020")
    assert d.due_end is None


def test_a_quarter_or_month_after_a_plans_name_is_a_deadline():
    """A plan runs to a year; "trong Quý IV/2019" right after "Chương trình" is when the
    review is due."""
    d = duty_deadline("Tổ chức sơ kết việc thực hiện Chương trình trong Quý IV/2019")
    assert (d.due_start, d.due_end) == ("2019-10-01", "2019-12-31")
    d = duty_deadline("Tổ chức tổng kết việc thực hiện Kế hoạch trong tháng 10/2030.")
    assert (d.due_start, d.due_end) == ("2030-10-01", "2030-10-31")
    assert duty_deadline("xây dựng Chương trình giai đoạn 2021 - 2025").due_end is None
    period = "Tổ chức thực hiện Chương trình từ ngày 01/01/2021 đến ngày 31/12/2025"
    assert duty_deadline(period).due_end is None


def test_table_time_cell_ignores_dates_of_cited_documents():
    from extractors.mentions.deadlines import table_deadline

    cited = "Thực hiện dự án theo Quyết định số 3871/QĐ-UBND ngày 08/10/2018"
    assert table_deadline(cited).due_end is None
    both = table_deadline(f"Quý IV/2019 {cited}")
    assert (both.due_start, both.due_end) == ("2019-10-01", "2019-12-31")
    assert table_deadline("Quý 11/2019").due_end == "2019-06-30"  # OCR'd "II"


def test_quarter_spelled_qui_with_a_dash():
    # "Quí" is the older spelling of "Quý"; a dash may stand for the slash
    dl = parse_deadline("Quí III-2026")
    assert (dl.due_start, dl.due_end) == ("2026-07-01", "2026-09-30")


@pytest.mark.parametrize(("cell", "start", "end"), [
    ("Tháng 5 - tháng 10/2026", "2026-05-01", "2026-10-31"),
    ("Tháng 8 - 9/2018", "2018-08-01", "2018-09-30"),
    ("15/4 - 15/5/2018", "2018-04-15", "2018-05-15"),
    ("Quý II - Quý III/2018", "2018-04-01", "2018-09-30"),
    ("Quý I - Quý II/2015", "2015-01-01", "2015-06-30"),
    ("Quý I/2019 - Quý II/2020", "2019-01-01", "2020-06-30"),
    ("từ tháng 3 đến tháng 5/2018", "2018-03-01", "2018-05-31"),
])
def test_a_span_between_two_points_writes_its_year_once(cell: str, start: str, end: str):
    # task tables write a span's year once, at its end: the first point takes it
    dl = parse_deadline(cell)
    assert (dl.due_start, dl.due_end) == (start, end)
    # and so do the "Thời gian thực hiện: …" lines and sentences a duty's time is found in
    found = duty_deadline(f"- Thời gian thực hiện: {cell}.")
    assert (found.due_start, found.due_end) == (start, end)

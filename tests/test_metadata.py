"""The describe stage: issuer, province, number, date, title, horizon, signer and document ids
(ANNOTATION §4), on real plans and on letterheads generated in every text form."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from letterheads import FORMS, Letter

from pipeline.describe import ascii_slug, extract_metadata, make_doc_id
from pipeline.describe.bodies import read_body
from pipeline.describe.horizon import horizon
from pipeline.describe.places import formed_from, provinces
from pipeline.describe.signer import find_signer
from pipeline.describe.text import folded_words

SEEDS = sorted(Path("corpora/raw").glob("*.txt"))
DEVSET = Path(__file__).resolve().parents[2] / "shared" / "devset"  # ../shared beside the checkout
DEVSET_IDS = {"02_DongNai_179-KH-UBND-2025.txt": "dongnai-2025-kh179"}  # the plan without gold
if (DEVSET / "gold").is_dir():
    for gold in (DEVSET / "gold").glob("*.json"):
        record = json.loads(gold.read_text(encoding="utf-8"))
        DEVSET_IDS[record["source"]] = record["doc_id"]
needs_devset = pytest.mark.skipif(not DEVSET_IDS or not (DEVSET / "docs").is_dir(),
                                  reason="the shared development set is not mounted")

# Letters of issuers of every kind; the body names other provinces, which must not count.
BODY = ("Phối hợp với Ủy ban nhân dân tỉnh Bình Dương, tỉnh Đồng Nai và thành phố Cần Thơ; "
        "thực hiện Quyết định số 411/QĐ-TTg ngày 31/3/2022 của Thủ tướng Chính phủ.")
LETTERS = {
    "quangtri-2022-kh2034": Letter(("ỦY BAN NHÂN DÂN", "TỈNH QUẢNG TRỊ"), "2034/KH-UBND",
                                   "Quảng Trị", (5, 5, 2022), body=BODY),
    "hochiminh-2024-qd1520": Letter(("ỦY BAN NHÂN DÂN", "THÀNH PHỐ HỒ CHÍ MINH"),
                                    "1520/QĐ-UBND", "Thành phố Hồ Chí Minh", (19, 4, 2024),
                                    "QUYẾT ĐỊNH", ("Ban hành Kế hoạch liên kết vùng với tỉnh "
                                                   "Bình Dương giai đoạn 2024 - 2025",), BODY),
    "vietnam-2021-qd942": Letter(("THỦ TƯỚNG CHÍNH PHỦ",), "942/QĐ-TTg", "Hà Nội",
                                 (15, 6, 2021), "QUYẾT ĐỊNH", ("Phê duyệt Chiến lược phát triển "
                                                               "Chính phủ điện tử",), BODY,
                                 ("KT. THỦ TƯỚNG", "PHÓ THỦ TƯỚNG"), "Vũ Đức Đam"),
    "vietnam-2025-nq50": Letter(("CHÍNH PHỦ",), "50/NQ-CP", "Hà Nội", (20, 3, 2025),
                                "NGHỊ QUYẾT", ("Về chuyển đổi số quốc gia",), BODY,
                                ("TM. CHÍNH PHỦ", "THỦ TƯỚNG"), "Phạm Minh Chính"),
    "vietnam-2025-qd1234": Letter(("BỘ KHOA HỌC VÀ CÔNG NGHỆ",), "1234/QĐ-BKHCN", "Hà Nội",
                                  (2, 8, 2025), "QUYẾT ĐỊNH", ("Ban hành Kế hoạch chuyển đổi số "
                                                               "năm 2025",), BODY,
                                  ("KT. BỘ TRƯỞNG", "THỨ TRƯỞNG"), "Bùi Hoàng Phương"),
    "lamdong-2025-kh85": Letter(("UBND TỈNH LÂM ĐỒNG", "SỞ KHOA HỌC VÀ CÔNG NGHỆ"),
                                "85/KH-SKHCN", "Lâm Đồng", (9, 9, 2025), body=BODY,
                                signature=("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC")),
    "phutho-2025-kh312": Letter(("ỦY BAN NHÂN DÂN", "TỈNH PHÚ THỌ"), "312/KH-UBND", "Phú Thọ",
                                (8, 10, 2025), body="Trên địa bàn tỉnh Vĩnh Phúc (cũ) và tỉnh "
                                "Hòa Bình (cũ), nay là tỉnh Phú Thọ. " + BODY),
    "vinhphuc-2024-kh88": Letter(("ỦY BAN NHÂN DÂN", "TỈNH VĨNH PHÚC"), "88/KH-UBND",
                                 "Vĩnh Phúc", (12, 1, 2024), body=BODY),
    "haiphong-2025-kh41": Letter(("ỦY BAN NHÂN DÂN", "THÀNH PHỐ HẢI PHÒNG"), "41/KH-UBND",
                                 "Hải Phòng", (3, 11, 2025), body="Các xã thuộc tỉnh Hải Dương "
                                 "(cũ). " + BODY),
    "hue-2025-kh77": Letter(("ỦY BAN NHÂN DÂN", "THÀNH PHỐ HUẾ"), "77/KH-UBND", "Huế",
                            (14, 3, 2025), body=BODY),
    "thuathienhue-2020-kh190": Letter(("ỦY BAN NHÂN DÂN", "TỈNH THỪA THIÊN HUẾ"), "190/KH-UBND",
                                      "Thừa Thiên Huế", (7, 7, 2020), body=BODY),
    "nghean-2021-nq09": Letter(("TỈNH ỦY NGHỆ AN",), "09-NQ/TU", "Nghệ An", (20, 8, 2021),
                               "NGHỊ QUYẾT", ("Về chuyển đổi số đến năm 2025",), BODY,
                               ("T/M BAN CHẤP HÀNH", "BÍ THƯ"), "Thái Thanh Quý"),
    "daklak-2016-nq22": Letter(("HỘI ĐỒNG NHÂN DÂN", "TỈNH ĐẮK LẮK"), "22/2016/NQ-HĐND",
                               "Đắk Lắk", (24, 9, 2016), "NGHỊ QUYẾT", ("Về một số chính sách "
                                                                      "năm 2017",), BODY),
}
PROVINCE_OF = {"vietnam": "Việt Nam"}


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("doc_id", LETTERS)
def test_doc_id_from_the_issuer_in_every_form(doc_id: str, form: str):
    letter = LETTERS[doc_id]
    meta = extract_metadata(FORMS[form](letter))
    assert make_doc_id(meta, "renamed.txt") == doc_id
    assert meta.signed_date == "{2}-{1:02d}-{0:02d}".format(*letter.date)


@pytest.mark.parametrize("form", [f for f in FORMS if f != "one line"])
@pytest.mark.parametrize("doc_id", ["quangtri-2022-kh2034", "vietnam-2021-qd942",
                                    "lamdong-2025-kh85", "nghean-2021-nq09"])
def test_signer_and_title_in_every_form(doc_id: str, form: str):
    letter = LETTERS[doc_id]
    meta = extract_metadata(FORMS[form](letter))
    assert meta.signer == letter.signer
    assert folded_words(meta.title) == folded_words(" ".join(letter.title))


def test_national_documents_take_viet_nam_as_province():
    meta = extract_metadata(FORMS["plain"](LETTERS["vietnam-2021-qd942"]))
    assert (meta.province, meta.issuer) == ("Việt Nam", "THỦ TƯỚNG CHÍNH PHỦ")


@pytest.mark.parametrize("issuer, place, year", [
    (("ỦY BAN NHÂN DÂN", "THÀNH PHỐ BIÊN HÒA"), "Biên Hòa", 2020),  # a city of Đồng Nai
    (("ỦY BAN NHÂN DÂN", "THÀNH PHỐ BẮC NINH"), "Bắc Ninh", 2019),  # a city of Bắc Ninh
    (("ỦY BAN NHÂN DÂN", "THÀNH PHỐ HUẾ"), "Huế", 2020),  # before Huế became a province
    (("ỦY BAN NHÂN DÂN", "HUYỆN CÁT TIÊN"), "Cát Tiên", 2018),
    (("ỦY BAN NHÂN DÂN", "PHƯỜNG SÀI GÒN"), "Thành phố Hồ Chí Minh", 2025),
])
def test_an_issuer_below_a_province_names_no_province(issuer, place, year):
    letter = Letter(issuer, "15/KH-UBND", place, (2, 3, year), body=BODY)
    meta = extract_metadata(FORMS["plain"](letter))
    assert meta.province is None
    assert make_doc_id(meta, "/data/Kế hoạch 15.pdf") == "ke-hoach-15"


@pytest.mark.parametrize("name, date, expected", [
    ("ỦY BAN NHÂN DÂN TỈNH BẮC NINH", "2025-11-24", ("province", "Bắc Ninh")),
    ("UỶ BAN NHÂN DÂN TỈNH THANH HOÁ", "2019-03-29", ("province", "Thanh Hóa")),
    ("UY BAN NHAN DAN TINH QUANG TRl", "2022-05-05", ("province", "Quảng Trị")),  # OCR'd
    ("UBND TP. HỒ CHÍ MINH", "2024-01-02", ("province", "Hồ Chí Minh")),
    ("TINH UY NGHE AN", "2021-08-20", ("province", "Nghệ An")),
    ("UBND TỈNH LÂM ĐỒNG SỞ KHOA HỌC VÀ CÔNG NGHỆ", "2025-09-09", ("province", "Lâm Đồng")),
    ("BỘ CHỈ HUY QUÂN SỰ TỈNH GIA LAI", "2025-09-09", ("province", "Gia Lai")),
    ("UBND TỈNH PHÚ HÀ SỞ Y TẾ", "2024-03-05", ("province", "Phú Hà")),  # in no list
    ("ỦY BAN NHÂN DÂN TỈNH ĐẮC LẮC", "2010-01-01", ("province", "Đắk Lắk")),  # old spelling
    ("THỦ TƯỚNG CHÍNH PHỦ", "2025-12-01", ("national", "Việt Nam")),
    ("BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI", "2020-01-01", ("national", "Việt Nam")),
    ("ỦY BAN NHÂN DÂN THÀNH PHỐ HUẾ", "2025-03-01", ("province", "Huế")),
    ("ỦY BAN NHÂN DÂN THÀNH PHỐ HUẾ", "2020-03-01", ("local", None)),
    ("ỦY BAN NHÂN DÂN THÀNH PHỐ BIÊN HÒA", "2020-03-01", ("local", None)),
    ("ỦY BAN NHÂN DÂN XÃ TÂN PHÚ", "2025-09-01", ("local", None)),
    ("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH", "2018-01-18", ("province", None)),
])
def test_what_a_body_name_says(name: str, date: str, expected: tuple):
    body = read_body(name, date)
    assert (body.level, body.province) == expected


@pytest.mark.parametrize("text, province", [
    # the letterhead lost: the place of signing and the authority line still name the issuer
    ("Số: 168 /QĐ-UBND\n\nĐắk Lắk, ngày 18 tháng 01 năm 2018\n\nQUYẾT ĐỊNH\nBan hành Kế hoạch "
     "năm 2018\n\nCHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH\n\nCăn cứ Luật Tổ chức chính quyền địa phương "
     "ngày 19/6/2015 của Quốc hội;", "Đắk Lắk"),
    (" QUYẾT ĐỊNH\nBAN HÀNH QUY HOẠCH ĐẾN NĂM 2020\n\nUỶ BAN NHÂN DÂN TỈNH NGHỆ AN\nCăn cứ "
     "Quyết định số 1605/QĐ-TTg ngày 27/08/2010 của Thủ tướng Chính phủ;", "Nghệ An"),
    # no letterhead, no authority line: the appendix note under the document's own number
    ("KẾ HOẠCH\nChuyển đổi số năm 2022\n\nPhối hợp với tỉnh Lào Cai.\n\nPHỤ LỤC\n(Kèm theo "
     "Kế hoạch số 52/KH-UBND ngày 14/02/2022 của UBND tỉnh Yên Bái)", "Yên Bái"),
    # the enacting clause, then the province the title is about
    ("KẾ HOẠCH\nChuyển đổi số năm 2022\n\nỦy ban nhân dân tỉnh Sơn La ban hành Kế hoạch như "
     "sau:\n\nPhối hợp với tỉnh Điện Biên.", "Sơn La"),
    ("KẾ HOẠCH\nỨng dụng công nghệ thông tin của cơ quan nhà nước tỉnh Hà Tĩnh năm 2017\n\n"
     "Ủy ban nhân dân tỉnh ban hành Kế hoạch; phối hợp với tỉnh Nghệ An.", "Hà Tĩnh"),
    # a national number without letterhead is national even though it was signed in Hà Nội
    ("Số: 149/QĐ-TTg\nHà Nội, ngày 10 tháng 02 năm 2022\nQUYẾT ĐỊNH\nPhê duyệt Đề án",
     "Việt Nam"),
])
def test_weaker_evidence_when_the_letterhead_is_missing(text: str, province: str):
    assert extract_metadata(text).province == province


def test_number_and_date_from_the_appendix_note_when_the_letterhead_is_missing():
    text = ("QUYẾT ĐỊNH\nPhê duyệt Đề án\nUBND TỈNH BẮC NINH\n...\nPHỤ LỤC\n(Kèm theo Quyết "
            "định số 88/QĐ-UBND ngày 09/02/2021 của UBND tỉnh Bắc Ninh)")
    meta = extract_metadata(text)
    assert meta.doc_number == "88/QĐ-UBND" and meta.signed_date == "2021-02-09"
    assert make_doc_id(meta, "a.txt") == "bacninh-2021-qd88"


def test_falls_back_to_a_slug_of_the_file_name():
    meta = extract_metadata("Một văn bản không có tiêu đề.")
    assert make_doc_id(meta, "/data/Kế hoạch số 12.pdf") == "ke-hoach-so-12"


@pytest.mark.parametrize("title, period", [
    ("Phát triển kinh tế số và xã hội số tỉnh Bắc Ninh giai đoạn 2026 - 2030", (2026, 2030)),
    ("PHÁT TRIỂN HẠ TẦNG 5G TRÊN ĐỊA BÀN THÀNH PHỐ HÀ NỘI ĐẾN NĂM 2030", (None, 2030)),
    ("Ứng dụng công nghệ thông tin trong hoạt động của cơ quan nhà nước năm 2017", (2017, 2017)),
    ("Chuyển đổi số năm 2023, định hướng đến năm 2025", (2023, 2023)),
    ("Chuyển đổi số tỉnh Bình Sơn năm 2025 - 2026", (2025, 2026)),
    ("giai đoạn 2021-2025, định hướng đến năm 2030", (2021, 2025)),
    ("Kế hoạch hành động giai đoạn 2019 - 2020, định hướng đến 2025", (2019, 2020)),
    ("về chuyển đổi số đến năm 2025, tầm nhìn đến năm 2030", (None, 2025)),
    ("Phát triển đô thị thông minh thời kỳ 2021-2030", (2021, 2030)),
    ("Chương trình từ năm 2026 đến năm 2030", (2026, 2030)),
    # dates and numbers of cited documents are no horizon
    ("TRIỂN KHAI NGHỊ QUYẾT SỐ 214/NQ-CP NGÀY 23/7/2025 CỦA CHÍNH PHỦ", (None, None)),
    ("TRIỂN KHAI QUYẾT ĐỊNH SỐ 06/QĐ-TTG NGÀY 02 THÁNG 01 NĂM 2025 CỦA THỦ TƯỚNG", (None, None)),
    ("Thực hiện Luật Dữ liệu số 60/2024/QH15", (None, None)),
    ("VỀ VIỆC PHÊ DUYỆT CHƯƠNG TRÌNH PHÁT TRIỂN CHÍNH PHỦ SỐ", (None, None)),
    (None, (None, None)),
])
def test_horizon_from_the_title(title, period):
    assert horizon(title) == period


@pytest.mark.parametrize("block, name", [
    ("KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\n\n\nNguyễn Tuấn Hà\n", "Nguyễn Tuấn Hà"),
    ("TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n(Đã ký)\nVõ Tấn Đức\n", "Võ Tấn Đức"),
    ("**TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH**\n\n\nĐặng Quốc Vinh\n\nPHỤ LỤC",
     "Đặng Quốc Vinh"),
    ("- Lưu: VT.\n|\n**TM. ỦY BAN NHÂN\nDÂN **\nKT. CHỦ TỊCH\n**PHÓ CHỦ TỊCH**\n**Mai Sơn**\n|\n",
     "Mai Sơn"),
    ("|\n**KT. CHỦ TỊCH**\nPHÓ CHỦ TỊCH\n**Nguyễn\nLộc Hà**\n|\n", "Nguyễn Lộc Hà"),
    ("- Lưu: VT.\tTM. ỦY BAN NHÂN DÂN  KT. CHỦ TỊCH PHÓ CHỦ TỊCH Mai Sơn\n\nPHỤ LỤC", "Mai Sơn"),
    ("- Lưu: VT, Nam(45b) CHỦ TỊCH Nguyễn Dương Thái   PHỤ LỤC DANH MỤC", "Nguyễn Dương Thái"),
    ("Nơi nhận:   TM. ỦY BAN NHÂN DÂN\n- Như Điều 3;   CHỦ TỊCH\n- Bộ Tài chính;\n- Lưu: VT.\n"
     "\n                     Trần Văn B\n", "Trần Văn B"),
    ("Nơi nhận:\t KT. THỦ TƯỚNG\n- Các bộ;\tPHÓ THỦ TƯỚNG\n- Lưu: VT.\tNguyễn Chí Dũng\n",
     "Nguyễn Chí Dũng"),
    ("KT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\n\n[daky]\n\nBùi Hoàng Phương\n", "Bùi Hoàng Phương"),
    ("TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\nY Thanh Hà Niê Kđăm\n", "Y Thanh Hà Niê Kđăm"),
    # no name under the title: a decision's authority line, a block the copy lost the name of
    ("QUYẾT ĐỊNH\nCHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH\nCăn cứ Luật Tổ chức chính quyền;", None),
    ("TM. UỶ BAN NHÂN DÂN\nCHỦ TỊCH\n PHỤ LỤC SỐ 1\nDANH MỤC CÁC HỆ THỐNG", None),
    ("THỦ TƯỚNG CHÍNH PHỦ\nCăn cứ Luật Tổ chức Chính phủ;", None),
])
def test_signer_under_the_signing_title(block: str, name: str | None):
    assert find_signer(block) == name


def test_province_lists_before_and_after_the_2025_merger():
    before = {p.name for p in provinces() if not p.since or p.since < "2025-07-01"}
    after = {p.name for p in provinces() if p.since == "2025-07-01"}
    assert len(before - {"Huế"}) == 63 and len(after) == 34
    parts = [part for units in formed_from().values() for part in units]
    assert sorted(parts) == sorted(before - {"Thừa Thiên Huế"})  # each of the 63 in one of 34
    for unit in provinces():
        renamed = unit.until == "2024-12-31"  # Thừa Thiên Huế, a city (Huế) from 2025
        assert unit.successor in after and (unit.since == "2025-07-01" or renamed or
                                            unit.name in formed_from()[unit.successor])
    slugs = [ascii_slug(p.name) for p in provinces() if p.since != "2025-07-01"]
    assert len(slugs) == len(set(slugs))


@pytest.mark.parametrize("path", SEEDS, ids=[p.stem for p in SEEDS])
def test_seed_ids_come_from_their_own_text(path: Path):
    meta = extract_metadata(path.read_text(encoding="utf-8"))
    assert make_doc_id(meta, "renamed.txt") == path.stem


@needs_devset
@pytest.mark.parametrize("source", sorted(DEVSET_IDS))
def test_devset_ids_from_the_web_copies(source: str):
    meta = extract_metadata((DEVSET / "docs" / source).read_text(encoding="utf-8"))
    assert make_doc_id(meta, "renamed.txt") == DEVSET_IDS[source]
    assert meta.signer and meta.issuer

"""Small plans for the refresh, crash and serve tests: a real letterhead, a target and an
assignment, in a few hundred characters, so a run of several takes a second or two."""

from __future__ import annotations

from pathlib import Path

PROVINCES = ("HÀ TĨNH", "NGHỆ AN", "THANH HÓA", "ĐẮK LẮK", "HẢI DƯƠNG")


def small_plan(number: int, year: int = 2020, province: str = "HÀ TĨNH", percent: int = 50,
               title: str = "Kế hoạch chuyển đổi số", extra: str = "") -> str:
    """A plan whose doc_id is `<province>-<year>-kh<number>`."""
    place = province.title()
    return (f"ỦY BAN NHÂN DÂN\nTỈNH {province}\nSố: {number}/KH-UBND\n"
            f"{place}, ngày 5 tháng 3 năm {year}\n\nKẾ HOẠCH\n{title}\n\n"
            f"I. MỤC TIÊU\nĐến năm {year + 1}, {percent}% dịch vụ công được cung cấp trực "
            f"tuyến ở mức độ 3.\n{extra}\n"
            "II. TỔ CHỨC THỰC HIỆN\n1. Sở Thông tin và Truyền thông\n"
            "- Chủ trì, phối hợp với các sở, ngành xây dựng cổng dịch vụ công trực tuyến "
            f"trước Quý II/{year}.\n")


def untitled_note(words: str) -> str:
    """A text with no letterhead: its doc_id comes from the file name."""
    return f"Ghi chú về {words}: các sở, ngành triển khai chữ ký số và hội nghị truyền hình.\n" * 8


def write_plans(folder: Path, count: int, start: int = 1, province: str = "HÀ TĨNH") -> list[Path]:
    """`count` small plans numbered from `start`, as plan-<n>.txt in `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for number in range(start, start + count):
        path = folder / f"plan-{number}.txt"
        path.write_text(small_plan(number, province=province, percent=40 + number % 50),
                        encoding="utf-8")
        paths.append(path)
    return paths

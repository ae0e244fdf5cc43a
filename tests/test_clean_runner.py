"""The clean runner: corrections land at the right offsets in both texts."""

from pipeline.clean import clean_text
from pipeline.clean.normalize import edits as normalize_edits
from pipeline.offsets import Edit


def _fix_word(text: str, _given=None) -> list[Edit]:
    i = text.find("diện tử")
    return [Edit(i, i + 4, "điện", "ocr word")] if i >= 0 else []


def _join(text: str, _given=None) -> list[Edit]:
    i = text.find(".\n")
    return [Edit(i, i + 2, " ", "line join")] if i >= 0 else []


STEPS = [("normalize", normalize_edits), ("layout", _join), ("words", _fix_word)]


def test_corrections_point_into_cleaned_and_raw_text():
    raw = "Chính quyền diện tử tỉnh Thanh Hóa thực.\nhiện"
    result = clean_text(raw, steps=STEPS)
    assert result.text == "Chính quyền điện tử tỉnh Thanh Hóa thực hiện"
    for c in result.corrections:
        assert result.text[c.start:c.end] == c.after
        assert raw[c.source_start:c.source_end] == c.before


def test_suggest_only_changes_nothing():
    raw = "Chính quyền diện tử"
    result = clean_text(raw, suggest_only=True, steps=STEPS)
    assert result.text == raw
    assert [c.after for c in result.corrections] == ["điện"]
    assert not any(c.applied for c in result.corrections)


def test_declared_normalization_fixes_eth_nfd_and_line_endings():
    raw = "\u00d0\u1ea2NG\r\nXa\u0303 ho\u0323\u0302i"
    result = clean_text(raw, steps=[("normalize", normalize_edits)])
    assert result.text == "ĐẢNG\nXã hội"
    assert {c.reason for c in result.corrections} == {"Ð (U+00D0) to Đ", "line ending", "NFC"}

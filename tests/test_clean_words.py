"""OCR word correction: one test per error class, on real lines from the seeds."""

from pipeline.clean import words
from pipeline.clean.runner import clean_text


def fixed(line: str) -> str:
    """The line after the word step alone."""
    from pipeline.offsets import apply_edits

    return apply_edits(line, words.edits(line))[0]


def test_real_word_errors_in_context_dien_tu():
    # thanhhoa II.1: "diện" is a word, but not after "Chính quyền"
    line = "xây dựng và phát triển Chính quyền diện rử tình nhằm nâng cao hiệu lực"
    assert "Chính quyền điện tử" in fixed(line)


def test_b_read_for_h():
    line = "Triển khai thực biện biệu quả các mục tiêu, nhiệm vụ của Nghị quyết số"
    assert "thực hiện hiệu quả" in fixed(line)


def test_lost_horn_co_quan():
    line = "cao hiệu lực, hiệu quả hoạt động của các co quan hành chính nhà nước"
    assert "các cơ quan hành chính" in fixed(line)


def test_wrong_tone_keeps_capital():
    line = "được tích hợp trên Cổng Dịch vụ công của tỉnh và được tích hợp với Cống Dịch vụ"
    assert fixed(line).endswith("tích hợp với Cổng Dịch vụ")


def test_real_word_thi_hanh():
    assert "hiệu lực thi hành" in fixed("Quyết định này có hiệu lực thì hành kể từ ngày ký.")


def test_lost_initial_letter():
    # synthetic Tesseract at 72 dpi drops a thin leading "t"
    assert "Dương đã quan tâm" in fixed("Dương đã cquan tâm")


def test_codes_acronyms_urls_and_foreign_words_are_protected():
    line = ("Chánh Văn phòng UBND tỉnh, Sở TT&TT, các DN Viễn thông - CNTT, Nghị quyết số "
            "17/NQ-CP, Cổng dichvucong.hatinh.gov.vn, Internet, email, website, HĐND, ĐT")
    assert words.edits(line) == []


def test_list_marker_letters_are_not_words():
    assert words.edits("các điểm a, b, c mục 1 phần II; h) Triển khai") == []


def test_clean_line_untouched():
    line = ("Ứng dụng công nghệ thông tin trong hoạt động của cơ quan nhà nước nhằm nâng cao "
            "chất lượng, hiệu quả hoạt động")
    assert words.edits(line) == []


def test_edit_carries_reason_and_score():
    result = clean_text("hoạt động của các co quan hành chính")
    (c,) = [c for c in result.corrections if c.reason.startswith("ocr word")]
    assert c.reason == "ocr word: co→cơ" and 0.5 < c.score <= 1.0
    assert (c.raw_start, c.raw_end) == (18, 20)


def test_general_text_and_compounds_are_in_the_lexicon():
    from pipeline.clean.words import model

    lm = model()
    assert lm.is_compound("lề", "lối") and lm.is_compound("chia", "sẻ")
    assert not lm.is_compound("tỉnh", "nhằm")
    assert lm.lex.uni.get("những", 0) > lm.lex.domain_uni.get("những", 0)  # general text


def test_orphan_pairs_earn_the_compound_bonus_only():
    from pipeline.clean.words import _broken, model

    # "lễ lời" (for "lề lối") are orphans; "đạt hiệu quả" keeps "hiệu" inside a word
    keys = ["đổi", "mới", "lễ", "lời", "phương", "thức"]
    assert _broken(model(), keys) == [False, False, False, True, False, False]
    assert _broken(model(), ["đạt", "hiệu", "quả"]) == [False, False, False]


def test_learned_channel_costs_are_log10_probabilities():
    # the channel is learned from Tesseract output (ocr_channel.tsv): one tone or mark change
    # costs a few log10 units, two changes cost more than one, and identity costs nothing
    from pipeline.clean.candidates import channel, mark_distance

    one = mark_distance("diện", "điện")
    two = mark_distance("lễ", "lề") + mark_distance("lời", "lối")
    assert mark_distance("điện", "điện") == 0.0
    assert 0.5 < one < 4.0
    assert two > one
    assert len(channel().letters) > 50  # learned confusions plus the hand-written table

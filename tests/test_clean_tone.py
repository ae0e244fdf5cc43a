"""Tone placement: a consistent document is never touched; a mixed one follows its majority."""

from pipeline.clean import tone
from pipeline.vi.syllable import STYLE_NEW, STYLE_OLD, canonical, place_tone, split_tone


def test_placement_rules():
    cases = {"hoà": ("hòa", "hoà"), "thuỷ": ("thủy", "thuỷ"), "khoẻ": ("khỏe", "khoẻ"),
             "quả": ("quả", "quả"), "giữ": ("giữ", "giữ"), "người": ("người", "người"),
             "hoàn": ("hoàn", "hoàn"), "ngoài": ("ngoài", "ngoài"), "thuở": ("thuở", "thuở")}
    for word, (old, new) in cases.items():
        base, t = split_tone(word)
        assert (place_tone(base, t, STYLE_OLD), place_tone(base, t, STYLE_NEW)) == (old, new)


def test_consistent_new_style_document_untouched():
    text = "công nghiệp hoá - hiện đại hoá, tỉnh Thanh Hoá, Uỷ ban nhân dân"
    assert tone.edits(text) == []


def test_consistent_old_style_document_untouched():
    assert tone.edits("công nghiệp hóa - hiện đại hóa, tỉnh Thanh Hóa, Ủy ban") == []


def test_mixed_document_follows_majority():
    # thanhhoa mixes "Thanh Hóa" (majority) with "Thanh Hoá"
    text = "TỈNH THANH HÓA\nThanh Hóa, ngày 29 tháng 3\ncủa UBND tỉnh Thanh Hoá)"
    (e,) = tone.edits(text)
    assert (text[e.start:e.end], e.replacement, e.reason) == ("Hoá", "Hóa", "tone placement")


def test_canonical_key_ignores_style():
    assert canonical("hoà") == canonical("hòa") == "hòa"

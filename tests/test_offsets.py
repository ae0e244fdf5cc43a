"""Offset maps and edits: every changed text can be traced back character by character."""

from pipeline.offsets import Edit, OffsetMap, apply_edits, select_edits


def test_replacement_maps_back_to_replaced_characters():
    text = "Chính quyền diện rử tỉnh"
    d, r = text.index("diện"), text.index("rử")
    new, back, fwd, applied = apply_edits(text, [Edit(d, d + 4, "điện", "ocr"),
                                                 Edit(r, r + 2, "tử", "ocr")])
    assert new == "Chính quyền điện tử tỉnh"
    start, end = back.span(new.index("tỉnh"), new.index("tỉnh") + 4)
    assert text[start:end] == "tỉnh"
    assert [a.before for a in applied] == ["diện", "rử"]
    assert fwd[text.index("tỉnh")] == new.index("tỉnh")


def test_deletion_and_insertion_keep_spans_valid():
    text = "thực.\nhiện"
    new, back, fwd, _ = apply_edits(text, [Edit(4, 6, " ", "join"), Edit(0, 0, "X", "insert")])
    assert new == "Xthực hiện"
    assert back[0] == 0 and back[len(new)] == len(text)
    assert text[back[new.index("hiện")]] == "h"
    assert fwd[len(text)] == len(new)


def test_overlapping_edits_keep_the_earlier_one():
    chosen = select_edits([Edit(5, 9, "a", "second"), Edit(2, 6, "b", "first")])
    assert [e.reason for e in chosen] == ["first"]


def test_maps_compose_through_two_steps():
    text = "ab  cd"
    step1, back1, _, _ = apply_edits(text, [Edit(2, 4, " ", "space")])
    step2, back2, _, _ = apply_edits(step1, [Edit(0, 1, "A", "case")])
    composed = back2.compose(back1)
    assert step2 == "Ab cd"
    assert text[composed[step2.index("c")]] == "c"
    assert isinstance(composed, OffsetMap)

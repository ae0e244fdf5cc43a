"""Numbers that are not targets although they look like one (ANNOTATION §2).

A plan also reports the past ("Năm 2022, … đạt 89,4%", "hiện nay 65% hồ sơ đã được số hóa"),
budgets its work ("Tổng kinh phí khoảng 450 tỷ đồng", "trong đó ngân sách tỉnh 70%") and
qualifies what a percentage counts ("100% khu công nghiệp có tối thiểu 1 trạm 5G"). These
give no record.
"""

from __future__ import annotations

from typing import Protocol

import regex

from extractors.targets.context import Zone, enclosing
from extractors.targets.cues import cue_re


class _Quantity(Protocol):
    start: int
    end: int
    unit: str
    value: float


def drop_qualifiers(text: str, nums: list) -> list:
    """Drop numbers that only say what another number counts.

    "100% khu công nghiệp có tối thiểu 1 trạm 5G": the count after a percentage in the same
    clause. "100% cơ quan … bổ sung thêm 20-25% dịch vụ": a percentage of agencies that must
    each add an amount.
    """
    keep: list = []
    for i, n in enumerate(nums):
        prev = keep[-1] if keep else None
        gap = text[prev.end : n.start] if prev else ";"
        same_clause = not regex.search(r"[;.]|,\s*(?:đến|vào)?\s*năm", gap)
        if same_clause and prev.unit == "%" and (n.unit == "count" or n.unit.startswith("per")):
            continue
        nxt = nums[i + 1] if i + 1 < len(nums) else None
        if n.unit == "%" and n.value == 100 and nxt is not None and nxt.unit == "%":
            gap = text[n.end : nxt.start]
            if not regex.search(r"[;.]", gap) and cue_re("amount_verbs").search(gap):
                continue
        keep.append(n)
    return keep


def _clause(text: str, s: int, e: int, pos: int) -> tuple[int, int]:
    left = max(text.rfind(";", s, pos), text.rfind(". ", s, pos), s - 1) + 1
    right = min(x for x in (text.find(";", pos, e), e) if x >= 0)
    return left, right


def is_baseline(text: str, zones: list[Zone], sentence: tuple[int, int], pos: int) -> bool:
    """True when the clause around `pos` reports the past or present, not a commitment. In an
    objectives section the weak cues ("đã", "xếp hạng") only qualify the thing counted ("100% di
    tích đã được xếp hạng được cắm mốc giới")."""
    s, e = sentence
    left, right = _clause(text, s, e, pos)
    if cue_re("commitment_cues").search(text, s, e):
        return False
    if cue_re("baseline_cues").search(text, left, right):
        return True
    objectives = any(z.label == "MUC_TIEU" for z in enclosing(zones, pos))
    return not objectives and bool(cue_re("weak_baseline_cues").search(text, left, right))


def money_share(text: str, n: _Quantity, tail_stop: int, s: int) -> bool:
    """A share of money: "30% từ ngân sách tỉnh", or a clause that opens with money before the
    number ("trong đó ngân sách tỉnh 70%", "ngân sách cấp huyện bảo đảm 20%")."""
    if n.unit != "%":
        return False
    words = regex.sub(r"^\s*(?:các\s+)?", "", text[n.end : tail_stop])
    clause = text[max(text.rfind(",", s, n.start), text.rfind(";", s, n.start), s - 1) + 1 :
                  n.start]
    clause = regex.sub(r"^\s*(?:trong\s+đó|còn\s+lại)?\s*", "", clause, flags=regex.I)
    money = cue_re("money_context", at_start=True)
    return bool(money.match(words) or money.match(clause))


def is_budget(text: str, zones: list[Zone], sentence: tuple[int, int], n: _Quantity) -> bool:
    """Money the plan spends, not money it sets out to earn: an amount in VND or USD in a
    funding clause ("Tổng kinh phí … khoảng 450 tỷ đồng", "Ngân sách tỉnh bố trí 320 tỷ
    đồng") or a KINH_PHI section, unless the clause names revenue, income or output; and in
    a KINH_PHI section, a percentage too ("nâng lên mức tối thiểu 02% GDP" of spending)."""
    if n.unit not in ("VND", "USD", "%"):
        return False
    if any(z.label == "KINH_PHI" for z in enclosing(zones, n.start)):
        return True
    if n.unit == "%":
        return False
    left, _ = _clause(text, sentence[0], sentence[1], n.start)
    words = text[left : n.start]
    return bool(cue_re("budget_words").search(words)) and not cue_re("money_targets").search(words)


def not_a_target(text: str, zones: list[Zone], sentence: tuple[int, int], n: _Quantity,
                 tail_stop: int) -> bool:
    """One verdict for a number in its sentence: a baseline, a share of money or a budget."""
    return (is_baseline(text, zones, sentence, n.start)
            or money_share(text, n, tail_stop, sentence[0])
            or is_budget(text, zones, sentence, n))

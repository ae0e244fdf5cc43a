"""What each column of a table holds, read from its header where one is recognisable and from
its cells' content where not.

Headers wrap and split in narrow columns ("ST" / "T", "Cơ quan chủ" / "trì", a header over two
rows: "Cơ quan" above "Chủ trì | Phối hợp"), so header text is compared with the column
vocabulary of `data/table_columns.yaml` without diacritics or spaces. Content decides the rest:
a column of small numbers is the STT, a column whose cells name agencies holds leads (the first
such) or partners (the second), a column of completion times is the time, and the column with
the longest texts is the task.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

import regex

from extractors.fold import fold
from pipeline.yamldata import load_yaml

DATA = Path(__file__).parents[1] / "data" / "table_columns.yaml"
COLUMN_KINDS = ("stt", "task", "lead", "partner", "time", "other")

_PARTNER_CUE = regex.compile(r"phoi\s+hop")
_STT = regex.compile(r"^\s*(?:\d{1,3}|[IVXL]{1,5}|[a-zđ])\s*[.)]?\s*$")
_SQUEEZE = regex.compile(r"[\s\-–_/.,:()]+")
_AGENCY_SHARE = 0.5  # share of a column's filled cells that must name an agency
_TIME_SHARE = 0.5  # share that must read as completion times


def squeeze(text: str) -> str:
    """Folded text without spaces or punctuation: "ST T" and "STT", "Cơ quan chủ / trì" and
    "Cơ quan chủ trì" compare equal."""
    return _SQUEEZE.sub("", fold(text))


@lru_cache(maxsize=1)
def table_data() -> dict:
    """The column vocabulary and task lead-ins, loaded once."""
    return load_yaml(DATA.read_text(encoding="utf-8"))


def partners_from(text: str, start: int, end: int) -> int | None:
    """Where a lead cell or field goes on to name partners, if it does: a column or field of
    who carries a task out ("Đơn vị thực hiện") holds both roles, "Sở Tư pháp chủ trì, phối
    hợp với các sở, ban, ngành tỉnh", and the bodies after "phối hợp" partner the task."""
    m = _PARTNER_CUE.search(fold(text[start:end]))
    return start + m.start() if m else None


def skip_lead_in(text: str, start: int, end: int) -> int:
    """Skip a cited approval before the task ("Quyết định số … về việc phê duyệt chủ trương")."""
    folded = fold(text[start:end])
    for pat in table_data()["task_lead_in"]:
        m = regex.match(pat, folded)
        if m:
            return start + m.end()
    return start


@lru_cache(maxsize=1)
def _squeezed_vocabulary() -> list[tuple[str, str]]:
    data = table_data()
    pairs = [(squeeze(s), k) for k, syns in data.items() if k in COLUMN_KINDS for s in syns]
    return sorted(pairs, key=lambda p: len(p[0]), reverse=True)


def column_kind(text: str) -> str | None:
    """The column kind a header cell names ("Cơ quan chủ trì" → lead), None if none."""
    s = squeeze(text)
    if not s:
        return None
    for syn, kind in _squeezed_vocabulary():
        if s.startswith(syn):
            return kind
    return None


def is_stt(text: str) -> bool:
    """A row number: "1", "12.", "IV", "a)"."""
    return bool(_STT.match(text))


def content_kinds(columns: list[list[str]], names_agency: Callable[[str], bool],
                  reads_as_time: Callable[[str], bool]) -> dict[int, str]:
    """Column kinds from the cells under each column (body rows only, one list per column)."""
    kinds: dict[int, str] = {}
    filled = {i: [c for c in col if c.strip()] for i, col in enumerate(columns)}
    for i, cells in filled.items():
        if cells and sum(is_stt(c) for c in cells) >= 0.8 * len(cells):
            kinds[i] = "stt"
    agency_cols = [i for i, cells in filled.items() if i not in kinds and cells
                   and sum(names_agency(c) for c in cells) >= _AGENCY_SHARE * len(cells)]
    time_cols = [i for i, cells in filled.items() if i not in kinds and cells
                 and sum(reads_as_time(c) for c in cells) >= _TIME_SHARE * len(cells)]
    for i in time_cols:
        kinds[i] = "time"
    agency_cols = [i for i in agency_cols if i not in kinds]
    for i, kind in zip(agency_cols, ("lead", "partner"), strict=False):
        kinds[i] = kind
    rest = [i for i, cells in filled.items() if i not in kinds and cells]
    if rest:
        kinds[max(rest, key=lambda i: sum(len(c) for c in filled[i]) / len(filled[i]))] = "task"
    return kinds

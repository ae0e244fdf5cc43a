"""One-to-one matching of gold and predicted records within a document.

A prediction may overlap several gold records (a long evidence span, a restated target), so
pairs are chosen by a maximum matching: as many pairs as possible, then the best-scoring ones.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
from scipy.optimize import linear_sum_assignment

Pair = tuple[int, int]


def one_to_one(n_gold: int, n_pred: int, edges: dict[Pair, float]) -> list[Pair]:
    """Maximum-cardinality matching over `edges` (gold index, pred index) → score in [0, 1],
    preferring higher total score among matchings of that size; sorted by gold index."""
    if not edges:
        return []
    bonus = min(n_gold, n_pred) + 1.0  # any extra pair outweighs every score gain
    weight = np.zeros((n_gold, n_pred))
    for (g, p), score in edges.items():
        weight[g, p] = bonus + min(max(score, 0.0), 1.0)
    rows, cols = linear_sum_assignment(weight, maximize=True)
    return sorted((int(g), int(p)) for g, p in zip(rows, cols, strict=True)
                  if (int(g), int(p)) in edges)


def same(a, b) -> bool:
    """Field equality where None, NaN and pandas NA are all 'no value' and numbers compare
    within a small tolerance (30 == 30.0)."""
    a, b = blank(a), blank(b)
    if a is None or b is None:
        return a is None and b is None
    if isinstance(a, int | float) and isinstance(b, int | float):
        return math.isclose(float(a), float(b), rel_tol=1e-9, abs_tol=1e-9)
    return a == b


def blank(value):
    """None for missing values (None, NaN, pandas NA, empty string), else the value."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    return None if value is pd.NA or value is pd.NaT else value

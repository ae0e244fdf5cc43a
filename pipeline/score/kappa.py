"""Cohen's kappa on the labels two annotators (or gold and vnplan) gave the same item.

Raw agreement flatters a skewed label set (most targets are `%`, most roles `lead`); kappa
discounts the agreement expected by chance. Items are matched pairs: headings matched on
number and heading (their labels), targets matched on value and evidence (their codes),
assignments matched on agency and place whatever their role (their roles).
"""

from __future__ import annotations

import math
import warnings

from sklearn.metrics import cohen_kappa_score

KAPPA_ITEMS = {
    "label": "Section labels, on headings matched by number and heading",
    "code": "Target codes, on targets matched by value and evidence",
    "role": "Assignment roles, on records matched by agency and place (any role)",
}


def kappa(pairs: list[tuple]) -> dict:
    """Pairs compared, observed agreement and Cohen's kappa (None when undefined: no pairs, or
    both sides used a single label, where chance agreement is already 1)."""
    if not pairs:
        return {"n": 0, "agreement": None, "kappa": None}
    left = [str(a) for a, _ in pairs]
    right = [str(b) for _, b in pairs]
    observed = sum(a == b for a, b in zip(left, right, strict=True)) / len(pairs)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # undefined kappa: reported as None below
        value = float(cohen_kappa_score(left, right))
    return {"n": len(pairs), "agreement": round(observed, 4),
            "kappa": None if math.isnan(value) else round(value, 4)}


def kappa_tables(pairs_by_doc: dict[str, dict[str, list[tuple]]]) -> dict[str, dict]:
    """Per item kind: kappa per document, pooled over all pairs, and the mean of the
    documents' defined values."""
    tables = {}
    for name, title in KAPPA_ITEMS.items():
        per_doc = {doc: kappa(pairs[name]) for doc, pairs in pairs_by_doc.items()
                   if name in pairs}
        if not per_doc:
            continue
        pooled = kappa([pair for pairs in pairs_by_doc.values() for pair in pairs.get(name, [])])
        defined = [v["kappa"] for v in per_doc.values() if v["kappa"] is not None]
        tables[name] = {"title": title, "pooled": pooled, "documents": per_doc,
                        "mean": round(sum(defined) / len(defined), 4) if defined else None}
    return tables

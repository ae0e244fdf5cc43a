"""Section labels from heading titles, by the phrase lists of `section_labels.yaml`."""

from __future__ import annotations

import unicodedata
from functools import cache
from importlib import resources

import regex

from pipeline.yamldata import load_yaml


@cache
def data() -> dict:
    """The label data file, loaded once, with its regexes compiled."""
    raw = resources.files("pipeline.data").joinpath("section_labels.yaml")
    cfg = load_yaml(raw.read_text(encoding="utf-8"))
    for key in ("top", "own"):
        cfg[key] = [(r["label"], [regex.compile(p) for p in r["patterns"]]) for r in cfg[key]]
    return cfg


_ASIDE = regex.compile(r"\([^()]*\)")


def normalize_title(title: str) -> str:
    """Lower case, NFC, single spaces, asides in brackets dropped: what patterns are written for."""
    t = _ASIDE.sub(" ", unicodedata.normalize("NFC", title))
    return " ".join(t.lower().split())


def match_label(title: str, own: bool = False) -> str | None:
    """The first label whose pattern matches `title` (`own`: the stricter opening patterns)."""
    t = normalize_title(title)
    for label, pats in data()["own" if own else "top"]:
        if any(p.search(t) for p in pats):
            return label
    return None


def label_for(kind: str, title: str, depth: int, parent_label: str | None) -> str:
    """Label of a heading: fixed by its kind, its own title, or its parent's label."""
    cfg = data()
    if kind == "dieu":
        return match_label(title, own=True) or cfg["kind"]["dieu"]
    if kind in cfg["kind"]:
        return cfg["kind"][kind]
    if parent_label is None:
        return match_label(title) or cfg["default"]
    if parent_label in cfg["inherit_only"]:
        return parent_label
    return match_label(title, own=True) or parent_label

"""report.md: one table per metric (documents, then micro), then every listed error."""

from __future__ import annotations

from pipeline.score.summary import fmt

TEXT_LIMIT = 300


def cell(text: object, limit: int = TEXT_LIMIT) -> str:
    """A Markdown table cell: one line, pipes escaped, long evidence shortened."""
    text = " ".join(str("" if text is None else text).split())
    if len(text) > limit:
        text = text[:limit - 1] + "…"
    return text.replace("|", "\\|")


def metric_rows(table: dict) -> tuple[list[str], list[list[str]]]:
    """Header and rows (documents, then 'micro') of one metric table, as display strings."""
    rows = [*table["documents"].items(), ("micro", table["micro"])]
    if table["type"] == "prf":
        header = ["document", "TP", "FP", "FN", "P", "R", "F1"]
        body = [[doc, str(m["tp"]), str(m["fp"]), str(m["fn"]), fmt(m["precision"]),
                 fmt(m["recall"]), fmt(m["f1"])] for doc, m in rows]
    else:
        header = ["document", "correct", "total", "accuracy"]
        body = [[doc, str(m["correct"]), str(m["total"]), fmt(m["accuracy"])]
                for doc, m in rows]
    return header, body


def _table(header: list[str], body: list[list[str]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    return lines + ["| " + " | ".join(cell(value) for value in row) + " |" for row in body]


def _headline(report: dict) -> list[str]:
    rows = []
    for key, value in report["headline"].items():
        rows.append([key, fmt(value), fmt(report["headline_mean"].get(key))])
    return _table(["figure", "micro", "mean per document"], rows)


def _kappa(report: dict) -> list[str]:
    rows = [[item["title"], str(item["pooled"]["n"]), fmt(item["pooled"]["agreement"]),
             fmt(item["pooled"]["kappa"]), fmt(item["mean"])]
            for item in report["kappa"].values()]
    return _table(["items", "pairs", "observed agreement", "kappa (pooled)", "mean kappa"],
                  rows)


def _error_rows(errors: list[dict]) -> list[list[str]]:
    return [[e["doc_id"], e["error"] + (f" ({', '.join(e['fields'])})" if e["fields"] else ""),
             e["section"], e["text"], e["detail"]] for e in errors]


def render_markdown(report: dict) -> str:
    """The whole report as Markdown."""
    against = "annotator B" if report["mode"] == "agreement" else "predictions"
    lines = ["# vnplan score report", "",
             f"Gold `{report['gold']}`, {against} `{report['pred']}`, "
             f"{len(report['documents'])} documents: {', '.join(report['documents'])}.", ""]
    if report["documents_without_predictions"]:
        lines += ["No predictions for: " + ", ".join(report["documents_without_predictions"]),
                  ""]
    if report["unscored_predictions"]:
        lines += ["Without gold (not scored): " + ", ".join(report["unscored_predictions"]), ""]
    lines += ["## Headline", "", *_headline(report)]
    lines += ["", "## Agreement (Cohen's kappa)", "", *_kappa(report)]
    for name, table in report["metrics"].items():
        lines += ["", f"## {table['title']}", "", f"`{name}`", ""]
        lines += _table(*metric_rows(table))
    lines += ["", "## Gold evidence located in the predicted text", ""]
    located = report["evidence_located"]
    kinds = list(next(iter(located.values()), {}))
    lines += _table(["document", *kinds], [[doc, *map(str, counts.values())]
                                           for doc, counts in located.items()])
    lines += ["", "## Errors"]
    for table, errors in report["errors"].items():
        lines += ["", f"### {table} ({len(errors)})", ""]
        if errors:
            lines += _table(["document", "error", "section", "text", "detail"],
                            _error_rows(errors))
        else:
            lines.append("None.")
    return "\n".join(lines) + "\n"

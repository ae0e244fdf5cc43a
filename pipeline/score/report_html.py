"""report.html: the Markdown report's content as one self-contained page with a chart per
metric table, for reading in a browser without the repository."""

from __future__ import annotations

from html import escape

from pipeline.score.charts import chart_png
from pipeline.score.report_md import metric_rows
from pipeline.score.summary import fmt

STYLE = """body{font-family:sans-serif;margin:2em;max-width:80em}
table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #ccc;padding:2px 6px;
font-size:13px;vertical-align:top}th{background:#eee}td.n{text-align:right}
tr.micro td{font-weight:bold}td.t{max-width:40em}h2{margin-top:1.6em}"""


def _table(header: list[str], body: list[list[str]], numeric_from: int = 1) -> str:
    head = "".join(f"<th>{escape(h)}</th>" for h in header)
    rows = []
    for row in body:
        cls = ' class="micro"' if row[0] == "micro" else ""
        cells = "".join(f'<td class="{"n" if i >= numeric_from else "t"}">{escape(v)}</td>'
                        for i, v in enumerate(row))
        rows.append(f"<tr{cls}>{cells}</tr>")
    return f"<table><tr>{head}</tr>{''.join(rows)}</table>"


def _errors(report: dict) -> list[str]:
    parts = ["<h2>Errors</h2>"]
    for table, errors in report["errors"].items():
        parts.append(f"<h3>{escape(table)} ({len(errors)})</h3>")
        if not errors:
            parts.append("<p>None.</p>")
            continue
        body = [[e["doc_id"], e["error"], e["section"], e["text"], e["detail"]] for e in errors]
        parts.append(_table(["document", "error", "section", "text", "detail"], body,
                            numeric_from=99))
    return parts


def render_html(report: dict) -> str:
    """The whole report as one HTML page, charts embedded as base64 PNG."""
    parts = ["<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
             f"<title>vnplan score report</title><style>{STYLE}</style></head><body>",
             "<h1>vnplan score report</h1>",
             f"<p>Gold <code>{escape(report['gold'])}</code>, predictions "
             f"<code>{escape(report['pred'])}</code>, {len(report['documents'])} documents: "
             f"{escape(', '.join(report['documents']))}.</p>"]
    if report["documents_without_predictions"]:
        parts.append("<p>No predictions for: "
                     f"{escape(', '.join(report['documents_without_predictions']))}</p>")
    if report["unscored_predictions"]:
        parts.append("<p>Predicted but without gold (not scored): "
                     f"{escape(', '.join(report['unscored_predictions']))}</p>")
    parts.append("<h2>Headline</h2>")
    parts.append(_table(["figure", "value"],
                        [[k, fmt(v)] for k, v in report["headline"].items()]))
    for name, table in report["metrics"].items():
        parts.append(f"<h2>{escape(table['title'])}</h2><p><code>{escape(name)}</code></p>")
        parts.append(_table(*metric_rows(table)))
        parts.append(f'<img alt="{escape(name)} per document" '
                     f'src="data:image/png;base64,{chart_png(table)}">')
    located = report["evidence_located"]
    parts.append("<h2>Gold evidence located in the predicted cleaned text</h2>")
    parts.append(_table(["document", *next(iter(located.values()), {})],
                        [[doc, *map(str, counts.values())] for doc, counts in located.items()]))
    parts += _errors(report)
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"

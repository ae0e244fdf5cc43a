"""index.html: the whole report in one self-contained page (styles, script, charts and data
inline; no server, no network): headline, figures per document, agreement, every metric with
its chart, and the error browser (assets/browser.js)."""

from __future__ import annotations

import json
from html import escape
from importlib.resources import files

from pipeline.score.charts import chart_png
from pipeline.score.report_md import metric_rows
from pipeline.score.score import HEADLINE
from pipeline.score.summary import fmt

ASSETS = files("pipeline.score") / "assets"
HEADLINE_TITLES = {
    "targets_strict_f1": "Targets, strict F1", "targets_lenient_f1": "Targets, lenient F1",
    "target_code_accuracy": "Target code", "target_comparator_accuracy": "Target comparator",
    "target_kind_accuracy": "Target kind", "target_year_accuracy": "Target year",
    "assignments_f1": "Assignment records F1", "agency_set_f1": "(Agency, role) F1",
    "deadline_accuracy": "Deadline (due_end)", "sections_f1": "Sections F1",
    "section_label_accuracy": "Section label",
}
GROUP_BY = (("table", "table"), ("doc_id", "document"), ("error", "error kind"),
            ("method", "extraction method"), ("label", "section label"), ("page", "page"),
            ("section", "section"), ("none", "no grouping"))


def _table(header: list[str], body: list[list[str]], text_columns: tuple[int, ...] = (0,)
           ) -> str:
    head = "".join(f"<th>{escape(h)}</th>" for h in header)
    rows = []
    for row in body:
        cls = ' class="micro"' if row and row[0] == "micro" else ""
        cells = "".join(f'<td class="{"t" if i in text_columns else "n"}">{escape(v)}</td>'
                        for i, v in enumerate(row))
        rows.append(f"<tr{cls}>{cells}</tr>")
    return f"<table><tr>{head}</tr>{''.join(rows)}</table>"


def _counts(table: dict, doc: str | None = None) -> str:
    m = table["micro"] if doc is None else table["documents"][doc]
    if table["type"] == "prf":
        return f"TP {m['tp']} · FP {m['fp']} · FN {m['fn']}"
    return f"{m['correct']} / {m['total']}"


def _headline(report: dict) -> str:
    body = []
    for key, value in report["headline"].items():
        name = HEADLINE[key][0]
        table = report["metrics"][name]
        body.append([HEADLINE_TITLES[key], fmt(value), _counts(table),
                     fmt(report["headline_mean"].get(key)), str(len(table["documents"])),
                     table["title"]])
    return _table(["figure", "micro", "counts", "mean per document", "documents",
                   "what is compared"], body, text_columns=(0, 5))


def _shade(value: float | None) -> str:
    if value is None:
        return ""
    return f' style="background:hsl({round(120 * value)},55%,85%)"'


def _per_document(report: dict) -> str:
    keys = [k for k in HEADLINE_TITLES if k in report["headline"]]
    head = "".join(f"<th>{escape(HEADLINE_TITLES[k])}</th>" for k in keys)
    rows = []
    for doc in report["documents"]:
        cells = []
        for key in keys:
            name, field = HEADLINE[key]
            table = report["metrics"][name]
            if doc not in table["documents"]:
                cells.append('<td class="v">–</td>')
                continue
            value = table["documents"][doc][field]
            cells.append(f'<td class="v"{_shade(value)} title="{escape(_counts(table, doc))}">'
                         f"{fmt(value)}</td>")
        rows.append(f"<tr><td>{escape(doc)}</td>{''.join(cells)}</tr>")
    return f"<table><tr><th>document</th>{head}</tr>{''.join(rows)}</table>"


def _kappa(report: dict) -> str:
    if not report["kappa"]:
        return "<p>No matched pairs to compare.</p>"
    body = []
    for item in report["kappa"].values():
        pooled = item["pooled"]
        body.append([item["title"], str(pooled["n"]), fmt(pooled["agreement"]),
                     fmt(pooled["kappa"]), fmt(item["mean"])])
        for doc, one in item["documents"].items():
            body.append([f"  {doc}", str(one["n"]), fmt(one["agreement"]), fmt(one["kappa"]),
                         ""])
    return _table(["items compared", "pairs", "observed agreement", "Cohen's kappa (pooled)",
                   "mean per document"], body) + (
        "<p>Kappa is undefined (–) where both sides used one label only.</p>")


def _toc(report: dict) -> str:
    metrics = "".join(f'<li><a href="#m-{escape(n)}">{escape(n)}</a></li>'
                      for n in report["metrics"])
    errors = "".join(f'<li><a href="#errors-{escape(t)}">{escape(t)}: {len(e)}</a></li>'
                     for t, e in report["errors"].items())
    return ('<nav id="toc"><b>Contents</b><ul><li><a href="#headline">Headline</a></li>'
            '<li><a href="#documents">Per document</a></li>'
            '<li><a href="#agreement">Agreement (kappa)</a></li>'
            f'<li><a href="#metrics">Metrics</a><ul>{metrics}</ul></li>'
            '<li><a href="#located">Gold evidence located</a></li>'
            f'<li><a href="#errors">Errors</a><ul>{errors}</ul></li></ul></nav>')


def _names(report: dict) -> dict[str, str]:
    if report["mode"] == "agreement":
        return {"gold": "A", "pred": "B"}
    return {"gold": "gold", "pred": "predicted"}


def _controls() -> str:
    selects = "".join(
        f'<label>{label}<select id="f-{key}"><option value="">all</option></select></label>'
        for key, label in (("doc", "document"), ("table", "table"), ("kind", "error kind"),
                           ("field", "field")))
    groups = "".join(f'<option value="{k}">{escape(v)}</option>' for k, v in GROUP_BY)
    return (f'<div class="controls">{selects}<label>text<input id="f-text" type="search" '
            f'placeholder="evidence, detail, section"></label><label>group by<select '
            f'id="f-group">{groups}</select></label><span id="shown"></span></div>')


def _errors(report: dict) -> str:
    names = _names(report)
    entries = [e for errors in report["errors"].values() for e in errors]
    payload = json.dumps({"names": names, "entries": entries}, ensure_ascii=False)
    payload = payload.replace("</", "<\\/")
    legend = (f'<p class="legend">In the context: <mark class="g">{names["gold"]} span</mark> '
              f'<mark class="p">{names["pred"]} span</mark> <mark class="gp">both</mark>. '
              "A near miss is a gold and a predicted record at the same place that differ in "
              "the highlighted fields; it counts as one FN and one FP.</p>")
    return (f'<h2 id="errors">Errors</h2>{legend}{_controls()}<div id="error-list"></div>'
            f'<noscript><p>The error browser needs JavaScript; report.md lists every error.'
            f'</p></noscript><script id="errors-data" type="application/json">{payload}'
            f'</script><script>{(ASSETS / "browser.js").read_text(encoding="utf-8")}</script>')


def _intro(report: dict) -> list[str]:
    if report["mode"] == "agreement":
        title = "vnplan agreement report"
        what = (f"Annotator A <code>{escape(report['gold'])}</code> against annotator B "
                f"<code>{escape(report['pred'])}</code>")
    else:
        title = "vnplan score report"
        what = (f"Gold <code>{escape(report['gold'])}</code>, predictions "
                f"<code>{escape(report['pred'])}</code>")
    parts = [f"<h1>{title}</h1>", f"<p>{what}, {len(report['documents'])} documents: "
             f"{escape(', '.join(report['documents']))}.</p>"]
    if report["documents_without_predictions"]:
        parts.append("<p>No predictions for: "
                     f"{escape(', '.join(report['documents_without_predictions']))}</p>")
    if report["unscored_predictions"]:
        parts.append("<p>Without gold (not scored): "
                     f"{escape(', '.join(report['unscored_predictions']))}</p>")
    return parts


def render_html(report: dict) -> str:
    """The whole report as one HTML page."""
    title = "vnplan agreement report" if report["mode"] == "agreement" else "vnplan score report"
    parts = ["<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
             f"<title>{title}</title><style>{(ASSETS / 'report.css').read_text('utf-8')}"
             "</style></head><body>", _toc(report), "<main>", *_intro(report),
             '<h2 id="headline">Headline</h2>', _headline(report),
             '<h2 id="documents">Per document</h2>', _per_document(report),
             '<h2 id="agreement">Agreement (Cohen\'s kappa)</h2>', _kappa(report),
             '<h2 id="metrics">Metrics</h2>']
    for name, table in report["metrics"].items():
        parts.append(f'<h3 id="m-{escape(name)}">{escape(table["title"])}</h3>')
        parts.append(_table(*metric_rows(table)))
        parts.append(f'<img alt="{escape(name)} per document" '
                     f'src="data:image/png;base64,{chart_png(table)}">')
    located = report["evidence_located"]
    parts.append('<h2 id="located">Gold evidence located in the predicted text</h2>')
    parts.append(_table(["document", *next(iter(located.values()), {})],
                        [[doc, *map(str, counts.values())] for doc, counts in located.items()]))
    parts += [_errors(report), "</main></body></html>"]
    return "\n".join(parts) + "\n"

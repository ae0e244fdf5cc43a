"""The compact plain-text summary `vnplan score` prints when no --report folder is given."""

from __future__ import annotations


def fmt(value: float | None) -> str:
    """A rate as '0.853', or '-' when there is none."""
    return "-" if value is None else f"{value:.3f}"


def _acc(metrics: dict, name: str, title: str) -> str | None:
    if name not in metrics:
        return None
    m = metrics[name]["micro"]
    return f"{title} {m['correct']}/{m['total']} = {fmt(m['accuracy'])}"


def _f1(metrics: dict, name: str, title: str) -> str | None:
    if name not in metrics:
        return None
    return f"{title} F1 {fmt(metrics[name]['micro']['f1'])}"


def headline_lines(report: dict) -> list[str]:
    """Every headline figure with its counts, one line per table, then the mean per document
    and, where pairs were compared, Cohen's kappa ("-" where no gold annotates a table)."""
    m = report["metrics"]
    groups = [
        ("targets", [_f1(m, "targets_strict", "strict"), _f1(m, "targets_lenient", "lenient"),
                     _acc(m, "target_code", "code"), _acc(m, "target_comparator", "comparator"),
                     _acc(m, "target_kind", "kind"), _acc(m, "target_year", "year")]),
        ("assignments", [_f1(m, "assignments", "records"),
                         _f1(m, "agency_set", "agency-role set"),
                         _acc(m, "deadline_due_end", "deadline (due_end)")]),
        ("sections", [_f1(m, "sections", "headings"), _acc(m, "section_label", "label")]),
    ]
    lines = [f"{name}: " + " | ".join(p for p in parts if p) for name, parts in groups
             if any(parts)]
    means = report.get("headline_mean", {})
    shown = [(k, t) for k, t in (("targets_strict_f1", "targets strict F1"),
                                 ("assignments_f1", "records F1"),
                                 ("agency_set_f1", "agency-role F1"),
                                 ("sections_f1", "sections F1")) if k in means]
    if shown:
        lines.append("mean per document: " + ", ".join(f"{t} {fmt(means[k])}"
                                                       for k, t in shown))
    kappa = report.get("kappa", {})
    if kappa:
        lines.append("Cohen's kappa: " + ", ".join(
            f"{name}s {fmt(item['pooled']['kappa'])} (n={item['pooled']['n']})"
            for name, item in kappa.items()))
    if report.get("mode") == "agreement":
        lines.insert(0, f"agreement of {report['gold']} (A) and {report['pred']} (B)")
    return lines or ["nothing scored"]


def summary_text(report: dict) -> str:
    """Micro-averaged figures of every metric, one line each, then the headline."""
    lines = [f"gold {report['gold']} vs pred {report['pred']}: "
             f"{len(report['documents'])} documents"]
    if report["documents_without_predictions"]:
        lines.append("no predictions for: " + ", ".join(report["documents_without_predictions"]))
    lines.append(f"{'metric (micro)':<22}{'TP':>6}{'FP':>6}{'FN':>6}{'P':>8}{'R':>8}{'F1':>8}")
    accuracy = []
    for name, table in report["metrics"].items():
        m = table["micro"]
        if table["type"] == "prf":
            lines.append(f"{name:<22}{m['tp']:>6}{m['fp']:>6}{m['fn']:>6}"
                         f"{fmt(m['precision']):>8}{fmt(m['recall']):>8}{fmt(m['f1']):>8}")
        else:
            accuracy.append(f"{name:<22}{m['correct']:>8}{m['total']:>8}"
                            f"{fmt(m['accuracy']):>10}")
    lines.append(f"{'accuracy (micro)':<22}{'correct':>8}{'total':>8}{'accuracy':>10}")
    lines += accuracy
    lines += headline_lines(report)
    return "\n".join(lines)

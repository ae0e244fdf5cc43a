"""The compact plain-text summary `vnplan score` prints when no --report folder is given."""

from __future__ import annotations


def fmt(value: float | None) -> str:
    """A rate as '0.853', or '-' when there is none."""
    return "-" if value is None else f"{value:.3f}"


def headline_lines(report: dict) -> list[str]:
    """The four figures the project tracks, one line ("-" for a table no gold annotates)."""
    h = report["headline"]
    return [f"targets strict F1 {fmt(h.get('targets_strict_f1'))} | agency-role set F1 "
            f"{fmt(h.get('agency_set_f1'))} | section label accuracy "
            f"{fmt(h.get('section_label_accuracy'))} | deadline accuracy "
            f"{fmt(h.get('deadline_accuracy'))}"]


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

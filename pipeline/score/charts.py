"""Bar charts of a metric table (P/R/F1 or accuracy per document) as base64 PNG for report.html.

Agg backend, fixed size and no timestamp metadata, so the same report gives the same bytes.
"""

from __future__ import annotations

import base64
import io

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402  (the backend must be chosen first)

COLOURS = {"precision": "#4c72b0", "recall": "#dd8452", "f1": "#55a868", "accuracy": "#8172b3"}


def chart_png(table: dict) -> str:
    """Base64 PNG of one metric table: grouped bars per document and for the micro average."""
    docs = [*table["documents"], "micro"]
    values = [*table["documents"].values(), table["micro"]]
    keys = ["precision", "recall", "f1"] if table["type"] == "prf" else ["accuracy"]
    width = 0.8 / len(keys)
    fig, ax = plt.subplots(figsize=(max(4.0, 1.3 * len(docs)), 2.8), dpi=80)
    try:
        for k, key in enumerate(keys):
            heights = [v[key] if v[key] is not None else 0.0 for v in values]
            positions = [i + (k - (len(keys) - 1) / 2) * width for i in range(len(docs))]
            ax.bar(positions, heights, width, label=key, color=COLOURS[key])
        ax.set_xticks(range(len(docs)), [d.split("-")[0] + "\n" + "-".join(d.split("-")[1:])
                                         for d in docs], fontsize=7)
        ax.set_ylim(0, 1.05)
        ax.tick_params(axis="y", labelsize=7)
        ax.legend(fontsize=7, loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False)
        fig.tight_layout()
        buffer = io.BytesIO()
        fig.savefig(buffer, format="png", metadata={"Software": None})
    finally:
        plt.close(fig)
    return base64.b64encode(buffer.getvalue()).decode("ascii")

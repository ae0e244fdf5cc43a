"""Rendered, degraded and OCR'd pages of the clean seeds for the clean-stage benchmark.

Each seed is wrapped into 40-line A4 pages in Liberation Serif 13 pt, rendered at a level's
resolution, degraded (blur; skew, blur, salt-and-pepper and JPEG for the noisy level) and read
by plain Tesseract (`ocr_page`) or by the pipeline's own OCR (`pipeline_ocr_page`). OCR output
is cached under `bench_out/` (ignored by git).
"""

from __future__ import annotations

import io
import os
import random
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.synth import draw_page, wrap_lines  # noqa: E402

RAW = ROOT / "corpora" / "raw"
OUT = ROOT / "bench_out"
FONT = "/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf"


def source_lines(doc_id: str) -> list[str]:
    """The seed as plain lines to render: markdown bold and tabs removed, long lines wrapped."""
    from PIL import ImageFont

    font = ImageFont.truetype(FONT, _px(13, 300))
    width = _px_in(6.3, 300)  # 210 mm page minus 2 x 25 mm margins ~ 6.3 in
    text = (RAW / f"{doc_id}.txt").read_text(encoding="utf-8").replace("**", "")
    return wrap_lines(text, font, width)


def _px(points: float, dpi: int) -> int:
    return round(points / 72 * dpi)


def _px_in(inches: float, dpi: int) -> int:
    return round(inches * dpi)


def pages(doc_id: str, lines_per_page: int = 40) -> list[list[str]]:
    """Lines split into pages (40 lines each, as the renderer lays them out)."""
    lines = source_lines(doc_id)
    return [lines[i:i + lines_per_page] for i in range(0, len(lines), lines_per_page)]


def render(lines: list[str], dpi: int):
    """A4 page image of `lines` in Liberation Serif 13 pt at `dpi`."""
    from PIL import ImageFont

    font = ImageFont.truetype(FONT, _px(13, dpi))
    return draw_page(lines, font, (_px_in(8.27, dpi), _px_in(11.69, dpi)), _px_in(1.0, dpi),
                     round(_px(13, dpi) * 1.35))


def degrade(img, level: str, seed: int):
    """Apply the degradation named by `level` (blur, noise, skew, JPEG, low resolution)."""
    from PIL import Image, ImageFilter

    rng = random.Random(seed)
    if level == "150dpi-blur":
        img = img.filter(ImageFilter.GaussianBlur(1.0))
    if level == "150dpi-noisy":
        img = img.rotate(rng.uniform(-1.2, 1.2), fillcolor=255, resample=Image.BILINEAR)
        img = img.filter(ImageFilter.GaussianBlur(0.7))
        px = img.load()
        w, h = img.size
        for _ in range(w * h // 60):
            x, y = rng.randrange(w), rng.randrange(h)
            px[x, y] = 0 if rng.random() < 0.5 else 255
        buf = io.BytesIO()
        img.save(buf, "JPEG", quality=25)
        img = Image.open(io.BytesIO(buf.getvalue())).convert("L")
    return img


def level_dpi(level: str) -> int:
    """Rendering resolution of a degradation level."""
    return int(level.split("dpi")[0])


def ocr_page(doc_id: str, page_no: int, level: str, lines: list[str]) -> str:
    """Tesseract output for one rendered, degraded page (cached in bench_out/ocr)."""
    cache = OUT / "ocr" / f"{doc_id}.p{page_no}.{level}.txt"
    if cache.exists():
        return cache.read_text(encoding="utf-8")
    cache.parent.mkdir(parents=True, exist_ok=True)
    img = degrade(render(lines, level_dpi(level)), level, seed=page_no * 7 + len(level))
    png = cache.with_suffix(".png")
    img.save(png)
    env = dict(os.environ, OMP_THREAD_LIMIT="1")
    res = subprocess.run(["tesseract", str(png), "-", "-l", "vie", "--dpi",
                          str(level_dpi(level))], capture_output=True, env=env, check=True)
    text = res.stdout.decode("utf-8")
    cache.write_text(text, encoding="utf-8")
    png.unlink()
    return text


def pipeline_ocr_page(doc_id: str, page_no: int, level: str, lines: list[str]) -> str:
    """The same page read by the pipeline's own OCR (`pipeline.ingest.ocr.ocr_image`, which
    despeckles a speckled page first), cached in bench_out/ocr-pipeline."""
    cache = OUT / "ocr-pipeline" / f"{doc_id}.p{page_no}.{level}.txt"
    if cache.exists():
        return cache.read_text(encoding="utf-8")
    from pipeline.ingest.ocr import ocr_image

    cache.parent.mkdir(parents=True, exist_ok=True)
    img = degrade(render(lines, level_dpi(level)), level, seed=page_no * 7 + len(level))
    img.info["dpi"] = (level_dpi(level), level_dpi(level))  # as a scanner tags its files
    text = ocr_image(img, f"{doc_id} page {page_no}")
    cache.write_text(text, encoding="utf-8")
    return text

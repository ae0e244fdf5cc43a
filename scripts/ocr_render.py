"""Render general Vietnamese text to degraded page images and OCR them with Tesseract: the
training pairs of the learned OCR channel (`scripts/train_channel.py`).

Kept apart from the benchmark on purpose: the text is the VLSP 2013 POS test set shipped with
underthesea (no seed, no gold text), and the fonts, sizes and degradations differ from the five
levels `scripts/bench_clean.py` evaluates (Liberation Serif 13 pt at 300/150/100/72 dpi), so
the channel is never fitted to what it is scored on.
"""

from __future__ import annotations

import io
import os
import random
import subprocess
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import regex

from pipeline.synth import draw_page, wrap_lines

ROOT = Path(__file__).resolve().parents[1]
CACHE = ROOT / "bench_out" / "channel"
FONTS = {
    "dejavu": "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf",
    "liberation": "/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf",
}
LINES_PER_PAGE = 36


@dataclass(frozen=True)
class Config:
    """One rendering + degradation setting."""

    name: str
    font: str
    points: float
    dpi: int
    blur: float = 0.0
    noise: int = 0  # one flipped pixel per `noise` pixels (0: none)
    jpeg: int = 0  # JPEG quality (0: none)
    skew: float = 0.0  # max rotation in degrees


# disjoint from the bench levels: other fonts, sizes, resolutions and noise parameters
CONFIGS = (
    Config("dejavu12-110", "dejavu", 12, 110),
    Config("lib12-85", "liberation", 12, 85),
    Config("dejavu13-200-blur", "dejavu", 13, 200, blur=1.4),
    Config("lib14-140-noisy", "liberation", 14, 140, blur=0.8, noise=50, jpeg=30, skew=1.5),
    Config("dejavu12-130-noisy", "dejavu", 12, 130, blur=0.6, noise=70, jpeg=35, skew=1.0),
    Config("lib12-250", "liberation", 12, 250),
)

_SPACE_BEFORE = regex.compile(r" ([,.;:)?!%])")
_SPACE_AFTER = regex.compile(r"([(]) ")


def detokenize(sentence: str) -> str:
    """VLSP tokens joined by spaces, re-spaced as printed text ("a , b" -> "a, b")."""
    return _SPACE_AFTER.sub(r"\1", _SPACE_BEFORE.sub(r"\1", sentence.replace("_", " ")))


def wrap(text: str, cfg: Config) -> list[str]:
    """Lines of `text` that fit a 6.3 in text column in the config's font."""
    from PIL import ImageFont

    font = ImageFont.truetype(FONTS[cfg.font], round(cfg.points / 72 * 300))
    return wrap_lines(text, font, round(6.3 * 300))


def render(lines: list[str], cfg: Config, seed: int):
    """A degraded A4 page image of `lines`."""
    from PIL import Image, ImageFilter, ImageFont

    dpi = cfg.dpi
    font = ImageFont.truetype(FONTS[cfg.font], round(cfg.points / 72 * dpi))
    img = draw_page(lines, font, (round(8.27 * dpi), round(11.69 * dpi)), round(dpi),
                    round(cfg.points / 72 * dpi * 1.35))
    rng = random.Random(seed)
    if cfg.skew:
        img = img.rotate(rng.uniform(-cfg.skew, cfg.skew), fillcolor=255,
                         resample=Image.BILINEAR)
    if cfg.blur:
        img = img.filter(ImageFilter.GaussianBlur(cfg.blur))
    if cfg.noise:
        px = img.load()
        w, h = img.size
        for _ in range(w * h // cfg.noise):
            px[rng.randrange(w), rng.randrange(h)] = 0 if rng.random() < 0.5 else 255
    if cfg.jpeg:
        buf = io.BytesIO()
        img.save(buf, "JPEG", quality=cfg.jpeg)
        img = Image.open(io.BytesIO(buf.getvalue())).convert("L")
    return img


def ocr(lines: list[str], cfg: Config, page_no: int) -> str:
    """Tesseract output for one page (cached under bench_out/channel/)."""
    cache = CACHE / f"p{page_no:03d}.{cfg.name}.txt"
    if cache.exists():
        return cache.read_text(encoding="utf-8")
    cache.parent.mkdir(parents=True, exist_ok=True)
    png = cache.with_suffix(".png")
    render(lines, cfg, seed=1000 + page_no).save(png)
    env = dict(os.environ, OMP_THREAD_LIMIT="1")
    res = subprocess.run(["tesseract", str(png), "-", "-l", "vie", "--dpi", str(cfg.dpi)],
                         capture_output=True, env=env, check=True)
    png.unlink()
    text = res.stdout.decode("utf-8")
    cache.write_text(text, encoding="utf-8")
    return text


def labelled_pairs(text: str, max_pages: int,
                   workers: int = 2) -> list[tuple[Config, str, str]]:
    """(config, rendered text, OCR text) for up to `max_pages` pages under every config."""
    jobs = []
    for cfg in CONFIGS:
        lines = wrap(text, cfg)
        for n, i in enumerate(range(0, len(lines), LINES_PER_PAGE)):
            if n < max_pages:
                jobs.append((lines[i:i + LINES_PER_PAGE], cfg, n))
    with ThreadPoolExecutor(workers) as pool:
        outs = list(pool.map(lambda j: ocr(*j), jobs))
    return [(j[1], "\n".join(j[0]), o) for j, o in zip(jobs, outs, strict=True)]

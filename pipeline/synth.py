"""Synthetic page images: text wrapped and drawn the way a printed plan looks.

Shared by the tests (scanned inputs), the clean benchmark (synthetic Tesseract pairs) and the
channel training (`scripts/ocr_render.py`), so all three render pages the same way; each keeps
its own page size, font and degradation.
"""

from __future__ import annotations

from PIL import Image, ImageDraw, ImageFont


def wrap_lines(text: str, font: ImageFont.FreeTypeFont, width: int) -> list[str]:
    """Lines of `text` no wider than `width` pixels in `font`; a paragraph starts a line."""
    lines: list[str] = []
    for para in text.splitlines():
        line = ""
        for word in para.split():
            trial = f"{line} {word}".strip()
            if line and font.getlength(trial) > width:
                lines.append(line)
                line = word
            else:
                line = trial
        if line:
            lines.append(line)
    return lines


def draw_page(lines: list[str], font: ImageFont.FreeTypeFont, size: tuple[int, int],
              margin: int, step: int) -> Image.Image:
    """A white grayscale page of `size` pixels with `lines` drawn `step` pixels apart."""
    image = Image.new("L", size, 255)
    draw = ImageDraw.Draw(image)
    for i, line in enumerate(lines):
        draw.text((margin, margin + i * step), line, font=font, fill=0)
    return image

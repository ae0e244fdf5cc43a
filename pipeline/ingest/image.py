"""Scanned page images (PNG, JPEG, TIFF including multi-page) read by OCR."""

from __future__ import annotations

import io
import warnings
from pathlib import Path

from PIL import Image, ImageSequence, UnidentifiedImageError

from pipeline.errors import CorruptFileError, ImageTooLargeError
from pipeline.ingest.extracted import Extracted
from pipeline.ingest.ocr import MAX_PIXELS, check_image_size, ocr_page


def read_image(path: Path, data: bytes) -> Extracted:
    """One OCR'd page per image frame."""
    source = str(path)
    Image.MAX_IMAGE_PIXELS = MAX_PIXELS
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data))
            check_image_size(image, source)
            pages = []
            for frame in ImageSequence.Iterator(image):
                check_image_size(frame, source)
                pages.append(ocr_page(frame.copy(), source))
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise ImageTooLargeError(source, f"decompression bomb guard: {exc}") from exc
    except UnidentifiedImageError as exc:
        raise CorruptFileError(source, "not a readable image file") from exc
    except OSError as exc:
        raise CorruptFileError(source, f"the image is damaged or truncated: {exc}") from exc
    return Extracted(pages, "ocr")

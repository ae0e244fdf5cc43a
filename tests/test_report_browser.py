"""The score report on plans vnplan was not tuned on (the development set): every error has
its context, and the error browser works in a real browser (headless Chromium)."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import pytest
from browser import chromium
from PIL import Image

from pipeline.cli import main
from pipeline.refresh import run_refresh

PLANS = ("dongthap-2025-kh597", "hanoi-2025-kh310")  # development-set plans with their gold


@pytest.fixture(scope="module")
def report_dir(tmp_path_factory) -> Path:
    """Two development-set plans processed, scored against their independent gold."""
    root = tmp_path_factory.mktemp("devset_report")
    run_refresh([f"corpora/raw/{plan}.txt" for plan in PLANS], str(root / "out"), mode="replace")
    (root / "gold").mkdir()
    for plan in PLANS:
        shutil.copy(f"gold/{plan}.json", root / "gold")
    assert main(["score", "--gold", str(root / "gold"), "--pred", str(root / "out"),
                 "--corpus", "corpora/raw", "--report", str(root / "report")]) == 0
    return root / "report"


def test_every_error_is_shown_in_its_context(report_dir):
    report = json.loads((report_dir / "report.json").read_text("utf-8"))
    entries = [e for errors in report["errors"].values() for e in errors]
    assert len(entries) > 10  # plans we were not tuned to: there is plenty to look at
    for entry in entries:
        marked = "".join(text for text, marks in entry["context"]["segments"] if marks)
        assert marked.strip(), entry
        if entry["table"] in ("targets", "assignments"):  # their rows carry a method
            assert entry["cause"]["method"] == (entry["pred"][0]["method"] if entry["pred"]
                                                else "not predicted"), entry
    for entry in entries:  # both sides where both exist (how many depends on the extractors)
        assert bool(entry["gold"]) == (entry["error"] != "FP"), entry
        assert bool(entry["pred"]) == (entry["error"] != "FN"), entry
        assert bool(entry["fields"]) == (entry["error"] not in ("FN", "FP")), entry


@pytest.fixture(scope="module")
def browser():
    driver = chromium()
    try:
        yield driver
    finally:
        driver.quit()


def _shown(driver) -> tuple[int, int]:
    shown, total = driver.find_element("id", "shown").text.split(" errors shown")[0].split(" of ")
    return int(shown), int(total)


def test_error_browser_filters_groups_and_renders(report_dir, browser):
    from selenium.webdriver.support.ui import Select

    report = json.loads((report_dir / "report.json").read_text("utf-8"))
    counts = {table: len(errors) for table, errors in report["errors"].items()}
    browser.get((report_dir / "index.html").resolve().as_uri())
    assert _shown(browser) == (sum(counts.values()), sum(counts.values()))
    assert len(browser.find_elements("css selector", ".entry")) == sum(counts.values())
    assert browser.find_elements("css selector", ".entry mark")  # spans highlighted
    Select(browser.find_element("id", "f-table")).select_by_value("sections")
    assert _shown(browser)[0] == counts["sections"]
    metas = [e.text for e in browser.find_elements("css selector", ".entry .meta")]
    assert len(metas) == counts["sections"] and all(m.startswith("sections") for m in metas)
    Select(browser.find_element("id", "f-group")).select_by_value("label")
    headers = [h.text for h in browser.find_elements("css selector", ".group > h3")]
    assert headers and all(h.startswith("section label: ") for h in headers)
    browser.get((report_dir / "index.html").resolve().as_uri() + "#errors-targets")
    assert _shown(browser)[0] == counts["targets"]
    image = Image.open(io.BytesIO(browser.get_screenshot_as_png())).convert("L")
    low, high = image.getextrema()
    assert high - low > 100 and len(image.getcolors(1 << 16)) > 20  # not a blank page

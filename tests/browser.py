"""Headless Chromium through its WebDriver (Debian packages chromium and chromium-driver), for
the tests that check pages in a real browser."""

from __future__ import annotations

from pathlib import Path

CHROMIUM, CHROMEDRIVER = Path("/usr/bin/chromium"), Path("/usr/bin/chromedriver")


def chromium(width: int = 1300, height: int = 1500):
    """A headless Chromium session; the caller quits it."""
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service

    assert CHROMIUM.exists() and CHROMEDRIVER.exists(), \
        "headless Chromium is missing: run `make setup` (scripts/install_system_deps.sh)"
    options = Options()
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu",
                     f"--window-size={width},{height}"):
        options.add_argument(argument)
    options.binary_location = str(CHROMIUM)
    return webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)

#!/usr/bin/env bash
# OCR needs Tesseract with the Vietnamese model; tests render pages with a Vietnamese-capable
# font and check the score report in headless Chromium (with its WebDriver). Install the Debian
# packages when they are missing and we are root; otherwise say how.
set -u
packages="tesseract-ocr tesseract-ocr-vie poppler-utils fonts-liberation2 hunspell-vi chromium chromium-driver"
missing=""
command -v tesseract >/dev/null 2>&1 || missing="yes"
tesseract --list-langs 2>/dev/null | grep -qx vie || missing="yes"
[ -d /usr/share/fonts/truetype/liberation2 ] || missing="yes"
[ -f /usr/share/hunspell/vi_VN.dic ] || missing="yes"
command -v chromium >/dev/null 2>&1 || missing="yes"
command -v chromedriver >/dev/null 2>&1 || missing="yes"
if [ -z "$missing" ]; then
  exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "vnplan setup: installing $packages"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null && apt-get install -y -qq $packages >/dev/null \
    || echo "vnplan setup: WARNING: apt-get failed; OCR of scans and the report's browser test are off"
else
  echo "vnplan setup: WARNING: OCR (Tesseract with Vietnamese) or Chromium is missing. Install with:"
  echo "  sudo apt-get install -y $packages"
fi
exit 0

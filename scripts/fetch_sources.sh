#!/usr/bin/env bash
# Language sources that scripts/build_resources.py reads and no Python or Debian package ships:
# the definitions and usage examples of a Vietnamese dictionary (npm package @vntk/dictionary,
# MIT licence; about 820K words of running Vietnamese). Fetched once at setup from the npm
# registry, pinned by version and checksum, into .venv/share/vnplan/ (outside git: only the
# counts built from it are committed). The pipeline itself never needs it at run time.
set -u
dest="${1:-.venv/share/vnplan}"
name="@vntk/dictionary"
version="1.0.0"
sha256="fb41663096d6a24de8854567e5a4c5aded5bf39ce7bc2172d3cd0211c360c763"
target="$dest/vntk-dictionary.json"

if [ -f "$target" ] && echo "$sha256  $target" | sha256sum --check --status; then
  exit 0
fi
if ! command -v npm >/dev/null 2>&1; then
  echo "vnplan setup: WARNING: npm is missing, so $name is not fetched; the committed resources"
  echo "  still work, but scripts/build_resources.py cannot rebuild them exactly"
  exit 0
fi
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
if ! (cd "$tmp" && npm pack --silent "$name@$version" >/dev/null 2>&1); then
  echo "vnplan setup: WARNING: could not fetch $name@$version from the npm registry"
  exit 0
fi
tar -xzf "$tmp"/*.tgz -C "$tmp" package/data/dictionary.json
if ! echo "$sha256  $tmp/package/data/dictionary.json" | sha256sum --check --status; then
  echo "vnplan setup: WARNING: $name@$version does not have the expected checksum; not used"
  exit 0
fi
mkdir -p "$dest"
mv "$tmp/package/data/dictionary.json" "$target"

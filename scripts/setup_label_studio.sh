#!/usr/bin/env bash
# Label Studio in its own virtual environment (its Django and pydantic pins clash with
# Prefect's), and a data folder whose SQLite database is already migrated: the end-to-end test
# copies it and starts a server in seconds instead of minutes. Usage: setup_label_studio.sh VENV
set -eu
venv="${1:-.venv-ls}"
version="1.23.2"
python="${PYTHON:-python3}"
if [ ! -x "$venv/bin/label-studio" ] || ! "$venv/bin/pip" show label-studio 2>/dev/null \
    | grep -qx "Version: $version" || ! "$venv/bin/pip" check >/dev/null 2>&1 \
    || [ "$(dirname "$0")/label_studio_constraints.txt" -nt "$venv/bin/label-studio" ]; then
  "$python" -m venv "$venv"
  "$venv/bin/pip" install --quiet --upgrade pip
  # every package pinned as tested: a newer dependency (sentry-sdk 3.0) breaks its start-up
  "$venv/bin/pip" install --quiet -c "$(dirname "$0")/label_studio_constraints.txt" \
    "label-studio==$version"
fi
template="$venv/template-data"
rm -rf "$template"
mkdir -p "$template"
# `label-studio version` applies the migrations to the data folder, prints and exits
# (`label-studio --version` would start a server).
LABEL_STUDIO_BASE_DATA_DIR="$template" LATEST_VERSION_CHECK=false COLLECT_ANALYTICS=false \
  "$venv/bin/label-studio" version --data-dir "$template" >/dev/null
test -s "$template/label_studio.sqlite3"
echo "vnplan setup: Label Studio $version in $venv, migrated data folder $template"

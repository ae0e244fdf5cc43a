"""Where the language layer's data files are, inside the installed package, and where setup
put the sources too large to ship.

`data_file("syllables.tsv")` is a path inside `pipeline/vi/data/`, found through the package
itself, so an installed (not editable) copy reads the same files from any working folder.
`shared_dir()` is the folder `scripts/fetch_sources.sh` fills at setup
(`<prefix>/share/vnplan`, the virtual environment's own share folder, or `$VNPLAN_SHARE`):
the dictionary the resource build reads; nothing at run time needs it.
"""

from __future__ import annotations

import os
import sys
from importlib import resources
from pathlib import Path

DATA_PACKAGE = "pipeline.vi.data"


def data_file(name: str) -> Path:
    """Path of a data file of the language layer."""
    return Path(str(resources.files(DATA_PACKAGE).joinpath(name)))


def data_dir() -> Path:
    """The folder of the language layer's data files (written by scripts/build_resources.py)."""
    return Path(str(resources.files(DATA_PACKAGE)))


def word_list(name: str) -> list[str]:
    """The entries of a one-item-a-line data file, "#" comment lines and blanks left out."""
    text = data_file(name).read_text(encoding="utf-8")
    return [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]


def shared_dir() -> Path:
    """The setup-time sources folder: `$VNPLAN_SHARE` if set, else `<sys.prefix>/share/vnplan`
    (where `make setup` puts it inside the virtual environment)."""
    override = os.environ.get("VNPLAN_SHARE")
    return Path(override) if override else Path(sys.prefix) / "share" / "vnplan"

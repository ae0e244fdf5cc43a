"""Environment defaults that keep Prefect and Dask quiet and local."""

from __future__ import annotations

import os
import sys

_QUIET = {
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    "DO_NOT_TRACK": "1",
    "PREFECT_LOGGING_LEVEL": "WARNING",
    "PREFECT_SERVER_LOGGING_LEVEL": "CRITICAL",
    "PREFECT_LOGGING_TO_API_ENABLED": "false",
    "DASK_LOGGING__DISTRIBUTED": "warning",
    "OMP_THREAD_LIMIT": "1",
}


# Optional imports that Prefect's own imports pull in and vnplan never uses: jsonschema imports
# `rfc3987_syntax` (installed with the notebooks' Jupyter) to check the "iri" format, and its
# import builds 38 lark grammars, 4.5 s of CPU in every process that imports Prefect (the CLI,
# the temporary server, each Dask worker). Without it jsonschema skips that one format check.
UNUSED_OPTIONAL_IMPORTS = ("rfc3987_syntax",)


def optional_imports_off() -> None:
    """Make the optional imports above fail fast (a `None` entry in `sys.modules` is what
    the import system reads as "not available"), unless something imported them already."""
    for name in UNUSED_OPTIONAL_IMPORTS:
        sys.modules.setdefault(name, None)


def quiet_prefect() -> None:
    """Set quiet defaults before Prefect is imported (the user's own settings win), and
    turn off the optional imports Prefect would spend seconds on."""
    for name, value in _QUIET.items():
        os.environ.setdefault(name, value)
    optional_imports_off()

"""Environment defaults that keep Prefect and Dask quiet and local."""

from __future__ import annotations

import os

_QUIET = {
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    "DO_NOT_TRACK": "1",
    "PREFECT_LOGGING_LEVEL": "WARNING",
    "PREFECT_SERVER_LOGGING_LEVEL": "CRITICAL",
    "PREFECT_LOGGING_TO_API_ENABLED": "false",
    "DASK_LOGGING__DISTRIBUTED": "warning",
    "OMP_THREAD_LIMIT": "1",
}


def quiet_prefect() -> None:
    """Set quiet defaults before Prefect is imported; the user's own settings win."""
    for name, value in _QUIET.items():
        os.environ.setdefault(name, value)

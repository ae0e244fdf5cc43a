"""Named points where the crash tests kill a run, as kill -9 would, to prove it recovers.

`VNPLAN_KILL_AT=<point>` kills the process with SIGKILL the first time it reaches `point`;
`<point>#<n>` the n-th time (`stored#3`: after the third document is stored in the cache).
Unset, a checkpoint costs one dictionary look-up.
"""

from __future__ import annotations

import os
import signal
from collections import Counter

_REACHED: Counter[str] = Counter()


def checkpoint(point: str) -> None:
    """Die here if the environment asks for it (the crash tests' hook)."""
    wanted = os.environ.get("VNPLAN_KILL_AT")
    if not wanted:
        return
    name, _, nth = wanted.partition("#")
    if name != point:
        return
    _REACHED[point] += 1
    if _REACHED[point] >= int(nth or 1):
        os.kill(os.getpid(), signal.SIGKILL)

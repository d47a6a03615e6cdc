"""Per-stage wall-clock timing, passed explicitly into the pipeline by whoever wants it."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

STAGES = ("load", "clean", "parse", "extract", "align", "compare", "render")


@dataclass(slots=True)
class Timer:
    """Accumulates seconds per stage name across calls."""

    seconds: dict[str, float] = field(default_factory=dict)

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        """Time the block and add it to `name`."""
        start = time.perf_counter()
        try:
            yield
        finally:
            self.seconds[name] = self.seconds.get(name, 0.0) + time.perf_counter() - start


@contextmanager
def maybe(timer: Timer | None, name: str) -> Iterator[None]:
    """Time the block when a timer is given; otherwise do nothing."""
    if timer is None:
        yield
    else:
        with timer.stage(name):
            yield

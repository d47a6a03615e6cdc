"""A progress line for long runs: a `\\r` counter on a terminal, nothing in CI logs or pipes.

CI logs keep every carriage-return update as a line of its own, so the counter is only drawn
when stderr is a terminal and the `CI` variable (set by GitHub Actions, GitLab and most others)
is not. Reports never go through here: stdout stays exactly the report.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from typing import TextIO


class Progress:
    """Draws `label done/total` over itself on one line of a terminal stream."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream
        self._width = 0

    def __call__(self, label: str, done: int, total: int) -> None:
        """Show that `done` of `total` items of `label` are finished."""
        text = f"crosscheck: {label} {done}/{total}"
        self._stream.write("\r" + text.ljust(self._width))
        self._stream.flush()
        self._width = len(text)

    def close(self) -> None:
        """Erase the line so what follows starts clean."""
        if self._width:
            self._stream.write("\r" + " " * self._width + "\r")
            self._stream.flush()
            self._width = 0


def for_terminal(stream: TextIO | None = None, env: Mapping[str, str] | None = None) -> Progress | None:
    """A `Progress` on `stream` (default stderr) when a person is watching it, else None."""
    stream = sys.stderr if stream is None else stream
    env = os.environ if env is None else env
    if env.get("CI") or stream is None or not stream.isatty():  # None: stderr closed (2>&-)
        return None
    return Progress(stream)

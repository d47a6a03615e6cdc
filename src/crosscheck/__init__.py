"""crosscheck: fact consistency across news articles about the same event."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from .pipeline import compare as compare
    from .report import Report as Report

__all__ = ["Report", "__version__", "compare"]


def __getattr__(name: str) -> Any:
    """Import the pipeline lazily so `crosscheck --help` does not load spaCy."""
    if name == "compare":
        from .pipeline import compare

        return compare
    if name == "Report":
        from .report import Report

        return Report
    raise AttributeError(name)

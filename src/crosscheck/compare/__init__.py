"""Comparing aligned claims: agreement, discrepancy (with category and severity) or unique.

Comparers are registered per claim kind and see only `Claim` values. Equivalent values agree:
a weekday and the date it falls on, "Sony" and "Sony Group" in a list, "some 200"
and "about 200". Name spellings are compared on the entities, inside and across sources.

`driver` holds the table of comparers by claim kind and runs them on the aligned groups; `scene`
what a comparer may know beyond its group; `base` what all comparers share. The comparers:
`values` (counts and ages, dates, lists, roles), `ages` (how far apart ages may be, and one
source giving a person two), `quotes` (wording and speakers) and
`statements` (denials), with `copies` finding near copies among aligned statements and in
copied passages.
"""

from __future__ import annotations

from .base import DISCREPANCY_MIN
from .driver import compare
from .scene import Scene

__all__ = ["DISCREPANCY_MIN", "Scene", "compare"]

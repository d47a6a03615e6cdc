"""Typed claims from parsed sentences: roles, quotes, quantities, dates, lists and statements.

Extractors are plain functions registered by claim kind. Each takes a `Context` (one sentence
with its source, resolved entities and neighbours) and yields `Claim`s carrying their evidence
span, so later stages work without the language model.

`base` holds the context, the registry and the driver; one module a claim kind holds its
extractor (`roles`, `quotes`, `numbers`, `dated`, `lists`, `statements`), with `quotemarks`
finding quotations and `speakers` resolving who said them.
"""

from __future__ import annotations

from .base import EXTRACTORS, Context, Extractor, all_claims, content_key, dedupe, extract, extractor, ref_index
from .quotemarks import find_quotes, inside_quote

# Importing a kind module registers its extractor; keep this order, the order of EXTRACTORS.
from . import roles  # isort: skip
from . import quotes  # isort: skip
from . import numbers  # isort: skip
from . import dated  # isort: skip
from . import lists  # isort: skip
from . import statements  # isort: skip

__all__ = [
    "EXTRACTORS",
    "Context",
    "Extractor",
    "all_claims",
    "content_key",
    "dated",
    "dedupe",
    "extract",
    "extractor",
    "find_quotes",
    "inside_quote",
    "lists",
    "numbers",
    "quotes",
    "ref_index",
    "roles",
    "statements",
]

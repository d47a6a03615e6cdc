"""A small HTML checker for the reporter's tests: balanced tags, unique ids, and what the page shows."""

from __future__ import annotations

from collections import Counter
from html.parser import HTMLParser

VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"})


class Page(HTMLParser):
    """Parses a page once; `errors` lists unbalanced or stray tags, `articles` the text of each article column."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.ids: Counter[str] = Counter()
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self.articles: list[str] = []
        self._capture: int | None = None  # stack depth of the article text being read
        self.feed(html)
        self.close()
        if self.stack:
            self.errors.append(f"unclosed at end: {self.stack}")

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        self.elements.append((tag, a))
        if a.get("id"):
            self.ids[a["id"] or ""] += 1
        if tag in VOID:
            return
        self.stack.append(tag)
        if "cc-text" in (a.get("class") or "").split():
            self._capture = len(self.stack)
            self.articles.append("")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, dict(attrs)))

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            self.errors.append(f"end tag for void element <{tag}>")
            return
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1:] or 'nothing'} at {self.getpos()}")
            return
        if self._capture is not None and len(self.stack) == self._capture:
            self._capture = None
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        if self._capture is not None:
            self.articles[-1] += data

    def having(self, cls: str, tag: str | None = None) -> list[dict[str, str | None]]:
        """Attributes of every element (of `tag`, if given) whose class list holds `cls`."""
        return [a for t, a in self.elements if (tag is None or t == tag) and cls in (a.get("class") or "").split()]

    def tags(self, tag: str) -> list[dict[str, str | None]]:
        """Attributes of every `tag` element."""
        return [a for t, a in self.elements if t == tag]

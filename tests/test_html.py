"""The HTML reporter without a browser: valid, self-contained, escaped, exact marks, consensus, 10 sources."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from handmade import evidence, finding, hostile_report, report, source, ten_sources
from htmlcheck import Page

import crosscheck.pipeline
from crosscheck.cli import main
from crosscheck.model import Category, Kind, Severity
from crosscheck.render import RENDERERS
from crosscheck.render_html import html_fragment, render_html


def check_valid(html: str) -> Page:
    """Parse `html`; fail on unbalanced tags or duplicate ids; return the parsed page."""
    page = Page(html)
    assert page.errors == []
    assert [i for i, n in page.ids.items() if n > 1] == []
    return page


def test_article_markup_is_shown_as_text_and_stays_inert() -> None:
    rep = hostile_report()
    html = render_html(rep)
    page = check_valid(html)
    assert len(page.tags("script")) == 1  # the renderer's own, nothing from the articles
    assert len(page.tags("svg")) == 1 and page.tags("img") == [] and page.tags("i") == [] and page.tags("b") != []
    handlers = [(t, k) for t, a in page.elements for k in a if k.startswith("on")]
    assert handlers == []
    assert page.articles[0] == rep.sources[0].text[rep.sources[0].body_start :]  # shown verbatim, as text
    assert "<script>alert" not in html and "<img src=x" not in html and "<svg onload" not in html
    assert "&lt;script&gt;" in html and "&lt;img src=x onerror=alert(1)&gt;" in html


def test_self_contained_and_deterministic() -> None:
    rep = hostile_report()
    html = render_html(rep)
    page = Page(html)
    assert html.startswith("<!DOCTYPE html>\n<html lang=\"en\">")
    assert any(a.get("charset") == "utf-8" for a in page.tags("meta"))
    links = [a[k] for _, a in page.elements for k in ("src", "href") if k in a]
    assert all((link or "").startswith("#") for link in links)  # no network: nothing to fetch
    assert not re.search(r"url\(|@import|https?://", html)
    again = report(list(rep.sources), list(reversed(rep.findings)))
    assert render_html(again) == html
    assert RENDERERS["html"] is render_html


def test_marks_cover_evidence_exactly_when_spans_overlap_and_nest() -> None:
    body = "Xi and Lee met in Beijing on Monday to sign 14 deals.\nThey met again later.\n"
    a = source("a", body)
    b = source("b", "Xi and Lee met in Beijing on Tuesday to sign 14 deals.\n")
    sentence = evidence(a, "Xi and Lee met in Beijing on Monday to sign 14 deals.")
    date = evidence(a, "on Monday")
    overlap = evidence(a, "sign 14 deals.\nThey met")
    rep = report(
        [a, b],
        [
            finding(Kind.UNIQUE, Category.STATEMENT, "statement", [("a", "sentence")], [sentence]),
            finding(Kind.DISCREPANCY, Category.DATE, "meet", [("a", "Monday"), ("b", "Tuesday")], [date, evidence(b, "on Tuesday")], Severity.WARNING),
            finding(Kind.UNIQUE, Category.STATEMENT, "across lines", [("a", "x")], [overlap]),
        ],
    )
    html = render_html(rep)
    page = check_valid(html)
    assert page.articles[0] == body
    columns = html.split('<article class="cc-src"')[1:]
    pattern = r'<mark class="([^"]+)" data-f="([^"]+)"(?: data-v="([^"]+)")? data-o="(\d+)">([^<]*)</mark>'
    marks = {s.id: [(c, f, o, t, v) for c, f, v, o, t in re.findall(pattern, col)] for s, col in zip(rep.sources, columns, strict=True)}
    for f in rep.findings:
        for e in f.evidence:
            covering = [m for m in marks[e.source] if f.id in m[1].split() and e.start <= int(m[2]) < e.end]
            assert "".join(m[3] for m in covering) == e.text
    monday = next(m for m in marks["a"] if m[3] == "Monday")
    assert monday[0] == "k-warning"  # the discrepancy's colour wins over the unique claim around it
    assert len(monday[1].split()) == 2
    assert monday[4] == rep.findings[0].id  # and the value the discrepancy is about is singled out
    assert next(m for m in marks["a"] if m[3] == "on ")[4] == ""


def test_two_sources_have_no_consensus_view() -> None:
    assert '<section class="cc-consensus"' not in render_html(hostile_report())


def test_ten_sources_side_by_side_with_consensus() -> None:
    rep = ten_sources()
    html = render_html(rep)
    page = check_valid(html)
    assert len(page.having("cc-src", "article")) == 10
    assert re.search(r"\.cc-cols \{[^}]*overflow-x: auto", html)  # the columns scroll sideways
    assert re.search(r"\.cc-src \{[^}]*flex: 1 0 \d+px", html)  # and keep a readable width
    assert len(page.having("cc-consensus", "section")) == 1
    deals = next(f for f in rep.findings if f.category is Category.NUMBER)
    row = next(line for line in html.splitlines() if f'data-goto="{deals.id}"' in line)
    assert row.count('class="cc-odd">15 deals') == 2 and row.count('class="cc-maj">14 deals') == 8
    assert "<td>14 deals</td>" in row  # the majority
    assert re.sub(r"<[^>]+>", "", row).endswith("14 dealss08, s09")  # ... and the odd ones out, last
    matrix = html[html.index('class="cc-matrix"') :]
    assert matrix.count("<tr><th scope=\"row\">") == 10
    assert 'title="s00 and s08: agree on 1 of 2 shared facts">50%' in matrix


def test_notebook_display_is_an_embeddable_fragment() -> None:
    rep = hostile_report()
    frag = rep._repr_html_()
    assert frag == html_fragment(rep)
    assert "<html" not in frag and "<body" not in frag and "<!DOCTYPE" not in frag
    assert "body {" not in frag  # nothing that restyles the notebook around it
    assert 'class="cc-report cc-embedded"' in frag
    check_valid(frag)


def test_cli_writes_the_html_report(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rep = hostile_report()
    monkeypatch.setattr(crosscheck.pipeline, "compare", lambda paths, reference=None, leads=False: rep)
    out = tmp_path / "r.html"
    assert main(["compare", "a.md", "b.md", "--format", "html", "-o", str(out), "--fail-on", "never"]) == 0
    assert capsys.readouterr() == ("", "")
    assert out.read_text(encoding="utf-8") == render_html(rep)

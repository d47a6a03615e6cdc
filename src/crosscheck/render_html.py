"""The HTML reporter: one self-contained page with the articles side by side and every finding's evidence marked.

No network: the style, the chart (inline SVG) and the script are all in the page. Article text is
escaped and shown from the end of its front matter; each evidence span becomes `<mark>` pieces (the
text is cut at every span boundary, and a piece lists every finding covering it in `data-f`), so
overlapping and nested evidence stays exact. With three or more sources a consensus view follows.
The same report gives byte-identical HTML.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from html import escape
from itertools import pairwise
from typing import Any

from .consensus import Consensus, consensus, shown
from .html_assets import CSS, SCRIPT
from .model import Source
from .render import renderer
from .report import Report

RANKS = ("error", "warning", "info", "agreement", "unique")
"""Display classes, most important first: discrepancies by severity, then agreements, then unique claims."""
KIND_LABELS = {"discrepancy": "Discrepancies", "agreement": "Agreements", "unique": "Unique claims"}


def rank(f: Mapping[str, Any]) -> int:
    """The display rank of a finding record: 0-2 discrepancies by severity, 3 agreement, 4 unique."""
    if f["kind"] == "discrepancy":
        return RANKS.index(f["severity"])
    return RANKS.index(f["kind"])


def _e(text: object) -> str:
    return escape(str(text), quote=True)


def _label(category: str) -> str:
    return category.replace("_", " ")


@renderer("html")
def render_html(report: Report) -> str:
    """A complete, self-contained HTML document."""
    data = report.to_dict()
    names = " vs ".join(_source_name(s) for s in data["sources"][:4]) + (" …" if len(data["sources"]) > 4 else "")
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>crosscheck report: {_e(names)}</title>\n<style>\nbody {{ margin: 0; }}\n{CSS}</style>\n</head>\n<body>\n"
        f"{_body(report, data, embedded=False)}<script>\n{SCRIPT}</script>\n</body>\n</html>\n"
    )


def html_fragment(report: Report) -> str:
    """The report as a fragment to embed in another page (a notebook): style, content and script."""
    return f"<style>\n{CSS}</style>\n{_body(report, report.to_dict(), embedded=True)}<script>\n{SCRIPT}</script>\n"


def _body(report: Report, data: dict[str, Any], *, embedded: bool) -> str:
    cons = consensus(data) if len(data["sources"]) >= 3 else None
    parts = [
        f'<div class="cc-report{" cc-embedded" if embedded else ""}">\n<div class="cc-app">\n',
        _header(data, cons),
        '<div class="cc-work">\n',
        _findings_panel(data),
        _articles(report.sources, data["findings"]),
        "</div>\n</div>\n",
    ]
    if cons is not None:
        parts.append(_consensus_view(cons))
    parts.append("</div>\n")
    return "".join(parts)


def _source_name(s: Mapping[str, Any]) -> str:
    return str(s.get("outlet") or s["id"])


# --- header -------------------------------------------------------------------------------------


def _header(data: Mapping[str, Any], cons: Consensus | None) -> str:
    c = data["counts"]
    sev = c["discrepancies_by_severity"]
    k = c["by_kind"]
    sources = "".join(
        f'<li><b>{_e(_source_name(s))}</b>{" · " + _e(s["published"]) if s["published"] else ""}'
        f'<span class="cc-muted"> ({_e(s["id"])})</span></li>'
        for s in data["sources"]
    )
    ref = f'<p class="cc-ref">Reference (ground truth): <b>{_e(data["reference"])}</b></p>' if data.get("reference") else ""
    nav = '<p class="cc-nav"><a href="#cc-consensus">Consensus view ↓</a></p>' if cons is not None else ""
    sev_text = ", ".join(f"{sev[s]} {s}" for s in RANKS[:3] if sev[s]) or "none"
    worst = next((f"k-{s}" for s in RANKS[:3] if sev[s]), "k-agreement")
    return (
        '<header class="cc-top">\n<div class="cc-title">\n'
        f'<h1>crosscheck report</h1>\n<ul class="cc-sources">{sources}</ul>\n{ref}{nav}</div>\n'
        '<div class="cc-stats">\n'
        f'<div class="cc-stat {worst}"><span class="cc-n">{k["discrepancy"]}</span> discrepancies<small>{_e(sev_text)}</small></div>\n'
        f'<div class="cc-stat k-agreement"><span class="cc-n">{k["agreement"]}</span> agreements</div>\n'
        f'<div class="cc-stat k-unique"><span class="cc-n">{k["unique"]}</span> unique claims</div>\n'
        "</div>\n"
        f"{_chart(data['findings'])}"
        "</header>\n"
    )


def _chart(findings: Sequence[Mapping[str, Any]]) -> str:
    """Findings per category as horizontal bars, stacked by severity and kind (inline SVG)."""
    by_cat: dict[str, list[int]] = {}
    for f in findings:
        by_cat.setdefault(f["category"], [0] * len(RANKS))[rank(f)] += 1
    if not by_cat:
        return '<p class="cc-muted">No findings.</p>\n'
    rows = sorted(by_cat.items(), key=lambda kv: (-sum(kv[1]), kv[0]))
    label_w, bar_w, num_w, row_h = 112, 240, 40, 17
    top = max(sum(v) for _, v in rows)
    height = row_h * len(rows) + 22
    width = max(label_w + bar_w + num_w, label_w + sum(24 + 6.5 * len(r) for r in RANKS))
    out = [
        (
            f'<svg class="cc-chart" width="{width:.0f}" height="{height}" viewBox="0 0 {width:.0f} {height}" role="img">'
            "<title>Findings per category, by kind and severity</title>"
        )
    ]
    for n, (cat, counts) in enumerate(rows):
        y = n * row_h
        out.append(f'<text x="{label_w - 6}" y="{y + 12}" text-anchor="end">{_e(_label(cat))}</text>')
        x = float(label_w)
        for r, count in enumerate(counts):
            if not count:
                continue
            w = max(bar_w * count / top, 2.0)
            what = RANKS[r] if r >= 3 else f"{RANKS[r]} discrepancy"
            out.append(
                f'<rect class="k-{RANKS[r]}" x="{x:.1f}" y="{y + 3}" width="{w:.1f}" height="{row_h - 5}">'
                f"<title>{_e(_label(cat))}: {count} {_e(what)}</title></rect>"
            )
            x += w
        out.append(f'<text x="{x + 4:.1f}" y="{y + 12}">{sum(counts)}</text>')
    legend_y = row_h * len(rows) + 14
    x = float(label_w)
    for name in RANKS:
        out.append(f'<rect class="k-{name}" x="{x:.1f}" y="{legend_y - 8}" width="9" height="9"></rect>')
        out.append(f'<text x="{x + 12:.1f}" y="{legend_y}">{name}</text>')
        x += 12 + 6.5 * len(name) + 12
    out.append("</svg>\n")
    return "".join(out)


# --- findings list ------------------------------------------------------------------------------


def _options(name: str, label: str, counts: Iterable[tuple[str, str, int]]) -> str:
    opts = "".join(f'<option value="{_e(v)}">{_e(text)} ({n})</option>' for v, text, n in counts)
    return f'<label>{label} <select data-filter="{name}"><option value="">all</option>{opts}</select></label>'


def _findings_panel(data: Mapping[str, Any]) -> str:
    findings = data["findings"]
    kinds = [(k, KIND_LABELS[k].lower(), data["counts"]["by_kind"][k]) for k in KIND_LABELS if data["counts"]["by_kind"][k]]
    cats = sorted({f["category"] for f in findings})
    cat_opts = [(c, _label(c), sum(f["category"] == c for f in findings)) for c in cats]
    sev = data["counts"]["discrepancies_by_severity"]
    sev_opts = [(s, s, sev[s]) for s in RANKS[:3] if sev[s]]
    items = "".join(_finding_item(f) for f in findings)
    return (
        '<aside class="cc-panel" aria-label="Findings">\n<div class="cc-filters">\n'
        f'{_options("kind", "Kind", kinds)}\n{_options("category", "Category", cat_opts)}\n'
        f'{_options("severity", "Severity", sev_opts)}\n'
        '<label class="cc-search">Find <input type="search" data-filter="text" placeholder="words in a finding"></label>\n'
        f'<p class="cc-showing" aria-live="polite">{len(findings)} of {len(findings)} findings</p>\n'
        f'</div>\n<ol class="cc-findings">\n{items}</ol>\n</aside>\n'
    )


def _finding_item(f: Mapping[str, Any]) -> str:
    r = rank(f)
    badge = f["severity"] if f["kind"] == "discrepancy" else f["kind"]
    values = ""
    if f["kind"] != "unique" and f["values"]:
        values = '<ul class="cc-values">' + "".join(
            f'<li><b>{_e(v["source"])}</b> {_e(shown(v["value"]))}</li>' for v in f["values"]
        ) + "</ul>"
    where = sorted({e["source"] for e in f["evidence"]})
    per_source = Counter(e["source"] for e in f["evidence"])
    more = "".join(
        f'<div class="cc-more">{n} passages in {_e(s)}: click again for the next</div>' for s, n in sorted(per_source.items()) if n > 1
    )
    return (
        f'<li class="cc-f k-{RANKS[r]}" tabindex="0" title="{_e(f["id"])}" data-id="{_e(f["id"])}" data-rank="{r}" data-kind="{_e(f["kind"])}" '
        f'data-category="{_e(f["category"])}" data-severity="{_e(f["severity"] if f["kind"] == "discrepancy" else "")}">'
        f'<div class="cc-fh"><span class="cc-badge k-{RANKS[r]}">{_e(badge)}</span> '
        f'<span class="cc-cat">{_e(_label(f["category"]))}</span>'
        f'<span class="cc-where">{_e(", ".join(where))}</span></div>'
        f'<div class="cc-sum">{_e(f["summary"])}</div>{values}{more}</li>\n'
    )


# --- articles -----------------------------------------------------------------------------------


def _articles(sources: Sequence[Source], findings: Sequence[Mapping[str, Any]]) -> str:
    cols = "".join(_article(s, findings) for s in sources)
    return f'<div class="cc-cols" data-count="{len(sources)}">\n{cols}</div>\n'


def _article(source: Source, findings: Sequence[Mapping[str, Any]]) -> str:
    lo, hi = source.body_start, len(source.text)
    spans = [
        (max(e["start"], lo), min(e["end"], hi), i)
        for i, f in enumerate(findings)
        for e in f["evidence"]
        if e["source"] == source.id and min(e["end"], hi) > max(e["start"], lo)
    ]
    values = [(a, b, i) for a, b, i in _value_spans(source.id, findings) if a >= lo and b <= hi]
    meta = " · ".join(_e(x) for x in (source.id, source.published.isoformat() if source.published else None, source.path) if x)
    title = f'<div class="cc-stitle">{_e(source.title)}</div>' if source.title else ""
    return (
        f'<article class="cc-src" data-source="{_e(source.id)}" aria-label="{_e(source.outlet or source.id)}">\n'
        f'<header class="cc-sh"><div class="cc-outlet">{_e(source.outlet or source.id)}</div>{title}'
        f'<div class="cc-muted" title="{meta}">{meta}</div></header>\n'
        f'<div class="cc-text">{"".join(_paragraphs(source.text, lo, spans, values, findings))}</div>\n'
        "</article>\n"
    )


def _value_spans(source: str, findings: Sequence[Mapping[str, Any]]) -> list[tuple[int, int, int]]:
    """Where each finding's values (list members one by one) stand inside its evidence in `source`.

    They are emphasised when the finding is selected, so "Jon Smiht" stands out in its sentence.
    A value that is the whole evidence (a statement) has nothing to single out.
    """
    out = []
    for i, f in enumerate(findings):
        said = {m for v in f["values"] if v["source"] == source for m in ([v["value"]] if isinstance(v["value"], str) else v["value"])}
        for e in f["evidence"]:
            if e["source"] != source:
                continue
            for m in sorted(said):
                pos = e["text"].find(m) if 2 <= len(m) < len(e["text"]) else -1
                if pos >= 0:
                    out.append((e["start"] + pos, e["start"] + pos + len(m), i))
    return out


def _sweep(bounds: Sequence[int], spans: Sequence[tuple[int, int, int]]) -> Iterator[tuple[int, ...]]:
    """For each piece between consecutive `bounds`, the sorted indices of the spans covering it."""
    starting: dict[int, list[int]] = {}
    ending: dict[int, list[int]] = {}
    for start, end, i in spans:
        starting.setdefault(start, []).append(i)
        ending.setdefault(end, []).append(i)
    active: Counter[int] = Counter()  # index -> how many of its spans cover this point
    for a, _ in pairwise(bounds):
        for i in ending.get(a, ()):
            active[i] -= 1
            if not active[i]:
                del active[i]
        for i in starting.get(a, ()):
            active[i] += 1
        yield tuple(sorted(active))


def _paragraphs(
    text: str, body_start: int, spans: Sequence[tuple[int, int, int]], values: Sequence[tuple[int, int, int]], findings: Sequence[Mapping[str, Any]]
) -> Iterable[str]:
    """The text from `body_start`, a `<p>` per line, evidence as `<mark>` pieces listing their findings.

    The text is cut at every span boundary and line end, so each piece is covered by a fixed set of
    findings (`data-f`, report order: the most important first, which also picks the colour) and
    shows the values of some of them (`data-v`); `data-o` is the piece's offset in the file.
    """
    cuts = {body_start, len(text)}
    for start, end, _ in (*spans, *values):
        cuts.update((start, end))
    cuts.update(i + 1 for i in range(body_start, len(text)) if text[i] == "\n")
    bounds = sorted(cuts)
    line: list[str] = []
    for (a, b), found, shown_here in zip(pairwise(bounds), _sweep(bounds, spans), _sweep(bounds, values), strict=True):
        piece = _e(text[a:b])
        if found:
            top = min(rank(findings[i]) for i in found)
            ids = " ".join(findings[i]["id"] for i in found)
            vals = " ".join(findings[i]["id"] for i in shown_here if i in found)
            data_v = f' data-v="{_e(vals)}"' if vals else ""
            piece = f'<mark class="k-{RANKS[top]}" data-f="{_e(ids)}"{data_v} data-o="{a}">{piece}</mark>'
        line.append(piece)
        if text[b - 1] == "\n" or b == len(text):
            yield f"<p>{''.join(line)}</p>"
            line = []


# --- consensus ----------------------------------------------------------------------------------


def _matrix_cell(ratio: float | None, agree: int, shared: int, pair: str) -> str:
    if ratio is None:
        return '<td class="cc-none">—</td>'
    hue = round(120 * ratio**2)  # red … green; squared so that 75 % already reads as doubtful
    return (
        f'<td style="background:hsl({hue} 70% 85%)" title="{_e(pair)}: agree on {agree} of {shared} shared facts">'
        f"{round(100 * ratio)}%<small>{agree}/{shared}</small></td>"
    )


def _cell(text: str) -> str:
    """A table cell's text; long text is clamped to a few lines, in full on hover."""
    return f'<div class="cc-clamp" title="{_e(text)}">{_e(text)}</div>' if len(text) > 80 else _e(text)


def _consensus_view(cons: Consensus) -> str:
    heads = "".join(f'<th scope="col">{_e(s)}</th>' for s in cons.sources)
    matrix = cons.matrix
    mrows = "".join(
        f'<tr><th scope="row">{_e(a)}</th>'
        + "".join(
            _matrix_cell(matrix[i][j], cons.agree[i][j], cons.shared[i][j], f"{a} and {b}") for j, b in enumerate(cons.sources)
        )
        + "</tr>"
        for i, a in enumerate(cons.sources)
    )
    frows = []
    for fact in cons.facts:
        cells = []
        for s in cons.sources:
            said = fact.value_of(s)
            if said is None:
                cells.append('<td class="cc-none">—</td>')
            elif fact.majority is None:
                cells.append(f"<td>{_cell(said)}</td>")  # no majority: nobody is right or odd
            else:
                cells.append(f'<td class="{"cc-odd" if s in fact.odd else "cc-maj"}">{_cell(said)}</td>')
        r = RANKS.index(fact.severity) if fact.kind == "discrepancy" else RANKS.index(fact.kind)
        if fact.odd:
            odd = ", ".join(f'<span class="cc-name">{_e(s)}</span>' for s in fact.odd)
        else:
            odd = "none" if fact.majority is not None else "no majority"
        frows.append(
            f'<tr data-goto="{_e(fact.finding)}" data-disputed="{int(fact.kind == "discrepancy")}" tabindex="0">'
            f'<th scope="row"><span class="cc-badge k-{RANKS[r]}">{_e(fact.severity if fact.kind == "discrepancy" else fact.kind)}</span> '
            f'{_cell(fact.subject)}<small>{_e(_label(fact.category))}</small></th>{"".join(cells)}'
            f'<td>{_cell(fact.majority or "—")}</td><td class="{"cc-odd" if fact.odd else ""}">{odd}</td></tr>\n'
        )
    disputed = sum(f.kind == "discrepancy" for f in cons.facts)
    facts = (
        f'<p><label><input type="checkbox" data-disputed> only the {disputed} disputed facts</label></p>\n'
        '<div class="cc-scroll"><table class="cc-facts">\n'
        f'<thead><tr><th scope="col">Fact</th>{heads}<th scope="col">Majority</th><th scope="col">Odd one out</th></tr></thead>\n'
        f'<tbody>\n{"".join(frows)}</tbody></table></div>\n'
        if frows
        else '<p class="cc-muted">No fact is stated by two or more sources.</p>\n'
    )
    return (
        f'<section class="cc-consensus" id="cc-consensus">\n<h2>Consensus across {len(cons.sources)} sources</h2>\n'
        '<h3>Agreement between sources</h3>\n'
        '<p class="cc-muted">Of the facts both sources state, the share on which they agree.</p>\n'
        f'<div class="cc-scroll"><table class="cc-matrix">\n<thead><tr><td></td>{heads}</tr></thead>\n'
        f"<tbody>{mrows}</tbody></table></div>\n"
        "<h3>Fact by fact</h3>\n"
        '<p class="cc-muted">Each fact two or more sources state: what each says, the value more than half of them give, '
        "and who departs from it. Click a row to see its evidence.</p>\n"
        f"{facts}</section>\n"
    )

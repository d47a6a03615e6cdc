"""Hand-built sources, findings and reports for reporter tests: no model, exact offsets."""

from __future__ import annotations

from collections.abc import Sequence

from crosscheck.findings import make
from crosscheck.model import Category, Evidence, Finding, Kind, Severity, Source, Value
from crosscheck.report import Report, build


def source(sid: str, body: str, *, outlet: str | None = None, title: str | None = None) -> Source:
    """A source whose file is front matter then `body`; offsets index the whole file, as read from disk."""
    front = f"---\noutlet: {outlet or sid}\n---\n"
    return Source(id=sid, path=f"{sid}.md", text=front + body, title=title, outlet=outlet or sid, body_start=len(front))


def evidence(src: Source, words: str, nth: int = 0) -> Evidence:
    """Evidence for the `nth` occurrence of `words` in `src`'s body."""
    start = src.body_start - 1
    for _ in range(nth + 1):
        start = src.text.index(words, start + 1)
    return Evidence(src.id, words, start, start + len(words))


def finding(
    kind: Kind,
    category: Category,
    subject: str,
    values: Sequence[tuple[str, str | tuple[str, ...]]],
    evidence: Sequence[Evidence],
    severity: Severity = Severity.INFO,
    summary: str | None = None,
) -> Finding:
    """A finding as the comparer would make it (id computed from its content)."""
    shown = "; ".join(f"{s}: {v if isinstance(v, str) else ', '.join(v)}" for s, v in values)
    return make(kind, category, severity, subject, summary or f"{kind} on {subject}: {shown}", [Value(s, v) for s, v in values], evidence, 0.9)


def report(sources: Sequence[Source], findings: Sequence[Finding]) -> Report:
    """The report `crosscheck.report.build` makes of these sources and findings."""
    return build(sources, findings)


HOSTILE = (  # str.format: {payload} is the script to run if markup ever went live
    "Officials said <script>{payload}</script> was posted online.\n"
    "A photo <img src=x onerror={payload}> appeared & \"spread\" 'widely'.\n"
    "Leaders signed 14 deals in Beijing.\n"
)


def hostile_report(payload: str = "alert(1)") -> Report:
    """Two sources whose text, outlet, title, id and a summary carry live-looking markup."""
    a = source("a", HOSTILE.format(payload=payload), outlet='Evil "Outlet" <i>', title="<b>Bold</b> & co")
    b = source('b"><svg onload=alert(1)>', "Leaders signed 15 deals in Beijing.\n")
    return report(
        [a, b],
        [
            finding(
                Kind.UNIQUE, Category.STATEMENT, "<script>", [("a", "<script>")],
                [evidence(a, f"Officials said <script>{payload}</script> was posted online.")], summary="</li><script>alert(2)</script>",
            ),
            finding(Kind.UNIQUE, Category.STATEMENT, "photo", [("a", "<img>")], [evidence(a, f"<img src=x onerror={payload}>")]),
            finding(Kind.DISCREPANCY, Category.NUMBER, "deal", [("a", "14 deals"), (b.id, "15 deals")], [evidence(a, "14 deals"), evidence(b, "15 deals")], Severity.ERROR),
        ],
    )


def ten_sources() -> Report:
    """Ten sources: eight say 14 deals and two say 15, all agree on a role, each states one thing alone."""
    srcs = [source(f"s{n:02}", f"Outlet {n} reports that the leaders signed {15 if n >= 8 else 14} deals. Xi is Chinese President.\n") for n in range(10)]
    deals = finding(
        Kind.DISCREPANCY, Category.NUMBER, "deal",
        [(s.id, "15 deals" if n >= 8 else "14 deals") for n, s in enumerate(srcs)],
        [evidence(s, "15 deals" if n >= 8 else "14 deals") for n, s in enumerate(srcs)], Severity.ERROR,
    )
    role = finding(Kind.AGREEMENT, Category.ROLE, "Xi Jinping", [(s.id, "Chinese President") for s in srcs], [evidence(s, "Chinese President") for s in srcs])
    uniques = [finding(Kind.UNIQUE, Category.STATEMENT, "statement", [(s.id, f"Outlet {n}")], [evidence(s, f"Outlet {n} reports")]) for n, s in enumerate(srcs)]
    return report(srcs, [deals, role, *uniques])

"""The consensus view from hand-built reports: values per source, majority, odd ones out, the matrix."""

from __future__ import annotations

import pytest
from handmade import evidence, finding, report, source

from crosscheck.consensus import consensus, value_key
from crosscheck.model import Category, Finding, Kind, Severity

A = source("a", "The two sides signed 14 deals. Xi is Chinese President. Talks lasted 90 minutes.")
B = source("b", "Both countries signed 14 deals. Xi, chinese  president, hosted. The talks lasted 90 minutes.")
C = source("c", "They signed 15 deals. Xi is China's president. The talks ran for two hours.")
D = source("d", "Nobody here states a shared fact.")


def deals(*values: tuple[str, str], kind: Kind = Kind.DISCREPANCY) -> Finding:
    """A number finding about the deals, from (source, value) pairs."""
    srcs = {s.id: s for s in (A, B, C)}
    return finding(
        kind, Category.NUMBER, "deal", list(values),
        [evidence(srcs[s], v) for s, v in values], Severity.ERROR if kind is Kind.DISCREPANCY else Severity.INFO,
    )


def test_majority_and_odd_one_out() -> None:
    cons = consensus(report([A, B, C], [deals(("a", "14 deals"), ("b", "14 deals"), ("c", "15 deals"))]).to_dict())
    (fact,) = cons.facts
    assert fact.majority == "14 deals"
    assert fact.odd == ("c",)
    assert fact.value_of("a") == "14 deals" and fact.value_of("c") == "15 deals"
    assert fact.sources == ("a", "b", "c")


def test_agreement_has_no_odd_one_whatever_the_wording() -> None:
    role = finding(
        Kind.AGREEMENT, Category.ROLE, "Xi Jinping",
        [("a", "Chinese President"), ("b", "chinese  president"), ("c", "China's president")],
        [evidence(A, "Chinese President"), evidence(B, "chinese  president"), evidence(C, "China's president")],
    )
    cons = consensus(report([A, B, C], [role]).to_dict())
    (fact,) = cons.facts
    assert fact.odd == ()
    assert fact.majority == "Chinese President"  # two of three give it (spacing and case aside)
    assert cons.matrix[0][2] == cons.matrix[2][1] == 1.0


def test_no_majority_names_no_odd_one() -> None:
    values = [("a", "14 deals"), ("b", "14 deals"), ("c", "15 deals")]
    split = finding(
        Kind.DISCREPANCY, Category.NUMBER, "minutes", [("a", "90 minutes"), ("c", "two hours")],
        [evidence(A, "90 minutes"), evidence(C, "two hours")], Severity.WARNING,
    )
    cons = consensus(report([A, B, C], [deals(*values), split]).to_dict())
    fact = next(f for f in cons.facts if f.subject == "minutes")
    assert fact.majority is None
    assert fact.odd == ()
    assert fact.value_of("b") is None


def test_matrix_counts_agreements_over_shared_facts() -> None:
    role = finding(
        Kind.AGREEMENT, Category.ROLE, "Xi Jinping", [("a", "Chinese President"), ("c", "China's president")],
        [evidence(A, "Chinese President"), evidence(C, "China's president")],
    )
    minutes = finding(
        Kind.DISCREPANCY, Category.NUMBER, "talks", [("a", "90 minutes"), ("b", "90 minutes"), ("c", "two hours")],
        [evidence(A, "90 minutes"), evidence(B, "90 minutes"), evidence(C, "two hours")], Severity.WARNING,
    )
    d = deals(("a", "14 deals"), ("b", "14 deals"), ("c", "15 deals"))
    cons = consensus(report([A, B, C, D], [role, minutes, d]).to_dict())
    m = cons.matrix
    assert cons.sources == ("a", "b", "c", "d")
    assert m[0][1] == 1.0 and cons.shared[0][1] == 2  # a and b: the deals and the minutes, both agreeing
    assert m[0][2] == pytest.approx(1 / 3) and cons.shared[0][2] == 3  # a and c: agree on the role only
    assert m[1][2] == 0.0 and cons.shared[1][2] == 2
    assert all(m[i][j] == m[j][i] for i in range(4) for j in range(4))
    assert all(m[i][i] is None for i in range(4))  # a source against itself is not a comparison
    assert m[3] == (None, None, None, None)  # d shares no fact


def test_values_compare_normalised_and_lists_in_any_order() -> None:
    assert value_key("Chinese  “President”") == value_key('chinese "president"')
    assert value_key(("Samsung", "LG")) == value_key(("lg", "samsung"))
    firms = finding(
        Kind.DISCREPANCY, Category.LIST_MEMBERSHIP, "firms",
        [("a", ("Samsung", "LG")), ("b", ("LG", "samsung")), ("c", ("Samsung", "Hyundai"))],
        [evidence(A, "14 deals"), evidence(B, "14 deals"), evidence(C, "15 deals")], Severity.WARNING,
    )
    (fact,) = consensus(report([A, B, C], [firms]).to_dict()).facts
    assert fact.majority == "Samsung, LG"
    assert fact.odd == ("c",)


def test_unique_claims_and_one_source_discrepancies_are_not_facts() -> None:
    unique = finding(Kind.UNIQUE, Category.STATEMENT, "statement", [("a", "Talks lasted 90 minutes.")], [evidence(A, "Talks lasted 90 minutes.")])
    spelling = finding(
        Kind.DISCREPANCY, Category.NAME_SPELLING, "Xi", [("b", "Xi"), ("b", "Xi Jinping")],
        [evidence(B, "Xi"), evidence(B, "hosted")], Severity.WARNING,
    )
    d = deals(("a", "14 deals"), ("b", "14 deals"), ("c", "15 deals"))
    cons = consensus(report([A, B, C], [unique, spelling, d]).to_dict())
    assert [f.subject for f in cons.facts] == ["deal"]


def test_facts_follow_report_order() -> None:
    role = finding(
        Kind.AGREEMENT, Category.ROLE, "Xi Jinping", [("a", "Chinese President"), ("b", "chinese  president")],
        [evidence(A, "Chinese President"), evidence(B, "chinese  president")],
    )
    d = deals(("a", "14 deals"), ("b", "14 deals"), ("c", "15 deals"))
    cons = consensus(report([A, B, C], [role, d]).to_dict())
    assert [f.kind for f in cons.facts] == ["discrepancy", "agreement"]  # discrepancies first, as reported

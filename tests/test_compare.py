"""Alignment, comparison and reporting on hand-built claims: no language model involved."""

from __future__ import annotations

import dataclasses
import datetime as dt
import random
import re
from collections.abc import Callable, Sequence

import pytest

from crosscheck import dates
from crosscheck.align import align
from crosscheck.compare import Scene, compare
from crosscheck.findings import CODES, make
from crosscheck.model import Category, Claim, Evidence, Finding, Kind, Sentence, Severity, Source, Value
from crosscheck.quantities import parse_amount
from crosscheck.report import Report, build

ID_PATTERN = re.compile(r"^CC1\d\d-[0-9a-f]{12}$")
MOU_SENTENCE = "During the summit, both countries signed {} memorandums of understanding."
MOU_KEY = "summit country sign memorandum understanding"


def run(claims: Sequence[Claim]) -> tuple[Finding, ...]:
    """Align and compare, as the pipeline does after extraction."""
    return compare(claims, align(claims))


def only(findings: Sequence[Finding], kind: Kind, category: Category) -> Finding:
    """The single finding of a kind and category; fails loudly if there are none or several."""
    hits = [f for f in findings if f.kind is kind and f.category is category]
    assert len(hits) == 1, f"expected one {kind}/{category}, got: {[f.summary for f in findings]}"
    return hits[0]


@pytest.fixture
def quantity(make_claim: Callable[..., Claim]) -> Callable[..., Claim]:
    """A quantity claim from a number phrase, normalised by `quantities.parse_amount`."""

    def build(source: str, phrase: str, thing: str, *, text: str | None = None, key: str, verb: str = "", anchors: tuple[str, ...] = (), start: int = 0, sentence: int = 0) -> Claim:
        amount = parse_amount(phrase)
        assert amount is not None, phrase
        return make_claim(
            source, "quantity", thing, phrase, f"{amount.value:.6g}", text=text or phrase, key=key,
            anchors=anchors, start=start, sentence=sentence, approximate=amount.approximate,
            unit=amount.unit, thing=thing, verb=verb,
        )

    return build


# --- numbers -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("14 memorandums", "14 memorandums"),
        ("14 memorandums", "fourteen memorandums"),
        ("some 200 memorandums", "about 200 memorandums"),
        ("some 200 memorandums", "200 memorandums"),
    ],
)
def test_equal_quantities_agree(quantity: Callable[..., Claim], a: str, b: str) -> None:
    claims = [
        quantity("a", a, "memorandum of understanding", text=MOU_SENTENCE.format(a), key=MOU_KEY, verb="sign", anchors=("summit",)),
        quantity("b", b, "memorandum of understanding", text=MOU_SENTENCE.format(b), key=MOU_KEY, verb="sign", anchors=("summit",)),
    ]
    findings = run(claims)
    agreement = only(findings, Kind.AGREEMENT, Category.NUMBER)
    assert {v.source for v in agreement.values} == {"a", "b"}
    assert not [f for f in findings if f.kind is Kind.DISCREPANCY]
    assert not [f for f in findings if f.kind is Kind.UNIQUE]


REWORDED_MOU = "At the summit the two sides signed {} memorandums of understanding."


def test_fourteen_against_fifteen_in_similar_sentences_is_a_lead(quantity: Callable[..., Claim]) -> None:
    """Counts of claims that are aligned, not copied, were mostly two facts when read on unseen
    pairs: reported, but as info, which never fails a build by default."""
    claims = [
        quantity("a", "14", "memorandum of understanding", text=MOU_SENTENCE.format(14), key=MOU_KEY, verb="sign", anchors=("summit",)),
        quantity("b", "15", "memorandum of understanding", text=REWORDED_MOU.format(15), key=MOU_KEY, verb="sign", anchors=("summit",)),
    ]
    finding = only(run(claims), Kind.DISCREPANCY, Category.NUMBER)
    assert finding.severity is Severity.INFO
    assert [(v.source, v.value) for v in finding.values] == [("a", "14"), ("b", "15")]
    assert [e.source for e in finding.evidence] == ["a", "b"]
    assert finding.id.startswith(CODES[Category.NUMBER] + "-")


FALL = "{} climber died after falling about {} metres at {}."


def _fall(make_claim: Callable[..., Claim], source: str, metres: int, who: str, where: str, **detail: str) -> Claim:
    phrase = f"about {metres} metres"
    return make_claim(source, "quantity", "metre", phrase, str(metres), text=FALL.format(who, metres, where), key="climber fall metre",
                      anchors=(where,), approximate=True, thing="metre", verb="fall", **detail)


def test_a_figure_in_copied_words_is_a_warning_past_the_guards_on_names(make_claim: Callable[..., Claim]) -> None:
    """Set in the same words, two figures are one fact though the sentences name different
    places (which keeps loosely aligned counts apart); reworded, they stay apart."""
    copied = [_fall(make_claim, "a", 150, "A Czech", "Mount Varna"), _fall(make_claim, "b", 180, "An Estonian", "the Varna glacier")]
    assert only(run(copied), Kind.DISCREPANCY, Category.NUMBER).severity is Severity.WARNING
    other = make_claim("b", "quantity", "metre", "some 180 metres", "180", text="An Estonian fell some 180 metres on the Varna glacier.",
                       key="climber fall metre", anchors=("the Varna glacier",), approximate=True, thing="metre", verb="fall")
    reworded = [copied[0], other]
    assert not [f for f in run(reworded) if f.kind is Kind.DISCREPANCY]


@pytest.mark.parametrize(("a", "b"), [({"years": "2004"}, {"years": "2013"}), ({"others": "36"}, {"others": "41"})])
def test_a_figure_in_copied_words_on_another_occasion_is_no_conflict(make_claim: Callable[..., Claim], a: dict[str, str], b: dict[str, str]) -> None:
    """The guards about which occasion hold for copied figures too: another year, another game."""
    claims = [_fall(make_claim, "a", 150, "A Czech", "Mount Varna", **a), _fall(make_claim, "b", 180, "A Czech", "Mount Varna", **b)]
    assert not [f for f in run(claims) if f.kind is Kind.DISCREPANCY]


def test_a_date_in_copied_words_is_a_warning(make_claim: Callable[..., Claim]) -> None:
    said = "The cable operator said services were restored via alternate routes on {} to all customers."
    claims = [
        make_claim("a", "date", "restore", "14 October 2011", "2011-10-14", text=said.format("14 October 2011"), key="operator restore service route", event="restore"),
        make_claim("b", "date", "restore", "16 October 2011", "2011-10-16", text=said.format("16 October 2011"), key="operator restore service route", event="restore"),
    ]
    assert only(run(claims), Kind.DISCREPANCY, Category.DATE).severity is Severity.WARNING


def test_a_count_changed_in_a_copied_sentence_is_an_error(quantity: Callable[..., Claim], make_claim: Callable[..., Claim]) -> None:
    """The same sentence word for word but for the count: reported once, as the near copy, an error."""
    said = "During the two-day state visit to the capital, both countries signed {} memorandums of understanding on trade."
    claims = [
        quantity("a", "14", "memorandum of understanding", text=said.format(14), key=MOU_KEY, verb="sign", anchors=("summit",)),
        quantity("b", "15", "memorandum of understanding", text=said.format(15), key=MOU_KEY, verb="sign", anchors=("summit",)),
        make_claim("a", "statement", "statement", said.format(14), sentence=0),
        make_claim("b", "statement", "statement", said.format(15), sentence=0),
    ]
    finding = only(run(claims), Kind.DISCREPANCY, Category.NUMBER)
    assert finding.severity is Severity.ERROR
    assert [(v.source, v.value) for v in finding.values] == [("a", "14"), ("b", "15")]


def test_a_count_changed_in_one_of_three_copies_is_reported_once(quantity: Callable[..., Claim], make_claim: Callable[..., Claim]) -> None:
    said = "During the two-day state visit to the capital, both countries signed {} memorandums of understanding on trade."
    claims = [
        *(quantity(s, str(n), "memorandum of understanding", text=said.format(n), key=MOU_KEY, verb="sign", anchors=("summit",)) for s, n in (("a", 14), ("b", 15), ("c", 15))),
        *(make_claim(s, "statement", "statement", said.format(n), sentence=0) for s, n in (("a", 14), ("b", 15), ("c", 15))),
    ]
    finding = only(run(claims), Kind.DISCREPANCY, Category.NUMBER)
    assert finding.severity is Severity.ERROR and {v.source for v in finding.values} == {"a", "b", "c"}


def test_approximate_numbers_that_differ_are_a_lead(quantity: Callable[..., Claim]) -> None:
    claims = [
        quantity("a", "some 200", "business leader", key="lee accompany business leader", verb="accompany"),
        quantity("b", "about 300", "business leader", key="lee accompany business leader", verb="accompany"),
    ]
    finding = only(run(claims), Kind.DISCREPANCY, Category.NUMBER)
    assert finding.severity is Severity.INFO


def _total(make_claim: Callable[..., Claim], source: str, points: str, text: str, **detail: str) -> Claim:
    """A player's career points, as the claims stage reads "now has 2,129 points" in `text`."""
    return make_claim(source, "quantity", "point", f"{points} points", points.replace(",", ""), text=text, key="carter now have point",
                      anchors=("Carter",), thing="point", verb="have", unit="", **detail)


@pytest.mark.parametrize(
    ("a", "b", "slip"),
    [
        ("2,129", "2,029", True),  # one digit mistyped
        ("2,129", "2,116", False),  # another total: two digits apart
        ("23,000", "20,000", False),  # round figures: two estimates, not a slip
        ("47", "37", False),  # too small to tell a slip from another count
    ],
)
def test_a_total_one_digit_apart_is_a_lead_past_the_guards_on_occasion(make_claim: Callable[..., Claim], a: str, b: str, slip: bool) -> None:
    """Another year, other figures and other names in the sentences keep loosely aligned counts
    apart; a figure one digit off is one total mistyped whatever else the sentences say."""
    claims = [
        _total(make_claim, "a", a, f"Carter, a junior, now has {a} points, 13 more than Ross, who played from 1995-99.", years="1995", past="1", others="13"),
        _total(make_claim, "b", b, f"Carter now has {b} points in 106 games, but who is counting?", others="106"),
    ]
    found = [f for f in run(claims) if f.kind is Kind.DISCREPANCY]
    assert [(f.category, f.severity) for f in found] == ([(Category.NUMBER, Severity.INFO)] if slip else [])


@pytest.mark.parametrize(
    ("b", "change"),
    [
        ("2,029", {"verb": "score"}),  # another thing done
        ("2,029", {"anchors": ("Ross",)}),  # nobody named in common
        ("2,029", {"approximate": True}),  # an estimate
    ],
)
def test_a_figure_one_digit_off_about_something_else_is_no_slip(make_claim: Callable[..., Claim], b: str, change: dict[str, object]) -> None:
    claims = [
        _total(make_claim, "a", "2,129", "Carter, a junior, now has 2,129 points, 13 more than Ross, who played from 1995-99.", years="1995", past="1", others="13"),
        _total(make_claim, "b", b, f"Carter now has {b} points in 106 games, but who is counting?", others="106"),
    ]
    claims[1] = dataclasses.replace(claims[1], **{k: v for k, v in change.items() if k != "verb"})
    if "verb" in change:
        claims[1] = dataclasses.replace(claims[1], detail=tuple((k, str(change["verb"]) if k == "verb" else v) for k, v in claims[1].detail))
    assert not [f for f in run(claims) if f.kind is Kind.DISCREPANCY]


def test_a_figure_printed_with_a_scale_word_is_no_slip(make_claim: Callable[..., Claim]) -> None:
    """"1.25 million" and "1.35 million" are rounded: their other digits are nobody's count."""
    claims = [
        make_claim("a", "quantity", "refugee", "1.25 million refugees", "1250000", text="Carter said 1.25 million refugees have fled since 1995.",
                   key="carter refugee flee", anchors=("Carter",), thing="refugee", verb="flee", unit="", years="1995", past="1"),
        make_claim("b", "quantity", "refugee", "1.35 million refugees", "1350000", text="Carter said 1.35 million refugees have fled.",
                   key="carter refugee flee", anchors=("Carter",), thing="refugee", verb="flee", unit=""),
    ]
    assert not [f for f in run(claims) if f.kind is Kind.DISCREPANCY]


def test_a_row_of_figures_of_one_size_is_no_slip(make_claim: Callable[..., Claim]) -> None:
    """"$1,199 and $1,499 versions" against "$1,799 and $2,199": one price of a row aligned with another's."""
    claims = [
        _total(make_claim, "a", "1,199", "The small one comes in 1,199 and 1,499 points versions.", others="1499", years="1995", past="1"),
        _total(make_claim, "b", "2,199", "The large one comes in 1,799 and 2,199 points versions.", others="1799"),
    ]
    assert not [f for f in run(claims) if f.kind is Kind.DISCREPANCY]


def _age(
    make_claim: Callable[..., Claim], source: str, person: str, age: str, text: str, verb: str, anchors: tuple[str, ...] = (), apposed: str = "1", sentence: int = 0
) -> Claim:
    """An age claim as the claims stage makes it for "Name, 33," (`apposed`) in `text`."""
    return make_claim(
        source, "quantity", f"age of {person}", age, text=text, anchors=anchors or (person,), unit="year", thing="age", verb=verb, apposed=apposed, sentence=sentence
    )


@pytest.mark.parametrize(
    ("other_age", "named", "severity"),
    [
        ("97", "1", Severity.WARNING),  # one person, two ages years apart: one source is wrong
        ("78", "1", Severity.INFO),  # a birthday between two reports
        ("97", "", Severity.INFO),  # "He was 97." with the person guessed from earlier sentences
    ],
)
def test_a_named_persons_ages_years_apart_are_a_warning(make_claim: Callable[..., Claim], other_age: str, named: str, severity: Severity) -> None:
    claims = [
        _age(make_claim, "a", "Vincent Gigante", "77", "Vincent Gigante, 77, died in a prison hospital on Monday.", "die"),
        _age(make_claim, "b", "Vincent Gigante", other_age, f"The mob boss Gigante, {other_age}, died in prison, his lawyer said.", "die", apposed=named),
    ]
    assert only(run(claims), Kind.DISCREPANCY, Category.NUMBER).severity is severity


@pytest.mark.parametrize(("published_b", "severity"), [(dt.date(2021, 3, 2), Severity.WARNING), (dt.date(2023, 5, 2), Severity.INFO)])
def test_ages_given_years_apart_agree_with_reports_years_apart(make_claim: Callable[..., Claim], published_b: dt.date, severity: Severity) -> None:
    # 33 in a report of 2021 and 35 in one of 2023: two birthdays, not an error.
    claims = [
        _age(make_claim, "a", "Dana Hollis", "33", "Dana Hollis, 33, the bank's chief executive, announced a merger.", "announce"),
        _age(make_claim, "b", "Dana Hollis", "35", "The chief executive Dana Hollis, 35, announced on Monday that the bank would buy a rival.", "announce"),
    ]
    scene = Scene(published={"a": dt.date(2021, 3, 2), "b": published_b})
    assert only(compare(claims, align(claims), scene), Kind.DISCREPANCY, Category.NUMBER).severity is severity


@pytest.mark.parametrize(
    ("ages_a", "ages_b", "severity"),
    [
        ({"24", "52"}, {"52", "24"}, None),  # both give both ages to the name: father and son
        ({"24", "52"}, {"52"}, Severity.INFO),  # a gives the name two ages: namesakes, or a slip
        ({"24"}, {"52"}, Severity.WARNING),  # one person, two ages
    ],
)
def test_ages_of_a_name_a_source_gives_two_ages_are_no_warning(make_claim: Callable[..., Claim], ages_a: set[str], ages_b: set[str], severity: Severity | None) -> None:
    claims = [
        _age(make_claim, "a", "John Smith", "24", "Police charged John Smith, 24, with arson on Tuesday after a warehouse fire.", "charge"),
        _age(make_claim, "b", "John Smith", "52", "John Smith, 52, was charged with arson after the warehouse fire on Tuesday, police said.", "charge"),
    ]
    scene = Scene(ages={("a", "age of John Smith"): frozenset(ages_a), ("b", "age of John Smith"): frozenset(ages_b)})
    numbers = [f.severity for f in compare(claims, align(claims), scene) if f.kind is Kind.DISCREPANCY and f.category is Category.NUMBER]
    assert numbers == ([severity] if severity else [])


@pytest.mark.parametrize(
    ("first", "second", "warned"),
    [
        ("Katie Jenkin, 20, was found dead at home.", "Police named her as Katie Jenkin, 25, a student.", True),
        ("Katie Jenkin, 20, was found dead at home.", "Police named her as Katie Jenkin, 21, a student.", False),  # a birthday
        # Not the person's own age: set beside another name the parser linked to hers.
        ("Katie Jenkin, 20, was found dead at home.", "Police named her mother, Alice, 58, too.", False),
        # A father and son of one name, told apart in the sentence.
        ("Katie Jenkin, 20, was found dead at home.", "Her father, also named Katie Jenkin, 58, was away.", False),
        # Both in one sentence: two people named together.
        ("Katie Jenkin, 20, and her father Katie Jenkin, 58, lived there.", "Katie Jenkin, 20, and her father Katie Jenkin, 58, lived there.", False),
    ],
)
def test_one_source_giving_a_person_two_ages_is_a_warning(make_claim: Callable[..., Claim], first: str, second: str, warned: bool) -> None:
    """One article sets two ages beside one name: one of them is wrong, whatever the others say."""
    age = re.findall(r", (\d+),", second)[-1]
    claims = [
        _age(make_claim, "a", "Katie Jenkin", "20", first, "find"),
        _age(make_claim, "a", "Katie Jenkin", age, second, "name", sentence=0 if first == second else 3),
        _age(make_claim, "b", "Katie Jenkin", "20", "Katie Jenkin, 20, was found dead on Sunday.", "find"),
    ]
    own = [f for f in compare(claims, align(claims)) if f.kind is Kind.DISCREPANCY and "two ages" in f.summary]
    assert len(own) == warned
    if warned:
        assert own[0].severity is Severity.WARNING and {v.value for v in own[0].values} == {"20", "25"}
        assert {e.text for e in own[0].evidence} == {first, second}


def test_an_age_of_another_time_is_not_the_persons_age_now(make_claim: Callable[..., Claim]) -> None:
    """"Felt, 92, told CNN in 2006" gives his age then: no contradiction of "Felt, 95,"."""
    claims = [
        _age(make_claim, "a", "Mark Felt", "95", "Mark Felt, 95, died on Thursday.", "die"),
        make_claim("a", "quantity", "age of Mark Felt", "92", text="Felt, 92, told CNN in 2006 that he was proud.",
                   anchors=("Mark Felt",), unit="year", thing="age", verb="tell", apposed="1", past="1", sentence=5),
        _age(make_claim, "b", "Mark Felt", "95", "Mark Felt, 95, died at home.", "die"),
    ]
    assert not [f for f in compare(claims, align(claims)) if "two ages" in f.summary]


def test_a_sentence_of_no_content_words_aligns_with_its_like(make_claim: Callable[..., Claim]) -> None:
    """"She was 114." pairs with "She was 91.", not with a long sentence that gives the same age:
    the short sentences have no content words to compare, so their words are compared."""
    long = "Williams, whose swimming led to a career of Hollywood musicals, died yesterday at the age of 91."
    claims = [
        _age(make_claim, "a", "Esther Williams", "114", "She was 114.", "", apposed=""),
        _age(make_claim, "a", "Esther Williams", "91", long, "die", apposed=""),
        _age(make_claim, "b", "Esther Williams", "91", "She was 91.", "", apposed=""),
    ]
    claims = [dataclasses.replace(c, key="" if c.evidence.text.startswith("She") else "williams swimming lead career hollywood musical die") for c in claims]
    pairs = {tuple(sorted(str(claims[i].value) for i in g.members)) for g in align(claims) if len(g.members) == 2}
    assert pairs == {("114", "91")}


def test_one_persons_ages_in_unlike_sentences_are_not_compared(make_claim: Callable[..., Claim]) -> None:
    # Different verbs, different named things: the second age may be of another time ("At his
    # first trial, Mark Devlin, 30,"), so the two are not one fact however the name is written.
    claims = [
        _age(make_claim, "a", "Mark Devlin", "52", "Mark Devlin, 52, sat quietly beside his lawyers as the jury was sworn in.", "sit"),
        _age(make_claim, "b", "Mark Devlin", "30", "At his first trial, Mark Devlin, 30, was convicted, but the verdict was quashed on appeal.", "convict"),
    ]
    assert not [f for f in run(claims) if f.kind is Kind.DISCREPANCY]


def test_two_peoples_ages_in_alike_sentences_are_no_warning(make_claim: Callable[..., Claim]) -> None:
    # The driver's age against the victim's: sentences about one crash align, the people do not.
    both = ("Ruth Elling", "Carl Moss")
    claims = [
        _age(make_claim, "a", "Ruth Elling", "66", "Ruth Elling, 66, was killed when the car struck her outside a store.", "kill", both),
        _age(make_claim, "b", "Carl Moss", "36", "Carl Moss, 36, struck and killed a 66-year-old woman outside a store.", "kill", both),
    ]
    assert not [f for f in run(claims) if f.kind is Kind.DISCREPANCY and f.severity is not Severity.INFO]


def test_different_counted_things_are_not_compared(quantity: Callable[..., Claim]) -> None:
    claims = [
        quantity("a", "14", "memorandum of understanding", key=MOU_KEY, verb="sign"),
        quantity("b", "200", "business leader", key="lee accompany business leader", verb="accompany"),
    ]
    findings = run(claims)
    assert not [f for f in findings if f.kind is not Kind.UNIQUE]
    assert len(findings) == 2


# --- dates -------------------------------------------------------------------------------------


def test_weekday_and_calendar_date_of_the_same_day_agree(make_claim: Callable[..., Claim]) -> None:
    published = dt.date(2026, 1, 5)  # a Monday
    sunday, jan4 = dates.resolve("Sunday", published), dates.resolve("Jan 4", published)
    assert sunday == jan4 == "2026-01-04"
    claims = [
        make_claim("a", "date", "fly", "Sunday", sunday, text="On Sunday, Lee flew to Beijing.", key="lee fly beijing", anchors=("Beijing", "Lee Jae Myung"), event="fly"),
        make_claim("b", "date", "fly", "Jan 4", jan4, text="Lee flew to Beijing on Jan 4.", key="lee fly beijing", anchors=("Beijing", "Lee Jae Myung"), event="fly"),
    ]
    findings = run(claims)
    agreement = only(findings, Kind.AGREEMENT, Category.DATE)
    assert [v.value for v in agreement.values] == ["Sunday", "Jan 4"]
    assert not [f for f in findings if f.kind is Kind.DISCREPANCY]


@pytest.mark.parametrize(
    ("other", "severity"),
    [
        # five words and more before the day, and a stop or a comma after it in both: one date printed two ways
        ("Lee flew to Beijing on Jan 6, aides said.", Severity.WARNING),
        # the day closes no clause, or the words before it differ: a lead
        ("Lee flew to Beijing on Jan 6 with aides.", Severity.INFO),
        ("Lee landed in Beijing late on Jan 6.", Severity.INFO),
    ],
)
def test_different_days_of_one_event(make_claim: Callable[..., Claim], other: str, severity: Severity) -> None:
    claims = [
        make_claim("a", "date", "fly", "Jan 4", "2026-01-04", text="Lee flew to Beijing on Jan 4.", key="lee fly beijing", anchors=("Beijing",), event="fly"),
        make_claim("b", "date", "fly", "Jan 6", "2026-01-06", text=other, key="lee fly beijing", anchors=("Beijing",), event="fly"),
    ]
    assert only(run(claims), Kind.DISCREPANCY, Category.DATE).severity is severity


# --- lists -------------------------------------------------------------------------------------

AJ_LIST = ["Samsung", "SK Group", "LG"]
ST_LIST = ["Samsung Electronics", "Hyundai Motor Group", "SK Group", "LG Group"]


def _missing(summary: str) -> list[str]:
    """The members a list_membership summary names as missing: 'X (only b); Y (only a)' -> [X, Y]."""
    tail = summary.split(": ", 1)[1]
    return [re.sub(r"\s*\(only [^)]*\)$", "", part.strip()) for part in tail.split(";")]


@pytest.mark.parametrize("exhaustive", [False, True])
def test_list_names_only_the_member_the_other_lacks(make_claim: Callable[..., Claim], exhaustive: bool) -> None:
    claims = [
        make_claim("a", "list", "conglomerate", AJ_LIST, text="Lee was accompanied by heads of conglomerates, including Samsung, SK Group, and LG.", key="lee accompany head conglomerate samsung sk group lg", exhaustive=exhaustive, about="conglomerate"),
        make_claim("b", "list", "conglomerate", ST_LIST, text="Lee was accompanied by heads of conglomerates such as Samsung Electronics, Hyundai Motor Group, SK Group and LG Group.", key="lee accompany head conglomerate samsung electronics hyundai motor group sk group lg group", exhaustive=exhaustive, about="conglomerate"),
    ]
    finding = only(run(claims), Kind.DISCREPANCY, Category.LIST_MEMBERSHIP)
    assert _missing(finding.summary) == ["Hyundai Motor Group"]
    assert "Hyundai Motor Group (only b)" in finding.summary
    for matched in ("Samsung", "LG", "SK Group"):
        assert not any(m.startswith(matched) for m in _missing(finding.summary)), finding.summary
    assert finding.severity is Severity.INFO  # a lead: lists of aligned sentences often list other things
    assert [list(v.value) for v in finding.values] == [AJ_LIST, ST_LIST]


def test_lists_with_the_same_members_agree(make_claim: Callable[..., Claim]) -> None:
    claims = [
        make_claim("a", "list", "conglomerate", ["Samsung", "SK Group", "LG"], key="head conglomerate samsung sk lg", about="conglomerate"),
        make_claim("b", "list", "conglomerate", ["LG Group", "Samsung Electronics", "SK Group"], key="head conglomerate lg samsung sk", about="conglomerate"),
    ]
    findings = run(claims)
    only(findings, Kind.AGREEMENT, Category.LIST_MEMBERSHIP)
    assert not [f for f in findings if f.kind is Kind.DISCREPANCY]


# --- quotes ------------------------------------------------------------------------------------

QUOTE = "Friends grow closer with each meeting"


def _quote(make_claim: Callable[..., Claim], source: str, speaker: str, words: str = QUOTE) -> Claim:
    norm = " ".join(re.findall(r"[a-z0-9]+", words.lower()))
    return make_claim(source, "quote", speaker, words, norm, text=f"“{words},” said {speaker}.", key=norm, speaker=speaker, speaker_named="1" if speaker else "")


@pytest.mark.parametrize("other", ["Lee Jae Myung", "Li Qiang"])
def test_same_quote_different_speakers(make_claim: Callable[..., Claim], other: str) -> None:
    claims = [_quote(make_claim, "a", "Xi Jinping"), _quote(make_claim, "b", other)]
    finding = only(run(claims), Kind.DISCREPANCY, Category.QUOTE_SPEAKER)
    assert finding.severity is Severity.INFO  # a lead: who spoke is read by guess more often than misreported
    assert [(v.source, v.value) for v in finding.values] == [("a", "Xi Jinping"), ("b", other)]


HARBOUR_QUOTE = "We will keep the harbour open to every ship that needs shelter this winter"


@pytest.mark.parametrize("other_words", [HARBOUR_QUOTE, "We will keep the harbour open to every ship that needs shelter"])
def test_a_long_quote_given_to_two_people_is_a_warning(make_claim: Callable[..., Claim], other_words: str) -> None:
    """Ten words or more, the same in both (or one's within the other's): one utterance, and who
    said it is a fact the sources disagree on; a short phrase two people may both have said."""
    claims = [_quote(make_claim, "a", "Dana Kemp", HARBOUR_QUOTE), _quote(make_claim, "b", "Ravi Osei", other_words)]
    assert only(run(claims), Kind.DISCREPANCY, Category.QUOTE_SPEAKER).severity is Severity.WARNING
    nine = "We will keep the harbour open to every ship"
    short = [_quote(make_claim, "a", "Dana Kemp", nine), _quote(make_claim, "b", "Ravi Osei", nine)]
    assert only(run(short), Kind.DISCREPANCY, Category.QUOTE_SPEAKER).severity is Severity.INFO


@pytest.mark.parametrize(("first", "other"), [("Xi Jinping", "Xi Jinping"), ("Xi Jinping", "Xi"), ("Xi Jinping", "XI JINPING")])
def test_same_quote_same_speaker_agrees(make_claim: Callable[..., Claim], first: str, other: str) -> None:
    """One person named in full, by one name, or in capitals."""
    findings = run([_quote(make_claim, "a", first), _quote(make_claim, "b", other)])
    only(findings, Kind.AGREEMENT, Category.QUOTE_WORDING)
    assert not [f for f in findings if f.kind is Kind.DISCREPANCY]


@pytest.mark.parametrize("other", ["Comedian Ellen Park", "PDT Ellen Park", "Sgt"])
def test_titles_before_a_speaker_are_not_another_speaker(make_claim: Callable[..., Claim], other: str) -> None:
    """Outlets put different words before a name, and a bare title is a name the parser lost."""
    findings = run([_quote(make_claim, "a", "Actress Ellen Park"), _quote(make_claim, "b", other)])
    assert not [f for f in findings if f.kind is Kind.DISCREPANCY]


LONG_QUOTE = "That person is dangerous and needs to be found as soon as possible"


def test_a_shortened_quote_agrees(make_claim: Callable[..., Claim]) -> None:
    short = "That person needs to be found as soon as possible"
    findings = run([_quote(make_claim, "a", "Lt Dana Ruiz", LONG_QUOTE), _quote(make_claim, "b", "Lt Dana Ruiz", short)])
    only(findings, Kind.AGREEMENT, Category.QUOTE_WORDING)


@pytest.mark.parametrize(
    ("long", "short"),
    [
        ("That person is not dangerous and needs to be found soon", "That person is dangerous and needs to be found soon"),
        (LONG_QUOTE, "That person is dangerous and needs to be caught soon"),
    ],
)
def test_a_quote_shortened_by_a_negation_or_changed_is_a_lead(make_claim: Callable[..., Claim], long: str, short: str) -> None:
    """Leaving out "not" reverses a quote; a word the longer quote lacks changes it."""
    findings = run([_quote(make_claim, "a", "Lt Dana Ruiz", long), _quote(make_claim, "b", "Lt Dana Ruiz", short)])
    assert only(findings, Kind.DISCREPANCY, Category.QUOTE_WORDING).severity is Severity.INFO


# --- unique claims -----------------------------------------------------------------------------


def test_claim_without_counterpart_is_unique(quantity: Callable[..., Claim], make_claim: Callable[..., Claim]) -> None:
    soldiers = "South Korea hosts the largest US military base in Asia with roughly 28,500 soldiers stationed there."
    claims = [
        quantity("a", "14", "memorandum of understanding", text=MOU_SENTENCE.format(14), key=MOU_KEY, verb="sign", sentence=0),
        quantity("a", "roughly 28,500", "soldier", text=soldiers, key="south korea host large us military base asia soldier station", verb="station", start=200, sentence=1),
        quantity("b", "14", "memorandum of understanding", text=MOU_SENTENCE.format(14), key=MOU_KEY, verb="sign", sentence=0),
    ]
    findings = run(claims)
    only(findings, Kind.AGREEMENT, Category.NUMBER)
    unique = only(findings, Kind.UNIQUE, Category.NUMBER)
    assert unique.severity is Severity.INFO
    assert [(v.source, v.value) for v in unique.values] == [("a", "roughly 28,500")]
    assert unique.evidence == (Evidence("a", soldiers, 200, 200 + len(soldiers)),)
    assert unique.summary.startswith("Only a ")


def test_statement_is_unique_only_when_its_sentence_says_nothing_else(make_claim: Callable[..., Claim], quantity: Callable[..., Claim]) -> None:
    covered = MOU_SENTENCE.format(14)
    alone = "Money clearly matters to both governments and their business leaders."
    claims = [
        quantity("a", "14", "memorandum of understanding", text=covered, key=MOU_KEY, verb="sign", sentence=0),
        make_claim("a", "statement", "statement", covered, "summit country sign 14 memorandum understanding", sentence=0),
        make_claim("a", "statement", "statement", alone, "money clearly matter government business leader", start=100, sentence=1),
        quantity("b", "14", "memorandum of understanding", text=covered, key=MOU_KEY, verb="sign", sentence=0),
    ]
    unique = [f for f in run(claims) if f.kind is Kind.UNIQUE]
    assert [(f.category, f.values[0].value) for f in unique] == [(Category.STATEMENT, alone)]


# --- report order and the gate -----------------------------------------------------------------

SOURCES = (Source("a", "a.md", "text a"), Source("b", "b.md", "text b"))


def _finding(kind: Kind, severity: Severity, n: int, source: str = "a", start: int = 0) -> Finding:
    text = f"Sentence number {n}."
    return make(kind, Category.STATEMENT if kind is not Kind.DISCREPANCY else Category.NUMBER, severity, f"subject {n}", f"summary {n}", (Value(source, str(n)),), (Evidence(source, text, start, start + len(text)),), 0.9)


def test_report_orders_discrepancies_by_severity_then_agreements_then_unique() -> None:
    findings = [
        _finding(Kind.UNIQUE, Severity.INFO, 1, start=0),
        _finding(Kind.DISCREPANCY, Severity.INFO, 2, start=10),
        _finding(Kind.AGREEMENT, Severity.INFO, 3, start=20),
        _finding(Kind.DISCREPANCY, Severity.ERROR, 4, start=900),
        _finding(Kind.DISCREPANCY, Severity.WARNING, 5, start=30),
        _finding(Kind.DISCREPANCY, Severity.ERROR, 6, source="b", start=0),
        _finding(Kind.UNIQUE, Severity.INFO, 7, source="b", start=5),
    ]
    expected = [(Kind.DISCREPANCY, Severity.ERROR, "4"), (Kind.DISCREPANCY, Severity.ERROR, "6"), (Kind.DISCREPANCY, Severity.WARNING, "5"), (Kind.DISCREPANCY, Severity.INFO, "2"), (Kind.AGREEMENT, Severity.INFO, "3"), (Kind.UNIQUE, Severity.INFO, "1"), (Kind.UNIQUE, Severity.INFO, "7")]
    for seed in range(5):
        shuffled = findings[:]
        random.Random(seed).shuffle(shuffled)
        report = build(SOURCES, shuffled)
        assert [(f.kind, f.severity, f.values[0].value) for f in report.findings] == expected


def test_report_drops_repeated_findings() -> None:
    f = _finding(Kind.AGREEMENT, Severity.INFO, 1)
    report = build(SOURCES, [f, f, dataclasses.replace(f, summary="same id, other words")])
    assert report.findings == (f,)
    assert report.counts()["total"] == 1


@pytest.mark.parametrize(
    ("severities", "threshold", "fails"),
    [
        ([], Severity.INFO, False),
        ([Severity.INFO], Severity.ERROR, False),
        ([Severity.INFO], Severity.WARNING, False),
        ([Severity.INFO], Severity.INFO, True),
        ([Severity.WARNING, Severity.INFO], Severity.ERROR, False),
        ([Severity.WARNING, Severity.INFO], Severity.WARNING, True),
        ([Severity.WARNING], Severity.INFO, True),
        ([Severity.ERROR], Severity.ERROR, True),
        ([Severity.ERROR], Severity.WARNING, True),
        ([Severity.ERROR], None, False),
    ],
)
def test_report_fails_at_threshold(severities: list[Severity], threshold: Severity | None, fails: bool) -> None:
    findings = [_finding(Kind.DISCREPANCY, s, n) for n, s in enumerate(severities)]
    findings.append(_finding(Kind.AGREEMENT, Severity.INFO, 99))
    assert Report(SOURCES, tuple(findings)).fails(threshold) is fails


def test_agreements_and_unique_claims_never_fail_the_gate() -> None:
    report = build(SOURCES, [_finding(Kind.AGREEMENT, Severity.ERROR, 1), _finding(Kind.UNIQUE, Severity.ERROR, 2)])
    assert report.worst() is None
    assert not report.fails(Severity.INFO)


# --- finding ids -------------------------------------------------------------------------------


def _shifted(c: Claim, by: int) -> Claim:
    e = c.evidence
    return dataclasses.replace(c, evidence=Evidence(e.source, e.text, e.start + by, e.end + by), sentence=c.sentence + 3)


def test_finding_ids_do_not_depend_on_offsets(quantity: Callable[..., Claim], make_claim: Callable[..., Claim]) -> None:
    claims = [
        quantity("a", "14", "memorandum of understanding", text=MOU_SENTENCE.format(14), key=MOU_KEY, verb="sign", start=40),
        quantity("b", "15", "memorandum of understanding", text=MOU_SENTENCE.format(15), key=MOU_KEY, verb="sign", start=70),
        _quote(make_claim, "a", "Xi Jinping"),
        _quote(make_claim, "b", "Lee Jae Myung"),
        make_claim("a", "statement", "statement", "Money clearly matters to both governments and their firms.", "money matter government firm", start=500, sentence=7),
    ]
    before = run(claims)
    after = run([_shifted(c, 1234) for c in claims])
    assert len(before) == 3
    assert sorted(f.id for f in before) == sorted(f.id for f in after)
    assert all(ID_PATTERN.match(f.id) for f in before)
    assert len({f.id for f in before}) == len(before)


def test_finding_id_is_a_hash_of_content() -> None:
    values = (Value("a", "14"), Value("b", "15"))
    ev = (Evidence("a", "They signed 14 memorandums.", 10, 37), Evidence("b", "They signed 15 memorandums.", 0, 27))
    moved = (Evidence("a", "They signed 14 memorandums.", 510, 537), Evidence("b", "They signed 15 memorandums.", 90, 117))
    respaced = (Evidence("a", "They  signed 14\nmemorandums.", 10, 38), Evidence("b", "they signed 15 memorandums.", 0, 27))
    base = make(Kind.DISCREPANCY, Category.NUMBER, Severity.ERROR, "memorandum", "14 vs 15", values, ev, 1.0)
    assert ID_PATTERN.match(base.id) and base.id.startswith("CC103-")
    # Same content elsewhere in the file, reworded summary, other severity or confidence: same id.
    assert make(Kind.DISCREPANCY, Category.NUMBER, Severity.WARNING, "memorandum", "other words", values, moved, 0.7).id == base.id
    assert make(Kind.DISCREPANCY, Category.NUMBER, Severity.ERROR, "memorandum", "14 vs 15", values, respaced, 1.0).id == base.id
    # What the finding says changes: another id.
    assert make(Kind.DISCREPANCY, Category.NUMBER, Severity.ERROR, "memorandum", "14 vs 16", (Value("a", "14"), Value("b", "16")), ev, 1.0).id != base.id
    assert make(Kind.AGREEMENT, Category.NUMBER, Severity.INFO, "memorandum", "14 vs 15", values, ev, 1.0).id != base.id
    assert make(Kind.DISCREPANCY, Category.NUMBER, Severity.ERROR, "agreement", "14 vs 15", values, ev, 1.0).id != base.id


@pytest.mark.parametrize("category", list(Category))
def test_finding_id_carries_the_category_code(category: Category) -> None:
    f = make(Kind.UNIQUE, category, Severity.INFO, "s", "summary", (Value("a", "v"),), (Evidence("a", "v", 0, 1),), 1.0)
    assert f.id.split("-")[0] == CODES[category]
    assert ID_PATTERN.match(f.id)


def test_masked_scores_equal_full_scores_where_wanted(make_claim: Callable[..., Claim]) -> None:
    """Many-source alignment scores only the pairs it reads; those must score as in the full matrix."""
    import numpy as np

    from crosscheck.align import score_matrix

    texts = [
        "The storm killed 14 people in the coastal town on Monday",
        "Fourteen people died when the storm hit the coastal town",
        "The storm killed 15 people in the coastal town on Monday",
        "Officials said the coastal town would reopen schools",
        "Schools in the coastal town will reopen, officials said",
        "A storm hit the coastal town",
    ]
    kinds = {
        "statement": lambda s, t: make_claim(s, "statement", "statement", t),
        "quantity": lambda s, t: make_claim(s, "quantity", "death", "14", text=t, unit="", thing="people", verb="kill"),
        "quote": lambda s, t: make_claim(s, "quote", "Mayor Lee", t, speaker="Mayor Lee"),
    }
    rng = np.random.default_rng(1)
    for of_kind in kinds.values():
        cs = [of_kind("abc"[n % 3], t) for n, t in enumerate(texts)]
        full = score_matrix(cs, cs, cs[0].kind)
        want = rng.random((len(cs), len(cs))) < 0.5
        masked = score_matrix(cs, cs, cs[0].kind, want)
        assert np.array_equal(masked[want], full[want])
        assert full[want].any()


def _sentences(source: str, texts: Sequence[str]) -> tuple[Sentence, ...]:
    out, at = [], 0
    for n, t in enumerate(texts):
        out.append(Sentence(source, n, at, at + len(t), t, ()))
        at += len(t) + 1
    return tuple(out)


LEAD = "A bomb at a bank killed an officer and a technician, and police had no suspects, officials said on Saturday."
QUOTE = '"That person is dangerous and must be found as soon as possible," said Lt.'


def test_a_speaker_the_parser_cut_off_from_a_copied_quote_is_still_compared() -> None:
    """One copy split after "Lt.", the other run on: read with the copied sentence before them,
    the two say the same words were said by different people."""
    people = frozenset({"Dana Kemp", "Kofi Osei"})
    scene = Scene(known={"a": people, "b": people}, people=people)
    sentences = {
        "a": _sentences("a", ["Bank bomb kills two.", LEAD, QUOTE, "Dana Kemp of the state police."]),
        "b": _sentences("b", ["Bomb at bank.", LEAD, f"{QUOTE} Kofi Osei of the state police."]),
    }
    (found,) = compare([], [], scene, (), sentences)
    assert (found.kind, found.category, found.severity) == (Kind.DISCREPANCY, Category.QUOTE_SPEAKER, Severity.ERROR)
    assert [str(v.value) for v in found.values] == ["Dana Kemp", "Kofi Osei"]  # the title is no part of who
    assert [e.text for e in found.evidence] == [f"{QUOTE} Dana Kemp of the state police.", f"{QUOTE} Kofi Osei of the state police."]
    # Not after a copied sentence: nothing to read them with.
    sentences["b"] = _sentences("b", ["Bomb at bank.", "Another lead, written by the other outlet's own reporter on the day.", f"{QUOTE} Kofi Osei of the state police."])
    assert compare([], [], scene, (), sentences) == ()


def test_a_byline_date_before_a_copied_lead_is_not_compared() -> None:
    """Two outlets run one wire story on two days: the dateline before the shared lead differs."""
    scene = Scene(known={"a": frozenset(), "b": frozenset()})
    sentences = {
        "a": _sentences("a", ["Bank bomb kills two.", "By Dana Kemp, June 3, 2013.", LEAD, "More soon."]),
        "b": _sentences("b", ["Bank bomb kills two.", "By Dana Kemp, June 4, 2013.", LEAD, "More soon."]),
    }
    assert compare([], [], scene, (), sentences) == ()
    sentences["b"] = _sentences("b", ["Bank bomb kills two.", "By Dana Kemp, June 3, 2013.", LEAD, "Two more died on June 5, 2013."])
    sentences["a"] = _sentences("a", ["Bank bomb kills two.", "By Dana Kemp, June 3, 2013.", LEAD, "Two more died on June 4, 2013."])
    (found,) = compare([], [], scene, (), sentences)  # after the lead, a date changed is one fact
    assert found.category is Category.DATE and found.severity is Severity.ERROR


def test_a_misspelt_name_after_words_the_parser_took_in_is_reported() -> None:
    """ "Actor Peter Cpaaldi" (a headline's words run into the name) and "Peter Capaldi" in one
    article: the same given name, a surname one slip apart."""
    from crosscheck.spelling import name_findings
    from crosscheck.model import Entities, Entity, EntityRef

    texts = ["Doctor Who: Actor Peter Cpaaldi is the new Doctor.", "Peter Capaldi will play the role from Christmas."]
    people = [("Actor Peter Cpaaldi", 0), ("Peter Capaldi", 1)]
    ents = Entities(
        "a",
        tuple(Entity(f"a:PERSON:{n}", "a", "PERSON", n, (n,)) for n, _ in people),
        tuple(EntityRef(f"a:PERSON:{n}", n, k, 0, 0) for n, k in people),
    )
    found = name_findings([ents], {e.key: e.name for e in ents.entities}, {"a": _sentences("a", texts)})
    assert [sorted(str(v.value) for v in f.values) for f in found] == [["Peter Capaldi", "Peter Cpaaldi"]]
    assert [e.text for e in found[0].evidence] == texts
    other = Entities("a", (*ents.entities[:1], Entity("a:PERSON:Paul Capaldi", "a", "PERSON", "Paul Capaldi", ("Paul Capaldi",))),
                     (ents.refs[0], EntityRef("a:PERSON:Paul Capaldi", "Paul Capaldi", 1, 0, 0)))
    assert name_findings([other], {e.key: e.name for e in other.entities}, {"a": _sentences("a", texts)}) == []  # another given name


def test_an_untagged_slip_is_reported_once_beside_the_tagged_name() -> None:
    """A misspelt mention no entity covers ("Sutopo Purwo Nguroho" in b): reported beside the
    source that tags the name, and not again where a finding shows the word already."""
    from crosscheck.model import Entities, Entity, EntityRef
    from crosscheck.spelling import slip_findings

    name = "Sutopo Purwo Nugroho"
    ents_a = Entities("a", (Entity(f"a:PERSON:{name}", "a", "PERSON", name, (name,)),), (EntityRef(f"a:PERSON:{name}", name, 0, 0, 0),))
    ents_b = Entities("b", (), ())
    sentences = {"a": _sentences("a", [f"{name} said 24 people died."]), "b": _sentences("b", ["Houses fell, spokesman Sutopo Purwo Nguroho said."])}
    (found,) = slip_findings([ents_a, ents_b], {}, sentences, [])
    assert (found.category, found.severity) == (Category.NAME_SPELLING, Severity.WARNING)
    assert found.summary == "Name spelt differently: Sutopo Purwo Nugroho (a) vs Sutopo Purwo Nguroho (b)"
    assert [e.text for e in found.evidence] == [sentences["a"][0].text, sentences["b"][0].text]
    assert slip_findings([ents_a, ents_b], {}, sentences, [found]) == []  # shown already
    sentences["b"] = _sentences("b", [f"Houses fell, spokesman {name} said, and {name} added more."])
    assert slip_findings([ents_a, ents_b], {}, sentences, []) == []

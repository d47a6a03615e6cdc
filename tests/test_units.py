"""Table-driven tests of the pure string stages: names, quantities, dates and cleaning."""

from __future__ import annotations

import datetime as dt

import pytest

from crosscheck import clean, dates, names, quantities
from crosscheck.entities import PERSON_MATCH
from crosscheck.model import Source
from crosscheck.names import Variant
from crosscheck.sources import parse_source

# --- names -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("Xi Jinping", "Xi Jinping", Variant.SAME),
        ("Wi Sung Lac", "Wi Sung Lak", Variant.ROMANISATION),
        ("Lee Seong-hyon", "Lee Sung-hyun", Variant.ROMANISATION),
        ("Kim Jong Un", "Kim Jong-un", Variant.FORMAT),
        ("Lee Jae Myung", "Lee Jae-myung", Variant.FORMAT),
        ("Lee Dong-gyu", "Lee Dong Gyu", Variant.FORMAT),
        ("Mason Richey", "mason richey", Variant.FORMAT),
        ("José Mourinho", "Jose Mourinho", Variant.FORMAT),
        ("Donald Trump", "Donald J. Trump", Variant.INITIALS),
        ("John F. Kennedy", "John Kennedy", Variant.INITIALS),
        ("George H.W. Bush", "George Bush", Variant.INITIALS),
        ("Wladimir Klitschko", "Wladimir Klitchsko", Variant.LETTERS),
        ("Lee Dong-gyu", "Lee Seong-hyon", Variant.LETTERS),
    ],
)
def test_variant(a: str, b: str, expected: Variant) -> None:
    assert names.variant(a, b) is expected
    assert names.variant(b, a) is expected


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Wi Sung Lac", "Wi Sung Lak"),
        ("Lee Seong-hyon", "Lee Sung-hyun"),
        ("Kim Jong Un", "Kim Jong-un"),
        ("Lee Jae Myung", "Lee Jae-myung"),
        ("Lee Dong-gyu", "Lee Dong Gyu"),
        ("Lee Dong-gyu", "Lee Donggyu"),
        ("Xi Jinping", "Xi Jin-ping"),
        ("Donald Trump", "Donald J. Trump"),
        ("John F. Kennedy", "John Kennedy"),
        ("George H.W. Bush", "George Bush"),
        ("Phil Schiller", "Philip Shciller"),  # a short given name and a surname slip at once
        ("W. Mark Felt", "Mark Felt"),  # a first initial left out
        ("J. Edgar Hoover", "Edgar Hoover"),
        ("Fred LaRue", "Frederick C. LaRue"),  # a short given name, and a middle initial on one side
        ("Bill Clinton", "William Jefferson Clinton"),
    ],
)
def test_same_person(a: str, b: str) -> None:
    assert names.same_person(a, b) >= PERSON_MATCH
    assert names.same_person(b, a) >= PERSON_MATCH


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Lee Dong-gyu", "Lee Seong-hyon"),
        ("Lee Jae Myung", "Lee Dong-gyu"),
        ("Lee Jae Myung", "Lee Seong-hyon"),
        ("Kim Jong Un", "Kim Yo Jong"),
        ("Kim Jong Un", "Kim Hea Kyung"),
        ("Xi Jinping", "Xi"),
        ("Phil Schiller", "Bill Shiller"),  # another given name as well as a slip
        ("W. Mark Felt", "Joan Felt"),  # an initial left out, and another given name
        ("a Tony Award", "Tony Awards"),  # an article, not an initial
        ("Bill Clinton", "Hillary Rodham Clinton"),  # a middle name on one side, another given name
        ("Fred Smith", "Frederick C. Jones"),  # the given name alone
    ],
)
def test_not_the_same_person(a: str, b: str) -> None:
    assert names.same_person(a, b) == 0.0
    assert names.same_person(b, a) == 0.0


@pytest.mark.parametrize(
    ("short", "long", "expected"),
    [
        ("HUFS", "Hankuk University of Foreign Studies", True),
        ("APEC", "Asia-Pacific Economic Cooperation", True),
        ("PMZ", "Provisional Maritime Zone", True),
        ("NATO", "North Atlantic Treaty Organization", True),
        ("THAAD", "Terminal High Altitude Area Defense", True),
        ("U.S.", "United States", True),
        ("US", "United Kingdom", False),
        ("Hufs", "Hankuk University of Foreign Studies", False),
        ("ABC", "Hankuk University of Foreign Studies", False),
        ("A", "Asia", False),
    ],
)
def test_is_acronym(short: str, long: str, expected: bool) -> None:
    assert names.is_acronym(short, long) is expected
    # Linking compares only names whose keys meet: an acronym and its expansion always do, each
    # looked up against the other indexed.
    for indexed, asked in ((short, long), (long, short)):
        assert bool(names.acronym_keys(indexed) & names.acronym_keys(asked, query=True)) or not expected


def test_places_and_laws_link_by_name_or_acronym_only() -> None:
    from crosscheck.entities import link
    from crosscheck.model import Entities, Entity

    def things(source: str, label: str, *names_: str) -> Entities:
        return Entities(source, tuple(Entity(f"{source}:{label}:{n}", source, label, n, (n,)) for n in names_), ())

    linked = link([things("a", "GPE", "United States", "Springfield"), things("b", "GPE", "U.S.", "springfield", "Shelbyville"),
                   things("c", "LAW", *(f"section {i}" for i in range(300)))])
    assert linked["b:GPE:U.S."] == "United States" and linked["b:GPE:springfield"] == "Springfield"
    assert linked["b:GPE:Shelbyville"] == "Shelbyville"
    assert len({linked[f"c:LAW:section {i}"] for i in range(300)}) == 300  # one initial, three hundred laws


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("Samsung", "Samsung Electronics", True),
        ("LG", "LG Group", True),
        ("Hyundai", "Hyundai Motor Group", True),
        ("samsung", "Samsung", True),
        ("HUFS", "Hankuk University of Foreign Studies", True),
        ("Asan Institute", "Asan Institute for Policy Studies", True),
        ("SK Group", "LG Group", False),
        ("Samsung Electronics", "Hyundai Motor Group", False),
        ("East Asian Institute", "Asan Institute", False),
        ("Bank of America", "Bank of China", False),
    ],
)
def test_same_org(a: str, b: str, expected: bool) -> None:
    assert names.same_org(a, b) is expected
    assert names.same_org(b, a) is expected


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("North Korea's", "North Korea"),
        ("Lee’s", "Lee"),
        ("Xi's", "Xi"),
        ("the Philippines'", "Philippines"),
        ("the Yellow Sea", "Yellow Sea"),
        ("The Asan Institute", "Asan Institute"),
        ("Mr Xi", "Xi"),
        ("Mr. Lee's", "Lee"),
        ("Dr Lee Seong-hyon", "Lee Seong-hyon"),
        ("Prime Minister Sanae Takaichi", "Sanae Takaichi"),
        ("Wi Sung Lac,", "Wi Sung Lac"),
        ("Lee Jae Myung", "Lee Jae Myung"),
    ],
)
def test_strip_name(text: str, name: str) -> None:
    assert names.strip_name(text)[0] == name


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("Mr Xi", "mr"),
        ("Mr. Lee's", "mr"),
        ("Dr Lee Seong-hyon", "dr"),
        ("Prof Zhang", "prof"),
        ("Lee Dong-gyu", None),
        ("the Yellow Sea", None),
    ],
)
def test_strip_name_title(text: str, title: str | None) -> None:
    assert names.strip_name(text)[1] == title


# --- quantities --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value", "unit", "approximate"),
    [
        ("14", 14, "", False),
        ("fourteen", 14, "", False),
        ("twenty-five", 25, "", False),
        ("some 200", 200, "", True),
        ("about 200", 200, "", True),
        ("more than 80", 80, "", True),
        ("roughly 28,500", 28500, "", True),
        ("two million", 2e6, "", False),
        ("1.5 million", 1.5e6, "", False),
        ("a dozen", 12, "", False),
        ("half a million", 5e5, "", False),
        ("US$300 billion", 3e11, "USD", False),
        ("$350bn", 3.5e11, "USD", False),
        ("S$384 billion", 3.84e11, "SGD", False),
        ("€5m", 5e6, "EUR", False),
        ("4.5 per cent", 4.5, "%", False),
        ("4.5%", 4.5, "%", False),
        ("seven to 75 years", 7, "", False),  # a range reads its first number, word or digits
        ("7 to 75 years", 7, "", False),
        ("a 36-year", 36, "", False),
    ],
)
def test_parse_amount(text: str, value: float, unit: str, approximate: bool) -> None:
    amount = quantities.parse_amount(text)
    assert amount is not None
    assert amount.value == pytest.approx(value)
    assert amount.unit == unit
    assert amount.approximate is approximate


@pytest.mark.parametrize("text", ["", "nothing", "several", "the summit"])
def test_parse_amount_without_a_number(text: str) -> None:
    assert quantities.parse_amount(text) is None


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("some 200", "about 200", True),
        ("some 200", "200", True),
        ("some 200", "210", True),
        ("14", "fourteen", True),
        ("US$300 billion", "$300bn", True),
        ("14", "15", False),
        ("200", "201", False),
        ("some 200", "300", False),
        ("US$300 billion", "S$300 billion", False),
        ("4.5%", "US$4.5", False),
    ],
)
def test_same_amount(a: str, b: str, same: bool) -> None:
    x, y = quantities.parse_amount(a), quantities.parse_amount(b)
    assert x is not None and y is not None
    assert quantities.same_amount(x, y) is same
    assert quantities.same_amount(y, x) is same


# --- dates -------------------------------------------------------------------------------------

MON_JAN_5 = dt.date(2026, 1, 5)
TUE_JAN_6 = dt.date(2026, 1, 6)


@pytest.mark.parametrize(
    ("text", "published", "future", "expected"),
    [
        ("Sunday", MON_JAN_5, False, "2026-01-04"),
        ("on Sunday", TUE_JAN_6, False, "2026-01-04"),
        ("Monday", MON_JAN_5, False, "2026-01-05"),
        ("Monday", TUE_JAN_6, False, "2026-01-05"),
        ("Sunday", MON_JAN_5, True, "2026-01-11"),
        ("next Sunday", MON_JAN_5, False, "2026-01-11"),
        ("Jan 4", MON_JAN_5, False, "2026-01-04"),
        ("4 January", MON_JAN_5, False, "2026-01-04"),
        ("January 4, 2026", None, False, "2026-01-04"),
        ("2026-01-04", None, False, "2026-01-04"),
        ("Jan 4", None, False, "--01-04"),
        ("Jan 13", TUE_JAN_6, True, "2026-01-13"),
        ("Dec 30", TUE_JAN_6, False, "2025-12-30"),
        ("Dec 30", MON_JAN_5, False, "2025-12-30"),
        ("December", MON_JAN_5, False, "2025-12"),
        ("November 2025", None, False, "2025-11"),
        ("last year", MON_JAN_5, False, "2025"),
        ("this year", MON_JAN_5, False, "2026"),
        ("next year", MON_JAN_5, False, "2027"),
        ("since 2019", MON_JAN_5, False, "2019"),
        ("2019", None, False, "2019"),
        ("yesterday", TUE_JAN_6, False, "2026-01-05"),
        ("Sunday", None, False, None),
        ("last year", None, False, None),
        ("last week", MON_JAN_5, False, None),
        ("decades", MON_JAN_5, False, None),
        ("the 1990s", MON_JAN_5, False, None),
        ("Feb 30", MON_JAN_5, False, None),
    ],
)
def test_resolve(text: str, published: dt.date | None, future: bool, expected: str | None) -> None:
    assert dates.resolve(text, published, future=future) == expected


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [("2026-01-04", "2026-01-04", True), ("2026-01", "2026-01-04", True), ("2026", "2026-01-04", True), ("2026-01-04", "2026-01-05", False), ("2025", "2026-01", False)],
)
def test_dates_compatible(a: str, b: str, expected: bool) -> None:
    assert dates.compatible(a, b) is expected
    assert dates.compatible(b, a) is expected


@pytest.mark.parametrize(
    ("text", "span"),
    [("from 1974 to 1978", True), ("1995-99", True), ("2005/06", True), ("between 2001 and 2005", True),
     ("2013-12-15", False), ("May 30, 2005", False), ("in 1978", False), ("December 2004", False),
     ("Dec. 7, 2011 - 70 years to the day", False), ("2013-12", False), ("1 May 2013 - 12", False), ("1999-2000", True)],
)
def test_a_span_of_years_is_no_date(text: str, span: bool) -> None:
    assert dates.is_span(text) is span


# --- cleaning ----------------------------------------------------------------------------------

ARTICLE_BEFORE = "Seoul – The two leaders met on Monday and agreed to hold annual meetings."
ARTICLE_AFTER = "Both countries signed 14 memorandums of understanding during the visit."
CHROME = [
    "Recommended Stories",
    "list of 4 items- list 1 of 4Israel kills two in Gaza as Palestinians call for Rafah crossing to open",
    "- list 2 of 4The Take: What does Israel’s recognition of Somaliland mean for the region?",
    "Sign up now: Get insights on Asia's fast-moving developments",
    "PHOTO: AFP",
    "1 day ago",
    "16",
    "Why South Korea needs China",
    "## Silence on Taiwan",
    "Advertisement",
    "By John Smith",
    "Updated: Jan 5, 2026, 10:42 am",
    "© 2026 Reuters",
    # Furniture of any length: a footer of legal text is long.
    "© 2026 Thomson Reuters. All rights reserved. " + "Republication or redistribution of Thomson Reuters content is prohibited without consent. " * 5,
]


def _source(body: str, newline: str = "\n") -> Source:
    text = newline.join(["---", "title: A test", "published: 2026-01-05", "---", body])
    return parse_source(text.encode("utf-8"), "test.md", default_id="test")


@pytest.mark.parametrize("chrome", CHROME)
def test_clean_drops_page_chrome(chrome: str) -> None:
    source = _source("\n".join([ARTICLE_BEFORE, chrome, ARTICLE_AFTER, ""]))
    segments = clean.clean(source)
    assert [s.text for s in segments] == [ARTICLE_BEFORE, ARTICLE_AFTER]
    for s in segments:
        assert source.text[s.start : s.end] == s.text
        assert s.source_id == "test"


@pytest.mark.parametrize(
    "address",
    [
        "http: / / news. example. com / nation / 2005-12-19-obit _ x. htm",
        "http: / / worldnews. example. com / _ news / 2013 / 09 / 09 / 20401724-thieves-in-26-million-raid",
    ],
)
def test_a_detokenised_web_address_is_cut_out_whole(address: str) -> None:
    """" _ " joins words of an address as "/" does: "x. htm" left behind would be a name, "news /
    2013 / 09" a count of nine."""
    source = _source(address + " The boss died on Monday in prison.\n")
    assert [s.text for s in clean.clean(source)] == ["The boss died on Monday in prison."]


@pytest.mark.parametrize(
    ("line", "kept"),
    [
        # A whole article on one line behind a numeric time stamp: the stamp goes, the article stays.
        ("Posted 12 / 19 / 2005 3: 36 PM " + ARTICLE_BEFORE + " " + ARTICLE_AFTER, ARTICLE_BEFORE + " " + ARTICLE_AFTER),
        # ... or behind a label that chrome starts with: too long to be page furniture.
        ("Sources: Team Meets Agent " + (ARTICLE_BEFORE + " ") * 4 + ARTICLE_AFTER, "Sources: Team Meets Agent " + (ARTICLE_BEFORE + " ") * 4 + ARTICLE_AFTER),
        ("Sources: Reuters, AFP", None),
    ],
)
def test_a_long_line_is_never_dropped_whole_as_chrome(line: str, kept: str | None) -> None:
    source = _source(ARTICLE_BEFORE + "\n" + line + "\n")
    assert [s.text for s in clean.clean(source)] == [ARTICLE_BEFORE, *([kept] if kept else [])]


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_clean_keeps_offsets_into_the_original(newline: str) -> None:
    body = newline.join(
        [
            "News analysis",
            ARTICLE_BEFORE,
            *CHROME,
            "  " + ARTICLE_AFTER + "   ",
            "> “Friends grow closer with each meeting,” said Xi, whose visit was the first since 2014.",
            "South Korea’s President Lee Jae Myung (L) takes a selfie with Xi Jinping in Beijing [AFP]Continuation of cultural exchanges",
            "",
            "",
        ]
    )
    source = _source(body, newline)
    segments = clean.clean(source)
    texts = [s.text for s in segments]
    assert texts == [
        ARTICLE_BEFORE,
        ARTICLE_AFTER,
        "“Friends grow closer with each meeting,” said Xi, whose visit was the first since 2014.",
        "South Korea’s President Lee Jae Myung (L) takes a selfie with Xi Jinping in Beijing",
    ]
    for s in segments:
        assert source.text[s.start : s.end] == s.text
        assert s.start >= source.body_start
    assert [s.start for s in segments] == sorted(s.start for s in segments)


def test_clean_sample_articles(sample_paths: tuple[str, ...]) -> None:
    from crosscheck.sources import read_source

    for path in sample_paths:
        source = read_source(path)
        with open(path, encoding="utf-8", newline="") as fh:
            raw = fh.read()
        segments = clean.clean(source)
        assert len(segments) > 20
        for s in segments:
            assert raw[s.start : s.end] == s.text
            for chrome in ("Recommended Stories", "list 1 of 4", "Sign up now", "PHOTO: AFP", "1 day ago", "[AFP]"):
                assert chrome not in s.text
            assert s.text.strip() not in ("16", "News analysis")


def _linked(*named: tuple[str, str, str]) -> dict[str, str]:
    """Global names of entities given as (source, label, name)."""
    from crosscheck.entities import link
    from crosscheck.model import Entities, Entity

    by_source: dict[str, list[Entity]] = {}
    for source, label, name in named:
        by_source.setdefault(source, []).append(Entity(f"{source}:{label}:{name}", source, label, name, (name,)))
    return link([Entities(s, tuple(es), ()) for s, es in by_source.items()])


@pytest.mark.parametrize(
    ("first", "second", "one"),
    [
        (("FAC", "United Nations Plaza"), ("FAC", "UNP"), True),  # an acronym, whichever comes first
        (("FAC", "UNP"), ("FAC", "United Nations Plaza"), True),
        (("FAC", "Harbour Bridge 1"), ("FAC", "Harbour Bridge 2"), False),  # same initials, neither an acronym
        (("ORG", "Toyota"), ("ORG", "Toyota Motor"), True),  # a body and the leading words of its name
        (("ORG", "Toyota Motor"), ("ORG", "Toyota"), True),
        (("ORG", "Route 1"), ("ORG", "Route 10"), False),
        (("ORG", "World Health Organization"), ("ORG", "WHO"), True),
        (("ORG", "Kestrel"), ("PERSON", "Kestrel"), True),  # one name the tagger reads as a body in one source, a person in the other
        (("PERSON", "Kestrel"), ("ORG", "Kestrel"), True),
    ],
)
def test_linking_across_sources(first: tuple[str, str], second: tuple[str, str], one: bool) -> None:
    """Blocking (`link` compares only entities that share a key) keeps every pair `_same` links."""
    linked = _linked(("a", *first), ("b", *second))
    assert (linked[f"a:{first[0]}:{first[1]}"] == linked[f"b:{second[0]}:{second[1]}"]) is one


def test_two_names_of_the_same_initials_share_no_acronym_key() -> None:
    """Neither is the other's acronym: thousands of them are not all compared."""
    assert not names.acronym_keys("Harbour Bridge 1") & names.acronym_keys("Harbour Bridge 2", query=True)

"""Near copies: sentences two sources share word for word but for one name, number or year."""

from __future__ import annotations

import pytest

from crosscheck.model import Category
from crosscheck.nearcopy import affirms_denied, change, copied_denial, copied_figure, in_copied_passage, moved_figure, named_apart

BASE = "Responding to a distress call, the patrol ship {} swung into action against the pirates in {} boats on {} night."
NAMES = frozenset({"Kestrel Bay", "Alder"})


def _s(ship: str = "Kestrel", boats: str = "two", day: str = "Tuesday") -> str:
    return BASE.format(ship, boats, day)


def test_a_respelt_name_is_the_change() -> None:
    ch = change(_s(), _s(ship="Ksetrel"), NAMES)
    assert ch is not None and (ch.category, ch.first, ch.second, ch.about) == (Category.NAME_SPELLING, "Kestrel", "Ksetrel", "Kestrel Bay")


def test_a_changed_count_is_the_change() -> None:
    ch = change(_s(), _s(boats="three"), NAMES)
    assert ch is not None and (ch.category, ch.first, ch.second, ch.about) == (Category.NUMBER, "two", "three", "boats")


def test_a_shifted_year_is_a_date() -> None:
    a = "The company was founded in 1998 by two engineers who had left the state telephone monopoly together."
    ch = change(a, a.replace("1998", "1996"))
    assert ch is not None and ch.category is Category.DATE and (ch.first, ch.second) == ("1998", "1996")


@pytest.mark.parametrize(
    ("other", "why"),
    [
        (_s(), "identical"),
        (_s(day="Monday"), "a weekday is no name slip"),
        (_s(ship="Kestrel", boats="two", day="Tuesday").replace("pirates", "raiders"), "a common word changed"),
        (_s(boats="two small"), "a word added"),
        (_s(ship="Kestral", boats="three"), "two changes"),
        (_s(ship="Mr"), "a title"),
        (_s(boats="2"), "the same count in digits"),
    ],
)
def test_no_change_to_report(other: str, why: str) -> None:
    assert change(_s(), other, NAMES) is None, why


def test_a_capitalised_slip_nobody_names_is_not_a_name() -> None:
    assert change(_s(ship="Kettle"), _s(ship="Kettles"), NAMES) is None
    assert change(_s(ship="Kettle"), _s(ship="Kettles"), frozenset({"Kettle"})) is not None


def test_short_sentences_are_not_copies() -> None:
    assert change("Seven people were injured in the quake.", "Fifty people were injured in the quake.") is None


def test_one_distance_in_two_units_is_not_a_change() -> None:
    a = "The climber died after slipping and falling about {} from a ridge near the glacier on Friday."
    assert change(a.format("200ft"), a.format("60m")) is None
    assert change(a.format("200ft"), a.format("300ft")) is not None


def test_a_mangled_fraction_is_not_a_change() -> None:
    a = "He was known as the man who delivered the payments and served {} months in federal prison for it."
    assert change(a.format("4\ufffd"), a.format("412")) is None
    assert change(a.format("41 / 2"), a.format("4\ufffd")) is None
    assert change(a.format("4"), a.format("6")) is not None


@pytest.mark.parametrize(
    ("date", "first", "second"),
    [("Friday August {}", "August 2", "August 4"), ("{} October 2011", "2 October 2011", "4 October 2011"), ("May {}, 2003", "May 2, 2003", "May 4, 2003")],
)
def test_a_day_of_the_month_is_a_date_shown_whole(date: str, first: str, second: str) -> None:
    a = "The festival's organisers said the concert would be held on " + date + " at the harbour stadium on the bay."
    ch = change(a.format(2), a.format(4))
    assert ch is not None and ch.category is Category.DATE and (ch.first, ch.second) == (first, second)


def test_a_year_changed_beside_a_month_is_the_year() -> None:
    a = "The festival's organisers said the concert would be held on 14 October {} at the harbour stadium on the bay."
    ch = change(a.format(2011), a.format(2012))
    assert ch is not None and ch.category is Category.DATE and (ch.first, ch.second) == ("2011", "2012")


def test_a_quote_given_to_someone_else() -> None:
    a = '"We are looking at every option for the plant and its workers," {} told reporters after the meeting on Tuesday.'
    people = frozenset({"Dana Kemp", "Ravi Osei"})
    assert change(a.format("Dana Kemp"), a.format("Ravi Osei"), people) is None  # not known to be people
    ch = change(a.format("Dana Kemp"), a.format("Ravi Osei"), people, people)
    assert ch is not None and (ch.category, ch.first, ch.second) == (Category.QUOTE_SPEAKER, "Dana Kemp", "Ravi Osei")
    assert change(a.format("Dana Kemp"), a.format("Dana Osei"), people, people) is None  # one name shared: for the name checks
    assert change(a.format("Dana Kemp").replace('"', ""), a.format("Ravi Osei").replace('"', ""), people, people) is None  # no quote


@pytest.mark.parametrize(
    ("said", "first", "second"),
    [
        ('"We are looking at every option for the plant and its workers," said {}, a spokesman for the firm.', "Park Min-jun", "Seo Ha-eun"),
        ("``We are looking at every option for the plant and its workers,'' said {}, a spokesman for the firm.", "Dana Kemp", "Ravi Osei"),
        ('"We are looking at every option for the plant and its workers," said {}, a spokesman for the firm.', "Liam O'Brien", "Ravi Osei"),
    ],
)
def test_a_quote_given_to_someone_hyphenated_or_in_wire_quote_marks(said: str, first: str, second: str) -> None:
    """Hyphenated and apostrophised names are names; '' closes a quote in some wire copy."""
    people = frozenset({first, second})
    ch = change(said.format(first), said.format(second), people, people)
    assert ch is not None and (ch.category, ch.first, ch.second) == (Category.QUOTE_SPEAKER, first, second)


@pytest.mark.parametrize(
    ("longer", "shorter", "member"),
    [
        ("The storm cut power to homes in Leeds, York, Hull and Bradford on Sunday night after the river rose.",
         "The storm cut power to homes in Leeds, Hull and Bradford on Sunday night after the river rose.", "York"),
        ("The storm cut power to homes in Leeds, York, Hull and Bradford on Sunday night after the river rose.",
         "The storm cut power to homes in Leeds, York and Hull on Sunday night after the river rose.", None),
        ("The new rules protect wildlife, fish and plants on the brink of extinction across the whole country.",
         "The new rules protect wildlife and plants on the brink of extinction across the whole country.", "fish"),
        ("The company, Acme, said on Monday that it would close two of its plants in the north of the country.",
         "The company said on Monday that it would close two of its plants in the north of the country.", None),
    ],
)
def test_a_list_member_left_out(longer: str, shorter: str, member: str | None) -> None:
    ch = change(longer, shorter)
    if member is None:
        assert ch is None or ch.category is not Category.LIST_MEMBERSHIP
    else:
        assert ch is not None and (ch.category, ch.first, ch.second) == (Category.LIST_MEMBERSHIP, member, "(not listed)")
        back = change(shorter, longer)
        assert back is not None and (back.first, back.second) == ("(not listed)", member)


@pytest.mark.parametrize(
    ("template", "old", "new", "category"),
    [
        ("The carmaker said on Tuesday that it would cut {} jobs at its plants in the north of the country.", "2000", "1800", Category.NUMBER),
        ("The carmaker said on Tuesday that the plant in the north of the country had opened in {} with state help.", "1998", "1996", Category.DATE),
        ("Officials said on Tuesday that {} may have died when the dam in the north of the country gave way.", "20", "30", Category.NUMBER),
        ("Officials said on Tuesday that about {} people had died when the dam in the north of the country gave way.", "15, 000", "15, 500", Category.NUMBER),
    ],
)
def test_what_a_changed_number_is(template: str, old: str, new: str, category: Category) -> None:
    ch = change(template.format(old), template.format(new))
    assert ch is not None and ch.category is category
    assert (ch.first, ch.second) == (old.replace(", ", ","), new.replace(", ", ","))


def test_an_oxford_comma_list_member_left_out() -> None:
    said = "The storm cut power to thousands of homes in {} on Sunday night after the river burst its banks."
    ch = change(said.format("Leeds, York, and Hull"), said.format("Leeds and Hull"))
    assert ch is not None and (ch.category, ch.first) == (Category.LIST_MEMBERSHIP, "York")


def test_a_person_swapped_outside_the_attribution_is_no_speaker() -> None:
    said = '"We are looking at every option for the plant and its workers," the union said on Tuesday after meeting {} at the depot.'
    people = frozenset({"Dana Kemp", "Ravi Osei"})
    assert change(said.format("Dana Kemp"), said.format("Ravi Osei"), people, people) is None


LONG = "The swimming champion who became a film star in the musicals of the 1940s and 1950s has died at her home."


def test_a_short_sentence_beside_a_copied_one_is_a_candidate() -> None:
    a = ["Headline words here.", LONG, "She was 91.", "Her family was with her."]
    b = ["Another outlet's headline.", LONG, "She was 114.", "A spokesman confirmed the death."]
    assert in_copied_passage(a, b) == [(2, 2)]  # after the copy; before it is a byline's place
    ch = change(f"{LONG} {a[2]}", f"{LONG} {b[2]}")  # read with the copied neighbour
    assert ch is not None and (ch.category, ch.first, ch.second) == (Category.NUMBER, "91", "114")


def test_short_sentences_are_no_copies_on_their_own() -> None:
    assert change("She was 91.", "She was 114.") is None
    assert in_copied_passage(["She was 91.", "A short line."], ["She was 114.", "A short line."]) == []


def test_only_sentences_next_to_a_long_copy_are_paired() -> None:
    long_b = LONG.replace("her home", "a hospital in the city")
    assert in_copied_passage(["She was 91.", LONG], ["She was 114.", long_b]) == []  # the long one differs
    assert in_copied_passage(["She was 91.", "Aged 91."], ["She was 114.", "Aged 91."]) == []  # too short to be a passage
    longer = "Her family said in a statement that she died peacefully in her sleep early on Thursday morning."
    assert in_copied_passage(["Title.", LONG, longer], ["Title.", LONG, longer.replace("Thursday", "Friday")]) == [(2, 2)]
    # A copied first sentence is a headline, and what follows it a byline or a dateline.
    assert in_copied_passage([LONG, "Posted 3 hours ago."], [LONG, "Posted 5 hours ago."]) == []
    # A sentence copied twice in one text says nothing about which copy goes with which.
    assert in_copied_passage(["Title.", LONG, "She was 91."], ["Title.", LONG, "She was 94.", "Later.", LONG, "She was 95."]) == []


def test_in_a_copied_passage_a_large_change_of_a_sentence_is_still_one_change() -> None:
    a = 'Her father Herbert Flynn of Fort Coffee said later, "I am glad it is over."'
    b = a.replace("Herbert Flynn", "Christopher Kenyon Simpson")
    people = frozenset({"Herbert Flynn", "Christopher Kenyon Simpson"})
    assert change(a, b, people, people) is None  # four of fourteen words changed: no copy alone
    ch = change(f"{LONG} {a}", f"{LONG} {b}", people, people)
    assert ch is not None and (ch.category, ch.first, ch.second) == (Category.QUOTE_SPEAKER, "Herbert Flynn", "Christopher Kenyon Simpson")


def test_a_copied_short_sentence_must_still_differ_in_one_fact() -> None:
    assert change(f"{LONG} She was 91.", f"{LONG} He was arrested.") is None
    assert change(f"{LONG} She was 91.", f"{LONG} She was 91.") is None


def test_a_whole_name_swapped_after_a_title_both_keep_is_another_speaker() -> None:
    a = 'In a statement, Interior Secretary Dana Kemp said the plan was "not the means, nor the method" to deal with it.'
    people = frozenset({"Dana Kemp", "Osei"})  # one known in full, one by the surname a source uses
    ch = change(a, a.replace("Dana Kemp", "Kofi Osei"), people, people)
    assert ch is not None and (ch.category, ch.first, ch.second) == (Category.QUOTE_SPEAKER, "Dana Kemp", "Kofi Osei")
    # One word of the name changed is a spelling or a relative, for the name checks; so is a stranger.
    assert change(a, a.replace("Dana Kemp", "Dana Osei"), people, people) is None
    assert change(a, a.replace("Dana Kemp", "Kofi Mensah"), people, people) is None


def test_any_form_of_a_speech_verb_attributes_a_quote() -> None:
    a = 'Dana Kemp on Tuesday recalled screaming "Somebody help me, my daughter has been shot" at the corner of the street.'
    people = frozenset({"Dana Kemp", "Kofi Osei"})
    ch = change(a, a.replace("Dana Kemp", "Kofi Osei"), people, people)
    assert ch is not None and ch.category is Category.QUOTE_SPEAKER
    assert change(a.replace("recalled", "began"), a.replace("recalled", "began").replace("Dana Kemp", "Kofi Osei"), people, people) is None


MOVED = "On May 4, 2010, three bank employees were killed in Athens when protesters threw petrol bombs into their branch."


@pytest.mark.parametrize(
    ("first", "x", "second", "y", "expected"),
    [
        # the date phrase moved to the front, its day changed: one sentence rewritten
        ("Three bank employees were killed in Athens on May 5, 2010, when protesters threw petrol bombs into their branch.", "May 5, 2010",
         MOVED, "May 4, 2010", True),
        ("In Athens, five bank employees were killed when protesters threw petrol bombs into their branch on May 4, 2010.", "five",
         MOVED, "three", True),
        # a word more or less is another sentence
        ("Three bank employees were killed in Athens on May 5, 2010, after protesters threw petrol bombs into their branch.", "May 5, 2010",
         MOVED, "May 4, 2010", False),
        # short sentences read alike by chance
        ("Police said 3 people died.", "3", "5 people died, police said.", "5", False),
        # no one figure changed, or no figure alike: a mangled fraction, a label
        ("He served five months in a federal prison for perjury in the case of the stolen files.", "five months",
         "In the case of the stolen files he served 4\ufffd months in a federal prison for perjury.", "4\ufffd months", False),
        ("The phone runs on a 4G network in the city from this week, the company said.", "4G",
         "From this week, the company said, the phone runs on a 6G network in the city.", "6G", False),
    ],
)
def test_a_figure_in_the_same_words_moved_about_is_one_fact(first: str, x: str, second: str, y: str, expected: bool) -> None:
    assert moved_figure(first, _at(first, x), second, _at(second, y)) is expected


@pytest.mark.parametrize(
    ("negated", "plain", "expected"),
    [
        ("He has not been charged with manslaughter and fleeing the scene.", "He has been charged with Manslaughter, Leaving the scene and DWI.", True),
        ("The mayor hasn't signed the order yet, aides said.", "Aides said the mayor has signed the order.", True),
        ("Although he insisted he was not the informant, he admitted meeting reporters.", "He discounted rumours that he was the informant.", False),
        ("He was not sentenced to two years in that case.", "Gomes served nine months of a two-year sentence.", False),
        ("He insisted he was not the informant.", "He discounted rumours that he was the informant.", False),  # too few words
        ("He was not only charged with murder but with arson.", "He was only charged with murder, police said.", False),
        # the denied words in another tense, after another subject
        ("He has not been charged with vehicular manslaughter and fleeing the scene.",
         "Tom Brown, 23, was charged with vehicular manslaughter and driving drunk.", True),
        ("This is not the fifth successful operation by the ship this year.", "The raid was the fifth successful operation by its crew.", True),
        ("The coach said the striker was not placed on the injured list.", "The striker had been placed on the injured list, the coach said.", True),
        ("He was not a special assistant to the attorney general.", "Mr. Roe served as special assistant to the attorney general.", True),  # articles aside
        ("This is not the fifth successful anti-piracy raid by the ship.", "The raid was the fifth successful operation by its crew.", True),  # articles kept
        # the other sentence denies them too, or they are too slight to be one clause
        ("The coach said the striker was not placed on the injured list.", "The striker has not been placed on the injured list.", False),
        ("Police said he was not in the car.", "She was in the car with him.", False),
        # the other sentence hedges them: it does not state them either
        ("The suspect has not been charged with murder, police said.", "The suspect is unlikely to be charged with murder.", False),
        ("The suspect has not been charged with murder, police said.", "Prosecutors declined to say whether he would be charged with murder.", False),
        ("The suspect has not been charged with murder, police said.", "He has not yet been charged with murder, but more charges may follow.", False),
        ("She was not elected to the board of trustees in 1995.", "She was the first woman to be elected to the board of trustees.", True),
        ("The office said the case had not been submitted as of Tuesday.", "The office said the case hadn ’ t been submitted as of Tuesday.", False),
        ("The coach said the striker was not placed on the injured list.", "The striker hadn’ t been placed on the injured list, the coach said.", False),
        ("The coach said the striker was not placed on the injured list.", "The striker hadn ’t been placed on the injured list, the coach said.", False),
    ],
)
def test_a_denial_of_the_words_the_other_sentence_prints(negated: str, plain: str, expected: bool) -> None:
    assert affirms_denied(negated, plain) is expected


def test_a_noun_that_looks_like_a_speech_verb_attributes_nothing() -> None:
    a = '"We never gave up," the coach said on Sunday night after Dana Kemp scored 30 points in the final quarter of the game.'
    people = frozenset({"Dana Kemp", "Kofi Osei"})
    assert change(a, a.replace("Dana Kemp", "Kofi Osei"), people, people) is None  # "points" is no verb here


def _at(text: str, value: str) -> tuple[int, int]:
    """Where a value stands in its sentence (its last occurrence when marked with a leading "^")."""
    start = text.rindex(value[1:]) if value.startswith("^") else text.index(value)
    return start, start + len(value.lstrip("^"))


@pytest.mark.parametrize(
    ("first", "x", "second", "y", "expected"),
    [
        # the figure in the same words, however the sentences begin and end
        ("A climber is dead after falling about 150 metres at the glacier.", "about 150 metres",
         "Yesterday a climber died after falling about 188 metres at the peak.", "about 188 metres", True),
        ("The island, home to 120, 000 people, was hit.", "120, 000 people",
         "The quake was centred near the island, home to 200,000 people, officials said.", "200,000 people", True),
        ("Officials said she’s lost 12 pounds.", "12 pounds", "Officials said she's lost 15 pounds.", "15 pounds", True),
        ("Repairs were finished on 14 October 2011 by the crew.", "14 October 2011", "Repairs were finished on 16 October 2011 by the ship.", "16 October 2011", True),
        ("Repairs were finished on 14 October 2011 by the crew.", "14 October 2011", "Repairs were finished on 14 October 2012 by the ship.", "14 October 2012", True),
        ("The storm left damage worth 1.5 million dollars in the town.", "1.5 million dollars",
         "The storm left damage worth 2 million dollars in the region.", "2 million dollars", True),
        # too few words alike around it: two facts that read alike
        ("Kemp threw for 364 yards and three touchdowns.", "three touchdowns",
         "Osei ran for 90 yards and five touchdowns.", "five touchdowns", False),
        ("He was 77.", "77", "He was 91.", "91", False),
        # every word before it, none after and no stop: the sentence may be cut short
        ("The strike left the factory idle for 12", "12", "The strike left the factory idle for 15", "15", False),
        # every word before it, and a stop or a comma after it in both: nothing can make it another figure
        ("The strike left the factory idle for 12.", "12", "The strike left the factory idle for 15, they said.", "15", True),
        ("The strike left the factory idle for 12 days.", "12", "The strike left the factory idle for 15 hours.", "15", False),
        ("The factory idle for 12.", "12", "The factory idle for 15.", "15", False),
        # a comma before another figure separates list items: "in 1996, 1998 and 2002" / "in 1998, 2002 and 2005"
        ("The club won the league title in 1996, 1998 and 2002.", "1996", "The club won the league title in 1998, 2002 and 2005.", "1998", False),
        ("The club won the league title in 1996, two cups and more.", "1996", "The club won the league title in 1998, nothing else.", "1998", False),
        # the value's own figure, not the same number elsewhere in the sentence
        ("They cleared about 150 metres of road and 150 metres of track.", "^150 metres",
         "They cleared about 180 metres of road and 150 metres of a path.", "^150 metres", False),
        # two figures of one date changed, or none: not one figure set in the same words
        ("Repairs were finished on 14 October 2011 by the crew.", "14 October 2011", "Repairs were finished on 15 October 2012 by the ship.", "15 October 2012", False),
        ("He served five months in a federal prison.", "five months", "He served five months in a federal prison.", "five months", False),
        ("They got sentences ranging from 7 to 75 years in all.", "7 to 75 years",
         "They got sentences ranging from seven to 75 years in all.", "seven to 75 years", False),
        # a mangled or fractional number, or a label, is no figure
        ("He served five months in a federal prison.", "five months", "He served 4\ufffd months in a federal prison.", "4\ufffd months", False),
        ("The phone runs on a 4G network in the city.", "4G", "The phone runs on a 6G network in the city.", "6G", False),
    ],
)
def test_a_figure_set_in_the_same_words_is_copied(first: str, x: str, second: str, y: str, expected: bool) -> None:
    assert copied_figure(first, _at(first, x), second, _at(second, y)) is expected


@pytest.mark.parametrize(
    ("negated", "plain", "expected"),
    [
        # ten words or more around the "not", printed in one run by the other sentence
        ("Officers said the search led them to the depot where the device was not found.",
         "Officers said the search led them to the depot where the device was found by a guard.", True),
        ("The firm at the address is not listed as Harlow Supplies Ltd., a garden tool maker.",
         "The firm where the fire started is listed as Harlow Supplies Ltd., a garden tool maker.", True),
        ("The mine isn't expected to reopen before the end of next year, the owners said.",
         "The mine is expected to reopen before the end of next year, according to the owners.", True),
        # the denied phrase alone is too short a copy to say the clause is one
        ("He has not been charged with arson, burglary and theft.", "He has been charged with arson, Criminal Burglary and theft.", False),
        # no word right before the denial in common, however much follows it
        ("Results of the test have not been released to the family or to the public yet.",
         "Although results are pending, officials say the test has been released to the family or to the public yet.", False),
        ("The mine can't reopen before the end of next year, the owners said on Monday.",
         "The mine can reopen before the end of next year, according to the owners.", True),
        ("The company’s owners have not found a buyer for the plant in the north of the city.",
         "The company's owners have found a buyer for the plant in the north of the city.", True),
        # a denial some copy spaces out is a denial
        ("The company’s owners haven ’ t found a buyer for the plant in the north of the city.",
         "The company's owners have found a buyer for the plant in the north of the city.", True),
        ("The mine can ' t reopen before the end of next year, the owners said on Monday.",
         "The mine can reopen before the end of next year, according to the owners.", True),
        # "not only" adds, it does not deny
        ("The storm did not only flood the valley but cut the power lines to the whole town.",
         "The storm did only flood the valley but cut the power lines to the whole town.", False),
    ],
)
def test_a_clause_copied_but_for_its_not_is_a_copied_denial(negated: str, plain: str, expected: bool) -> None:
    assert copied_denial(negated, plain) is expected


@pytest.mark.parametrize(
    ("negated", "plain", "expected"),
    [
        # one clause said of two people, one named in each sentence: both true
        ("Ben Brown has not been charged with the murder of Jane Doe at her home in Leeds, police said.",
         "Tom Smith has been charged with the murder of Jane Doe at her home in Leeds, police said.", True),
        ("Smith isn't charged with the murder of Jane Doe at her home in Leeds last March, police said.",
         "Brown is charged with the murder of Jane Doe at her home in Leeds last March, police said.", True),
        # one of them named, the other described, or the same name: one person
        ("Johnson was not taken to Hennepin County Medical Center in Minneapolis, where she died.",
         "The victim, who was in her 60s, was taken to Hennepin County Medical Center in Minneapolis, where she died.", False),
        ("Williams was not booked into county jail and later released on bail, officers said.",
         "Williams, who was booked into county jail and later released on bail, gave a sample.", False),
        ("This is not the fifth successful operation conducted by the frigate in the course of her patrol.",
         "This is the fifth successful operation conducted by the frigate in the course of her patrol.", False),
        # no copied clause at all
        ("Brown has not been charged.", "Smith has been charged.", False),
    ],
)
def test_a_copied_clause_said_of_two_people(negated: str, plain: str, expected: bool) -> None:
    assert named_apart(negated, plain) is expected


@pytest.mark.parametrize(
    ("word", "affirms"),
    [("hadn't", "had"), ("hadn ’ t", "had"), ("can ' t", "can"), ("hadn’ t", "had"), ("not", ""), ("Dan ’ t", None), ("dance", None)],
)
def test_a_contraction_spaced_out_or_not_is_a_denial(word: str, affirms: str | None) -> None:
    from crosscheck import nearcopy

    assert nearcopy._denial(word) == affirms


@pytest.mark.parametrize(
    "other",
    [
        "And so were the two women she’s accused of gunning down with a .357 Magnum, minutes after she’d been suspended and escorted out.",
        "And so were the two women she ’ s accused of gunning down with a .357 Magnum, minutes after she ’ d been suspended and escorted out.",
    ],
)
def test_a_copy_with_other_apostrophes_is_still_a_copy(other: str) -> None:
    """Outlets print "she's" and "she’s", and detokenised wire copy "she ’ s": one word each."""
    ours = "And so were the two women she's accused of gunning down with a .447 Magnum, minutes after she'd been suspended and escorted out."
    ch = change(ours, other)
    assert ch is not None and (ch.category, ch.first, ch.second) == (Category.NUMBER, "447", "357")
    assert change(ours, other.replace("357", "447")) is None


def test_a_name_respelt_before_a_contraction_is_the_change() -> None:
    a = "Wladimir Klitschko’s manager said on Monday that the title fight would go ahead in Hamburg next month as planned."
    for b in (a.replace("Klitschko’s", "Klitchko ’ s"), a.replace("Klitschko’s", "Klitchko's")):
        ch = change(a, b, frozenset({"Wladimir Klitschko"}))
        assert ch is not None and (ch.category, ch.first, ch.second) == (Category.NAME_SPELLING, "Klitschko", "Klitchko")

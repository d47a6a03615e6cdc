"""Names misspelt where no name was tagged: slips.slipped_mentions on words alone."""

from __future__ import annotations

from collections.abc import Mapping

import pytest

from crosscheck import names
from crosscheck.slips import slipped_mentions, words

BODY = frozenset({"ORG"})
PERSON = frozenset({"PERSON"})


def _slips(known: Mapping[str, frozenset[str]], *sentences: str, tagged: Mapping[str, frozenset[str]] | None = None) -> list[tuple[str, str, str]]:
    found = slipped_mentions(known, {"b": ["An opening sentence.", *sentences]}, {names.fold(k): v for k, v in (tagged or {}).items()})
    return [(s.name, s.written, s.typed) for s in found]


@pytest.mark.parametrize(
    ("known", "sentence", "expected"),
    [
        # every word of the name in place but one, a slip off
        ({"Sutopo Purwo Nugroho": PERSON}, 'People fled, "agency spokesman Sutopo Purwo Nguroho said.',
         [("Sutopo Purwo Nugroho", "Sutopo Purwo Nguroho", "Nguroho")]),
        ({"Matanuska Maid Creamery": BODY}, "The last owner of the Matanuska Maid Ceramery sold it.",
         [("Matanuska Maid Creamery", "Matanuska Maid Ceramery", "Ceramery")]),
        ({"Armando Iannucci": PERSON}, "The writer Armando Ianucci's reply came fast.", [("Armando Iannucci", "Armando Ianucci", "Ianucci")]),
        ({"Kim O’Neill": PERSON}, "Then Kim O'Nelil spoke.", [("Kim O'Neill", "Kim O'Nelil", "O'Nelil")]),
        # of a body's name any word; of a person's only the surname: "Mario" is Maria's brother as often
        ({"Grand Canyon Lodge": BODY}, "Rooms at the Garnd Canyon Lodge filled.", [("Grand Canyon Lodge", "Garnd Canyon Lodge", "Garnd")]),
        ({"Maria Lopez": PERSON}, "Her brother Mario Lopez spoke.", []),
        ({"Robyn Mendes": PERSON}, "Police named her as Robyn Mendse, 48.", [("Robyn Mendes", "Robyn Mendse", "Mendse")]),
        ({"Robyn Mendes": PERSON}, "Police named her as Robyn Mednse, 48.", []),  # two letters off: no slip
        # letters added at the end, a plural, British against American spelling: other words or house style
        ({"North Korea": BODY}, "North Korean troops crossed.", []),
        ({"Texas Rangers": BODY}, "The Texas Ranger spoke.", []),
        ({"Betty Ford Center": BODY}, "She left the Betty Ford Centre on Monday.", []),
        ({"Internationally Recognized Transit Corridor": BODY}, "It sailed the Internationally Recognised Transit Corridor.", []),
        # the same name, or another word beside it, or a short word
        ({"Sutopo Purwo Nugroho": PERSON}, "Sutopo Purwo Nugroho said so.", []),
        ({"Sutopo Purwo Nugroho": PERSON}, "Sutopo Budi Nugroho said so.", []),
        ({"Wi Sung Lac": PERSON}, "Wi Sung Lak said so.", []),
        ({"Dana Kemp": PERSON}, "Dana kemp said so.", []),
        ({"Nugroho": PERSON, "Indonesia": BODY}, "Nguroho said so in Indoensia.", []),  # one word: nothing holds it in place
    ],
)
def test_a_name_with_one_word_a_slip_off(known: Mapping[str, frozenset[str]], sentence: str, expected: list[tuple[str, str, str]]) -> None:
    assert _slips(known, sentence) == expected


def test_a_word_printed_twice_is_a_spelling_of_its_own() -> None:
    """A slip of the fingers is made once: "Clare County" twice is another county than Clark."""
    once = "Flooding reached Clare County on Monday."
    assert _slips({"Clark County": BODY}, once) == [("Clark County", "Clare County", "Clare")]
    assert _slips({"Clark County": BODY}, once, "Clare had not flooded before.") == []


def test_a_mention_tagged_whole_is_checked_too() -> None:
    """The entity checks compare only people the linker joins: "Armando Ianucci" tagged as a body
    beside "Armando Iannucci", or "Sutopo Purwo Nguroho" as a body beside the person, is a slip
    no one else sees."""
    body = {"Armando Ianucci": BODY}
    assert _slips({"Armando Iannucci": BODY}, "The writer Armando Ianucci spoke.", tagged=body) == [("Armando Iannucci", "Armando Ianucci", "Ianucci")]
    said = "Sutopo Purwo Nguroho said so."
    assert _slips({"Sutopo Purwo Nugroho": PERSON}, said, tagged={"Sutopo Purwo Nguroho": BODY}) == [
        ("Sutopo Purwo Nugroho", "Sutopo Purwo Nguroho", "Nguroho")
    ]


def test_a_word_tagged_in_another_name_is_no_slip() -> None:
    said = "Then William Steward spoke."
    assert _slips({"William Seward": PERSON}, said) == [("William Seward", "William Steward", "Steward")]
    assert _slips({"William Seward": PERSON}, said, tagged={"Martha Steward": PERSON}) == []


def test_which_is_the_slip_does_not_depend_on_the_order_of_the_sources() -> None:
    """Both spellings tagged under other labels: the slip is the word printed fewer times."""
    known = {"Sutopo Purwo Nugroho": PERSON, "Sutopo Purwo Nguroho": BODY}
    tagged = {names.fold(k): v for k, v in known.items()}
    a = ["Sutopo Purwo Nugroho said so.", "Nugroho added more."]
    b = ["Sutopo Purwo Nguroho said so."]
    one = slipped_mentions(known, {"a": a, "b": b}, tagged)
    two = slipped_mentions(known, {"b": b, "a": a}, tagged)
    assert one == two and [(s.source_id, s.typed) for s in one] == [("b", "Nguroho")]


def test_a_persons_name_ending_as_british_spelling_does_is_still_misspelt() -> None:
    said = "Then Ian Seymor spoke at the Betty Ford Centre with Ann Lawrense."
    found = _slips({"Ian Seymour": PERSON, "Betty Ford Center": BODY, "Ann Lawrence": PERSON}, said)
    assert found == [("Ann Lawrence", "Ann Lawrense", "Lawrense"), ("Ian Seymour", "Ian Seymor", "Seymor")]


def test_words_drop_possessives_and_stops() -> None:
    assert words("Nugroho's agency, EYP Inc. and Jong-un") == ["Nugroho", "agency", "EYP", "Inc", "and", "Jong-un"]


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [("Centre", "Center", True), ("Recognised", "Recognized", True), ("Labour", "Labor", True), ("Defence", "Defense", True),
     ("Nugroho", "Nguroho", False), ("Center", "Center", False), ("Theatre", "Theater", True), ("Miller", "Miler", False),
     ("Louise", "Louize", False), ("Seymour", "Seymor", False), ("Lawrence", "Lawrense", False), ("Organisation", "Organization", True)],
)
def test_british_and_american_spelling_is_house_style(a: str, b: str, same: bool) -> None:
    assert names.house_spelling(a, b) is same

"""Names misspelt where no name was tagged: slips.slipped_mentions on words alone."""

from __future__ import annotations

import pytest

from crosscheck import names
from crosscheck.slips import slipped_mentions, words


def _slips(known: list[str], sentence: str, tagged: tuple[str, ...] = ()) -> list[tuple[str, str, str]]:
    found = slipped_mentions(known, {"b": ["An opening sentence.", sentence]}, frozenset(names.fold(t) for t in tagged))
    return [(s.name, s.written, s.typed) for s in found if s.source_id == "b" and s.sentence == 1]


@pytest.mark.parametrize(
    ("known", "sentence", "expected"),
    [
        # every word of the name in place but one, a slip off
        (["Sutopo Purwo Nugroho"], 'People fled, "agency spokesman Sutopo Purwo Nguroho said.',
         [("Sutopo Purwo Nugroho", "Sutopo Purwo Nguroho", "Nguroho")]),
        (["Matanuska Maid Creamery"], "The last owner of the Matanuska Maid Ceramery sold it.",
         [("Matanuska Maid Creamery", "Matanuska Maid Ceramery", "Ceramery")]),
        (["Armando Iannucci"], "The writer Armando Ianucci's reply came fast.", [("Armando Iannucci", "Armando Ianucci", "Ianucci")]),
        # the given name slipped too, by one letter, not two
        (["Robyn Mendes"], "Police named her as Rabin Mendes, 48.", []),  # two letters off: no slip
        (["Robyn Mendes"], "Police named her as Rboyn Mendes, 48.", [("Robyn Mendes", "Rboyn Mendes", "Rboyn")]),
        # a letter more at the end, a plural, British against American spelling: other words or house style
        (["North Korea"], "North Korean troops crossed.", []),
        (["Texas Rangers"], "The Texas Ranger spoke.", []),
        (["Betty Ford Center"], "She left the Betty Ford Centre on Monday.", []),
        (["Internationally Recognized Transit Corridor"], "It sailed the Internationally Recognised Transit Corridor.", []),
        # the same name, or another word beside it, or a short word
        (["Sutopo Purwo Nugroho"], "Sutopo Purwo Nugroho said so.", []),
        (["Sutopo Purwo Nugroho"], "Sutopo Budi Nugroho said so.", []),
        (["Wi Sung Lac"], "Wi Sung Lak said so.", []),
        (["Dana Kemp"], "Dana kemp said so.", []),
    ],
)
def test_a_name_with_one_word_a_slip_off(known: list[str], sentence: str, expected: list[tuple[str, str, str]]) -> None:
    assert _slips(known, sentence) == expected


def test_a_word_tagged_as_a_name_of_its_own_is_no_slip_unless_the_mention_is_it() -> None:
    """"Steward" is Martha Steward's name, not "Seward" misspelt; but a mention the model tagged
    whole ("Sutopo Purwo Nguroho" as a body) is the slip itself, its spelling checked by no one else."""
    said = "Then William Steward spoke."
    assert _slips(["William Seward"], said) == [("William Seward", "William Steward", "Steward")]
    assert _slips(["William Seward"], said, tagged=("Martha Steward",)) == []
    assert _slips(["William Seward"], said, tagged=("Martha Steward", "William Steward")) == [("William Seward", "William Steward", "Steward")]


def test_a_persons_name_ending_as_british_spelling_does_is_still_misspelt() -> None:
    said = "Then Ian Seymor spoke at the Betty Ford Centre with Ann Lawrense."
    found = slipped_mentions(["Ian Seymour", "Betty Ford Center", "Ann Lawrence"], {"b": [said]}, frozenset())
    assert [(s.name, s.typed) for s in found] == [("Ann Lawrence", "Lawrense"), ("Ian Seymour", "Seymor")]


def test_each_misspelt_word_once_per_sentence() -> None:
    found = _slips(["Sutopo Purwo Nugroho", "Purwo Nugroho"], "Sutopo Purwo Nguroho said so.")
    assert [f[2] for f in found] == ["Nguroho"]


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

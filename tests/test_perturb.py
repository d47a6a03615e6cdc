"""`crosscheck perturb`: the controlled edits, that crosscheck catches each one, and the command.

The string helpers are tested without the model. Everything else shares one parse of ARTICLE,
a handmade text written to offer every kind of edit, and the session's model.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml

import crosscheck.nlp
from crosscheck import evaluate, perturb
from crosscheck.cli import main
from crosscheck.evaluate import GoldEvent, Label
from crosscheck.model import Category, ClaimKind, Source
from crosscheck.perturb import Edit, Perturbation
from crosscheck.pipeline import Analysis, analyse, check
from crosscheck.sources import read_sources

ARTICLE = (
    "---\ntitle: Warehouse fire in Riverton\noutlet: Test Wire\npublished: 2026-03-12\n---\n"
    "A fire destroyed a warehouse in Riverton on Tuesday, officials said.\n\n"
    "Fire chief Daniel Hartmann said 32 firefighters fought the blaze for six hours.\n\n"
    "The inquiry panel includes Maria Lopez, Tom Becker and Ana Silva.\n\n"
    # The number inside the quote is an edit candidates() must refuse: it would change the wording.
    '"We sent 12 engines and nobody was hurt," Daniel Hartmann told reporters.\n\n'
    "Mayor Susan Whitfield visited the site in the evening.\n\n"
    "The warehouse was owned by a furniture company.\n"
)
SOURCE = Source(id="s", path="s.md", text=ARTICLE)


def _p(edit: Edit = Edit.NUMBER, start: int = 0, end: int = 2, old: str = "32", new: str = "40") -> Perturbation:
    return Perturbation(edit, start, end, old, new, (old, new), "test")


# --- helpers, no model -------------------------------------------------------------------------


@pytest.mark.parametrize("word", ["Lopez", "Hartmann", "Whitfield"])
def test_respell_swaps_two_neighbouring_inner_letters(word: str) -> None:
    new = perturb._respell(word)
    assert new is not None and new != word and len(new) == len(word)
    diff = [i for i, (a, b) in enumerate(zip(word, new, strict=True)) if a != b]
    assert len(diff) == 2 and diff[1] == diff[0] + 1 and 0 < diff[0] and diff[1] < len(word) - 1
    assert new[diff[0]] == word[diff[1]] and new[diff[1]] == word[diff[0]]


@pytest.mark.parametrize("word", ["Lee", "Park", "O'Brien", "Jean-Luc", "Smith2", "aaaaa"])
def test_respell_refuses_short_non_alphabetic_or_unswappable_words(word: str) -> None:
    assert perturb._respell(word) is None


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("Tuesday", "Thursday"), ("saturday", "Monday"), ("Sunday", "Tuesday"),  # weekday + 2, wrapping
        ("4 November", "6 November"), ("November 4, 2025", "November 6, 2025"),  # day + 2, year kept
        ("May 30", "May 28"),  # day - 2 near a month's end, so it stays a valid date
        ("2019", "2017"), ("March 2025", "March 2023"),  # no day: the year - 2
        ("last week", None), ("the 1990s", None),
    ],
)
def test_shift_date(old: str, new: str | None) -> None:
    assert perturb._shift_date(old) == new


@pytest.mark.parametrize(
    ("text", "number", "expected"),
    [
        ("It opened on 4 November last year.", "4", True),
        ("It opened on May 4 last year.", "4", True),
        ("Source: www. site. com / story _ article _ 80744", "80744", True),
        ("More than 50 firefighters were sent.", "50", False),
        ("Crews may 4 times a day check the site.", "4", False),  # "may" the verb is no month
        ("Updated 09: 30 GMT", "09", True),  # a time of day
        ("Updated 09 / 14 / 2013 01: 03 PM", "14", True),  # a date in figures
        ("Updated 09 / 14 / 2013 01: 03 PM", "09", True),
        ("The vote was 14 to 9.", "14", False),
    ],
)
def test_not_a_count(text: str, number: str, expected: bool) -> None:
    at = text.index(number)
    assert perturb._not_a_count(text, at, at + len(number)) is expected


def test_apply_replaces_exactly_the_recorded_span() -> None:
    assert _p(start=4, end=6).apply("For 32 days.") == "For 40 days."
    assert _p(Edit.NEGATION, 6, 6, "", " not").apply("It was open.") == "It was not open."
    assert _p().category is Category.NUMBER and _p(Edit.LIST).category is Category.LIST_MEMBERSHIP


def test_apply_refuses_a_text_it_was_not_made_for() -> None:
    with pytest.raises(AssertionError):
        _p(start=4, end=6).apply("For 33 days.")


def test_choose_is_deterministic_and_salted() -> None:
    options = [_p(start=i, end=i + 2) for i in range(7)]
    assert perturb.choose(SOURCE, options, "number") is perturb.choose(SOURCE, list(options), "number")
    assert len({perturb.choose(SOURCE, options, str(n)) for n in range(40)}) > 1
    assert perturb.choose(SOURCE, [], "number") is None


@pytest.mark.parametrize(
    ("text", "negated"),
    [
        ("Will Harding was elected mayor.", "Will Harding was not elected mayor."),
        ("The Sox have Kevin Lowe at first base, and he was happy.", "The Sox have Kevin Lowe at first base, and he was not happy."),
        ("He has been charged with arson.", "He has not been charged with arson."),
        ("The club has won six games.", "The club has not won six games."),
        ("He did the job well.", None),  # "did" the main verb: "did not the job" is no sentence
        ("The police have men at the scene.", None),  # "men" is no participle
        ("The club has seven players left.", None),
    ],
)
def test_negation_goes_after_an_auxiliary_only(make_claim: Any, text: str, negated: str | None) -> None:
    claim = make_claim("s", "statement", "statement", text, negated="")
    found = perturb._negations(Source(id="s", path="s.md", text=text), [claim])
    assert [p.apply(text) for p in found] == ([negated] if negated else [])


# --- candidates on the handmade article ----------------------------------------------------------


@pytest.fixture(scope="module")
def parsed(tmp_path_factory: pytest.TempPathFactory, nlp: Any) -> tuple[Path, Source, Analysis]:
    path = tmp_path_factory.mktemp("perturb") / "fire.md"
    path.write_text(ARTICLE, encoding="utf-8")
    (source,) = read_sources([path])
    return path, source, analyse([source], nlp)


def _options(parsed: tuple[Path, Source, Analysis], edit: Edit) -> list[Perturbation]:
    _, source, a = parsed
    return perturb.candidates(source, a.entities[0], a.claims, edit, a.global_names)


@pytest.mark.parametrize("edit", list(Edit))
def test_every_kind_has_options_that_fit_the_text(parsed: tuple[Path, Source, Analysis], edit: Edit) -> None:
    text = parsed[1].text
    options = _options(parsed, edit)
    assert options
    for p in options:
        assert p.edit is edit and text[p.start : p.end] == p.old and p.new != p.old
        assert p.apply(text) != text
    assert options == sorted(options, key=lambda p: (p.start, p.end))


def test_only_the_speaker_edit_starts_inside_a_quote(parsed: tuple[Path, Source, Analysis]) -> None:
    _, source, a = parsed
    quotes = [c.span for c in a.claims if c.kind is ClaimKind.QUOTE]
    assert quotes
    inside = lambda p: any(s <= p.start < e for s, e in quotes)  # noqa: E731
    # The quoted "12 engines" is a count the number edit would take but for the quote.
    assert any(inside(p) for p in perturb._numbers(source, a.claims))
    for edit in Edit:
        if edit is not Edit.SPEAKER:
            assert not any(inside(p) for p in _options(parsed, edit)), edit


def test_edits_read_as_intended(parsed: tuple[Path, Source, Analysis]) -> None:
    """Each kind changes the fact it claims to, and leaves a well-formed sentence."""
    text = parsed[1].text
    edited = {e: [p.apply(text) for p in _options(parsed, e)] for e in Edit}
    assert any("Hratmann" in t for t in edited[Edit.NAME])
    assert any("40 firefighters" in t for t in edited[Edit.NUMBER])
    assert any("on Thursday" in t for t in edited[Edit.DATE])
    assert any("includes Maria Lopez and Ana Silva." in t for t in edited[Edit.LIST])
    assert any("The warehouse was not owned" in t for t in edited[Edit.NEGATION])
    for p in _options(parsed, Edit.SPEAKER):
        assert p.old == "Daniel Hartmann" and p.new != p.old and p.new in {"Maria Lopez", "Tom Becker", "Ana Silva", "Susan Whitfield"}
        assert p.apply(text).count('," ' + p.new + " told") == 1


@pytest.mark.parametrize("edit", list(Edit))
def test_each_edit_is_caught_against_the_original(
    parsed: tuple[Path, Source, Analysis], nlp: Any, tmp_path: Path, edit: Edit
) -> None:
    """The suite's promise, on one pair: the edit is the only difference and must be reported."""
    original, source, _ = parsed
    p = perturb.choose(source, _options(parsed, edit), salt=str(edit))
    assert p is not None
    copy = tmp_path / f"fire.{edit}.md"
    copy.write_text(p.apply(source.text), encoding="utf-8")
    gold = GoldEvent(f"fire:{edit}", "heldout", (copy, original), (Label(str(p.category), p.expect, p.note),), (), ())
    report = check(read_sources([copy, original]), nlp, leads=True).to_dict()
    s = evaluate.score(gold, report)
    assert s.found, f"{p.note} not reported; got {[f['summary'] for f in report['findings']]}"


# --- the command -------------------------------------------------------------------------------


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "fire.md"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


@pytest.mark.usefixtures("shared_model")
def test_perturb_writes_copies_and_gold_that_eval_scores(article: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = article.read_bytes()
    out = tmp_path / "out" / "new"  # created, parents too
    assert main(["perturb", str(article), "-o", str(out)]) == 0
    assert article.read_bytes() == before
    assert sorted(p.name for p in out.iterdir()) == sorted(f"fire.{e}.{x}" for e in Edit for x in ("md", "yaml"))
    printed = capsys.readouterr().out.splitlines()
    assert len(printed) == len(Edit)
    for edit in Edit:
        copy = out / f"fire.{edit}.md"
        gold = evaluate.load_gold(out / f"fire.{edit}.yaml")
        assert gold.sources == (copy.resolve(), article.resolve()) and gold.split == "heldout"
        # Relative to the gold file, so the directory can be moved beside its articles.
        assert yaml.safe_load((out / f"fire.{edit}.yaml").read_text(encoding="utf-8"))["sources"] == [copy.name, "../../fire.md"]
        (label,) = gold.discrepancies
        assert label.category == str(perturb.CATEGORY[edit])
        assert copy.read_text(encoding="utf-8") != ARTICLE
        assert any(line.startswith(f"{copy}: ") and label.note in line for line in printed)
    scores = tmp_path / "scores.json"
    assert main(["eval", str(out), "--leads", "--format", "json", "-o", str(scores)]) == 0
    overall = json.loads(scores.read_text(encoding="utf-8"))["splits"]["all"]["categories"]["overall"]
    assert overall["found"] == overall["labelled"] == len(Edit)


@pytest.mark.usefixtures("shared_model")
def test_perturb_is_deterministic_and_honours_edit(article: Path, tmp_path: Path) -> None:
    runs = []
    for name in ("a", "b"):
        out = tmp_path / name
        assert main(["perturb", str(article), "-o", str(out), "--edit", "number", "--edit", "date"]) == 0
        runs.append({p.name: p.read_bytes() for p in out.iterdir()})
    assert runs[0] == runs[1]
    assert sorted(runs[0]) == ["fire.date.md", "fire.date.yaml", "fire.number.md", "fire.number.yaml"]
    assert b"on Thursday" in runs[0]["fire.date.md"] and b"40 firefighters" in runs[0]["fire.number.md"]


@pytest.mark.usefixtures("shared_model")
def test_perturb_with_nothing_to_edit_exits_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    plain = tmp_path / "plain.md"
    plain.write_text("The weather was fine all day.\n", encoding="utf-8")
    assert main(["perturb", str(plain), "-o", str(tmp_path / "out"), "--edit", "list"]) == 1
    assert "no list edit possible" in capsys.readouterr().err
    assert list((tmp_path / "out").iterdir()) == []


@pytest.mark.parametrize(("name", "content", "words"), [("missing.md", None, "no such file"), ("empty.md", b"", "no article text")])
def test_perturb_bad_input_is_one_line_and_exit_2(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, content: bytes | None, words: str
) -> None:
    monkeypatch.setattr(crosscheck.nlp, "load_model", lambda name=None: pytest.fail("model loaded for bad input"))
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    assert main(["perturb", str(path), "-o", str(tmp_path / "out")]) == 2
    out, err = capsys.readouterr()
    assert out == "" and len(err.splitlines()) == 1 and "Traceback" not in err
    assert err.startswith(f"crosscheck: error: {path}") and words in err
    assert not (tmp_path / "out").exists()


OTHER = (
    "---\ntitle: Riverton blaze\noutlet: Other Wire\npublished: 2026-03-12\n---\n"
    "Daniel Hartmann, the fire chief, said 32 firefighters fought the blaze in Riverton on Tuesday.\n"
)


def _against(tmp_path: Path, nlp: Any, other_text: str) -> Analysis:
    """ARTICLE analysed beside another outlet's article."""
    other, mine = tmp_path / "other.md", tmp_path / "fire.md"
    other.write_text(other_text, encoding="utf-8")
    mine.write_text(ARTICLE, encoding="utf-8")
    return analyse(read_sources([mine, other]), nlp)


def test_against_another_article_only_names_both_mention_are_respelt(tmp_path: Path, nlp: Any) -> None:
    """Respelling a person the other article never names would test nothing it can contradict;
    against it, the finding shows the other article's spelling beside the new one, not the old."""
    analysis = _against(tmp_path, nlp, OTHER)
    found = perturb.options(analysis, Edit.NAME, against=True)
    assert found and {p.old for p in found} == {"Hartmann"}
    assert all(p.expect == (p.new,) for p in found)
    alone = perturb.options(analysis, Edit.NAME)
    assert {p.old for p in alone} > {"Hartmann"} and all(p.expect == (p.old, p.new) for p in alone)


def test_witnesses_are_the_other_articles_agreeing_sentences(tmp_path: Path, nlp: Any) -> None:
    """A cross-outlet number edit falls in a sentence another article agrees with; `witnesses`
    gives that article's sentence, for a reader to check it states the same fact. An edit in a
    sentence nothing agrees with has none."""
    analysis = _against(tmp_path, nlp, OTHER + "\nThe cause of the fire is not yet known.\n")
    mine_id = analysis.parsed[0].source.id
    numbers = perturb.options(analysis, Edit.NUMBER, against=True)
    assert [p.old for p in numbers] == ["32"]
    assert perturb.witnesses(analysis.claims, mine_id, numbers[0]) == [
        "Daniel Hartmann, the fire chief, said 32 firefighters fought the blaze in Riverton on Tuesday."
    ]
    mayor = ARTICLE.index("Mayor")
    assert perturb.witnesses(analysis.claims, mine_id, _p(start=mayor, end=mayor + 5, old="Mayor", new="Mayer")) == []

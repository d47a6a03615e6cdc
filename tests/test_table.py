"""The terminal table: fits the width it is given, wraps long evidence, colours only when asked."""

from __future__ import annotations

import io
import re
import sys

import pytest
from handmade import evidence, finding, report, source

import crosscheck.pipeline
from crosscheck.cli import main
from crosscheck.model import Category, Kind, Severity
from crosscheck.render import render_table
from crosscheck.report import Report

ANSI = re.compile(r"\x1b\[[0-9;]*m")
LONG = (
    "South Korea's national security adviser Wi Sung Lac told reporters that the two leaders underscored the "
    "importance of resuming dialogue with North Korea, and said Lee and Xi had agreed to hold annual meetings and "
    "expand communication among defence authorities to build mutual trust and contribute to regional peace."
)


def sample() -> Report:
    a = source("al-jazeera", LONG + " They signed 14 memorandums.\n")
    b = source("straits-times", "Both countries signed 15 memorandums of understanding covering industrial exchanges.\n")
    return report(
        [a, b],
        [
            finding(
                Kind.DISCREPANCY, Category.NUMBER, "memorandum of understanding",
                [("al-jazeera", "14 memorandums"), ("straits-times", "15 memorandums of understanding")],
                [evidence(a, "They signed 14 memorandums."), evidence(b, b.text[b.body_start :].strip())], Severity.ERROR,
            ),
            finding(Kind.UNIQUE, Category.STATEMENT, "statement", [("al-jazeera", LONG)], [evidence(a, LONG)]),
        ],
    )


def words(text: str) -> list[str]:
    """The words of a table's cells, borders and wrapping indents left out."""
    return re.sub(r"[│┌┐└┘├┤┬┴┼─]", " ", ANSI.sub("", text)).split()


@pytest.mark.parametrize("width", [80, 100, 140, 220])
def test_fits_the_width_and_wraps_instead_of_clipping(width: int) -> None:
    text = render_table(sample(), width=width)
    assert max(len(line) for line in text.splitlines()) <= width
    assert "…" not in text
    flat = " ".join(words(text))
    for w in LONG.replace("-", " ").split():
        assert w in flat.replace("-", " ")  # nothing of the evidence is lost


def test_off_a_terminal_the_layout_is_fixed_and_plain() -> None:
    text = render_table(sample())
    assert "\x1b" not in text and "…" not in text
    assert text.startswith("crosscheck report\n")
    evidence_cells = [line.split("│")[-2] for line in text.splitlines() if line.count("│") == 6]
    assert max(len(c.strip()) for c in evidence_cells) <= 80


def test_colour_only_when_asked() -> None:
    assert "\x1b[1;31merror\x1b[0m" in render_table(sample(), width=120, color=True)
    assert "\x1b" not in render_table(sample(), width=120, color=False)


class Terminal(io.StringIO):
    """A stdout that says it is a terminal."""

    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(("no_color", "coloured"), [(None, True), ("1", False)])
def test_cli_fits_and_colours_a_terminal(monkeypatch: pytest.MonkeyPatch, no_color: str | None, coloured: bool) -> None:
    rep = sample()
    monkeypatch.setattr(crosscheck.pipeline, "compare", lambda paths, reference=None, leads=False: rep)
    monkeypatch.setenv("COLUMNS", "90")
    monkeypatch.setenv("TERM", "xterm")
    if no_color is None:
        monkeypatch.delenv("NO_COLOR", raising=False)
    else:
        monkeypatch.setenv("NO_COLOR", no_color)
    out = Terminal()
    monkeypatch.setattr(sys, "stdout", out)
    assert main(["compare", "a.md", "b.md", "--fail-on", "never"]) == 0
    text = out.getvalue()
    assert ("\x1b[" in text) is coloured
    assert max(len(ANSI.sub("", line)) for line in text.splitlines()) <= 90


def test_cli_pipe_gets_the_plain_fixed_table(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    rep = sample()
    monkeypatch.setattr(crosscheck.pipeline, "compare", lambda paths, reference=None, leads=False: rep)
    monkeypatch.delenv("NO_COLOR", raising=False)
    assert main(["compare", "a.md", "b.md", "--fail-on", "never"]) == 0
    assert capsys.readouterr().out == render_table(rep)

"""Shared fixtures: the spaCy model and the sample report (loaded once), and hand-built claims.

Model-free tests (units, comparison, CLI errors) never touch the `nlp` fixture, so they run in
milliseconds; everything that needs the model shares one session-wide load and one sample run.
"""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "src"
if importlib.util.find_spec("crosscheck") is None:  # running from a checkout without `pip install -e`
    sys.path.insert(0, str(SRC))

from crosscheck.model import Claim, ClaimKind, Evidence  # noqa: E402

SOURCES_DIR = ROOT / "sources"
SAMPLE_PATHS = (
    str(SOURCES_DIR / "aljazeera-xi-lee-summit.md"),
    str(SOURCES_DIR / "straits-times-xi-lee-summit.md"),
)
"""The sample pair, located from this file so the suite runs from any working directory."""
CORPUS_DIR = ROOT.parent / "shared" / "corpus"


def forbid_model(monkeypatch: pytest.MonkeyPatch, why: str = "a run that should fail on its input or output") -> None:
    """From now on, loading the language model fails the test: `why` says what should have
    happened instead (an input error reported first, everything read from the cache)."""

    def refuse(name: str | None = None) -> Any:
        raise AssertionError(f"the model was loaded for {why}")

    import crosscheck.nlp

    monkeypatch.setattr(crosscheck.nlp, "load_model", refuse)


@pytest.fixture
def no_model(monkeypatch: pytest.MonkeyPatch) -> None:
    """Input, output and configuration errors must be reported before the model is ever loaded."""
    forbid_model(monkeypatch)


def pytest_configure(config: pytest.Config) -> None:
    """Register the markers this suite uses."""
    config.addinivalue_line("markers", "needs_corpus: needs ../shared/corpus (NewsWCL50, ECB+); skipped where absent")


def pytest_runtest_setup(item: pytest.Item) -> None:
    """Skip tests marked `needs_corpus` when the labelled corpus is not checked out beside the repo."""
    if item.get_closest_marker("needs_corpus") is not None and not CORPUS_DIR.is_dir():
        pytest.skip(f"corpus not available at {CORPUS_DIR}")


needs_corpus = pytest.mark.needs_corpus
"""Decorator for tests that read `../shared/corpus`; they are skipped where it is absent."""


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    """The labelled corpus directory, or a skip when it is absent."""
    if not CORPUS_DIR.is_dir():
        pytest.skip(f"corpus not available at {CORPUS_DIR}")
    return CORPUS_DIR


@pytest.fixture(scope="session")
def repo_root() -> Path:
    """The repository root (the directory holding README.md and src/)."""
    return ROOT


@pytest.fixture(scope="session")
def sample_paths() -> tuple[str, ...]:
    """Paths of the two sample articles, in the order the report lists them."""
    return SAMPLE_PATHS


@pytest.fixture(scope="session")
def nlp() -> Any:
    """The spaCy pipeline, loaded once for the whole run."""
    from crosscheck.nlp import load_model

    return load_model()


@pytest.fixture
def shared_model(monkeypatch: pytest.MonkeyPatch, nlp: Any) -> Any:
    """Make the CLI use the already loaded model instead of loading its own."""
    import crosscheck.nlp

    monkeypatch.setattr(crosscheck.nlp, "load_model", lambda name=None: nlp)
    return nlp


@pytest.fixture(scope="session")
def sample_report(nlp: Any) -> Any:
    """The report on the sample pair with leads (`--leads`), computed once and shared (it is a frozen value)."""
    from crosscheck.pipeline import compare

    return compare(list(SAMPLE_PATHS), nlp=nlp, leads=True)


def build_claim(
    source: str,
    kind: ClaimKind | str,
    subject: str,
    value: str | tuple[str, ...] | list[str],
    norm: str | tuple[str, ...] | list[str] | None = None,
    *,
    text: str | None = None,
    start: int = 0,
    key: str | None = None,
    anchors: tuple[str, ...] = (),
    sentence: int = 0,
    approximate: bool = False,
    exhaustive: bool = True,
    **detail: str,
) -> Claim:
    """A `Claim` as the claims stage would make it, with sensible defaults for a test.

    `norm` defaults to `value` (folded to lower case for lists); `text` is the evidence sentence
    (default: the value), placed at offset `start`; `key` defaults to the evidence text; keyword
    arguments left over become the claim's details (unit, thing, verb, speaker, about, ...).
    """
    kind = ClaimKind(kind)
    if isinstance(value, list):
        value = tuple(value)
    if isinstance(norm, list):
        norm = tuple(norm)
    if norm is None:
        norm = tuple(v.lower() for v in value) if isinstance(value, tuple) else value
    shown = value if isinstance(value, str) else ", ".join(value)
    text = shown if text is None else text
    evidence = Evidence(source, text, start, start + len(text))
    at = text.find(shown)  # the value's place in its sentence, as the claims stage records it
    return Claim(
        source_id=source,
        kind=kind,
        subject=subject,
        value=value,
        norm=norm,
        evidence=evidence,
        key=text if key is None else key,
        anchors=tuple(sorted(anchors)),
        sentence=sentence,
        span=(start + at, start + at + len(shown)) if at >= 0 else (0, 0),
        approximate=approximate,
        exhaustive=exhaustive,
        detail=tuple(detail.items()),
    )


@pytest.fixture
def make_claim() -> Callable[..., Claim]:
    """The `build_claim` helper, as a fixture: `make_claim("a", "quantity", "visitor", "14", ...)`."""
    return build_claim

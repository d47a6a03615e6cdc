"""Project configuration for the CI gate: `crosscheck.toml`, or `[tool.crosscheck]` in `pyproject.toml`.

A gate that silently ignores a misspelt key fails open — `fial_on = "warning"` would leave the
build passing on warnings — so every key and value is checked, and anything unknown is an error
naming the file and the key. Paths in the file are relative to the file's directory.

    fail_on = "warning"                 # error (default), warning, info or never
    paths = ["data/"]                   # what `crosscheck check` checks when given no PATH
    baseline = "crosscheck-baseline.json"
    disable = ["statement"]             # categories left out entirely
    exclude = ["drafts", "*/README.md"] # files and folders skipped when walking a dataset directory
    cache_dir = ".crosscheck-cache"
    jobs = 2                            # processes for parsing
    [severity]                          # ([tool.crosscheck.severity] in pyproject.toml)
    name_spelling = "warning"           # per-category severity of discrepancies
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import CrosscheckError, UsageError
from .files import MAX_INPUT_BYTES, parse_toml, printable, read_input
from .model import Category, Severity

CONFIG_FILE = "crosscheck.toml"
FAIL_ON: dict[str, Severity | None] = {"error": Severity.ERROR, "warning": Severity.WARNING, "info": Severity.INFO, "never": None}
LEADS_HELP = (  # the command line's words for `leads`, for compare, check and baseline
    "also report leads: info-level conflicts between sentences that only resemble each other "
    "(counts, dates, lists, quotes, speakers, roles, denials); readers judged few of them real, so "
    "they are left out by default"
)


MAX_JOBS = 256
"""More parsing processes than this is a typo, not a machine: each loads its own spaCy model."""
KEYS = ("fail_on", "paths", "baseline", "severity", "disable", "exclude", "cache_dir", "jobs", "leads")
DEFAULT_CACHE_DIR = ".crosscheck-cache"


@dataclass(frozen=True, slots=True)
class Config:
    """The gate's settings after the file and the command line are merged."""

    fail_on: Severity | None = Severity.ERROR
    paths: tuple[str, ...] = ()
    baseline: str | None = None
    severity: tuple[tuple[Category, Severity], ...] = ()
    disable: frozenset[Category] = frozenset()
    exclude: tuple[str, ...] = ()
    cache_dir: str | None = DEFAULT_CACHE_DIR  # None: no cache
    jobs: int = 1
    leads: bool = False  # report leads (info conflicts between resembling sentences), as `--leads`
    file: str | None = None  # where the settings were read from

    def severity_of(self, category: Category, default: Severity) -> Severity:
        """The configured severity of a discrepancy in `category`, else its own."""
        return dict(self.severity).get(category, default)


def load(path: str | None = None, *, directory: str = ".") -> Config:
    """The configuration in `path`, or found in `directory`: crosscheck.toml, then pyproject.toml."""
    if path is None:
        found = _find(Path(directory))
        if found is None:
            return Config()
        path = found
    p = Path(path)
    try:
        data = parse_toml(read_input(p, MAX_INPUT_BYTES, printable(path)).decode("utf-8"))
    except FileNotFoundError:
        raise UsageError(f"--config {path}: no such file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"{path}: cannot read configuration ({getattr(exc, 'strerror', None) or exc})") from None
    except ValueError as exc:  # tomllib.TOMLDecodeError, and what parse_toml makes one-line
        raise UsageError(f"{path}: not valid TOML ({exc})") from None
    if p.name == "pyproject.toml":
        tool = data.get("tool")
        table = tool.get("crosscheck") if isinstance(tool, dict) else None
        if not isinstance(table, dict):
            raise UsageError(f"{path}: has no [tool.crosscheck] table")
        return parse(table, path, prefix="tool.crosscheck.")
    return parse(data, path)


def _find(directory: Path) -> str | None:
    """The configuration file in `directory`, if any.

    A crosscheck.toml that exists but is no regular file (a FIFO, a dangling link) is returned
    too, for `load` to refuse: skipping it would silently run with the defaults.
    """
    if os.path.lexists(directory / CONFIG_FILE):
        return str(directory / CONFIG_FILE)
    pyproject = directory / "pyproject.toml"
    if pyproject.is_file():
        try:
            data = parse_toml(read_input(pyproject, MAX_INPUT_BYTES, str(pyproject)).decode("utf-8"))
        except (OSError, ValueError, CrosscheckError):  # ValueError: UnicodeDecodeError, TOMLDecodeError
            return None  # not ours to judge: only a [tool.crosscheck] table makes it our config
        tool = data.get("tool")
        if isinstance(tool, dict) and "crosscheck" in tool:
            return str(pyproject)
    return None


def parse(data: Mapping[str, Any], file: str, *, prefix: str = "") -> Config:
    """Check every key and value of a configuration table and build the `Config`."""

    def bad(key: str, expected: str) -> UsageError:
        return UsageError(f"{file}: {prefix}{key} must be {expected}, got {data[key]!r}")

    unknown = sorted(k for k in data if k not in KEYS)
    if unknown:
        raise UsageError(f"{file}: unknown key '{prefix}{unknown[0]}' (allowed: {', '.join(KEYS)})")
    base = os.path.relpath(os.path.dirname(os.path.abspath(file)))
    out: dict[str, Any] = {"file": file}
    if "fail_on" in data:
        if data["fail_on"] not in FAIL_ON:
            raise bad("fail_on", "one of " + ", ".join(FAIL_ON))
        out["fail_on"] = FAIL_ON[data["fail_on"]]
    for key in ("paths", "exclude"):
        if key in data:
            if not _strings(data[key]):
                raise bad(key, "a list of strings")
            out[key] = tuple(os.path.normpath(os.path.join(base, p)) for p in data[key]) if key == "paths" else tuple(data[key])
    for key in ("baseline", "cache_dir"):
        if key in data:
            if not isinstance(data[key], str) or not data[key].strip():
                raise bad(key, "a path")
            out[key] = os.path.normpath(os.path.join(base, data[key]))
    if "disable" in data:
        if not _strings(data["disable"]):
            raise bad("disable", "a list of category names")
        out["disable"] = frozenset(_category(c, file, f"{prefix}disable") for c in data["disable"])
    if "severity" in data:
        if not isinstance(data["severity"], dict):
            raise bad("severity", "a table of category = severity")
        pairs = []
        for cat, sev in sorted(data["severity"].items()):
            category = _category(cat, file, f"{prefix}severity")
            if sev not in {str(s) for s in Severity}:
                raise UsageError(f"{file}: {prefix}severity.{cat} must be one of error, warning, info, got {sev!r}")
            pairs.append((category, Severity(sev)))
        out["severity"] = tuple(pairs)
    if "jobs" in data:
        if isinstance(data["jobs"], bool) or not isinstance(data["jobs"], int) or not 1 <= data["jobs"] <= MAX_JOBS:
            raise bad("jobs", f"a whole number of processes from 1 to {MAX_JOBS}")
        out["jobs"] = data["jobs"]
    if "leads" in data:
        if not isinstance(data["leads"], bool):
            raise bad("leads", "true or false")
        out["leads"] = data["leads"]
    return Config(**out)


def _strings(value: object) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) and v.strip() for v in value)


def _category(name: str, file: str, key: str) -> Category:
    try:
        return Category(name)
    except ValueError:
        names = ", ".join(str(c) for c in Category)
        raise UsageError(f"{file}: unknown category {name!r} in {key} (categories: {names})") from None

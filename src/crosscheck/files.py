"""The file system edge: reading input files, parsing JSON and TOML, writing reports and stdout.

Every file crosscheck reads (articles, datasets, manifests, configuration, baselines, gold files,
cache entries) and every report it writes goes through here, so the rules hold everywhere:

- an input is a regular file (after following symlinks); a FIFO would block forever and a device
  such as /dev/zero never ends, and its `st_size` (0) cannot bound the read, so both are refused
  before a byte is read, and a read stops one byte past its limit whatever the file says;
- JSON and TOML that the parsers take but cannot hold (nesting deeper than the recursion limit,
  integers over 4300 digits, "\\ud800" escapes no UTF-8 writer can encode) is a `ValueError` with a
  one-line message, like any other malformed text;
- `-o` never overwrites an input, and never replaces what is not a plain file: a device or FIFO is
  written to, a symlink keeps pointing at the file it names, which is replaced atomically;
- paths are shown printable (undecodable bytes as `\\xff`), so reports stay valid UTF-8.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import re
import stat
import sys
import tempfile
import tomllib
from collections.abc import Iterable
from typing import Any

from .errors import CrosscheckError, InputError, UsageError

MAX_INPUT_BYTES = 64 * 1024 * 1024
"""Limit for configuration, manifests, baselines and gold files: none is anywhere near this."""
MAX_DATASET_BYTES = 1024 * 1024 * 1024
"""Limit for a JSON Lines dataset, which holds many articles (each at most 5 MB)."""
_SURROGATE = re.compile("[\ud800-\udfff]")

PathLike = str | os.PathLike[str]


def printable(path: PathLike) -> str:
    """`path` as text any UTF-8 writer can take: bytes that are not UTF-8 become `\\xNN`.

    Python keeps undecodable bytes of a file name as lone surrogates (PEP 383); written to a
    report they either crash the encoder or make the report invalid UTF-8.
    """
    text = os.fspath(path)
    try:
        raw = text.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:  # a surrogate that is no escaped byte
        raw = text.encode("utf-8", "backslashreplace")
    return raw.decode("utf-8", "backslashreplace")


def read_input(path: PathLike, limit: int, shown: str) -> bytes:
    """The bytes of the regular file `path`, at most `limit` of them; `shown` names it in errors.

    Raises `InputError` for what is not a regular file or is too large, `IsADirectoryError` for a
    directory and other `OSError`s (missing, unreadable, name too long, symlink loop) as they are,
    so each caller words those in its own terms.
    """
    _require_regular(os.stat(path), path, shown, limit)
    # O_NONBLOCK: should the path have become a FIFO since the stat, opening it must not hang.
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    try:
        _require_regular(os.fstat(fd), path, shown, limit)
        chunks, total = [], 0
        while True:
            chunk = os.read(fd, min(1 << 20, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
            if total > limit:  # a file that grows while read, or one whose size the stat hides (/proc)
                raise InputError(f"{shown}: file is larger than the {limit}-byte limit")
    finally:
        os.close(fd)
    return b"".join(chunks)


def _require_regular(st: os.stat_result, path: PathLike, shown: str, limit: int) -> None:
    if stat.S_ISDIR(st.st_mode):
        raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), os.fspath(path))
    if not stat.S_ISREG(st.st_mode):
        raise InputError(f"{shown}: not a regular file")
    if st.st_size > limit:
        raise InputError(f"{shown}: file is {st.st_size} bytes, larger than the {limit}-byte limit")


def has_surrogate(data: object) -> bool:
    """Whether any string (or key) in parsed data holds a lone surrogate, which cannot be written as UTF-8.

    JSON and YAML turn a "\\ud800" escape into one; it passes every check and only fails when the
    report is written, as a traceback.
    """
    stack = [data]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            if _SURROGATE.search(item):
                return True
        elif isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list | tuple):
            stack.extend(item)
    return False


def parse_json(text: str) -> Any:
    """`json.loads`, where every malformed input is a `ValueError` with a one-line message.

    `json.JSONDecodeError` (a `ValueError`) passes through with its position; the rest are the
    failures `json.loads` does not report as decoding errors.
    """
    try:
        data = json.loads(text)
    except json.JSONDecodeError:
        raise
    except RecursionError:
        raise ValueError("nested too deeply") from None
    except ValueError:  # int() refuses literals over sys.get_int_max_str_digits() digits
        raise ValueError(f"a number has more than {sys.get_int_max_str_digits()} digits") from None
    if ("\\ud" in text or "\\uD" in text) and has_surrogate(data):
        raise ValueError("a \\u escape is a lone surrogate, not a character")
    return data


def parse_toml(text: str) -> dict[str, Any]:
    """`tomllib.loads`, where every malformed input is a `ValueError` (as `TOMLDecodeError` is)."""
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        raise
    except RecursionError:
        raise ValueError("nested too deeply") from None
    except ValueError:
        raise ValueError(f"a number has more than {sys.get_int_max_str_digits()} digits") from None


def check_output(output: str, inputs: Iterable[tuple[PathLike, str]]) -> None:
    """Refuse an `-o FILE` that names a directory, a missing directory or one of the run's inputs.

    `inputs` pairs each file the run reads with how to name it ("a source article"). The same
    file is found through symlinks, hard links and other spellings of its path; checked before
    any work, so a run that would lose an input does nothing.
    """
    if _names_directory(output):
        raise UsageError(f"-o {output}: names a directory, expected a file")
    try:
        st: os.stat_result | None = os.stat(output)
    except FileNotFoundError:
        st = None
    except OSError as exc:
        if exc.errno != errno.ENOTDIR:
            raise UsageError(f"-o {output}: {exc.strerror or exc}") from None
        st = None
    if st is not None and stat.S_ISDIR(st.st_mode):
        raise UsageError(f"-o {output}: is a directory, expected a file")
    real = os.path.realpath(output)
    for path, what in inputs:
        if os.path.realpath(path) == real or (st is not None and _same_file(path, st)):
            raise UsageError(f"-o {output}: refusing to overwrite {what}")
    parent = os.path.dirname(real)
    if not os.path.isdir(parent):
        raise UsageError(f"-o {output}: directory {parent} does not exist")


def _same_file(path: PathLike, st: os.stat_result) -> bool:
    try:
        other = os.stat(path)
    except OSError:
        return False
    return (other.st_dev, other.st_ino) == (st.st_dev, st.st_ino)


def _names_directory(path: str) -> bool:
    """A path ending in a separator names a directory; written to, the separator would be dropped."""
    return path.endswith(os.sep) or bool(os.altsep and path.endswith(os.altsep))


def write_atomic(path: str, text: str) -> None:
    """Write `text` to `path` so readers see the old or the new content, never a partial one.

    A regular file (new or old) is written to a temporary file beside it and renamed over it; the
    temporary file is removed on any failure. A symlink is followed and the file it names replaced,
    so the link stays. A device, FIFO or socket is written to in place: renaming over it would
    replace the node itself (`-o /dev/null` as root would destroy /dev/null).
    """
    if _names_directory(path):
        raise CrosscheckError(f"cannot write {path}: names a directory, expected a file")
    data = text.encode("utf-8")
    target = os.path.realpath(path)
    try:
        st: os.stat_result | None = os.stat(target)
    except FileNotFoundError:
        st = None
    except OSError as exc:
        raise CrosscheckError(f"cannot write {path}: {exc.strerror or exc}") from None
    if st is not None and stat.S_ISDIR(st.st_mode):
        raise CrosscheckError(f"cannot write {path}: is a directory")
    if st is not None and not stat.S_ISREG(st.st_mode):
        try:
            with open(target, "wb") as fh:
                fh.write(data)
        except OSError as exc:
            raise CrosscheckError(f"cannot write {path}: {exc.strerror or exc}") from None
        return
    directory, name = os.path.split(target)
    tmp: str | None = None
    try:
        # The name is cut so the temporary one stays within NAME_MAX when the target's is near it.
        fd, tmp = tempfile.mkstemp(prefix=f".{name[:120]}.", suffix=".tmp", dir=directory or ".")
        with os.fdopen(fd, "wb") as fh:
            # mkstemp makes the file private (0600); a report gets the mode any new file would.
            umask = os.umask(0)
            os.umask(umask)
            os.fchmod(fh.fileno(), 0o666 & ~umask)
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
        tmp = None
    except OSError as exc:
        raise CrosscheckError(f"cannot write {path}: {exc.strerror or exc}") from None
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)


def write_stdout(text: str) -> None:
    """Write `text` to standard output and flush it; a closed or full stdout is a `CrosscheckError`.

    With stdout closed (`>&-`) Python sets `sys.stdout` to None; on a full device the error comes
    at the flush. A broken pipe is re-raised for `main` to end the run quietly.
    """
    if sys.stdout is None:
        raise CrosscheckError("cannot write to standard output: it is closed")
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except BrokenPipeError:
        raise
    except OSError as exc:
        discard_stdout()
        raise CrosscheckError(f"cannot write to standard output: {exc.strerror or exc}") from None


def discard_stdout() -> None:
    """Point stdout at /dev/null, so the flush at interpreter exit cannot fail a second time.

    Python flushes stdout again as it exits and prints "Exception ignored …" when that fails
    (a broken pipe, a full device); what was not written cannot be written anyway.
    """
    with contextlib.suppress(OSError, ValueError, AttributeError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)

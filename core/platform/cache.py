"""Derived data kept between runs, as Python keeps its compiled modules: a value built from files
(the labels from data/i18n/*.toml, Sweden's days off from the holidays package) is written once as
JSON to data/cache/ and read back while those files are unchanged — a few milliseconds instead of
the tens it takes to build, which is most of what the command line's start can still lose (issue
12). A cache is only ever a copy: missing, unreadable, damaged, from other files or another
Python, or in a folder that cannot be written, it is built again, and nothing else changes.

It holds no personal data: only what is built from Mentorplan's own files and its packages.
MENTORPLAN_CACHE_DIR puts it elsewhere."""

from __future__ import annotations

import json
import os
import sys
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

from core.platform.paths import DATA_DIR

CACHE_DIR_VARIABLE = "MENTORPLAN_CACHE_DIR"
T = TypeVar("T")


def cache_dir() -> Path:
    return Path(os.environ.get(CACHE_DIR_VARIABLE, "").strip() or DATA_DIR / "cache")


def stamp(sources: Sequence[Path]) -> list[Any]:
    """What the value was built from: the Python it was built by, and each file's path, size and
    time of change (as a compiled module is checked against its source)."""
    found: list[Any] = [sys.version]
    for source in sources:
        status = source.stat()
        found.append([str(source), status.st_size, status.st_mtime_ns])
    return found


def kept(name: str, sources: Sequence[Path], build: Callable[[], T]) -> T:
    """The value `build()` makes from `sources`, read from the cache when it was built from these
    very files, else built and kept. The sources name the module that builds it too, so that a
    new version of Mentorplan's own code builds it again. The value must survive JSON unchanged
    (dicts with text keys, lists, text, numbers)."""
    try:
        current = stamp(sources)
    except OSError:  # a source gone: build from what there is, keep nothing
        return build()
    path = cache_dir() / f"{name}.json"
    try:
        stored = json.loads(path.read_text(encoding="utf-8"))
        if isinstance(stored, dict) and stored.get("stamp") == current and "value" in stored:
            return stored["value"]
    except (OSError, ValueError):
        pass
    value = build()
    _write(path, {"stamp": current, "value": value})
    return value


def _write(path: Path, content: object) -> None:
    """Written whole or not at all (another process may be reading or writing it too)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.stem}.", suffix=".part")
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as file:
                json.dump(content, file, ensure_ascii=False)
            # Readable by the server and by a scheduled command run as another user (mkstemp's
            # is 0600): it holds nothing personal.
            os.chmod(temporary, 0o644)
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except OSError:
        pass  # a folder that cannot be written: the value is built again next time

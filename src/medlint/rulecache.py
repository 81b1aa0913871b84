"""medlint's own rule files, parsed once and kept between runs (issue 23: start-up of a one-file check).

Parsing the bundled rule files' YAML took about 10 ms of every run, for files that
change only with medlint itself. What each one parses to is kept beside the compiled
patterns (:mod:`medlint.patterncache`, whose ``MEDLINT_PATTERN_CACHE=off`` turns this
off too), marshalled with the file's whole text: a run that reads the same text takes
the kept data, any other text is parsed again. Only medlint's own (trusted) rule files
are kept; a user's are parsed and validated on every run.
"""
from __future__ import annotations

import marshal
import sys
from pathlib import Path
from typing import Any

from .yamlsource import load_yaml_text

#: What the kept data was made by: a file from another Python or PyYAML is ignored.
_STAMP = f"medlint rules 1 {sys.implementation.cache_tag} {sys.version}"
#: Each rule file's (text, marshalled data), by its path; None until read.
_table: dict[str, tuple[str, bytes]] | None = None
_changed = False


def cache_file() -> Path | None:
    """Where the parsed rule files are kept (beside the compiled patterns), or None when off."""
    from . import patterncache

    patterns = patterncache.cache_file()
    return None if patterns is None else patterns.with_name(f"rules-{sys.implementation.cache_tag}.marshal")


def _stamp() -> str:
    import yaml

    return f"{_STAMP} {yaml.__version__} {getattr(yaml, '__with_libyaml__', False)}"


def _load() -> dict[str, tuple[str, bytes]]:
    global _table
    _table = {}
    path = cache_file()
    if path is None:
        return _table
    try:
        stamp, table = marshal.loads(path.read_bytes())
        if stamp == _stamp() and isinstance(table, dict):
            _table = table
    except (OSError, ValueError, EOFError, TypeError):
        pass  # no file yet, or a damaged one: rewritten by save()
    return _table


def parse(path: Path, text: str) -> Any:
    """``load_yaml_text(text, trusted=True)`` of the bundled rule file *path*: the kept data
    when the file's text is the one kept (fresh objects, as a parse makes), else parsed
    now and kept (unless it holds something ``marshal`` cannot write, a date)."""
    global _changed
    table = _table if _table is not None else _load()
    key = str(path)
    kept = table.get(key)
    if kept is not None and isinstance(kept, tuple) and len(kept) == 2 and kept[0] == text:
        try:
            return marshal.loads(kept[1])
        except (ValueError, EOFError, TypeError):
            pass  # damaged: parsed again below
    data = load_yaml_text(text, trusted=True)
    try:
        blob = marshal.dumps(data)
    except ValueError:
        return data
    if cache_file() is not None:
        table[key] = (text, blob)
        _changed = True
    return data


def save() -> None:
    """Write the kept data if this run parsed a rule file it lacked (atomically)."""
    global _changed
    path = cache_file()
    if not _changed or _table is None or path is None:
        return
    from .patterncache import write_cache_file

    if write_cache_file(path, marshal.dumps((_stamp(), _table))):
        _changed = False

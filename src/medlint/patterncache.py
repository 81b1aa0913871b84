"""``re.compile`` without re-parsing: the compiled form of medlint's patterns, kept between runs.

Every start of medlint compiles a few hundred module-level patterns (those a page
uses, :mod:`medlint.lazyre`), and ``re`` spends nearly all of that (about 50 ms of
a one-file run, issue 23) parsing each pattern and turning it into the code its
matching engine runs. That code depends only on the pattern, its flags and the
Python version, so it is kept in one file in the user's cache folder
(``$XDG_CACHE_HOME/medlint`` or ``~/.cache/medlint``, never the checked site),
written when a run compiled patterns the file lacked, and read once per run; a
pattern built from it is equal (``==``: same pattern, flags and code) to the one
``re.compile`` makes. Patterns compiled with the ``regex`` module (:mod:`medlint.fastre`,
rules' own patterns) are kept the same way (:func:`compile_regex`), keyed by that
module's version: the arguments its compiler hands to its engine are recorded on the
first compile and handed to it directly afterwards. ``MEDLINT_PATTERN_CACHE`` names
another file, or ``off``.
Anything unexpected (another Python, an unreadable file, a ``re`` without the
internals used here) falls back to ``re.compile``.
"""
from __future__ import annotations

import atexit
import marshal
import os
import re
import sys
import threading
from pathlib import Path
from typing import Any

try:  # CPython 3.11+: re's parser and code generator, and the engine's constructor
    import _sre
    from re import _compiler, _parser  # type: ignore[attr-defined]

    _USABLE = all(hasattr(m, n) for m, n in ((_sre, "compile"), (_compiler, "_code"), (_parser, "parse")))
except ImportError:  # pragma: no cover - another Python
    _USABLE = False

#: Entries kept in the file at most (user rules add patterns; a run past this keeps only its own).
MAX_ENTRIES = 4000
#: What a compiled entry was made by: a file from another Python or engine is ignored.
_STAMP = f"medlint patterns 3 {sys.implementation.cache_tag} {sys.version} {getattr(_sre, 'MAGIC', '') if _USABLE else ''}"

#: Each pattern's compiled form, marshalled on its own: a run decodes only the few hundred it
#: uses (decoding the whole file of a site's run, 650 patterns, took 7 ms); see :class:`_Kept`.
_table: Any = None
#: Held while ``regex``'s engine constructor is swapped for the recorder (:func:`compile_regex`).
_RECORDING = threading.Lock()
_added = 0


def cache_file() -> Path | None:
    """Where the compiled patterns are kept, or None when the cache is off."""
    named = os.environ.get("MEDLINT_PATTERN_CACHE", "")
    if named.lower() in ("off", "0", "no", "false"):
        return None
    if named:
        return Path(named)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    # ("-3": the indexed layout of :func:`encode`; an older medlint keeps its own file.)
    return Path(base) / "medlint" / f"patterns-3-{sys.implementation.cache_tag}.marshal"


class _Kept:
    """The kept table: each pattern's marshalled entry by its key, those compiled this run
    over those of the file. The file is mapped, not read: only its index (the keys, and
    where each entry lies) is decoded at the start, and an entry's bytes are taken from
    the mapping when its pattern is compiled. (Reading and decoding a file of every
    pattern a user's runs have kept, a few megabytes, took 10 ms of a one-file run.)"""

    def __init__(self, index: dict[tuple[Any, ...], tuple[int, int]] | None = None, data: Any = b"") -> None:
        #: Each kept key's entry in *data*: (its distance from the end of *data*, its length).
        self._index = index or {}
        self._data = data
        self._new: dict[tuple[Any, ...], bytes] = {}
        self._dropped: set[tuple[Any, ...]] = set()

    def get(self, key: tuple[Any, ...], default: bytes | None = None) -> bytes | None:
        found = self._new.get(key)
        if found is not None:
            return found
        where = self._index.get(key) if key not in self._dropped else None
        if where is None:
            return default
        start = len(self._data) - where[0]
        return bytes(self._data[start:start + where[1]])

    def __setitem__(self, key: tuple[Any, ...], value: bytes) -> None:
        self._new[key] = value

    def pop(self, key: tuple[Any, ...], default: bytes | None = None) -> bytes | None:
        found = self.get(key, default)
        self._new.pop(key, None)
        self._dropped.add(key)
        return found

    def keys(self) -> list[tuple[Any, ...]]:
        return list(dict.fromkeys([*(k for k in self._index if k not in self._dropped), *self._new]))

    def __contains__(self, key: object) -> bool:
        return key in self._new or (key in self._index and key not in self._dropped)

    def __len__(self) -> int:
        return len(self.keys())

    def items(self) -> list[tuple[tuple[Any, ...], bytes]]:
        return [(key, self.get(key)) for key in self.keys()]  # type: ignore[misc]


def encode(table: Any) -> bytes:
    """The file's bytes for *table* (key → marshalled entry): the stamp and the index first,
    one ``marshal`` object (``marshal.loads`` of the whole file gives (stamp, index)), then
    the entries; the index places each by its distance from the end of the file."""
    entries = [(key, value) for key, value in table.items() if isinstance(value, bytes)]
    total = sum(len(value) for _, value in entries)
    index: dict[tuple[Any, ...], tuple[int, int]] = {}
    at = 0
    for key, value in entries:
        index[key] = (total - at, len(value))
        at += len(value)
    return marshal.dumps((_STAMP, index)) + b"".join(value for _, value in entries)


def _load() -> _Kept:
    global _table
    _table = _Kept()
    path = cache_file()
    if path is None:
        return _table
    try:
        data = _mapped(path)
        stamp, index = marshal.loads(data)  # (the index only: marshal reads one object)
        if stamp == _STAMP and isinstance(index, dict):
            _table = _Kept(index, data)
    except (OSError, ValueError, EOFError, TypeError):
        pass  # no file yet, or a damaged one: rewritten at exit
    atexit.register(save)
    return _table


def _mapped(path: Path) -> Any:
    """The file's bytes, mapped into memory (its pages are read as they are touched), or
    read for a file that cannot be mapped (an empty one)."""
    import mmap

    fd = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
    try:
        try:
            return mmap.mmap(fd, 0, access=mmap.ACCESS_READ)
        except (ValueError, OSError):
            return os.read(fd, 1 << 20) if os.fstat(fd).st_size < (1 << 20) else b""
    finally:
        os.close(fd)


def compile(pattern: Any, flags: int = 0) -> re.Pattern[Any]:  # noqa: A001 - re's name, on purpose
    """``re.compile(pattern, flags)``, from the kept compiled form when there is one."""
    if not _USABLE or isinstance(pattern, re.Pattern) or flags & re.DEBUG:
        return re.compile(pattern, flags)
    try:
        return _compile_kept(pattern, int(flags))
    except re.error:
        raise  # the pattern's own fault: re.compile would say the same
    except Exception:  # re's internals differ (another Python): compile as re does, and cache nothing
        _disable()
        return re.compile(pattern, flags)


def install() -> None:
    """Serve every ``re.compile`` of this process from the kept table, not only medlint's lazy
    patterns: the modules that still compile at import (``re.compile`` at module level in
    medlint, PyYAML's resolver, click) parsed about 80 patterns on every start, 20 to 30 ms
    of a one-file run (issue 23). ``re`` keeps calling its own cache first; only what it
    would hand its compiler comes here, and comes back equal to what that compiler makes.
    Done once, by the command line (:mod:`medlint.cli`), never by an import of the library;
    nothing when the cache is off or ``re``'s internals are not the ones used here."""
    if not _USABLE or cache_file() is None or getattr(_compiler.compile, "_medlint_kept", False):
        return
    original = _compiler.compile

    def kept(p: Any, flags: int = 0) -> re.Pattern[Any]:
        if _USABLE and isinstance(p, (str, bytes)) and not flags & re.DEBUG:
            try:
                return _compile_kept(p, int(flags))
            except re.error:
                raise  # the pattern's own fault: the compiler would say the same
            except Exception:  # re's internals differ: compile as re does from now on
                _disable()
        return original(p, flags)

    kept._medlint_kept = True  # type: ignore[attr-defined]
    kept._medlint_original = original  # type: ignore[attr-defined]
    _compiler.compile = kept


def uninstall() -> None:
    """Undo :func:`install` (for tests)."""
    if _USABLE and getattr(_compiler.compile, "_medlint_kept", False):
        _compiler.compile = _compiler.compile._medlint_original


def _disable() -> None:
    """Stop using re's internals for the rest of the run after they failed once."""
    global _USABLE
    _USABLE = False


def _compile_kept(pattern: Any, flags: int) -> re.Pattern[Any]:
    """The fast path of :func:`compile`: rebuild from the kept entry, or build and keep one."""
    table = _table if _table is not None else _load()
    key = (pattern, flags)
    entry = _decoded(table.get(key))
    if entry is None:
        global _added
        parsed = _parser.parse(pattern, flags)
        code = _compiler._code(parsed, flags)
        groupindex = dict(parsed.state.groupdict)
        indexgroup: list[Any] = [None] * parsed.state.groups
        for name, number in groupindex.items():
            indexgroup[number] = name
        entry = (flags | parsed.state.flags, [int(op) for op in code], parsed.state.groups - 1, groupindex,
                 tuple(indexgroup))
        table[key] = marshal.dumps(entry)
        _added += 1
    return _sre.compile(pattern, entry[0], entry[1], entry[2], entry[3], entry[4])


def compile_regex(pattern: str, flags: int = 0) -> Any:
    """``regex.compile(pattern, flags)``, from the kept arguments of its engine's constructor when
    there are some (a pattern with named lists or the LOCALE flag is always compiled afresh)."""
    import regex

    global _added
    table = _table if _table is not None else _load()
    key = (f"regex {regex.__version__}", pattern, int(flags))
    entry = _decoded(table.get(key))
    engine = getattr(getattr(regex, "_main", None), "_regex", None)
    if engine is None:  # regex's layout changed: compile as it does
        return regex.compile(pattern, flags)
    if entry is not None:
        try:
            return engine.compile(pattern, *entry)
        except Exception:  # an entry regex's engine no longer takes: compile afresh below
            table.pop(key, None)
    recorded: list[tuple[Any, ...]] = []

    class _Recorder:
        """Stands for ``regex``'s engine module during one compile and records what it is given."""

        def __getattr__(self, name: str) -> Any:
            return getattr(engine, name)

        def compile(self, *args: Any) -> Any:
            recorded.append(args)
            return engine.compile(*args)

    with _RECORDING:
        regex._main._regex = _Recorder()
        try:
            compiled = regex.compile(pattern, flags, cache_pattern=False)
        finally:
            regex._main._regex = engine
    if len(recorded) == 1 and recorded[0][0] == pattern and not recorded[0][5] and not compiled.flags & regex.LOCALE:
        table[key] = marshal.dumps(tuple(_plain(arg) for arg in recorded[0][1:]))
        _added += 1
    return compiled


def _decoded(blob: bytes | None) -> tuple[Any, ...] | None:
    """A kept entry, or None when there is none (or it is damaged: compiled afresh then)."""
    if blob is None:
        return None
    try:
        entry = marshal.loads(blob)
    except (ValueError, EOFError, TypeError):
        return None
    return entry if isinstance(entry, tuple) else None


def _plain(value: Any) -> Any:
    """*value* with its int-like flags made plain ints, which ``marshal`` can write."""
    if isinstance(value, bool) or value is None or isinstance(value, (str, bytes)):
        return value
    if isinstance(value, int):
        return int(value)
    if isinstance(value, (list, tuple)):
        return type(value)(_plain(v) for v in value)
    if isinstance(value, dict):
        return {_plain(k): _plain(v) for k, v in value.items()}
    return value


def save() -> None:
    """Write the table if this run compiled patterns it lacked (atomically: parallel runs may race)."""
    global _added
    path = cache_file()
    if not _added or _table is None or path is None:
        return
    table = _table if len(_table) <= MAX_ENTRIES else {}
    data = encode(table)
    if write_cache_file(path, data):
        _added = 0


def write_cache_file(path: Path, data: bytes) -> bool:
    """Write one of medlint's own cache files atomically (parallel runs may race); False when it
    cannot be written (a read-only home: the next run works without it, as with no cache)."""
    import tempfile  # (here: only a run that has something new to keep writes)

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=f".{path.stem}-", dir=path.parent)
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(data)
            os.replace(temporary, path)
        finally:
            if os.path.exists(temporary):
                os.unlink(temporary)
        return True
    except (OSError, ValueError):
        return False

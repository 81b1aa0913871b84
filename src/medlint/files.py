"""Which files a run checks, and reading them safely.

Folders are walked for the formats medlint reads, skipping hidden folders,
``node_modules`` and virtualenvs; inside a git work tree, git itself says
what ``.gitignore`` ignores (it knows nested ignore files and global
excludes, which a re-implementation would get subtly wrong).  Files are
opened read-only and decoded strictly, so a binary or mis-encoded file gets
a one-line notice instead of nonsense diagnostics.
"""
from __future__ import annotations

import errno
import os
import stat
from dataclasses import dataclass
from typing import Callable, Iterable

from .markup import FORMATS_BY_SUFFIX
from .errors import FileError, Skipped
from .globs import matches

SKIP_DIRS = frozenset({"node_modules", "__pycache__", "site-packages"})
#: Text files that are not articles, by file name: skipped in folder walks (and, with
#: --force-exclude, when named, as pre-commit names them). The config's ``not_articles`` replaces it.
NOT_ARTICLES = ("requirements*.txt", "constraints*.txt", "robots.txt", "humans.txt", "security.txt", "ads.txt",
                "LICENSE*", "LICENCE*", "COPYING*", "NOTICE*", "CMakeLists.txt", "*.lock")


@dataclass(frozen=True)
class Target:
    """A file to check: the path to show, and whether the user named it."""

    path: str
    explicit: bool


def _is_venv(folder: str) -> bool:
    return os.path.isfile(os.path.join(folder, "pyvenv.cfg"))


def _skipped_part(parts: Iterable[str]) -> bool:
    return any(p.startswith(".") and p not in (".", "..") or p in SKIP_DIRS for p in parts)


def _may_be_in_git(folder: str) -> bool:
    """False when git certainly finds no work tree for *folder*: nothing in the environment
    points it at one, and no ``.git`` is in the folder or above it (where git looks, by the
    physical path and the given one). Spawning git to learn that costs a one-file run
    about 20 ms of wall time and the subprocess module's import."""
    if any(os.environ.get(name) for name in ("GIT_DIR", "GIT_WORK_TREE")):
        return True
    for start in {os.path.abspath(folder), os.path.realpath(folder)}:
        here = start
        while True:
            if os.path.lexists(os.path.join(here, ".git")):
                return True
            parent = os.path.dirname(here)
            if parent == here:
                break
            here = parent
    return False


def _git_files(folder: str) -> list[str] | None:
    """Files git does not ignore below *folder* (relative to it), or None outside a work tree."""
    if not _may_be_in_git(folder):
        return None
    import shutil  # here, not at the top: subprocess and shutil are a tenth of start-up
    import subprocess  # and only a folder walk asks git

    if shutil.which("git") is None:
        return None
    try:
        out = subprocess.run(
            ["git", "-C", folder, "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
            capture_output=True, timeout=60, check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    if out.returncode != 0:
        return None
    names = out.stdout.decode("utf-8", "surrogateescape").split("\0")
    return [n for n in names if n]


def _walk(folder: str) -> list[str]:
    found = []
    for dirpath, dirnames, filenames in os.walk(folder):
        dirnames[:] = sorted(
            d for d in dirnames
            if not _skipped_part([d]) and not _is_venv(os.path.join(dirpath, d))
        )
        rel = os.path.relpath(dirpath, folder)
        if rel == ".":
            found += filenames
        else:
            prefix = rel.replace(os.sep, "/") + "/"  # (one join per folder: a site's folder holds thousands)
            found += [prefix + name for name in filenames]
    return found


def _checkable(name: str) -> bool:
    """A markup file's suffix, and no dot file. (*name* is '/'-separated, as a walk or git gives
    it: its last part is its file name, and the suffix is what os.path.splitext finds there.)"""
    base = name.rpartition("/")[2]
    dot = base.rfind(".")
    return dot > 0 and not base.startswith(".") and base[dot:].lower() in FORMATS_BY_SUFFIX


def _not_article(name: str, not_articles: Iterable[str]) -> bool:
    return matches(os.path.basename(name), not_articles)


def walk_folder(folder: str, respect_gitignore: bool = True) -> list[str]:
    """Checkable files below *folder*, as paths relative to it."""
    names = _git_files(folder) if respect_gitignore else None
    if names is None:
        names = _walk(folder)
    else:
        venvs: dict[str, bool] = {}
        kept = []
        for name in names:
            parts = name.split("/")
            if _skipped_part(parts[:-1]) or not os.path.isfile(os.path.join(folder, name)):
                continue
            parents = ["/".join(parts[:i]) for i in range(1, len(parts))]
            for parent in parents:
                if parent not in venvs:
                    venvs[parent] = _is_venv(os.path.join(folder, parent))
            if any(venvs[p] for p in parents):
                continue
            kept.append(name)
        names = kept
    return sorted(n for n in names if _checkable(n))


def expand_paths(paths: Iterable[str], exclude: list[str], relpath: Callable[[str], str],
                 force_exclude: bool = False, respect_gitignore: bool = True,
                 not_articles: Iterable[str] = NOT_ARTICLES, follow_external_symlinks: bool = False,
                 notices: list[Skipped] | None = None) -> tuple[list[Target], list[FileError]]:
    """Expand the user's paths into files; missing paths become errors.  A symlink met
    in a folder walk that leads outside that folder is not followed (it could make
    medlint read, and ``--fix`` write, anything) unless *follow_external_symlinks*;
    each one skipped is added to *notices*."""
    targets: dict[str, Target] = {}
    errors: list[FileError] = []
    not_articles = tuple(not_articles)
    for given in paths:
        if os.path.isdir(given):
            inside = None
            for name in walk_folder(given, respect_gitignore):
                shown = os.path.normpath(os.path.join(given, name))
                if exclude and (matches(relpath(shown), exclude) or matches(name, exclude)):
                    continue
                if _not_article(name, not_articles):
                    continue
                if not follow_external_symlinks and os.path.islink(shown):
                    inside = inside or os.path.realpath(given)
                    if not is_within(os.path.realpath(shown), inside):
                        if notices is not None:
                            notices.append(Skipped(shown, "a symbolic link to a file outside the folder being "
                                                   "checked; not followed (set follow_external_symlinks: true to check it)"))
                        continue
                targets.setdefault(shown, Target(shown, False))
        elif os.path.exists(given):
            shown = os.path.normpath(given)
            if force_exclude and (exclude and matches(relpath(shown), exclude) or _not_article(shown, not_articles)):
                continue
            targets[shown] = Target(shown, True)
        else:
            errors.append(FileError("no such file or directory", given))
    return sorted(targets.values(), key=lambda t: t.path), errors


def is_within(path: str, folder: str) -> bool:
    """True if the (resolved) *path* is *folder* or lies below it."""
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)


def why_nothing(paths: Iterable[str], exclude: list[str], relpath: Callable[[str], str],
                respect_gitignore: bool = True, not_articles: Iterable[str] = NOT_ARTICLES) -> list[str]:
    """Why the existing *paths* gave no file to check: one reason each, for the summary.

    Called only when nothing was checked, so the extra walks cost nothing in a normal run."""
    reasons: list[str] = []
    for given in paths:
        if os.path.isdir(given):
            where = given.rstrip("/\\") + "/" if given not in (".", "./") else "the current folder"
            found = [n for n in _walk(given) if _checkable(n)]
            kept = walk_folder(given, respect_gitignore)
            articles = [n for n in kept if not _not_article(n, not_articles)]
            if not found:
                suffixes = ", ".join(sorted(FORMATS_BY_SUFFIX))
                reasons.append(f"no {suffixes} files under {where}")
            elif not kept:
                reasons.append(f"{_all(len(found))} under {where} {_be(len(found))} ignored by .gitignore "
                               "(use --no-respect-gitignore)")
            elif not articles:
                reasons.append(f"{_all(len(kept))} under {where} {_be(len(kept))} not articles by name "
                               "(LICENSE, requirements.txt, ...; the config's not_articles lists them)")
            else:
                verb = "matches" if len(articles) == 1 else "match"
                reasons.append(f"{_all(len(articles))} under {where} {verb} exclude patterns ({', '.join(exclude)})")
        elif os.path.exists(given):
            if _not_article(given, not_articles):
                reasons.append(f"{given} is not an article by name (the config's not_articles lists it)")
            else:
                reasons.append(f"{given} matches exclude patterns ({', '.join(exclude)}) and --force-exclude is on")
    return reasons


def _all(n: int) -> str:
    return "the only file" if n == 1 else f"all {n} files"


def _be(n: int) -> str:
    return "is" if n == 1 else "are"


@dataclass(frozen=True)
class Source:
    """A file's text as read, and what it was on disk then (so that ``--fix`` can tell
    whether someone else changed it before the fixed text replaces it)."""

    text: str
    bom: bool
    stamp: tuple[int, int, str]  # size, modification time (ns), SHA-256 of the bytes


def file_stamp(path: str, max_size: int) -> tuple[int, int, str] | None:
    """The (size, mtime, hash) of the regular file *path* now, or None if it is gone or
    not a regular file any more."""
    try:
        data, info = _read_regular(path, max_size)
    except (OSError, Skipped):
        return None
    return info.st_size, info.st_mtime_ns, _sha256(data)


def _read_regular(path: str, max_size: int) -> tuple[bytes, os.stat_result]:
    """The bytes of *path* if it is a regular file (after symlinks) of at most
    *max_size* bytes.  Opened without blocking, so a FIFO cannot hang the run, and read
    with a cap, so a file that grows (or ``/dev/zero`` behind a symlink) cannot fill memory."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise Skipped(path, f"not a regular file ({_file_type(info.st_mode)}); only regular files are read")
        if info.st_size > max_size:
            raise Skipped(path, f"larger than {max_size:,} bytes ({info.st_size:,}); raise max_file_size to check it")
        chunks = []
        left = max_size + 1
        while left > 0:
            chunk = os.read(fd, min(left, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
        data = b"".join(chunks)
        if len(data) > max_size:
            raise Skipped(path, f"larger than {max_size:,} bytes (it grew while read); raise max_file_size to check it")
        return data, info
    finally:
        os.close(fd)


def _file_type(mode: int) -> str:
    for test, name in ((stat.S_ISFIFO, "a named pipe"), (stat.S_ISCHR, "a character device"),
                       (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"), (stat.S_ISDIR, "a folder")):
        if test(mode):
            return name
    return "not a regular file"


def read_source(path: str, max_size: int) -> Source:
    """Read a regular file as UTF-8, keeping its line endings.

    Raises :class:`Skipped` for binary, oversized and special files (FIFOs, devices)
    and :class:`FileError` for unreadable or mis-encoded ones, and for symlink loops.
    """
    try:
        data, info = _read_regular(path, max_size)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise FileError("cannot read: a symbolic link loop (a link that leads back to itself)", path) from None
        raise FileError(f"cannot read: {exc.strerror or exc}", path) from None
    return Source(decode(data, path), data.startswith(b"\xef\xbb\xbf"),
                  (info.st_size, info.st_mtime_ns, _sha256(data)))


def read_text(path: str, max_size: int) -> tuple[str, bool]:
    """Read a file as UTF-8 (see :func:`read_source`); return (text, had a BOM)."""
    source = read_source(path, max_size)
    return source.text, source.bom


def decode(data: bytes, path: str) -> str:
    if data[:4] in (b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff"):
        raise FileError("is UTF-32; medlint reads UTF-8 (save the file as UTF-8)", path)
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        raise FileError("is UTF-16; medlint reads UTF-8 (save the file as UTF-8)", path)
    if b"\0" in data:
        raise Skipped(path, "binary file (contains NUL bytes)")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        byte = data[exc.start:exc.start + 1].hex().upper()
        raise FileError(f"not valid UTF-8 (byte 0x{byte} at column {column}); save the file as UTF-8", path, line) from None


#: Bytes hashed so far by :func:`_sha256` with the interpreter's own SHA-256.
_hashed = 0
#: Up to this many bytes, :func:`_sha256` does without ``hashlib``.
OWN_SHA256_BYTES = 512 * 1024


def _sha256(data: bytes) -> str:
    """The hex SHA-256 of *data*. ``hashlib`` (OpenSSL's) cost 3.5 ms of CPU to import, a
    tenth of a one-file run's reading and parsing; the interpreter's own ``_sha256`` imports
    at once but hashes a sixth as fast, so it serves the first half megabyte of a run (a
    one-file check, a few pages) and ``hashlib`` the rest. The same digest either way."""
    global _hashed
    if _hashed < OWN_SHA256_BYTES:
        try:
            from _sha256 import sha256  # type: ignore[import-not-found]
        except ImportError:  # (another Python: hashlib's, below)
            _hashed = OWN_SHA256_BYTES
        else:
            _hashed += len(data)
            return sha256(data).hexdigest()
    import hashlib

    return hashlib.sha256(data).hexdigest()

"""Glob patterns over '/'-separated relative paths, with gitignore-like ``**``.

``*`` and ``?`` stay within one path segment, ``**`` spans segments, and a
pattern with no ``/`` matches the file name in any folder (``*.md``).
"""
from __future__ import annotations

import functools
import re
from typing import Iterable


@functools.lru_cache(maxsize=1024)
def compile_glob(pattern: str) -> re.Pattern[str]:
    pat = pattern.strip()
    if pat.startswith("./"):
        pat = pat[2:]
    anchored = "/" in pat.rstrip("/")
    pat = pat.lstrip("/")
    if pat.endswith("/"):
        pat += "**"
    out = []
    i = 0
    while i < len(pat):
        c = pat[i]
        if pat.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif pat.startswith("**", i):
            out.append(".*")
            i += 2
        elif c == "*":
            out.append("[^/]*")
            i += 1
        elif c == "?":
            out.append("[^/]")
            i += 1
        elif c == "[":
            close = pat.find("]", i + 2)
            if close < 0:
                out.append(re.escape(c))
                i += 1
            else:
                body = pat[i + 1:close].replace("\\", "\\\\")
                if body.startswith("!"):
                    body = "^" + body[1:]
                out.append(f"[{body}]")
                i = close + 1
        else:
            out.append(re.escape(c))
            i += 1
    prefix = "" if anchored else "(?:.*/)?"
    # A pattern naming a folder also matches everything below it.
    return re.compile(prefix + "".join(out) + "(?:/.*)?", re.S)


def normalize(path: str) -> str:
    path = path.replace("\\", "/")
    while path.startswith("./"):
        path = path[2:]
    return path


def matches(path: str, patterns: Iterable[str]) -> bool:
    """True if the relative *path* matches any of *patterns*."""
    path = normalize(path)
    return any(compile_glob(p).fullmatch(path) for p in patterns)


_WILD = re.compile(r"[*?\[]")


class GlobIndex:
    """Which of many glob lists (a config's overrides) match a path, testing only the
    globs that could: a glob without wildcards is looked up (by the path's leading
    folders when it holds a '/', else by each of the path's names), one whose first
    folder is literal is tested only on paths in that folder, and only the rest on
    every path.  A config with 100,000 overrides costs a file a few look-ups, not
    100,000 regex matches."""

    def __init__(self, lists: Iterable[Iterable[str]]) -> None:
        self._exact: dict[str, set[int]] = {}
        self._names: dict[str, set[int]] = {}
        self._first: dict[str, list[tuple[int, str]]] = {}
        self._rest: list[tuple[int, str]] = []
        self._compiled: dict[str, re.Pattern[str]] = {}
        for i, patterns in enumerate(lists):
            for pattern in patterns:
                self._add(i, pattern)

    def _add(self, i: int, pattern: str) -> None:
        pat = pattern.strip()
        if pat.startswith("./"):
            pat = pat[2:]
        anchored = "/" in pat.rstrip("/")
        pat = pat.lstrip("/")
        if not _WILD.search(pat) and not pat.endswith("/") and pat:
            (self._exact if anchored else self._names).setdefault(pat, set()).add(i)
            return
        first = pat.split("/", 1)[0]
        if anchored and first and not _WILD.search(first):
            self._first.setdefault(first, []).append((i, pattern))
        else:
            self._rest.append((i, pattern))

    def _test(self, pattern: str, path: str) -> bool:
        compiled = self._compiled.get(pattern)
        if compiled is None:
            compiled = self._compiled[pattern] = compile_glob.__wrapped__(pattern)
        return compiled.fullmatch(path) is not None

    def matching(self, path: str) -> tuple[int, ...]:
        """The indexes of the lists with a glob that matches the relative *path*, in order."""
        path = normalize(path)
        parts = path.split("/")
        found: set[int] = set()
        for k in range(1, len(parts) + 1):
            found.update(self._exact.get("/".join(parts[:k]), ()))
        for name in parts:
            found.update(self._names.get(name, ()))
        for i, pattern in [*self._first.get(parts[0], []), *self._rest]:
            if i not in found and self._test(pattern, path):
                found.add(i)
        return tuple(sorted(found))

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

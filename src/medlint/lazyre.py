"""Regular expressions compiled on their first use, not when their module is imported.

medlint's modules define a few hundred patterns at module level; compiling them
all was about 60 ms of every start (issue 23), while checking one page uses
about half of them (a page with no dose never runs the dose parser's). A
:class:`LazyPattern` stands where the compiled pattern stood and compiles it
the first time one of its methods or attributes is read; from then on its
methods are the compiled pattern's own bound methods, stored on it, so a call
costs what it did. ``pattern`` is known without compiling (patterns are built
from others' ``.pattern``). A parallel run compiles them all before it forks
its workers (:func:`compile_all`), so that the workers share them, as before.
"""
from __future__ import annotations

import re
from typing import Any, Callable, cast

from . import patterncache

#: What the first use copies from the compiled pattern onto the stand-in.
_COPIED = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split", "flags", "groups",
           "groupindex")


#: Every stand-in made (module-level patterns: they live as long as the process anyway).
_MADE: list["LazyPattern"] = []


class LazyPattern:
    """A compiled pattern's stand-in that compiles it on first use (see the module's docstring)."""

    def __init__(self, pattern: str, flags: int, compiler: Callable[[str, int], Any], register: bool = True) -> None:
        self.pattern = pattern
        self._flags = flags
        self._compiler = compiler
        if register:  # (a module-level pattern; others are compiled by their owner's means)
            _MADE.append(self)

    def __getattr__(self, name: str) -> Any:
        # Called only for what is not set on the instance yet: the first use.
        if name.startswith("__") or name in ("_flags", "_compiler", "_compiled"):
            raise AttributeError(name)  # copy, pickle and hasattr probe dunders: no compiling for them
        compiled = self.__dict__.get("_compiled")
        if compiled is None:
            compiled = self._compiler(self.pattern, self._flags)
            for attribute in _COPIED:
                setattr(self, attribute, getattr(compiled, attribute))
            self._compiled = compiled
        return getattr(compiled, name)

    def compiled(self) -> Any:
        """The compiled pattern itself (compiling it now if not yet done)."""
        if "_compiled" not in self.__dict__:
            self.__getattr__("search")
        return self.__dict__["_compiled"]

    def __repr__(self) -> str:
        return f"LazyPattern({self.pattern!r}, {self._flags!r})"


def compile(pattern: str, flags: int = 0) -> re.Pattern[str]:  # noqa: A001 - re's name, on purpose
    """``re.compile(pattern, flags)``, compiled on first use."""
    return cast("re.Pattern[str]", LazyPattern(pattern, flags, patterncache.compile))


def compile_all() -> None:
    """Compile every stand-in made so far (before forking workers, which then share them).
    A pattern that does not compile is left to fail where it is used, as it would have."""
    for pattern in list(_MADE):
        try:
            pattern.compiled()
        except Exception:  # re.error, regex.error: raised again on first use
            continue

"""What several kinds share: compiling user regexes and searching a scope."""
from __future__ import annotations

import re
import weakref
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any, Iterator, Sequence

from .. import lazyre, patterncache
from ..document import Document
from . import OptionError

SCOPES = ["prose", "raw", "heading", "link-text", "frontmatter"]
SCOPE_SCHEMA = {"enum": SCOPES}


from ..fastre import regex_timeout


class PatternTimeout(Exception):
    """A rule's pattern backtracked past the time limit on a document."""

    def __init__(self, pattern: str) -> None:
        super().__init__(pattern)
        self.pattern = pattern


class BoundedPattern:
    """A rule's regular expression whose every search is bounded in time.

    Users write the patterns of their rules, and a pattern such as ``(a+)+$``
    backtracks for hours on a long line; the ``regex`` module (a drop-in for
    ``re``) can stop a search after a timeout, which ``re`` cannot.
    """

    __slots__ = ("compiled", "pattern")

    def __init__(self, compiled: Any) -> None:
        self.compiled = compiled
        self.pattern = compiled.pattern

    @property
    def flags(self) -> int:
        return int(self.compiled.flags)

    def _call(self, method: str, string: str, pos: int, endpos: int) -> Any:
        try:
            return getattr(self.compiled, method)(string, pos, endpos, timeout=regex_timeout(endpos - pos))
        except TimeoutError:
            raise PatternTimeout(self.pattern) from None

    def search(self, string: str, pos: int = 0, endpos: int | None = None) -> Any:
        return self._call("search", string, pos, len(string) if endpos is None else endpos)

    def match(self, string: str, pos: int = 0, endpos: int | None = None) -> Any:
        return self._call("match", string, pos, len(string) if endpos is None else endpos)

    def fullmatch(self, string: str, pos: int = 0, endpos: int | None = None) -> Any:
        return self._call("fullmatch", string, pos, len(string) if endpos is None else endpos)

    def finditer(self, string: str, pos: int = 0, endpos: int | None = None) -> Iterator[Any]:
        found = self._call("finditer", string, pos, len(string) if endpos is None else endpos)
        while True:
            try:
                yield next(found)
            except StopIteration:
                return
            except TimeoutError:
                raise PatternTimeout(self.pattern) from None


#: Set while a bundled rule is built with its own options (:func:`deferred_patterns`).
_DEFERRED: ContextVar[bool] = ContextVar("deferred_patterns", default=False)


@contextmanager
def deferred_patterns() -> Iterator[None]:
    """Within this block, :func:`compile_regex` compiles each pattern on its first use: for
    a bundled rule's own options only, whose patterns the test suite compiles (building
    every bundled rule), so a pattern can fail to compile only where a user wrote it,
    and that is still reported when the rule is loaded. A one-file run uses fewer than
    half of them (a disclaimer rule's ``unless`` patterns only once a condition holds):
    compiling the rest took about 15 ms of its start (issue 23)."""
    token = _DEFERRED.set(True)
    try:
        yield
    finally:
        _DEFERRED.reset(token)


#: The deferred patterns not compiled yet that are still in use (rules rebuilt by a long-running
#: language server drop theirs).
_DEFERRED_MADE: "weakref.WeakSet[lazyre.LazyPattern]" = weakref.WeakSet()


def compile_deferred() -> None:
    """Compile every deferred pattern still in use (a parallel run, before forking its
    workers, which then share them: see :func:`medlint.lazyre.compile_all`)."""
    for pattern in list(_DEFERRED_MADE):
        pattern.compiled()
        _DEFERRED_MADE.discard(pattern)


def _compile_version0(pattern: str, flags: int) -> Any:
    from regex import VERSION0

    return patterncache.compile_regex(pattern, flags | VERSION0)


def compile_regex(pattern: str, path: Sequence[Any], flags: int = 0) -> Any:
    """Compile a pattern from a rule's options as a :class:`BoundedPattern` (on first use
    within :func:`deferred_patterns`; a parallel run compiles it before forking:
    :func:`compile_deferred`)."""
    if _DEFERRED.get():
        deferred = lazyre.LazyPattern(pattern, flags, _compile_version0, register=False)
        _DEFERRED_MADE.add(deferred)
        return BoundedPattern(deferred)
    import regex

    try:
        return BoundedPattern(patterncache.compile_regex(pattern, flags | regex.VERSION0))
    except (regex.error, ValueError, OverflowError) as exc:
        raise OptionError(path, f"invalid regular expression {shown_pattern(pattern)}: {exc}") from None


#: A pattern shown in a message is cut to this many characters (a rule may list thousands of terms).
SHOWN_PATTERN = 120


def shown_pattern(pattern: str) -> str:
    """*pattern* for a message: quoted, and cut when long."""
    if len(pattern) <= SHOWN_PATTERN:
        return repr(pattern)
    return repr(pattern[:SHOWN_PATTERN]) + f"... ({len(pattern):,} characters)"


_REGEX_SPECIAL = re.compile(r"[\\^$.*+?()\[\]{}|]")


def is_literal(pattern: str) -> bool:
    """True if *pattern* has no regex syntax: it matches itself (a plain term)."""
    return not _REGEX_SPECIAL.search(pattern)


_END = ""


def trie_regex(terms: Sequence[str]) -> str:
    """One regex for many literal terms (white space in a term matches any run of white
    space), as a trie: ``(?:ca(?:r|t)|dog)``.  A regex engine tries an alternation's
    branches one by one at every position, so 10,000 terms joined with ``|`` cost
    10,000 tries a character; the trie costs one per character of the longest term
    that starts there."""
    root: dict[str, Any] = {}
    for term in terms:
        node = root
        for unit in _units(term):
            node = node.setdefault(unit, {})
        node[_END] = {}
    return _trie_pattern(root)


def _units(term: str) -> list[str]:
    units: list[str] = []
    for i, part in enumerate(term.split()):
        if i:
            units.append(r"\s+")
        units.extend(re.escape(ch) for ch in part)
    return units


def _trie_pattern(node: dict[str, Any]) -> str:
    """The regex of a trie node, built without recursion (terms may be long)."""
    # Post-order over the nodes: each node's pattern is made from its children's.
    order: list[dict[str, Any]] = []
    stack = [node]
    while stack:
        current = stack.pop()
        order.append(current)
        stack.extend(child for key, child in current.items() if key != _END)
    made: dict[int, str] = {}
    for current in reversed(order):
        branches = [key + made[id(child)] for key, child in sorted(current.items()) if key != _END]
        optional = _END in current
        if not branches:
            made[id(current)] = ""
            continue
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if optional:
            body = ("(?:" + body + ")?") if len(branches) == 1 else body + "?"
        made[id(current)] = body
    return made[id(node)]


def scope_spans(doc: Document, scope: str) -> Iterator[tuple[int, int]]:
    """The spans of *doc* that *scope* names."""
    if scope == "prose":
        yield doc.body_start, len(doc.text)
    elif scope == "raw":
        yield 0, len(doc.text)
    elif scope == "heading":
        for heading in doc.headings:
            yield heading.start, heading.end
    elif scope == "link-text":
        for link in doc.links:
            if link.text_start is not None and link.text_end is not None:
                yield link.text_start, link.text_end
    elif scope == "frontmatter":
        fm = doc.front_matter
        if fm is not None:
            yield fm.content_start, fm.content_end


def search(doc: Document, scope: str, regex: Any) -> Iterator[Any]:
    """Matches of *regex* in the part of *doc* that *scope* names (prose view but for raw
    and front matter, which are read as written)."""
    text = doc.text if scope in ("raw", "frontmatter") else doc.prose
    for start, end in scope_spans(doc, scope):
        yield from regex.finditer(text, start, end)

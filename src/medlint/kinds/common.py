"""What several kinds share: compiling user regexes and searching a scope."""
from __future__ import annotations

import re
from typing import Any, Iterator, Sequence

from ..document import Document
from . import OptionError

SCOPES = ["prose", "raw", "heading", "link-text", "frontmatter"]
SCOPE_SCHEMA = {"enum": SCOPES}


#: Seconds one search of a rule's pattern may take on a document: a base, and more
#: for long texts (an honest pattern needs about 0.3 s per megabyte here).
REGEX_TIMEOUT = 2.0
REGEX_SECONDS_PER_MB = 2.0


def regex_timeout(length: int) -> float:
    return REGEX_TIMEOUT + REGEX_SECONDS_PER_MB * length / 1_000_000


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

    __slots__ = ("compiled", "pattern", "flags")

    def __init__(self, compiled: Any) -> None:
        self.compiled = compiled
        self.pattern = compiled.pattern
        self.flags = compiled.flags

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


def compile_regex(pattern: str, path: Sequence[Any], flags: int = 0) -> Any:
    """Compile a pattern from a rule's options as a :class:`BoundedPattern`."""
    import regex

    try:
        return BoundedPattern(regex.compile(pattern, flags | regex.VERSION0))
    except (regex.error, ValueError, OverflowError) as exc:
        raise OptionError(path, f"invalid regular expression {pattern!r}: {exc}") from None


def term_regex(term: str) -> str:
    """A literal term as a regex: any run of white space matches its spaces."""
    return r"\s+".join(re.escape(part) for part in term.split())


def word_bounded(alternatives: Sequence[str]) -> str:
    """Alternatives that match only as whole words (longest first)."""
    ordered = sorted(alternatives, key=len, reverse=True)
    return r"(?<!\w)(?:" + "|".join(ordered) + r")(?!\w)"


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

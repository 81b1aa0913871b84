"""What several kinds share: compiling user regexes and searching a scope."""
from __future__ import annotations

import re
from typing import Any, Iterator, Sequence

from ..document import Document
from . import OptionError

SCOPES = ["prose", "raw", "heading", "link-text", "frontmatter"]
SCOPE_SCHEMA = {"enum": SCOPES}


def compile_regex(pattern: str, path: Sequence[Any], flags: int = 0) -> re.Pattern[str]:
    try:
        return re.compile(pattern, flags)
    except re.error as exc:
        raise OptionError(path, f"invalid regular expression {pattern!r}: {exc}") from None


def term_regex(term: str) -> str:
    """A literal term as a regex: any run of white space matches its spaces."""
    return r"\s+".join(re.escape(part) for part in term.split())


def word_bounded(alternatives: Sequence[str]) -> str:
    """Alternatives that match only as whole words (longest first)."""
    ordered = sorted(alternatives, key=len, reverse=True)
    return r"(?<!\w)(?:" + "|".join(ordered) + r")(?!\w)"


def search(doc: Document, scope: str, regex: re.Pattern[str]) -> Iterator[re.Match[str]]:
    """Matches of *regex* in the part of *doc* that *scope* names."""
    if scope == "prose":
        yield from regex.finditer(doc.prose, doc.body_start)
    elif scope == "raw":
        yield from regex.finditer(doc.text)
    elif scope == "heading":
        for heading in doc.headings:
            yield from regex.finditer(doc.prose, heading.start, heading.end)
    elif scope == "link-text":
        for link in doc.links:
            if link.text_start is not None and link.text_end is not None:
                yield from regex.finditer(doc.prose, link.text_start, link.text_end)
    elif scope == "frontmatter":
        fm = doc.front_matter
        if fm is not None:
            yield from regex.finditer(doc.text, fm.content_start, fm.content_end)

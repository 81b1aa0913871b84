"""``pattern``: flag each match of terms or regular expressions (Vale's *existence*)."""
from __future__ import annotations

import re
from typing import Any, Callable, Iterable

from ..diagnostic import Finding
from ..document import Document
from ..medical.citations import cited, window
from .common import SCOPE_SCHEMA, compile_regex, is_literal, scope_spans, search, trie_regex
from . import BuildContext, OptionError

OPTIONS_SCHEMA = {
    "type": "object",
    "additionalProperties": False,
    "properties": {
        "tokens": {"type": "array", "items": {"type": "string", "minLength": 1}},
        "patterns": {"type": "array", "items": {"oneOf": [
            {"type": "string", "minLength": 1},
            {"type": "object", "required": ["regex"], "additionalProperties": False, "properties": {
                "regex": {"type": "string", "minLength": 1},
                "unless_cited": {"enum": ["sentence", "paragraph"]},
            }},
        ]}},
        "ignorecase": {"type": "boolean"},
        "scope": SCOPE_SCHEMA,
        "whole": {"type": "boolean"},
        "exceptions": {"type": "array", "items": {"type": "string", "minLength": 1}},
    },
}
DEFAULTS: dict[str, Any] = {"ignorecase": False, "tokens": [], "patterns": [], "exceptions": [], "scope": "prose", "whole": False}
PLACEHOLDERS = ("match",)


def build(options: dict[str, Any], context: BuildContext) -> Callable[[Document], Iterable[Finding]]:
    """One combined regex for the plain terms and patterns (one pass over the text), the
    plain terms as a trie; patterns that need a citation check run on their own."""
    flags = re.I if options["ignorecase"] else 0
    parts = []
    tokens = options["tokens"]
    if tokens:
        parts.append(r"(?<!\w)" + trie_regex(tokens) + r"(?!\w)")
    literals = [p for p in options["patterns"] if isinstance(p, str) and is_literal(p)]
    if literals:
        parts.append(trie_regex(literals))  # thousands of plain terms cost one trie, not thousands of branches
    cited_patterns = []
    for i, pattern in enumerate(options["patterns"]):
        if isinstance(pattern, dict):
            compiled = compile_regex(pattern["regex"], ["patterns", i, "regex"], flags)
            if pattern.get("unless_cited"):
                cited_patterns.append((compiled, pattern["unless_cited"]))
                continue
            parts.append("(?:" + compiled.pattern + ")")
        elif not is_literal(pattern):
            parts.append("(?:" + compile_regex(pattern, ["patterns", i], flags).pattern + ")")
    if not parts and not cited_patterns:
        raise OptionError([], "give at least one of 'tokens' or 'patterns'")
    regex = compile_regex("|".join(parts), ["patterns"], flags) if parts else None
    exceptions = [compile_regex(p, ["exceptions", i], flags) for i, p in enumerate(options["exceptions"])]
    scope = options["scope"]
    whole = options["whole"]

    def matches(doc: Document, pattern: Any) -> Iterable[Any]:
        if not whole:
            return search(doc, scope, pattern)
        return (m for start, end in scope_spans(doc, scope) if (m := _whole(doc, pattern, start, end)))

    def check(doc: Document) -> Iterable[Finding]:
        found_matches = list(matches(doc, regex)) if regex is not None else []
        for pattern, window_scope in cited_patterns:
            for m in matches(doc, pattern):
                lo, hi = window(doc, m.start(), m.end(), window_scope)
                if not cited(doc, lo, hi):
                    found_matches.append(m)
        for m in sorted(found_matches, key=lambda m: m.start()):
            if m.end() == m.start():
                continue
            found = " ".join(m.group().split())
            if any(e.fullmatch(found) for e in exceptions):
                continue
            yield Finding(m.start(), m.end(), {"match": found})

    return check


def _whole(doc: Document, pattern: Any, start: int, end: int) -> Any:
    """A match of the whole span, leading and trailing white space aside."""
    text = doc.prose if doc.prose[start:end].strip() else doc.text
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return pattern.fullmatch(text, start, end) if end > start else None

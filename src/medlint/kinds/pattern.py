"""``pattern``: flag each match of terms or regular expressions (Vale's *existence*)."""
from __future__ import annotations

import re
from typing import Any, Callable, Iterable

from ..diagnostic import Finding
from ..document import Document
from .common import SCOPE_SCHEMA, compile_regex, search, term_regex, word_bounded
from . import OptionError

OPTIONS_SCHEMA = {
    "type": "object",
    "additionalProperties": False,
    "properties": {
        "tokens": {"type": "array", "items": {"type": "string", "minLength": 1}},
        "patterns": {"type": "array", "items": {"type": "string", "minLength": 1}},
        "ignorecase": {"type": "boolean"},
        "scope": SCOPE_SCHEMA,
        "exceptions": {"type": "array", "items": {"type": "string", "minLength": 1}},
    },
}
PLACEHOLDERS = ("match",)


def build(options: dict[str, Any]) -> Callable[[Document], Iterable[Finding]]:
    flags = re.I if options.get("ignorecase", False) else 0
    parts = []
    tokens = options.get("tokens", [])
    if tokens:
        parts.append(word_bounded([term_regex(t) for t in tokens]))
    for i, pattern in enumerate(options.get("patterns", [])):
        parts.append("(?:" + compile_regex(pattern, ["patterns", i], flags).pattern + ")")
    if not parts:
        raise OptionError([], "give at least one of 'tokens' or 'patterns'")
    regex = compile_regex("|".join(parts), ["patterns"], flags)
    exceptions = [compile_regex(p, ["exceptions", i], flags) for i, p in enumerate(options.get("exceptions", []))]
    scope = options.get("scope", "prose")

    def check(doc: Document) -> Iterable[Finding]:
        for m in search(doc, scope, regex):
            if m.end() == m.start():
                continue
            found = " ".join(m.group().split())
            if any(e.fullmatch(found) for e in exceptions):
                continue
            yield Finding(m.start(), m.end(), {"match": found})

    return check

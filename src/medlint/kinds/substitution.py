"""``substitution``: a wrong term and the preferred one, with a safe fix."""
from __future__ import annotations

import re
from typing import Any, Callable, Iterable

from ..diagnostic import Edit, Finding
from ..document import Document
from . import BuildContext
from .common import SCOPE_SCHEMA, compile_regex, search, trie_regex

OPTIONS_SCHEMA = {
    "type": "object",
    "additionalProperties": False,
    "required": ["swap"],
    "properties": {
        "swap": {"type": "object", "minProperties": 1, "additionalProperties": {"type": "string"}},
        "ignorecase": {"type": "boolean"},
        "regex": {"type": "boolean"},
        "safe": {"type": "boolean"},
        "scope": SCOPE_SCHEMA,
    },
}
DEFAULTS: dict[str, Any] = {"ignorecase": False, "regex": False, "scope": "prose", "safe": True}
#: Fixes this kind offers (see ruleset.fixes_of); ``safe: false`` makes them unsafe.
FIXES = "safe"
PLACEHOLDERS = ("match", "replacement")


def match_case(found: str, replacement: str) -> str:
    """Carry the case of the text found over to its replacement."""
    if len(found) > 1 and found.isupper() and not replacement.isupper():
        return replacement.upper()
    if found[:1].isupper() and replacement[:1].islower():
        return replacement[:1].upper() + replacement[1:]
    return replacement


def build(options: dict[str, Any], context: BuildContext) -> Callable[[Document], Iterable[Finding]]:
    ignorecase = options["ignorecase"]
    flags = re.I if ignorecase else 0
    as_regex = options["regex"]
    swap: dict[str, str] = options["swap"]
    groups = []
    replacements = {}

    def plain(term: str) -> str:
        return " ".join(term.split()).lower() if ignorecase else " ".join(term.split())

    if as_regex:
        for i, (wrong, right) in enumerate(swap.items()):
            groups.append(f"(?P<s{i}>{compile_regex(wrong, ['swap', wrong], flags).pattern})")
            replacements[f"s{i}"] = right
        body = "(?:" + "|".join(groups) + ")"
    else:  # plain terms: one trie, and the replacement looked up by the words found
        replacements = {plain(wrong): right for wrong, right in swap.items()}
        body = trie_regex(list(swap))
    regex = compile_regex(r"(?<!\w)" + body + r"(?!\w)", ["swap"], flags)
    scope = options["scope"]
    safe = options["safe"]

    def check(doc: Document) -> Iterable[Finding]:
        for m in search(doc, scope, regex):
            found = m.group()
            replacement = replacements[m.lastgroup or ""] if as_regex else replacements.get(plain(found))
            if replacement is None:
                continue
            if ignorecase:
                replacement = match_case(found, replacement)
            if found == replacement or not found:
                continue
            yield Finding(m.start(), m.end(), {"match": found, "replacement": replacement},
                          Edit(m.start(), m.end(), replacement, safe=safe))

    return check

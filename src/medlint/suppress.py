"""Inline suppressions, in HTML comments (Markdown and HTML) and front matter.

    <!-- medlint-disable rule-a, rule-b -- reason -->   ... until medlint-enable
    <!-- medlint-enable rule-a -->                       (no ids: every rule)
    <!-- medlint-disable-next-line rule-a -->
    <!-- medlint-disable-line rule-a -->
    <!-- medlint-disable-file rule-a -->
    front matter: medlint: {disable: [rule-a]}

Without rule ids a directive applies to every rule; text after ``--`` is the
reason and is ignored.  Only real comments count: one shown inside a code
block is an example, not a directive.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterable

from .diagnostic import Diagnostic
from .document import Document
from .errors import did_you_mean

_DIRECTIVE = re.compile(
    r"<!--\s*medlint-(disable-next-line|disable-line|disable-file|disable|enable)\b(.*?)-->", re.S)
_IDS = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]*")

UNUSED = "suppression-unused"
UNKNOWN = "suppression-unknown-rule"
#: Built-in diagnostics about suppressions themselves.
META_RULES = {
    UNUSED: "A suppression comment that silenced nothing: the problem it was written for is gone, so the comment can go too.",
    UNKNOWN: "A suppression comment naming a rule medlint does not know: a typo, or a rule that was renamed or removed.",
}


@dataclass
class Suppression:
    """One directive: which rules (None: all), which lines, where it is written."""

    rules: frozenset[str] | None
    first_line: int
    last_line: int  # inclusive; a very large number for "to the end"
    start: int
    end: int
    text: str
    used: set[str] = field(default_factory=set)
    derived: bool = False  # the rest of a range that an enable split: reported through its origin

    def covers(self, diagnostic: Diagnostic) -> bool:
        return (self.first_line <= diagnostic.line <= self.last_line
                and (self.rules is None or diagnostic.rule in self.rules))


def _ids(raw: str) -> frozenset[str] | None:
    ids_part = raw.split("--", 1)[0]
    ids = frozenset(_IDS.findall(ids_part))
    return ids or None


def read_suppressions(doc: Document) -> list[Suppression]:
    """The document's directives, each with the lines it covers."""
    end_of_file = 10**9
    out: list[Suppression] = []
    open_ranges: list[Suppression] = []
    for start, end in doc.comments:
        m = _DIRECTIVE.match(doc.text, start, end)
        if not m:
            continue
        kind, rules = m.group(1), _ids(m.group(2))
        line = doc.position(start)[0]
        last = doc.position(max(start, end - 1))[0]
        text = " ".join(m.group().split())
        if kind == "disable-line":
            out.append(Suppression(rules, line, last, start, end, text))
        elif kind == "disable-next-line":
            out.append(Suppression(rules, last + 1, last + 1, start, end, text))
        elif kind == "disable-file":
            out.append(Suppression(rules, 1, end_of_file, start, end, text))
        elif kind == "disable":
            item = Suppression(rules, line, end_of_file, start, end, text)
            out.append(item)
            open_ranges.append(item)
        else:  # enable: close what it names; "disable a, b" then "enable a" keeps b off
            still_open = []
            for item in open_ranges:
                if rules is None or item.rules is None or item.rules <= rules:
                    item.last_line = line
                elif item.rules & rules:
                    item.last_line = line
                    rest = Suppression(item.rules - rules, line + 1, end_of_file, item.start, item.end,
                                       item.text, item.used, derived=True)
                    out.append(rest)
                    still_open.append(rest)
                else:
                    still_open.append(item)
            open_ranges = still_open
    front = doc.front_matter.data.get("medlint") if doc.front_matter else None
    if isinstance(front, dict):
        disabled = front.get("disable")
        if isinstance(disabled, str):
            disabled = [disabled]
        if isinstance(disabled, list):
            fm = doc.front_matter
            assert fm is not None
            ids = frozenset(str(i) for i in disabled) or None
            out.append(Suppression(ids, 1, end_of_file, fm.start, fm.start, "front matter medlint.disable"))
    return out


def apply(doc: Document, diagnostics: Iterable[Diagnostic], known_rules: set[str],
          report_unused: bool = False) -> list[Diagnostic]:
    """Drop suppressed diagnostics; add ones about unknown or unused suppressions."""
    suppressions = read_suppressions(doc)
    if not suppressions:
        return list(diagnostics)
    kept: list[Diagnostic] = []
    for d in diagnostics:
        covering = [s for s in suppressions if s.covers(d)]
        for s in covering:
            s.used.add(d.rule)
        if not covering:
            kept.append(d)
    for s in suppressions:
        if s.derived:
            continue
        line, column = doc.position(s.start)
        end_line, end_column = doc.position(s.end)
        for rule in sorted((s.rules or frozenset()) - known_rules):
            kept.append(Diagnostic(doc.path, line, column, end_line, end_column, UNKNOWN, "warning",
                                   f"Suppression names unknown rule '{rule}'{did_you_mean(rule, known_rules)}"))
        if report_unused:
            silent = sorted((s.rules or frozenset()) & known_rules - s.used) if s.rules else ([] if s.used else ["*"])
            for rule in silent:
                what = "any rule" if rule == "*" else f"'{rule}'"
                kept.append(Diagnostic(doc.path, line, column, end_line, end_column, UNUSED, "warning",
                                       f"Suppression of {what} silenced nothing; remove it"))
    kept.sort(key=Diagnostic.sort_key)
    return kept

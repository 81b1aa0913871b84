"""``acronyms``: an abbreviation used before the page defines it (Vale's *conditional*).

A definition is ``long form (ABBR)`` or ``ABBR (long form)``. Uses in headings
neither count nor are reported; each abbreviation is reported once, at its
first use in the text.
"""
from __future__ import annotations

import re
from typing import Any, Callable, Iterable, Iterator

from ..diagnostic import Finding
from ..document import Document
from . import BuildContext

OPTIONS_SCHEMA = {
    "type": "object",
    "additionalProperties": False,
    "properties": {
        "ignore": {"type": "array", "items": {"type": "string", "minLength": 1}},
        "min_length": {"type": "integer", "minimum": 2},
        "max_length": {"type": "integer", "minimum": 2},
    },
}
DEFAULTS: dict[str, Any] = {"ignore": [], "min_length": 2, "max_length": 8}
PLACEHOLDERS = ("match",)

_ROMAN = re.compile(r"[IVXLCDM]+")
_LETTER_NUMBER = re.compile(r"[A-Z][0-9]+")
_INITIALS = re.compile(r"([A-Z][a-z\u00c0-\u017f'’-]+) $")
_AFTER_INITIALS = re.compile(r"[,.;]|[ \t]*$", re.M)


def build(options: dict[str, Any], context: BuildContext) -> Callable[[Document], Iterable[Finding]]:
    ignore = set(options["ignore"])
    low, high = options["min_length"], options["max_length"]
    word = re.compile(r"(?<![\w-])([A-Z][A-Z0-9]{%d,%d}s?)(?![\w-])" % (low - 1, high - 1))

    def check(doc: Document) -> Iterator[Finding]:
        first_use, defined_at = scan(doc)
        site = getattr(doc, "site", None)
        elsewhere: set[str] = set()
        for fragment in site.fragments(doc.path) if site is not None else []:
            elsewhere.update(scan(fragment)[1])  # defined in another fragment of the same page
        for base, at in sorted(first_use.items(), key=lambda kv: kv[1]):
            if at < defined_at.get(base, len(doc.prose) + 1) and base not in elsewhere:
                yield Finding(at, at + len(base), {"match": base})

    def scan(doc: Document) -> tuple[dict[str, int], dict[str, int]]:
        """Each abbreviation's first use and its definition's offset in *doc*."""
        prose = doc.prose
        headings = [(h.start, h.end) for h in doc.headings]
        from ..medical.speller import word_list

        english = word_list("english.txt.gz")
        first_use: dict[str, int] = {}
        defined_at: dict[str, int] = {}
        for m in word.finditer(prose, doc.body_start):
            abbr = m.group(1)
            base = abbr[:-1] if abbr.endswith("s") and abbr[:-1].isupper() else abbr
            if base in ignore or abbr in ignore or _ROMAN.fullmatch(base) or any(s <= m.start() < e for s, e in headings):
                continue
            if _LETTER_NUMBER.fullmatch(base):
                continue  # a name, not an abbreviation: vitamin B12, D3, K2; T4; a phase or grade

            if len(base) > 3 and base.lower() in english:
                continue  # a word in capitals for emphasis: NOTE, WARNING
            surname = _INITIALS.search(prose, max(0, m.start() - 40), m.start())
            if (base.isalpha() and len(base) <= 3 and surname and surname.group(1).lower() not in english
                    and _AFTER_INITIALS.match(prose, m.end())):
                continue  # an author's initials: "Kampman MT, Eriksen EF"
            before = prose[max(doc.body_start, m.start() - 2):m.start()]
            after = prose[m.end():m.end() + 2]
            if before.endswith("(") and after.startswith(")") or after.lstrip().startswith("(") and _long_form_after(prose, m.end()):
                defined_at.setdefault(base, m.start())
            first_use.setdefault(base, m.start())
        return first_use, defined_at

    return check


def _long_form_after(prose: str, end: int) -> bool:
    """``ABBR (long form words)``: two or more words in the parentheses."""
    m = re.match(r"\s*\(([^()\n]{3,80})\)", prose[end:end + 90])
    return bool(m and len(m.group(1).split()) >= 2 and not re.search(r"\d{4}|et al", m.group(1)))

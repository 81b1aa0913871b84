"""``urls``: links that carry tracking or session parameters, and URLs too long to read.

Every link a page makes is read: Markdown inline links, reference
definitions, autolinks, bare URLs in text and HTML ``href``/``src``
attributes (never URLs in code, which the readers do not collect).  A
tracking parameter is reported with a safe fix that removes it and keeps the
rest of the URL as written (:mod:`medlint.weburl`).  A URL longer than
``max_length`` characters is reported as info with no fix: it is usually a
search result or a redirect wrapper, which breaks when copied and tells the
reader nothing about where it goes; only its writer can choose the page it
should point to.
"""
from __future__ import annotations

import re
from typing import Any, Callable, Iterable, Iterator

from ..diagnostic import Edit, Finding
from ..document import Document
from ..markup.model import Link
from ..weburl import TRACKING_PARAMETERS, TRACKING_PREFIXES, strip_tracking
from . import BuildContext

OPTIONS_SCHEMA = {
    "type": "object",
    "additionalProperties": False,
    "properties": {
        "parameters": {"type": "array", "items": {"type": "string", "minLength": 1}},
        "prefixes": {"type": "array", "items": {"type": "string", "minLength": 1}},
        "max_length": {"type": "integer", "minimum": 0},
    },
}
DEFAULTS: dict[str, Any] = {"parameters": list(TRACKING_PARAMETERS), "prefixes": list(TRACKING_PREFIXES),
                            "max_length": 300}
FIXES = "safe"
PLACEHOLDERS = ("match", "parameters", "replacement", "length")

#: A scheme other than the web's: the address is no URL with query parameters.
_OTHER_SCHEME = re.compile(r"(?i)(?!https?:)[a-z][a-z0-9+.-]*:(?!//)")
#: How much of a long URL a message shows.
_SHOWN = 60


def _shown(url: str) -> str:
    return url if len(url) <= _SHOWN else url[:_SHOWN] + "\u2026"


def _target(doc: Document, link: Link) -> tuple[int, int] | None:
    """Where a link's address stands in the file (a reference link's is its definition's,
    read once as the definition)."""
    if link.kind == "reference" or link.target_start is None or link.target_end is None:
        return None
    if link.target_end <= link.target_start:
        return None
    return link.target_start, link.target_end


def build(options: dict[str, Any], context: BuildContext) -> Callable[[Document], Iterable[Finding]]:
    names = tuple(options["parameters"])
    prefixes = tuple(options["prefixes"])
    max_length = options["max_length"]

    def check(doc: Document) -> Iterator[Finding]:
        seen: set[tuple[int, int]] = set()
        for link in doc.links:
            span = _target(doc, link)
            if span is None or span in seen:
                continue
            seen.add(span)
            start, end = span
            raw = doc.text[start:end]
            if _OTHER_SCHEME.match(raw):
                continue  # data:, mailto:, tel:, javascript:... carry no web parameters
            stripped = strip_tracking(raw, names, prefixes)
            if stripped is not None:
                yield _tracking_finding(doc, link, start, end, raw, stripped.url, stripped.removed)
                raw = stripped.url
            if max_length and len(raw) > max_length and not link.image and link.tag in (None, "a"):
                yield Finding(start, end, {"match": _shown(raw), "length": str(len(raw))}, severity="info",
                              message=f"URL of {len(raw):,} characters (more than {max_length}) breaks when copied and "
                                      f"hides where it goes: keep only the parameters the page needs, or link to "
                                      f"the page itself rather than a search or a redirect: '{_shown(raw)}'")

    return check


def _tracking_finding(doc: Document, link: Link, start: int, end: int, raw: str, fixed: str,
                      removed: tuple[str, ...]) -> Finding:
    """One finding over the address, or over the link's text and address when the text
    shows the same URL (``[https://x?utm_source=y](https://x?utm_source=y)``): one fix mends both."""
    values = {"match": _shown(raw), "parameters": ", ".join(dict.fromkeys(removed)), "replacement": _shown(fixed)}
    ts, te = link.text_start, link.text_end
    if ts is not None and te is not None and link.kind == "inline" and doc.text[ts:te] == raw and te <= start:
        middle = doc.text[te:start]
        return Finding(ts, end, values, Edit(ts, end, fixed + middle + fixed))
    return Finding(start, end, values, Edit(start, end, fixed))

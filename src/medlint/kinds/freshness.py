"""``freshness``: claims of novelty on a page that is no longer new.

"Recent research", "a new study", "the latest evidence" on a page dated years
ago mislead readers about the state of the evidence; so does "as of 2011"
long after 2011. ``exceptions`` are regexes searched in the clause up to the
end of a phrase: a match there is not reported (a notice about the page itself).
"""
from __future__ import annotations

import datetime
import re
from typing import Any, Callable, Iterable, Iterator

from .. import fastre
from ..diagnostic import Finding
from ..document import Document
from . import BuildContext
from .common import compile_regex

OPTIONS_SCHEMA = {
    "type": "object",
    "additionalProperties": False,
    "properties": {
        "years": {"type": "integer", "minimum": 0},
        "date_field": {"type": "string", "minLength": 1},
        "phrases": {"type": "array", "items": {"type": "string", "minLength": 1}},
        "today": {"type": "string", "pattern": "^\\d{4}-\\d{2}-\\d{2}$"},
        "exceptions": {"type": "array", "items": {"type": "string", "minLength": 1}},
    },
}
DEFAULTS: dict[str, Any] = {"years": 3, "date_field": "date", "phrases": [], "exceptions": []}
PLACEHOLDERS = ("match", "problem")
_STOP = fastre.compile(r"[.!?;](?=\s)|\n")
_AS_OF = fastre.compile(r"\bas of (?:(?:early|mid|late|[A-Z][a-z]+)\s+)?((?:19|20)\d\d)\b", re.I)


def _year(value: Any) -> int | None:
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.year
    m = re.match(r"\s*((?:19|20)\d\d)", str(value or ""))
    return int(m.group(1)) if m else None


def build(options: dict[str, Any], context: BuildContext) -> Callable[[Document], Iterable[Finding]]:
    years = options["years"]
    field = options["date_field"]
    phrases = [compile_regex(p, ["phrases", i], re.I) for i, p in enumerate(options["phrases"])]
    today = options.get("today")
    exceptions = [compile_regex(p, ["exceptions", i], re.I) for i, p in enumerate(options["exceptions"])]

    def excepted(doc: Document, start: int, end: int) -> bool:
        """An exception matches the clause up to the phrase's end: a sentence about the
        page itself ("this page is currently being updated") is no claim about evidence."""
        if not exceptions:
            return False
        block = doc.block_at(start)
        lo = max(block.start if block else doc.body_start, start - 200)
        stops = [m.end() for m in _STOP.finditer(doc.prose, lo, start)]
        lo = stops[-1] if stops else lo
        return any(e.search(doc.prose, lo, end) for e in exceptions)

    def check(doc: Document) -> Iterator[Finding]:
        now = int(today[:4]) if today else datetime.date.today().year
        dated = _year(doc.front_matter.data.get(field)) if doc.front_matter else None
        if dated is not None and now - dated > years:
            for regex in phrases:
                for m in regex.finditer(doc.prose, doc.body_start):
                    if excepted(doc, m.start(), m.end()):
                        continue
                    yield Finding(m.start(), m.end(), {"match": " ".join(m.group().split()),
                                                       "problem": f"the page is dated {dated}"})
        for m in _AS_OF.finditer(doc.prose, doc.body_start):
            year = int(m.group(1))
            if now - year > years:
                yield Finding(m.start(), m.end(), {"match": " ".join(m.group().split()),
                                                   "problem": f"{year} is {now - year} years ago"})

    return check

"""``frontmatter``: front matter that the site generator will fail to read."""
from __future__ import annotations

from typing import Any, Callable, Iterable

from ..diagnostic import Finding
from ..document import Document

OPTIONS_SCHEMA = {"type": "object", "additionalProperties": False, "properties": {}}
PLACEHOLDERS = ("match", "error")


def build(options: dict[str, Any]) -> Callable[[Document], Iterable[Finding]]:
    def check(doc: Document) -> Iterable[Finding]:
        fm = doc.front_matter
        if fm is None or fm.error is None:
            return
        at = fm.error_offset if fm.error_offset is not None else fm.start
        line, _ = doc.position(at)
        rest = len(doc.line_text(line)) - (doc.position(at)[1] - 1)
        yield Finding(at, at + max(rest, 0), {"match": doc.text[at:at + max(rest, 0)].strip(), "error": fm.error})

    return check

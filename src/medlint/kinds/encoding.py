"""``encoding``: text damaged by a wrong character-encoding conversion.

Mojibake (UTF-8 read as Windows-1252: ``â€™`` for ``’``, ``Ã©`` for ``é``) is
repaired by a safe fix; a ``?`` standing between two letters or digits, or
before a hyphen (``50?years``, ``Background?-``), is the mark of a character
a conversion could not represent, and is reported with its likely original.
"""
from __future__ import annotations

import re
from typing import Any, Callable, Iterable, Iterator

from ..diagnostic import Edit, Finding
from ..document import Document

OPTIONS_SCHEMA = {
    "type": "object",
    "additionalProperties": False,
    "properties": {"lost_characters": {"type": "boolean"}},
}
PLACEHOLDERS = ("match", "problem", "replacement")

# UTF-8 bytes of common punctuation and accented letters, read as Windows-1252.
_MOJIBAKE = {
    "â€™": "\u2019", "â€˜": "\u2018", "â€œ": "\u201c", "â€\u009d": "\u201d", "â€\u201d": "\u2014", "â€“": "\u2013",
    "â€”": "\u2014", "â€¦": "\u2026", "â€¢": "\u2022", "â„¢": "\u2122", "Â°": "\u00b0", "Â±": "\u00b1", "Âµ": "\u00b5",
    "Â ": "\u00a0", "Â©": "\u00a9", "Â®": "\u00ae", "Â·": "\u00b7", "Ã©": "\u00e9", "Ã¨": "\u00e8", "Ã¢": "\u00e2",
    "Ã¤": "\u00e4", "Ã¶": "\u00f6", "Ã¼": "\u00fc", "Ã¸": "\u00f8", "Ã¥": "\u00e5", "Ã§": "\u00e7", "Ã±": "\u00f1",
    "Ã³": "\u00f3", "Ã¡": "\u00e1", "Ã­": "\u00ed", "Ãº": "\u00fa", "Ã«": "\u00eb", "Ã¯": "\u00ef", "Ã´": "\u00f4",
    "ÃŸ": "\u00df", "Ã‰": "\u00c9", "Ã–": "\u00d6", "Ãœ": "\u00dc", "Ã˜": "\u00d8",
}
_MOJIBAKE_RE = re.compile("|".join(re.escape(k) for k in sorted(_MOJIBAKE, key=len, reverse=True)))
# A '?' inside a word or number, or glued to a dash: a character lost in conversion.
_LOST = re.compile(r"(?<=[A-Za-z0-9])\?(?=[A-Za-z0-9])|(?<=[A-Za-z0-9])\?(?=[-\u2013\u2014])")


_URL_LIKE = re.compile(r"[/=&%]|\.\w{2,4}\?")


def _token_around(text: str, at: int) -> str:
    start, end = at, at
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    while end < len(text) and not text[end].isspace():
        end += 1
    return text[start:end]


def _likely(text: str, at: int) -> str:
    before, after = text[at - 1:at], text[at + 1:at + 2]
    if before.isdigit() and after.isalpha():
        return "a non-breaking space (50\u00a0years)"
    if after in "-\u2013\u2014":
        return "a dash or colon (Background\u2014)"
    if before.isalpha() and after.isalpha():
        return "an apostrophe or an accented letter (Parkinson\u2019s, Troms\u00f8)"
    return "a character the conversion could not represent"


def build(options: dict[str, Any]) -> Callable[[Document], Iterable[Finding]]:
    lost = options.get("lost_characters", True)

    def check(doc: Document) -> Iterator[Finding]:
        prose = doc.prose
        for m in _MOJIBAKE_RE.finditer(prose, doc.body_start):
            right = _MOJIBAKE[m.group()]
            yield Finding(m.start(), m.end(), {"match": m.group(), "replacement": right,
                                               "problem": f"mojibake for '{right}' (UTF-8 read as Windows-1252)"},
                          Edit(m.start(), m.end(), right))
        if lost:
            for m in _LOST.finditer(prose, doc.body_start):
                if _URL_LIKE.search(_token_around(prose, m.start())):
                    continue  # a query string: page.php?id=3
                yield Finding(m.start(), m.end(), {"match": prose[max(0, m.start() - 10):m.end() + 6].strip(),
                                                   "replacement": "",
                                                   "problem": f"'?' where a conversion lost a character: probably {_likely(prose, m.start())}"})

    return check

"""``encoding``: text damaged by a wrong character-encoding conversion.

Mojibake (UTF-8 read as Windows-1252: ``â€™`` for ``’``, ``Ã©`` for ``é``) is
repaired by a safe fix; a ``?`` standing between two letters or digits, or
before a hyphen (``50?years``, ``Background?-``), is the mark of a character
a conversion could not represent, and is reported with its likely original.
"""
from __future__ import annotations

import re
from typing import Any, Callable, Iterable, Iterator

from .. import fastre
from ..diagnostic import Edit, Finding
from ..document import Document
from . import BuildContext

OPTIONS_SCHEMA = {
    "type": "object",
    "additionalProperties": False,
    "properties": {"lost_characters": {"type": "boolean"}},
}
DEFAULTS: dict[str, Any] = {"lost_characters": True}
#: Fixes this kind offers (see ruleset.fixes_of): mojibake has one right reading.
FIXES = "safe"
PLACEHOLDERS = ("match", "problem", "replacement")

# What common punctuation and accented letters become when their UTF-8 bytes are
# read as Windows-1252 (bytes it leaves undefined come through as C1 controls, as
# browsers show them), generated rather than typed so each entry is exact.
_DAMAGED = "\u2019\u2018\u201c\u201d\u2014\u2013\u2026\u2022\u2122\u00b0\u00b1\u00b5\u00a0\u00a9\u00ae\u00b7" \
           "\u00e9\u00e8\u00e2\u00e4\u00f6\u00fc\u00f8\u00e5\u00e7\u00f1\u00f3\u00e1\u00ed\u00fa\u00eb\u00ef" \
           "\u00f4\u00df\u00c9\u00d6\u00dc\u00d8"


def _as_windows_1252(ch: str) -> str:
    return "".join(bytes([b]).decode("cp1252") if b not in (0x81, 0x8D, 0x8F, 0x90, 0x9D) else chr(b)
                   for b in ch.encode("utf-8"))


_MOJIBAKE = {_as_windows_1252(ch): ch for ch in _DAMAGED}
# The commonest remnant: a non-breaking space's "Â" left before a space that a later
# step made ordinary.
_MOJIBAKE["\u00c2 "] = " "
_MOJIBAKE_RE = re.compile("|".join(re.escape(k) for k in sorted(_MOJIBAKE, key=len, reverse=True)))


#: The replacement character U+FFFD, as a decoder leaves it where it lost a character, and
#: as it reads when its own UTF-8 bytes are then read as Windows-1252 ("ï¿½"): the
#: character that stood there is gone, so there is no fix, only a place to look.
_REPLACEMENT = "\ufffd"
_REPLACEMENT_RE = re.compile(re.escape(_as_windows_1252(_REPLACEMENT)) + "|" + _REPLACEMENT)


def mojibake_spans(text: str, start: int = 0) -> list[tuple[int, int]]:
    """Where *text* holds mojibake or a lost character's mark, in order: a word with one
    inside is damaged, and other rules (spelling) leave it to this one rather than
    "correct" half of it."""
    spans = [m.span() for m in _MOJIBAKE_RE.finditer(text, start)]
    if "\ufffd" in text or "\u00ef\u00bf" in text:
        spans = sorted(spans + [m.span() for m in _REPLACEMENT_RE.finditer(text, start)])
    return spans


# A '?' inside a word or number, or glued to a dash: a character lost in conversion.
_LOST = fastre.compile(r"(?<=[A-Za-z0-9])\?(?=[A-Za-z0-9])|(?<=[A-Za-z0-9])\?(?=[-\u2013\u2014])")


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


def build(options: dict[str, Any], context: BuildContext) -> Callable[[Document], Iterable[Finding]]:
    lost = options["lost_characters"]

    def check(doc: Document) -> Iterator[Finding]:
        prose = doc.prose
        for m in _MOJIBAKE_RE.finditer(prose, doc.body_start):
            right = _MOJIBAKE[m.group()]
            yield Finding(m.start(), m.end(), {"match": m.group(), "replacement": right,
                                               "problem": f"mojibake for '{right}' (UTF-8 read as Windows-1252)"},
                          Edit(m.start(), m.end(), right))
        if lost:
            for m in _REPLACEMENT_RE.finditer(prose, doc.body_start):
                twice = m.group() != _REPLACEMENT
                yield Finding(m.start(), m.end(), {
                    "match": m.group(), "replacement": "",
                    "problem": "a replacement character where a conversion lost a character"
                               + (", then read as Windows-1252" if twice else "") + ": put back the character that stood here"})
            for m in _LOST.finditer(prose, doc.body_start):
                if _URL_LIKE.search(_token_around(prose, m.start())):
                    continue  # a query string: page.php?id=3
                yield Finding(m.start(), m.end(), {"match": prose[max(0, m.start() - 10):m.end() + 6].strip(),
                                                   "replacement": "",
                                                   "problem": f"'?' where a conversion lost a character: probably {_likely(prose, m.start())}"})

    return check

"""Trimming the punctuation that ends a sentence off a token found in it (a URL, a DOI)."""
from __future__ import annotations

_OPENERS = {")": "(", ">": "<", "]": "["}


def trim_trailing(token: str, punctuation: str, closers: str = ")") -> str:
    """*token* without trailing *punctuation*, nor a trailing closer (of *closers*)
    that has no opener inside the token: ``(see https://x.org/a)`` ends before ')',
    while ``https://en.wikipedia.org/wiki/A_(b)`` keeps it."""
    while token:
        last = token[-1]
        if last in punctuation:
            token = token[:-1]
        elif last in closers and token.count(last) > token.count(_OPENERS[last]):
            token = token[:-1]
        else:
            break
    return token

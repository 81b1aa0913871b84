"""sensational-language: a negation governing a doubting verb ("nobody will doubt") affirms the
claim, and an inch mark written ``&quot;`` after a number opens no quotation; the negations and
quotations these were built for still hide the match. Markdown and HTML fixtures of our own."""
from __future__ import annotations

import pytest

from medlint import lint_text

RULE = ["sensational-language"]


def hype(text: str, path: str) -> list[str]:
    return [d.message.split("'")[1] for d in lint_text(text, path=path, config={}, select=RULE)]


@pytest.mark.parametrize("text, path, word", [
    ("Nobody who sleeps on this pillow will doubt the breakthrough it brings for neck pain.\n", "x.md", "breakthrough"),
    ("<p>No one who tries the rub would deny it is a miracle cure for stiff knees.</p>", "x.html", "miracle cure"),
    ("There is no question this cream is a miracle cure for cracked heels.\n", "x.md", "miracle cure"),
    # an inch mark after a number, then a real pair of quotation marks later
    ("The heat pad is 10&quot; wide and a miracle cure for back pain. We call it &quot;Warm Wrap&quot;.\n",
     "x.md", "miracle cure"),
    ("<p>The heat pad is 10&quot; wide and a miracle cure for back pain. We call it &quot;Warm Wrap&quot;.</p>",
     "x.html", "miracle cure"),
])
def test_affirmed_or_unquoted_hype_is_reported(text: str, path: str, word: str, isolated) -> None:
    assert word in hype(text, path)


@pytest.mark.parametrize("text, path", [
    ("Nobody has found a miracle cure for tinnitus.\n", "x.md"),
    ("<p>Nobody has found a miracle cure for tinnitus.</p>", "x.html"),
    # the doubt is negated, but the claim itself is negated again after it
    ("Nobody doubts the pill helps, yet it is not a breakthrough for tinnitus.\n", "x.md"),
    ("<p>The advert promised &quot;a miracle cure for gout&quot; in bold type.</p>", "x.html"),
])
def test_negated_or_quoted_hype_is_not_reported(text: str, path: str, isolated) -> None:
    assert hype(text, path) == []

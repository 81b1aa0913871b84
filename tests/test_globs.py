"""Glob matching for files, exclude and overrides."""
from __future__ import annotations

import pytest

from medlint.globs import matches


@pytest.mark.parametrize(("path", "pattern", "expected"), [
    ("a.md", "*.md", True),
    ("posts/a.md", "*.md", True),
    ("posts/a.md", "posts/*.md", True),
    ("posts/x/a.md", "posts/*.md", False),
    ("posts/x/a.md", "posts/**", True),
    ("posts/x/a.md", "posts/**/*.md", True),
    ("posts/a.md", "**/a.md", True),
    ("a.md", "**/a.md", True),
    ("content/drafts/a.md", "drafts/", True),
    ("content/drafts/a.md", "**/drafts/**", True),
    ("./posts/a.md", "posts/a.md", True),
    ("posts/a.html", "posts/*.md", False),
    ("a1.md", "a[0-9].md", True),
    ("ab.md", "a[!b].md", False),
    ("a?.md", "a?.md", True),
])
def test_matches(path: str, pattern: str, expected: bool) -> None:
    assert matches(path, [pattern]) is expected

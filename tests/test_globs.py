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


def test_glob_index_agrees_with_matches() -> None:
    from medlint.globs import GlobIndex, matches

    lists = [["docs/a.md"], ["a.md"], ["docs"], ["docs/*.md"], ["*.md"], ["**/b.md"], ["docs/"], ["./docs/sub/c.md"],
             ["/docs/a.md"], ["d?cs/a.md"], ["[dx]ocs/**"], ["sub"], ["docs/sub/**/*.md", "other.txt"]]
    index = GlobIndex(lists)
    paths = ["docs/a.md", "a.md", "docs/sub/c.md", "docs/sub/deep/b.md", "other.txt", "x/docs/a.md", "sub/a.txt",
             "docs", "docsx/a.md", "dacs/a.md", "xocs/z.txt"]
    for path in paths:
        assert index.matching(path) == tuple(i for i, globs in enumerate(lists) if matches(path, globs)), path


def test_many_overrides_cost_a_file_only_those_that_can_match() -> None:
    import time

    from medlint.globs import GlobIndex

    lists = [[f"docs/section{i % 50}/page{i}.md"] for i in range(100_000)] + [["drafts/*.md"]]
    index = GlobIndex(lists)
    start = time.perf_counter()
    for i in range(200):
        assert index.matching(f"docs/section{i % 50}/page{i}.md") == (i,)
    assert index.matching("drafts/x.md") == (100_000,)
    assert time.perf_counter() - start < 5  # was 100,000 regex matches a file (and recompiles past the glob cache)

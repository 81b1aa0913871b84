"""The front matter search of a one-file run (site/prefilter.py): a link resolved by an
alias or a slug, or proven broken, without parsing every page's front matter; the
findings and their "did you mean" are those of an index that read every page."""
from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

import pytest

from medlint.pipeline import Run
from medlint.site.index import SiteIndex
from medlint.site.prefilter import FOLDS_TO_ASCII, FrontBytes, printed, searchable

SELECT = ["link-broken", "link-anchor", "link-asset"]


def _site(tmp_path: Path) -> Path:
    """A small Hugo site: pages with aliases, slugs and front matter in the three forms."""
    posts = tmp_path / "content" / "posts"
    posts.mkdir(parents=True)
    (posts / "vitamin-d.md").write_text(
        '---\ntitle: Vitamin D\naliases:\n  - /Old-Vitamin-D/\n  - "/tiki-index.php?page=Vitamin D"\n---\n# D\n')
    (posts / "iron.md").write_text('{\n  "slug": "iron-dosing",\n  "aliases": ["/Iron+Overview+\\u2013+2012"]\n}\n# I\n')
    (posts / "zinc.md").write_text('+++\nslug = "zinc"\naliases = ["/minerals/zinc-intake.html"]\n+++\n# Z\n')
    (posts / "escaped.md").write_text('{\n  "aliases": ["/\\u0063opper"]\n}\n# C\n')  # "/copper", escaped
    (posts / "encoded.md").write_text("---\naliases: [/sele%6Eium]\n---\n# S\n")  # "/selenium", encoded
    (posts / "numbered.md").write_text("---\nslug: 0x10\n---\n# N\n")  # YAML reads 16
    (posts / "folate-guide.md").write_text("---\ntitle: Folate\n---\n# F\n")
    return posts


def _check(tmp_path: Path, links: str, config: dict[str, Any] | None = None) -> tuple[list[str], bool]:
    """(messages, whether every page was read) of a one-file run on a page with *links*,
    after asserting that they are those of an index that read every page."""
    posts = tmp_path / "content" / "posts"
    page = posts / "checked.md"
    page.write_text(f"# Page\n\n{links}\n")
    config = config or {"site": {"content_root": str(tmp_path / "content"), "base_urls": ["https://example.org"]}}
    run = Run(config, select=SELECT)
    report = run.check_paths([str(page)])
    eager = Run(config, select=SELECT)
    eager.use_site(eager.build_site([str(page)]))
    expected = eager.check_paths([str(page)])
    assert [(d.sort_key(), d.message) for d in report.diagnostics] == \
        [(d.sort_key(), d.message) for d in expected.diagnostics]
    return [d.message for d in report.diagnostics], run.site.loaded()


@pytest.mark.parametrize("link", [
    "/old-vitamin-d",  # an alias in another case
    "/OLD-VITAMIN-D/",  # ... and with a trailing slash
    "/Old-Vitamin-D/index.html",
    "/posts/iron-dosing",  # a slug (JSON front matter)
    "/iron+overview+%E2%80%93+2012",  # an alias with a JSON-escaped dash, the link URL-encoded
    "/minerals/zinc-intake.html",  # TOML front matter
    "/min%65rals/zinc%2Dintake.html",  # the link percent-encoded
    "/copper",  # the alias spelled with a JSON escape
    "/selenium",  # the alias percent-encoded
    "/posts/16",  # a slug that is a number written otherwise
])
def test_a_link_by_alias_or_slug_resolves_without_reading_every_page(tmp_path: Path, link: str) -> None:
    _site(tmp_path)
    messages, loaded = _check(tmp_path, f"[a]({link})")
    assert messages == [] and not loaded


def test_a_broken_link_keeps_its_suggestion_without_reading_every_page(tmp_path: Path) -> None:
    _site(tmp_path)
    messages, loaded = _check(tmp_path, "[a](/posts/folate-guides) [b](/tags/folate-guide.html) [c](/posts/irn-dosing)")
    assert not loaded
    assert len(messages) == 3
    assert all("did you mean" in m for m in messages)
    assert any("/posts/folate-guide'" in m for m in messages)  # by its last segment
    assert any("/posts/iron-dosing'" in m for m in messages)  # the slug, not the file name


def test_a_permalink_pattern_is_searched_unless_it_ends_in_the_title(tmp_path: Path) -> None:
    posts = _site(tmp_path)
    (posts / "dated.md").write_text("---\ndate: 2020-05-01\nslug: spring-note\n---\n# S\n")
    base = {"content_root": str(tmp_path / "content"), "base_urls": ["https://example.org"]}
    by_slug = {"site": {**base, "permalinks": {"posts": "/:year/:slug/"}}}
    assert _check(tmp_path, "[a](/2020/spring-note/)", by_slug) == ([], False)
    messages, loaded = _check(tmp_path, "[a](/2020/spring-notes/)", by_slug)
    assert len(messages) == 1 and loaded  # its "did you mean" needs every page's date
    by_title = {"site": {**base, "permalinks": {"posts": "/:year/:title/"}}}
    # (No date: the page is at /folate, its title urlized, which the search cannot spell.)
    assert _check(tmp_path, "[a](/Folate/)", by_title) == ([], True)


def test_a_relative_link_is_proven_broken_but_an_anchored_one_reads_every_page(tmp_path: Path) -> None:
    _site(tmp_path)
    assert _check(tmp_path, "[a](/posts/folate-guide#nowhere)")[1]
    messages, loaded = _check(tmp_path, "[a](missing.md) [b](folate-guide.md) [c](../iron-dosing) [d](zinc/)")
    assert len(messages) == 1 and "missing.md" in messages[0] and not loaded


def test_searchable_runs() -> None:
    assert searchable("Overview-of-MS.html") == "overview-of-ms.html"
    assert searchable("Iron Overview – 2012") == "overview"
    for unsure in ("[a]", "it's"):
        assert searchable(unsure) is None
    assert searchable("2020", dated=True) is None and searchable("2020") == "2020"
    # What a non-string slug could print is searched, with every page whose slug is one.
    assert searchable("True") == "true" and printed("True") and printed("nan")
    assert searchable('printer.png"}%20Print') == "printer.png" and printed('printer.png"}%20Print')
    assert not printed("overview-of-ms.html")


@pytest.mark.parametrize("link", [
    "/posts/true",  # slug: yes (YAML's boolean, printed True)
    "/posts/['alpha',%20'beta']",  # slug: [alpha, beta] (a list, printed)
    "/posts/%7B'key':%201%7D",  # a JSON object as the slug
    "/posts/[500]",  # slug: [0x1F4], printed [500]: spelled nowhere
    '/posts/x%22%7D%20print.png',  # a quote and a brace that no slug prints: broken
    "/posts/nan",
])
def test_a_segment_a_value_could_print_is_searched_not_read_everywhere(tmp_path: Path, link: str) -> None:
    """A link whose last segment has quotes or braces (a page's botched image markup) or is a
    word a boolean prints is searched too: the pages whose slug is not a quoted string are
    parsed with the pages that spell it, and the answer is that of a read index."""
    posts = _site(tmp_path)
    (posts / "yes.md").write_text("---\nslug: yes\n---\n# Y\n")
    (posts / "listed.md").write_text("---\nslug: [alpha, beta]\n---\n# L\n")
    (posts / "mapped.md").write_text('{\n  "slug": {"key": 1}\n}\n# M\n')
    (posts / "not-a-number.md").write_text("---\nslug: .nan\n---\n# N\n")
    (posts / "hex-list.md").write_text("---\nslug: [0x1F4]\n---\n# H\n")
    messages, loaded = _check(tmp_path, f"[a]({link})")
    assert not loaded
    assert len(messages) == (1 if "print" in link else 0)


def test_front_bytes_finds_pages_by_front_matter_and_path(tmp_path: Path) -> None:
    posts = _site(tmp_path)
    (posts / "long.md").write_text("{\n  \"a\": {\"b\": 1},\n  \"aliases\": [\"/far-away\"]\n}\n" + "x" * 9000)
    (posts / "long-yaml.md").write_text("---\ntitle: " + "y" * 9000 + "\naliases: [/farther]\n---\n")
    rels = sorted(p.relative_to(tmp_path / "content").as_posix() for p in posts.iterdir())
    scan = FrontBytes(str(tmp_path / "content"), rels, 8192)
    assert set(scan.candidates("far-away")) >= {"posts/long.md"}
    assert set(scan.candidates("farther")) >= {"posts/long-yaml.md"}
    assert set(scan.candidates("folate-guide")) >= {"posts/folate-guide.md"}
    assert "posts/zinc.md" not in scan.candidates("folate-guide")
    assert {"posts/escaped.md", "posts/encoded.md"} <= set(scan.candidates("anything"))


def test_the_case_folding_table_is_unicodes() -> None:
    """Every non-ASCII character whose case mapping holds an ASCII one is searched for."""
    folding = {chr(n) for n in range(0x80, sys.maxunicode + 1)
               if any(ord(c) < 0x80 for f in (chr(n).casefold(), chr(n).lower(), chr(n).upper()) for c in f)}
    assert folding == set(FOLDS_TO_ASCII)


def test_main_urls_agree_with_a_read_index(tmp_path: Path) -> None:
    posts = _site(tmp_path)
    (posts / "same.md").write_text('{\n  "slug": "same"\n}\n')
    (posts / "wrapped.md").write_text("---\nslug: wrapped\n  more\n---\n")  # YAML: the slug is "wrapped more"
    (posts / "other.md").write_text('---\nslug: "different"\n---\n')
    (posts / "_index.md").write_text("---\ntitle: Posts\n---\n")  # the section's own page
    (posts / "Bundle").mkdir()
    (posts / "Bundle" / "index.md").write_text("---\ntitle: A bundle\n---\n")  # named by its folder
    (tmp_path / "content" / "index.md").write_text("# Home\n")
    (tmp_path / "content" / "About.MD").write_text("# About\n")
    lazy = SiteIndex(tmp_path / "content", lazy=True)
    assert not lazy.resolves("/posts/nothing-here")
    assert sorted(lazy._main_urls()) == sorted(p.main_url for p in SiteIndex(tmp_path / "content").pages)
    assert not lazy.loaded()


def test_main_urls_under_a_dated_pattern_come_from_the_pages(tmp_path: Path) -> None:
    """Under ``/:year/:slug`` the main URL takes the page's date: every page is read for it."""
    posts = _site(tmp_path)
    (posts / "dated.md").write_text("---\ndate: 2020-05-01\n---\n# S\n")
    config = {"site": {"content_root": str(tmp_path / "content"), "base_urls": ["https://example.org"],
                       "permalinks": {"posts": "/:year/:slug/"}}}
    messages, _ = _check(tmp_path, "[a](/2020/dates/)", config)
    assert messages and "/2020/dated'" in messages[0]


@pytest.mark.parametrize(("text", "region"), [
    ('{\n  "slug": "a"\n}\n# A\n', '{\n  "slug": "a"\n}'),  # closed by a line-leading brace
    ('\ufeff{\n  "slug": "a"\n}\nBody }\n', '\ufeff{\n  "slug": "a"\n}'),  # after a byte order mark
    ('{"slug": "a"}\n# A {x}\n', '{"slug": "a"}\n# A {x}\n'),  # on one line: no line-leading brace, all read
    ('{\n  "a": {"b": 1\n}\n}\n# A\n', '{\n  "a": {"b": 1\n}\n}\n# A\n'),  # a nested object first: all read
    ('{\n  "slug": "a}"\n}\n', '{\n  "slug": "a}"\n}'),  # a brace inside a string is not the end
])
def test_json_front_matter_region(tmp_path: Path, text: str, region: str) -> None:
    from medlint.site.prefilter import _front_region

    page = tmp_path / "page.md"
    page.write_bytes(text.encode("utf-8"))
    assert _front_region(str(page), 8192) == region.encode("utf-8")


def test_front_bytes_paths_are_each_encoded_and_lower_cased(tmp_path: Path) -> None:
    """The paths are encoded and lower-cased all at once: each page's part is still its own
    (non-ASCII names, upper case, a lone surrogate from an undecodable name, one page)."""
    from medlint.site.prefilter import _lower_names

    rels = ["A/Über.md", "b.MD", "c\udcff.md", "d/e/F.md"]
    assert _lower_names(rels) == [b"\0" + os.fsencode(rel).lower() + b"\0" for rel in rels]
    assert _lower_names(["Only.md"]) == [b"\0only.md\0"] and _lower_names([]) == []
    (tmp_path / "X").mkdir()
    (tmp_path / "X" / "Page.md").write_text("---\nslug: Zinc\n---\n")
    (tmp_path / "Other.md").write_text("no front matter\n")
    scan = FrontBytes(str(tmp_path), ["X/Page.md", "Other.md"], 8192)
    assert scan.text == b"---\nslug: zinc\n---\n\0x/page.md\0\0other.md"
    assert scan.starts == [0, len(b"---\nslug: zinc\n---\n\0x/page.md\0")]
    assert scan.candidates("page") == ["X/Page.md"] and scan.candidates("zinc") == ["X/Page.md"]


def test_named_pages_found_by_a_path_search_are_the_full_tables(tmp_path: Path) -> None:
    """A link's page files, found by searching the case-folded paths for its last segment
    (site/index.py ``_walked_containing``), are those the whole table of names gives: a
    case-folded match (ß, upper case), a folder's index page, the same name in other
    folders, a ``.html`` link, and a segment that names no page."""
    content = tmp_path / "content"
    for rel in ("posts/Straße.md", "posts/iron/index.md", "notes/iron.md", "posts/Iron.MD", "a/b/zinc.md",
                "zinc/_index.md", "posts/zinc-extra.md", "top.md", "Readme/README.md"):
        (content / rel).parent.mkdir(parents=True, exist_ok=True)
        (content / rel).write_text("# x\n")
    site = SiteIndex(content)
    asked = [("posts/strasse", None), ("posts/STRASSE/", None), ("iron", None), ("posts/iron", None),
             ("zinc", None), ("a/b/zinc.html", "/a/b/zinc"), ("nothing-here", None), ("top", None),
             ("readme", None), ("posts/iron.md", None)]
    found = [site._named(path, stripped) for path, stripped in asked]  # (after 8 asks, by the whole table)
    assert site._walked_names is not None
    for (path, stripped), answer in zip(asked, found):
        alone = SiteIndex(content)
        assert alone._named(path, stripped) == answer
        assert alone._walked_names is None  # (answered by the search, not the whole table)
    whole = SiteIndex(content)
    whole._walked_set()
    assert found == [whole._named(path, stripped) for path, stripped in asked]
    assert found[0] == ["posts/Straße.md"] and set(found[2]) == {"posts/iron/index.md", "notes/iron.md", "posts/Iron.MD"}
    assert found[6] == []

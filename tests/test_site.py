"""The site index: URLs of pages, normalisation, anchors by generator style."""
from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from medlint.site.anchors import github, heading_ids, kramdown, pandoc, plain
from medlint.site.index import SiteIndex, default_content_root, normalize_path
from helpers import FIXTURES

SITE = FIXTURES / "hugo-site"


@pytest.mark.parametrize(("given", "normal"), [
    ("/posts/x/", "/posts/x"),
    ("/posts/x/index.html", "/posts/x"),
    ("/posts//x", "/posts/x"),
    ("posts/x", "/posts/x"),
    ("/MS+reduces+vitamin+D+%E2%80%93+July+2011", "/MS reduces vitamin D – July 2011"),
    ("/MS reduces vitamin D – July 2011", "/MS reduces vitamin D – July 2011"),
    ("/", "/"),
    ("/index.html", "/"),
])
def test_normalize_path(given: str, normal: str) -> None:
    assert normalize_path(given) == normal


def test_pages_and_their_urls() -> None:
    site = SiteIndex(SITE / "content", [SITE / "static"], ["https://www.example.org"])
    primer = site.find_page("/posts/vitamin-d-primer")
    assert primer is not None and primer.rel == "posts/vitamin-d-basics.md"
    assert primer.main_url == "/posts/vitamin-d-primer"
    for url in ("/vitamin-d-101", "/Vitamin+D+%E2%80%93+primer", "/posts/vitamin-d-basics", "/POSTS/Vitamin-D-Primer/"):
        assert site.find_page(url) is primer, url
    ms = site.find_page("/MS+and+bone+health+%E2%80%93+July+2011")
    assert ms is not None and site.find_page("/1810") is ms and ms.main_url == "/posts/ms-and-bone-health"
    assert site.find_page("/about").rel == "about/_index.md"
    assert site.find_page("/posts/bone-density").rel == "posts/bone-density/index.md"
    assert site.find_page("/news/story-2011").main_url == "/news/story-2011"
    assert site.find_page("/posts/nothing") is None
    assert site.find_asset("/attachments/d3.jpg") is not None
    assert site.find_asset("/posts/bone-density/scan.png") is not None
    assert site.is_internal_host("www.example.org") and not site.is_internal_host("example.com")


def test_anchors_of_a_page() -> None:
    site = SiteIndex(SITE / "content")
    primer = site.find_page("/posts/vitamin-d-primer")
    assert site.anchors(primer) >= {"vitamin-d-the-basics", "who-may-need-more", "supplements"}


def test_default_content_root(tmp_path: Path) -> None:
    (tmp_path / "content" / "posts").mkdir(parents=True)
    assert default_content_root(tmp_path, ["content/posts"]) == tmp_path / "content"
    other = tmp_path / "other"
    (other / "docs" / "content" / "a").mkdir(parents=True)
    assert default_content_root(other, [str(other / "docs" / "content" / "a" / "x.md")]) == other / "docs" / "content"
    plain_tree = tmp_path / "plain"
    (plain_tree / "pages").mkdir(parents=True)
    assert default_content_root(plain_tree, [str(plain_tree / "pages")]) == plain_tree / "pages"


@pytest.mark.parametrize(("heading", "gh", "kd", "pd"), [
    ("Dose – July 2011", "dose--july-2011", "dose--july-2011", "dose-july-2011"),
    ("What's new? (2024)", "whats-new-2024", "whats-new-2024", "whats-new-2024"),
    ("1. Vitamin D", "1-vitamin-d", "vitamin-d", "vitamin-d"),
    ("Tromsø study", "tromsø-study", "troms-study", "tromsø-study"),
    ("snake_case and CamelCase", "snake_case-and-camelcase", "snakecase-and-camelcase", "snake_case-and-camelcase"),
])
def test_heading_id_styles(heading: str, gh: str, kd: str, pd: str) -> None:
    assert (github(heading), kramdown(heading), pandoc(heading)) == (gh, kd, pd)


def test_duplicate_headings_are_numbered() -> None:
    assert heading_ids(["Intro", "Intro", "Intro"]) == {"intro", "intro-1", "intro-2"}


def test_plain_heading_text() -> None:
    assert plain("Use `mcg` *not* [µg](https://x.org) <b>now</b> &amp; always") == "Use mcg not µg now & always"


ANCHOR_PAGE = """---
title: Anchors
---
# Vitamin *D* and `bone`

Text with an inline <a name="inline-anchor"></a> anchor and <span id="span-id">a span</span>.

## Dosing {#custom-dose}

```html
<a name="not-an-anchor"></a>
# Not a heading
```

Setext heading
--------------

    <a id="indented-code"></a>

<div id="block-id">

## Inside HTML? no: a heading after a blank line
"""


@pytest.mark.parametrize("style", ["github", "pandoc", "kramdown"])
def test_anchors_of_another_page_match_a_full_parse(tmp_path: Path, style: str) -> None:
    """Another page's anchors come from a lighter parse; they must be the same ids."""
    from medlint.document import Document
    from medlint.site.index import anchors_of

    page = tmp_path / "page.md"
    page.write_text(ANCHOR_PAGE, encoding="utf-8")
    site = SiteIndex(tmp_path, anchor_style=style)
    light = site.anchors(site.pages[0])
    assert light == anchors_of(Document.from_text(ANCHOR_PAGE, "page.md"), style)
    assert {"inline-anchor", "span-id", "custom-dose", "block-id"} <= light
    assert not {"not-an-anchor", "indented-code"} & light


def test_did_you_mean_on_a_large_site_agrees_with_a_full_scan() -> None:
    """Past 500 URLs a trigram shortlist comes first; the suggestion must be the one a
    comparison with every URL gives."""
    import random

    from rapidfuzz import fuzz, process

    from medlint.site.nearest import EXACT_LIMIT, Nearest

    rng = random.Random(3)
    words = ["vitamin", "bone", "density", "trial", "dose", "sclerosis", "calcium", "fracture", "risk", "serum"]
    urls = sorted({f"/posts/{rng.choice(words)}-{rng.choice(words)}-{rng.choice(words)}-{i}" for i in range(3000)})
    assert len(urls) > EXACT_LIMIT
    nearest = Nearest(urls)
    queries = [urls[5] + "-old", urls[100].replace("/posts/", "/post/"), urls[2000][:-1] + "x",
               urls[1500].replace("vitamin", "vitamen"), "/posts/nothing-like-this", "/about/"]
    for query in queries:
        expected = process.extractOne(query, urls, scorer=fuzz.ratio, score_cutoff=70)
        assert nearest.closest(query) == (expected[0] if expected else None), query
    assert nearest.closest("/posts/nothing-like-this") is None


def test_the_first_queries_shortlist_without_the_index_and_alike() -> None:
    """A one-file run asks once or twice: its shortlists come from substring tests, not the
    whole trigram index, and are the index's shortlists exactly (same lists, same order)."""
    import random

    from medlint.site.nearest import SCAN_QUERIES, Nearest

    rng = random.Random(5)
    words = ["vitamin", "bone", "D3", "trial", "dose", "MS", "calcium", "fracture", "Über", "serum"]
    urls = sorted({f"/{rng.choice(['posts', 'tags'])}/{rng.choice(words)}-{rng.choice(words)}-{i}" for i in range(2000)})
    queries = ["/tags/vitamin-d3-bone.html", "/POSTS/ÜBER-dose-7", "", "x", "/posts/serum-ms-1999"]
    indexed = Nearest(urls)
    indexed._postings()
    for query in queries:
        scanning = Nearest(urls)
        assert scanning.shortlist(query) == indexed.shortlist(query), query
        assert scanning._index is None
    many = Nearest(urls)
    assert [many.closest(q) for q in queries] == [indexed.closest(q) for q in queries]
    assert many._index is not None and len(queries) > SCAN_QUERIES  # later queries use the index


def test_slugs_of_pages_with_suffixes_and_dates(tmp_path: Path) -> None:
    """by_slug tries its suffix and date patterns only where they can match: the answers are the patterns' own."""
    (tmp_path / "posts").mkdir()
    for name, slug in (("a.md", "report.html"), ("b.md", "trial-results-nov-2011"), ("c.md", "plain-page"),
                       ("d.md", "page.v2")):
        (tmp_path / "posts" / name).write_text(f'{{"slug": "{slug}"}}\nText.\n')
    site = SiteIndex(tmp_path)
    assert site.by_slug("/old/report.php") == "/posts/report.html"
    assert site.by_slug("/tags/trial-results.html") == "/posts/trial-results-nov-2011"
    assert site.by_slug("/tags/plain-page-2014.htm") == "/posts/plain-page"
    assert site.by_slug("/x/page.v2.html") == "/posts/page.v2"


KRAMDOWN_PAGE = """\
## Chapter 14 {#ch14}

![Fig](a.png){: #fig-ch14_03_02 data-title="Body {of} water"}

## Summary
{: #summary-ial .lead}

Pandoc: [span]{#sp .note}, ![b](b.png){#fig-b width=50%} and `x`{#code-id}.

::: {#callout .warning}
Body
:::

Prose braces {a set} and {#not-after-a-span} and a pandoc {.cls} class.
"""


@pytest.mark.parametrize("anchors_only", [False, True])
def test_attribute_list_ids_are_anchors(anchors_only: bool) -> None:
    from medlint.markup import parse

    names = {name for name, _ in parse(KRAMDOWN_PAGE, "markdown", anchors_only=anchors_only).anchors}
    assert names == {"ch14", "fig-ch14_03_02", "summary-ial", "sp", "fig-b", "code-id", "callout"}


def test_attribute_lists_are_not_prose() -> None:
    from medlint.document import Document

    prose = Document.from_text(KRAMDOWN_PAGE, "x.md").prose
    assert "data-title" not in prose and "summary-ial" not in prose and "{a set}" in prose


def test_mkdocs_heading_ids() -> None:
    assert heading_ids(["Dose – July 2011", "Café  au lait"], "mkdocs") == {"dose-july-2011", "cafe-au-lait"}


def test_braces_that_are_not_attribute_lists() -> None:
    from medlint.markup import parse

    text = "{SPLIT(colsize=40%|60%)}\n\n{module module=\"last\" max=\"10\"}\n\n[x](y.png){width=50% #ok}\n"
    markup = parse(text, "markdown")
    assert [name for name, _ in markup.anchors] == ["ok"]


def test_no_slug_suggestion_from_a_word_of_a_sentence(tmp_path: Path) -> None:
    (tmp_path / "posts").mkdir()
    (tmp_path / "posts" / "d.md").write_text("---\nslug: d\n---\nD\n")
    (tmp_path / "posts" / "overview-of-ms.md").write_text("---\ntitle: MS\n---\nMS\n")
    site = SiteIndex(tmp_path)
    assert site.by_slug("95% CI, 88.1-97.6 µg/d") is None
    assert site.by_slug("/tags/overview-of-ms.html") == "/posts/overview-of-ms"
    assert site.by_slug("/tags/overview-of-ms-dec-2012.html") == "/posts/overview-of-ms"
    assert site.by_slug("/posts/overview-of-ms") is None  # the page itself: nothing to suggest


def test_a_character_cut_by_the_head_read_keeps_the_pages_front_matter(tmp_path: Path) -> None:
    """The index reads the first FRONT_HEAD bytes of a page; a multi-byte character across
    that boundary must not lose the page its slug and aliases."""
    from medlint.site.index import FRONT_HEAD, SiteIndex

    posts = tmp_path / "content" / "posts"
    posts.mkdir(parents=True)
    front = '{\n"slug": "cut-page",\n"aliases": ["/old-cut"],\n"note": "'
    pad = FRONT_HEAD - len(front.encode()) - 1
    (posts / "a.md").write_bytes((front + "x" * pad + "é" * 10 + '"\n}\nBody.\n').encode())
    index = SiteIndex(tmp_path / "content")
    assert index.find_page("/old-cut") is not None and index.find_page("/posts/cut-page") is not None


@pytest.mark.parametrize("opening, closing", [("---\n", "---\n"), ("+++\n", "+++\n"), ("{\n", "}\n")])
def test_front_matter_longer_than_the_first_read_is_read_whole(tmp_path: Path, opening: str, closing: str) -> None:
    """Front matter that runs past the index's first read (long alias lists) still gives every URL."""
    from medlint.site.index import FRONT_HEAD, SiteIndex

    posts = tmp_path / "content" / "posts"
    posts.mkdir(parents=True)
    n = FRONT_HEAD // 20 + 10
    if opening == "{\n":
        body = '"slug": "long", "aliases": [' + ", ".join(f'"/old-{i}"' for i in range(n)) + "]\n"
    elif opening == "+++\n":
        body = 'slug = "long"\naliases = [' + ", ".join(f'"/old-{i}"' for i in range(n)) + "]\n"
    else:
        body = "slug: long\naliases:\n" + "".join(f"  - /old-{i}\n" for i in range(n))
    (posts / "a.md").write_text(opening + body + closing + "Body.\n")
    index = SiteIndex(tmp_path / "content")
    assert index.find_page(f"/old-{n - 1}") is not None and index.find_page("/posts/long") is not None


def test_a_lazy_index_reads_pages_on_the_first_look_up_and_answers_the_same() -> None:
    """A one-file run makes its index lazy: a page that links nowhere in the site reads no other page."""
    eager = SiteIndex(SITE / "content", [SITE / "static"], ["https://www.example.org"])
    lazy = SiteIndex(SITE / "content", [SITE / "static"], ["https://www.example.org"], lazy=True)
    assert not lazy.loaded()
    assert lazy.is_internal_host("www.example.org") and lazy.fragments(SITE / "content" / "guide.html") == []
    assert lazy.has_pages() and not lazy.loaded()  # the first published page answers it
    found = lazy.find_page("/posts/vitamin-d-basics")
    assert found is not None and found.rel == eager.find_page("/posts/vitamin-d-basics").rel
    assert lazy.loaded()
    assert [(p.rel, p.main_url, p.urls) for p in lazy.pages] == [(p.rel, p.main_url, p.urls) for p in eager.pages]
    assert lazy.assets == eager.assets and lazy.by_url.keys() == eager.by_url.keys()
    with pytest.raises(AttributeError):
        lazy.no_such_attribute  # noqa: B018 - only the page tables are built on demand


def test_has_pages_reads_on_until_a_page_is_published(tmp_path: Path) -> None:
    """Only files the generator publishes count: a Jekyll site of layouts has no page."""
    (tmp_path / "_layouts").mkdir()
    (tmp_path / "_layouts" / "base.html").write_text("<html>{{ content }}</html>\n")
    assert not SiteIndex(tmp_path, generator="jekyll", lazy=True).has_pages()
    (tmp_path / "about.md").write_text("# About\n")
    site = SiteIndex(tmp_path, generator="jekyll", lazy=True)
    assert site.has_pages() and not site.loaded()
    assert SiteIndex(tmp_path, generator="jekyll").has_pages()  # an eager index answers from its pages


def test_one_file_run_indexes_the_site_only_for_a_link_into_it(tmp_path: Path) -> None:
    """The pre-commit case with no cache: the index is read only when a link needs it, and
    the findings are those of a run whose index was built first."""
    from medlint.pipeline import Run

    posts = tmp_path / "content" / "posts"
    posts.mkdir(parents=True)
    (posts / "target.md").write_text('{"slug": "target", "aliases": ["/old-target"]}\n# Target\n\n## Dosing\n')
    (posts / "plain.md").write_text("# Plain\n\nSee [the NHS](https://www.nhs.uk/) and [mail](mailto:a@b.org).\n")
    (posts / "linked.md").write_text("# Linked\n\n[a](/old-target) [b](/posts/target#dosing) [c](/posts/gone)\n")
    config = {"site": {"content_root": str(tmp_path / "content"), "base_urls": ["https://example.org"]}}
    for name, reads in (("plain.md", False), ("linked.md", True)):
        run = Run(config, select=["link-broken", "link-anchor", "link-unknown-marker", "disclaimer-missing"])
        report = run.check_paths([str(posts / name)])
        assert run.site.loaded() is reads
        eager = Run(config, select=["link-broken", "link-anchor", "link-unknown-marker", "disclaimer-missing"])
        eager.use_site(eager.build_site([str(posts / name)]))
        assert eager.site.loaded()
        expected = eager.check_paths([str(posts / name)])
        assert [d.sort_key() for d in report.diagnostics] == [d.sort_key() for d in expected.diagnostics]
    assert [d.rule for d in report.diagnostics] == ["link-broken"]  # /posts/gone; the alias and anchor resolve


def test_links_named_by_their_pages_files_read_only_those_pages(tmp_path: Path) -> None:
    """A one-file run asks whether a page answers a link by reading the page file the link
    names (``/posts/b`` names ``posts/b.md``), or by an alias or a slug, the pages whose front
    matter spells its last segment (site/prefilter.py), and proves a link broken so; a
    fragment reads the whole site. Findings are those of an eager index."""
    from medlint.pipeline import Run

    posts = tmp_path / "content" / "posts"
    (posts / "guide").mkdir(parents=True)
    (posts / "b.md").write_text('{"slug": "b", "aliases": ["/Old+B+\\u2013+2012"]}\n# B\n\n## Dose {#dose-b}\n')
    (posts / "Upper-Case.md").write_text("# Upper\n")
    (posts / "renamed.md").write_text('{"slug": "new-name"}\n# Renamed\n')
    (posts / "guide" / "index.md").write_text("---\ntitle: Guide\n---\n# Guide\n")
    (posts / "other.md").write_text("# Other\n")
    pages = {
        "by-file.md": ("[b](/posts/b) [u](/posts/upper-case/) [g](/posts/guide) [o](other.md) [b2](b.md)"
                       " [home](/) [h](https://example.org/posts/b.html)", False),
        "by-alias.md": ("[old](/old+b+%E2%80%93+2012)", False),
        "by-slug.md": ("[r](/posts/new-name)", False),
        "by-file-name.md": ("[r](/posts/renamed)", False),  # Hugo answers at the file's path beside its slug
        "fragment.md": ("[d](/posts/b#dose-b) [x](/posts/b#no-such-id)", True),
        "broken.md": ("[g](/posts/gone) [o](missing.md)", False),
    }
    select = ["link-broken", "link-anchor", "link-asset"]
    config = {"site": {"content_root": str(tmp_path / "content"), "base_urls": ["https://example.org"]}}
    found = {}
    for name, (links, reads) in pages.items():
        (posts / name).write_text(f"# Page\n\n{links}\n")
        run = Run(config, select=select)
        report = run.check_paths([str(posts / name)])
        assert run.site.loaded() is reads, name
        eager = Run(config, select=select)
        eager.use_site(eager.build_site([str(posts / name)]))
        expected = eager.check_paths([str(posts / name)])
        assert [d.sort_key() for d in report.diagnostics] == [d.sort_key() for d in expected.diagnostics], name
        found[name] = sorted((d.rule, d.message.split("'")[1]) for d in report.diagnostics)
        (posts / name).unlink()
    assert found["by-file.md"] == [] and found["by-alias.md"] == [] and found["by-slug.md"] == []
    assert found["by-file-name.md"] == []
    assert found["fragment.md"] == [("link-anchor", "#no-such-id")]
    assert found["broken.md"] == [("link-broken", "/posts/gone"), ("link-broken", "missing.md")]


@pytest.mark.parametrize("permalinks", [None, {"default": "/:slug"}])
def test_resolves_agrees_with_find_page(tmp_path: Path, permalinks: dict[str, str] | None) -> None:
    """SiteIndex.resolves on an index not read yet answers as find_page on a read one (under
    a permalink pattern a page no longer answers at its file's path)."""
    (tmp_path / "posts").mkdir()
    (tmp_path / "posts" / "a.md").write_text('{"slug": "a-slug", "aliases": ["/x/Old%20A"]}\n# A\n')
    (tmp_path / "posts" / "B.md").write_text("# B\n")
    (tmp_path / "posts" / "pipe.md").write_text("# Pipe\n")
    eager = SiteIndex(tmp_path, permalinks=permalinks)
    for url in ("/posts/a", "/posts/a-slug", "/a-slug", "/b", "/x/old a", "/posts/b", "/posts/B.html", "/posts/b/index.html", "/",
                "/posts/pipe.md", "/posts/c", "/posts", "/posts/a.md"):
        lazy = SiteIndex(tmp_path, permalinks=permalinks, lazy=True)
        assert lazy.resolves(url) is (eager.find_page(url) is not None), url
    lazy = SiteIndex(tmp_path, lazy=True)
    assert lazy.resolves("/posts/b") and lazy.has_page_file((tmp_path / "posts" / "B.md").resolve())
    assert not lazy.loaded()
    assert not lazy.has_page_file((tmp_path / "posts" / "none.md").resolve()) and not lazy.loaded()


@pytest.mark.skipif(not hasattr(os, "symlink") or sys.platform == "win32", reason="symbolic links")
def test_a_path_where_nothing_is_is_answered_from_the_linked_pages_alone(tmp_path: Path) -> None:
    """page_at of a path where no file is, on an index not read yet, answers as by_file on a read
    one, by looking only at the page files that are symbolic links (no stat of every page)."""
    posts = tmp_path / "posts"
    posts.mkdir()
    for name in ("a.md", "b.md", "c.md"):
        (posts / name).write_text(f"# {name}\n")
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "real.md").write_text("# Real\n")
    os.symlink(tmp_path / "elsewhere" / "real.md", posts / "linked.md")
    os.symlink(tmp_path / "elsewhere" / "gone.md", posts / "dangling.md")
    eager = SiteIndex(tmp_path)
    for path in (tmp_path / "elsewhere" / "gone.md", posts / "none.md", posts / "{img} print this page .md",
                 (posts / "a.md").resolve(), (tmp_path / "elsewhere" / "real.md").resolve()):
        lazy = SiteIndex(tmp_path, lazy=True)
        expected = eager.by_file.get(path)
        found = lazy.page_at(path)
        assert (found and found.rel) == (expected and expected.rel), path
        assert lazy._real_paths is None  # (no stat of every page)
    assert SiteIndex(tmp_path, lazy=True)._symlinked_page_files() == ["posts/dangling.md", "posts/linked.md"]
    # Two page files at one real path: the last in walk order is the one, as in the table.
    (tmp_path / "elsewhere" / "real.md").unlink()
    (tmp_path / "elsewhere").rmdir()
    os.symlink(posts / "b.md", posts / "z-also-b.md")
    os.symlink(posts / "b.md", posts / "0-first-b.md")
    eager = SiteIndex(tmp_path)
    lazy = SiteIndex(tmp_path, lazy=True)
    assert lazy.page_at((posts / "b.md").resolve()).rel == eager.by_file[(posts / "b.md").resolve()].rel == "posts/z-also-b.md"
    assert lazy._real_paths is None


@pytest.mark.skipif(not hasattr(os, "symlink") or sys.platform == "win32", reason="symbolic links")
def test_a_linked_folder_of_pages_falls_back_to_every_real_path(tmp_path: Path) -> None:
    (tmp_path / "real").mkdir()
    (tmp_path / "real" / "a.md").write_text("# A\n")
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "b.md").write_text("# B\n")
    os.symlink(tmp_path / "real", tmp_path / "site" / "linked")
    lazy = SiteIndex(tmp_path / "site", lazy=True)
    lazy._walked = ["b.md", "linked/a.md"]  # (as a git listing could give it: the walk does not follow links)
    assert not lazy._folders_real()
    found = lazy.page_at((tmp_path / "real" / "a.md").resolve())
    assert found is not None and found.rel == "linked/a.md" and lazy._real_paths is not None


def test_a_query_with_no_close_url_answers_none_before_any_shortlist() -> None:
    """Most broken links have no close URL: the full comparison says so first (in C++), and a
    query that has one still gets the shortlist's answer, the one it got before."""
    import random

    from rapidfuzz import fuzz, process

    from medlint.site import nearest as module
    from medlint.site.nearest import Nearest

    rng = random.Random(7)
    words = ["vitamin", "bone", "density", "trial", "dose", "sclerosis", "calcium", "fracture", "risk", "serum"]
    urls = sorted({f"/posts/{rng.choice(words)}-{rng.choice(words)}-{rng.choice(words)}-{i}" for i in range(3000)})
    reference = Nearest(urls)
    reference._postings()
    queries = ["/zz/qq", "25(OH)D%2010-15%20ng/ml", "/posts/nothing-like-this", urls[7] + "-old", urls[900][:-2],
               "/q", urls[2500].replace("posts", "post")] * 2
    shortlisted: list[str] = []
    original = module.Nearest.shortlist

    def spy(self: Nearest, wanted: str) -> list[str]:
        shortlisted.append(wanted)
        return original(self, wanted)

    one = Nearest(urls)
    module.Nearest.shortlist = spy  # type: ignore[method-assign]
    try:
        answers = [one.closest(q) for q in queries]
    finally:
        module.Nearest.shortlist = original  # type: ignore[method-assign]
    for query, answer in zip(queries, answers):
        best = process.extractOne(query, reference.shortlist(query), scorer=fuzz.ratio, score_cutoff=70)
        assert answer == (best[0] if best else None), query
        if process.extractOne(query, urls, scorer=fuzz.ratio, score_cutoff=70) is None:
            assert answer is None and query not in shortlisted


def test_a_page_path_link_resolves_once_per_run_and_finds_the_page(tmp_path: Path) -> None:
    """find_page resolves a URL path with a page suffix to a file once, then answers from memory."""
    (tmp_path / "posts").mkdir()
    (tmp_path / "posts" / "a.md").write_text("# A\n", encoding="utf-8")
    site = SiteIndex(tmp_path)
    assert site.find_page("/posts/a.md") is site.by_file[(tmp_path / "posts" / "a.md").resolve()]
    assert site.find_page("/posts/missing.md") is None and site.find_page("/posts/missing.md") is None
    assert set(site._files_at) == {"/posts/a.md", "/posts/missing.md"}

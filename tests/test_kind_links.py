"""Internal links against a fixture site: what resolves, and what is reported where."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from medlint import lint_paths
from medlint.cli import main
from helpers import FIXTURES

LINK_RULES = ["link-broken", "link-anchor", "link-asset", "link-unknown-marker"]

EXPECTED = [
    ("content/guide.html", 4, 10, "link-broken"),
    ("content/posts/bone-density/index.md", 5, 34, "link-asset"),
    ("content/posts/ms-and-bone.md", 39, 14, "link-broken"),
    ("content/posts/ms-and-bone.md", 40, 12, "link-unknown-marker"),
    ("content/posts/ms-and-bone.md", 41, 43, "link-anchor"),
    ("content/posts/ms-and-bone.md", 42, 25, "link-anchor"),
    ("content/posts/ms-and-bone.md", 43, 13, "link-asset"),
    ("content/posts/ms-and-bone.md", 44, 18, "link-broken"),
    ("content/posts/ms-and-bone.md", 45, 3, "link-unknown-marker"),
    ("content/posts/ms-and-bone.md", 48, 15, "link-broken"),
]


@pytest.fixture
def site(isolated: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = isolated / "hugo-site"
    shutil.copytree(FIXTURES / "hugo-site", root)
    monkeypatch.chdir(root)
    return root


def found(paths: list[str]) -> list[tuple[str, int, int, str]]:
    report = lint_paths(paths, select=LINK_RULES)
    assert not report.errors
    return [(d.path, d.line, d.column, d.rule) for d in report]


def test_every_broken_link_and_nothing_else(site: Path) -> None:
    assert found(["content"]) == EXPECTED


def test_one_file_still_sees_the_whole_site(site: Path) -> None:
    only = [e for e in EXPECTED if e[0] == "content/posts/ms-and-bone.md"]
    assert found(["content/posts/ms-and-bone.md"]) == only


def test_messages_name_target_and_suggest(site: Path) -> None:
    messages = {(d.line, d.rule): d.message for d in lint_paths(["content/posts/ms-and-bone.md"], select=LINK_RULES)}
    assert messages[(39, "link-broken")] == (
        "Link to '/posts/vitamin-d-primr' does not resolve to a page of this site; did you mean '/posts/vitamin-d-primer'?")
    assert messages[(41, "link-anchor")] == "Anchor '#dosage' does not exist in /posts/vitamin-d-primer"
    assert messages[(43, "link-asset")] == "File '/attachments/d3.mock.jpg' does not exist; did you mean '/attachments/d3.jpg'?"
    assert messages[(40, "link-unknown-marker")] == "Link left unresolved by a migration: 'This link has an unknown page_id: 691'"


def test_content_root_found_from_a_subfolder(site: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(site / "content" / "posts")
    report = lint_paths(["ms-and-bone.md"], config=str(site / ".medlint.yaml"), select=["link-broken"])
    assert [d.line for d in report] == [39, 44, 48]  # 40 is link-unknown-marker's


def test_permalink_patterns(site: Path) -> None:
    page = site / "content" / "posts" / "linker.md"
    page.write_text("[a](/articles/2011/ms-and-bone-health) [b](/posts/vitamin-d-primer)\n")
    cfg = {"site": {"base_urls": ["https://www.example.org"], "permalinks": {"posts": "/articles/:year/:slug"}}}
    report = lint_paths([str(page)], config=cfg, select=["link-broken"])
    # Under the pattern the primer (no date) lives at /articles/vitamin-d-primer, no longer at /posts/...
    assert [d.message for d in report] == [
        "Link to '/posts/vitamin-d-primer' does not resolve to a page of this site; did you mean '/articles/vitamin-d-primer'?"]


def test_static_dirs_and_content_root_settings(site: Path) -> None:
    cfg = {"site": {"content_root": "content", "static_dirs": ["nowhere"]}}
    report = lint_paths(["content/posts/ms-and-bone.md"], config=cfg, select=["link-asset"])
    assert [d.line for d in report] == [32, 33, 43]  # d3.jpg and leaflet.pdf are no longer served


def test_anchor_style_setting(site: Path) -> None:
    page = site / "content" / "posts" / "styles.md"
    page.write_text("[a](#dose-july-2011)\n\n## Dose – July 2011\n")
    github = lint_paths([str(page)], select=["link-anchor"])
    assert len(github.diagnostics) == 1
    pandoc = lint_paths([str(page)], config={"site": {"anchor_style": "pandoc"}}, select=["link-anchor"])
    assert pandoc.diagnostics == []


def test_unknown_marker_options(site: Path) -> None:
    page = site / "content" / "posts" / "markers.md"
    page.write_text("[x](/cgi-bin/wiki.pl?Page) {{broken}}\n")
    cfg = {"rules": {"link-unknown-marker": {"options": {"target_patterns": ["wiki\\.pl\\?"], "text_patterns": ["\\{\\{[^}]+\\}\\}"]}}}}
    report = lint_paths([str(page)], config=cfg, select=["link-unknown-marker"])
    assert [(d.column, d.message) for d in report] == [
        (5, "Link left unresolved by a migration: 'wiki.pl?'"),
        (28, "Link left unresolved by a migration: '{{broken}}'"),
    ]


def test_ignore_option(site: Path) -> None:
    cfg = {"rules": {"link-broken": {"options": {"ignore": ["^/posts/no-such"]}}}}
    report = lint_paths(["content/posts/ms-and-bone.md"], config=cfg, select=["link-broken"])
    assert 48 not in [d.line for d in report]


def test_site_not_built_without_link_rules(site: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import medlint.site.index

    def boom(*args: object, **kwargs: object) -> None:
        raise AssertionError("site index built")

    monkeypatch.setattr(medlint.site.index, "build_site", boom)
    lint_paths(["content"], select=["sensational-language"])


def test_site_built_once_per_run(site: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import medlint.site.index

    calls = []
    real = medlint.site.index.SiteIndex.__init__

    def counting(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        calls.append(1)
        real(self, *args, **kwargs)

    monkeypatch.setattr(medlint.site.index.SiteIndex, "__init__", counting)
    lint_paths(["content"], select=LINK_RULES)
    assert len(calls) == 1


def test_cli_end_to_end(site: Path) -> None:
    result = CliRunner().invoke(main, ["check", "--select", ",".join(LINK_RULES), "content/guide.html"])
    assert result.exit_code == 1
    assert result.stdout.startswith("content/guide.html:4:10: error [link-broken] Link to '/posts/nope'")


def test_suggestion_by_slug_before_similar_words(isolated: Path) -> None:
    """A migration's bulk break: /tags/<slug>.html where /posts/<slug> exists (or the slug
    without its trailing date); difflib alone suggests a page with similar words."""
    posts = isolated / "content" / "posts"
    posts.mkdir(parents=True)
    for slug in ["overview-sleep-and-mood-and-vitamin-d", "overview-coffee-and-vitamin-d",
                 "better-sleep-if-vitamin-d-over-30-ng"]:
        (posts / f"{slug}.md").write_text(f"---\ntitle: {slug}\n---\nText.\n")
    page = posts / "links.md"
    page.write_text("[a](/tags/overview-sleep-and-mood-and-vitamin-d.html)\n\n"
                    "[b](/tags/better-sleep-if-vitamin-d-over-30-ng-jun-2019.html)\n\n"
                    "[c](/tags/overview-coffee-and-vitamin-e.html)\n")
    report = lint_paths([str(page)], select=["link-broken"])
    assert [d.message.split("; ")[-1] for d in report] == [
        "did you mean '/posts/overview-sleep-and-mood-and-vitamin-d'?",
        "did you mean '/posts/better-sleep-if-vitamin-d-over-30-ng'?",
        "did you mean '/posts/overview-coffee-and-vitamin-d'?",  # no slug matches: the nearest URL
    ]


def test_a_marked_link_is_one_finding(site: Path) -> None:
    page = site / "content" / "posts" / "marked.md"
    page.write_text('<a href="/posts/gone" title="This link has an unknown page_id: 12">Gone</a>\n\n'
                    "[old](/tiki-index.php?page=Gone)\n")
    report = lint_paths([str(page)], select=LINK_RULES)
    assert [(d.line, d.rule) for d in report] == [(1, "link-unknown-marker"), (3, "link-unknown-marker")]


def test_an_escaped_bracket_in_link_text_is_no_wiki_link(site: Path) -> None:
    page = site / "content" / "posts" / "figref.md"
    page.write_text("As [\\[1\\]](#fig-x) shows.\n\n![x](/attachments/d3.jpg){: #fig-x}\n")
    assert lint_paths([str(page)], select=LINK_RULES).diagnostics == []


def test_a_marker_on_another_sites_link_is_that_sites_url(site: Path) -> None:
    """'index.php?title=' on a public wiki is its permalink; on the site's own host or a
    relative link it is a link the migration left unconverted."""
    page = site / "content" / "posts" / "permalinks.md"
    page.write_text("[w](https://en.wikipedia.org/w/index.php?title=Vitamin_D&oldid=12345)\n\n"
                    "[t](https://wiki.example.net/tiki-index.php?page=Calcium)\n\n"
                    "[own](https://www.example.org/tiki-index.php?page=Calcium)\n\n"
                    "[rel](/index.php?title=Calcium)\n")
    cfg = {"site": {"base_urls": ["https://www.example.org"]}}
    report = lint_paths([str(page)], config=cfg, select=LINK_RULES)
    assert [(d.line, d.rule) for d in report] == [(5, "link-unknown-marker"), (7, "link-unknown-marker")]


def test_an_editors_bracketed_note_is_no_wiki_link(site: Path) -> None:
    page = site / "content" / "posts" / "draft.md"
    page.write_text("Methods.\n\n[[add details]]\n\n[[Reference needed]]\n\n[[Results to be provided soon.]]\n\n"
                    "[[Explain why the accrual rate matters]]\n\n[[Screen shot of the power applet]]\n\n"
                    "See [[Vitamin D dosing]] and [[Calcium|calcium intake]] for more.\n")
    report = lint_paths([str(page)], select=["link-unknown-marker"])
    assert [(d.line, d.column) for d in report] == [(13, 5), (13, 30)]


def test_a_link_without_its_scheme_is_a_broken_page_link_with_a_hint(site: Path) -> None:
    """'cdc.gov/flu' or 'med.example.edu' read as a relative path: a broken link (not a
    missing file with a '.gov' suffix), and the hint adds the scheme."""
    page = site / "content" / "posts" / "schemeless.md"
    page.write_text("[a](cdc.gov/flu/about)\n\n[b](med.example.edu)\n\n[c](missing.pdf)\n")
    report = lint_paths([str(page)], select=LINK_RULES)
    assert [(d.line, d.rule) for d in report] == [(1, "link-broken"), (3, "link-broken"), (5, "link-asset")]
    assert report.diagnostics[0].message.endswith("did you mean 'https://cdc.gov/flu/about'?")


def test_a_page_resolves_each_target_once_for_the_three_link_rules(site: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """link-broken, link-asset and link-anchor share the page's resolutions (same findings)."""
    from medlint.kinds import links

    asked: list[tuple[str, bool]] = []
    resolve = links._resolve

    def counting(doc, site_index, target, which=True):  # type: ignore[no-untyped-def]
        asked.append((target.path, which))
        return resolve(doc, site_index, target, which=which)

    monkeypatch.setattr(links, "_resolve", counting)
    only = [e for e in EXPECTED if e[0] == "content/posts/ms-and-bone.md"]
    assert found(["content/posts/ms-and-bone.md"]) == only
    assert asked and len(asked) == len(set(asked))

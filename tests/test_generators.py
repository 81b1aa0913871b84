"""Links resolved the way each site generator publishes pages: one small fixture site per
generator (tests/fixtures/generators/), built from its documentation, with one broken
link, anchor and asset planted in ``planted.md`` and every other link resolving."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from medlint import lint_paths
from medlint.cli import main
from medlint.site.generators import UrlRules, detect
from medlint.site.index import SiteIndex, build_site
from helpers import FIXTURES

LINK_RULES = ["link-broken", "link-anchor", "link-asset", "link-unknown-marker"]
SITES = FIXTURES / "generators"

#: site → (planted file, its broken link's line, anchor's line, asset's line, generator detected or set)
PLANTED = {
    "hugo": ("content/posts/planted.md", 6, 8, 10, "hugo"),
    "jekyll": ("planted.md", 6, 8, 10, "jekyll"),
    "mkdocs": ("docs/planted.md", 3, 5, 7, "mkdocs"),
    "docusaurus": ("docs/planted.md", 6, 8, 10, "docusaurus"),
    "eleventy": ("posts/planted.md", 6, 8, 10, "eleventy"),
    "plain": ("docs/planted.md", 3, 5, 7, "plain"),
    "folder-pages": ("content/conditions/heatstroke/planted.md", 3, 5, 7, "hugo"),
}


@pytest.fixture
def site(request: pytest.FixtureRequest, isolated: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = isolated / request.param
    shutil.copytree(SITES / request.param, root)
    monkeypatch.chdir(root)
    return root


@pytest.mark.parametrize("site", sorted(PLANTED), indirect=True)
def test_every_planted_defect_and_nothing_else(site: Path) -> None:
    path, broken, anchor, asset, _ = PLANTED[site.name]
    report = lint_paths(["."], select=LINK_RULES)
    assert not report.errors
    found = sorted((d.path, d.line, d.rule) for d in report)
    assert found == [(path, broken, "link-broken"), (path, anchor, "link-anchor"), (path, asset, "link-asset")]


@pytest.mark.parametrize("site", sorted(PLANTED), indirect=True)
def test_generator_detected_from_its_config_file(site: Path) -> None:
    from medlint.config import load_config

    config = load_config(None)
    index = build_site(config.site, config.root, ["."])
    assert index.generator == PLANTED[site.name][4]


@pytest.mark.parametrize("site", ["docusaurus"], indirect=True)
def test_suggestion_follows_the_generators_url(site: Path) -> None:
    """Docusaurus publishes 02-dosing.md with ``id: dosing-guide`` at /docs/guides/dosing-guide."""
    report = lint_paths(["docs/planted.md"], select=["link-broken"])
    assert [d.message for d in report] == [
        "Link to '/docs/guides/dosing' does not resolve to a page of this site; "
        "did you mean '/docs/guides/dosing-guide'?"]


@pytest.mark.parametrize("site", ["folder-pages"], indirect=True)
def test_fragments_make_one_page(site: Path) -> None:
    index = build_site({"content_root": "content", "folder_pages": ["manifest.json"], "page_fragments": True},
                       site, ["."])
    page = index.find_page("/conditions/dehydration")
    assert page is not None and [p.name for p in page.parts] == ["overview.md", "treatment.md"]
    assert {"symptoms", "treatment"} <= index.anchors(page)
    # Fragments are not pages: no URL of their own, never a "did you mean".
    assert index.find_page("/conditions/dehydration/overview") is None
    assert index.closest("page", "/conditions/dehydration/overvew") == "/conditions/dehydration"


@pytest.mark.parametrize("site", ["folder-pages"], indirect=True)
def test_folder_pages_without_fragments(site: Path) -> None:
    index = build_site({"content_root": "content", "folder_pages": ["manifest.json"]}, site, ["."])
    assert index.find_page("/conditions/dehydration") is not None
    assert index.find_page("/conditions/dehydration/overview") is not None  # each file is its own page


@pytest.mark.parametrize(("generator", "rel", "front", "main"), [
    ("hugo", "posts/a.md", {"slug": "b"}, "/posts/b"),
    ("hugo", "posts/bundle/index.md", {}, "/posts/bundle"),
    ("hugo", "posts/_index.md", {}, "/posts"),
    ("jekyll", "_posts/2024-03-05-dose.md", {"categories": ["health"]}, "/health/2024/03/05/dose.html"),
    ("jekyll", "_posts/2024-03-05-dose.md", {"permalink": "/d/"}, "/d/"),
    ("jekyll", "about.md", {}, "/about.html"),
    ("jekyll", "guide/index.md", {}, "/guide/"),
    ("jekyll", "_recipes/soup.md", {}, "/recipes/soup/"),
    ("mkdocs", "guide/dosing.md", {}, "/guide/dosing/"),
    ("mkdocs", "guide/README.md", {}, "/guide/"),
    ("docusaurus", "docs/01-intro/02-setup.md", {}, "/docs/intro/setup"),
    ("docusaurus", "docs/guides/x.md", {"slug": "/faq"}, "/docs/faq"),
    ("docusaurus", "blog/2021-01-02-hello.md", {}, "/blog/2021/01/02/hello"),
    ("eleventy", "posts/a.md", {}, "/posts/a/"),
    ("eleventy", "posts/a.md", {"permalink": "/x/index.html"}, "/x/"),
    ("plain", "docs/setup.md", {}, "/docs/setup.md"),
])
def test_page_urls_by_generator(generator: str, rel: str, front: dict, main: str) -> None:
    found = UrlRules(generator).urls(rel, front)
    assert found is not None and found[0] == main


@pytest.mark.parametrize(("generator", "rel"), [
    ("jekyll", "_layouts/default.md"), ("jekyll", "_posts/undated.md"), ("docusaurus", "docs/_partial.md"),
    ("eleventy", "draft.md"),
])
def test_files_a_generator_does_not_publish(generator: str, rel: str) -> None:
    front = {"permalink": False} if generator == "eleventy" else {}
    assert UrlRules(generator).urls(rel, front) is None


def test_config_toml_alone_is_not_hugo(tmp_path: Path) -> None:
    (tmp_path / "config.toml").write_text("x = 1\n")
    assert detect([tmp_path]) is None
    (tmp_path / "content").mkdir()
    assert detect([tmp_path]) == ("hugo", tmp_path)


def test_relative_links_resolve_from_the_published_url(tmp_path: Path) -> None:
    """pmean-stats' case: text/14/b.md is published at /b/, so ../a/index.html is /a/."""
    (tmp_path / "14").mkdir()
    (tmp_path / "13").mkdir()
    (tmp_path / "13" / "a.md").write_text("---\ntitle: A\n---\nA\n")
    page = tmp_path / "14" / "b.md"
    page.write_text("---\ntitle: B\n---\n[earlier](../a/index.html) [gone](../c/index.html)\n")
    cfg = {"site": {"content_root": str(tmp_path), "permalinks": {"default": "/:slug"}}}
    report = lint_paths([str(page)], config=cfg, select=["link-broken"])
    assert [d.message.split(";")[0] for d in report] == [
        "Link to '../c/index.html' does not resolve to a page of this site"]


def test_url_base() -> None:
    from medlint.site.index import Page

    assert SiteIndex.url_base(Page(Path("/x"), "x", main_url="/posts/a")) == "/posts/a/"
    assert SiteIndex.url_base(Page(Path("/x"), "x", main_url="/about.html")) == "/"
    assert SiteIndex.url_base(None) == "/"


def test_a_content_root_without_pages_is_a_config_error(isolated: Path) -> None:
    """A relative content_root beside a config kept elsewhere indexed an empty site and
    reported every internal link as broken."""
    (isolated / "site" / "posts").mkdir(parents=True)
    (isolated / "site" / "posts" / "a.md").write_text("[b](/posts/b)\n")
    (isolated / "cfg").mkdir()
    (isolated / "cfg" / "medlint.yaml").write_text("site:\n  content_root: .\n")
    result = CliRunner().invoke(main, ["check", "--config", "cfg/medlint.yaml", "site"])
    assert result.exit_code == 2
    assert "medlint.yaml:2: site.content_root: no pages under" in result.stderr
    (isolated / "cfg" / "medlint.yaml").write_text("site:\n  content_root: nowhere\n")
    result = CliRunner().invoke(main, ["check", "--config", "cfg/medlint.yaml", "site"])
    assert result.exit_code == 2 and "site.content_root: folder not found" in result.stderr


@pytest.mark.parametrize("site", ["folder-pages"], indirect=True)
def test_fragments_share_disclaimers_and_definitions(site: Path) -> None:
    """treatment.md gives advice and uses ORS; overview.md, a fragment of the same page,
    defines ORS and carries the disclaimer."""
    rules = ["disclaimer-missing", "acronym-undefined"]
    assert lint_paths(["content"], select=rules).diagnostics == []
    apart = {"site": {"content_root": "content", "folder_pages": ["manifest.json"]}}
    found = [(d.path, d.rule) for d in lint_paths(["content"], config=apart, select=rules)]
    assert found == [("content/conditions/dehydration/treatment.md", "disclaimer-missing"),
                     ("content/conditions/dehydration/treatment.md", "acronym-undefined")]


def test_permalinks_and_docs_dir_from_the_generators_config(tmp_path: Path) -> None:
    (tmp_path / "content" / "posts").mkdir(parents=True)
    (tmp_path / "hugo.toml").write_text('[permalinks]\nposts = "/:year/:slug/"\n')
    (tmp_path / "content" / "posts" / "a.md").write_text("---\ntitle: A\ndate: 2024-05-06\n---\nA\n")
    index = build_site({}, tmp_path, [str(tmp_path / "content")])
    assert index.find_page("/2024/a/") is not None
    assert index.find_page("/posts/a") is None  # Hugo publishes it at the pattern's URL only

    (tmp_path / "hugo.toml").unlink()
    (tmp_path / "mkdocs.yml").write_text("site_name: x\ndocs_dir: pages\n")
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "guide.md").write_text("# Guide\n")
    index = build_site({}, tmp_path, [str(tmp_path / "pages")])
    assert index.generator == "mkdocs" and index.root == (tmp_path / "pages").resolve()
    assert index.find_page("/guide/") is not None


def test_mkdocs_config_with_python_and_env_tags_keeps_docs_dir(tmp_path: Path) -> None:
    """mkdocs-material configs name Python objects and environment variables by YAML tags;
    a safe loader failed on them and lost docs_dir (every absolute link read as broken)."""
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: x\ndocs_dir: pages\nsite_url: !ENV [SITE_URL, 'https://example.org']\n"
        "markdown_extensions:\n  - pymdownx.emoji:\n"
        "      emoji_index: !!python/name:material.extensions.emoji.twemoji\n")
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "guide.md").write_text("# Guide\n")
    index = build_site({}, tmp_path, [str(tmp_path / "pages")])
    assert index.generator == "mkdocs" and index.root == (tmp_path / "pages").resolve()
    assert index.find_page("/guide/") is not None


def test_a_deeply_nested_generator_config_is_read_as_no_settings(tmp_path: Path) -> None:
    """A generator's config nested past medlint's YAML depth limit loses its settings, never the run."""
    from medlint.site.generators import read_settings

    (tmp_path / "mkdocs.yml").write_text("docs_dir: pages\nextra: " + "[" * 3000 + "]" * 3000 + "\n")
    assert read_settings("mkdocs", tmp_path) == {}
    (tmp_path / "mkdocs.yml").write_text("docs_dir: pages\nextra: [[1]]\n")
    assert read_settings("mkdocs", tmp_path) == {"docs_dir": "pages"}


def test_an_oversized_generator_config_is_read_as_no_settings(tmp_path: Path) -> None:
    """A generator config past MAX_GENERATOR_CONFIG is not read into memory: its settings are lost, never the run."""
    from medlint.site.generators import MAX_GENERATOR_CONFIG, read_settings

    (tmp_path / "mkdocs.yml").write_text("docs_dir: pages\n# " + "x" * MAX_GENERATOR_CONFIG + "\n")
    assert read_settings("mkdocs", tmp_path) == {}
    (tmp_path / "mkdocs.yml").write_text("docs_dir: pages\n# small\n")
    assert read_settings("mkdocs", tmp_path) == {"docs_dir": "pages"}


@pytest.mark.parametrize("rel", ["posts/a.md", "a.md", "a/b/c.x.md", "a/.hidden", "a/b.", "a/...", "index.md",
                                 "./a/b.md", "a//b.md", "/a/b.md", "a/b/", "a/./b.md", "a/../b.md", "a b/c d.md"])
def test_hugo_urls_by_strings_equal_pathlibs(rel: str) -> None:
    """Hugo's URLs come from string splitting (a site index does it per page); they are
    the ones pathlib's parts give."""
    from pathlib import PurePosixPath

    from medlint.site.generators import _folders_and_stem

    path = PurePosixPath(rel)
    assert _folders_and_stem(rel) == (list(path.parent.parts), path.stem)
    rules = UrlRules("hugo", {"posts": "/:year/:slug"})
    front = {"slug": "s", "date": "2020-01-02", "aliases": ["/old"]}
    assert rules.urls(rel, front) == rules._hugo(path, front)


@pytest.mark.parametrize("generator,permalinks", [
    ("hugo", None), ("hugo", {"posts": "/:year/:slug/"}), ("hugo", {"default": "/:slug"}),
    ("jekyll", None), ("mkdocs", None),
])
def test_path_main_is_the_main_url_with_no_front_matter(generator: str, permalinks: dict[str, str] | None) -> None:
    """``path_main`` (a broken link's "did you mean" asks it of every page) is ``urls(rel, {})[0]``."""
    rules = UrlRules(generator, permalinks)
    rels = ["index.md", "_index.md", "About.md", "posts/_index.md", "posts/index.md", "posts/Iron-Dosing.md",
            "posts/2021/zinc.markdown", "posts/Bundle/index.md", "docs/a.b.md", "_posts/2020-01-02-title.md",
            "notes/.hidden.md", "posts/x/_index.md"]
    for rel in rels:
        found = rules.urls(rel, {})
        assert rules.path_main(rel) == (found[0] if found is not None else None), rel

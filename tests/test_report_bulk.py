"""Bulk groups: broken link targets grouped by pattern, with counts and an evident rewrite."""
from __future__ import annotations

from medlint.diagnostic import Diagnostic
from medlint.report.bulk import Group, bulk_groups, split_pattern


def broken(path: str, target: str, suggestion: str | None = None, rule: str = "link-broken") -> Diagnostic:
    hint = f"; did you mean '{suggestion}'?" if suggestion else ""
    message = f"Link to '{target}' does not resolve to a page of this site{hint}"
    return Diagnostic(path, 3, 1, 3, 10, rule, "error", message)


def test_split_pattern_keeps_folder_and_extension() -> None:
    assert split_pattern("/tags/a-b.html") == ("/tags/", "a-b", ".html")
    assert split_pattern("/posts/slug/") == ("/posts/", "slug", "")
    assert split_pattern("/posts/slug?x=1#top") == ("/posts/", "slug", "")
    assert split_pattern("../images/scan.png") == ("../images/", "scan", ".png")
    # At the root there is no folder to stand for the group: an exact target.
    assert split_pattern("/tiki-index.php") is None
    assert split_pattern("1") is None


def test_groups_by_pattern_counting_links_and_pages() -> None:
    diagnostics = [
        broken("a.md", "/tags/one.html"), broken("a.md", "/tags/two.html"), broken("a.md", "/tags/one.html"),
        broken("b.md", "/tags/three.html"), broken("c.md", "/tags/one.html"),
        broken("a.md", "/tiki-index.php"), broken("b.md", "/tiki-index.php"),
        broken("a.md", "/forum/only-once.html"),  # a group of one link is no bulk problem
        Diagnostic("a.md", 1, 1, 1, 2, "spelling", "warning", "Unknown word 'teh'"),
    ]
    groups = bulk_groups(diagnostics)
    assert groups == [
        Group("link-broken", "/tags/*.html", links=5, pages=3, targets=3,
              examples=["/tags/one.html", "/tags/two.html", "/tags/three.html"]),
        Group("link-broken", "/tiki-index.php", links=2, pages=2, targets=1, examples=["/tiki-index.php"]),
    ]


def test_a_pattern_with_one_target_is_shown_as_that_target() -> None:
    groups = bulk_groups([broken("a.md", "/old/page.html"), broken("b.md", "/old/page.html")])
    assert [(g.pattern, g.targets) for g in groups] == [("/old/page.html", 1)]


def test_rewrite_when_most_suggestions_keep_the_variable_part() -> None:
    diagnostics = [
        broken("a.md", "/tags/one.html", "/posts/one"), broken("b.md", "/tags/two.html", "/posts/two"),
        broken("c.md", "/tags/three.html", "/posts/tree"),  # a fuzzy suggestion, not the same slug
        broken("d.md", "/tags/one.html", "/posts/one"),
    ]
    [group] = bulk_groups(diagnostics)
    assert (group.pattern, group.rewrite) == ("/tags/*.html", "/posts/*")


def test_no_rewrite_when_suggestions_disagree_or_are_few() -> None:
    fuzzy = [broken("a.md", "/tags/one.html", "/posts/won"), broken("b.md", "/tags/two.html", "/posts/too"),
             broken("c.md", "/tags/six.html", "/posts/six")]
    assert bulk_groups(fuzzy)[0].rewrite is None  # one agreeing target of three is not "most"
    unsure = [broken("a.md", "/x.php", "/y"), broken("b.md", "/x.php", "/z")]
    assert bulk_groups(unsure)[0].rewrite is None
    agreed = [broken("a.md", "/x.php", "/y"), broken("b.md", "/x.php", "/y")]
    assert bulk_groups(agreed)[0].rewrite == "/y"


def test_rules_are_kept_apart_and_selectable() -> None:
    diagnostics = [broken("a.md", "/files/a.pdf", rule="link-asset"), broken("b.md", "/files/b.pdf", rule="link-asset"),
                   broken("a.md", "/files/c.pdf"), broken("b.md", "/files/d.pdf")]
    assert [(g.rule, g.links) for g in bulk_groups(diagnostics)] == [("link-asset", 2), ("link-broken", 2)]
    assert [g.rule for g in bulk_groups(diagnostics, rules=["link-asset"])] == ["link-asset"]
    assert len(bulk_groups(diagnostics, min_links=3)) == 0


def test_targets_holding_quotes_are_read_whole() -> None:
    diagnostics = [broken("a.md", "/tags/it's.html", "/posts/it's"), broken("b.md", "/tags/it's.html", "/posts/it's")]
    [group] = bulk_groups(diagnostics)
    assert (group.pattern, group.rewrite) == ("/tags/it's.html", "/posts/it's")

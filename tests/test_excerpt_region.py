"""The section under a heading that links to another site's page is that page's text (reposted
without quotation marks): a ``reproduced`` region (``excerpt``, its old name, still works in
``skip:``), so rules that skip it leave its abbreviations and doses to it, and still read the
page's own section after it."""
from __future__ import annotations

import pytest

from medlint import lint_text
from medlint.document import Document
from medlint.regions import REGION_KINDS
from medlint.reproduced import in_reproduced

RULES = ["acronym-undefined", "dose-above-upper-limit"]
#: A config that chooses the region by its old name.
SKIPPING = {"rules": {"acronym-undefined": {"skip": ["reference", "quotation", "byline", "code-like", "excerpt"]}}}


def page(html: bool, outside: str = "https://news.example.org/2013/falls", own_level: int = 2,
         own_title: str = "Our own view") -> str:
    """A reposted article under a heading linking to *outside*, a sub-heading of its own, then
    the page's own section (a heading of level *own_level* without a link)."""
    excerpt = "The XQZR panel advised 50,000 IU of vitamin D daily for falls."
    inner = "The WVTS group agreed."
    own = "The PQRW group says take 50,000 IU of vitamin D daily."
    if html:
        return (f'<h2><a href="{outside}">Vitamin D and falls in the elderly</a> press release</h2>\n'
                f"<p>{excerpt}</p>\n<h3>Methods</h3>\n<p>{inner}</p>\n"
                f"<h{own_level}>{own_title}</h{own_level}>\n<p>{own}</p>\n")
    return (f"## [Vitamin D and falls in the elderly]({outside}) press release\n\n{excerpt}\n\n"
            f"### Methods\n\n{inner}\n\n{'#' * own_level} {own_title}\n\n{own}\n")


def reported(text: str, html: bool, config: object = None) -> list[tuple[str, str]]:
    path = "x.html" if html else "x.md"
    return sorted((d.rule, text.splitlines()[d.line - 1][d.column - 1:].split()[0].strip(".,"))
                  for d in lint_text(text, path=path, select=RULES, config=SKIPPING if config is None else config))


def test_reproduced_is_a_region_kind_and_excerpt_its_old_name() -> None:
    assert "reproduced" in REGION_KINDS and "excerpt" in REGION_KINDS


@pytest.mark.parametrize("html", [False, True])
def test_the_excerpt_is_a_region_up_to_the_pages_own_section(html: bool) -> None:
    text = page(html)
    doc = Document.from_text(text, path="x.html" if html else "x.md")
    spans = [doc.prose_of(r.start, r.end) for r in doc.regions if r.kind == "reproduced"]
    assert len(spans) == 1
    assert "XQZR" in spans[0] and "WVTS" in spans[0]  # its own sub-heading stays in it
    assert "PQRW" not in spans[0] and "Vitamin D and falls" not in spans[0]  # the heading is the page's
    assert in_reproduced(doc, text.index("XQZR")) and not in_reproduced(doc, text.index("PQRW"))


@pytest.mark.parametrize("html", [False, True])
@pytest.mark.parametrize("level", [1, 2])
def test_excerpts_abbreviations_and_doses_are_not_reported_the_pages_own_are(html: bool, level: int) -> None:
    assert reported(page(html, own_level=level), html) == [
        ("acronym-undefined", "PQRW"), ("dose-above-upper-limit", "50,000")]


@pytest.mark.parametrize("html", [False, True])
def test_a_deeper_heading_stays_in_the_excerpt_unless_it_names_the_writers_comment(html: bool) -> None:
    assert reported(page(html, own_level=3, own_title="Falls in care homes"), html) == []
    assert reported(page(html, own_level=3), html) == [("acronym-undefined", "PQRW"), ("dose-above-upper-limit", "50,000")]


@pytest.mark.parametrize("html", [False, True])
def test_a_relative_link_heading_is_no_excerpt(html: bool) -> None:
    found = reported(page(html, outside="/posts/falls"), html)
    assert ("acronym-undefined", "XQZR") in found and ("acronym-undefined", "PQRW") in found
    assert [r for r, _ in found].count("dose-above-upper-limit") == 2
    doc = Document.from_text(page(html, outside="/posts/falls"), path="x.html" if html else "x.md")
    assert not [r for r in doc.regions if r.kind == "reproduced"]


@pytest.mark.parametrize("html", [False, True])
def test_a_config_that_reads_excerpts_reports_them_again(html: bool) -> None:
    config = {"rules": {rule: {"skip": ["reference", "quotation"]} for rule in RULES}}
    found = reported(page(html), html, config)
    assert ("acronym-undefined", "XQZR") in found
    assert [r for r, _ in found].count("dose-above-upper-limit") == 2


def test_a_page_without_an_outside_link_computes_no_excerpt() -> None:
    doc = Document.from_text("# Title\n\n## Section\n\nThe ABCD test.\n", path="x.md")
    assert not in_reproduced(doc, 20)
    assert doc.cache["regions.reproduced"] == []


@pytest.mark.parametrize("html", [False, True])
@pytest.mark.parametrize("title", ["See also", "Notes"])
def test_a_see_also_or_notes_heading_of_any_depth_ends_the_excerpt(html: bool, title: str) -> None:
    text = page(html, own_level=3).replace("Our own view", title)
    assert reported(text, html) == [("acronym-undefined", "PQRW"), ("dose-above-upper-limit", "50,000")]


@pytest.mark.parametrize("html", [False, True])
def test_bundled_rules_skip_the_excerpt_and_read_the_pages_own_section(html: bool) -> None:
    found = reported(page(html), html, config={})
    assert found == [("acronym-undefined", "PQRW"), ("dose-above-upper-limit", "50,000")]


@pytest.mark.parametrize("text, path", [
    ("## How much to take ([NIH](https://ods.example.gov/x))\n\nAdults should take 20,000 IU of vitamin D daily.\n", "x.md"),
    ("<h2>How much to take (<a href='https://ods.example.gov/x'>NIH</a>)</h2>"
     "<p>Adults should take 20,000 IU of vitamin D daily.</p>", "x.html"),
])
def test_a_one_word_source_in_a_heading_opens_no_excerpt(text: str, path: str) -> None:
    """A source named in passing in the page's own heading does not make its section another site's text."""
    from medlint import lint_text

    assert [d.rule for d in lint_text(text, path=path, config={}, select=["dose-above-upper-limit"])] == [
        "dose-above-upper-limit"]

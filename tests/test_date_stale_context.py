"""date-stale and sensational-language read only what the page claims now (issue 16): a
relative word in a sentence that names the page's time, in a story told in the past, in a
span of decades, in generic instructions ("any recent version", "currently open"), in a
paper's title copied as a heading, or in a section excerpted from the page a heading links
to; "as of <date>" is told to update the figure, never to "say when". The true cases stay."""
from __future__ import annotations

import pytest

from medlint import lint_text

OLD_MD = "---\ntitle: x\ndate: 2011-07-08\n---\n"
OLD_HTML = "+++\ntitle = \"x\"\ndate = 2011-07-08\n+++\n"


def found(body: str, rule: str = "date-stale", html: bool = False) -> list[str]:
    """The matched words the rule reports on an old page written in Markdown or HTML."""
    text = (OLD_HTML if html else OLD_MD) + body
    return [d.message.split("'")[1] for d in lint_text(text, path="x.html" if html else "x.md", config={},
                                                         select=[rule])]


def para(text: str, html: bool) -> str:
    return f"<p>{text}</p>\n" if html else f"{text}\n\n"


@pytest.mark.parametrize("html", [False, True])
def test_a_sentence_that_names_the_pages_time_dates_its_relative_word(html: bool) -> None:
    assert found(para("The recent meta-analysis of 2011 found no benefit.", html), html=html) == []
    assert found(para("We apply for the 2011 cycle. This year, we stress planning.", html), html=html) == []
    assert found(para("I am currently scheduled to speak on June 6, 2011.", html), html=html) == []
    # An amount is no year, and an earlier year dates a past event, not "currently".
    assert found(para("A 2000 IU dose was recently tested.", html), html=html) == ["recently"]
    assert found(para("In 1998 she joined the practice, where she currently works.", html), html=html) == ["currently"]
    assert found(para("My degree came in 1982. I currently teach statistics.", html), html=html) == ["currently"]


@pytest.mark.parametrize("html", [False, True])
def test_past_narrative_spans_and_generic_senses_are_no_claim_about_now(html: bool) -> None:
    body = "".join(para(t, html) for t in [
        "They were currently working on a data portal when we met.",
        "Smallpox was common until recent centuries.",
        "The script needs R 4.1 or any recent version.",
        "The importer cannot read a workbook that is currently open in another program.",
    ])
    assert found(body, html=html) == []
    assert found(para("They are currently working on a data portal.", html), html=html) == ["currently"]
    assert found(para("Obesity has doubled in recent years.", html), html=html) == ["recent"]
    assert found(para("I could not find any recent information on the group.", html), html=html) == ["recent"]


@pytest.mark.parametrize("html", [False, True])
def test_a_papers_title_as_a_heading_is_the_papers(html: bool) -> None:
    title = "Rising incidence of type 1 diabetes in children: a review of recent evidence."
    heading = f"<h4>{title}</h4>\n" if html else f"#### {title}\n\n"
    assert found(heading, html=html) == []
    own = "<h2>Recent increase in rickets</h2>\n" if html else "## Recent increase in rickets\n\n"
    assert found(own, html=html) == ["Recent"]


@pytest.mark.parametrize("html", [False, True])
def test_a_section_under_a_heading_linking_elsewhere_is_that_pages_excerpt(html: bool) -> None:
    link = '<a href="https://news.example.org/2011/vitamin-d-and-falls">Vitamin D cuts falls in care homes</a>'
    md_link = "[Vitamin D cuts falls in care homes](https://news.example.org/2011/vitamin-d-and-falls)"
    if html:
        body = (f"<h3>{link}</h3>\n<p>Recent trials agree, and studies show fewer falls.</p>\n"
                "<h3>Our comment</h3>\n<p>Recent trials agree.</p>\n")
    else:
        body = (f"### {md_link}\n\nRecent trials agree, and studies show fewer falls.\n\n"
                "### Our comment\n\nRecent trials agree.\n")
    assert found(body, html=html) == ["Recent"]  # only the page's own comment
    assert found(body, "sensational-language", html=html) == []
    off = {"rules": {"date-stale": {"skip": ["quotation", "reference"], "options": {"excerpts": False}}}}
    text = (OLD_HTML if html else OLD_MD) + body
    assert len(lint_text(text, path="x.html" if html else "x.md", config=off, select=["date-stale"])) == 2


@pytest.mark.parametrize("html", [False, True])
def test_a_heading_that_only_names_a_site_or_links_within_it_is_no_excerpt(html: bool) -> None:
    if html:
        body = ('<h4><a href="https://www.pills.example.com">www.pills.example.com</a></h4>\n'
                "<p>Each ingredient is proven to reduce skin ageing.</p>\n"
                '<h4><a href="/posts/falls">Falls in care homes</a></h4>\n<p>Recent trials agree.</p>\n')
    else:
        body = ("#### [www.pills.example.com](https://www.pills.example.com)\n\n"
                "Each ingredient is proven to reduce skin ageing.\n\n"
                "#### [Falls in care homes](/posts/falls)\n\nRecent trials agree.\n")
    assert found(body, html=html) == ["Recent"]
    assert found(body, "sensational-language", html=html) == ["proven to"]


def test_as_of_a_date_is_told_to_update_not_to_say_when() -> None:
    messages = [d.message for d in lint_text("101 items as of July 2011\n", path="x.md", config={},
                                              select=["date-stale"])]
    assert len(messages) == 1 and "say when" not in messages[0] and "update" in messages[0]
    assert "years ago" in messages[0]
    relative = [d.message for d in lint_text(OLD_MD + "Recently, low BMD was measured.\n", path="x.md", config={},
                                              select=["date-stale"])]
    assert relative == ["'Recently' on a page dated 2011: name the year it means, or review the page and update it"]


@pytest.mark.parametrize("html", [False, True])
def test_the_paragraph_just_above_or_below_can_give_the_time(html: bool) -> None:
    above = para("I will resubmit the grant for the 2011 cycle.", html) + para("This year, we stress planning.", html)
    assert found(above, html=html) == []
    below = para("Other recent articles have lessons too.", html) + para("In a 2000 review, Lee showed gains.", html)
    assert found(below, html=html) == []
    # Not a publication: the year below dates something else.
    unrelated = para("The recent controversies matter.", html) + para("In 2000, Lee showed gains.", html)
    assert found(unrelated, html=html) == ["recent"]
    # An earlier year above dates a past event, not "currently".
    earlier = para("I joined the clinic in 1996.", html) + para("Currently I teach statistics.", html)
    assert found(earlier, html=html) == ["Currently"]


@pytest.mark.parametrize("html", [False, True])
def test_an_earlier_year_dates_a_clause_told_in_the_past(html: bool) -> None:
    story = "A 1995 editorial argued that the trials they were running in recent years were too small."
    assert found(para(story, html), html=html) == []
    now = "The paper appeared in 1990, though I have not tested the program recently."
    assert found(para(now, html), html=html) == ["recently"]


@pytest.mark.parametrize("html", [False, True])
def test_a_heading_that_dates_its_section_dates_its_currently(html: bool) -> None:
    dated = "<h3>Answer from a chatbot, Jan 2024</h3>\n" if html else "### Answer from a chatbot, Jan 2024\n\n"
    undated = "<h3>Answer from a chatbot</h3>\n" if html else "### Answer from a chatbot\n\n"
    body = para("Currently, there is no cure.", html)
    assert found(dated + body, html=html) == []
    assert found(undated + body, html=html) == ["Currently"]


def test_the_newest_version_of_a_package_is_no_claim_about_now() -> None:
    assert found("I skipped the most recent dplyr package updates.\n") == []
    assert found("I skipped the recent dplyr package updates.\n") == ["recent"]


@pytest.mark.parametrize("html", [False, True])
def test_a_heading_that_says_more_than_an_address_opens_an_excerpt(html: bool) -> None:
    if html:
        heading = ('<h3>Notes on <a href="https://blog.example.org/">https://blog.example.org/</a> '
                   "and its figures</h3>\n")
    else:
        heading = "### Notes on [https://blog.example.org/](https://blog.example.org/) and its figures\n\n"
    text = (OLD_HTML if html else OLD_MD) + heading + para("The lab is currently running trials.", html)
    path = "x.html" if html else "x.md"
    assert lint_text(text, path=path, config={}, select=["date-stale"]) == []
    off = {"rules": {"date-stale": {"skip": ["quotation", "reference"], "options": {"excerpts": False}}}}
    assert len(lint_text(text, path=path, config=off, select=["date-stale"])) == 1


def test_currently_said_of_the_reader_is_the_readers_present() -> None:
    assert found("Try one habit that you are not currently practising.\n") == []
    assert found("Keep the habits you're currently practising.\n") == []
    assert found("We are currently recruiting patients.\n") == ["currently"]


@pytest.mark.parametrize("html", [False, True])
def test_a_paragraph_written_with_its_sources_is_in_a_papers_voice(html: bool) -> None:
    review = ("Testing doubled over five years (12). In contrast, a recent audit in Leeds found low "
              "levels in most patients.")
    assert found(para(review, html), html=html) == []
    own = "I wrote on this before (Lee and Park 2003). Also see a recent post on my blog."
    assert found(para(own, html), html=html) == ["recent"]
    uncited = "Testing doubled over five years. In contrast, a recent audit in Leeds found low levels."
    assert found(para(uncited, html), html=html) == ["recent"]


def test_a_long_heading_is_read_once() -> None:
    """The paper-title test reads a heading's end, not the heading again from every word (a 40 KB
    heading took over 20 s)."""
    heading = "## recently " + "word " * 8000 + "\n\n"
    assert found(OLD_MD + heading + "Some text.\n") == ["recently"]

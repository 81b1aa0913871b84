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
    long_heading = "## recently " + "word " * 8000 + "\n\n"
    # (found() adds the front matter; a second copy in the body would be text naming 2011 above the heading)
    assert found(long_heading + "Some text.\n") == ["recently"]


def heading(text: str, html: bool) -> str:
    return f"<h2>{text}</h2>\n" if html else f"## {text}\n\n"


@pytest.mark.parametrize("html", [False, True])
def test_a_dateline_at_the_top_of_a_post_dates_its_relative_words(html: bool) -> None:
    """A blog entry or news item that opens with its date is read against it, as a dated title is."""
    body = para("There has been no free time recently.", html)
    assert found(para("Slow progress on the weblog (November 25, 2011)", html) + body, html=html) == []
    assert found(para("Posted on 3 Dec 2011 by the editor.", html) + body, html=html) == []
    assert found(para("Here is a revision of a note I wrote back in 2011.", html) + body, html=html) == []
    assert found(heading("Slow progress", html) + para("2011-11-25", html) + body, html=html) == []
    # No date at the top, a date in a link to an earlier entry, or a date the text speaks of: still reported.
    assert found(para("Slow progress on the weblog", html) + body, html=html) == ["recently"]
    link = '<a href="/old">My application (September 5, 2011)</a>' if html else "[My application (September 5, 2011)](/old)"
    assert found(para(f"In earlier entries: {link}.", html) + para("Other notes.", html) + body,
                 html=html) == ["recently"]
    assert found(para("The move is planned for July 2012, not before.", html)
                 + para("Other notes.", html) + body, html=html) == ["recently"]
    # A date from another year is some other event's.
    assert found(para("Slow progress on the weblog (November 25, 2005)", html) + body, html=html) == ["recently"]


@pytest.mark.parametrize("html", [False, True])
def test_as_of_in_history_or_a_dated_snapshot_heading_is_no_stale_figure(html: bool) -> None:
    assert found(para("It seemed settled as of 1964 that the vitamin acted as a hormone.", html), html=html) == []
    assert found(heading("Workshop programme as of Spring 2011", html) + para("Talks.", html), html=html) == []
    assert found(heading("Photos of the test kit as of Feb 2012", html) + para("Pictures.", html), html=html) == []
    # A figure in the heading, a later update, or a figure in a sentence: still to be updated.
    assert found(heading("1830 items as of Oct 2011", html), html=html) == ["as of Oct 2011"]
    assert found(heading("Cited 97 times as of May 2011", html), html=html) == ["as of May 2011"]
    assert found(heading("Clinic news as of July 2019", html), html=html) == ["as of July 2019"]
    assert found(para("The search finds 47 items as of Jan 2011.", html), html=html) == ["as of Jan 2011"]


@pytest.mark.parametrize("html", [False, True])
def test_generic_senses_the_reader_or_a_group_or_fresh_work(html: bool) -> None:
    body = "".join(para(t, html) for t in [
        "Think of the individual patient currently sitting in front of you.",
        "Find a niche that is currently unused and write for it, if you blog.",
        "Would people who have recently flown notice the effect?",
        "Patients who were recently discharged need a call.",
        "The small groups suggest a new study with a different design.",
        "The paper could be the starting point for a new research grant.",
        "The money pays for new research projects on campus.",
    ])
    assert found(body, html=html) == []
    assert found(para("They are currently working on a data portal.", html), html=html) == ["currently"]
    assert found(para("I recently flew to a conference on rickets.", html), html=html) == ["recently"]
    assert found(para("A new study found fewer falls.", html), html=html) == ["new study"]
    assert found(para("New research shows a benefit.", html), html=html) == ["New research"]
    assert found(para("You may have read that recent trials disagree.", html), html=html) == ["recent"]
    assert found(para("I read about recent developments and not so recent ones.", html), html=html) == ["recent"]


@pytest.mark.parametrize("html", [False, True])
def test_this_book_under_its_citation_and_people_in_a_role(html: bool) -> None:
    cite = para("Institute of Medicine. 2010. Designing better trials. Washington: Academies Press.", html)
    assert found(cite + para("This book outlines recent changes in trial methods.", html), html=html) == []
    assert found(para("We spoke to people who are currently in that job.", html), html=html) == []
    # No year above, or no "this book": the reader cannot tell when.
    assert found(para("I liked a book on trials by the Institute.", html)
                 + para("This book outlines recent changes in trial methods.", html), html=html) == ["recent"]
    assert found(para("We are currently in that job.", html), html=html) == ["currently"]


@pytest.mark.parametrize("html", [False, True])
def test_a_readers_letter_the_page_answers_is_the_writers(html: bool) -> None:
    letter = "<em>Dear Professor Plum, I have recently run a survey of nurses.</em>" if html else \
        "*Dear Professor Plum, I have recently run a survey of nurses.*"
    assert found(para(letter, html), html=html) == []
    # The page's own words to its readers are still its own.
    assert found(para("Dear Reader, I recently moved the site to a new host.", html), html=html) == ["recently"]
    assert found(para(letter, html) + para("Other notes.", html) + para("I recently ran one too.", html),
                 html=html) == ["recently"]


def test_this_publication_is_searched_once_per_sentence_with_the_same_answers() -> None:
    """The incremental search for "this book" gives the answers a fresh search of the sentence would."""
    import random

    from medlint.document import Document
    from medlint.kinds import freshness

    rng = random.Random(7)
    words = ["this", "these", "book", "articles", "recent", "new", "study", "the", "a", "review", "of", "x" * 12]
    for _ in range(200):
        text = " ".join(rng.choice(words) for _ in range(rng.randint(5, 80))) + "\n"
        doc = Document.from_text(text, "x.md", "markdown")
        ends = sorted(rng.sample(range(1, len(text)), min(8, len(text) - 1)))
        for end in ends:
            expected = freshness._THIS_PUBLICATION.search(doc.prose, 0, end) is not None
            assert freshness._publication_named(doc, 0, end) == expected, (text, end)


@pytest.mark.parametrize("html", [False, True])
def test_everyday_senses_of_recent_claim_no_date(html: bool) -> None:
    body = "".join(para(t, html) for t in [
        "Send two letters of support and a recent CV.",
        "The most recent data points on the chart lie below the centre line.",
        "Has there been any recent change in the enrolment rate?",
        "The grant reviews triage as it is currently practiced in clinics.",
    ])
    assert found(body, html=html) == []
    # A stale claim beside them is still reported, and a question that presumes its subject is read.
    assert found(para("Recent trials found fewer falls.", html), html=html) == ["Recent"]
    assert found(para("Did you see the recent report on falls?", html), html=html) == ["recent"]
    assert found(para("As currently practiced, triage misses sepsis.", html), html=html) == ["currently"]


@pytest.mark.parametrize("html", [False, True])
def test_a_person_described_by_what_they_recently_did_is_no_claim(html: bool) -> None:
    assert found(para("A reader who recently graduated from our course sent me a question.", html),
                 html=html) == []
    assert found(para("A colleague who has recently retired wrote to me.", html), html=html) == []
    assert found(para("I advised two recent graduates on their models.", html), html=html) == []
    assert found(para("We recently graduated our first class.", html), html=html) == ["recently"]


@pytest.mark.parametrize("html", [False, True])
def test_a_date_given_right_there_dates_the_phrase(html: bool) -> None:
    # A publication's year earlier in the sentence.
    assert found(para("Another article, written in 2003, talks about recent growth of the firm.", html),
                 html=html) == []
    assert found(para("A 2004 report describes recent changes in screening.", html), html=html) == []
    # The article the paragraph names is cited just below, with its date, past a "more" marker.
    body = (para("Just recently, the insurers agreed a new deal. This article describes the agreement.", html)
            + "<!--more-->\n\n"
            + para("Jane Roe. A deal on access. Health News, 2010-03-17.", html))
    assert found(body, html=html) == []
    # A year that dates no publication, or no citation below, leaves "recent" undated.
    assert found(para("Since 2003 the firm has seen recent growth.", html), html=html) == ["recent"]
    assert found(para("Just recently, the insurers agreed a new deal.", html), html=html) == ["recently"]


@pytest.mark.parametrize("html", [False, True])
def test_as_of_in_quoted_words_or_on_a_historical_page_is_not_reported(html: bool) -> None:
    quoted = para('The encyclopedia calls it "a registry launched in 2004. As of July 2011, it lists 900 sites."',
                  html)
    assert found(quoted, html=html) == []
    note = para("Note: this page is kept for its historical perspective; some links are obsolete.", html)
    assert found(note + para("The latest release (as of 2011-07-08) is 3.2.", html), html=html) == []
    assert found(para("The latest release (as of 2011-07-08) is 3.2.", html), html=html) == ["as of 2011"]


@pytest.mark.parametrize("html", [False, True])
def test_a_made_up_case_happens_whenever_it_is_told(html: bool) -> None:
    story = "I tell a fictional story. A student brings me a recently published paper on sepsis."
    assert found(para(story, html), html=html) == []
    assert found(para("Suppose a patient recently had a fall at home.", html), html=html) == []
    assert found(para("A student brought me a recently published paper on sepsis.", html), html=html) == ["recently"]


@pytest.mark.parametrize("html", [False, True])
def test_an_introduction_whose_items_give_their_dates_is_dated(html: bool) -> None:
    intro = para("I keep track of several recent initiatives. Here are the details.", html)
    items = "".join(para(t, html) for t in ["A clinic opened in May 2010.", "A registry began in January 2011."])
    assert found(intro + items, html=html) == []
    # Undated items, or no introduction, leave "recent" undated.
    plain = "".join(para(t, html) for t in ["A clinic opened.", "A registry began."])
    assert found(intro + plain, html=html) == ["recent"]
    assert found(para("Several recent initiatives changed care.", html) + items, html=html) == ["recent"]


@pytest.mark.parametrize("html", [False, True])
def test_a_reference_number_into_the_pages_reference_list_dates_the_sentence(html: bool) -> None:
    refs = ("<h2>References</h2>\n<ol><li>Roe J. Letter. Am J Med 2010;1:2.</li></ol>\n" if html
            else "## References\n\n1. Roe J. Letter. Am J Med 2010;1:2.\n")
    sentence = para("A recent reader's letter (1) exposes a flaw in peer review.", html)
    assert found(sentence + refs, html=html) == []
    # Without a reference list "(1)" is an enumeration, and the sentence stays undated.
    assert found(sentence, html=html) == ["recent"]


def heading(text: str, html: bool, level: int = 2) -> str:
    return f"<h{level}>{text}</h{level}>\n" if html else f"{'#' * level} {text}\n\n"


@pytest.mark.parametrize("html", [False, True])
def test_a_dateline_or_publication_date_in_the_section_dates_it(html: bool) -> None:
    item = para("Zinc is a trace element.", html) + heading("Zinc lozenges in the news", html) + para(
        "Harbour Daily, 4 June 2011", html) + para(
        "June 4, 2011", html) + para("The makers are currently testing a sugar-free lozenge.", html)
    assert found(item, html=html) == []
    colophon = heading("Zinc and colds: a practical guide", html) + para(
        "The panel is currently revising the reference intakes for zinc.", html) + para(
        "Edition: 2 Publication date: March 2011; next review: March 2014", html)
    assert found(colophon, html=html) == []
    # An older date, or none, leaves "currently" undated; a date in another section dates nothing here.
    old = para("Zinc is a trace element.", html) + heading("Zinc lozenges in the news", html) + para("June 4, 2006", html) + para(
        "The makers are currently testing a sugar-free lozenge.", html)
    assert found(old, html=html) == ["currently"]
    apart = para("Zinc is a trace element.", html) + heading("News", html) + para("June 4, 2011", html) + heading("Our advice", html) + para(
        "The makers are currently testing a sugar-free lozenge.", html)
    assert found(apart, html=html) == ["currently"]


@pytest.mark.parametrize("html", [False, True])
def test_text_around_the_sites_notes_is_the_source_it_carries(html: bool) -> None:
    carried = heading("Why one runner skips iron tablets", html) + para(
        "Ferritin was recently linked to stamina in two small cohorts.", html) + para(
        "{Note by HealthWiki: both cohorts were under 40 people}", html) + para(
        "So I stopped the tablets and felt no different.", html)
    assert found(carried, html=html) == []
    bracketed = carried.replace("{Note by HealthWiki:", "[Editor's note:").replace("people}", "people]")
    assert found(bracketed, html=html) == []
    # The note itself is the site's, and a section with no note is the writer's own.
    note = heading("Iron", html) + para("{Note by HealthWiki: a recent trial found no effect}", html)
    assert found(note, html=html) == ["recent"]
    own = heading("Iron", html) + para("Ferritin was recently linked to stamina in two small cohorts.", html) + para(
        "Note: both cohorts were small.", html)
    assert found(own, html=html) == ["recently"]
    # A note closing the section, or an aside in parentheses, is the writer's remark on its own text.
    closing = heading("Iron", html) + para("A recent cohort tied ferritin to stamina.", html) + para(
        "{Note by HealthWiki: we plan to revise this section}", html)
    assert found(closing, html=html) == ["recent"]
    aside = heading("Iron", html) + para("A recent cohort tied ferritin to stamina.", html) + para(
        "(Editor's note: this page is due for review.)", html) + para("Ask your doctor before taking iron.", html)
    assert found(aside, html=html) == ["recent"]


@pytest.mark.parametrize("html", [False, True])
def test_the_following_extracted_from_carries_the_text_below(html: bool) -> None:
    lead = para("Links to the slides are above.", html) + para(
        "The following text was excerpted from the meeting minutes", html)
    body = heading("What the workshop covered", html) + para(
        "A recent audit showed low uptake of folic acid in the region.", html)
    assert found(lead + body, html=html) == []
    own = heading("Comments by the editor", html) + para("A recent audit of ours agrees.", html)
    assert found(lead + body + own, html=html) == ["recent"]
    assert found(para("Links to the slides are above.", html) + body, html=html) == ["recent"]


@pytest.mark.parametrize("html", [False, True])
def test_a_section_naming_its_author_on_a_line_is_the_authors(html: bool) -> None:
    abstract = heading("Selenium and thyroid nodules", html, 4) + para(
        "Recent cohort studies tie low selenium to larger nodules.", html) + para(
        "Prof. Ines Q. Varga", html) + para("Lakeside Institute of Endocrinology", html)
    assert found(abstract, html=html) == []
    signed = heading("Selenium and thyroid nodules", html, 4) + para("Dr. Ana Ruiz, MD", html) + para(
        "Recent cohort studies tie low selenium to larger nodules.", html)
    assert found(signed, html=html) == []
    # A label line is no name, and the page's own author signing is the page's own.
    label = heading("Selenium and thyroid nodules", html, 4) + para("Selenium Yeast", html) + para(
        "Recent cohort studies tie low selenium to larger nodules.", html)
    assert found(label, html=html) == ["Recent"]
    # A bare name with neither degree nor affiliation is as often the writer's own byline.
    byline = heading("Selenium and thyroid nodules", html, 4) + para("Dr. Ana Q. Ruiz", html) + para(
        "Recent cohort studies tie low selenium to larger nodules.", html)
    assert found(byline, html=html) == ["Recent"]
    asked = heading("Ask the nurse", html, 4) + para("Tom R. Vale asked about selenium.", html) + para(
        "Recent cohort studies tie low selenium to larger nodules.", html)
    assert found(asked, html=html) == ["Recent"]


@pytest.mark.parametrize("html", [False, True])
def test_an_author_list_in_front_matter_that_holds_no_names_signs_nothing(html: bool) -> None:
    front = "+++\ntitle = \"x\"\ndate = 2011-07-08\nauthor = [3]\n+++\n" if html else (
        "---\ntitle: x\ndate: 2011-07-08\nauthor: [null, 3]\n---\n")
    body = heading("Talks", html) + para("Dr. Ana Q. Ruiz", html) + para("Recent cohort studies tie low selenium "
                                                                       "to larger nodules.", html)
    assert [d.message.split("'")[1] for d in lint_text(front + body, path="x.html" if html else "x.md", config={},
                                                       select=["date-stale"])] == ["Recent"]
    signed = body.replace("Dr. Ana Q. Ruiz", "Dr. Ana Q. Ruiz, Harbour University")
    assert [d.message.split("'")[1] for d in lint_text(front + signed, path="x.html" if html else "x.md", config={},
                                                       select=["date-stale"])] == []


@pytest.mark.parametrize("html", [False, True])
def test_a_pasted_papers_author_line_with_an_email_carries_the_paper(html: bool) -> None:
    paper = heading("Season of conception and birth length", html) + para("Journal of Perinatal Studies", html) + para(
        "Lena Holt lholt@uni.example and Omar Reyes", html) + para(
        "Several cohorts describe seasonal birth patterns, but recent work questions the cause.", html)
    assert found(paper, html=html) == []
    contact = heading("Season of conception and birth length", html) + para(
        "Several cohorts describe seasonal birth patterns, but recent work questions the cause.", html) + para(
        "Write to us at desk@site.example", html)
    assert found(contact, html=html) == ["recent"]


@pytest.mark.parametrize("html", [False, True])
def test_the_year_a_sentence_or_the_text_just_before_gives_dates_the_phrase(html: bool) -> None:
    assert found(para("In 2004, a recent trial had shown fewer fractures.", html), html=html) == []
    assert found(para("A 2003 BMJ editorial by Roe and Tam describes recent progress in care.", html),
                 html=html) == []
    report = para("The academy, in a report released in March 2009, raised the zinc intake.", html) + para(
        "Several dietitians felt the new guidelines set the bar too low.", html)
    assert found(report, html=html) == []
    spate = para("Several 2011 trials point the same way.", html) + heading("Four recent trials in brief", html, 3)
    assert found(spate, html=html) == []
    # A year after the phrase's clause, an undated publication, or a heading with no date before it: reported.
    assert found(para("Recent trials, unlike one in 2004, showed fewer fractures.", html), html=html) == ["Recent"]
    assert found(para("Several dietitians felt the new guidelines set the bar too low.", html), html=html) == ["new guidelines"]
    assert found(para("Obesity is rising.", html) + heading("Four recent trials in brief", html, 3), html=html) == ["recent"]
    reports = para("Several 2011 studies point the same way.", html) + heading("Five recent reports in brief", html, 3)
    assert found(reports, html=html) == []
    # A year in the sentence above that names something else ends another section: the heading is undated.
    assert found(para("Our clinic has opened on Saturdays since 2011.", html) + heading(
        "Recent research on zinc", html), html=html) == ["Recent"]


@pytest.mark.parametrize("html", [False, True])
def test_a_recent_holiday_or_job_loss_is_history_not_news(html: bool) -> None:
    assert found(para("Predictors: recent vacation in the sun, outdoor work, skin type.", html), html=html) == []
    assert found(para("Her father's recent job loss worried the whole household.", html), html=html) == []
    assert found(para("A recent trial found fewer colds.", html), html=html) == ["recent"]


@pytest.mark.parametrize("html", [False, True])
def test_a_passage_set_wholly_in_italics_is_quoted(html: bool) -> None:
    words = ("The couple had moved house recently and the clinic was far away. I explained the visits and the"
             " blood draws, and they listened closely but said little about the payment.")
    passage = f"<p><em>{words}</em></p>\n" if html else f"*{words}*\n\n"
    assert found(para("The study nurse wrote:", html) + passage, html=html) == []
    assert found(para("In her diary the study nurse said,", html) + passage, html=html) == []
    assert found(passage + para("\u2014 a study nurse's diary, 1996", html), html=html) == []
    assert found(passage + para("Source: a study nurse's diary, 1996", html), html=html) == []
    entry = ("The first entry. " * 10).strip()
    first = f"<p><em>{entry}</em></p>\n" if html else f"*{entry}*\n\n"
    run = para("Her diary has the following two entries.", html) + first + passage
    assert found(run, html=html) == []
    # Italics with no lead-in or source are the writer's own emphasis, however long.
    assert found(passage, html=html) == ["recently"]
    assert found(para("We saw many families last year.", html) + passage, html=html) == ["recently"]
    # A short italic note is the writer's, and a paragraph with one italic word is not a quotation.
    note = "<p><em>I moved this page recently.</em></p>\n" if html else "*I moved this page recently.*\n\n"
    assert found(note, html=html) == ["recently"]
    mixed = words.replace("closely", "<em>closely</em>" if html else "*closely*")
    assert found(para(mixed, html), html=html) == ["recently"]


def citation(text: str, html: bool) -> str:
    return f"<ul><li>{text}</li></ul>\n" if html else f"- {text}\n\n"


@pytest.mark.parametrize("html", [False, True])
def test_a_summary_of_the_piece_cited_right_after_it_is_dated_by_that_citation(html: bool) -> None:
    """The paragraph points to the piece it summarises ("this essay", "the author argues") and the
    block right after cites it with its date: a year, a full date, or a date in the address it prints."""
    cited_with_date = [
        "Rana Odum. Why sleep clinics overbook. Daily Ledger, 2011-05-02. Available online.",
        "Pell T. Night shifts and appetite. Published in Ward Weekly on May 2,\n2011.",
        "Pell T. Night shifts and appetite. Available at:\n<https://wardweekly.example.org/2011/05/02/night-shifts/>",
    ]
    openers = [
        "A nurse and mother of twins laments a recent rule on night shifts. She argues for a longer rota.",
        "This essay covers a hard topic. Clinics have recently begun to overbook sleep studies.",
        "Tara Pell gives a careful tutorial on some recent advances in rota planning.",
    ]
    for opener in openers:
        for cite in cited_with_date:
            assert found(para(opener, html) + (para(cite, html) if html else cite + "\n\n"), html=html) == [], (opener, cite)
    # The same summary over a citation with no date, or a date only hidden in a link's address: still stale.
    undated = para("Pell T. Night shifts and appetite. Ward Weekly.", html)
    assert found(para(openers[0], html) + undated, html=html) == ["recent"]
    hidden = ('<p><a href="https://wardweekly.example.org/2011/05/02/x">Night shifts and appetite</a>. Pell T.</p>\n'
              if html else "[Night shifts and appetite](https://wardweekly.example.org/2011/05/02/x). Pell T.\n\n")
    assert found(para(openers[0], html) + hidden, html=html) == ["recent"]


@pytest.mark.parametrize("html", [False, True])
def test_the_writers_own_recent_beside_a_dated_citation_is_still_stale(html: bool) -> None:
    """A sentence in the first person is the writer's own, whatever the paragraph cites; so is "recent"
    with a long paragraph, not a citation, after it; a bio's undated "recently published a book" too."""
    cite = para("Rana Odum. Why sleep clinics overbook. Daily Ledger, 2011-05-02.", html)
    mine = "One of the recent tools I met at a meeting was a rota planner. This post explains it."
    assert found(para(mine, html) + cite, html=html) == ["recent"]
    opinion = "This essay sets out rules that, in my view, avoid the recent disputes about overbooking."
    assert found(para(opinion, html) + cite, html=html) == ["recent"]
    long_text = ("I have overbooked clinics before. " * 12) + "My own rota of May 2, 2011 shows it."
    assert found(para("A recent posting to a forum outlines the problem.", html) + para(long_text, html),
                 html=html) == ["recent"]
    bio = "Dr. Vale works at a county hospital. He recently published a book on rota planning."
    assert found(para(bio, html), html=html) == ["recently"]
    assert found(para("A recent study found fewer errors with short shifts.", html), html=html) == ["recent"]


@pytest.mark.parametrize("html", [False, True])
def test_this_article_earlier_in_the_paragraph_under_its_dated_citation(html: bool) -> None:
    cite = citation("**Clinics overbook sleep studies.** Odum R. Daily Ledger, May 2, 2011.", html)
    body = "Sadly, this article has gone offline. But it tells of a recent push to overbook clinics."
    assert found(cite + para(body, html), html=html) == []
    plain = citation("**Clinics overbook sleep studies.** Odum R. Daily Ledger.", html)
    assert found(plain + para(body, html), html=html) == ["recent"]


@pytest.mark.parametrize("html", [False, True])
def test_recently_told_with_its_years_in_the_next_sentence(html: bool) -> None:
    story = "I sat many courses on rotas. But recently I have run them myself. In 2006, I ran one with a colleague."
    assert found(para(story, html), html=html) == []
    assert found(para("But recently I have run them myself. We enjoy it.", html), html=html) == ["recently"]
    # "recent" names a thing; the next sentence's year may date something else.
    assert found(para("A recent study found fewer errors. In 2005, the agency acted.", html), html=html) == ["recent"]


@pytest.mark.parametrize("html", [False, True])
def test_this_year_named_in_the_paragraph_after_it(html: bool) -> None:
    call = para("The society will fund three rota projects this year.", html)
    assert found(call + para("A short proposal is due by May 1, 2011.", html), html=html) == []
    assert found(call + para("A short proposal is due by May 1.", html), html=html) == ["this year"]
    # An earlier year after it dates something else.
    assert found(call + para("The last round, in 2006, funded two.", html), html=html) == ["this year"]


@pytest.mark.parametrize("html", [False, True])
def test_a_line_repeating_the_pages_title_is_its_name(html: bool) -> None:
    head = "---\ntitle: \"Recent advances in rota planning\"\ndate: 2011-07-08\n---\n"
    if html:
        head = "+++\ntitle = \"Recent advances in rota planning\"\ndate = 2011-07-08\n+++\n"
    path = "x.html" if html else "x.md"

    def report(body: str) -> list[str]:
        return [d.message.split("'")[1] for d in lint_text(head + body, path=path, config={}, select=["date-stale"])]

    assert report(para("Recent advances in rota planning.", html)) == []
    assert report(para("Recent advances in rota planning are many.", html)) == ["Recent"]

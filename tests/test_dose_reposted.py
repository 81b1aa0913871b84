"""Doses in documents a page reposts, in lists of other reports' titles and in quotations
pasted over several paragraphs (issue 18, second pass): an editor reads the page's framing
(its title, a section's source line, a press release's heading, stacked headlines, an
e-mail's opening quote mark) and does not ask the page to source the document's doses
(``dose-needs-citation``; the upper limit still compares them).
Each pattern in Markdown and in HTML, next to the page's own claim of the same shape,
which is still reported."""
from __future__ import annotations

import pytest

from medlint import lint_text
from medlint.document import Document
from medlint.medical.reposted import in_title_list, reposted

LIMIT = "dose-above-upper-limit"
CITATION = "dose-needs-citation"


def md_page(body: str, title: str = "Notes") -> str:
    return f"---\ntitle: \"{title}\"\n---\n\n" + body + "\n"


def html_page(body: str, title: str = "Notes") -> str:
    return f"<html><head><title>{title}</title></head><body>{body}</body></html>\n"


def found(rule: str, md: str, html: str, title: str = "Notes") -> tuple[list[str], list[str]]:
    """The flagged texts of *rule* on the Markdown page and on the HTML page."""
    out = []
    for text, path in ((md_page(md, title), "p.md"), (html_page(html, title), "p.html")):
        diags = lint_text(text, path=path, config={}, select=[rule])
        out.append([d.message.split("'")[1] for d in diags])
    return out[0], out[1]


# -- a reposted document -----------------------------------------------------------------------

HANDOUT_MD = "## Dosing\n\nMost adults need 5,000 IU of vitamin D daily in winter."
HANDOUT_HTML = "<h2>Dosing</h2><p>Most adults need 5,000 IU of vitamin D daily in winter.</p>"


@pytest.mark.parametrize("title", ["Vitamin D and sleep - handout Dr. Smith", "Vitamin D Frequently Asked Questions - 2016",
                                   "Calcium FAQ", "Press release: vitamin D for bones"])
def test_a_page_titled_as_a_reposted_document(title: str) -> None:
    assert found(CITATION, HANDOUT_MD, HANDOUT_HTML, title) == ([], [])


def test_the_same_dose_on_a_page_of_its_own_is_reported() -> None:
    assert found(CITATION, HANDOUT_MD, HANDOUT_HTML, "Vitamin D and sleep") == (["5,000 IU"], ["5,000 IU"])


def test_the_writers_comment_section_on_a_reposted_page_is_reported() -> None:
    md = HANDOUT_MD + "\n\n## Comments\n\nMost adults need 4,000 IU of vitamin D daily."
    html = HANDOUT_HTML + "<h2>Comments</h2><p>Most adults need 4,000 IU of vitamin D daily.</p>"
    assert found(CITATION, md, html, "Vitamin D handout") == (["4,000 IU"], ["4,000 IU"])


@pytest.mark.parametrize(("lead_md", "lead_html"), [
    ("[Posted at Health News](https://news.example.org/a) Nov 2013",
     "<p><a href='https://news.example.org/a'>Posted at Health News</a> Nov 2013</p>"),
    ("Copied from [Doctor praises vitamin D](https://paper.example.com/x) April 2013",
     "<p>Copied from <a href='https://paper.example.com/x'>Doctor praises vitamin D</a> April 2013</p>"),
    ("From [Doctor praises vitamin D](https://paper.example.com/x)",
     "<p>From <a href='https://paper.example.com/x'>Doctor praises vitamin D</a></p>"),
])
def test_a_section_opened_by_its_source_line(lead_md: str, lead_html: str) -> None:
    md = f"## Why the rules are wrong\n\n{lead_md}\n\nA rough guide is that adults need 200 IU a day.\n\n" \
         "Most adults need 6,000 IU of vitamin D daily."
    html = f"<h2>Why the rules are wrong</h2>{lead_html}<p>A rough guide is that adults need 200 IU a day.</p>" \
           "<p>Most adults need 6,000 IU of vitamin D daily.</p>"
    assert found(CITATION, md, html) == ([], [])


def test_a_source_line_over_the_writers_own_advice_is_the_pages() -> None:
    # "Source: [...]" names where the writer read it; only a copy verb or a bare linked "From" is a lead
    md = "## Dosing\n\nSource: [Health News](https://news.example.org/a)\n\nMost adults need 6,000 IU of vitamin D daily."
    html = "<h2>Dosing</h2><p>Source: <a href='https://news.example.org/a'>Health News</a></p>" \
           "<p>Most adults need 6,000 IU of vitamin D daily.</p>"
    assert found(CITATION, md, html) == (["6,000 IU"], ["6,000 IU"])


def test_a_section_whose_first_line_links_without_naming_a_source_is_the_pages() -> None:
    md = "## Dosing\n\n[Our dosing page](https://example.org/dosing)\n\nMost adults need 6,000 IU of vitamin D daily."
    html = "<h2>Dosing</h2><p><a href='https://example.org/dosing'>Our dosing page</a></p>" \
           "<p>Most adults need 6,000 IU of vitamin D daily.</p>"
    assert found(CITATION, md, html) == (["6,000 IU"], ["6,000 IU"])


def test_a_press_release_section() -> None:
    md = "#### Press Release 12/19/2013: Vitamin K2 may help\n\nThe company said adults need 1,000 mcg of vitamin K2 daily." \
         "\n\n#### What we think\n\nAdults need 500 mcg of vitamin K2 daily."
    html = "<h4>Press Release 12/19/2013: Vitamin K2 may help</h4><p>The company said adults need 1,000 mcg of vitamin K2 daily.</p>" \
           "<h4>What we think</h4><p>Adults need 500 mcg of vitamin K2 daily.</p>"
    assert found(CITATION, md, html) == (["500 mcg"], ["500 mcg"])


def test_reposted_reads_the_framing() -> None:
    doc = Document.from_text(md_page("## A\n\n[Posted at News](https://n.example.org) 2013\n\nText 1.\n\n## B\n\nText 2."))
    assert reposted(doc, doc.text.index("Text 1"))
    assert not reposted(doc, doc.text.index("Text 2"))


# -- stacked headings: a list of titles --------------------------------------------------------

STACKED_MD = "### Take 50,000 IU of vitamin D weekly to improve breathing\n### Falls fewer with 60,000 IU of vitamin D monthly\n" \
             "### Low levels common in winter"
STACKED_HTML = "<h3>Take 50,000 IU of vitamin D weekly to improve breathing</h3><h3>Falls fewer with 60,000 IU of vitamin D monthly</h3>" \
               "<h3>Low levels common in winter</h3>"


def test_stacked_headings_are_titles_needing_no_citation() -> None:
    assert found(CITATION, STACKED_MD, STACKED_HTML) == ([], [])


def test_stacked_headings_are_still_compared_with_the_upper_limit() -> None:
    # a headline that advises ("Take ...") is advice in any list: the upper limit still reads it
    # (a stacked headline that reports a result is a title: tests/test_dose_limit_reading.py)
    assert found(LIMIT, STACKED_MD, STACKED_HTML) == (["50,000 IU"], ["50,000 IU"])


def test_a_heading_over_its_own_text_is_still_the_pages_claim() -> None:
    md = "### Take 50,000 IU of vitamin D weekly\n\nThat is what we advise.\n\n### Other\n\nText."
    html = "<h3>Take 50,000 IU of vitamin D weekly</h3><p>That is what we advise.</p><h3>Other</h3><p>Text.</p>"
    assert found(CITATION, md, html) == (["50,000 IU"], ["50,000 IU"])


def test_in_title_list_counts_the_run() -> None:
    two = Document.from_text(md_page("### A 50,000 IU\n### B\n\nText."))
    three = Document.from_text(md_page("### A 50,000 IU\n### B\n### C\n\nText."))
    assert not in_title_list(two, two.text.index("50,000"))
    assert in_title_list(three, three.text.index("50,000"))


# -- a quotation over several paragraphs ------------------------------------------------------

def test_an_email_quoted_over_several_paragraphs() -> None:
    md = "The following comes from a reader.\n\n\u201cGreetings!\n\nI have had headaches for years.\n\n" \
         "Everyone should take 5,000 IU of vitamin D per day.\n\nI feel like a new person.\u201d" \
         "\n\nAdults should take 4,000 IU of vitamin D per day."
    html = "<p>The following comes from a reader.</p><p>\u201cGreetings!</p><p>I have had headaches for years.</p>" \
           "<p>Everyone should take 5,000 IU of vitamin D per day.</p><p>I feel like a new person.\u201d</p>" \
           "<p>Adults should take 4,000 IU of vitamin D per day.</p>"
    assert found(CITATION, md, html) == (["4,000 IU"], ["4,000 IU"])


def test_a_closed_quotation_does_not_reach_the_next_paragraph() -> None:
    md = "\u201cI feel great,\u201d she said.\n\nAdults should take 4,000 IU of vitamin D per day.\n\nMore \u201cquotes\u201d."
    html = "<p>\u201cI feel great,\u201d she said.</p><p>Adults should take 4,000 IU of vitamin D per day.</p>" \
           "<p>More \u201cquotes\u201d.</p>"
    assert found(CITATION, md, html) == (["4,000 IU"], ["4,000 IU"])


# -- a trial's arms with "to receive" ---------------------------------------------------------

def test_patients_recruited_to_receive_a_dose() -> None:
    md = "To find the best dose, 150 adults were recruited to randomly receive 180, 360 or 1080 mcg of vitamin K2."
    html = f"<p>{md}</p>"
    assert found(CITATION, md, html) == ([], [])
    advice = "Patients should receive 1080 mcg of vitamin K2."
    assert found(CITATION, advice, f"<p>{advice}</p>") == (["1080 mcg"], ["1080 mcg"])


# -- a section extracted from a paper, a condition after its clause, the writer's own rate ------

@pytest.mark.parametrize(("md", "html"), [
    ("#### Conclusions (extracted from PDF)\n\nMost adults need 600-800 IU of vitamin D daily.",
     "<h4>Conclusions (extracted from PDF)</h4><p>Most adults need 600-800 IU of vitamin D daily.</p>"),
    ("Food is enough (FALSE - this would only hold if adults needed just 600 IU of vitamin D)",
     "<p>Food is enough (FALSE - this would only hold if adults needed just 600 IU of vitamin D)</p>"),
    ("My vitamin D3 burn rate has been steady at 50,000 IU every 72 hours.",
     "<p>My vitamin D3 burn rate has been steady at 50,000 IU every 72 hours.</p>"),
])
def test_not_the_pages_dose_claim(md: str, html: str) -> None:
    assert found(CITATION, md, html) == ([], [])


@pytest.mark.parametrize(("md", "html", "match"), [
    ("#### Conclusions\n\nMost adults need 600-800 IU of vitamin D daily.",
     "<h4>Conclusions</h4><p>Most adults need 600-800 IU of vitamin D daily.</p>", "600-800 IU"),
    ("You would be fine if you took 600 IU of vitamin D daily.",
     "<p>You would be fine if you took 600 IU of vitamin D daily.</p>", None),
    ("Most people's intake should be 5,000 IU of vitamin D daily.",
     "<p>Most people's intake should be 5,000 IU of vitamin D daily.</p>", "5,000 IU"),
])
def test_the_pages_own_claim_of_the_same_shape(md: str, html: str, match: str | None) -> None:
    expected = [match] if match else []
    assert found(CITATION, md, html) == (expected, expected)


def test_an_interview_page() -> None:
    """A page titled as an interview: its headings are the interviewee's dosing, not the site's."""
    md = "### Dosing with 5,000 IU daily\n\nText."
    html = "<h3>Dosing with 5,000 IU daily</h3><p>Text.</p>"
    assert found(CITATION, md, html, "Vitamin D doctor interview - Jan 2013") == ([], [])
    assert found(CITATION, md, html, "Vitamin D and winter") == (["5,000 IU"], ["5,000 IU"])


# -- an HTML anchor whose text runs over blank lines -----------------------------------------

def test_a_dose_in_an_anchor_split_over_blocks() -> None:
    md = "<li><p>\n\n<a href=\"https://example.org/p?page=1200-iu\"><font color=\"red\">Better\n\n" \
         "response to 1200 IU vitamin D in winter\n\n2012</font></a></p>\n\nAdults need 1,000 IU of vitamin D daily."
    html = "<ul><li><a href='https://example.org/p'>Better response to 1200 IU vitamin D in winter</a></li></ul>" \
           "<p>Adults need 1,000 IU of vitamin D daily.</p>"
    assert found(CITATION, md, html) == (["1,000 IU"], ["1,000 IU"])


def test_a_dose_after_a_closed_anchor_or_in_a_fragment_link_is_the_pages() -> None:
    md = "<a href=\"https://example.org/p\">More</a>\n\nAdults need 1,100 IU of vitamin D daily.\n\n" \
         "<a href=\"#top\">\n\nAdults need 1,200 IU of vitamin D daily.\n\n</a>"
    # (in an HTML page the fragment link is a parsed link in the paragraph, which counts as its citation)
    html = "<p><a href='https://example.org/p'>More</a></p><p>Adults need 1,100 IU of vitamin D daily.</p>"
    assert found(CITATION, md, html) == (["1,100 IU", "1,200 IU"], ["1,100 IU"])


def test_sections_after_a_heading_naming_a_translation() -> None:
    md = "## Adults\n\nAdults need 1,000 IU of vitamin D daily.\n\n### In English (via Google Translation), from the attached PDF" \
         "\n\n### 1 - Prophylaxis\n\n* Infants need 3 drops (400 IU) of vitamin D daily.\n\n## Comments\n\nInfants need 800 IU daily."
    html = "<h2>Adults</h2><p>Adults need 1,000 IU of vitamin D daily.</p><h3>In English (via Google Translation), from the" \
           " attached PDF</h3><h3>1 - Prophylaxis</h3><ul><li>Infants need 3 drops (400 IU) of vitamin D daily.</li></ul>" \
           "<h2>Comments</h2><p>Infants need 800 IU daily.</p>"
    assert found(CITATION, md, html) == (["1,000 IU", "800 IU"], ["1,000 IU", "800 IU"])


def test_a_pasted_papers_deck_over_its_byline() -> None:
    md = "### Vitamin D: when it helps\n\nFor older women, doses of 400 IU can be harmful.\n\n**Jane Doe, MD, MPH**\n\n" \
         "*Department of Medicine, University of Somewhere, Phoenix*\n\nText of the paper."
    html = "<h3>Vitamin D: when it helps</h3><p class='Deck'><b>For older women, doses of 400 IU can be harmful.</b></p>" \
           "<p><b>Jane Doe, MD, MPH</b></p><p><i>Department of Medicine, University of Somewhere, Phoenix</i></p><p>Text.</p>"
    assert found(CITATION, md, html) == ([], [])
    own = "### Vitamin D: when it helps\n\nFor older women, doses of 400 IU can be harmful.\n\nText of the page."
    own_html = "<h3>Vitamin D: when it helps</h3><p>For older women, doses of 400 IU can be harmful.</p><p>Text.</p>"
    assert found(CITATION, own, own_html) == (["400 IU"], ["400 IU"])


def test_a_deck_under_a_raw_html_title_in_markdown() -> None:
    md = "<h3>\n\nVitamin D: when it helps</h3>\n\n<p>For older women, doses of 400 IU can be harmful.</p>\n\n" \
         "<p>Jane Doe, MD</p>\n\n<p>Department of Medicine, University of Somewhere, Phoenix</p>\n\nText of the paper."
    assert found(CITATION, md, "<p>Adults need 400 IU a day.</p>") == ([], ["400 IU"])


def test_items_introduced_as_from_a_book() -> None:
    md = "## The book\n\n**A handful of the useful items in the booklet**\n\nThe standard baby doses of 400 units do nothing." \
         "\n\n## Ours\n\nThe standard baby doses of 400 units do nothing."
    html = "<h2>The book</h2><p><b>A handful of the useful items in the booklet</b></p><p>The standard baby doses of" \
           " 400 units do nothing.</p><h2>Ours</h2><p>The standard baby doses of 400 units do nothing.</p>"
    md_found, html_found = found(CITATION, md, html)
    assert md_found == html_found == ["400 units"]


def test_a_section_headed_as_an_email_someone_sent() -> None:
    md = "#### Email description to the site, Sept 2013\n\nI started everyone on 10,000 IU of vitamin D a day.\n\n" \
         "Most people need 10,000 IU of vitamin D a day.\n\n#### Update\n\nMost people need 8,000 IU of vitamin D a day."
    html = "<h4>Email description to the site, Sept 2013</h4><p>I started everyone on 10,000 IU of vitamin D a day.</p>" \
           "<p>Most people need 10,000 IU of vitamin D a day.</p><h4>Update</h4><p>Most people need 8,000 IU of vitamin D a day.</p>"
    assert found(CITATION, md, html) == (["8,000 IU"], ["8,000 IU"])


def test_what_the_sun_provides_is_physiology() -> None:
    md = "* Sun provides > 10,000 IU daily\n* Adults need 4,000 IU daily"
    html = "<ul><li>Sun provides &gt; 10,000 IU daily</li><li>Adults need 4,000 IU daily</li></ul>"
    assert found(CITATION, md, html) == (["4,000 IU"], ["4,000 IU"])

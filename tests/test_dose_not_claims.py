"""Doses an editor does not read as the page's own unsupported claim (issue 18, third pass):
a bylined or reproduced article, the writer's comment restating the arms of the study the page
cites, a reference value or body named after the dose, quantities that are no intake (a food's
content per serving or per pie), what someone took, example values and worked examples, a
figure's title over its image, a question, a list of what a disputed document says, a table
with its source line or of reported data, a reference list.  Each class in Markdown and in
HTML, next to the page's own claim of the same shape, which ``dose-needs-citation`` still
reports."""
from __future__ import annotations

import pytest

from medlint import lint_text
from medlint.document import Document
from medlint.reproduced import opens_reproduced

CITATION = "dose-needs-citation"
LIMIT = "dose-above-upper-limit"


def flagged(rule: str, body: str, path: str, title: str = "Notes") -> list[str]:
    """The flagged doses of *rule* on a page of *body* (Markdown or HTML by *path*)."""
    if path.endswith(".html"):  # the body from line 2: the <title>'s own words are not what is tested
        text = f"<html><head><title>{title}</title></head>\n<body>{body}</body></html>\n"
    else:
        text = f"---\ntitle: \"{title}\"\n---\n\n{body}\n"
    return [d.message.split("'")[1] for d in lint_text(text, path=path, config={}, select=[rule]) if d.line > 1]


def both(md: str, html: str, title: str = "Notes", rule: str = CITATION) -> tuple[list[str], list[str]]:
    return flagged(rule, md, "p.md", title), flagged(rule, html, "p.html", title)


# -- a bylined or reproduced article ---------------------------------------------------------

OWN_MD = "Most adults need 4,000 IU of vitamin D daily."
OWN_HTML = "<p>Most adults need 4,000 IU of vitamin D daily.</p>"


@pytest.mark.parametrize("lead", [
    "By Jane Roe, Health Magazine",
    "Posted on March 12, 2015 by Harold T. Pennington",
    "Clin Nutr Rev. 2011 June; 89(3): A210-A218.",
    "The following is a structured evidence summary for a nursing programme",
])
def test_a_page_that_opens_with_a_reproduced_article(lead: str) -> None:
    md = f"## Lessons from our ancestors\n\n{lead}\n\nSome text.\n\n## Part two\n\n{OWN_MD}"
    html = f"<h2>Lessons from our ancestors</h2><p>{lead}</p><p>Some text.</p><h2>Part two</h2>{OWN_HTML}"
    assert both(md, html) == ([], [])


def test_a_byline_heading_opens_the_article() -> None:
    md = f"#### By Dr. Konrad von Ebersfeld\n\nTranslated in 2014.\n\n### Levels\n\n{OWN_MD}"
    html = f"<h4>By Dr. Konrad von Ebersfeld</h4><p>Translated in 2014.</p><h3>Levels</h3>{OWN_HTML}"
    assert both(md, html) == ([], [])


@pytest.mark.parametrize("lead", ["By contrast, levels fall in winter.", "By the way: levels fall in winter."])
def test_by_that_names_no_one_is_no_byline(lead: str) -> None:
    md = f"{lead}\n\n{OWN_MD}"
    html = f"<p>{lead}</p>{OWN_HTML}"
    assert both(md, html) == (["4,000 IU"], ["4,000 IU"])


def test_the_writers_comment_after_the_article_is_the_pages() -> None:
    md = f"By Jane Roe, Health Magazine\n\nSome text.\n\n## Comment by the site\n\n{OWN_MD}"
    html = f"<p>By Jane Roe, Health Magazine</p><p>Some text.</p><h2>Comment by the site</h2>{OWN_HTML}"
    assert both(md, html) == (["4,000 IU"], ["4,000 IU"])


def test_a_byline_below_the_pages_own_text_does_not_reach_up() -> None:
    long = "Vitamin D matters for bones and muscles in everyone, " * 8
    md = f"{long}\n\n{OWN_MD}\n\nBy Jane Roe, Health Magazine"
    html = f"<p>{long}</p>{OWN_HTML}<p>By Jane Roe, Health Magazine</p>"
    assert both(md, html) == (["4,000 IU"], ["4,000 IU"])


def test_opens_reproduced_lines() -> None:
    assert opens_reproduced("By Lena Marwick, Wellness Monthly")
    assert opens_reproduced("Endocrinol Metab 2014, S:6 http://dx.doi.org/10.5555/2161-2049.S6-007")
    assert not opens_reproduced("By contrast, most adults need more.")
    assert not opens_reproduced("Vitamin D is made in the skin.")


def test_a_title_over_a_structured_abstract() -> None:
    md = "**Poster presented in May 2018**\n\n**8,000 IU/DAY VITAMIN D3 PREVENTS MIGRAINE**\n\n" \
         "Objective: To present survey results of 142 people."
    html = "<p><b>Poster presented in May 2018</b></p><p><b>8,000 IU/DAY VITAMIN D3 PREVENTS MIGRAINE</b></p>" \
           "<p>Objective: To present survey results of 142 people.</p>"
    assert both(md, html) == ([], [])


# -- the writer's comment restating the study the page cites ---------------------------------

STUDY_TITLE = "800 IU for babies and 2000 IU for mothers is fine, not ideal - RCT"
PAPER_MD = "## The paper\n\nPediatrics 2013, doi: 10.1542/peds.2013-2602\n\nMothers and infants were followed."
PAPER_HTML = "<h2>The paper</h2><p>Pediatrics 2013, doi: 10.1542/peds.2013-2602</p><p>Mothers and infants were followed.</p>"


def test_a_comment_restating_the_arms_of_the_cited_trial() -> None:
    md = f"## Comment\n\n* Infants' levels fell - 800 IU likely too little\n\n{PAPER_MD}"
    html = f"<h2>Comment</h2><ul><li>Infants' levels fell - 800 IU likely too little</li></ul>{PAPER_HTML}"
    assert both(md, html, STUDY_TITLE) == ([], [])


def test_advice_in_the_comment_is_still_reported() -> None:
    md = f"## Comment\n\n* You should give infants 800 IU daily\n\n{PAPER_MD}"
    html = f"<h2>Comment</h2><ul><li>You should give infants 800 IU daily</li></ul>{PAPER_HTML}"
    assert both(md, html, STUDY_TITLE) == (["800 IU"], ["800 IU"])


def test_a_comment_restating_a_trial_the_page_does_not_cite_is_reported() -> None:
    md = "## Comment\n\n* Infants' levels fell - 800 IU likely too little"
    html = "<h2>Comment</h2><ul><li>Infants' levels fell - 800 IU likely too little</li></ul>"
    assert both(md, html, STUDY_TITLE) == (["800 IU"], ["800 IU"])


def test_a_new_dose_in_the_comment_is_reported() -> None:
    md = f"## Comment\n\n* Infants probably need 1,600 IU\n\n{PAPER_MD}"
    html = f"<h2>Comment</h2><ul><li>Infants probably need 1,600 IU</li></ul>{PAPER_HTML}"
    assert both(md, html, STUDY_TITLE) == (["1,600 IU"], ["1,600 IU"])


# -- a named body or reference value -----------------------------------------------------------

@pytest.mark.parametrize(("md", "html"), [
    ("The Institute of Medicine recommended raising the intake in the U.S. to 600 IU a day.",
     "<p>The Institute of Medicine recommended raising the intake in the U.S. to 600 IU a day.</p>"),
    ("Doctors stopped prescribing 600 IU (RDA for adults) to the frail.",
     "<p>Doctors stopped prescribing 600 IU (RDA for adults) to the frail.</p>"),
    ("A maintenance dose of 2,000 IU/day, as suggested by current guidelines, kept levels up.",
     "<p>A maintenance dose of 2,000 IU/day, as suggested by current guidelines, kept levels up.</p>"),
])
def test_a_named_body_or_reference_value(md: str, html: str) -> None:
    assert both(md, html) == ([], [])


@pytest.mark.parametrize(("md", "html"), [
    ("Adults in the U.S. need 2,000 IU a day.", "<p>Adults in the U.S. need 2,000 IU a day.</p>"),
    ("Take 2,000 IU (the RDA is 600 IU) every day.", "<p>Take 2,000 IU (the RDA is 600 IU) every day.</p>"),
])
def test_the_pages_own_figure_beside_a_reference_value_is_reported(md: str, html: str) -> None:
    assert both(md, html) == (["2,000 IU"], ["2,000 IU"])


# -- what was given or taken, a study's protocol ----------------------------------------------

@pytest.mark.parametrize(("md", "html"), [
    ("Those who reached 30 ng/ml were treated with 60,000 IU once a month.",
     "<p>Those who reached 30 ng/ml were treated with 60,000 IU once a month.</p>"),
    ("For each 10 ng/ml below target, the protocol requires an increase of 1,000 IU per 100 lbs.",
     "<p>For each 10 ng/ml below target, the protocol requires an increase of 1,000 IU per 100 lbs.</p>"),
    ("* Why I left the vitamin church (she was taking 1000 mg daily)",
     "<ul><li>Why I left the vitamin church (she was taking 1000 mg daily)</li></ul>"),
])
def test_what_subjects_were_given_or_someone_took(md: str, html: str) -> None:
    assert both(md, html) == ([], [])


def test_what_children_should_be_given_is_still_reported() -> None:
    assert both("Children should be given 400 IU a day.", "<p>Children should be given 400 IU a day.</p>") == (
        ["400 IU"], ["400 IU"])


# -- quantities that are no intake, examples, questions -----------------------------------------

@pytest.mark.parametrize(("md", "html"), [
    ("A lard pie holds 24,000 IU per entire 9 inch pie.", "<p>A lard pie holds 24,000 IU per entire 9 inch pie.</p>"),
    ("* Your country does not allow sales of softgels containing >2,000 IU",
     "<ul><li>Your country does not allow sales of capsules containing &gt;1,000 IU</li></ul>"),
    ("Vitamin D supplements: e.g. 600 IU, 2,000 IU (over 6 months)",
     "<p>Vitamin D supplements: e.g. 600 IU, 2,000 IU (over 6 months)</p>"),
    ("Example: for a powder that lasts 60 days\n\nIf you want 10,000 IU/day, add 540,000 IU to it.",
     "<p>Example: for a powder that lasts 60 days</p><p>If you want 10,000 IU/day, add 540,000 IU to it.</p>"),
    ("Wonder how much rickets could be prevented with 200 IU of vitamin D?",
     "<p>Wonder how much rickets could be prevented with 200 IU of vitamin D?</p>"),
])
def test_no_intake_an_example_or_a_question(md: str, html: str) -> None:
    assert both(md, html) == ([], [])


@pytest.mark.parametrize(("md", "html", "match"), [
    ("Take 50,000 IU per week in winter.", "<p>Take 50,000 IU per week in winter.</p>", "50,000 IU"),
    ("You should take capsules containing 5,000 IU daily.", "<p>You should take capsules containing 5,000 IU daily.</p>",
     "5,000 IU"),
    ("Take a supplement, e.g. 4,000 IU daily.", "<p>Take a supplement, e.g. 4,000 IU daily.</p>", "4,000 IU"),
    ("Most adults need 5,000 IU of vitamin D. Is that a lot?", "<p>Most adults need 5,000 IU of vitamin D. Is that a lot?</p>",
     "5,000 IU"),
])
def test_the_same_shapes_as_advice_are_reported(md: str, html: str, match: str) -> None:
    assert both(md, html) == ([match], [match])


# -- figures, disputed documents, reference lists, headings on a disagreement --------------------

def test_a_figures_title_over_its_image() -> None:
    md = "**Need 400 IU**\n\n![figure](/img/lancet-f3.jpg)"
    html = "<p><b>Need 400 IU</b></p><p><img src='/img/lancet-f3.jpg' alt='figure'></p>"
    assert both(md, html) == ([], [])


def test_a_sentence_over_an_image_is_still_the_pages() -> None:
    md = "Most adults need 5,000 IU of vitamin D.\n\n![figure](/img/f.jpg)"
    html = "<p>Most adults need 5,000 IU of vitamin D.</p><p><img src='/img/f.jpg' alt='figure'></p>"
    assert both(md, html) == (["5,000 IU"], ["5,000 IU"])


def test_a_list_of_what_a_disputed_document_says() -> None:
    md = "The enclosed leaflet is misleading on several points.\n\n**A few of them**\n\n1. Should not take 50,000 IU weekly when breastfeeding"
    html = "<p>The enclosed leaflet is misleading on several points.</p><p><b>A few of them</b></p>" \
           "<ol><li>Should not take 50,000 IU weekly when breastfeeding</li></ol>"
    assert both(md, html) == ([], [])


def test_a_list_of_the_pages_own_points_is_reported() -> None:
    md = "The attached PDF is useful.\n\n**Here are a few points**\n\n1. Take 50,000 IU weekly if deficient"
    html = "<p>The attached PDF is useful.</p><p><b>Here are a few points</b></p><ol><li>Take 50,000 IU weekly if deficient</li></ol>"
    assert both(md, html) == (["50,000 IU"], ["50,000 IU"])


def test_a_reference_list_entry() -> None:
    md = "Text.\n\n## References\n\n1. Larsen T, Mose FH. 3000 IU reduced hypertension - RCT Aug 2012"
    html = "<p>Text.</p><h2>References</h2><ol><li>Larsen T, Mose FH. 3000 IU reduced hypertension - RCT Aug 2012</li></ol>"
    assert both(md, html) == ([], [])


def test_a_heading_on_a_disagreement() -> None:
    md = "### Doctors disagree about how much vitamin D a newborn needs: 200 IU or 800 IU\n\nText."
    html = "<h3>Doctors disagree about how much vitamin D a newborn needs: 200 IU or 800 IU</h3><p>Text.</p>"
    assert both(md, html) == ([], [])


def test_a_heading_on_how_much_is_needed_is_still_advice() -> None:
    md = "### How much vitamin D is needed: 1000 IU\n\nText."
    html = "<h3>How much vitamin D is needed: 1000 IU</h3><p>Text.</p>"
    assert both(md, html) == (["1000 IU"], ["1000 IU"])


# -- tables ---------------------------------------------------------------------------------------

TABLE_MD = "| Supplement | Dose |\n| --- | --- |\n| Vitamin D3 | 10,000 IU/day |\n| Zinc | 10 mg/day |"
TABLE_HTML = "<table><tr><th>Supplement</th><th>Dose</th></tr><tr><td>Vitamin D3</td><td>10,000 IU/day</td></tr>" \
             "<tr><td>Zinc</td><td>10 mg/day</td></tr></table>"


def test_a_table_with_its_protocol_linked_below() -> None:
    md = f"## Update\n\n{TABLE_MD}\n\n[Download the treatment protocol](https://example.org/protocol.pdf)"
    html = f"<h2>Update</h2>{TABLE_HTML}<p><a href='https://example.org/protocol.pdf'>Download the treatment protocol</a></p>"
    assert both(md, html) == ([], [])


def test_a_table_of_reported_data() -> None:
    md = f"## Data for clients 6 weeks or longer\n\n{TABLE_MD}"
    html = f"<h2>Data for clients 6 weeks or longer</h2>{TABLE_HTML}"
    assert both(md, html) == ([], [])


def test_a_table_of_the_pages_own_regimen_is_one_finding() -> None:
    md = f"## Our regimen\n\n{TABLE_MD}"
    html = f"<h2>Our regimen</h2>{TABLE_HTML}"
    md_found, html_found = both(md, html)
    assert md_found == html_found == ["10,000 IU/day"]


# -- the upper limit leaves a reposted article to its source (skip: reproduced) --------------------

def test_the_upper_limit_leaves_a_reposted_article_and_reads_the_pages_own_byline() -> None:
    md = "By Jane Roe, Health Magazine\n\nMost adults should take 50,000 IU of D3 daily."
    html = "<p>By Jane Roe, Health Magazine</p><p>Most adults should take 50,000 IU of D3 daily.</p>"
    assert both(md, html, rule=LIMIT) == ([], [])
    # the page's own author ("By Jane Roe, RN": no outlet) is the page's own voice
    assert both(md.replace("Health Magazine", "RN"), html.replace("Health Magazine", "RN"), rule=LIMIT) == (
        ["50,000 IU"], ["50,000 IU"])


def test_reproduced_span_stops_at_the_reference_list() -> None:
    doc = Document.from_text("By Jane Roe, Health Magazine\n\nText 1.\n\n## References\n\n1. A.\n\n## Our view\n\nText 2.\n")
    from medlint.medical.reposted import reposted
    assert reposted(doc, doc.text.index("Text 1"))
    assert not reposted(doc, doc.text.index("Text 2"))


# -- the dose of the programme the page reports ---------------------------------------------------

PROGRAMME = "Ministry is giving only 200 IU of D3 to 40 million mothers and toddlers"


def test_the_page_describing_the_programme_its_title_reports() -> None:
    md = "## Problems\n\n* Only 200 IU for expectant and nursing mothers"
    html = "<h2>Problems</h2><ul><li>Only 200 IU for expectant and nursing mothers</li></ul>"
    assert both(md, html, PROGRAMME) == ([], [])


def test_advice_or_another_dose_on_that_page_is_reported() -> None:
    md = "## Problems\n\n* Women should get 200 IU at least\n\n* Children need 1,000 IU"
    html = "<h2>Problems</h2><ul><li>Women should get 200 IU at least</li><li>Children need 1,000 IU</li></ul>"
    assert both(md, html, PROGRAMME) == (["200 IU", "1,000 IU"], ["200 IU", "1,000 IU"])

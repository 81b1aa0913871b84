"""dose-above-upper-limit and the occasions a dose is no daily intake the page leaves
unwarned (issue 18): a dose for an emergency, a price per day, a figure's title over its
image, a heading that only says when something was taken, a worked example, the result of
a sum, and a warning the reader meets beside the dose (another item of its list, the cell's
next line, a note right after it). Each in Markdown and HTML, beside a dose still reported."""
from __future__ import annotations

import pytest

from medlint import lint_text
from medlint.document import Document
from medlint.medical.dose import find_doses

LIMIT = ["dose-above-upper-limit"]
TITLE = "Vitamin D notes"


def md_page(body: str) -> str:
    return f"---\ntitle: {TITLE}\n---\n\n{body}\n"


def html_page(body: str) -> str:
    return f"<html><head><title>{TITLE}</title></head><body>{body}</body></html>\n"


def reported(text: str, path: str) -> list[str]:
    """The reported doses' text, as the message quotes it ("Dose '10,000 IU' of ...")."""
    return [d.message.split("'")[1] for d in lint_text(text, path=path, config={}, select=LIMIT)]


CASES = [
    # a dose for an acute event, not a regimen (the writer's own daily dose is still compared)
    ("emergency",
     "I would swallow vitamin D drops about 6 times (30,000 IU) with water in case of a severe burn.\n\nI take 30,000 IU daily.",
     "<p>I would swallow vitamin D drops about 6 times (30,000 IU) with water in case of a severe burn.</p>"
     "<p>I take 30,000 IU daily.</p>",
     ["30,000 IU"]),
    ("first sign",
     "At the first sign of a cold, 50,000 IU of vitamin D.\n\nMost adults need 50,000 IU of vitamin D a day.",
     "<p>At the first sign of a cold, 50,000 IU of vitamin D.</p><p>Most adults need 50,000 IU of vitamin D a day.</p>",
     ["50,000 IU"]),
    # a price per day is no frequency: the capsule's size is no daily intake
    ("price per day",
     "The cheapest 10,000 IU gelcaps I could find come to 9 cents/day.\n\nTake 10,000 IU of vitamin D3 every day.",
     "<p>The cheapest 10,000 IU gelcaps I could find come to 9 cents/day.</p><p>Take 10,000 IU of vitamin D3 every day.</p>",
     ["10,000 IU"]),
    # the result of a sum someone worked out
    ("estimate",
     "Each squirt carries about 2,000 IU, so the toddlers got **60,000 IU per day**.\n\nThe toddlers got 60,000 IU per day.",
     "<p>Each squirt carries about 2,000 IU, so the toddlers got <b>60,000 IU per day</b>.</p><p>The toddlers got 60,000 IU per day.</p>",
     ["60,000 IU"]),
    # a worked example under its "Example:" line
    ("worked example",
     "## Powder\n\nExample: for a powder that lasts 60 days\n\nShould you aim at 10,000 IU/day, stir in 60 X 9,000 IU.\n\n"
     "## Dose\n\nIf you are pale, take 10,000 IU/day.",
     "<h2>Powder</h2><p>Example: for a powder that lasts 60 days</p><p>Should you aim at 10,000 IU/day, stir in 60 X 9,000 IU.</p>"
     "<h2>Dose</h2><p>If you are pale, take 10,000 IU/day.</p>",
     ["10,000 IU/day"]),
    # a named speaker's remark in quotation marks on what people take
    ("speaker's remark",
     "Jane Roe, RN: \"Quite a few of my clients confess to huge doses (100,000 IU of vitamin D or more weekly).\"\n\n"
     "Many of my patients take 100,000 IU of vitamin D weekly.",
     "<p>Jane Roe, RN: \u201cQuite a few of my clients confess to huge doses (100,000 IU of vitamin D or more weekly).\u201d</p>"
     "<p>Many of my patients take 100,000 IU of vitamin D weekly.</p>",
     ["100,000 IU"]),
    # a dose said to be in use, how often not said; the same dose stated bare is compared as if daily
    ("in use",
     "**Dose of vitamin D: 50,000 IU is widely used**\n\nDose of vitamin D: 50,000 IU.",
     "<p><b>Dose of vitamin D: 50,000 IU is widely used</b></p><p>Dose of vitamin D: 50,000 IU.</p>",
     ["50,000 IU"]),
    # a figure's title right over its image; the same heading over prose is still compared
    ("figure title",
     "#### 35,000 IU reduced psoriasis (click on image)\n\n![before and after](/img/ba.jpg)\n\n"
     "#### 35,000 IU reduced eczema\n\nShe took it every day for a year.",
     "<h4>35,000 IU reduced psoriasis (click on image)</h4><p><img src='/img/ba.jpg' alt='before and after'></p>"
     "<h4>35,000 IU reduced eczema</h4><p>She took it every day for a year.</p>",
     ["35,000 IU"]),
]


@pytest.mark.parametrize(("name", "md", "html", "expected"), CASES, ids=[c[0] for c in CASES])
def test_no_daily_intake_beside_one_still_reported(name: str, md: str, html: str, expected: list[str]) -> None:
    for text, path in ((md_page(md), "page.md"), (html_page(html), "page.html")):
        assert reported(text, path) == expected, (name, path)


def test_an_emergency_dose_is_read_as_one_off() -> None:
    doc = Document.from_text(md_page("Take 30,000 IU of vitamin D in case of trauma."), "page.md")
    (dose,) = find_doses(doc)
    assert dose.frequency == "once" and dose.daily("mcg", 0.025) is None


def test_a_price_per_day_is_no_frequency_but_a_written_one_still_is() -> None:
    doc = Document.from_text(md_page("5,000 IU of D3 daily costs $0.05/day."), "page.md")
    (dose,) = find_doses(doc)
    assert dose.frequency == "daily"
    doc = Document.from_text(md_page("A bottle of 5,000 IU softgels costs 4 cents a day."), "page.md")
    (dose,) = find_doses(doc)
    assert dose.frequency is None


def test_stacked_headings_that_say_when_a_dose_was_taken() -> None:
    titles = "### Smoking\n### Asthma\n### Ailments eased when taking 50,000 IU weekly\n### Flu\n"
    advice = "### Smoking\n### Asthma\n### Take 50,000 IU weekly\n### Flu\n"
    assert reported(md_page(titles), "page.md") == []
    assert reported(md_page(advice), "page.md") == ["50,000 IU"]
    html = "<h3>Smoking</h3><h3>Asthma</h3><h3>Ailments eased while taking 50,000 IU weekly</h3><h3>Flu</h3>"
    assert reported(html_page(html), "page.html") == []
    assert reported(html_page(html.replace("Ailments eased while taking", "Take")), "page.html") == ["50,000 IU"]


# -- a warning the reader meets beside the dose ---------------------------------------

@pytest.mark.parametrize(("md", "html"), [
    # another item of the same list states the upper limit
    ("* The Institute of Medicine sets a 4,000 IU upper limit\n\n* The sun provides 10,000 IU\n\n"
     "* Many people take >5,000 IU of vitamin D daily\n",
     "<ul><li>The Institute of Medicine sets a 4,000 IU upper limit</li><li>The sun provides 10,000 IU</li>"
     "<li>Many people take &gt;5,000 IU of vitamin D daily</li></ul>"),
    # a note right after the paragraph
    ("Many people take 8,000 IU of vitamin D daily.\n\n> Note: above 10,000 IU a day toxicity has been reported.\n",
     "<p>Many people take 8,000 IU of vitamin D daily.</p><p><b>Note:</b> above 10,000 IU a day toxicity has been reported.</p>"),
])
def test_a_warning_beside_the_dose_acknowledges_it(md: str, html: str) -> None:
    assert reported(md_page(md), "page.md") == []
    assert reported(html_page(html), "page.html") == []


@pytest.mark.parametrize(("md", "html", "expected"), [
    ("* The sun provides 10,000 IU\n\n* Many people take >5,000 IU of vitamin D daily\n",
     "<ul><li>The sun provides 10,000 IU</li><li>Many people take &gt;5,000 IU of vitamin D daily</li></ul>", [">5,000 IU"]),
    ("Many people take 8,000 IU of vitamin D daily.\n\nA later paragraph says toxicity is rare.\n",
     "<p>Many people take 8,000 IU of vitamin D daily.</p><p>A later paragraph says toxicity is rare.</p>", ["8,000 IU"]),
])
def test_with_no_warning_beside_it_the_dose_is_reported(md: str, html: str, expected: list[str]) -> None:
    assert [m.lstrip(">") for m in reported(md_page(md), "page.md")] == [e.lstrip(">") for e in expected]
    assert [m.lstrip(">") for m in reported(html_page(html), "page.html")] == [e.lstrip(">") for e in expected]


def test_a_table_cell_continued_on_its_next_line_holds_the_titration() -> None:
    titrated = ("| Supplement | Dose |\n| --- | --- |\n| Vitamin D3 | **10,000 IU/day   \n"
                " (adjust as required so blood 25(OH)D stays around 70 ng/mL)** |\n| Fish oil | 1,000 mg/day |\n")
    plain = "| Supplement | Dose |\n| --- | --- |\n| Vitamin D3 | **10,000 IU/day** |\n| Fish oil | 1,000 mg/day |\n"
    assert reported(md_page(titrated), "page.md") == []
    assert reported(md_page(plain), "page.md") == ["10,000 IU/day"]
    html = ("<table><tr><th>Supplement</th><th>Dose</th></tr><tr><td>Vitamin D3</td><td>10,000 IU/day<br>"
            "(adjust as required so blood 25(OH)D stays around 70 ng/mL)</td></tr></table>")
    assert reported(html_page(html), "page.html") == []
    assert reported(html_page(html.replace("<br>(adjust as required so blood 25(OH)D stays around 70 ng/mL)", "")),
                    "page.html") == ["10,000 IU/day"]


# -- dose-needs-citation: a study's finding opened in a heading, a doctor's practice ------

CITATION = ["dose-needs-citation"]


def cited(text: str, path: str) -> list[str]:
    return [d.message.split("'")[1] for d in lint_text(text, path=path, config={}, select=CITATION)]


@pytest.mark.parametrize(("md", "html"), [
    # the heading opens the sentence ("studies ... stating that") the paragraph under it ends
    ("#### Many studies in the 1940s stating that\n1000 IU of vitamin D per kilogram was toxic.\n\n"
     "#### Our advice\n1000 IU of vitamin D is enough for infants.",
     "<h4>Many studies in the 1940s stating that</h4><p>1000 IU of vitamin D per kilogram was toxic.</p>"
     "<h4>Our advice</h4><p>1000 IU of vitamin D is enough for infants.</p>"),
    # what a doctor gives his patients is his practice, reported
    ("Dr. Roe keeps giving a weight-based amount to his patients - anywhere from 20,000 to 40,000 IU daily.\n\n"
     "The dose runs from 20,000 to 40,000 IU daily.",
     "<p>Dr. Roe keeps giving a weight-based amount to his patients - anywhere from 20,000 to 40,000 IU daily.</p>"
     "<p>The dose runs from 20,000 to 40,000 IU daily.</p>"),
])
def test_reports_beside_the_pages_own_claim(md: str, html: str) -> None:
    assert len(cited(md_page(md), "page.md")) == 1
    assert len(cited(html_page(html), "page.html")) == 1
    # the one reported is the page's own claim, the second paragraph
    for text, path in ((md_page(md), "page.md"), (html_page(html), "page.html")):
        (finding,) = lint_text(text, path=path, config={}, select=CITATION)
        assert finding.line == (text.count("\n", 0, text.rindex("1000 IU" if "1000" in text else "The dose")) + 1)


def test_a_heading_that_ends_its_own_sentence_opens_nothing() -> None:
    md = "#### Studies in the 1940s\n1000 IU of vitamin D per kilogram was toxic.\n"
    html = "<h4>Studies in the 1940s</h4><p>1000 IU of vitamin D per kilogram was toxic.</p>"
    assert cited(md_page(md), "page.md") == ["1000 IU"]
    assert cited(html_page(html), "page.html") == ["1000 IU"]

"""dose-above-upper-limit reads a dose as an editor does (issue 18): the substance an
amount is bound to in its sentence, its frequency across inline markup, and the doses
that are no daily intake the page advises (a condition, what the body holds, what a
product on sale holds, a reader's comment, a list of titles, a dose the paragraph
tells the reader to monitor). Each pattern in Markdown and in HTML, with the dose the
rule must still report beside it."""
from __future__ import annotations

import pytest

from medlint import lint_text
from medlint.document import Document
from medlint.medical.dose import Dose, find_doses

LIMIT = ["dose-above-upper-limit"]


def md_page(body: str, title: str = "Notes") -> str:
    return f"---\ntitle: {title}\n---\n\n{body}\n"


def html_page(body: str, title: str = "Notes") -> str:
    return f"<html><head><title>{title}</title></head><body>{body}</body></html>\n"


def both(md: str, html: str, title: str = "Notes") -> list[tuple[str, str]]:
    return [(md_page(md, title), "page.md"), (html_page(html, title), "page.html")]


def matches(text: str, path: str) -> list[str]:
    """The reported doses' text, as the message quotes it ("Dose '10,000 IU' of ...")."""
    return [d.message.split("'")[1] for d in lint_text(text, path=path, config={}, select=LIMIT)]


def doses(text: str, path: str) -> list[Dose]:
    return find_doses(Document.from_text(text, path))


# -- the frequency across inline markup ------------------------------------------------

@pytest.mark.parametrize(("md", "html", "frequency"), [
    ("Outcome of 20,000 IU of vitamin **<span style=\"color:#0A0;\">D3</span>** given per week",
     "<h3>Outcome of 20,000 IU of vitamin <b><span style=\"color:#0A0;\">D3</span></b> given per week</h3>", "weekly"),
    ("Take 50,000 IU of **vitamin D3** [per](https://example.org/a/long/address/that/the/reader/never/sees/on/screen) month.",
     "<p>Take 50,000 IU of <b><span style='color:red'>vitamin D3</span></b> "
     "<a href='https://example.org/a/long/address/that/the/reader/never/sees/on/screen'>per</a> month.</p>", "monthly"),
])
def test_frequency_is_read_across_inline_markup(md: str, html: str, frequency: str) -> None:
    for text, path in both(md, html):
        (dose,) = doses(text, path)
        assert dose.frequency == frequency
        assert matches(text, path) == []  # a weekly or monthly average under the limit


def test_a_daily_dose_across_markup_is_still_reported() -> None:
    for text, path in both("Take 20,000 IU of vitamin **<span>D3</span>** extra per day.",
                           "<p>Take 20,000 IU of vitamin <b><span>D3</span></b> extra per day.</p>"):
        assert matches(text, path) == ["20,000 IU"]


# -- the substance an amount is bound to -----------------------------------------------

def test_an_amount_takes_the_substance_its_unit_is_bound_to_in_the_sentence() -> None:
    item = "100 micrograms of vitamin K2 per 1,000 IU of vitamin D (for example 1,000 micrograms with 10,000 IU)"
    for text, path in both(f"* {item}", f"<ul><li>{item}</li></ul>"):
        found = [(d.text, d.substance) for d in doses(text, path)]
        assert found == [("100 micrograms", "vitamin K"), ("1,000 IU", "vitamin D"),
                         ("1,000 micrograms", "vitamin K"), ("10,000 IU", "vitamin D")]


def test_a_restated_unit_keeps_the_nearest_substance() -> None:
    # no other amount binds micrograms to another substance: 25 mcg is vitamin D's
    for text, path in both("Take 1,000 IU of vitamin D (25 mcg) daily.", "<p>Take 1,000 IU of vitamin D (25 mcg) daily.</p>"):
        assert [d.substance for d in doses(text, path)] == ["vitamin D", "vitamin D"]


def test_the_substance_named_right_before_the_amount_in_a_list_item() -> None:
    item = "Vitamin D 5,000 IU, magnesium 400 mg, vitamin B6 200 mg"
    for text, path in both(f"* {item}\n* Zinc 15 mg", f"<ul><li>{item}</li><li>Zinc 15 mg</li></ul>"):
        found = [(d.text, d.substance) for d in doses(text, path)]
        assert found == [("5,000 IU", "vitamin D"), ("400 mg", "magnesium"), ("200 mg", "vitamin B6"), ("15 mg", "zinc")]


def test_another_medicine_between_the_name_and_the_amount() -> None:
    line = "In that trial the vitamin D group could reduce its medication to 95 micrograms per day."
    for text, path in both(line, f"<p>{line}</p>", title="Vitamin D and asthma"):
        (dose,) = doses(text, path)
        assert dose.substance is None
        assert matches(text, path) == []
    line = "The vitamin D group took 10,000 IU of it per day."
    for text, path in both(line, f"<p>{line}</p>"):
        assert [d.substance for d in doses(text, path)] == ["vitamin D"]
        assert matches(text, path) == ["10,000 IU"]


# -- doses that are no daily intake the page advises ------------------------------------

@pytest.mark.parametrize("sentence", [
    # a condition: the reader already takes it
    "Add 100 mcg of vitamin K2 per 1,000 IU of vitamin D, for example if taking 10,000 IU.",
    # what the sun makes, past the list's earlier amounts
    "A half-hour in the summer sun yields 20,000 IU in tanned people and 10,000 IU of vitamin D in dark-skinned people.",
    # what the body holds
    "A newborn baby's body contains 25 grams of calcium.",
    # what a product on sale holds
    "The largest dose of vitamin D3 available over the counter is 5,000 IU.",
    # what a measure of powder holds
    "One level teaspoon weighs 1.6 grams, so it has 160,000 IU of vitamin D3.",
    # what a whole dish holds
    "The lard adds 24,000 IU of vitamin D per entire pie.",
    # a statement the page marks as a myth
    "There is no risk in starting 5,000 IU of vitamin D (FALSE - some people react to it).",
    "Myth: everyone needs 10,000 IU of vitamin D daily.",
])
def test_not_a_daily_intake_the_page_advises(sentence: str) -> None:
    for text, path in both(sentence, f"<p>{sentence}</p>"):
        assert matches(text, path) == []


@pytest.mark.parametrize(("sentence", "match"), [
    ("If your level is low, take 10,000 IU of vitamin D daily.", "10,000 IU"),
    ("Sun exposure helps, but take 10,000 IU of vitamin D daily.", "10,000 IU"),
    ("Take 5,000 IU of vitamin D3 daily.", "5,000 IU"),
    ("Take 10,000 IU of vitamin D daily, which costs 5 cents a day.", "10,000 IU"),
    ("Take 10,000 IU of vitamin D daily (it is false that this is unsafe).", "10,000 IU"),
])
def test_advice_beside_those_patterns_is_still_reported(sentence: str, match: str) -> None:
    for text, path in both(sentence, f"<p>{sentence}</p>"):
        assert matches(text, path) == [match]


def test_a_paragraph_that_tells_the_reader_to_check_blood_levels_acknowledges_the_dose() -> None:
    warned = "Take 10,000 IU of vitamin D daily in winter. Never take over 5,000 IU without checking your levels regularly."
    for text, path in both(warned, f"<p>{warned}</p>"):
        assert matches(text, path) == []
    plain = "Take 10,000 IU of vitamin D daily in winter. The study measured blood levels."
    for text, path in both(plain, f"<p>{plain}</p>"):
        assert matches(text, path) == ["10,000 IU"]


def test_readers_comments_are_the_commenters_words() -> None:
    md = ("## Some of the comments on YouTube\n\n### Ana Souza 2 weeks ago\n\nIdeally take 10,000 IU of vitamin D per day.\n\n"
          "### Leandro Pereira 1 month ago\n\nI take 20,000 IU of vitamin D daily.\n\n## Our advice\n\nTake 8,000 IU of vitamin D daily.")
    html = ("<h2>Some of the comments on YouTube</h2><h3>Ana Souza 2 weeks ago</h3><p>Ideally take 10,000 IU of vitamin D per day.</p>"
            "<h3>Leandro Pereira 1 month ago</h3><p>I take 20,000 IU of vitamin D daily.</p>"
            "<h2>Our advice</h2><p>Take 8,000 IU of vitamin D daily.</p>")
    for text, path in both(md, html):
        assert matches(text, path) == ["8,000 IU"]
        doc = Document.from_text(text, path)
        start = doc.prose.index("Ideally")
        assert any(r.kind == "quotation" and r.start <= start < r.end for r in doc.regions)


def test_a_writers_comments_heading_is_not_a_quotation() -> None:
    md = "## Comments\n\nTake 10,000 IU of vitamin D daily."
    html = "<h2>Comments</h2><p>Take 10,000 IU of vitamin D daily.</p>"
    for text, path in both(md, html):
        assert matches(text, path) == ["10,000 IU"]


def test_headings_stacked_in_a_list_of_titles() -> None:
    md = ("### COPD: 50,000 IU of vitamin D weekly helped breathing - 2014\n"
          "### Asthma and vitamin D - 2015\n### 10,000 IU of vitamin D daily reduced flares - 2013\n")
    html = ("<h3>COPD: 50,000 IU of vitamin D weekly helped breathing - 2014</h3>"
            "<h3>Asthma and vitamin D - 2015</h3><h3>10,000 IU of vitamin D daily reduced flares - 2013</h3>")
    for text, path in both(md, html):
        assert matches(text, path) == []
    md = "Some text.\n\n### Take 10,000 IU of vitamin D daily\n\nMore text."
    html = "<p>Some text.</p><h3>Take 10,000 IU of vitamin D daily</h3><p>More text.</p>"
    for text, path in both(md, html):
        assert matches(text, path) == ["10,000 IU"]


@pytest.mark.parametrize("text, path", [
    ("Adults should take 20,000 IU of vitamin D daily. (False positives on the test are rare.)\n", "x.md"),
    ("<p>Adults should take 20,000 IU of vitamin D daily. (False positives on the test are rare.)</p>", "x.html"),
    ("Adults should take 20,000 IU of vitamin D daily. Another sentence follows here.\n\n(FALSE - unrelated)\n", "x.md"),
])
def test_a_word_false_elsewhere_is_no_myth_mark(text: str, path: str) -> None:
    """Only a myth mark on the dose's own statement ("(FALSE - ...)", "Myth:") silences it."""
    from medlint import lint_text

    assert [d.rule for d in lint_text(text, path=path, config={}, select=["dose-above-upper-limit"])] == [
        "dose-above-upper-limit"]

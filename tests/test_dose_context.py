"""Doses read as an editor reads them (issue 18): the substance from the context,
the frequency as written, lists, product names, counts and hypotheticals; each
pattern in Markdown and in HTML."""
from __future__ import annotations

import pytest

from medlint import lint_text
from medlint.document import Document
from medlint.medical.dose import Dose, find_doses

LIMIT = ["dose-above-upper-limit"]


def md_page(body: str, title: str = "Notes", tags: str = "") -> str:
    front = f"---\ntitle: {title}\n" + (f"tags: [{tags}]\n" if tags else "") + "---\n\n"
    return front + body + "\n"


def html_page(body: str, title: str = "Notes") -> str:
    return f"<html><head><title>{title}</title></head><body>{body}</body></html>\n"


def doses_md(body: str, **kw: str) -> list[Dose]:
    return find_doses(Document.from_text(md_page(body, **kw), "page.md"))


def doses_html(body: str, **kw: str) -> list[Dose]:
    return find_doses(Document.from_text(html_page(body, **kw), "page.html"))


def messages(text: str, path: str) -> list[str]:
    return [d.message for d in lint_text(text, path=path, config={}, select=LIMIT)]


# -- the substance from the context ---------------------------------------------------

@pytest.mark.parametrize(("md", "html", "substance", "source"), [
    # the sentence wins over everything else
    ("Take 20,000 IU of vitamin A daily.", "<p>Take 20,000 IU of vitamin A daily.</p>", "vitamin A", "sentence"),
    # the paragraph, when the sentence names none
    ("Vitamin D helps bones. Take 20,000 IU daily.", "<p>Vitamin D helps bones. Take 20,000 IU daily.</p>",
     "vitamin D", "paragraph"),
    # the section heading
    ("## Vitamin D dosing\n\nSome take 20,000 IU daily.", "<h2>Vitamin D dosing</h2><p>Some take 20,000 IU daily.</p>",
     "vitamin D", "heading"),
])
def test_substance_from_sentence_paragraph_heading(md: str, html: str, substance: str, source: str) -> None:
    for found in (doses_md(md), doses_html(html)):
        (dose,) = found
        assert (dose.substance, dose.substance_from) == (substance, source)


def test_substance_from_title_front_matter_and_page() -> None:
    (dose,) = doses_md("Some take 20,000 IU daily.", title="Cholecalciferol and flu")
    assert (dose.substance, dose.substance_from) == ("vitamin D", "title")
    (dose,) = doses_html("<p>Some take 20,000 IU daily.</p>", title="Vitamin D and flu")
    assert (dose.substance, dose.substance_from) == ("vitamin D", "title")
    (dose,) = doses_md("Some take 20,000 IU daily.", tags="vitamin d, flu")
    assert (dose.substance, dose.substance_from) == ("vitamin D", "front matter")
    page = "Vitamin D is made in the skin.\n\nLow vitamin D is common.\n\nSome take 20,000 IU daily.\n"
    (dose,) = doses_md(page)
    assert (dose.substance, dose.substance_from) == ("vitamin D", "page")
    html = "<p>Vitamin D is made in the skin.</p><p>Low vitamin D is common.</p><p>Some take 20,000 IU daily.</p>"
    (dose,) = doses_html(html)
    assert (dose.substance, dose.substance_from) == ("vitamin D", "page")


def test_a_mass_takes_its_substance_from_its_sentence_only() -> None:
    # "320 mcg" of an inhaler in a paragraph on vitamin D is not vitamin D
    body = "Vitamin D was given. It was added to inhaled ciclesonide (320 mcg a day)."
    for found in (doses_md(body, title="Vitamin D"), doses_html(f"<p>{body}</p>", title="Vitamin D")):
        (dose,) = found
        assert dose.substance is None


def test_no_substance_from_a_neighbouring_list_line() -> None:
    md = "Ascorbic acid (Vitamin C) 400mg\nZinc 15mg\n"
    html = "<p>Ascorbic acid (Vitamin C) 400mg<br>\nZinc 15mg</p>"
    for found in (doses_md(md), doses_html(html)):
        assert [(d.high, d.substance) for d in found] == [(400, "vitamin C"), (15, "zinc")]


def test_message_says_where_the_substance_came_from() -> None:
    md = md_page("Some take 20,000 IU daily.", title="Vitamin D and flu")
    html = html_page("<p>Some take 20,000 IU daily.</p>", title="Vitamin D and flu")
    for text, path in ((md, "p.md"), (html, "p.html")):
        (message,) = messages(text, path)
        assert "of vitamin D (named in the page's title) is 20,000 IU" in message
    (message,) = messages("Take 20,000 IU of vitamin D daily.\n", "p.md")
    assert "of vitamin D is 20,000 IU" in message


# -- frequency as written ------------------------------------------------------------

@pytest.mark.parametrize(("phrase", "frequency", "per_day"), [
    ("20,000 IU of vitamin D daily", "daily", 1.0),
    ("50,000 IU of vitamin D weekly", "weekly", 1 / 7),
    ("50,000 IU of vitamin D once weekly", "weekly", 1 / 7),
    ("100,000 IU of vitamin D monthly", "monthly", 1 / 30),
    ("60,000 IU D2/m for 3 months", "monthly", 1 / 30),
    ("100,000 IU of vitamin D every 4 weeks", "every 4 weeks", 1 / 28),
    ("120,000 IU of vitamin D every 60 days", "every 60 days", 1 / 60),
    ("300,000 IU of vitamin D every 3 months", "every 3 months", 1 / 90),
    ("a single dose of 600,000 IU of vitamin D", "once", None),
    ("a 400,000 IU bolus of vitamin D", "once", None),
    ("300,000 IU loading doses of vitamin D", "once", None),
    ("300,000 IU of intramuscular vitamin D2", "once", None),
    ("an IM injection of 300,000 IU of vitamin D", "once", None),
    ("300,000 IU of vitamin D stat", "once", None),
    ("a one-off 300,000 IU of vitamin D", "once", None),
])
def test_frequency_as_written(phrase: str, frequency: str, per_day: float | None) -> None:
    for found in (doses_md(phrase + "."), doses_html(f"<p>{phrase}.</p>")):
        (dose,) = found
        assert dose.frequency == frequency
        assert dose.per_day == (pytest.approx(per_day) if per_day else None)


def test_a_frequency_belongs_to_its_own_amount() -> None:
    text = "vitamin D 150,000 IU for six weeks, then 80,000 IU monthly."
    for found in (doses_md(text), doses_html(f"<p>{text}</p>")):
        assert [d.frequency for d in found] == [None, "monthly"]
    text = "vitamin D: some need 40,000 IU or 60,000 IU weekly."
    for found in (doses_md(text), doses_html(f"<p>{text}</p>")):
        assert [d.frequency for d in found] == ["weekly", "weekly"]


@pytest.mark.parametrize("text", [
    "A single dose of 600,000 IU of vitamin D.",
    "A 400,000 IU bolus of vitamin D.",
    "An IM dose of 10,000 IU/kg of vitamin D, max 600,000 IU.",
    "Give 300,000 IU of vitamin D as a loading dose.",
    "Hens fed up to 88,400 IU of D3/kg of diet.",
    "Give 10,000 IU per kg of vitamin D (600,000 IU max).",
    "100,000 IU of vitamin D every 4 weeks.",
    "A study could have used 250 mg or 450 mg of magnesium.",
    "Whole-body sun exposure for 20 minutes provides 10,000 IU of vitamin D.",
    "A 1930s laboratory purified 3 g of vitamin D3 crystals from cod liver oil.",
    "Cheese holds 30,000 IU of vitamin D per 100 g.",
])
def test_not_compared_with_a_daily_limit(text: str) -> None:
    assert messages(md_page(text), "p.md") == []
    assert messages(html_page(f"<p>{text}</p>"), "p.html") == []


@pytest.mark.parametrize(("text", "shown"), [
    ("Take 50,000 IU of vitamin D weekly.", "7,143 IU (179 mcg) a day (weekly, as a daily average)"),
    ("Take 200,000 IU of vitamin D monthly.", "6,667 IU (167 mcg) a day (monthly, as a daily average)"),
    ("Take 6,000 IU of vitamin D twice daily.", "12,000 IU (300 mcg) a day,"),
    ("Take 20,000 IU of vitamin D.", "a day, if taken daily (no frequency is written)"),
    ("A 70 kg adult took 1 mg/kg of iron daily.", "70 mg a day for 70 kg"),
])
def test_regimens_compared_as_daily_equivalents(text: str, shown: str) -> None:
    for page, path in ((md_page(text), "p.md"), (html_page(f"<p>{text}</p>"), "p.html")):
        (message,) = messages(page, path)
        assert shown in message


def test_per_kg_without_a_weight_is_not_guessed() -> None:
    for found in (doses_md("Give 1 mg/kg of iron daily."), doses_html("<p>Give 1 mg/kg of iron daily.</p>")):
        (dose,) = found
        assert dose.per_kg and dose.weight is None and dose.daily("mg") is None


# -- ranges, lists, product names, counts ---------------------------------------------

@pytest.mark.parametrize(("text", "parts"), [
    ("Take between 400 mg and 2.5 g of calcium.", [(400, 400, "mg"), (2.5, 2.5, "g")]),
    ("Use 150 mg or 450 mg of magnesium.", [(150, 150, "mg"), (450, 450, "mg")]),
    ("Take 5,000 - 10,000 IU of vitamin D.", [(5000, 10000, "IU")]),
    ("Omega 3-6-9 500mg daily.", [(500, 500, "mg")]),
    ("K2-7 100mcg daily.", [(100, 100, "mcg")]),
    ("B12 1000 mcg and D3 5000 IU.", [(1000, 1000, "mcg"), (5000, 5000, "IU")]),
    ("* 1 210mg capsule of magnesium", [(210, 210, "mg")]),
    ("Take 500 mg capsules of vitamin C.", [(500, 500, "mg")]),
    ("Take 5,000iu of vitamin D.", [(5000, 5000, "IU")]),
])
def test_amounts_parse_as_their_parts(text: str, parts: list[tuple[float, float, str]]) -> None:
    for found in (doses_md(text), doses_html(f"<p>{text}</p>")):
        assert [(d.low, d.high, d.unit) for d in found] == parts


def test_product_names_take_their_substance() -> None:
    (k2,) = doses_md("K2-7 100mcg and nothing else.")
    assert k2.substance == "vitamin K"


def test_hypothetical_doses_are_marked() -> None:
    for found in (doses_md("A study could have used 250 mg or 450 mg of magnesium."),
                  doses_html("<p>A study could have used 250 mg or 450 mg of magnesium.</p>")):
        assert [d.hypothetical for d in found] == [True, True]
    (stated,) = doses_md("50,000 IU weekly would have been better for vitamin D.")
    assert not stated.hypothetical


def test_a_linked_headline_is_not_compared() -> None:
    """Another page's headline reports what that page describes; the page is checked on its own."""
    md = ("* [300,000 IU of vitamin D helped seniors](/posts/seniors)\n* [50,000 IU of vitamin D weekly helped](/posts/weekly)\n"
          "* Take 50,000 IU of vitamin D weekly, see [the trial](/posts/weekly).\n")
    html = ('<ul><li><a href="/posts/seniors">300,000 IU of vitamin D helped seniors</a></li>'
            '<li><a href="/posts/weekly">50,000 IU of vitamin D weekly helped</a></li>'
            '<li>Take 50,000 IU of vitamin D weekly, see <a href="/posts/weekly">the trial</a>.</li></ul>')
    for text, path in ((md_page(md), "p.md"), (html_page(html), "p.html")):
        (message,) = messages(text, path)
        assert "Dose '50,000 IU'" in message and "weekly" in message


@pytest.mark.parametrize("text", ["Vitamin D intake was 4.0 mg/day.", "Take 2.5 mg of vitamin D daily."])
def test_a_microgram_substance_far_over_its_limit_in_mg_is_a_lost_micro_sign(text: str) -> None:
    assert messages(md_page(text), "p.md") == []
    assert messages(html_page(f"<p>{text}</p>"), "p.html") == []
    # written in micrograms, a figure over the limit is a dose and is compared
    assert len(messages(md_page("Vitamin D intake was 400 mcg/day."), "p.md")) == 1
    # 1.25 mg (50,000 IU) a day is 12.5 times the limit: a real (prescription-sized) dose
    assert len(messages(md_page("Take 1.25 mg of vitamin D daily."), "p.md")) == 1


@pytest.mark.parametrize("text", [
    "Each capsule provides 50,000 IU of vitamin D.",
    "Each Brand-X softgel provides 50,000 IU of vitamin D.",
    "There are 50,000 IU of vitamin D in each capsule.",
    "Vitamin D 50,000 IU per softgel.",
])
def test_what_one_capsule_holds_is_not_a_daily_dose(text: str) -> None:
    assert messages(md_page(text), "p.md") == []
    assert messages(html_page(f"<p>{text}</p>"), "p.html") == []
    taken = text.rstrip(".") + ", taken daily."
    assert len(messages(md_page(taken), "p.md")) == 1


def test_the_frequency_nearest_the_amount_wins() -> None:
    for found in (doses_md("Vitamin D 50,000 IU weekly or bi-weekly."),
                  doses_html("<p>Vitamin D 50,000 IU weekly or bi-weekly.</p>")):
        (dose,) = found
        assert dose.frequency == "weekly"


def test_a_frequency_of_a_later_bare_number_is_not_taken() -> None:
    text = "Used a loading dose of 200,000 IU of vitamin D with 50,000 a day for 6 days."
    for found in (doses_md(text), doses_html(f"<p>{text}</p>")):
        assert found[0].frequency == "once"


@pytest.mark.parametrize("text", ["Apply sunscreen at 2 mg/cm2 with vitamin D.",
                                  "For vitamin D the upper tolerable limit is put at 10,000 IU/day."])
def test_concentrations_and_stated_limits_are_not_reported(text: str) -> None:
    assert messages(md_page(text), "p.md") == []
    assert messages(html_page(f"<p>{text}</p>"), "p.html") == []

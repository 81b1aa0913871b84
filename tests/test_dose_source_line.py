"""dose-needs-citation and the source just outside the claim's paragraph (issue 18): a short
line linking to the paper (PubMed, a DOI, a PDF) right after the claim, and reference numbers
a copied paper flattened onto a closing parenthesis ("(840,000 IU/kg)8,9.").  Each in Markdown
and in HTML, next to the page's own claim of the same shape, which is still reported."""
from __future__ import annotations

import pytest

from medlint import lint_text
from medlint.medical.citations import _NUMBERED

CITATION = "dose-needs-citation"


def flagged(text: str, path: str) -> list[str]:
    diags = lint_text(text, path=path, config={}, select=[CITATION])
    return [d.message.split("'")[1] for d in diags]


def md(body: str) -> list[str]:
    return flagged("---\ntitle: Notes\n---\n\n" + body + "\n", "p.md")


def html(body: str) -> list[str]:
    return flagged(f"<html><head><title>Notes</title></head><body>{body}</body></html>\n", "p.html")


@pytest.mark.parametrize("link", ["https://www.ncbi.nlm.nih.gov/pubmed/28719693",
                                  "https://doi.org/10.1001/jama.2017.8708",
                                  "https://example.org/files/treatment-protocol.pdf"])
def test_a_literature_link_on_the_next_line_is_the_source(link: str) -> None:
    assert md(f"## Update\n\n2,000 IU did not reduce infections in the trial\n\n**[JAMA]({link})**") == []
    assert html(f"<h2>Update</h2><p>2,000 IU did not reduce infections in the trial</p>"
                f"<p><a href=\"{link}\">JAMA</a></p>") == []


def test_the_link_may_follow_a_short_note() -> None:
    body = ("2,000 IU did not reduce infections in the trial\n\n* Note: the trial ran four months\n\n"
            "[The paper](https://doi.org/10.1001/jama.2017.8708)")
    assert md(body) == []


def test_a_plain_link_after_the_pages_claim_is_no_source() -> None:
    assert md("## Our view\n\nTaking 2,000 IU is rarely enough for an adult.\n\n"
              "[Our shop](https://example.com/shop)") == ["2,000 IU"]
    assert html("<h2>Our view</h2><p>Taking 2,000 IU is rarely enough for an adult.</p>"
                "<p><a href=\"https://example.com/shop\">shop</a></p>") == ["2,000 IU"]


def test_a_link_beyond_a_long_paragraph_or_a_heading_is_not_the_claims() -> None:
    long_text = "More than 4,000 IU is not toxic for adults. " + "It is our long-held view on this. " * 10
    # the second paragraph's source line is the link; the first one's is not, a long paragraph between
    assert md(f"{long_text}\n\n{long_text}\n\n[Paper](https://doi.org/10.1/x)") == ["4,000 IU"]
    assert md("Taking 2,000 IU is rarely enough.\n\n## Next\n\n[Paper](https://doi.org/10.1/x)") == ["2,000 IU"]


def test_references_flattened_onto_a_parenthesis() -> None:
    text = "In rats the lethal dose has been reported as 15 mg/kg (600,000 IU/kg)4,5. More follows."
    assert md(text) == []
    assert html(f"<p>{text}</p>") == []


@pytest.mark.parametrize(("text", "is_reference"), [
    ("the dose (840,000 IU/kg)8,9.", True),
    ("the dose (in rats)12-16 and more", True),
    ("more than 4,000 IU (for adults)2,000 IU per kg is toxic", False),
    ("a single figure (see below)8. Then", False),
])
def test_what_counts_as_flattened_after_a_parenthesis(text: str, is_reference: bool) -> None:
    assert bool(_NUMBERED.search(text)) is is_reference


def test_the_pages_own_toxicity_claim_is_still_reported() -> None:
    assert md("## Toxicity\n\n2,000 IU per kg is toxic, and more than 4,000 IU is not toxic.") == [
        "2,000 IU", "more than 4,000 IU"]
    assert html("<h2>Toxicity</h2><p>2,000 IU per kg is toxic, and more than 4,000 IU is not toxic.</p>") == [
        "2,000 IU", "more than 4,000 IU"]


@pytest.mark.parametrize("text", [
    "Note: I have just ordered a 2,500 IU/drop bottle to keep in the car.",
    "I weighed it myself: a flat scoop is 1.2 grams, so has 120,000 IU of vitamin D3.",
    "We bought a bottle of 5,000 IU capsules at the pharmacy.",
])
def test_what_the_writer_bought_or_measured_is_no_claim(text: str) -> None:
    assert md(text) == []
    assert html(f"<p>{text}</p>") == []


def test_the_writers_claim_beside_a_purchase_is_still_reported() -> None:
    text = "I bought a new bottle. Most adults need 5,000 IU daily to reach 40 ng."
    assert md(text) == ["5,000 IU"]
    assert html(f"<p>{text}</p>") == ["5,000 IU"]


def test_the_disclaimer_still_reads_a_purchase_as_the_pages_dose() -> None:
    text = "Note: I have just ordered a 2,500 IU/drop bottle to keep in the car."
    diags = lint_text("---\ntitle: Notes\n---\n\n" + text + "\n", path="p.md", config={},
                      select=["disclaimer-missing"])
    assert [d.rule for d in diags] == ["disclaimer-missing"]

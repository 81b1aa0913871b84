"""Dose rules: the citation window, the upper limits and error-prone notation."""
from __future__ import annotations

import pytest

from medlint import lint_text

CITE = ["dose-needs-citation"]
LIMIT = ["dose-above-upper-limit"]
NOTATION = ["dose-notation"]


def found(text: str, rules: list[str], path: str = "x.md") -> list[tuple[int, int, str]]:
    return [(d.line, d.column, d.message) for d in lint_text(text, path=path, config={}, select=rules)]


# -- citation window --------------------------------------------------------------

@pytest.mark.parametrize("citation", [
    "[the trial](https://example.org/trial)",
    "https://example.org/trial",
    "<https://example.org/trial>",
    "doi:10.1000/xyz",
    "PMID: 21711256",
    "PMCID: PMC1234567",
    "[^1]",
    "[1]",
    "[2, 3]",
    "[1-3]",
    "<sup>4</sup>",
    "(Smith et al., 2019)",
    "(Smith 2019)",
    "(Smith and Jones, 2019; Lee 2020)",
    "Smith et al. (2019)",
    "[trial][t]",
])
def test_citation_kinds_in_the_paragraph(citation: str, isolated) -> None:
    text = f"Patients took 10,000 IU a day. Source: {citation}.\n\n[t]: https://example.org\n\n[^1]: A footnote.\n"
    assert found(text, CITE) == []


def test_bare_year_is_not_a_citation(isolated) -> None:
    assert found("A trial published in 2016 used 10,000 IU a day.", CITE) == [
        (1, 32, "Dose '10,000 IU' has no citation in the same paragraph"),
    ]


def test_window_is_the_paragraph_or_list_item(isolated) -> None:
    text = (
        "Take 1,000 IU daily.\n\n"               # its own paragraph: not cited
        "See [the guideline](https://x.org).\n\n"
        "* Take 2,000 IU daily, [source](https://x.org)\n"  # cited in its item
        "* Take 3,000 IU daily\n"                 # the next item is not cited
        "   continued line of the item\n\n"
        "   * nested 4,000 IU item\n"
    )
    assert [(line, col) for line, col, _ in found(text, CITE)] == [(1, 6), (6, 8), (9, 13)]


def test_sentence_window(isolated) -> None:
    text = "Take 1,000 IU daily. Another claim (Smith 2019)."
    cfg = {"rules": {"dose-needs-citation": {"options": {"window": "sentence"}}}}
    assert [d.column for d in lint_text(text, config=cfg, select=CITE)] == [6]
    assert lint_text(text, config={}, select=CITE) == []


def test_html_paragraphs_and_list_items(isolated) -> None:
    html = ("<p>Take 1,000 IU daily.</p><p>See <a href='/x'>x</a>.</p>"
            "<ul><li>Take 2,000 IU <a href='/y'>y</a></li><li>Take 3,000 IU</li></ul>")
    assert [col for _, col, _ in found(html, CITE, "x.html")] == [9, html.index("3,000") + 1]


def test_dose_in_link_text_is_cited_by_its_link(isolated) -> None:
    assert found("* [2800 IU vitamin D daily did not help](/posts/2800-iu)", CITE) == []


def test_quoted_abstracts_are_skipped(isolated) -> None:
    assert found("> Participants received 10,000 IU per day.", CITE) == []


def test_configurable_citation_kinds(isolated) -> None:
    cfg = {"rules": {"dose-needs-citation": {"options": {"citations": ["doi", "pmid"]}}}}
    assert len(lint_text("Take 1,000 IU a day [1].", config=cfg, select=CITE)) == 1


# -- upper limits ---------------------------------------------------------------

@pytest.mark.parametrize(("text", "reported"), [
    ("Take 5,000 IU of vitamin D daily.", True),
    ("Take 4,000 IU of vitamin D daily.", False),
    ("Take 100 mcg of vitamin D daily.", False),
    ("Take 125 mcg of vitamin D daily.", True),
    ("Take 50,000 IU of vitamin D weekly.", True),          # 7,143 IU a day
    ("Take 25,000 IU of vitamin D weekly.", False),         # 3,571 IU a day
    ("Take 50,000 IU of vitamin D every two weeks.", False),  # 3,571 IU a day
    ("Take 100,000 IU of vitamin D monthly.", False),       # 3,333 IU a day
    ("Take 150,000 IU of vitamin D monthly.", True),        # 5,000 IU a day
    ("Take 3,000 IU of vitamin D twice a day.", True),
    ("Take 3 g of calcium daily.", True),
    ("Take 2,000 mg of calcium daily.", False),
    ("Take 15,000 IU of vitamin A daily.", True),           # 4,500 mcg RAE
    ("Take 8,000 IU of vitamin A daily.", False),           # 2,400 mcg RAE
    ("Take 2,000 IU of vitamin E daily.", True),            # 1,340 mg
    ("Take 1,000 IU of vitamin E daily.", False),
    ("Zinc 50 mg a day.", True),
    ("Iron 65 mg daily.", True),
    ("Magnesium 400 mg daily.", True),
    ("Selenium 200 mcg daily.", False),
    ("Take 500 mcg of vitamin B12 daily.", False),          # no UL
    ("A single dose of 300,000 IU of vitamin D.", False),
    ("Take 5,000 IU of vitamin D.", True),                  # no frequency: read as daily
    ("Take 5,000 IU daily.", False),                        # no substance: no limit known
])
def test_upper_limits(text: str, reported: bool, isolated) -> None:
    assert bool(found(text, LIMIT)) is reported


def test_upper_limit_message(isolated) -> None:
    (line, col, message) = found("They took 50,000 IU of vitamin D weekly.", LIMIT)[0]
    assert message == ("Dose '50,000 IU' of vitamin D is 7,143 IU (179 mcg) a day (weekly, as a daily average), "
                       "above the adult upper intake level of 4,000 IU (100 mcg) a day")
    (_, _, undated) = found("Take 5,000 IU of vitamin D.", LIMIT)[0]
    assert "a day, if taken daily" in undated


@pytest.mark.parametrize("aside", [
    "This is above the tolerable upper intake level.",
    "Doses this high can be toxic.",
    "Only under medical supervision.",
    "Your doctor may have prescribed it.",
])
def test_acknowledged_in_the_paragraph(aside: str, isolated) -> None:
    assert found(f"Take 10,000 IU of vitamin D daily. {aside}", LIMIT) == []
    assert len(found(f"Take 10,000 IU of vitamin D daily.\n\n{aside}", LIMIT)) == 1


def test_custom_limits_file(tmp_path, isolated) -> None:
    limits = tmp_path / "limits.yaml"
    limits.write_text("substances:\n  caffeine:\n    names: [caffeine]\n    limit: {amount: 400, unit: mg}\n")
    cfg = {"rules": {"dose-above-upper-limit": {"options": {"limits": str(limits)}}}}
    assert len(lint_text("Caffeine 600 mg a day.", config=cfg, select=LIMIT)) == 1
    assert lint_text("Caffeine 300 mg a day.", config=cfg, select=LIMIT) == []


# -- notation -----------------------------------------------------------------------

@pytest.mark.parametrize(("text", "column", "replacement"), [
    ("Take 5.0 mg at night.", 6, "5"),
    ("Take 2.50 mg at night.", 6, "2.5"),
    ("Take .5 mg of the drug.", 6, "0.5"),
    ("Inject 10 U of insulin.", 8, "10 units"),
    ("Inject 10U of insulin.", 8, "10 units"),
    ("Give 5 cc of the syrup.", 6, "5 mL"),
    ("Take one tablet qd.", 17, "daily"),
    ("Take one tablet QOD.", 17, "every other day"),
    ("B12 500 \u00b5g daily.", 5, "500 mcg"),
    ("Take 10mg of the drug.", 6, "10 mg"),
])
def test_notation(text: str, column: int, replacement: str, isolated) -> None:
    diags = lint_text(text, config={}, select=NOTATION)
    assert [(d.column, d.fix.replacement) for d in diags] == [(column, replacement)]


@pytest.mark.parametrize("text", [
    "Take 5 mg at night.", "A dose of 0.5 mg of the drug.", "Inject 10 units of insulin.", "Version 2.0 of the guideline.",
    "People with MS took 2.5 mg.", "Mann-Whitney U test", "BookFinder4U", "The mean rose 14.90 units.", "Use `10mg` in code.",
])
def test_notation_negatives(text: str, isolated) -> None:
    assert lint_text(text, config={}, select=NOTATION) == []


# -- claims versus reports ----------------------------------------------------------

@pytest.mark.parametrize("sentence", [
    "Participants received 50,000 IU weekly for a year.",
    "In the trial the treatment arm took 4,000 IU a day.",
    "The highest level was reached by the group on 4000 IU/day.",
    "Another trial reported that 300,000 IU given once raised levels.",
    "These days I swallow one 50,000 IU capsule each sixth day.",
    "The testes produce 6 to 7 mg of testosterone per day.",
    "A trial run in Peru gave newborns one 50,000 IU dose on day one.",
    "Daily treatment with 720 mcg MK-7 or matching placebo.",
    "I need one 50,000 IU capsule every 72 hours.",
    "My daughter was on 2,000 IU a day.",
    "Levels at delivery in the 2000 and 4000 IU groups were 36 and 38 ng/mL.",
    "Levels exceeded 20 ng/ml in 97.5% of Adults on the 800 IU dose.",
    "Twice a month is 11,000 IU/15 = 730 IU a day.",
])
def test_reports_are_not_the_pages_claims(sentence: str, isolated) -> None:
    assert found(sentence, CITE) == []
    assert found(f"<p>{sentence}</p>", CITE, "x.html") == []


@pytest.mark.parametrize("sentence", [
    "Most adults probably need 5,000 - 10,000 IU of vitamin D.",
    "Children should be given 400 IU a day.",
    "A trial published in 2016 used up to 14,000 IU per day.",
    # A study named only by its year is the page's account of it: it needs the source.
    "A randomised trial published in 2018 found that supplements (up to 12,000 IU per day) cut relapses.",
    "A 2021 study showed that 6,000 IU daily raised levels in most people.",
    "Type I diabetics may take 4,000 IU a day.",
    "Take **10,000 IU** a day in winter.",
    "So yes, I concede, 90,000 IU of vitamin D can be toxic.",
])
def test_claims_still_need_a_source(sentence: str, isolated) -> None:
    assert len(found(sentence, CITE)) == 1
    assert len(found(f"<p>{sentence}</p>", CITE, "x.html")) == 1


def test_reports_option_reports_both(isolated) -> None:
    cfg = {"rules": {"dose-needs-citation": {"options": {"reports": True}}}}
    assert len(lint_text("Participants received 50,000 IU weekly.", config=cfg, select=CITE)) == 1


@pytest.mark.parametrize("citation", ["(28)", "(9, 10)", "(49)-(51)", "reported23,25"])
def test_numbered_citations_as_copied_pages_write_them(citation: str, isolated) -> None:
    text = f"Adults need 600 IU a day as {citation}. More text."
    assert found(text, CITE) == []
    assert found(f"<p>{text}</p>", CITE, "x.html") == []


def test_an_enumeration_is_not_a_citation(isolated) -> None:
    assert len(found("Two steps: (1) take 600 IU a day and (2) eat well.", CITE)) == 1


def test_a_table_of_doses_is_one_finding(isolated) -> None:
    md = "| Age | Dose |\n|---|---|\n| 1-70 | 600 IU |\n| 70+ | 800 IU |\n| pregnancy | 600 IU |\n"
    assert [m for _, _, m in found(md, CITE)] == ["Dose '600 IU' has no citation in the same table (3 uncited doses)"]
    html = ("<table><tr><th>Age</th><th>Dose</th></tr><tr><td>1-70</td><td>600 IU</td></tr>"
            "<tr><td>70+</td><td>800 IU</td></tr></table>")
    assert [m for _, _, m in found(html, CITE, "x.html")] == [
        "Dose '600 IU' has no citation in the same table (2 uncited doses)"]


def test_a_pmid_line_after_the_paragraph_is_its_source(isolated) -> None:
    text = "The arm on vitamin D did better with 10,000 IU a day.\n\nPMID: 21711256\n"
    assert found("Adults need 10,000 IU a day.\n\nPMID: 21711256\n", CITE) == []
    assert found("<p>Adults need 10,000 IU a day.</p><p>PMID: 21711256</p>", CITE, "x.html") == []
    assert found(text.replace("PMID: 21711256", "[ref](/x)"), CITE) == []  # a report anyway
    assert len(found("Adults need 10,000 IU a day.\n\n[ref](/x)\n", CITE)) == 1


def test_a_headings_source_opens_its_section(isolated) -> None:
    md = "## 1000 IU but not 400 IU stopped bone loss\n\nA trial in women.\n\n[The paper](https://x.org/p)\n"
    assert found(md, CITE) == []
    html = "<h2>1000 IU stopped bone loss</h2><p>A trial in women.</p><p><a href='https://x.org'>paper</a></p>"
    assert found(html, CITE, "x.html") == []
    assert len(found("## Take 1000 IU\n\nText.\n\n## Next\n\n[x](https://x.org)\n", CITE)) == 1


# -- issue 18: reports an editor does not ask a source for, and citations as real pages write them --

@pytest.mark.parametrize("md, html", [
    ("## 4,000 IU of vitamin D cut cancer - RCT July 2012\n\nText.\n",
     "<h2>4,000 IU of vitamin D cut cancer - RCT July 2012</h2><p>Text.</p>"),
    ("## Pharmacokinetics of one oral dose of vitamin D3 (60,000 IU) in older men\n\nText.\n",
     "<h2>Pharmacokinetics of one oral dose of vitamin D3 (60,000 IU) in older men</h2><p>Text.</p>"),
    ("**KB**: So 200 mcg is small.\n\n**DM**: Right.\n\n**KB**: Forty-five mg is typical.\n",
     "<p><b>KB</b>: So 200 mcg is small.</p><p><b>DM</b>: Right.</p><p><b>KB</b>: Forty-five mg is typical.</p>"),
    ("We randomized 300 women to 1,000 IU or 2,000 IU a day.", None),
    ("They were placed on the following schedule: 1,400 IU of cholecalciferol per day for 40 days.", None),
    ("Calcium tablets were added to maintain the whole group's calcium intake at 1,200 mg daily.", None),
    ("Exclusion criteria were pregnancy or supplements above 5 mcg a day.", None),
    ("When the province gave all infants 400 IU of vitamin D, its rickets rate fell.", None),
    ("Rickets dropped to 0.2% after providing 400 IU to all infants.", None),
    ("A study could have used 250 mg or 450 mg of magnesium.", None),
    ("Each capsule provides 50,000 IU of vitamin D.", None),
    ("A bottle of 400 IU drops costs $12 and lasts three months.", None),
    ("The Institute of Medicine recommends 600 IU a day for adults.", None),
    ("The IOM concluded that children require 400 IU a day.", None),
    ("For decades the national health ministry has advised that each infant be given 200 IU a day.", None),
    ("In the UK the calcium RDA is 700 mg.", None),
    ("Infants should receive 400 IU a day (recommendation grade B).", None),
    ("A recent survey of researchers revealed that all of them take 1,500 IU a day or more.", None),
    ("Female employees took more than 4,000 IU a day.", None),
    ("Interventions Oral vitamin D3 (4000 IU/d for 28 weeks) or placebo was added to the inhaler.", None),
    ("The daily feed of the herd contained 20,000 - 30,000 IU vitamin D.", None),
    ("Levels rose by 21 \u00b1 9 nmol/L (1,000 IU/day).", None),
    ("Pooled analyses weigh trials using 400 IU as heavily as trials with 4,000 IU.", None),
    ("I have taken verapamil daily, 120-480 mg/day.", None),
    ("Need to check the assumption that giving 400 IU daily will be enough.", None),
    ("## Their conclusions (copied from the report)\n\nInfants should receive 400 IU a day.\n",
     "<h2>Their conclusions (copied from the report)</h2><p>Infants should receive 400 IU a day.</p>"),
    ("![chart](x.png)\n\nEffects of supplementation at 4000 IU/d on levels.\n",
     "<p><img src='x.png' alt='chart'></p><p>Effects of supplementation at 4000 IU/d on levels.</p>"),
    ("Figure 3. Effects of supplementation at 4000 IU/d on levels.", None),
    ("The Academy of Pediatrics recommends:\n\n* Infants should get 400 IU a day.\n",
     "<p>The Academy of Pediatrics recommends:</p><ul><li>Infants should get 400 IU a day.</li></ul>"),
])
def test_more_reports_are_not_the_pages_claims(md: str, html: str | None, isolated) -> None:
    assert found(md, CITE) == []
    assert found(html or f"<p>{md}</p>", CITE, "x.html") == []


@pytest.mark.parametrize("md, html", [
    ("## Take 4,000 IU of vitamin D in winter\n\nText.\n", "<h2>Take 4,000 IU of vitamin D in winter</h2><p>Text.</p>"),
    ("### Dosing with 5,000 IU softgels\n\nText.\n", "<h3>Dosing with 5,000 IU softgels</h3><p>Text.</p>"),
    ("Most adults on a typical diet need 5,000 IU of vitamin D.", None),
    ("The National Osteoporosis Society recommends 800 IU but you should take 2,000 IU.", None),
    ("Note: adults need 600 IU a day.", None),
    ("Q: How much? A: Adults need 600 IU a day.", None),  # one line is not a transcript
    ("Our advice:\n\n* Infants should get 400 IU a day.\n", "<p>Our advice:</p><ul><li>Infants should get 400 IU a day.</li></ul>"),
])
def test_claims_that_look_like_reports_still_need_a_source(md: str, html: str | None, isolated) -> None:
    assert len(found(md, CITE)) == 1
    assert len(found(html or f"<p>{md}</p>", CITE, "x.html")) == 1


@pytest.mark.parametrize("md, html", [
    ("Adults need 600 IU a day.52 More text.", None),
    ("Adults need 600 IU a day (28).", None),
    ("Adults need 600 IU a day [12].", None),
    ("Adults need 600 IU a day.<sup>3</sup> More text.", None),
    ("Adults need 600 IU a day.[^1]\n\n[^1]: A footnote.\n",
     "<p>Adults need 600 IU a day.<sup><a href='#fn1'>1</a></sup></p><ol><li id='fn1'>A footnote.</li></ol>"),
    ("Adults need 600 IU a day, as Chung et al. (28) found.", None),
    ("Adults need 600 IU a day (Chung et al., 2011).", None),
    ("Adults need 600 IU a day, as the Institute of Medicine (2011) says.", None),
    ("Adults need 600 IU a day (IOM 2011).", None),
    ("Adults need 600 IU a day according to WHO, 2020.", None),
    ("Adults need 600 IU and 800 IU respectively 5 , 6 .", None),
    ("Adults need 600 IU a day ([PubMed](https://pubmed.ncbi.nlm.nih.gov/21118827/)).",
     "<p>Adults need 600 IU a day (<a href='https://pubmed.ncbi.nlm.nih.gov/21118827/'>PubMed</a>).</p>"),
    ("Adults need 600 IU a day (doi:10.1210/jc.2011-0385).", None),
    ("The recommendations are as follows 8:\n\n* Adults need 600 IU a day.\n",
     "<p>The recommendations are as follows<sup>8</sup>:</p><ul><li>Adults need 600 IU a day.</li></ul>"),
    ("## Vitamin D\n\nAdults need 600 IU a day.\n\nSources:\n\n* [IOM report](https://example.org/iom)\n",
     "<h2>Vitamin D</h2><p>Adults need 600 IU a day.</p><p>Sources:</p><ul><li><a href='https://example.org/iom'>IOM"
     "</a></li></ul>"),
    ("## Vitamin D\n\nAdults need 600 IU a day.\n\n### References\n\n1. Smith J. A title. doi:10.1000/xyz\n",
     "<h2>Vitamin D</h2><p>Adults need 600 IU a day.</p><h3>References</h3><ol><li>Smith J. doi:10.1000/xyz</li></ol>"),
])
def test_citation_forms_of_real_pages(md: str, html: str | None, isolated) -> None:
    assert found(md, CITE) == []
    assert found(html or f"<p>{md}</p>", CITE, "x.html") == []


def test_sources_of_another_section_do_not_count(isolated) -> None:
    md = "## Vitamin D\n\nAdults need 600 IU a day.\n\n## Other\n\nSources:\n\n* [IOM](https://example.org)\n"
    assert len(found(md, CITE)) == 1
    html = ("<h2>Vitamin D</h2><p>Adults need 600 IU a day.</p><h2>Other</h2><p>Sources:</p>"
            "<ul><li><a href='https://example.org'>IOM</a></li></ul>")
    assert len(found(html, CITE, "x.html")) == 1
    assert len(found("Adults need 600 IU a day, 3 more than before.", CITE)) == 1  # a number is not a reference


def test_a_sentence_split_off_its_cited_paragraph(isolated) -> None:
    md = "Accordingly, the dose is 800 IU a day in winter.\n\nIt is 800 IU a day all year in Bulgaria (29,33,34).\n"
    assert found(md, CITE) == []
    html = "<p>Accordingly, the dose is 800 IU a day in winter.</p><p>It is 800 IU all year in Bulgaria (29,33,34).</p>"
    assert found(html, CITE, "x.html") == []
    # a paragraph of several sentences is not a split one; nor is one followed by an uncited paragraph
    assert len(found("Adults need 800 IU. Children need 400 IU.\n\nIt is 800 IU in Bulgaria (29,33).\n", CITE)) == 2
    assert len(found("Adults need 800 IU a day in winter.\n\nSeveral trials looked at this.\n", CITE)) == 1


@pytest.mark.parametrize("md, html", [
    ("## Methods\n\nWomen took 2,000 IU a day for a year.\n\n## Comment\n\nText.\n",
     "<h2>Methods</h2><p>Women took 2,000 IU a day for a year.</p>"),
    ("### Summary of evidences\n\nSingle doses greater than 25,000 IU have to be avoided.\n",
     "<h3>Summary of evidences</h3><p>Single doses greater than 25,000 IU have to be avoided.</p>"),
    ("Her advice:\n\n* 200 mcg minimum\n\n**KB**: So 200 mcg is small.\n\n**DM**: Right.\n\n**KB**: Yes.\n",
     "<ul><li>200 mcg minimum</li></ul><p><b>KB</b>: So.</p><p><b>DM</b>: Right.</p><p><b>KB</b>: Yes.</p>"),
])
def test_a_papers_sections_and_an_interviews_page_are_reports(md: str, html: str, isolated) -> None:
    assert found(md, CITE) == []
    assert found(html, CITE, "x.html") == []


def test_a_results_heading_of_the_page_itself_is_not_a_paper_section(isolated) -> None:
    assert len(found("## Our results so far\n\nMost adults need 5,000 IU a day.\n", CITE)) == 1


def test_a_source_linked_in_the_sections_heading_cites_its_claims(isolated) -> None:
    """A section headed by its source ("## [Title](https://journal...)", a title with its DOI)
    is that source's text; the next section, under a plain heading, is the page's own."""
    md = ("## [Vitamin D and falls in older adults](https://journal.example.org/art/123)\n\n"
          "Adults need 2,000 IU a day to prevent falls.\n\n"
          "## Vitamin D and falls, doi:10.1000/xyz123\n\nAdults need 2,000 IU a day.\n\n"
          "## What we think\n\nAdults need 5,000 IU a day.\n")
    html = ('<h2><a href="https://journal.example.org/art/123">Vitamin D and falls in older adults</a></h2>'
            "<p>Adults need 2,000 IU a day to prevent falls.</p>"
            "<h2>What we think</h2><p>Adults need 5,000 IU a day.</p>")
    assert [m.split("'")[1] for _, _, m in found(md, CITE)] == ["5,000 IU"]
    assert [m.split("'")[1] for _, _, m in found(html, CITE, "x.html")] == ["5,000 IU"]

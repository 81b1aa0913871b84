"""acronym-undefined: a pasted paper's sections, firms named by what they do, author lines
with surnames that are English words, and long forms built on a letter (issue 16).

Each heuristic on Markdown and HTML fixtures of our own, beside the true case it must
leave reported: the same abbreviation in the page's own words, never expanded."""
from __future__ import annotations

import re

import pytest

from medlint import lint_text
from medlint.kinds.firms import firm_names
from medlint.kinds.letterforms import letter_long_form
from medlint.kinds.namedinitials import surname_initials

RULE = ["acronym-undefined"]


def reported(text: str, path: str = "x.md") -> list[str]:
    return [d.message.split("'")[1] for d in lint_text(text, path=path, config={}, select=RULE)]


# -- a paper's sections under its own headings ----------------------------------------------------

@pytest.mark.parametrize("text, path", [
    ("# Zinc and sleep\n\nA trial we liked.\n\n## Methods\n\nSerum QTL was read by HPLC-free assay.\n\n"
     "## Results\n\nQTL fell.\n", "x.md"),
    ("# Zinc and sleep\n\n## Background\n\nZinc is common.\n\n### Take-Home Messages\n\n"
     "1. Zinc binds QTL and KRX in the gut.\n", "x.md"),
    ("# Zinc and sleep\n\n#### 3. Results\n\nNo change.\n\n#### 4. Discussion\n\nWe saw QTL fall in the KRX group.\n",
     "x.md"),
    ("# Zinc\n\n### Figure 3 (grey bars: zinc)\n\nEffect of zinc on QTL.\n", "x.md"),
    ("# A thesis\n\n## Abstract\n\nWe built a rig.\n\n### Table of Contents\n\n5.2.1 Tuning the QTL of the rig 88\n",
     "x.md"),
    ("<h1>Zinc</h1><h2>Methods</h2><p>Adults took zinc.</p><h2>Conclusions</h2><p>Zinc lowered QTL in adults.</p>",
     "x.html"),
    ("<h1>Zinc</h1><h3>Table II. Signs seen with high QTL</h3><p>Thirst, QTL above range.</p>", "x.html"),
])
def test_a_papers_sections_are_not_read(text: str, path: str, isolated) -> None:
    assert reported(text, path) == []


@pytest.mark.parametrize("text, path", [
    # the page's own words after the paper's section: the next heading is the page's
    ("# Zinc\n\n## Results\n\nQTL fell.\n\n## What I make of it\n\nAsk for a QTL test.\n", "x.md"),
    ("<h1>Zinc</h1><h2>Conclusions</h2><p>QTL fell.</p><h2>Our notes</h2><p>Ask for a QTL test.</p>", "x.html"),
    # a heading that only opens with a section's word is the page's own
    ("# Zinc\n\n## Results of my own QTL test\n\nMy QTL was low.\n", "x.md"),
    # "Highlights" sites write themselves
    ("# Zinc\n\n## Highlights\n\n* QTL fell by half\n", "x.md"),
    # one section heading is no paper: a site heads its own text "Background" too
    ("# Zinc\n\n## Background\n\nPeople with QTL often tire on stairs.\n", "x.md"),
    ("<h1>Zinc</h1><h2>Conclusion</h2><p>Ask about QTL.</p>", "x.html"),
    # the same name twice ("Results" and "3. Results") is still one heading's kind
    ("# Zinc\n\n## Results\n\nQTL fell.\n\n## 3. Results\n\nNo change.\n", "x.md"),
    # a dose after "Table" names no caption
    ("# Zinc\n\n## Table 4000 IU daily\n\nQTL fell.\n", "x.md"),
])
def test_the_pages_own_sections_are_read(text: str, path: str, isolated) -> None:
    assert reported(text, path) == ["QTL"]


def test_the_finding_is_at_the_first_use_outside_the_section(isolated) -> None:
    text = "# Zinc\n\n## Methods\n\nQTL was read.\n\n## Results\n\nQTL fell.\n\n## My view\n\nQTL matters.\n"
    found = lint_text(text, path="x.md", config={}, select=RULE)
    assert [(d.line, d.column) for d in found] == [(13, 1)]


# -- firms told by what they do ------------------------------------------------------------------

def test_firm_names_reads_what_a_firm_does() -> None:
    prose = ("QRZ is making a small home test kit. KLX, a Swiss maker of capsules. ZZT - holder of "
             "several enzyme patents. PLV Nutritional Products. BNW sells it online.")
    assert firm_names(prose) == {"QRZ", "KLX", "ZZT", "PLV", "BNW"}


@pytest.mark.parametrize("prose", [
    "The AHRQ is making changes to its advice.",  # a body making changes makes nothing
    "The NICE panel, chaired by a GP, met twice.",
    "AHRQ made a statement.",
])
def test_firm_names_leaves_public_bodies(prose: str) -> None:
    assert firm_names(prose) == set()


@pytest.mark.parametrize("text, path", [
    ("## QRZ home tester\n\nQRZ is making a small home test kit for zinc.\n\nI asked QRZ for a sample.", "x.md"),
    ("<p>Most enzyme patents belong to ZZT.</p><ul><li>ZZT - holder of many enzyme patents</li></ul>", "x.html"),
])
def test_a_firm_is_not_reported(text: str, path: str, isolated) -> None:
    assert reported(text, path) == []


@pytest.mark.parametrize("text, path", [
    ("The AHRQ is making changes to its zinc advice.", "x.md"),
    ("<p>Ask AHRQ about zinc.</p>", "x.html"),
])
def test_a_body_is_still_reported(text: str, path: str, isolated) -> None:
    assert reported(text, path) == ["AHRQ"]


# -- author lines: a surname that is an English word ---------------------------------------------

def test_surname_initials_needs_a_title_above_and_a_name_never_in_lower_case() -> None:
    from medlint.document import Document

    def judged(text: str) -> bool:
        doc = Document.from_text(text, "x.md")
        at = text.index("QT")
        return surname_initials(doc, at, at + 2)

    assert judged("**Zinc in the ward.**\n\nBaker QT. No abstract available.\n")
    assert not judged("**Zinc in the ward.**\n\nBaker QT. No abstract available.\n\nWe asked the baker.\n")
    assert not judged("Zinc in the ward, we said.\n\nBaker QT. No abstract available.\n")


@pytest.mark.parametrize("text, path", [
    ("**Zinc in the ward.**\n\nBaker QT. No abstract available.\n", "x.md"),
    ("<p><b>Zinc in the ward.</b></p><p>Young PKL. No abstract available.</p>", "x.html"),
])
def test_an_author_line_is_not_reported(text: str, path: str, isolated) -> None:
    assert reported(text, path) == []


@pytest.mark.parametrize("text, path", [
    ("**Before the test**\n\nMeasure QTH. Then measure zinc.", "x.md"),  # "measure" in lower case: a verb
    ("<p>Before the test:</p><p>Measure QTH.</p>", "x.html"),  # no title above
])
def test_a_sentence_opening_is_still_read(text: str, path: str, isolated) -> None:
    assert reported(text, path) == ["QTH"]


# -- long forms built on a letter ----------------------------------------------------------------

@pytest.mark.parametrize("prose, abbr", [
    ("Serum vitamin K epoxide reductase fell.", "KER"),
    ("The D-binding protein carries it.", "DBP"),
    ("Killer T cell receptor signals.", "TCR"),
])
def test_letter_long_form_finds_a_letter_as_a_word(prose: str, abbr: str) -> None:
    assert letter_long_form(prose, abbr)


@pytest.mark.parametrize("prose, abbr", [
    ("I think people agree.", "ITP"),  # "I" is a pronoun
    ("A new test came.", "ANT"),  # "A" is an article
    ("The binding protein carries it.", "DBP"),  # no D
    ("Vitamin D rose in people.", "D"),  # too short to judge
])
def test_letter_long_form_needs_the_letter_in_place(prose: str, abbr: str) -> None:
    assert not letter_long_form(prose, abbr)


@pytest.mark.parametrize("text, path", [
    ("Vitamin D binding protein carries it in blood.\n\nLow DBP was common.", "x.md"),
    ("<p>Levels of vitamin D-binding protein vary.</p><p>DBP is made in the liver.</p>", "x.html"),
])
def test_a_letter_long_form_defines(text: str, path: str, isolated) -> None:
    assert reported(text, path) == []


@pytest.mark.parametrize("text, path", [
    ("> Vitamin D binding protein carries it in blood.\n\nLow DBP was common.", "x.md"),  # only in a quotation
    ("<p>Binding protein carries vitamin D.</p><p>DBP is made in the liver.</p>", "x.html"),
])
def test_without_the_letter_long_form_in_the_text_read_it_is_reported(text: str, path: str, isolated) -> None:
    assert reported(text, path) == ["DBP"]


# -- one-word contractions -------------------------------------------------------------------------

@pytest.mark.parametrize("text, path", [
    ("Cases of tuberculosis rose in the north.\n\n* Cholera, measles and TB are back", "x.md"),
    ("<p>Serum triglycerides fell.</p><p>Low TG was common.</p>", "x.html"),
])
def test_a_contraction_whose_word_is_on_the_page_is_not_reported(text: str, path: str, isolated) -> None:
    assert reported(text, path) == []


@pytest.mark.parametrize("text, path", [
    ("Cases rose in the north.\n\n* Cholera, measles and TB are back", "x.md"),
    ("<p>Low TG was common; fats fell.</p>", "x.html"),
])
def test_a_contraction_without_its_word_is_reported(text: str, path: str, isolated) -> None:
    assert len(reported(text, path)) == 1


# -- a long form in the page's title ------------------------------------------------------------

@pytest.mark.parametrize("text, path", [
    ('---\ntitle: "Zinc and the Peripheral Nervous System"\n---\n\nZinc reaches the PNS slowly.\n', "x.md"),
    ('+++\ntitle = "Zinc and the Peripheral Nervous System"\n+++\n\nZinc reaches the PNS slowly.\n', "x.md"),
])
def test_a_long_form_in_the_title_defines(text: str, path: str, isolated) -> None:
    assert reported(text, path) == []


@pytest.mark.parametrize("text, path", [
    ('---\ntitle: "Zinc and the peripheral nerves"\n---\n\nZinc reaches the PNS slowly.\n', "x.md"),
    ('---\ntitle: "Zinc Needs Stomach Acid, Says a Pharmacist"\n---\n\nZinc reaches the PNS slowly.\n', "x.md"),  # no P-N-S in a row
])
def test_a_title_without_the_long_form_does_not(text: str, path: str, isolated) -> None:
    assert reported(text, path) == ["PNS"]


# -- borrowed text: a chapter under its author's name, a programme, a result with its CI ---------

@pytest.mark.parametrize("text, path", [
    ("## Sun lotions\n\n**Ines Kovacz**\n\n![portrait](p.jpg)\n\nLotions filter UVC and QLX poorly.\n", "x.md"),
    ("## Sun lotions\n\n **Rosa Young** \n\nLotions filter QLX poorly.\n", "x.md"),  # English words, never in lower case
    ("<h2>Sun lotions</h2><p><strong>Dr. Ines Kovacz</strong></p><p>Lotions filter QLX poorly.</p>", "x.html"),
    ("#### Morning session\n\n09:30-10:10 - Ana Ruiz, PhD - What QLX tells us\n", "x.md"),
    ("<p>10:15 - 10:45 Tomas Berg: QLX in the clinic</p>", "x.html"),
    ("* Users of zinc had more rashes (QLR 3.12; 95% CI 2.01-4.80)", "x.md"),
    ("<p>Rashes rose (QLR = 3.1, 95% confidence interval 2.0 to 4.8).</p>", "x.html"),
])
def test_borrowed_text_is_not_read(text: str, path: str, isolated) -> None:
    assert reported(text, path) == []


@pytest.mark.parametrize("text, path, kept", [
    # a bold line that names no one: the page's own emphasis
    ("## Sun lotions\n\n**Lotion Basics**\n\nA lotion filters QLX poorly.\n", "x.md", ["QLX"]),
    # the page's own words after the signed section
    ("## Sun lotions\n\n**Ines Kovacz**\n\nLotions filter QLX.\n\n## My notes\n\nAsk about QLX.\n", "x.md", ["QLX"]),
    # a time of day is no programme
    ("<p>At 10:30 we measured QLX again.</p>", "x.html", ["QLX"]),
    # a value without its interval is the page's own statement
    ("* Users of zinc had a QLR of 3.1 in our clinic", "x.md", ["QLR"]),
])
def test_the_pages_own_text_around_it_is_read(text: str, path: str, kept: list[str], isolated) -> None:
    assert reported(text, path) == kept


# -- review of round 12: ordinary health prose the heuristics hid ------------------------------

@pytest.mark.parametrize("text, path, abbr", [
    # B3: one "Background" heading is the site's own section
    ("## Background\n\nPeople with COPD often feel short of breath when they climb stairs.\n", "x.md", "COPD"),
    ("<h2>Background</h2><p>People with COPD often feel short of breath when they climb stairs.</p>", "x.html", "COPD"),
    # a heading in the writer's voice ending with a full stop is no paper's title
    ("## What we learnt from our clinic.\n\nIt was busy.\n\n## Conclusion\n\nAsk about COPD.\n", "x.md", "COPD"),
    # B4: a condition heading a site's advice, a public body developing a test, a drug class
    ("## IBD Nutrition tips\n\nPeople with IBD should eat small meals often.\n", "x.md", "IBD"),
    ("<h2>IBD Nutrition tips</h2><p>People with IBD should eat small meals often.</p>", "x.html", "IBD"),
    ("The ECDC is developing a new test for flu.\n", "x.md", "ECDC"),
    ("<p>The ECDC is developing a new test for flu.</p>", "x.html", "ECDC"),
    ("An SSRI: common brand names are easy to find.\n", "x.md", "SSRI"),
    ("<p>An SSRI: common brand names are easy to find.</p>", "x.html", "SSRI"),
    # B5: ordinary words that open with the letters by chance, in another sentence
    ("People with COPD often feel short of breath. Common problems during a flare-up include coughing "
     "and tiredness.\n", "x.md", "COPD"),
    ("<p>People with COPD often feel short of breath. Common problems during a flare-up include coughing "
     "and tiredness.</p>", "x.html", "COPD"),
    # lower-case parts in another paragraph, not next to a use
    ("Try a QUSUM chart.\n\nPlot the quantile sums of the gaps.\n", "x.md", "QUSUM"),
    ("<p>Try a QUSUM chart.</p><p>Plot the quantile sums of the gaps.</p>", "x.html", "QUSUM"),
    # B6: small words between the letter and the next word
    ("We tested vitamin D on blood pressure in older adults. DBP fell by 3 mmHg.\n", "x.md", "DBP"),
    ("<p>We tested vitamin D on blood pressure in older adults.</p><p>DBP fell by 3 mmHg.</p>", "x.html", "DBP"),
    # B7: a condition before a figure with its CI is no effect measure
    ("Falls were more common with CKD 1.4 (95% CI 1.1-1.8) in the cohort.\n", "x.md", "CKD"),
    ("<p>Falls were more common with CKD 1.4 (95% CI 1.1-1.8) in the cohort.</p>", "x.html", "CKD"),
])
def test_ordinary_health_prose_is_reported(text: str, path: str, abbr: str, isolated) -> None:
    assert reported(text, path) == [abbr]


@pytest.mark.parametrize("text, path", [
    # a pasted paper with two of its section headings
    ("## Background\n\nThe QTL rises.\n\n## Methods\n\nWe read QTL weekly.\n", "x.md"),
    ("<h2>Introduction</h2><p>The QTL rises.</p><h2>Discussion</h2><p>QTL fell.</p>", "x.html"),
    # one section heading under a paper's title as PubMed prints it
    ("### Zinc and the gut: a short review.\n\nA review we liked.\n\n### Take-Home Messages\n\n- QTL binds zinc.\n", "x.md"),
    ("<h3>Zinc and the gut: a short review.</h3><p>A review.</p><h3>Conclusions</h3><p>QTL binds zinc.</p>", "x.html"),
    # a firm the page says sells or makes things
    ("KLX sells zinc lozenges online.\n\nI tried KLX lozenges.\n", "x.md"),
    ("<p>QRZ is making a home test kit for zinc.</p><p>QRZ replied.</p>", "x.html"),
    ("KLX, a Danish maker of capsules, replied.\n", "x.md"),
    # a long form by parts written next to its abbreviation, or with capitals
    ("A cumulative sum (CUSUM) chart tracks drift.\n\nRead the CUSUM weekly.\n", "x.md"),
    ("<p>Plot the Cumulative Sum of the errors.</p><p>The CUSUM shows drift.</p>", "x.html"),
    # ... or with two parts of two letters or more in the use's paragraph
    ("Try a QUSUM chart. Each gap is a week. Plot the quantile sums of the gaps.\n", "x.md"),
    ("<p>Try a QUSUM chart. Each gap is a week. Plot the quantile sums of the gaps.</p>", "x.html"),
    # an effect measure with its CI
    ("Falls fell (XR 0.71; 95% CI 0.55-0.92).\n", "x.md"),
    ("<p>Falls were rarer with zinc (IRR 0.8, 95% CI 0.7-0.9).</p>", "x.html"),
])
def test_the_classes_the_heuristics_were_written_for_stay_unreported(text: str, path: str, isolated) -> None:
    assert reported(text, path) == []


# -- the shared whole-word test --------------------------------------------------------------------

def test_writes_reads_whole_words_only() -> None:
    from medlint.kinds.wholeword import writes

    assert writes("we asked the baker twice", "baker")
    assert not writes("the bakery and a baker-style loaf", "baker")  # inside a longer or hyphenated word
    assert writes("Cumulative sum; a cumulative sum.", "cumulative sum", re.I, times=2)
    assert not writes("a cumulative sum only once", "cumulative sum", re.I, times=2)

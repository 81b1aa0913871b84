"""acronym-undefined: long forms written out without brackets count as definitions (issue 16).

An abbreviation whose letters are, in order, the initials of a phrase the page writes out
(hyphenated parts and small words allowed) is defined when the phrase stands right next to
it ("or", a dash, a colon, nothing), is a term the page repeats or capitalises, or is in
Title Case. Each fixture sits beside a true undefined abbreviation of the same shape, which
is still reported."""
from __future__ import annotations

import pytest

from medlint import lint_text
from medlint.kinds.longforms import defined_adjacent, initials_spell, written_out

RULE = ["acronym-undefined"]

#: Enough words to put a later use out of reach of the window around the long form.
FILLER = " ".join(["Several other sentences about trials, clinics and samples fill this part of the page."] * 6)


def reported(text: str, path: str = "x.md") -> list[str]:
    return [d.message.split("'")[1] for d in lint_text(text, path=path, config={}, select=RULE)]


@pytest.mark.parametrize("words, letters, expected", [
    (("ventricular", "septal", "defect"), "VSD", True),
    (("age-related", "macular", "degeneration"), "AMD", True),
    (("evidence-based", "medicine"), "EBM", True),
    (("Comprehensive", "R", "Archive", "Network"), "CRAN", True),
    (("Journal", "of", "the", "American", "Medical", "Association"), "JAMA", True),
    (("to", "be"), "TB", False),  # short lower-case words spell by chance
    (("brain", "injury"), "TBI", False),  # a letter missing
    (("Electrochemiluminescence",), "ECLIA", False),  # one word is not five initials
])
def test_initials_spell(words: tuple[str, ...], letters: str, expected: bool) -> None:
    assert initials_spell(words, letters) is expected


def test_adjacent_definitions_before_and_after() -> None:
    text = ("A defect (ventricular septal defect or VSD) at birth. Mean Absolute Error: MAE. "
            "Brain natriuretic peptide - BNP rose. CRAN: the Comprehensive R Archive Network.\n"
            "We measured GFR and TBI; head injury - TBI.")
    assert [a for a in ("VSD", "MAE", "BNP", "CRAN", "GFR", "TBI") if defined_adjacent(text, a)] == [
        "VSD", "MAE", "BNP", "CRAN"]


def test_written_out_needs_a_term_not_a_chance() -> None:
    assert written_out("We teach evidence-based medicine. Critics of evidence-based medicine", "EBM", {})
    assert written_out("Others were teaching Evidence-Based practice then.", "EBP", {})
    # once, in lower case: three words may share the letters by chance
    assert not written_out("We teach evidence-based medicine.", "EBM", {})
    # "and" joins two things, not the words of one long form
    assert not written_out("inherent risks and burdens; involve risks and burdens", "IRB", {})
    # two names joined by a hyphen give two initials, not one
    assert not written_out("University of Missouri-Kansas City and University of Missouri-Kansas City", "UMC", {})


@pytest.mark.parametrize("text, path", [
    ("A child may have a defect (ventricular septal defect or VSD) at birth.\n\n" + FILLER
     + "\n\n| Group | VSD |\n|---|---|\n| A | 3 |\n", "x.md"),
    ("<p>A child may have a defect (ventricular septal defect or VSD).</p><p>" + FILLER
     + "</p><p>Rates of VSD rose.</p>", "x.html"),
    ("* [Late Age-Related Macular Degeneration is common](/x)\n\n" + FILLER + "\n\nWet AMD is worse.\n", "x.md"),
    ("# What medicine can teach evidence-based medicine\n\nWe define evidence-based medicine here.\n\n"
     + FILLER + "\n\nCritics say EBM is narrow.\n", "x.md"),
    ("<p>We define evidence-based medicine here, and evidence-based medicine again.</p><p>" + FILLER
     + "</p><p>Critics say EBM is narrow.</p>", "x.html"),
    ("**CRAN**: the Comprehensive R Archive Network holds packages.\n", "x.md"),
    ("<p><b>CRAN</b>: the Comprehensive R Archive Network holds packages.</p>", "x.html"),
])
def test_long_form_without_brackets_defines(text: str, path: str) -> None:
    assert reported(text, path) == []


@pytest.mark.parametrize("text, path, expected", [
    # the same shapes, but the letters are not the phrase's initials: still reported
    ("A child may have a defect (ventricular septal wall or VSD) at birth.\n", "x.md", ["VSD"]),
    ("<p>Recovery from brain injury - TBI was slow.</p>", "x.html", ["TBI"]),
    ("We saw inherent risks and burdens, as studies involve risks and burdens.\n\n" + FILLER
     + "\n\nThe IRB met.\n", "x.md", ["IRB"]),
    ("<p>Teaching evidence-based medicine.</p><p>" + FILLER + "</p><p>Critics say EBM is narrow.</p>",
     "x.html", ["EBM"]),
    ("We define evidence-based medicine once.\n\n" + FILLER + "\n\nCritics say EBM is narrow.\n", "x.md", ["EBM"]),
])
def test_true_undefined_abbreviation_still_reported(text: str, path: str, expected: list[str]) -> None:
    assert reported(text, path) == expected

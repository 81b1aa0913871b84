"""acronym-undefined: shapes that explain or excuse an abbreviation (issue 16, abbrevshapes).

An institution spelt out with a comma before its place, a two-word term the page repeats,
notation built from defined parts, an author's initials in a citation written in prose, a
state code after a city with no comma, and a name whose kind a sentence gives. Each case
stands beside a true undefined abbreviation of a similar shape, which is still reported."""
from __future__ import annotations

import pytest
from click.testing import CliRunner

from medlint import lint_text
from medlint.cli import main
from medlint.kinds.abbrevshapes import (built_notation, cited_initials, kind_named,
                                        parallel_parts, place_before_state, repeated_pair)

RULE = ["acronym-undefined"]
FILLER = " ".join(["Further sentences about wards, cohorts and dosing schedules make up this part."] * 6)


def reported(text: str, path: str = "x.md") -> list[str]:
    return [d.message.split("'")[1] for d in lint_text(text, path=path, config={}, select=RULE)]


def test_repeated_pair_needs_a_term_of_the_page() -> None:
    page = "blood pressure falls; blood pressure is measured; low blood pressure matters"
    assert repeated_pair(page, "BP", {})
    assert not repeated_pair("blood pressure falls; blood pressure is measured", "BP", {})  # twice is not enough
    assert not repeated_pair(page, "BM", {})
    assert not repeated_pair("cancers after; cancers after; cancers after", "CA", {})  # no term
    assert not repeated_pair("bone density; bone density; bone density", "BD", {})  # four-letter words pair by chance


def test_built_notation_needs_a_grid() -> None:
    page = ("The sum of squares between is SSB and within is SSW. Divide each by its degrees of "
            "freedom to get a mean square. Compare MSB with MSW, the two mean squares.")
    at = page.index("MSB")
    assert built_notation(page, "MSB", at, {"SSB", "SSW"})
    # one shared letter is chance: no second tail completes a grid
    assert not built_notation(page, "MSB", at, {"SSB"})
    # the head's words are nowhere on the page
    assert not built_notation(page.replace("mean square", "ratio"), "MSB", at, {"SSB", "SSW"})


def test_parallel_parts() -> None:
    page = "The PQ method alternates. The pruning step drops weak trees. The quench phase cools them."
    assert not parallel_parts(page, "PQ", page.index("PQ"))  # "step" then "phase": not in parallel
    page = "The PQ method alternates. The pruning step drops weak trees. The quenching step cools them."
    assert parallel_parts(page, "PQ", page.index("PQ"))
    assert not parallel_parts(page, "QP", page.index("PQ"))  # the parts come in the letters' order


def test_cited_initials() -> None:
    page = 'The classic source is Hale TK. "A trial of zinc in infants" Lancet 2, 40-44 (1988).'
    at = page.index("TK")
    assert cited_initials(page, at, at + 2)
    plain = "Our nurses follow Hale TK. It reduced errors on the ward."
    at = plain.index("TK")
    assert not cited_initials(plain, at, at + 2)  # no title, no year: not a citation


def test_place_before_state() -> None:
    assert place_before_state("The meeting moved to Fresno ", "We met there.")
    # "improve" is written in lower case on the page: an ordinary word, not a city
    assert not place_before_state("We want to Improve ", "Ways to improve care.")


def test_kind_named_owner_nouns() -> None:
    # an owner-style noun, or an advice verb after the kind: the name is who speaks (REVIEW3 V8)
    assert kind_named("The KLM statement recommends a statin.") == set()
    assert kind_named("The KLM registry recommends a scan.") == set()
    assert kind_named("The KLM registry collects scans.") == {"KLM"}
    assert kind_named("Ask KLM, an open registry of scans.") == {"KLM"}


def test_parallel_parts_needs_the_abbreviation_as_procedure() -> None:
    page = "In the early phase the dose goes up. In the maintenance phase it stays. Some take EM at night."
    assert not parallel_parts(page, "EM", page.index("EM"))
    page = "The EM cycle has two parts. In the early phase the dose goes up. In the maintenance phase it stays."
    assert parallel_parts(page, "EM", page.index("EM"))


def test_kind_named() -> None:
    text = ('The ABCD initiative promotes clear reporting. Get an ID from ZRIN, an "open, community-run '
            'effort to provide a registry" of authors. The PQR score rose.')
    assert kind_named(text) == {"ABCD", "ZRIN"}


@pytest.mark.parametrize("text, path", [
    ("Blood pressure falls with age. We measured blood pressure twice.\n\n" + FILLER
     + "\n\nLow blood pressure was common.\n\n" + FILLER + "\n\n| Group | BP |\n|---|---|\n| A | 3 |\n", "x.md"),
    ("The sum of squares between groups (SSB) and within groups (SSW) are first.\n\n"
     "Divide each by its degrees of freedom to get a mean square. Compare MSB with MSW, the mean squares.\n", "x.md"),
    ('<p>The classic source is Hale TK. "A trial of zinc in infants" Lancet 2, 40-44 (1988).</p>', "x.html"),
    ("The meeting moved from Reno, NV to Fresno CA because of a flood.\n", "x.md"),
    ("<p>The ABCD initiative promotes clear reporting of trials.</p>", "x.html"),
    ("The PQ algorithm alternates two steps.\n\nThe pruning step drops weak trees.\n\nThe quenching step cools them.\n",
     "x.md"),
    ('Get an ID from ZRIN, an "open, community-run effort to provide a registry" of authors.\n', "x.md"),
])
def test_shapes_pass(text: str, path: str) -> None:
    assert reported(text, path) == []


@pytest.mark.parametrize("text, path, expected", [
    # an institution with a comma before its place no longer explains the initials (REVIEW3 V7)
    ("Our son had his care at the Clinic for Young Patients, Halifax, in May.\n\n"
     "His team said CYPH was the right choice for him.\n", "x.md", ["CYPH"]),
    ("<p>Our son had his care at the Clinic for Young Patients, Halifax, in May.</p>"
     "<p>His team said CYPH was the right choice.</p>", "x.html", ["CYPH"]),
    # the statement, checklist or project of a name says who owns it, not what it is (REVIEW3 V8)
    ("# Lipids\n\nThe KLM statement recommends a statin for most adults over fifty.\n", "x.md", ["KLM"]),
    ("<p>The KLM checklist lists the tests to ask for.</p>", "x.html", ["KLM"]),
    ("The KLM network advises a yearly scan.\n", "x.md", ["KLM"]),
    # two parallel phases near a use that is not presented as a procedure (REVIEW3 V9)
    ("# Asthma\n\nCare comes in parts. In the early phase the inhaler dose goes up. In the "
     "maintenance phase it stays put.\n\nSome adults take the spray EM at night.\n", "x.md", ["EM"]),
    # an institution without its comma form, and a different place: still reported
    ("She trained at the University of Ontario.\n\n" + FILLER + "\n\nLater UOLV hired her.\n", "x.md", ["UOLV"]),
    # a pair written once only, far away
    ("<p>Blood pressure falls with age.</p><p>" + FILLER + "</p><p>" + FILLER + "</p><p>The BP table.</p>",
     "x.html", ["BP"]),
    # a shared letter but no grid of notation
    ("The sum of squares between groups (SSB) comes first. A mean square follows. Then MSB.\n", "x.md", ["MSB"]),
    # capitals after a capitalised word with no citation around them
    ("Ask Hale TK. She runs the ward.\n", "x.md", ["TK"]),
    # a state-like code not after a city
    ("<p>We want to Improve CA screening, and improve it soon.</p>", "x.html", ["CA"]),
    # one part named, the other not
    ("<p>The PQ algorithm alternates two steps.</p><p>The pruning step drops weak trees.</p>", "x.html", ["PQ"]),
    # a name with no kind given
    ("The PQR score rose in the trial.\n", "x.md", ["PQR"]),
])
def test_true_findings_stay(text: str, path: str, expected: list[str]) -> None:
    assert reported(text, path) == expected


def test_cli_end_to_end(tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.md").write_text("The ABCD initiative promotes clear reporting. The PQR score rose.\n")
    result = CliRunner().invoke(main, ["check", "--no-cache", "--select", "acronym-undefined", "a.md"])
    assert "PQR" in result.output and "ABCD" not in result.output

"""claim-needs-citation: numeric efficacy and risk claims need a source near them."""
from __future__ import annotations

import pytest
from click.testing import CliRunner

from medlint import lint_text
from medlint.cli import main
from helpers import FIXTURES

RULE = ["claim-needs-citation"]


def found(text: str, path: str = "x.md", config: dict | None = None) -> list[tuple[int, int, str]]:
    return [(d.line, d.column, d.message) for d in lint_text(text, path=path, config=config or {}, select=RULE)]


def flagged(text: str, path: str = "x.md") -> list[str]:
    """The figures reported, as the message quotes them."""
    return [m.split("'")[1] for _, _, m in found(text, path)]


def test_seed_pattern_is_reported_by_the_new_rule_and_nothing_else(isolated) -> None:
    """A forum post with unsourced per cent claims (seed 004's pattern) among figures that are
    not claims: a quotation, a cited one, site statistics, a dose, a price, a lab range,
    hypotheticals and a reference list. With every bundled rule on, only the two claims show.
    (The reference list closes the section of the review it cites, not the trial's: a
    section's closing list of sources sources that section's claims, see citations.sources_below.)"""
    text = (FIXTURES / "claims" / "forum-post.md").read_text(encoding="utf-8")
    diagnostics = lint_text(text, path="forum-post.md", config={"extends": "all"})
    assert [(d.rule, d.line, d.column) for d in diagnostics] == [
        ("claim-needs-citation", 15, 10), ("claim-needs-citation", 18, 6)]
    assert diagnostics[0].message == (
        "Figure 'lowered the number of migraine attacks by 35%' (per cent change) has no citation in the same paragraph")


@pytest.mark.parametrize("claim", [
    "Vitamin D reduced relapses by 40%.",
    "Vitamin D cut the risk of relapse by up to 40 per cent.",
    "Walkers had a 30% lower risk of hip fracture.",
    "The drug gave a relative risk reduction of 25% for stroke.",
    "Users were 33% more likely to develop diabetes.",
    "Smokers are three times more likely to get the disease.",
    "Obesity doubles the risk of knee pain.",
    "Deficiency carried a 2.4-fold increased risk of diabetes.",
    "The odds ratio for fracture was 1.8 in the older women.",
    "Mortality fell (HR 0.72) with the new treatment.",
    "Statins have an NNT of 60 for heart attacks.",
    "The number needed to treat was 25.",
    "Only 60% of the treated group relapsed, versus 74% of controls.",
])
def test_claim_shapes_are_reported(claim: str, isolated) -> None:
    assert len(found(claim)) == 1, claim


@pytest.mark.parametrize("text", [
    "Take 2 tablets three times a day.",                                 # frequency, not risk
    "Her salary increased by 10% this year.",                           # no outcome
    "Prices of supplements rose by 10%, so fewer people bought them.",   # price
    "Visits to this site increased by 50% and the risk pages lead.",     # the site itself
    "In our poll, 70% of readers cut their risk by walking.",            # a poll of readers
    "Increase the dose by 25% after two weeks if symptoms persist.",     # a dose change
    "A normal range is 4% to 6%, and risk rises by 10% above it.",       # a lab range
    "Suppose the drug lowers the risk by 20%.",                          # hypothetical
    "If the odds ratio is 2.0, what is the relative risk?",              # hypothetical, question
    "A relative risk of 0.5 means the risk is halved.",                  # a definition
    "Does fish oil reduce attacks by 35%?",                              # a question
    "The log odds ratio is 0.4 / 1.2 = 0.33.",                           # arithmetic
    "The trial ran in 2019 and 2020 with 300 people.",                   # dates, counts
    "The antilog of the coefficient is 2.2, or 1.05 per year.",          # 'or', not OR
    "Computers give a 12-fold increase in speed.",                       # no outcome
    'The reviewer wrote: "the drug cut deaths by 30%".',                 # someone's words
    "The relative risk of type 1 diabetes was not reported.",            # a label, not a value
    "This implies that the odds of death rise by 17% a year.",          # interpreting a result
    "An odds ratio of 1.33 means that the outcome is 33% more likely.",  # a definition
    "A 60% drop means that the risk falls to 40% of its value.",         # a definition
    "The relative risk is 1.5 = 9.0% / 6.0%.",                           # arithmetic
    "But the odds ratio is 4, which looks too large.",                   # a ratio about nothing named
    "Sometimes an odds ratio of 0.9 matters clinically.",                # a ratio about nothing named
])
def test_figures_that_are_not_claims_pass(text: str, isolated) -> None:
    assert found(text) == [], text


@pytest.mark.parametrize("source", [
    "[the trial](https://example.org/trial)", "doi:10.1000/xyz", "PMID: 21711256", "[^1]", "[3]", "(Smith et al., 2019)",
])
def test_a_citation_in_the_paragraph_counts(source: str, isolated) -> None:
    text = f"Vitamin D reduced relapses by 40%. Source: {source}.\n\n[^1]: A footnote.\n"
    assert found(text) == []


def test_window_is_the_paragraph_or_list_item(isolated) -> None:
    text = ("Fish oil cut attacks by 35%.\n\n"
            "See [the review](https://example.org).\n\n"
            "* Zinc shortened colds by 33%, [source](https://example.org)\n"
            "* Vitamin C shortened colds by 8%\n")
    assert [(line, col) for line, col, _ in found(text)] == [(1, 10), (6, 13)]


def test_sentence_window_option(isolated) -> None:
    text = "Fish oil cut attacks by 35%. Magnesium helps too [1].\n"
    assert found(text) == []
    cfg = {"rules": {"claim-needs-citation": {"options": {"window": "sentence"}}}}
    assert [c for _, c, _ in found(text, config=cfg)] == [10]


def test_a_claim_referring_back_to_a_cited_study(isolated) -> None:
    """"The trial found" refers to the study the paragraph before cites; a claim that does not
    refer back, or one after a new heading, still needs its own source."""
    cited = "A [2019 trial](https://example.org/trial) followed 300 adults.\n\n"
    assert found(cited + "The trial found 40% fewer relapses with vitamin D.\n") == []
    assert len(found(cited + "Vitamin D gives 40% fewer relapses.\n")) == 1
    assert len(found(cited + "## Next\n\nThe trial found 40% fewer relapses with vitamin D.\n")) == 1
    cfg = {"rules": {"claim-needs-citation": {"options": {"refer_back": False}}}}
    assert len(found(cited + "The trial found 40% fewer relapses with vitamin D.\n", config=cfg)) == 1


def test_a_worked_example_is_about_the_method(isolated) -> None:
    """Figures in a paragraph that teaches or performs an analysis (two lesson words: a
    coefficient, a logarithm, a calculation) are the method's, not a health claim."""
    lesson = ("The coefficient for age is 0.08 in the logistic regression, "
              "so each decade gives an odds ratio of 2.2 for death.\n")
    assert found(lesson) == []
    assert len(found("Each decade of age gives an odds ratio of 2.2 for death.\n")) == 1


def test_a_heading_claim_is_sourced_by_its_section(isolated) -> None:
    """A heading's figure is a title: its section holds the source, or, when the heading has
    no body (a list of titles of other pages), there is nothing here to cite it."""
    assert found("## Zinc cut colds by 33%\n\nText.\n\nMore text, [trial](https://example.org).\n") == []
    assert found("## Zinc cut colds by 33%\n## Vitamin C cut colds by 8%\n") == []
    assert [c for _, c, _ in found("## Zinc cut colds by 33%\n\nText with no source.\n")] == [9]


def test_a_list_introduced_by_a_citing_lead_in(isolated) -> None:
    items = "* 35% vs 20% of the control group reported pain relief\n* Falls were reduced by 30%\n"
    assert found("In [the trial](https://example.org/t) the treated group had:\n\n" + items) == []
    assert [m for _, _, m in found("See [the trial](https://example.org/t).\n\n" + items)] == [  # no lead-in
        "Figure '35% vs 20%' (per cent change) has no citation in the same list (2 uncited figures)"]


def test_loose_reference_numbers_count_on_a_page_with_references(isolated) -> None:
    body = "A review (57) reported a 6% reduction in total mortality.\n\n"
    assert len(found(body)) == 1  # "(57)" then a word: an enumeration, without a reference list
    references = "## References\n\n57. Smith J. Mortality. BMJ. 2019;12:1-9.\n"
    assert found(body + references) == []
    assert found("Falls were reduced by 14%.57\n\n" + references) == []


def test_two_groups_compared_must_be_about_an_outcome(isolated) -> None:
    assert found("85% of supplement users were above the cut-off, compared with 59% of non-users.") == []
    assert len(found("Only 60% of the treated group relapsed, compared with 74% of controls.")) == 1


def test_a_pasted_abstract_whose_labels_lost_their_colons(isolated) -> None:
    abstract = ("## A cohort study\n\nObjective To examine vitamin D and depression.\n\n"
                "Methods In a cohort of 4,000 women, levels were measured.\n\n"
                "Results Deficiency raised the odds of depression (OR 1.48, 95% CI 1.13-1.95).\n\n")
    assert found(abstract) == []
    assert len(found("## Comment\n\nResults were clear: the odds of depression rose (OR 1.48).\n")) == 1


@pytest.mark.parametrize("text", [
    "HR = hazard ratio\n1,25 was the mean.",                 # a glossary line, a number on the next line
    "* cumulative hazard ratio 388",                         # a page number in an index
    "The relative risk of a first relapse in MS 16 was studied.",  # a reference number after a name
])
def test_numbers_that_are_not_ratio_values(text: str, isolated) -> None:
    assert found(text) == []


def test_a_paragraph_of_uncited_figures_is_one_finding(isolated) -> None:
    text = "Statins have an NNT of 94, aspirin an NNT of 153, and warfarin an NNT of 63 for stroke.\n"
    assert [m for _, _, m in found(text)] == [
        "Figure 'NNT of 94' (number needed to treat) has no citation in the same paragraph (3 uncited figures)"]


def test_a_source_line_after_the_paragraph_counts(isolated) -> None:
    assert found("Vitamin D reduced relapses by 40%.\n\nPMID: 21711256\n") == []


def test_quotations_and_references_are_not_read(isolated) -> None:
    text = ("> Vitamin D reduced relapses by 40%.\n\n"
            "BACKGROUND: Relapses matter.\n\nRESULTS: Vitamin D reduced relapses by 40%.\n\n"
            "## References\n\n1. Smith J. Relapses fell by 40%. Neurology. 2019;12:1-9.\n")
    assert found(text) == []


def test_html(isolated) -> None:
    page = ("<p>Zinc cut the length of colds by 33%.</p>"
            "<p>Magnesium lowered the risk of attacks by 20% <a href='https://example.org'>(review)</a>.</p>"
            "<blockquote><p>Attacks fell by 30%.</p></blockquote>")
    assert flagged(page, "x.html") == ["cut the length of colds by 33%"]


def test_a_table_of_uncited_figures_is_one_finding(isolated) -> None:
    text = ("| outcome | effect |\n|---|---|\n"
            "| relapse | 40% lower risk |\n| death | 20% lower risk |\n")
    assert [m for _, _, m in found(text)] == [
        "Figure '40% lower risk' (per cent change) has no citation in the same table (2 uncited figures)"]


def test_claim_kinds_option(isolated) -> None:
    cfg = {"rules": {"claim-needs-citation": {"options": {"claims": ["nnt"]}}}}
    assert found("Walkers had a 30% lower risk of hip fracture.", config=cfg) == []
    assert len(found("The NNT was 25.", config=cfg)) == 1


def test_bad_option_is_a_config_error(isolated) -> None:
    (isolated / ".medlint.yaml").write_text("rules:\n  claim-needs-citation:\n    options: {claims: [prevalence]}\n")
    (isolated / "a.md").write_text("Text.\n")
    result = CliRunner().invoke(main, ["check", "--no-cache", "a.md"])
    assert result.exit_code == 2
    assert ".medlint.yaml" in result.output and "claims" in result.output


def test_explain_and_rule_list_know_the_rule(isolated) -> None:
    runner = CliRunner()
    explained = runner.invoke(main, ["explain", "claim-needs-citation"])
    assert explained.exit_code == 0 and "health" in explained.output and "all" in explained.output
    assert "claim-needs-citation" not in runner.invoke(main, ["rules"]).output  # preset all, not default
    assert "claim-needs-citation" in runner.invoke(main, ["rules", "--all"]).output

"""The bundled disclaimer-missing rule: when a page needs a disclaimer, and which ones count."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from helpers import article_page
from medlint import lint_text

RULE = ["disclaimer-missing"]


def missing(text: str, path: str = "x.md", config: dict | None = None) -> bool:
    return bool(lint_text(text, path=path, config=config or {}, select=RULE))


@pytest.mark.parametrize("text", [
    "Take 2,000 IU of vitamin D daily.",
    "Bisphosphonates and other medicines are used.",
    "Supplementation may slow the disease.",
    "Ask about therapy options.",
    "Take 2 tablets with food.",
])
def test_condition_holds_and_no_disclaimer(text: str, isolated) -> None:
    assert missing(text)


@pytest.mark.parametrize("text", [
    "Sunlight on the skin makes vitamin D.",
    "Bone density falls after menopause.",
    "The treatment group and the control group were compared.",
    "Evidence-based Medicine is a discipline.",
])
def test_condition_does_not_hold(text: str, isolated) -> None:
    assert not missing(text)


@pytest.mark.parametrize("disclaimer", [
    "This article is not a substitute for medical advice.",
    "It should not be considered medical advice.",
    "This is not intended as professional medical advice.",
    "Consult a healthcare professional before starting.",
    "Talk to your doctor first.",
    "Speak with your pharmacist.",
    "For informational purposes only.",
    "This is not medical advice.",
])
def test_accepted_disclaimers(disclaimer: str, isolated) -> None:
    assert not missing(f"Take 2,000 IU of vitamin D daily.\n\n{disclaimer}\n")


def test_disclaimer_in_html_and_comment(isolated) -> None:
    assert not missing("<p>Take 2,000 IU daily.</p><footer><p>Not medical advice.</p></footer>", "x.html")
    assert missing("<p>Take 2,000 IU daily.</p><!-- not medical advice -->", "x.html")


def test_reported_once_after_front_matter(isolated) -> None:
    (d,) = lint_text("---\ntitle: x\n---\nTake 2,000 IU.\nTake 3,000 IU.\n", config={}, select=RULE)
    assert (d.line, d.column) == (4, 1)


def test_scoping_by_front_matter(isolated) -> None:
    cfg = {"rules": {"disclaimer-missing": {"options": {"when": {"frontmatter": {"categories": "health"}, "dose": True}}}}}
    assert missing("---\ncategories: [health]\n---\nTake 2,000 IU.", config=cfg)
    assert not missing("---\ncategories: [maths]\n---\nTake 2,000 IU.", config=cfg)


def test_position_end(isolated) -> None:
    cfg = {"rules": {"disclaimer-missing": {"options": {"position": "end", "lines": 2}}}}
    body = "Not medical advice.\n" + "Take 2,000 IU daily.\n" * 10
    assert missing(body, config=cfg)
    assert not missing(body + "Talk to your doctor.\n", config=cfg)


# -- advice, not a mention of treatment in research (issue 18) ----------------------

def _fires(text: str, path: str = "x.md", config: dict | None = None) -> bool:
    from medlint import lint_text

    return bool(lint_text(text, path=path, config=config or {}, select=["disclaimer-missing"]))


def _advice_only() -> dict:
    """The rule with `when.dose: advice`: a dose counts only when the page's own words recommend it
    (an option: the bundled rule counts every dose the page states as its own claim)."""
    rule = yaml.safe_load((Path(__file__).parent.parent / "rules" / "disclaimer-missing.yaml").read_text())
    when = rule["options"]["when"]
    return {"rules": {"disclaimer-missing": {"options": {"when": {**when, "dose": "advice"}}}}}


@pytest.mark.parametrize("text", [
    "Patients in the treatment group were compared with the placebo group.",
    "In an ANOVA the treated subjects form one level of the variable.",
    "> Take 2,000 IU of vitamin D daily.",
    "Participants received 50,000 IU weekly for a year.",
])
def test_research_and_quotes_are_not_advice(text: str, isolated) -> None:
    assert not _fires(text)
    assert not _fires(f"<p>{text.lstrip('> ')}</p>" if not text.startswith(">") else
                      "<blockquote>Take 2,000 IU of vitamin D daily.</blockquote>", "x.html")


@pytest.mark.parametrize("text", [
    "Take 2,000 IU of vitamin D daily.",
    "Vitamin D supplementation may slow MS.",
])
def test_advice_and_the_pages_title_still_need_a_disclaimer(text: str, isolated) -> None:
    assert _fires(text)


def test_another_pages_headline_in_a_see_also_list_is_not_advice(isolated) -> None:
    assert not _fires("Vitamin D and the heart.\n\n* [Seniors helped by 50,000 IU weekly](/posts/seniors)\n")
    assert not _fires('<p>Vitamin D and the heart.</p><ul><li><a href="/posts/seniors">Seniors helped by '
                      '50,000 IU weekly</a></li></ul>', "x.html")


@pytest.mark.parametrize("referral", [
    "See a dentist or GP if the pain lasts.",
    "Go to a minor injuries unit or your GP if it gets worse.",
    "This article does not replace advice from your doctor or pharmacist.",
    "If you're worried, ask for help.",
    "In an emergency, call 999.",
])
def test_referral_wordings_are_disclaimers(referral: str, isolated) -> None:
    assert not _fires(f"Take 500 mg of paracetamol. {referral}")
    assert not _fires(f"<p>Take 500 mg of paracetamol.</p><p>{referral}</p>", "x.html")


# -- the condition is advice, not a mention (issue 18, point 5) -----------------------

@pytest.mark.parametrize("text", [
    "# Intention to treat\n\nIf you are trying to see how well a new drug works, why include patients who refused it?\n",
    "# Alternating treatments\n\nA design where each subject gets both treatments.\n",
    "# What alternative medicine might show doctors\n\nReiki is a therapy meant to ease stress.\n",
    "You want to try a novel drug to check whether it can cut the risk to 6%.",
    "You're cutting the need for extra pain medication from 40% to 15%.",
    "Iodine supplementation in pregnant women to prevent goitre in newborns.",
    "Some treatments really do help people with tinnitus, but the gains are modest.",
    "Use other Internet venues to supplement your main one.",
    "Writer's block? Try freewriting therapy.",
    "# Using social media to build your career\n\nPick one venue.\n",
    "---\ntitle: Female employees took more than 4000 IU of vitamin D a day\n---\nA survey of staff.\n",
    "---\ntitle: Piglets getting one dose of 30000 IU of vitamin D grew faster\n---\nA farm study.\n",
    # a title that names a topic or reports research, over the page's own report (issue 18's policy)
    "# Vitamin D supplementation for depression\n\nA randomised trial found no effect.\n",
    "# Chronic hives treated by vitamin D\n\nSeveral reports.\n",
    "---\ntitle: SAD not reduced by 2400 IU of vitamin D\n---\nA randomised trial found no effect.\n",
])
def test_a_mention_of_treatment_is_not_advice(text: str, isolated) -> None:
    assert not _fires(text)
    body = text.split("---\n")[-1].lstrip("# ")
    assert not _fires("<p>" + body.replace("\n\n", "</p><p>") + "</p>", "x.html")


@pytest.mark.parametrize("text", [
    "If you take vitamin D supplements, take them with food.",
    "You should take 1,000 IU a day.",
    "Stop taking the tablets if you feel sick.",
    "The Institute of Medicine recommends 600 IU a day for adults.",
    "# How much vitamin D should you take\n\nIt depends.\n",
    "# Treatment\n\nDrink fluids, or take ORS after each loose stool.\n",
])
def test_advice_needs_a_disclaimer(text: str, isolated) -> None:
    assert _fires(text)
    html = text.replace("## ", "<h2>", 1).replace("# ", "<h1>", 1)
    html = html.replace("\n\n", "</h2><p>" if "<h2>" in html else "</h1><p>" if "<h1>" in html else "</p><p>", 1)
    assert _fires(html if html.startswith("<h") else f"<p>{text}</p>", "x.html")


@pytest.mark.parametrize("referral", [
    "Please consult your doctor before starting supplements.",
    "This information is not a substitute for professional medical advice.",
    "Ask your pharmacist about interactions.",
    "Call 111 if you are unsure.",
    "Speak to your GP or nurse if symptoms persist.",
    "Anyone with liver trouble should seek medical advice before starting these pills.",
    "Seek medical help if the rash spreads.",
    "Discuss any changes with your doctor.",
])
def test_more_referral_wordings(referral: str, isolated) -> None:
    assert not _fires(f"Take 500 mg of paracetamol. {referral}")
    assert not _fires(f"<p>Take 500 mg of paracetamol.</p><footer>{referral}</footer>", "x.html")


def test_a_narrated_visit_to_a_doctor_is_not_a_caution(isolated) -> None:
    assert _fires("Take 500 mg of paracetamol. Parents will seek medical advice if a baby is unwell.")


def test_referral_wordings_are_configurable(isolated) -> None:
    cfg = {"rules": {"disclaimer-missing": {"options": {"patterns": [r"\bask\s+the\s+midwife\b"]}}}}
    assert not missing("Take 2,000 IU of vitamin D daily. Ask the midwife first.", config=cfg)
    assert missing("Take 2,000 IU of vitamin D daily. Talk to your doctor.", config=cfg)


# -- a site-wide disclaimer (site.disclaimer) -------------------------------------------

def _site(tmp_path, disclaimer: object, footer: str = "<footer>Not medical advice.</footer>\n") -> list[str]:
    """Check a one-page site whose config names *disclaimer*; the rule ids reported."""
    from click.testing import CliRunner

    from medlint.cli import main

    (tmp_path / "layouts" / "partials").mkdir(parents=True, exist_ok=True)
    (tmp_path / "layouts" / "partials" / "footer.html").write_text(footer)
    (tmp_path / "content").mkdir(exist_ok=True)
    (tmp_path / "content" / "a.md").write_text("Take 2,000 IU of vitamin D daily.\n")
    (tmp_path / "content" / "b.html").write_text("<p>Take 2,000 IU of vitamin D daily.</p>\n")
    import json
    (tmp_path / ".medlint.yaml").write_text("site:\n  disclaimer: " + json.dumps(disclaimer) + "\n")
    result = CliRunner().invoke(main, ["check", "--no-cache", "--select", "disclaimer-missing", "--format", "json", "content"])
    assert result.exit_code in (0, 1), result.output
    return [d["path"] for d in json.loads(result.output)]


def test_site_disclaimer_in_a_partial_covers_every_page(isolated) -> None:
    assert _site(isolated, "layouts/partials/footer.html") == []
    assert _site(isolated, ["layouts/**/*.html"]) == []


def test_site_disclaimer_page_in_markdown(isolated) -> None:
    (isolated / "layouts" / "partials").mkdir(parents=True)
    (isolated / "disclaimer.md").write_text("# Disclaimer\n\nThis site is for informational purposes only.\n")
    assert _site(isolated, "disclaimer.md", footer="<footer>(c) 2024</footer>") == []


def test_site_disclaimer_without_a_disclaimer_does_not_count(isolated) -> None:
    assert sorted(_site(isolated, "layouts/partials/footer.html", footer="<footer>(c) 2024</footer>")) == [
        "content/a.md", "content/b.html"]


@pytest.mark.parametrize("value, message", [
    ("../outside.html", "outside the project folder"),
    ("/etc/passwd", "outside the project folder"),
    ("layouts/missing.html", "no file matches layouts/missing.html"),
    (["layouts/**/*.html", "nope/*.njk"], "site.disclaimer[1]: no file matches nope/*.njk"),
])
def test_site_disclaimer_is_validated(value: object, message: str, isolated) -> None:
    import json

    from click.testing import CliRunner

    from medlint.cli import main

    (isolated / "layouts").mkdir()
    (isolated / "layouts" / "base.html").write_text("<footer>Not medical advice.</footer>")
    (isolated / ".medlint.yaml").write_text("site:\n  disclaimer: " + json.dumps(value) + "\n")
    (isolated / "a.md").write_text("Take 2,000 IU daily.\n")
    result = CliRunner().invoke(main, ["check", "--no-cache", "a.md"])
    assert result.exit_code == 2
    assert message in result.output and ".medlint.yaml" in result.output
    assert "Traceback" not in result.output


def test_site_disclaimer_change_is_seen_by_the_cache(isolated) -> None:
    from click.testing import CliRunner

    from medlint.cli import main

    (isolated / "footer.html").write_text("<footer>Not medical advice.</footer>")
    (isolated / ".medlint.yaml").write_text("site:\n  disclaimer: footer.html\n")
    (isolated / "a.md").write_text("Take 2,000 IU daily.\n")
    first = CliRunner().invoke(main, ["check", "--select", "disclaimer-missing", "a.md"])
    assert "disclaimer-missing" not in first.output
    (isolated / "footer.html").write_text("<footer>(c) 2024</footer>")
    second = CliRunner().invoke(main, ["check", "--select", "disclaimer-missing", "a.md"])
    assert "disclaimer-missing" in second.output


# -- what only looks like advice (issue 18, point 5: medical/advice.py) -------------------

FIXTURES = Path(__file__).parent / "fixtures" / "disclaimer"


def _without_advice() -> dict:
    rule = yaml.safe_load((Path(__file__).parents[1] / "rules" / "disclaimer-missing.yaml").read_text())
    # the naive reading: every dose the page does not report as a study's is the page's claim,
    # and a title naming supplements is about taking them
    when = rule["options"]["when"]
    return {"rules": {"disclaimer-missing": {"options": {"when": {
        **when, "advice": False, "dose": "claim", "title": [r"\bsupplement(?:s|ation)\b", *when["title"]]}}}}}


_WITHOUT_ADVICE = _without_advice()


def _found(name: str) -> list:
    path = FIXTURES / name
    return lint_text(path.read_text(encoding="utf-8"), path=name, config={}, select=RULE)


@pytest.mark.parametrize("stem", [
    "question",      # the page only asks; no answer gives a dose or tells the reader to act
    "see-also",      # the advice-like words are other pages' headlines and notes on them
    "survey-title",  # the headline reports what a group got or took
    "diet-title",    # the amount is what a diet provides, not a dose to take
    "debate",        # a debate about supplementation, and "Use of supplements" is a noun phrase
    "headline-empty",     # a headline reporting a trial, over no body at all
    "headline-abstract",  # a headline over a pasted abstract (its doses are the study's) and links
    "intake-before",      # "from oily fish - perhaps 300 IU", "the average intake ... = 600 IU"
    "paper-title",        # a dose in the pasted paper's own title, the heading over its citation
    "food-content",       # "juice, at 100 IU per cup", "did not have the 100 IU", "per 100 kcal"
    "cost-title",         # the topic word names what is priced: a cost, not a dose
    "headline-outline",   # a headline reporting a trial over headings only: news of a finding
    "study-need-abstract",  # a need in a headline that names its study, over that study's abstract
    "reposted-article",   # advice in an article the page reposts from a named source
    "headline-finding",   # a headline with a dose that reports a finding in the present ("does not last")
    "headline-policy",    # a headline on what food can be fortified with, over no body
    "study-sentence",     # doses in sentences that report studies and a trial being started
    "cited-paper",        # doses in the titles of cited papers, each item linking to the paper
    "authority-news",     # news of an official intake changed ("RDA doubled to:"), not relayed as advice
    "study-outline",      # one study's summary bullets, results-table header, captions and a heading naming a study
    "aside",              # a policy's saving and a hypothetical critique of a study, through a list's lead-in
    "collection-headline",  # a study's headline tagged "- RCT 2020" on a page gathering many studies
    "topic-tagged",       # tagged headlines in headings, list items and a table; one run into a paper's bold title
    "official-figures",   # official figures told as history or a panel's conclusion, a restated dose, an average, an address
    "trial-section",      # a trial's protocol and a paper's result under the headings that name them
    "reposted-report",    # a page that is one reposted article whose figures advise no one
])
@pytest.mark.parametrize("ext", ["md", "html"])
def test_what_only_looks_like_advice(stem: str, ext: str, isolated) -> None:
    assert _found(f"{stem}.{ext}") == []
    if stem not in ("debate", "headline-outline", "reposted-article"):  # the debate is vetoed by the rule's
        # `unless` words; the outline's headline reports a trial, which no reading makes advice; the
        # reposted article is a quotation region (regions.py) for any reading
        text = (FIXTURES / f"{stem}.{ext}").read_text(encoding="utf-8")
        assert missing(text, f"{stem}.{ext}", config=_WITHOUT_ADVICE)


@pytest.mark.parametrize("name, line, words", [
    ("answer.md", 5, "Yes: take 1,000 IU of vitamin D daily from October to March."),
    ("answer.html", 3, "Yes: take 1,000 IU of vitamin D daily from October to March."),
    ("need-title.md", 2, "Infants need 1,000 IU of vitamin D"),
    ("need-title.html", 1, "Infants need 1,000 IU of vitamin D"),
])
def test_the_message_names_the_sentence_that_needs_a_disclaimer(name: str, line: int, words: str, isolated) -> None:
    (finding,) = _found(name)
    assert f'line {line}: "{words}"' in finding.message
    assert ("(title, line" in finding.message) == name.startswith("need-title")


def test_the_finding_stays_at_the_start_of_the_body(isolated) -> None:
    """The fix is page-wide (a disclaimer anywhere), so the finding stays where it was;
    the trigger's line is in the message."""
    (finding,) = lint_text("---\ntitle: x\n---\nIntro.\n\nTake 2,000 IU daily.\n", config={}, select=RULE)
    assert (finding.line, finding.column) == (4, 1)
    assert 'line 6: "Take 2,000 IU daily."' in finding.message


def test_a_long_trigger_is_shortened(isolated) -> None:
    (finding,) = lint_text("Take 2,000 IU of vitamin D daily " + "with food " * 20 + ".", config={}, select=RULE)
    assert '..."' in finding.message and len(finding.message) < 200


@pytest.mark.parametrize("text", [
    "Should you take more vitamin D supplements in winter?",
    "<p>Is 2,000 IU of vitamin D enough for you?</p>",
    "* [Take vitamin D supplements daily](/posts/dose)",
    "## See also\n\n* Supplementation may help the heart (our overview)\n",
    "---\ntitle: Most Nordic toddlers get vitamin D supplements\n---\nA feeding survey.\n",
    '---\ntitle: "Female staff: 7 percent took more than 2,000 IU of vitamin D daily"\n---\nA staff survey.\n',
    "11,000 IU of vitamin D daily from a diet of cod liver and roe.",
    "You get 10,000 IU of vitamin D from half an hour of summer sun.",
])
def test_not_advice_sentences(text: str, isolated) -> None:
    assert not _fires(text, "x.html" if text.startswith("<") else "x.md")
    # each is advice to the rule without the reading of medical/advice.py
    assert missing(text, "x.html" if text.startswith("<") else "x.md", config=_WITHOUT_ADVICE)


@pytest.mark.parametrize("text", [
    "Should you take more vitamin D? Yes, take 2,000 IU daily.",
    "* [Our dose guide](/posts/dose): take 4,000 IU of vitamin D daily.\n\nMore below.\n",
    "Most people get only 200 IU from food, so take 1,000 IU a day.",
    "Fewer colds if you get 2,000 IU of vitamin D a day.",
    "Take 2,000 IU of vitamin D in the morning with food.",
    "Use vitamin D supplements in winter.",
    "## See also the bottom of this page\n\nAnything under 400 IU of vitamin D is too little; take 2,000 IU.\n",
    # a heading is its own sentence: the question in the next heading does not swallow it
    "# x\n\nNotes.\n\n## I would take 10,000 IU of vitamin D daily\n## Has it been shown?\n",
    "<h1>x</h1><p>Notes.</p><h2>I would take 10,000 IU of vitamin D daily</h2><h2>Has it been shown?</h2>",
    # a byline under the heading, but no reproduced paper: the heading is the page's own
    "# x\n\n## 4,000 IU of vitamin D daily is best for adults\n\nBy Jane Smith, practice nurse\n\n"
    "Winter is long here and the sun is weak from October to March.\n",
    "<h1>x</h1>\n<h2>4,000 IU of vitamin D daily is best for adults</h2>\n<p>By Jane Smith, practice nurse</p>\n"
    "<p>Winter is long here and the sun is weak from October to March.</p>\n",
    # food named, but the dose is the reader's to take, not the food's content
    "Milk has too little vitamin D: take 1,000 IU a day.",
    "<p>Drink milk and take 1,000 IU of vitamin D daily.</p>",
    # a cost in the title, but it also says how much to take
    "---\ntitle: Cheap vitamin D supplements and how much to take\n---\nPrices vary.\n",
])
def test_advice_near_those_forms_still_counts(text: str, isolated) -> None:
    assert _fires(text, "x.html" if text.startswith("<") else "x.md")



def test_advice_helpers() -> None:
    from medlint.medical.advice import (intake_from_source, is_question, reports_group_intake,
                                        reports_group_intake_before)

    assert is_question("Is 600 IU enough? ") and is_question("**Is it enough?**") and not is_question("It is.")
    assert reports_group_intake("Female employees: 7 percent took more than 2,000 IU")
    assert reports_group_intake("Most Nordic toddlers get vitamin D supplements")
    assert not reports_group_intake("Infants in France need 1,000 IU")
    assert not reports_group_intake("6 percent less likely to need hospital care by taking a little vitamin D")
    assert reports_group_intake_before("In a survey, 4 percent of nurses took more than ")
    assert not reports_group_intake_before("Most people get only 200 IU from food, so take ")
    text = "9,000 IU vitamin D daily from an old island diet of herring"
    assert intake_from_source(text, len("9,000 IU"))
    assert not intake_from_source("2,000 IU in children with asthma", len("2,000 IU"))


@pytest.mark.parametrize("name, line, words, title", [
    # the site's own comment after the pasted abstract advises: reported, at the comment
    ("headline-abstract-advice.md", 20, "Take 4,000 IU of vitamin D daily rather than a monthly dose.", False),
    ("headline-abstract-advice.html", 10, "Take 4,000 IU of vitamin D daily rather than a monthly dose.", False),
    # a headline on what a group needs states a recommendation, abstract or not
    ("need-abstract.md", 2, "Older adults with knee pain need 50,000 IU of vitamin D a month", True),
    ("need-abstract.html", 1, "Older adults with knee pain need 50,000 IU of vitamin D a month", True),
    # a heading over the paper that tells the reader what to take is the page's own
    ("paper-title-advice.md", 4, "Take 50,000 IU of D3 monthly for knee pain", False),
    ("paper-title-advice.html", 2, "Take 50,000 IU of D3 monthly for knee pain", False),
])
def test_a_research_headline_still_needs_a_disclaimer_when_the_page_advises(
        name: str, line: int, words: str, title: bool, isolated) -> None:
    (finding,) = _found(name)
    assert f'line {line}: "{words}"' in finding.message
    assert ("(title, line" in finding.message) == title


def test_research_headline_helpers() -> None:
    from medlint.medical.advice import intake_reported_before, reports_research

    assert reports_research("Depression not reduced with 5,700 IU of vitamin D \u2013 RCT")
    assert reports_research("Lupus flares eliminated by 100,000 IU of vitamin D each month")
    assert reports_research("100,000 IU of vitamin D did not help leg pain")
    assert not reports_research("Infants need 1,000 IU of vitamin D")
    assert not reports_research("Trial over: you should take 2,000 IU of vitamin D")
    assert not reports_research("Treatment by vitamin D")
    assert not reports_research("Take 2,000 IU of vitamin D in winter")
    assert intake_reported_before("Vitamin D2 from food \u2013 perhaps ")
    assert intake_reported_before("Milk, at ") and intake_reported_before("Most milk did not have the ")
    assert not intake_reported_before("Take it with milk at ")
    assert reports_research("400 IU of vitamin D was insufficient for half of the infants")
    assert not reports_research("Infants need 400 IU: 200 IU is insufficient")
    assert intake_reported_before("The average vitamin D intake if fish twice a week = 4,200 IU/7 = ")
    assert intake_reported_before("Calcidiol in animal-based food adds about ")
    assert not intake_reported_before("The average intake is 200 IU, so take ")
    assert not intake_reported_before("Get some vitamin D from the sun, or take ")


def test_cost_titles() -> None:
    from medlint.medical.advice import reports_cost

    assert reports_cost("Zinc supplementation can cost 30 dollars a week")
    assert reports_cost("Supplements for $5 a month")
    assert not reports_cost("Cheap supplements: how much vitamin D to take")
    assert not reports_cost("Vitamin D supplementation in winter")



# -- advice in the page's own words (issue 18: the trigger, research headlines, reproduced text) --

@pytest.mark.parametrize("name, line, words, title", [
    # the page's own comment after a reposted article advises: reported, at the comment
    ("reposted-comment.md", 14, "In the north 4,000 IU a day would be far better.", False),
    ("reposted-comment.html", 7, "In the north 4,000 IU a day would be far better.", False),
])
def test_the_pages_own_comment_after_a_reposted_article_needs_a_disclaimer(
        name: str, line: int, words: str, title: bool, isolated) -> None:
    (finding,) = _found(name)
    assert f'line {line}: "{words}"' in finding.message


@pytest.mark.parametrize("text", [
    # a dose the page states but does not recommend
    "A maintenance dose of 1,000 IU was used in the 1990s.",
    "The average multivitamin held 400 IU in 2005.",
    # what a body recommended once: news, not advice relayed
    "In 1997 the Institute of Medicine recommended 200 IU a day.",
    "Proponents of the hypothesis have recommended 4,000 IU a day.",
    "Finland, back then, recommended only 150 IU a day.",
    # a study's protocol in the imperative
    "Small study: take 60,000 IU of D3 with or without food, then measure.",
    # a worked example
    "Example: begin at 25 ng of vitamin D and a half-life of five weeks.",
    # titles that report: a finding, a study's conclusion, someone's view, a dose-response figure
    "---\ntitle: Need at least 800 IU of D3 \u2013 meta-analysis\n---\nThe pooled trials.\n",
    "---\ntitle: An airline thinks pilots only need 600 IU of vitamin D\n---\nA report from the agency.\n",
    "---\ntitle: 300 IU needed to raise vitamin D levels by 2 ng\n---\nA summary of trials.\n",
    "---\ntitle: 2,400 IU raised women to 40 ng of vitamin D\n---\nA trial in women.\n",
    # a title that names a topic
    "---\ntitle: Vitamin D supplementation in Spain\n---\nFew mothers take it.\n",
    "---\ntitle: Autism treated by vitamin D \u2013 video\n---\nA talk by a doctor.\n",
    # a noun phrase, not an imperative
    "Increase in vitamin D tests after the report.",
    # a headline reporting a trial's result, a title reporting what a group got
    "## 4,000 IU of vitamin D cut cancer - RCT 2012\n\nA trial in men.\n",
    "---\ntitle: Many healthy Danes got above 40 ng with 3,000 IU of vitamin D\n---\nA trial.\n",
])
def test_what_the_page_does_not_tell_its_reader_to_take(text: str, isolated) -> None:
    """With `when.dose: advice` (an option), doses the page states but does not recommend."""
    config = _advice_only()
    assert not _fires(text, config=config)
    body = text.split("---\n")[-1].strip()
    title = text.split("title: ")[1].split("\n")[0] if "title: " in text else None
    if body.startswith("## "):
        heading, _, body = body[3:].partition("\n\n")
        title = heading
    html = (f"<h1>{title}</h1>" if title else "") + "<p>" + body + "</p>"
    assert not _fires(html, "x.html", config=config)


@pytest.mark.parametrize("text", [
    # a dose the page recommends: advice words, an imperative, a verdict in the present
    "Most adults need more than 2,000 IU of vitamin D a day.",
    "10,000 IU daily for 20 weeks would work much better.",
    "400 IU of vitamin D is not enough anymore.",
    "Probably start with 2 pills of 1,000 IU a day for a week, then 1 pill a day.",
    "Drink milk and take 1,000 IU of vitamin D daily.",
    # a body's advice relayed in the present
    "The WHO recommends 400 IU of vitamin D a day for infants.",
    # a recommendation headline that names no study, and one on what to do
    "---\ntitle: Heavier teenagers probably need over 20,000 IU of vitamin D weekly\n---\nNotes.\n",
    "---\ntitle: 300 IU is too little vitamin D for premature babies\n---\nNotes.\n",
    "---\ntitle: How often should one take 50,000 IU of D3\n---\nNotes.\n",
    # a study named in the headline, but the headline speaks to the reader
    "---\ntitle: \"Trial over: you should take 2,000 IU of vitamin D\"\n---\nNotes.\n",
])
def test_what_the_page_tells_its_reader_to_take(text: str, isolated) -> None:
    assert _fires(text)
    body = text.split("---\n")[-1]
    title = text.split("title: ")[1].split("\n")[0].strip('"') if "title: " in text else None
    html = (f"<h1>{title}</h1>" if title else "") + "<p>" + body.strip() + "</p>"
    assert _fires(html, "x.html")


def test_recommends_helper() -> None:
    from medlint.document import Document
    from medlint.medical.advice import recommends, reports_research
    from medlint.medical.dose import find_doses

    def first(text: str) -> bool:
        doc = Document.from_text(text, "x.md", "markdown")
        d = find_doses(doc)[0]
        return recommends(doc, d.start, d.end)

    assert first("You should take 2,000 IU daily.") and first("Yes: take 1,000 IU daily.")
    assert first("50,000 IU monthly would have been even better.")
    assert not first("400 IU was not enough to stop depression.")
    assert not first("Small study: take 60,000 IU once.")
    assert reports_research("RCT confirms that Canadians need at least 1,800 IU vitamin D")
    assert reports_research("A Dutch midwife doubts that more than 600 IU is needed while breastfeeding")
    assert not reports_research("Asthmatic teenagers often need more than 6,000 IU of vitamin D")


@pytest.mark.parametrize("name, line, words, title", [
    # beside each reading above, a page that still needs and lacks a disclaimer is still reported
    ("headline-verdict.md", 2, "5,000 IU of D3 per day is safe for nearly all adults", True),
    ("headline-verdict.html", 1, "5,000 IU of D3 per day is safe for nearly all adults", True),
    ("study-sentence-advice.md", 6, "Trials show that adults need 4,000 IU of vitamin D daily.", False),
    ("study-sentence-advice.html", 4, "Trials show that adults need 4,000 IU of vitamin D daily.", False),
    ("cited-paper-advice.md", 8, "You should take 4,000 IU of vitamin D daily, as this review shows PDF", False),
    ("cited-paper-advice.html", 6, "You should take 4,000 IU of vitamin D daily, as this review shows PDF", False),
    ("authority-advice.md", 3, "The national food agency recommends 400 IU of vitamin D daily for everyone ov...", False),
    ("authority-advice.html", 2, "The national food agency recommends 400 IU of vitamin D daily for everyone ov...", False),
    ("study-outline-advice.md", 9, "Most adults need 2,000 IU daily", False),
    ("study-outline-advice.html", 3, "Most adults need 2,000 IU daily", False),
    ("aside-advice.md", 17, "You should take 4,000 IU of vitamin D daily.", False),
    ("aside-advice.html", 8, "You should take 4,000 IU of vitamin D daily.", False),
    # a tagged headline that says what a group needs still advises
    ("topic-tagged-advice.md", 6, "Adults with migraine need 600 mg of magnesium daily - review 2020", False),
    ("topic-tagged-advice.html", 3, "Adults with migraine need 600 mg of magnesium daily - review 2020", False),
    # after news of a panel's conclusion, the page's own "you should"
    ("official-figures-advice.md", 6, "The panel was wrong: you should give toddlers 300 mcg of folate daily.", False),
    ("official-figures-advice.html", 3, "The panel was wrong: you should give toddlers 300 mcg of folate daily.", False),
    # the writer's own guess under a trial's heading
    ("trial-section-advice.md", 6, "Suspect that 15 mg of zinc was far too little, so residents stayed ill", False),
    ("trial-section-advice.html", 3, "Suspect that 15 mg of zinc was far too little, so residents stayed ill", False),
    # a reposted article that tells its reader what to take
    ("reposted-report-advice.md", 10, "If you are over sixty, you should take 500 mg of calcium every day.", False),
    ("reposted-report-advice.html", 5, "If you are over sixty, you should take 500 mg of calcium every day.", False),
])
def test_a_page_that_advises_beside_each_report_is_still_reported(
        name: str, line: int, words: str, title: bool, isolated) -> None:
    (finding,) = _found(name)
    assert f'line {line}: "{words}"' in finding.message
    assert ("(title, line" in finding.message) == title


@pytest.mark.parametrize("headline, advises", [
    ("Infants need 1,000 IU of vitamin D", True),
    ("5,000 IU of D3 per day is safe for nearly all adults", True),
    ("1,000 IU per kg of vitamin D can indeed be toxic", True),
    ("Calcium intake of 500 mg is usually sufficient", True),
    ("5,000 IU in bread was great - should have continued", True),
    ("At least 5,000 IU of vitamin D to reach 50 ng", True),
    ("If you have a family history you can take 200 IU less", True),
    ("A loading dose of 300,000 IU of D3 wears off quickly", False),
    ("Swimmers taking 4,000 IU of vitamin D had fewer injuries", False),
    ("5,000 IU daily was barely enough vitamin D for runners in winter", False),
    ("Bread can be fortified with 1,000 IU of vitamin D", False),
    ("Free-range eggs have 200 IU of vitamin D each", False),
])
def test_headline_advises(headline: str, advises: bool) -> None:
    from medlint.medical.advice import headline_advises

    assert headline_advises(headline) is advises


def test_study_sentences_and_cited_papers() -> None:
    from medlint.document import Document
    from medlint.medical.advice import cites_paper, reports_study

    assert reports_study("In studies on rats, the harmful dose was reported as 0.5 mg/kg.")
    assert reports_study("A clinical trial of 50,000 IU a day is starting.")
    assert not reports_study("Trials show that adults need 4,000 IU of vitamin D daily.")
    assert not reports_study("Take 4,000 IU daily.")  # names no study
    text = "* A meta-analysis of 4,000 IU daily - 2023 [PDF](https://doi.org/10.9999/x)\n* Take 4,000 IU daily [PDF](https://doi.org/10.9999/y)\n"
    doc = Document.from_text(text, "x.md", "markdown")
    assert cites_paper(doc, text.index("4,000"))
    assert not cites_paper(doc, text.index("Take"))  # an item that advises is the page's own
    plain = Document.from_text("* A meta-analysis of 4,000 IU daily - 2023\n", "x.md", "markdown")
    assert not cites_paper(plain, 2)  # no link to a paper: whose title it is, the item does not say


def test_outline_and_aside_helpers() -> None:
    from medlint.document import Document
    from medlint.medical.advice import about_study, aside_to_advice, outline_reports, reports_in_outline

    assert about_study("Bone density not improved by 600 IU of vitamin D in toddlers")
    assert about_study("Near the end of pregnancy 50,000 IU weekly was great - RCT")
    assert not about_study("Hives treated by vitamin D - many studies")  # a collection: the page's picks
    assert not about_study("Infants need 1,000 IU of vitamin D - RCT")  # the headline advises
    assert not about_study("Hypothesis: some mental illness could be treated with vitamin D")
    text = "* 17% low even with 400 IU of prenatal vitamins\n* 800 IU probably not enough\n* The 400 IU dose is fairly small\n"
    doc = Document.from_text(text, "x.md", "markdown")
    title = "83 percent insufficient in early pregnancy"
    assert reports_in_outline(doc, text.index("400 IU"), title)
    assert not reports_in_outline(doc, text.index("800 IU"), title)  # the page's verdict
    assert not reports_in_outline(doc, text.index("The 400"), title)
    assert not reports_in_outline(doc, text.index("400 IU"), "Vitamin D in pregnancy")  # not one study's page
    text = "#### The study using 40,000 IU showed a large decrease\n\n#### Gout reduced by 50,000 IU weekly - RCT 2020\n"
    doc = Document.from_text(text, "x.md", "markdown")
    assert outline_reports(doc, text.index("40,000"))
    assert not outline_reports(doc, text.index("50,000"))  # the study only tagged on as the source
    text = "If the trial had enrolled people already on\n\n* plenty of vitamin D - above 3,000 IU\n\nTake 2,000 IU daily.\n"
    doc = Document.from_text(text, "x.md", "markdown")
    assert aside_to_advice(doc, text.index("3,000"), "plenty of vitamin D - above 3,000 IU")
    assert not aside_to_advice(doc, text.index("Take"), "Take 2,000 IU daily.")
    assert aside_to_advice(doc, 0, "Saving $3 billion if seniors were given 800 IU.")
    assert not aside_to_advice(doc, 0, "You should take 800 IU: it costs only $5 a year.")
    assert aside_to_advice(doc, 0, "Paediatricians disagree on the dose babies need: 200 IU or 800 IU")
    assert not aside_to_advice(doc, 0, "Despite the debate, you should take 1,000 IU daily.")


def test_report_helpers() -> None:
    from medlint.document import Document
    from medlint.medical.advice import (is_question, reports_official, reports_past_figure, restates_or_encodes,
                                        tagged_report_line)

    def tagged(line: str) -> bool:
        doc = Document.from_text(line + "\n", "x.md", "markdown")
        return tagged_report_line(doc, doc.prose.index(line.lstrip("#* ")[:6]))

    assert tagged("#### Fewer colds with 1,200 IU daily - RCT June 2019")
    assert tagged("* Bone loss slowed by 700 mg of calcium – 2008")
    assert tagged("#### Reflux eased by 20 mg daily - 2021** Paper title in bold **Journal 3(2)")
    assert not tagged("#### Seniors need 1,200 IU daily - RCT June 2019")  # a need advises
    assert not tagged("#### Take 1,200 IU daily - 2019")
    assert not tagged("Fewer colds with 1,200 IU daily - RCT June 2019. Take it in winter.")  # a paragraph
    assert not tagged("#### Fewer colds with 1,200 IU daily")  # no report's tag
    assert reports_past_figure("Back then the ministry advised only")
    assert reports_past_figure("The panel concluded that adults require")
    assert reports_past_figure("The upper limit was set at")
    assert reports_past_figure("Volunteers were then switched to")
    assert not reports_past_figure("The panel recommends")
    assert not reports_past_figure("At the time you should take")
    assert not reports_past_figure("It is recommended to take")
    assert reports_official("Swiss recommendations: vitamin D about 600 IU")
    assert not reports_official("Swiss recommendations: adults need 600 IU")
    assert not reports_official("Recommendations for you: take 600 IU")
    assert is_question("Lamp output (roughly 900 IU per quarter hour?)")
    doc = Document.from_text("Given 30,000 IU monthly (equivalent to 1,000 IU/day) and x%20y%20400%20IU%20z\n",
                             "x.md", "markdown")
    at = doc.prose.index("1,000 IU/day")
    assert restates_or_encodes(doc, at, doc.prose[:at])
    at = doc.prose.index("400%20IU")
    assert restates_or_encodes(doc, at, "")
    at = doc.prose.index("30,000")
    assert not restates_or_encodes(doc, at, doc.prose[:at])


# A figure told as history needs an explicit mark of the past or of a report; a heading makes the
# doses under it a report only when it names one study, trial or paper. Present-tense advice
# ("is generally recommended", "it's recommended", "is used to treat") and doses under a plural
# topic heading or a bare dated heading are still the page's advice.
_PRESENT_ADVICE = [
    "It is generally recommended that adults with low iron take 65 mg of elemental iron every other day.",
    "It's recommended that adults with low iron need 65 mg of elemental iron every other day.",
    "Magnesium is used to treat night cramps: adults need 300 mg each evening.",
    "It is usually advised that adults with gout take 500 mg of vitamin C a day.",
    "Formerly 10 mg was advised, but today adults with low iron need 65 mg every other day.",
]
_TOPIC_HEADINGS = ["Iron dosing - 2025", "Dosing for patients in trials", "What the studies say",
                   "Iron dosing (reviewed March 2025)", "Trial and error with iron doses"]
_USUAL_DOSE = "The usual dose for low iron is 65 mg of elemental iron every other day."


@pytest.mark.parametrize("sentence", _PRESENT_ADVICE)
@pytest.mark.parametrize("ext", ["md", "html"])
def test_present_tense_advice_is_not_history(sentence: str, ext: str, isolated) -> None:
    text = f"<p>{sentence}</p>" if ext == "html" else f"---\ntitle: Low iron\n---\n{sentence}\n"
    assert missing(text, f"x.{ext}")


@pytest.mark.parametrize("heading", _TOPIC_HEADINGS)
@pytest.mark.parametrize("ext", ["md", "html"])
def test_a_topic_or_dated_heading_does_not_make_doses_a_report(heading: str, ext: str, isolated) -> None:
    if ext == "html":
        text = f"<h1>Low iron</h1><p>About iron.</p><h2>{heading}</h2><p>{_USUAL_DOSE}</p>"
    else:
        text = f"---\ntitle: Low iron\n---\nAbout iron.\n\n## {heading}\n\n{_USUAL_DOSE}\n"
    assert missing(text, f"x.{ext}")


@pytest.mark.parametrize("sentence", [
    "The advisory board concluded that adults require 18 mg of iron a day.",
    "Back then the health ministry advised 10 mg of iron a day for teenagers.",
    "The upper level for adults was set at 45 mg of iron a day.",
    "Iron advocates have recommended 100 mg a day for decades.",
    "Doctors at the time generally advised 200 mg of ferrous sulphate three times a day.",
])
@pytest.mark.parametrize("ext", ["md", "html"])
def test_a_body_figure_told_as_history_is_still_not_advice(sentence: str, ext: str, isolated) -> None:
    text = f"<p>{sentence}</p>" if ext == "html" else f"---\ntitle: Iron figures over the years\n---\n{sentence}\n"
    assert not missing(text, f"x.{ext}")


@pytest.mark.parametrize("heading, html_heading", [
    ("Fewer colds with 15 mg of zinc daily - RCT 2019", "Fewer colds with 15 mg of zinc daily - RCT 2019"),
    ("A trial in three care homes", "A trial in three care homes"),
    ("[Zinc and colds in schoolchildren](https://doi.org/10.9999/zinc.42)",
     '<a href="https://doi.org/10.9999/zinc.42">Zinc and colds in schoolchildren</a>'),
])
@pytest.mark.parametrize("ext", ["md", "html"])
def test_doses_under_a_heading_naming_one_study_are_still_its_report(heading: str, html_heading: str, ext: str,
                                                                     isolated) -> None:
    body = "Lozenges with 10 mg of zinc, three times a day for a week, no run-in"
    if ext == "html":
        text = (f"<h1>Zinc and colds</h1><p>Trials of zinc for colds, newest first.</p>"
                f"<h4>{html_heading}</h4><p>{body}</p>")
    else:
        text = f"---\ntitle: Zinc and colds\n---\nTrials of zinc for colds, newest first.\n\n#### {heading}\n\n{body}\n"
    assert not missing(text, f"x.{ext}")


def test_past_figure_needs_an_explicit_mark() -> None:
    from medlint.medical.advice import reports_past_figure

    assert not reports_past_figure("It is generally recommended that adults need")
    assert not reports_past_figure("It's recommended that adults need")
    assert not reports_past_figure("Magnesium is used to treat cramps: adults need")
    assert not reports_past_figure("Formerly 10 mg was advised, but today adults need")
    assert reports_past_figure("In 1990 the board had recommended")
    assert reports_past_figure("The guidance was generally advised as")


def _page(title: str, paragraphs: list[str], ext: str, heading: str | None = None) -> str:
    """A page with the writer's own opening line (see :func:`helpers.article_page`)."""
    return article_page(title, paragraphs, ext, "A few notes from our practice nurse, updated this spring.", heading)


# An official figure told as history, with its year: news, not today's advice (issue 18). The same
# words in the present, or with no mark of the past, still advise.
@pytest.mark.parametrize("ext", ["md", "html"])
@pytest.mark.parametrize("sentence, advises", [
    ("Paediatricians in 1985 recommended 200 IU of vitamin D for toddlers.", False),
    ("In the early 1970s the board advised 5 mg of folic acid for everyone.", False),
    ("Paediatricians recommend 400 IU of vitamin D for toddlers.", True),
    ("Paediatricians recommended 400 IU of vitamin D for toddlers.", True),
    ("Since 2011 paediatricians have recommended 400 IU of vitamin D for toddlers.", True),
    ("In 1985 paediatricians recommended 200 IU, but today toddlers need 400 IU of vitamin D.", True),
])
def test_past_recommendation_with_its_year(sentence: str, advises: bool, ext: str, isolated) -> None:
    assert missing(_page("Vitamin D for toddlers", [sentence], ext), f"x.{ext}") is advises


# A personal history of treatment (what the writer or someone was told, given or took) is an
# account of what happened, not advice; present habits offered to the reader, or "you", still count.
@pytest.mark.parametrize("ext", ["md", "html"])
@pytest.mark.parametrize("sentence, advises", [
    ("After my fall I was advised to take 1,200 mg of calcium a day.", False),
    ("My rheumatologist prescribed me 20 mg of prednisolone for a month.", False),
    ("She was put on 75 mg of aspirin after the stroke.", False),
    ("Last winter I took 3,000 IU of vitamin D a day.", False),
    ("I was advised to take 1,200 mg of calcium a day, and you should too.", True),
    ("Take 1,200 mg of calcium a day after a fall.", True),
])
def test_personal_history_is_not_advice(sentence: str, advises: bool, ext: str, isolated) -> None:
    assert missing(_page("My bones", [sentence], ext), f"x.{ext}") is advises


# A report noun used as a topic ("Study tips", "Trial period") names no report: the doses under
# it are the page's own. One report named ("A study by ...") still makes them the study's.
@pytest.mark.parametrize("ext", ["md", "html"])
@pytest.mark.parametrize("heading, advises", [
    ("Study tips", True),
    ("Paper straws and other swaps", True),
    ("Study by a rural clinic", False),
    ("The trial", False),
])
def test_report_noun_as_topic(heading: str, advises: bool, ext: str, isolated) -> None:
    body = ["Exam season is stressful.", "Magnesium glycinate at 200 mg each evening for six weeks."]
    assert missing(_page("Sleep and exams", body, ext, heading=heading), f"x.{ext}") is advises


# A claim the page quotes to refute: the line closes with its verdict ("(MYTH ...)", "(Wrong)"), or
# the list is led in as another source's mistakes. A claim that speaks to "you" still counts.
@pytest.mark.parametrize("ext", ["md", "html"])
@pytest.mark.parametrize("paragraphs, advises", [
    (["- Iron pills of 65 mg make everyone constipated (MYTH: most people tolerate them with food)"], False),
    (["Zinc lozenges at 80 mg a day can actually cure a cold. (Wrong, say the reviews.)"], False),
    (["The pharmacy leaflet is wrong in several ways.", "- Never take more than 500 mg of magnesium",
      "- Should stop omega-3 of 2 g a week before surgery"], False),
    (["The pharmacy leaflet is clear.", "- Never take more than 500 mg of magnesium"], True),
    (["- You can take 65 mg of iron with orange juice (MYTH that it must be fasting)"], True),
])
def test_refuted_claims(paragraphs: list[str], advises: bool, ext: str, isolated) -> None:
    assert missing(_page("Supplement myths", paragraphs, ext), f"x.{ext}") is advises


# A study's account told in prose: its group's intake in the past, a conclusion credited to its
# findings or authors, a protocol's rule for its subjects. "Studies show that adults need" advises.
@pytest.mark.parametrize("ext", ["md", "html"])
@pytest.mark.parametrize("sentence, advises", [
    ("Half of the older men had 1 g of fish oil added to breakfast.", False),
    ("The authors concluded that the allowance should rise to 1,500 mg of calcium for teenagers.", False),
    ("Research by a Lisbon team and colleagues suggests that 30 mg of zinc is safe in pregnancy.", False),
    ("If ferritin stays low, the protocol requires an extra 60 mg of iron daily.", False),
    ("Studies show that teenagers need 1,500 mg of calcium.", True),
    ("The authors concluded that you should take 1,500 mg of calcium.", True),
])
def test_study_accounts_in_prose(sentence: str, advises: bool, ext: str, isolated) -> None:
    assert missing(_page("Calcium for teenagers", [sentence], ext), f"x.{ext}") is advises


# A page whose headline reports what a programme gives: its bare figures are that programme's.
@pytest.mark.parametrize("ext", ["md", "html"])
@pytest.mark.parametrize("paragraphs, advises", [
    (["- Only 30 mg of iron for schoolgirls", "- Only 15 mg of iron for boys"], False),
    (["- Only 30 mg of iron for schoolgirls", "Girls need 60 mg of iron daily."], True),
])
def test_programme_figures_on_a_page_reporting_it(paragraphs: list[str], advises: bool, ext: str, isolated) -> None:
    title = "Charity is giving only 30 mg of iron to a million schoolgirls"
    assert missing(_page(title, paragraphs, ext), f"x.{ext}") is advises


def test_unit_iu_with_stops_is_not_the_writer_speaking() -> None:
    from medlint.medical.advice import reports_study

    assert reports_study('Early studies of toxicity took a "safe" intake as under 15,000 I.U.')
    assert not reports_study("In my study I take 15,000 IU")  # "I" still speaks


def test_html_indentation_does_not_cut_a_sentence_from_its_subject(isolated) -> None:
    pad = " " * 400
    html = (f"<p>Campaigners have recommended supplements of (6,000{pad}<a href='/u'>units</a>{pad}/day "
            "for adults and 1,200 units/day for children.</p>")
    assert not missing(html, "x.html")
    assert missing(html.replace("Campaigners have recommended supplements of", "Take"), "x.html")


@pytest.mark.parametrize("ext", ["md", "html"])
@pytest.mark.parametrize("sentence, advises", [
    ("Most girls who feel washed out should take 65 mg of iron every other day.", True),
    ("Most girls take 14 mg of iron from food.", False),
])
def test_a_group_with_a_modal_is_advice_not_a_survey(sentence: str, advises: bool, ext: str, isolated) -> None:
    assert missing(_page("Iron for teenage girls", [sentence], ext), f"x.{ext}") is advises


def test_a_dated_study_tag_in_a_heading_still_names_one_report(isolated) -> None:
    text = ("---\ntitle: Magnesium and sleep\n---\nNotes from our clinic.\n\n"
            "## Fewer night wakings with magnesium - RCT Mar 2020\n\n300 mg of magnesium citrate, eight weeks\n")
    assert not missing(text)


# A note on the dose range a finding or formula covers limits what was found; it tells no one what
# to take. The same note that turns to the reader, or a dose stated for a group, still advises.
@pytest.mark.parametrize("ext", ["md", "html"])
@pytest.mark.parametrize("sentence, advises", [
    ("Note: the chart is valid for doses up to 1,500 mg of calcium a day.", False),
    ("The equation applies to intakes under 1,500 mg of calcium a day.", False),
    ("Note: these results apply to doses of 25 mg of zinc or less.", False),
    ("This is for adults: take 25 mg of zinc daily.", True),
    ("These results hold for doses below 25 mg, so you should take 20 mg of zinc.", True),
])
def test_note_on_the_dose_range_a_finding_covers(sentence: str, advises: bool, ext: str, isolated) -> None:
    assert missing(_page("Zinc and calcium arithmetic", [sentence], ext), f"x.{ext}") is advises


def test_dose_range_note_as_a_heading(isolated) -> None:
    page = "---\ntitle: A rule of thumb for calcium\n---\nThe rule of thumb gives blood calcium per gram.\n\n"
    assert not missing(page + "## Note: the rule applies to intakes below 1,500 mg\n")
    assert missing(page + "## You need at least 1,500 mg\n")


def _survey(section: str, items: list[str], ext: str) -> str:
    """A page that describes a survey: a section (with a sub-heading) listing items after a line of
    its own (in HTML a heading right over a lone list reads as a pasted paper's)."""
    if ext == "md":
        return ("---\ntitle: Designing a sleep survey for our clinic\n---\nWe are building a short form for patients.\n\n"
                f"## {section}\n\n### Medicines\n\nOne line for each entry.\n\n" + "\n".join(f"- {i}" for i in items) + "\n")
    return ("<html><body><h1>Designing a sleep survey for our clinic</h1><p>We are building a short form for "
            f"patients.</p><h2>{section}</h2><h3>Medicines</h3><p>One line for each entry.</p><ul>" + "".join(f"<li>{i}</li>" for i in items)
            + "</ul></body></html>")


# Items of a questionnaire, survey or model's inputs that a page describes are what is asked or
# recorded, even in the imperative; the same lines under a heading of the page's own advice count,
# and so does an item that says "should".
@pytest.mark.parametrize("ext", ["md", "html"])
@pytest.mark.parametrize("section, items, advises", [
    ("Questionnaire", ["Take 250 mg of magnesium at bedtime"], False),
    ("Sleep habits questionnaire", ["Melatonin tablets: 3 mg"], False),
    ("Variables/questions", ["Magnesium: 250 mg or more at bedtime"], False),
    ("Model inputs", ["Magnesium tablets: 250 mg"], False),
    ("Survey items", ["Everyone should take 250 mg of magnesium"], True),
    ("Our bedtime routine", ["Take 250 mg of magnesium at bedtime"], True),
    ("Predictors of poor sleep in shift workers", ["Take 250 mg of magnesium at bedtime"], True),
])
def test_questionnaire_items_are_described(section: str, items: list[str], advises: bool, ext: str, isolated) -> None:
    assert missing(_survey(section, items, ext), f"x.{ext}") is advises


# A sub-heading inside a questionnaire's section labels its items ("What you take"), as the items are
# described; the same sub-heading in a section of the page's own advice still speaks to the reader.
@pytest.mark.parametrize("ext", ["md", "html"])
@pytest.mark.parametrize("section, advises", [("Survey items", False), ("Our routine", True)])
def test_sub_heading_of_a_questionnaire(section: str, advises: bool, ext: str, isolated) -> None:
    item = "Iron tablets or zinc lozenges, and how often"
    if ext == "md":
        page = (f"---\ntitle: A form for the pharmacy\n---\nA pilot with forty customers.\n\n## {section}\n\n"
                f"### What you take\n\n- {item}\n")
    else:
        page = (f"<html><body><h1>A form for the pharmacy</h1><p>A pilot with forty customers.</p><h2>{section}</h2>"
                f"<h3>What you take</h3><ul><li>{item}</li></ul></body></html>")
    assert missing(page, f"x.{ext}") is advises


# A questionnaire's section covers its items only (REVIEW3 V3): the writer's advice after the items,
# addressed to the reader ("If you scored ..."), is advice; an H1 that names a questionnaire does not
# exempt the page; a sub-heading of guidance ("Next steps") ends the section.
@pytest.mark.parametrize("page, ext", [
    ("---\ntitle: Iron check\n---\n# Could you be low in iron?\n\n## Screening questionnaire\n\n"
     "1. Do you often feel out of breath?\n2. Are your nails brittle?\n\n"
     "If you scored two, take 65 mg of iron daily for a month.\n", "md"),
    ("<html><body><h1>Could you be low in iron?</h1><h2>Screening questionnaire</h2><ol><li>Do you often "
     "feel out of breath?</li><li>Are your nails brittle?</li></ol><p>If you scored two, take 65 mg of iron "
     "daily for a month.</p></body></html>", "html"),
    ("---\ntitle: Iron check\n---\n# Iron questionnaire\n\nFill in the form below first.\n\n"
     "## Next steps\n\nTake 65 mg of iron daily for a month with orange juice.\n", "md"),
    ("---\ntitle: Iron check\n---\n# Iron questionnaire\n\n"
     "Take 65 mg of iron daily for a month with orange juice and keep a diary.\n", "md"),
])
def test_questionnaire_section_covers_only_its_items(page: str, ext: str, isolated) -> None:
    assert missing(page, f"x.{ext}") is True

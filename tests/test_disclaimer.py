"""The bundled disclaimer-missing rule: when a page needs a disclaimer, and which ones count."""
from __future__ import annotations

import pytest

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

def _fires(text: str, path: str = "x.md") -> bool:
    from medlint import lint_text

    return bool(lint_text(text, path=path, config={}, select=["disclaimer-missing"]))


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
    "---\ntitle: SAD not reduced by 2800 IU of vitamin D\n---\nA randomised trial found no effect.\n",
    "# Vitamin D supplementation for depression\n\nA randomised trial found no effect.\n",
])
def test_advice_and_the_pages_title_still_need_a_disclaimer(text: str, isolated) -> None:
    assert _fires(text)


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

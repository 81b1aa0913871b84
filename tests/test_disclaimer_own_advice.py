"""disclaimer-missing: the page's own advice is not hidden by the heuristics that set aside refuted
claims, histories and reports (a mistakes/myths list, a "(false ...)" aside, "Put them on", a dated
advice the page still stands by, "studies suggest ... should take"). Each case beside the one its
heuristic was built for, in Markdown and in HTML."""
from __future__ import annotations

import pytest

from helpers import article_page
from medlint import lint_text


def missing(text: str, path: str) -> bool:
    return bool(lint_text(text, path=path, config={}, select=["disclaimer-missing"]))


def page(title: str, paragraphs: list[str], ext: str) -> str:
    """A page with the pharmacy team's opening line (see :func:`helpers.article_page`)."""
    return article_page(title, paragraphs, ext, "Some notes from our pharmacy team, revised this autumn.")


# A list led in as mistakes or myths covers the items that state them, not the page's own
# imperatives under it, nor a list whose own lead ("what to do instead", "our plan") is the page's.
@pytest.mark.parametrize("ext", ["md", "html"])
@pytest.mark.parametrize("paragraphs, advises", [
    (["Magnesium helps cramps only when used sensibly. Steer clear of these frequent errors:",
      "- Buying the oxide form, which the gut barely absorbs.",
      "- Take 250 mg of magnesium citrate with the evening meal instead of on waking."], True),
    (["Zinc myths spread fast every cold season. Here is what to do instead:",
      "- Suck one 10 mg zinc lozenge every three hours for the first two days."], True),
    (["Most of the zinc advice on forums is outdated.", "Our cold-season routine:",
      "- Suck one 10 mg zinc lozenge every three hours for the first two days."], True),
    # built for: items stating the myths, and a named source's wrong advice even in the imperative
    (["Three zinc myths that refuse to die:",
      "- Zinc at 150 mg a day stops every cold in its tracks."], False),
    (["The gym's handout is wrong on two counts.",
      "- Never go above 25 mg of zinc a day, even for a week."], False),
])
def test_mistakes_and_myths_lists(paragraphs: list[str], advises: bool, ext: str, isolated) -> None:
    assert missing(page("Zinc and magnesium basics", paragraphs, ext), f"x.{ext}") is advises


# The verdict mark stands alone: "(Myth: ...)", "(false)"; "(false rumours ...)" is a remark.
@pytest.mark.parametrize("ext", ["md", "html"])
@pytest.mark.parametrize("sentence, advises", [
    ("Children over five can have 5 mg of melatonin at bedtime (false rumours say it stunts growth).", True),
    ("Melatonin at 5 mg makes every child sleep through the night (false).", False),
    ("Melatonin at 5 mg makes every child sleep through the night (Myth: many still wake).", False),
])
def test_verdict_mark_stands_alone(sentence: str, advises: bool, ext: str, isolated) -> None:
    assert missing(page("Melatonin for children", [sentence], ext), f"x.{ext}") is advises


# "Put them on" opening a sentence is an imperative; "she put him on" is a history.
@pytest.mark.parametrize("ext", ["md", "html"])
@pytest.mark.parametrize("sentence, advises", [
    ("Toddlers who refuse red meat run short of iron. Put them on 7 mg of iron drops with breakfast.", True),
    ("Our toddler refused red meat, so the GP put him on 7 mg of iron drops with breakfast.", False),
])
def test_put_on_as_imperative_or_history(sentence: str, advises: bool, ext: str, isolated) -> None:
    assert missing(page("Iron for fussy toddlers", [sentence], ext), f"x.{ext}") is advises


# A dated recommendation the page still stands by, or its own body's, is advice; a third party's
# dated recommendation with nothing to say it holds is history.
@pytest.mark.parametrize("ext", ["md", "html"])
@pytest.mark.parametrize("sentence, advises", [
    ("In 2022 the surgery's nurses advised pregnant women to take 10 mg of iron daily, and that still applies.", True),
    ("In 2021 our midwives advised pregnant women to take 10 mg of iron daily.", True),
    ("In 1994 the ministry advised pregnant women to take 10 mg of iron daily.", False),
])
def test_dated_advice_that_still_holds(sentence: str, advises: bool, ext: str, isolated) -> None:
    assert missing(page("Iron in pregnancy", [sentence], ext), f"x.{ext}") is advises


# Studies credited in general: a present modal of advice after "suggest that" is the page's advice;
# a finding reported ("is safe"), or a conclusion credited to the authors, is their report.
@pytest.mark.parametrize("ext", ["md", "html"])
@pytest.mark.parametrize("sentence, advises", [
    ("Several trials suggest that older adults must take 1,200 mg of calcium each day.", True),
    ("Recent trials suggest that 1,200 mg of calcium is tolerated by most older adults.", False),
    ("The authors concluded that the allowance should rise to 1,200 mg of calcium for older adults.", False),
])
def test_studies_suggest_with_a_modal(sentence: str, advises: bool, ext: str, isolated) -> None:
    assert missing(page("Calcium after sixty", [sentence], ext), f"x.{ext}") is advises

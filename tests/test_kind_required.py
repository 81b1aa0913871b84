"""The required kind: text that must appear, under conditions."""
from __future__ import annotations

from helpers import run_rule

DISCLAIMER = {"patterns": [r"not (?:intended as |a substitute for )?medical advice"]}


def test_reported_once_at_first_body_line() -> None:
    (d,) = run_rule("required", DISCLAIMER, "---\ntitle: x\n---\nTake 5 mg.\nMore.\n")
    assert (d.line, d.column) == (4, 1)
    (d,) = run_rule("required", DISCLAIMER, "Take 5 mg.")
    assert (d.line, d.column) == (1, 1)


def test_satisfied_by_prose_only() -> None:
    assert run_rule("required", DISCLAIMER, "Dose.\n\nThis is Not Medical Advice.") == []
    # In a comment it does not count.
    assert len(run_rule("required", DISCLAIMER, "Dose.\n\n<!-- not medical advice -->")) == 1


def test_when_front_matter_field_matches() -> None:
    opts = {**DISCLAIMER, "when": {"frontmatter": {"categories": "^health$"}}}
    assert len(run_rule("required", opts, "---\ncategories: [news, health]\n---\nText")) == 1
    assert run_rule("required", opts, "---\ncategories: [news]\n---\nText") == []
    assert run_rule("required", opts, "No front matter") == []


def test_when_files_and_prose_with_any_or_all() -> None:
    when_all = {**DISCLAIMER, "when": {"files": ["posts/**"], "prose": [r"\bsupplement"]}}
    assert len(run_rule("required", when_all, "Take a supplement.", path="posts/a.md")) == 1
    assert run_rule("required", when_all, "Take a supplement.", path="pages/a.md") == []
    assert run_rule("required", when_all, "Walk daily.", path="posts/a.md") == []
    when_any = {**DISCLAIMER, "when": {"files": ["posts/**"], "prose": [r"\bsupplement"], "match": "any"}}
    assert len(run_rule("required", when_any, "Walk daily.", path="posts/a.md")) == 1


def test_position_start_and_end() -> None:
    body = "\n".join(["Line %d." % i for i in range(30)])
    at_start = {**DISCLAIMER, "position": "start", "lines": 3}
    at_end = {**DISCLAIMER, "position": "end", "lines": 3}
    top = "Not medical advice.\n" + body
    bottom = body + "\nNot medical advice.\n\n"
    assert run_rule("required", at_start, top) == []
    assert len(run_rule("required", at_start, bottom)) == 1
    assert run_rule("required", at_end, bottom) == []
    assert len(run_rule("required", at_end, top)) == 1


def test_trigger_names_the_place_that_made_the_condition_hold() -> None:
    when_all = {**DISCLAIMER, "when": {"files": ["posts/**"], "prose": [r"\bsupplement"]}}
    (d,) = run_rule("required", when_all, "Intro.\n\nTake a supplement.", path="posts/a.md", message="X{trigger}")
    assert d.message == 'X (line 3: "Take a supplement.")'
    by_field = {**DISCLAIMER, "when": {"frontmatter": {"categories": "health"}}}
    (d,) = run_rule("required", by_field, "---\ncategories: [health]\n---\nText", message="X{trigger}")
    assert d.message == "X"  # a front matter field has no sentence to name
    no_dose = {**DISCLAIMER, "when": {"dose": False}}
    assert len(run_rule("required", no_dose, "Walk daily.")) == 1
    assert run_rule("required", no_dose, "Take 5 mg daily.") == []
